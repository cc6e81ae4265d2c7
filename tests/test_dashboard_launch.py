"""The start command (scripts/dashboard.sh): installs once, then starts offline with safe flags.

The scripts run in a copy of the repository's launch files with a stand-in
virtual environment whose ``python`` only records how it was called, so the
tests see exactly which installs and which server command the scripts ask
for, with the package index made unreachable (``PIP_NO_INDEX``, a dead
``PIP_INDEX_URL``) and without touching any real environment.
"""

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAFE_FLAGS = [
    "--server.address", "localhost", "--server.headless", "true",
    "--server.maxUploadSize", "10", "--client.showErrorDetails", "none",
    "--client.toolbarMode", "viewer", "--browser.gatherUsageStats", "false",
]
STUB = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$STUB_LOG"
if [ "$1" = "-c" ]; then
  case "$2" in
    import\\ streamlit*) [ "${STUB_IMPORTS_OK:-1}" = "1" ] ;;
    *) exit 0 ;;
  esac
  exit $?
fi
if [ "$1" = "scripts/deps_ok.py" ]; then [ "${STUB_DEPS_OK:-0}" = "1" ]; exit $?; fi
exit 0
"""


@pytest.fixture
def repo(tmp_path):
    """A copy of the launch files and a stand-in environment."""
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    for name in ("scripts/dashboard.sh", "scripts/setup.sh", "scripts/deps_ok.py",
                 "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    python = copy / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(STUB)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return copy


def launch(repo: Path, *args: str, **env: str) -> list[str]:
    """Run the start command; return the stand-in python's calls."""
    log = repo / "calls.log"
    log.write_text("")
    offline = {
        "PIP_NO_INDEX": "1", "PIP_INDEX_URL": "http://127.0.0.1:9/", "STUB_LOG": str(log),
        "PATH": os.environ["PATH"], "STUB_DEPS_OK": "0",
    }
    subprocess.run(["bash", "scripts/dashboard.sh", *args], cwd=repo, check=True,
                   env={**offline, **env}, capture_output=True, timeout=60)
    return log.read_text().splitlines()


def pip_calls(calls: list[str]) -> list[str]:
    return [c for c in calls if c.startswith("-m pip")]


def test_dashboard_launch_installs_once_without_extras_then_never(repo):
    first = launch(repo, "--server.port", "8600")
    assert pip_calls(first) == ["-m pip install --quiet --no-build-isolation --no-index -e ."]
    assert list((repo / ".venv").glob(".slant-installed-base-*"))
    again = launch(repo)
    assert pip_calls(again) == []
    # The server command carries the safe settings, then the caller's own flags.
    (server,) = [c for c in first if c.startswith("-m streamlit")]
    assert server.split() == ["-m", "streamlit", "run", "dashboard/app.py", *SAFE_FLAGS,
                              "--server.port", "8600"]


def test_dashboard_launch_uses_the_test_environment_as_is(repo):
    (repo / ".venv" / ".slant-installed-dev,dask-0000000000000000").touch()
    subprocess.run(["bash", "-c", "touch .venv/.slant-installed-dev,dask-$(sha256sum "
                    "pyproject.toml | cut -c1-16)"], cwd=repo, check=True)
    assert pip_calls(launch(repo)) == []


def test_dashboard_launch_reinstalls_when_the_project_changes(repo):
    launch(repo)
    with (repo / "pyproject.toml").open("a") as handle:
        handle.write("\n# a new dependency\n")
    assert len(pip_calls(launch(repo))) == 1


def test_dashboard_launch_reinstalls_when_the_environment_is_broken(repo):
    launch(repo)
    assert len(pip_calls(launch(repo, STUB_IMPORTS_OK="0"))) == 1


def test_dashboard_launch_installs_nothing_when_the_dependencies_are_there(repo):
    calls = launch(repo, STUB_DEPS_OK="1")
    assert "scripts/deps_ok.py" in calls and pip_calls(calls) == []
    assert list((repo / ".venv").glob(".slant-installed-base-*"))


def test_dashboard_launch_deps_check_reads_the_pins(tmp_path):
    import sys

    project = tmp_path / "pyproject.toml"
    project.write_text(
        '[project]\nname = "x"\ndependencies = ["pytest==0.0.1", '
        '"streamlit==9.9; python_version < \'3.0\'"]\n'
    )
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "deps_ok.py")], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "pytest==0.0.1 (installed: " in run.stderr and "streamlit" not in run.stderr
