"""The code base stays lint-clean: ruff runs as part of the test command."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("target", ["analysis", "dashboard", "tests", "benchmarks"])
def test_style_ruff_reports_nothing(target):
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    done = subprocess.run(
        [ruff, "check", "--output-format", "concise", target],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_style_library_never_imports_streamlit_or_altair():
    # analysis/ is a pure library: the dashboard imports it, never the reverse.
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "analysis").rglob("*.py")
        if any(
            line.lstrip().startswith(
                ("import streamlit", "from streamlit", "import altair", "from altair")
            )
            for line in path.read_text("utf-8").splitlines()
        )
    ]
    assert offenders == []
