"""Print every performance figure of Slant: the single entry point.

Runs each benchmark script in its own process, one after the other (so they
do not compete for the CPUs), and prints its figures as they come. Scripts
written for other issues (comparison scaling, dashboard, pathological input)
are run when they exist. The whole run is meant to take under 5 minutes on a
2-core machine; the time of each part is printed so the slow ones show.

    python benchmarks/run.py
    python benchmarks/run.py --quick      # smaller corpora, for a smoke test
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_run import machine  # noqa: E402


def plan(quick: bool) -> list[tuple[str, list[str]]]:
    n = "200" if quick else "1000"
    memory = ["--n", "1000", "--checkpoints", "200", "1000"] if quick else ["--n", "10000"]
    return [
        ("bench_coldstart.py", ["--runs", "3"]),
        ("bench_pipeline.py", ["--n", n]),
        ("bench_workers.py", ["--n", n]),
        ("bench_memory.py", memory),
        # One alignment run per size and three dashboard rounds keep the
        # whole run near five minutes; run the scripts alone for best-of-N.
        # --story: issue 15's figure, a 300-article story analysed and
        # compared in one process against VADER alone on its sentences.
        ("bench_compare.py", ["--sizes", "10", "100", "300", "1000", "3000", "--story", "300"]),
        ("bench_dashboard.py", ["--rounds", "3"]),
        ("bench_lexicon.py", []),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description="Run every Slant benchmark.")
    parser.add_argument("--quick", action="store_true", help="smaller corpora (a smoke test)")
    args = parser.parse_args()
    print(f"Slant benchmarks on {machine()}\n")
    failed = []
    start = time.perf_counter()
    for script, extra in plan(args.quick):
        path = HERE / script
        if not path.exists():
            print(f"({script}: not present, skipped)\n")
            continue
        began = time.perf_counter()
        sys.stdout.flush()
        done = subprocess.run([sys.executable, str(path), *extra], cwd=HERE.parent)
        took = time.perf_counter() - began
        status = "" if done.returncode == 0 else f", FAILED with exit code {done.returncode}"
        if done.returncode:
            failed.append(script)
        print(f"  [{script} {' '.join(extra)}: {took:.0f} s{status}]\n")
    total = time.perf_counter() - start
    print(f"All benchmarks: {total:.0f} s (target < 300 s: {'met' if total < 300 else 'MISSED'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
