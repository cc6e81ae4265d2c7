"""Exit 0 when the running Python already has pyproject.toml's pinned dependencies.

Usage: ``python scripts/deps_ok.py [EXTRA ...]``. Reads the project's
``dependencies`` (and the named optional groups), evaluates their environment
markers and compares each pinned version with the installed one, without
touching the network. Prints what is missing or different.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

try:
    from packaging.markers import Marker
except ImportError:  # pip vendors packaging
    from pip._vendor.packaging.markers import Marker

_PIN = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*([^;\s]+)\s*(?:;(.*))?$")


def wanted(extras: list[str]) -> list[tuple[str, str]]:
    """``(name, version)`` for every pin that applies to this interpreter."""
    project = tomllib.loads(Path("pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project.get("optional-dependencies", {}).get(extra, [])
    pins = []
    for line in lines:
        match = _PIN.match(line)
        if match is None:
            pins.append((line.strip(), ""))  # not a plain pin: cannot be checked offline
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        pins.append((name, version))
    return pins


def main() -> int:
    """Print each missing or different dependency; 0 when there is none."""
    missing = []
    for name, version in wanted([e for e in sys.argv[1:] if e]):
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = None
        if not version or found != version:
            missing.append(f"{name}=={version or '?'} (installed: {found or 'none'})")
    for item in missing:
        print(f"deps: {item}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
