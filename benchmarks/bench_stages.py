"""The cheap stages one by one, in units of VADER alone, against a baseline tree.

Each stage runs alone on every article of the corpus (``benchmarks/corpus.py``):
cleaning, readability (passive voice included), passive voice alone,
tokenisation, actor guessing (on 100 articles, as the pipeline guesses),
serialization (each article's JSONL line), phrase matching (hedging, then
loaded wording, on each article's tokens, as the pipeline runs them) and the
sentiment calibration (``calibration.apply`` on each sentence's uncalibrated
VADER pass). Figures are CPU seconds of this
process, best of ``--rounds``, divided by the CPU seconds VADER alone takes on
the same sentences in the same process (V).

With ``--baseline DIR`` (a checkout from before a change) the script runs
itself in a child process from each tree in turn, ``--repeat`` times,
alternating, so that a busy shared machine slows both alike, and prints each
stage's range over the repeats:

    python benchmarks/corpus.py 300 -o /tmp/corpus-300.jsonl
    git worktree add --detach /tmp/slant-before <commit before the change>
    python benchmarks/bench_stages.py --n 300 --baseline /tmp/slant-before
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve()
STAGES = ("cleaning", "readability", "passive", "tokens", "actors", "serialize", "matching",
          "calibration")


def measure(tree: Path, n: int, rounds: int) -> dict[str, float]:
    """Each stage's best CPU seconds over ``rounds``, in V, with the code of ``tree``."""
    # Imported here, not at the top: which tree's code is timed is chosen at run time.
    # The corpus module of that tree too: it puts its own tree first on the path.
    sys.path[:0] = [str(tree), str(tree / "benchmarks")]
    from corpus import corpus
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.input.loading import RawArticle, iter_table
    from analysis.measures import calibration, hedging, loaded, readability, vader_explain
    from analysis.measures.passive import summarise
    from analysis.outputs.export import article_jsonl
    from analysis.pipeline import analyse_raw, make_doc
    from analysis.text.actors import guess_actors
    from analysis.text.cleaning import clean
    from analysis.text.tokens import _tokenize

    path = corpus(n)
    with path.open("rb") as handle:
        raws = [r for r in iter_table(path.name, handle) if isinstance(r, RawArticle)]
    analyse_raw(raws[0])
    cleaned = [clean(r.text) for r in raws]
    docs = [make_doc(c.text, r.id) for c, r in zip(cleaned, raws, strict=True)]
    articles = [analyse_raw(r) for r in raws]
    sentences = [d.text[s.start : s.end] for d in docs for s in d.sentences]
    vader = SentimentIntensityAnalyzer()
    passes = [(vader_explain.score(s, calibrated=False), s) for s in sentences]
    weights = calibration.calibration()

    def matching() -> None:
        for d in docs:
            hedging.analyse(d)
            loaded.analyse(d)

    def best(work: Callable[[], object]) -> float:
        times = []
        for _ in range(rounds):
            gc.collect()
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        return min(times)

    unit = best(lambda: [vader.polarity_scores(s) for s in sentences])
    seconds = {
        "cleaning": best(lambda: [clean(r.text) for r in raws]),
        "readability": best(lambda: [readability.analyse(d) for d in docs]),
        "passive": best(lambda: [summarise(d.text, d.sentences) for d in docs]),
        "tokens": best(lambda: [_tokenize(d.text) for d in docs]),
        "actors": best(lambda: guess_actors(c.text for c in cleaned[:100])),
        "serialize": best(lambda: [article_jsonl(a) for a in articles]),
        "matching": best(matching),
        "calibration": best(lambda: [calibration.apply(e, s, weights) for e, s in passes]),
    }
    return {"vader_cpu_seconds": unit, **{k: v / unit for k, v in seconds.items()}}


def _child(tree: Path, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, str(HERE), "--tree", str(tree), "--n", str(args.n),
           "--rounds", str(args.rounds), "--json"]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(cmd, env=env, capture_output=True, check=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many, per stage")
    parser.add_argument("--tree", type=Path, default=HERE.parent.parent,
                        help="the source tree whose code is timed (default: this one)")
    parser.add_argument("--baseline", type=Path, help="a checkout to compare with, side by side")
    parser.add_argument("--repeat", type=int, default=3, help="alternations with --baseline")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.baseline is None:
        figures = measure(args.tree.resolve(), args.n, args.rounds)
        if args.json:
            print(json.dumps(figures))
        else:
            for name in STAGES:
                print(f"{name:<12} {figures[name]:6.2f} V")
        return
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "this tree": []}
    for _ in range(args.repeat):
        runs["baseline"].append(_child(args.baseline.resolve(), args))
        runs["this tree"].append(_child(HERE.parent.parent, args))
    print(f"{args.n} articles, {args.repeat} alternations, best of {args.rounds} each; V = VADER")
    print(f"{'stage':<12}{'baseline':>16}{'this tree':>16}")
    for name in STAGES:
        cells = [f"{min(r[name] for r in rs):.2f}-{max(r[name] for r in rs):.2f} V"
                 for rs in runs.values()]
        print(f"{name:<12}{cells[0]:>16}{cells[1]:>16}")


if __name__ == "__main__":
    main()
