"""The sentiment stage against VADER alone, in CPU time, best of N.

Analyses N corpus articles once (``benchmarks/corpus.py``) to get their docs
(body and headline), then, R times over: runs :func:`analysis.measures.sentiment.analyse`
on every doc, and ``SentimentIntensityAnalyzer.polarity_scores`` on every body
sentence (the yardstick V of issue 15). Each figure is, per batch of
:data:`BATCH` articles, the least CPU time over the R runs, summed over the
batches, so that other programs on a shared machine move it little; the
bounded per-sentence caches of the sentiment modules are emptied before each
run, so a run costs what the pipeline pays once.

Run it from two trees in turn to compare a change side by side::

    python benchmarks/bench_sentiment.py --n 300 --trees /tmp/before .

alternates the trees (``--rounds`` times each, ``--repeats`` runs in each
process) and prints each tree's best ratio from one run; without ``--trees``
the code of this tree is measured once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402  (puts this tree first on the path)

if os.environ.get("SLANT_TREE"):  # --trees: measure that tree's code instead
    sys.path.insert(0, os.environ["SLANT_TREE"])

BATCH = 10
"""Articles timed together."""


def _clear_bounded_caches() -> None:
    """Empty the per-sentence caches (``lru_cache`` with a size), not the loaded tables."""
    from analysis.measures import actor_tone, sentiment, vader_explain

    for module in (actor_tone, sentiment, vader_explain):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None:
                value.cache_clear()


def measure(n: int, repeats: int) -> dict[str, float]:
    """Best-of-``repeats`` CPU seconds of the sentiment stage and of VADER alone."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.input.loading import RawArticle, iter_table
    from analysis.measures import sentiment
    from analysis.pipeline import ACTOR_SAMPLE, analyse_raw
    from analysis.results.article import Article
    from analysis.text.actors import guess_actors

    path = corpus(n)
    with path.open("rb") as handle:
        raws = [r for r in iter_table(path.name, handle) if isinstance(r, RawArticle)]
    actors = guess_actors(r.text for r in raws[:ACTOR_SAMPLE])
    articles = [a for a in (analyse_raw(r, actors) for r in raws) if isinstance(a, Article)]
    sentences = [s.text for a in articles for s in a.sentences]
    vader = SentimentIntensityAnalyzer()
    # Per batch of articles, the least CPU time over the runs: a burst of
    # load from other programs then spoils one batch of one run, not a run.
    batches = [articles[k : k + BATCH] for k in range(0, len(articles), BATCH)]
    stage = [float("inf")] * len(batches)
    alone = [float("inf")] * len(batches)
    for _ in range(repeats):
        _clear_bounded_caches()
        for b, batch in enumerate(batches):
            start = time.process_time()
            for article in batch:
                sentiment.analyse(article.doc)
                sentiment.analyse(article.headline.doc)
            stage[b] = min(stage[b], time.process_time() - start)
            texts = [s.text for a in batch for s in a.sentences]
            start = time.process_time()
            for text in texts:
                vader.polarity_scores(text)
            alone[b] = min(alone[b], time.process_time() - start)
    best_stage, best_vader = sum(stage), sum(alone)
    return {
        "articles": len(articles),
        "sentences": len(sentences),
        "sentiment_cpu_seconds": best_stage,
        "vader_alone_cpu_seconds": best_vader,
        "ratio": best_stage / best_vader,
    }


def _run_tree(tree: str, n: int, repeats: int) -> dict[str, float]:
    env = {**os.environ, "SLANT_TREE": str(Path(tree).resolve())}
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--n",
        str(n),
        "--repeats",
        str(repeats),
        "--json",
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, check=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3, help="runs per process (best kept)")
    parser.add_argument("--trees", nargs="+", help="source trees to alternate")
    parser.add_argument("--rounds", type=int, default=3, help="alternations with --trees")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.trees:
        report = measure(args.n, args.repeats)
        print(
            json.dumps(report)
            if args.json
            else f"sentiment {report['sentiment_cpu_seconds']:.2f} CPU-s, VADER alone "
            f"{report['vader_alone_cpu_seconds']:.2f} CPU-s: {report['ratio']:.2f} V "
            f"({report['articles']} articles, {report['sentences']} sentences)"
        )
        return
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for tree in args.trees:
            report = _run_tree(tree, args.n, args.repeats)
            if tree not in best or report["ratio"] < best[tree]["ratio"]:
                best[tree] = report
    for tree, report in best.items():
        print(
            f"{tree}: sentiment {report['sentiment_cpu_seconds']:.2f} CPU-s, VADER alone "
            f"{report['vader_alone_cpu_seconds']:.2f} CPU-s: {report['ratio']:.2f} V"
        )


if __name__ == "__main__":
    main()
