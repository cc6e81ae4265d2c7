#!/usr/bin/env bash
# Install everything on a fresh machine, then open the dashboard on the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
SLANT_SKIP_BROWSER=1 bash scripts/setup.sh
exec .venv/bin/streamlit run dashboard/app.py "$@"
