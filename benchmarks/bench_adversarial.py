"""Feed the red-team inputs of issue 16 at 1x and 4x their size and print the time ratios.

Each input is read through the same reader the CLI and the dashboard use
(:func:`analysis.input.loading.read_upload`, so HTML and Markdown take their
own paths) and then cleaned, segmented and analysed by
:func:`analysis.pipeline.analyse_raw`, in this one process. Linear work
gives a ratio near 4; the acceptance bar is a ratio of at most 5 for every
input and at most 30 s for any input at 1 MB. Both sizes of one input are
timed side by side in the same run, alternating, and each figure is the best
of ``--repeat`` runs, so a busy machine (ours is shared) shifts both alike.
The token cache is emptied before every run: otherwise a repeat of the same
text finds its tokens cached and the best of three is not a full run. Beside the
whole pipeline, the ratio of the segmentation stage (paragraphs, sentences,
quotes, words and tokens: ``make_doc`` on the cleaned text, timed again on its
own) is printed, and with ``--stages`` the ratio of every stage as the
pipeline times it.

Times are CPU seconds of this process by default: on a shared machine wall
time moves with other people's load (at a load of 11 on two cores, the wall
ratios of one input swung from 1.2 to 12 between runs), while CPU time
does not. ``--wall`` times in wall seconds instead; the pipeline's own stage
figures (``--stages``) are always wall seconds.

Run::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_adversarial.py            # 256 KB and 1 MB
    PYTHONPATH=. .venv/bin/python benchmarks/bench_adversarial.py --base 65536
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.input.loading import read_upload  # noqa: E402
from analysis.pipeline import analyse_raw, make_doc  # noqa: E402
from analysis.text.cleaning import clean  # noqa: E402
from analysis.text.tokens import tokenize  # noqa: E402

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


def _time(name: str, data: bytes, clock: Callable[[], float]) -> dict[str, float]:
    """Seconds on ``clock`` to read and analyse ``data`` as a file ``name``, and per stage.

    Returns ``total`` and ``segmentation`` on ``clock``, and the pipeline's
    other stages in its own wall seconds.
    """
    tokenize.cache_clear()
    stages: dict[str, float] = {}
    start = clock()
    articles, _ = read_upload(name, data, max_bytes=len(data) + 1)
    for raw in articles:
        analyse_raw(raw, timings=stages)
    total = clock() - start
    segmentation = 0.0
    for raw in articles:
        text = clean(raw.text).text
        tokenize.cache_clear()
        begin = clock()
        make_doc(text, raw.id)
        segmentation += clock() - begin
    return {"total": total, **stages, "segmentation": segmentation}


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    """The least seconds of each stage over ``runs``."""
    return {key: min(run.get(key, 0.0) for run in runs) for key in runs[0]}


def main() -> None:
    """Print one row per input: seconds at 1x and 4x and their ratios, whole and segmentation."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=262_144, help="1x size in bytes")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--stages", action="store_true", help="print every stage's ratio")
    parser.add_argument("--wall", action="store_true", help="wall seconds, not CPU seconds")
    args = parser.parse_args()
    clock = time.perf_counter if args.wall else time.process_time
    small, large = args.base, args.base * 4
    _time("warm.txt", _data("Officials said. ", 2000), clock)  # imports and lexicons, once
    print(f"{'wall' if args.wall else 'CPU'} seconds, best of {args.repeat}\n")
    print(
        f"| input | {small // 1024} KB s | {large // 1024} KB s | ratio "
        "| segmentation s | ratio | before |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    worst = worst_segmentation = slowest = 0.0
    for name, suffix, unit, before in INPUTS:
        ones: list[dict[str, float]] = []
        fours: list[dict[str, float]] = []
        for _ in range(args.repeat):
            for size, runs in ((small, ones), (large, fours)):
                runs.append(_time("x" + suffix, _data(unit, size), clock))
        one, four = _best(ones), _best(fours)
        ratio = four["total"] / max(one["total"], 1e-9)
        segmentation = four["segmentation"] / max(one["segmentation"], 1e-9)
        worst, slowest = max(worst, ratio), max(slowest, four["total"])
        worst_segmentation = max(worst_segmentation, segmentation)
        print(
            f"| {name} | {one['total']:.2f} | {four['total']:.2f} | {ratio:.1f} "
            f"| {one['segmentation']:.2f} / {four['segmentation']:.2f} | {segmentation:.1f} "
            f"| {before} |",
            flush=True,
        )
        if args.stages:
            print(
                "|  | "
                + ", ".join(
                    f"{key} {four[key] / max(one[key], 1e-9):.1f}" for key in one if key != "total"
                )
                + " |||||"
            )
    print(
        f"\nworst ratio {worst:.1f} (bar: 5.0); worst segmentation ratio "
        f"{worst_segmentation:.1f}; slowest at {large // 1024} KB {slowest:.1f} s"
    )


if __name__ == "__main__":
    main()
