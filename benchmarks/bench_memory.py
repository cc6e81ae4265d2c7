"""Peak memory of streaming output: ``--format jsonl`` at 1,000 and 10,000 articles.

The batch path reads a table row by row and writes each article as its chunk
finishes, with a bounded number of chunks in flight, so the peak resident set
size should not grow with the number of articles. This runs the same command
on two corpus sizes and prints the peak RSS of the parent process (reading and
writing) and of the largest worker.

    python benchmarks/bench_memory.py --sizes 1000 10000 --workers 2
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_run import machine, run_cli  # noqa: E402
from corpus import corpus  # noqa: E402

GROWTH_TOLERANCE = 1.10
"""Peak RSS at the largest size may be at most 10% above the smallest's to count as flat."""


def main() -> None:
    parser = argparse.ArgumentParser(description="Peak RSS of streamed JSONL output.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"Memory: slant analyze corpus.jsonl --format jsonl --no-compare "
          f"--workers {args.workers} -o /dev/null")
    print(f"  machine: {machine()}")
    peaks = {}
    for n in args.sizes:
        path = corpus(n)
        size_mb = path.stat().st_size / 1e6
        run = run_cli([str(path), "--format", "jsonl", "--no-compare", "-o", "/dev/null",
                       "--workers", str(args.workers)])
        peaks[n] = (run.parent_mb, run.child_mb)
        print(f"  {n:>7} articles ({size_mb:6.1f} MB in): parent {run.parent_mb:6.1f} MB, "
              f"largest worker {run.child_mb:6.1f} MB   ({run.seconds:.0f} s)")
    small, large = min(peaks), max(peaks)
    if small != large:
        growth = max(peaks[large]) / max(peaks[small])
        flat = "flat" if growth <= GROWTH_TOLERANCE else "GROWS"
        print(f"  peak at {large} / peak at {small}: {growth:.2f}x ({flat})")


if __name__ == "__main__":
    main()
