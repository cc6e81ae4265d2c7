#!/usr/bin/env bash
# Start the dashboard on the seed story: http://localhost:8501
#
# The first run installs what the dashboard needs (no test tools, no Dask)
# into .venv; later runs install nothing and start without the network.
# The safe server settings are passed explicitly, so they hold whatever the
# working directory (the app checks them too); arguments given here come
# last and win, e.g. `bash scripts/dashboard.sh --server.address 0.0.0.0` to
# share with a class on purpose (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
SLANT_EXTRAS="" SLANT_SKIP_BROWSER=1 bash scripts/setup.sh
VENV=${SLANT_VENV:-.venv}
exec "$VENV/bin/python" -m streamlit run dashboard/app.py \
  --server.address localhost \
  --server.headless true \
  --server.maxUploadSize 10 \
  --client.showErrorDetails none \
  --client.toolbarMode viewer \
  --browser.gatherUsageStats false \
  "$@"
