"""How the comparison grows with the number of articles.

Stories of 10, 100, 300, 1,000 and 3,000 articles from the reproducible
corpus of :mod:`benchmarks.corpus` (news-length articles that recombine the
seed sentences, so every sentence is shared by many articles: the worst case
for alignment, where everything is "shared"). Articles are cleaned and
segmented once (no analysers: the comparison reads only text, sentences and
quotes when the analysers are skipped); each size is then compared in a
fresh process, which prints its wall-clock and CPU seconds, the peak memory
of the process and the peak added by the comparison (VmHWM before and
after), and the number of groups.

Then, with ``--story N`` (300 in ``benchmarks/run.py``), the figure issue 15
sets a target for: a story of N corpus articles analysed *and* compared, in
one fresh process, the way ``slant analyze CORPUS --format json`` does it
(:func:`analysis.pipeline.analyze_paths`: every analyser, then the
comparison), against VADER alone (``SentimentIntensityAnalyzer.polarity_scores``)
on the same articles' sentences in the same process, in CPU seconds; and the
peak memory of that process. Lexicons are loaded before the clock starts
(:func:`analysis.pipeline.warm_up`), as in ``bench_pipeline.py``.

Run: ``.venv/bin/python benchmarks/bench_compare.py`` (``--sizes 10 100``
for fewer; ``--story 300`` for the story figure, ``--sizes`` with no size to
print only that; ``--tree DIR`` to time another checkout on the same
articles, for a side-by-side ratio; ``--rounds R`` to alternate this tree and
``--tree`` R times and keep each one's best). Targets (issue 15): near-linear
growth; a 300-article story with its comparison at most 4x VADER alone and
600 MB peak.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH, so --tree wins

SIZES = (10, 100, 300, 1000, 3000)
STORY_TARGET = 4.0
STORY_PEAK_MB = 600
CACHE = Path("/tmp/slant-bench-compare-{n}.pickle")


@dataclass(frozen=True)
class Source:
    """Where an article came from (only the date is read)."""

    file: str
    date: str = ""


@dataclass(frozen=True)
class BenchArticle:
    """The fields the comparison reads. Sentence sentiment is left empty (the
    comparison reads it only for the leads); hedging, loaded wording and the
    headline are real, from :func:`with_results`."""

    id: str
    outlet: str
    title: str
    text: str
    paragraphs: tuple
    sentences: tuple
    quotes: tuple
    word_count: int
    source: Source
    sentiment: object = None
    hedging: object = None
    loaded: object = None
    headline: object = None


def with_results(a: BenchArticle) -> BenchArticle:
    """``a`` with the results the comparison reads (not timed)."""
    from dataclasses import replace

    from analysis.measures import hedging, loaded
    from analysis.pipeline import analyse_headline, headline_doc
    from analysis.results.doc import Doc
    from analysis.results.sentiment import SentimentResult

    doc = Doc(a.id, a.text, a.paragraphs, a.sentences, a.quotes, a.word_count)
    empty = SentimentResult(None, None, None, None, (), None, None, (), ())
    return replace(
        a, sentiment=empty, hedging=hedging.analyse(doc), loaded=loaded.analyse(doc),
        headline=analyse_headline(headline_doc(a.title, "", a.id, ())),
    )


def articles(n: int) -> list[BenchArticle]:
    """The first ``n`` corpus articles, cleaned and segmented (cached on disk)."""
    cache = Path(str(CACHE).format(n=n))
    if cache.exists():  # plain tuples: the cache does not depend on this module's name
        rows = pickle.loads(cache.read_bytes())
        return [with_results(BenchArticle(*row[:8], Source(row[0]))) for row in rows]
    from corpus import corpus  # benchmarks/ is on the path (the script's folder)

    from analysis.pipeline import make_doc
    from analysis.text.cleaning import clean

    out = []
    with corpus(n).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            doc = make_doc(clean(row["text"]).text, row["id"])
            out.append(
                BenchArticle(
                    row["id"], row["outlet"], row["title"], doc.text, doc.paragraphs,
                    doc.sentences, doc.quotes, doc.word_count, Source(row["id"]),
                )
            )  # fmt: skip
    cache.write_bytes(pickle.dumps([tuple(vars(a).values())[:8] for a in out]))
    return [with_results(a) for a in out]


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ``ru_maxrss``, it
    starts afresh at exec, so the parent's size does not leak in)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int) -> dict:
    """Compare ``n`` articles in this process and return the figures."""
    story = articles(n)
    sentences = sum(len(a.sentences) for a in story)
    before = peak_mb()
    from analysis.compare import compare

    t0, c0 = time.perf_counter(), time.process_time()
    result = compare(story)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    after = peak_mb()
    return {
        "articles": n,
        "sentences": sentences,
        "wall": wall,
        "cpu": cpu,
        "peak_mb": after,
        "added_mb": after - before,
        "groups": len(result.groups),
        "numpy": "numpy" in sys.modules,
    }


def run_story(n: int) -> dict:
    """Analyse and compare a story of ``n`` corpus articles in this process,
    then score the same sentences with VADER alone; CPU seconds and peak MB."""
    from corpus import corpus  # benchmarks/ is on the path (the script's folder)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.outputs.serialize import dumps
    from analysis.pipeline import analyze_paths, warm_up

    path = corpus(n)
    warm_up()
    timings: dict[str, float] = {}
    c0 = time.process_time()
    story = analyze_paths([path], timings=timings)
    cpu = time.process_time() - c0
    c0 = time.process_time()
    dumps(story)
    writing = time.process_time() - c0
    sentences = [s.text for a in story.articles for s in a.sentences]
    vader = SentimentIntensityAnalyzer()
    c0 = time.process_time()
    for text in sentences:
        vader.polarity_scores(text)
    vader_cpu = time.process_time() - c0
    comparison = timings.get("comparison", 0.0)
    return {
        "articles": len(story.articles),
        "sentences": len(sentences),
        "cpu": cpu,
        "comparison": comparison,
        "analysis": cpu - comparison,
        "writing": writing,
        "vader": vader_cpu,
        "peak_mb": peak_mb(),
    }


def _child(tree: Path, flag: str, n: int) -> dict:
    # One measurement in a fresh process running ``tree``'s code.
    out = subprocess.run(
        [sys.executable, __file__, flag, str(n)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": f"{tree}:{ROOT}", "PATH": "/usr/bin:/bin"},
        cwd=tree,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(runs: list[dict]) -> dict:
    # The round with the least CPU (a shared machine only ever adds time).
    return min(runs, key=lambda r: r["cpu"])


def show_sizes(args, trees: list[Path]) -> None:
    """One line per size and tree: the comparison alone."""
    print(
        f"{'articles':>8} {'sentences':>9} {'wall s':>7} {'cpu s':>7} {'cpu/art ms':>10}"
        f" {'peak MB':>8} {'added MB':>8} {'groups':>6} numpy  tree"
    )
    for n in args.sizes:
        runs: dict[Path, list[dict]] = {t: [] for t in trees}
        for _ in range(args.rounds):
            for tree in trees:
                runs[tree].append(_child(tree, "--one", n))
        for tree in trees:
            r = _best(runs[tree])
            print(
                f"{r['articles']:>8} {r['sentences']:>9} {r['wall']:>7.2f} {r['cpu']:>7.2f}"
                f" {1000 * r['cpu'] / r['articles']:>10.1f} {r['peak_mb']:>8.0f}"
                f" {r['added_mb']:>8.0f} {r['groups']:>6} {r['numpy']!s:<5}  {tree}"
            )


def show_story(n: int, rounds: int, trees: list[Path]) -> None:
    """The story figure: analysis and comparison of ``n`` articles ÷ VADER alone."""
    runs: dict[Path, list[dict]] = {t: [] for t in trees}
    for _ in range(rounds):
        for tree in trees:
            runs[tree].append(_child(tree, "--story-one", n))
    for tree in trees:
        r = min(runs[tree], key=lambda r: r["cpu"] / r["vader"])
        ratio, vader = r["cpu"] / r["vader"], r["vader"]
        ok = ratio <= STORY_TARGET and r["peak_mb"] <= STORY_PEAK_MB
        best = f" (best of {rounds} rounds)" if rounds > 1 else ""
        print(
            f"Story of {r['articles']} articles ({r['sentences']} sentences) analysed and"
            f" compared in one process ({tree}):\n"
            f"  analysis {r['analysis']:.2f} + comparison {r['comparison']:.2f}"
            f" = {r['cpu']:.2f} CPU-s; VADER alone on the same sentences {vader:.2f} CPU-s\n"
            f"  story / VADER alone   {ratio:.2f}x (analysis {r['analysis'] / vader:.2f}x,"
            f" comparison {r['comparison'] / vader:.2f}x; writing the JSON would add"
            f" {r['writing'] / vader:.2f}x)\n"
            f"  peak memory           {r['peak_mb']:.0f} MB\n"
            f"  target <= {STORY_TARGET:.0f}x and <= {STORY_PEAK_MB} MB:"
            f" {'met' if ok else 'MISSED'}{best}"
        )


def main() -> None:
    """Print one line per size, each measured in a fresh process, then the story figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--story", type=int, help="also the story figure on N articles")
    parser.add_argument("--tree", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds (best kept)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--story-one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    if args.story_one:
        print(json.dumps(run_story(args.story_one)))
        return
    trees = [ROOT] if args.tree is None else [args.tree.resolve(), ROOT]
    for n in args.sizes:
        articles(n)  # build the cache outside the timed process
    if args.sizes:
        show_sizes(args, trees)
    if args.story:
        show_story(args.story, args.rounds, trees)


if __name__ == "__main__":
    main()
