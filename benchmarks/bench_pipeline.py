"""Pipeline throughput on N articles (default 1,000) without the comparison.

Reads the reproducible corpus (``benchmarks/corpus.py``), analyses every
article in this process with :func:`analysis.pipeline.analyse_raw` (which adds
the seconds of each stage to a dict), then scores the very same sentences with
VADER alone (``SentimentIntensityAnalyzer.polarity_scores``) in the same
process. VADER is the irreducible cost: the target is a whole pipeline at most
2x VADER alone.

One article is analysed first and not counted, so the figures are steady-state
throughput; the one-off cost of loading lexicons and dictionaries is printed
separately (it belongs to cold start).

    python benchmarks/bench_pipeline.py            # 1,000 articles
    python benchmarks/bench_pipeline.py --n 200 --profile
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

TARGET_RATIO = 2.0
STAGES = ("loading", "actors", "cleaning", "segmentation", "sentiment", "hedging", "loaded",
          "readability")


def measure(n: int, profile: bool = False) -> dict:
    from analysis.input.loading import RawArticle, iter_table
    from analysis.pipeline import ACTOR_SAMPLE, analyse_raw
    from analysis.results.article import Article
    from analysis.text.actors import guess_actors

    path = corpus(n)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    with path.open("rb") as handle:
        raws = [r for r in iter_table(path.name, handle) if isinstance(r, RawArticle)]
    timings["loading"] = time.perf_counter() - start

    start = time.perf_counter()
    analyse_raw(raws[0])
    warm_up = time.perf_counter() - start

    start = time.perf_counter()
    actors = guess_actors(r.text for r in raws[:ACTOR_SAMPLE])
    timings["actors"] = time.perf_counter() - start

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start, cpu_start = time.perf_counter(), time.process_time()
    results = [analyse_raw(raw, actors, timings) for raw in raws]
    analysis = time.perf_counter() - start
    analysis_cpu = time.process_time() - cpu_start
    if profiler is not None:
        profiler.disable()
    articles = [a for a in results if isinstance(a, Article)]
    sentences = [s.text for a in articles for s in a.sentences]

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in sentences:
        vader.polarity_scores(text)
    vader_seconds = time.perf_counter() - start
    vader_cpu = time.process_time() - cpu_start

    total = timings["loading"] + timings["actors"] + analysis
    report = {
        "articles": len(articles),
        "sentences": len(sentences),
        "words": sum(a.word_count for a in articles),
        "warm_up_seconds": warm_up,
        "total_seconds": total,
        "articles_per_second": len(articles) / total,
        "stages": {name: timings.get(name, 0.0) for name in STAGES},
        "vader_alone_seconds": vader_seconds,
        "ratio_to_vader": total / vader_seconds,
        # CPU time of this process only: unlike wall time, it does not move
        # when other programs compete for the CPUs.
        "analysis_cpu_seconds": analysis_cpu,
        "vader_alone_cpu_seconds": vader_cpu,
        "cpu_ratio_to_vader": analysis_cpu / vader_cpu,
    }
    if profiler is not None:
        import pstats

        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return report


def show(report: dict) -> None:
    total = report["total_seconds"]
    print(f"Pipeline throughput ({report['articles']} articles, {report['words']} words, "
          f"{report['sentences']} sentences, --no-compare, 1 process)")
    print(f"  articles/s            {report['articles_per_second']:8.1f}")
    print(f"  total                 {total:8.2f} s   "
          f"(+ {report['warm_up_seconds']:.2f} s one-off warm-up, not counted)")
    for name, seconds in report["stages"].items():
        print(f"  {name:<21} {seconds:8.2f} s   {seconds / total:6.1%}   "
              f"{seconds / report['vader_alone_seconds']:5.2f}x VADER")
    ratio = report["ratio_to_vader"]
    verdict = "met" if ratio <= TARGET_RATIO else f"MISSED by {ratio / TARGET_RATIO:.1f}x"
    print(f"  VADER alone           {report['vader_alone_seconds']:8.2f} s   "
          f"(polarity_scores on the same sentences)")
    print(f"  pipeline / VADER      {ratio:8.2f}x   target <= {TARGET_RATIO:.0f}x: {verdict}")
    print(f"  same in CPU time      {report['cpu_ratio_to_vader']:8.2f}x   "
          f"({report['analysis_cpu_seconds']:.2f} CPU-s analysing / "
          f"{report['vader_alone_cpu_seconds']:.2f} CPU-s VADER; not moved by other load)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Pipeline throughput against VADER alone.")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="print the 20 costliest functions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    report = measure(args.n, args.profile)
    if args.json:
        print(json.dumps(report))
    else:
        show(report)


if __name__ == "__main__":
    main()
