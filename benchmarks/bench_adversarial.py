"""Feed the red-team inputs of issue 16 at 1x and 4x their size and print the time ratios.

Each input is read through the same reader the CLI and the dashboard use
(:func:`analysis.input.loading.read_upload`, so HTML and Markdown take their
own paths) and then cleaned, segmented and analysed by
:func:`analysis.pipeline.analyse_raw`, in this one process. Linear work
gives a ratio near 4; the acceptance bar is a ratio of at most 5 for every
input and at most 30 s for any input at 1 MB. Both sizes of one input are
timed side by side in the same run, alternating, and each figure is the best
of ``--repeat`` runs, so a busy machine (ours is shared) shifts both alike.

Run::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_adversarial.py            # 256 KB and 1 MB
    PYTHONPATH=. .venv/bin/python benchmarks/bench_adversarial.py --base 65536
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.input.loading import read_upload  # noqa: E402
from analysis.pipeline import analyse_raw  # noqa: E402

LEAD = "Officials said the plan was approved on Monday.\n"

# (name, file suffix, repeated unit, what it broke before)
INPUTS = (
    ("bio-cue a-a-a", ".txt", "a-", "quadratic bio-cue regex (85 s at 50 KB)"),
    ("open “ quote", ".txt", "“a ", "sentencex on an unclosed curly quote"),
    ("open ‘ quote", ".txt", "‘a ", "sentencex on an unclosed single quote"),
    ("open « quote", ".txt", "«a ", "sentencex on an unclosed guillemet"),
    ("a!A", ".txt", "a!A", "sentencex on ! before a non-space"),
    ("![ markdown", ".md", "![", "Markdown image openers, then sentencex"),
    ("!) text", ".txt", "!)", "sentencex on ! before a bracket"),
    ("?[ text", ".txt", "?[", "sentencex on ? before a bracket"),
    ("<a html", ".html", "<a ", "3 MB did not finish in 180 s"),
    ("prose, one line", ".txt", "Officials said the plan would pass, critics said. ", "baseline"),
)


def _data(unit: str, size: int) -> bytes:
    body = unit * (size // len(unit.encode("utf-8")))
    return (LEAD + body + "\n").encode("utf-8")


def _time(name: str, data: bytes) -> float:
    start = time.perf_counter()
    articles, _ = read_upload(name, data, max_bytes=len(data) + 1)
    for raw in articles:
        analyse_raw(raw)
    return time.perf_counter() - start


def main() -> None:
    """Print one row per input: seconds at 1x and 4x, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=262_144, help="1x size in bytes")
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    args = parser.parse_args()
    small, large = args.base, args.base * 4
    _time("warm.txt", _data("Officials said. ", 2000))  # imports and lexicons, once
    print(f"| input | {small // 1024} KB s | {large // 1024} KB s | ratio | before |")
    print("|---|---:|---:|---:|---|")
    worst = 0.0
    slowest = 0.0
    for name, suffix, unit, before in INPUTS:
        t1 = t4 = float("inf")
        for _ in range(args.repeat):
            t1 = min(t1, _time("x" + suffix, _data(unit, small)))
            t4 = min(t4, _time("x" + suffix, _data(unit, large)))
        ratio = t4 / max(t1, 1e-9)
        worst, slowest = max(worst, ratio), max(slowest, t4)
        print(f"| {name} | {t1:.2f} | {t4:.2f} | {ratio:.1f} | {before} |", flush=True)
    print(f"\nworst ratio {worst:.1f} (bar: 5.0); slowest at {large // 1024} KB {slowest:.1f} s")


if __name__ == "__main__":
    main()
