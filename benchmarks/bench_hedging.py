"""Time the hedging stage alone at 1x and 4x the input, and print the ratios (issue 16).

Each input is segmented once by :func:`analysis.pipeline.make_doc`;
only :func:`analysis.measures.hedging.analyse` is timed (CPU time, best of
``--repeat`` runs, both sizes alternating in one run, so a busy machine shifts
both alike). Linear work gives a ratio near 4. "quoted prose" is the case that
grew with the square of the text before (every match was checked against every
quote).

Run::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_hedging.py              # 256 KB and 1 MB
    PYTHONPATH=. .venv/bin/python benchmarks/bench_hedging.py --base 65536
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.measures import hedging  # noqa: E402
from analysis.pipeline import make_doc  # noqa: E402
from analysis.results.doc import Doc  # noqa: E402
from analysis.text.tokens import tokens_of  # noqa: E402

INPUTS = (
    ("prose, one line", "Officials said the plan would pass, critics said. "),
    ("quoted prose", 'He said "it may rain" today, and some say it might. '),
)


def _doc(unit: str, size: int) -> Doc:
    doc = make_doc(unit * (size // len(unit)))
    tokens_of(doc)  # tokenised before timing: the hedging stage alone is timed
    return doc


def _time(doc: Doc) -> float:
    start = time.process_time()
    hedging.analyse(doc)
    return time.process_time() - start


def main() -> None:
    """Print one row per input: CPU seconds at 1x and 4x, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=262_144, help="1x size in bytes")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    _time(_doc(INPUTS[0][1], 2000))  # imports, lexicon and weights, once
    print(f"| input | {args.base // 1024} KB s | {args.base // 256} KB s | ratio |")
    print("|---|---:|---:|---:|")
    for name, unit in INPUTS:
        small, large = _doc(unit, args.base), _doc(unit, args.base * 4)
        t1 = t4 = float("inf")
        for _ in range(args.repeat):
            t1, t4 = min(t1, _time(small)), min(t4, _time(large))
        print(f"| {name} | {t1:.2f} | {t4:.2f} | {t4 / t1:.1f} |", flush=True)


if __name__ == "__main__":
    main()
