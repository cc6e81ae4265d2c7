#!/usr/bin/env bash
# Set up what Slant needs in a virtual environment, once.
#
#   SLANT_EXTRAS   optional dependency groups to install (default "dev,dask",
#                  the test tools; scripts/dashboard.sh asks for none)
#   SLANT_VENV     the environment's folder (default .venv)
#   PYTHON         the Python to create it with (default python3)
#
# When the environment already holds this pyproject.toml's dependencies (a
# stamp file keyed on its hash and the imports work, or, for the dashboard,
# every pinned dependency installed: scripts/deps_ok.py), nothing is installed
# and the network is never touched; the dashboard runs from this folder.
# Otherwise pip installs the project with build isolation off (no build tools
# are downloaded when setuptools can build it) and tries without the package
# index first, so a machine that has every dependency installs offline. As root, where apt-get exists and the
# test tools are wanted, it also installs Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${SLANT_VENV:-.venv}
EXTRAS=${SLANT_EXTRAS-dev,dask}
HASH=$(sha256sum pyproject.toml | cut -c1-16)
STAMP="$VENV/.slant-installed-${EXTRAS:-base}-$HASH"
IMPORTS="import streamlit, altair, vl_convert, vaderSentiment, textstat, sentencex, analysis.pipeline"

ready() {
  local stamp_found=""
  if [ -z "$EXTRAS" ]; then
    # Every extras set installs the base dependencies too.
    compgen -G "$VENV/.slant-installed-*-$HASH" >/dev/null && stamp_found=1
  else
    [ -f "$STAMP" ] && stamp_found=1
  fi
  [ -n "$stamp_found" ] && "$VENV/bin/python" -c "$IMPORTS" >/dev/null 2>&1
}

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
# setuptools 70.1+ builds an editable install alone; 64 to 70.0 need wheel.
BUILDS="import importlib.util as u, setuptools, sys
v = tuple(int(p) for p in setuptools.__version__.split('.')[:2])
sys.exit(0 if v >= (70, 1) or (v >= (64, 0) and u.find_spec('wheel')) else 1)"
if ready; then
  echo "setup: $VENV already has Slant's dependencies${EXTRAS:+ ($EXTRAS)}; nothing to install." >&2
elif [ -z "$EXTRAS" ] && "$VENV/bin/python" scripts/deps_ok.py; then
  echo "setup: $VENV already has the dashboard's dependencies; nothing to install." >&2
  touch "$STAMP"
else
  SPEC="."
  [ -n "$EXTRAS" ] && SPEC=".[$EXTRAS]"
  if ! "$VENV/bin/python" -c "$BUILDS" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet "setuptools>=68" wheel
  fi
  echo "setup: installing Slant${EXTRAS:+ with $EXTRAS} into $VENV" >&2
  if ! "$VENV/bin/python" -m pip install --quiet --no-build-isolation --no-index -e "$SPEC" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --no-build-isolation -e "$SPEC"
  fi
  rm -f "$VENV"/.slant-installed-"${EXTRAS:-base}"-*
  touch "$STAMP"
fi
if [ "${SLANT_SKIP_BROWSER:-0}" != "1" ] && [ -n "$EXTRAS" ] && [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: /usr/bin/chromium is missing and cannot be installed here; browser tests will be skipped." >&2
  fi
fi
