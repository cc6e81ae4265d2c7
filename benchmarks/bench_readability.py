"""Readability from counts taken once, against textstat's eight calls, side by side.

Run: .venv/bin/python benchmarks/bench_readability.py [--n 300]

On the benchmark corpus (benchmarks/corpus.py) it times, in one run and in
alternating rounds so that machine noise hits both alike:

- textstat: the eight grade figures as Slant computed them before, one
  textstat call each (with textstat's 128-entry caches, and again with the
  16,384-word syllable cache Slant used to patch in);
- counts: :func:`analysis.measures.readability_counts.count` once, then the
  eight formulas over the counts;
- VADER alone on the same texts (sentences split on ``[.!?]\\s+``), the
  yardstick of issue 15.

It also checks that both give the same figures on every article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from analysis.measures import readability_counts as formulas  # noqa: E402
from analysis.measures.offline import textstat  # noqa: E402

NAMES = formulas.FORMULAS


def by_textstat(ts, text: str) -> list[float]:
    """The figures through textstat's public functions."""
    grades = [getattr(ts, n)(text) for n in NAMES]
    return [*grades, float(ts.text_standard(text, float_output=True))]


def by_counts(text: str) -> list[float]:
    """The figures from counts taken once."""
    c = formulas.count(text)
    return [getattr(formulas, n)(c) for n in NAMES] + [formulas.text_standard(c)]


def widen(ts) -> None:
    """Give textstat the wide syllable cache Slant patched in before (for comparison)."""
    import importlib

    module = importlib.import_module("textstat.backend.counts._count_syllables")
    uncached = module.count_syllables.__wrapped__
    cached = lru_cache(maxsize=16_384)(uncached)

    def count(text: str, lang: str) -> int:
        return cached(text, lang) if len(text) <= 40 else uncached(text, lang)

    for name in (
        "textstat.backend.counts",
        "textstat.backend.counts._count_syllables",
        "textstat.backend.counts._count_polysyllable_words",
        "textstat.backend.metrics._linsear_write_formula",
        "textstat.backend.metrics._syllables_per_word",
        "textstat.backend.validations._is_difficult_word",
    ):
        mod = importlib.import_module(name)
        if hasattr(mod, "count_syllables"):
            mod.count_syllables = count


def clear(ts) -> None:
    """Empty textstat's per-text caches so each round really computes."""
    import gc

    for obj in gc.get_objects():
        if callable(obj) and hasattr(obj, "cache_clear") and "textstat" in getattr(
            obj, "__module__", ""
        ):
            obj.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in corpus(args.n).read_text().splitlines()]
    ts = textstat()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    split = re.compile(r"[.!?]\s+")
    mismatches = sum(by_textstat(ts, t) != by_counts(t) for t in texts)
    clear(ts)
    times: dict[str, list[float]] = {"textstat": [], "textstat, wide cache": [], "counts": [],
                                     "VADER alone": []}
    for _ in range(args.rounds):
        clear(ts)
        start = time.process_time()
        for t in texts:
            by_textstat(ts, t)
        times["textstat"].append(time.process_time() - start)
        start = time.process_time()
        for t in texts:
            by_counts(t)
        times["counts"].append(time.process_time() - start)
        formulas.syllables.cache_clear()
        formulas.text_syllables.cache_clear()
        start = time.process_time()
        for t in texts:
            for sentence in split.split(t):
                vader.polarity_scores(sentence)
        times["VADER alone"].append(time.process_time() - start)
    widen(ts)
    for _ in range(args.rounds):
        clear(ts)
        start = time.process_time()
        for t in texts:
            by_textstat(ts, t)
        times["textstat, wide cache"].append(time.process_time() - start)
    vader_time = min(times["VADER alone"])
    print(f"{len(texts)} articles, {args.rounds} rounds, best CPU time of each")
    print(f"{'method':<24}{'seconds':>10}{'x VADER':>10}")
    for name, values in times.items():
        best = min(values)
        print(f"{name:<24}{best:>10.3f}{best / vader_time:>10.2f}")
    print(f"articles whose figures differ: {mismatches}")


if __name__ == "__main__":
    main()
