"""Cold start: ``slant analyze seeds --format json`` in a fresh process.

Target: median under 1.0 s from process start to exit, and the CLI must
import neither Streamlit nor Altair (nor, once the comparison can do without
them on small stories, numpy and scipy: the probe lists what is loaded).
Each run is a new interpreter (nothing cached in memory; the OS file cache
is warm after the first run, as it is for a user who runs the command twice).
The best and the median of several runs are shown,
with the slowest imports (``python -X importtime``) and the modules loaded.

    python benchmarks/bench_coldstart.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0
FORBIDDEN = ("streamlit", "altair")
COMMAND = ["-m", "analysis", "analyze", "seeds", "--format", "json"]
PROBE = """
import sys, json
from analysis.cli import main
code = main(["analyze", "seeds", "--format", "json", "-o", "/dev/null"])
heavy = ("streamlit", "altair", "pandas", "numpy", "scipy", "sklearn", "nltk", "dask", "pyarrow")
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules],
                  "modules": len(sys.modules)}))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def time_runs(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *COMMAND], cwd=ROOT, env=_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"slant analyze failed ({done.returncode}): {done.stderr[-500:]}")
    return times


def probe_modules() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def slowest_imports(top: int) -> list[tuple[float, str]]:
    done = subprocess.run([sys.executable, "-X", "importtime", *COMMAND], cwd=ROOT, env=_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        try:
            cumulative = int(parts[1]) / 1e6
        except ValueError:
            continue
        name = parts[2].strip()
        # Top-level third-party packages, each at its first (costed) import.
        if "." not in name and not name.startswith(("analysis", "_")):
            rows.append((cumulative, name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description="Cold start of slant analyze.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = time_runs(args.runs)
    best, median = min(times), statistics.median(times)
    modules = probe_modules()
    print(f"Cold start: python -m analysis analyze seeds --format json ({args.runs} fresh runs)")
    print(f"  best                  {best:8.2f} s")
    print(f"  median                {median:8.2f} s   target < {TARGET_SECONDS} s: "
          f"{'met' if median < TARGET_SECONDS else f'MISSED by {median - TARGET_SECONDS:.2f} s'}")
    forbidden = [m for m in FORBIDDEN if m in modules["loaded"]]
    shown = "imported: " + ", ".join(forbidden) if forbidden else "not imported"
    print(f"  streamlit/altair      {shown}")
    print(f"  heavy modules loaded  {', '.join(modules['loaded']) or 'none'} "
          f"({modules['modules']} modules in all)")
    print("  slowest packages imported (cumulative, nested ones counted in their importer):")
    for seconds, name in slowest_imports(5):
        print(f"    {seconds:6.2f} s  {name}")


if __name__ == "__main__":
    main()
