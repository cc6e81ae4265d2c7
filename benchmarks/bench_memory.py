"""Peak memory of streaming output: does it grow from 1,000 to 10,000 articles?

One run streams N articles (default 10,000) as ``--format jsonl`` with two
workers. While it runs, the resident set size of the CLI process and of each
worker is sampled every 50 ms (psutil) and the articles written so far are
counted in the output file, so the peak up to the 1,000th article and the peak
up to the 10,000th come from the same run. At exit the exact peaks from
``getrusage`` are printed too (sampling can miss a spike between samples).

The batch path reads a table row by row and writes each article as its chunk
finishes, with a bounded number of chunks in flight, so the peak should not
grow with the number of articles.

    python benchmarks/bench_memory.py                  # 10,000 articles
    python benchmarks/bench_memory.py --n 2000 --checkpoints 200 2000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_run import ROOT, WRAPPER, machine  # noqa: E402
from corpus import corpus  # noqa: E402

GROWTH_TOLERANCE = 1.10
"""The peak at the last checkpoint may be at most 10% above the first to count as flat."""
INTERVAL = 0.05


def _rss(proc: psutil.Process) -> tuple[float, float]:
    """RSS in MB of the process and of its largest child."""
    try:
        own = proc.memory_info().rss
        kids = [c.memory_info().rss for c in proc.children(recursive=True)]
    except psutil.Error:
        return 0.0, 0.0
    return own / 2**20, max(kids, default=0) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description="Peak RSS of streamed JSONL output.")
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    path = corpus(args.n)
    checkpoints = sorted(c for c in args.checkpoints if c <= args.n)
    print(f"Memory: slant analyze {path.name} --format jsonl --no-compare "
          f"--workers {args.workers} -o FILE")
    print(f"  machine: {machine()}")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.touch()
        command = [sys.executable, "-c", WRAPPER, "analyze", str(path), "--format", "jsonl",
                   "--no-compare", "--workers", str(args.workers), "-o", str(out)]
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        proc = psutil.Process(child.pid)
        peak_parent = peak_worker = 0.0
        written = 0
        seen: dict[int, tuple[float, float, float]] = {}
        with out.open("rb") as reader:
            while child.poll() is None:
                parent, worker = _rss(proc)
                peak_parent, peak_worker = max(peak_parent, parent), max(peak_worker, worker)
                written += reader.read().count(b"\n")
                for mark in checkpoints:
                    if written >= mark and mark not in seen:
                        seen[mark] = (peak_parent, peak_worker, time.perf_counter() - start)
                time.sleep(INTERVAL)
            written += reader.read().count(b"\n")
        stderr = child.stderr.read() if child.stderr else ""
    for mark in checkpoints:
        seen.setdefault(mark, (peak_parent, peak_worker, time.perf_counter() - start))
    import json

    exact = json.loads(stderr.strip().splitlines()[-1])
    for mark in checkpoints:
        parent, worker, at = seen[mark]
        print(f"  peak up to article {mark:>6}: CLI process {parent:6.1f} MB, "
              f"largest worker {worker:6.1f} MB   (reached at {at:.0f} s)")
    print(f"  exact peaks at exit ({written} lines): CLI process "
          f"{exact['parent_kb'] / 1024:6.1f} MB, largest worker {exact['child_kb'] / 1024:6.1f} MB")
    if len(checkpoints) > 1:
        first, last = checkpoints[0], checkpoints[-1]
        growth = max(seen[last][:2]) / max(max(seen[first][:2]), 1e-9)
        flat = "flat" if growth <= GROWTH_TOLERANCE else "GROWS"
        print(f"  peak at {last} / peak at {first}: {growth:.2f}x ({flat})")


if __name__ == "__main__":
    main()
