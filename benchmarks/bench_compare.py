"""How long the comparison takes as stories grow.

Builds synthetic stories: a pool of 60 "facts" (20-word sentences over a
5,000-word vocabulary, some with a direct quote), and articles of 40 sentences
each that report a random subset of the facts, each rewritten by replacing
about a third of its words, in their own order. Prints seconds for the
alignment alone (best of :data:`REPEATS` runs, wall-clock and CPU time, since
other processes may share the machine) and for the whole comparison (one run),
for 10, 50, 100 and 200 articles.

Run: ``.venv/bin/python benchmarks/bench_compare.py``. The target (issue 5):
aligning 100 articles of about 40 sentences in under 5 s on a 2-core machine.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.compare import compare  # noqa: E402
from analysis.compare.align import align  # noqa: E402
from analysis.results.doc import Span  # noqa: E402

SENTENCES = 40
FACTS = 60
WORDS = 20
SIZES = (10, 50, 100, 200)
REPEATS = 3


@dataclass(frozen=True)
class FakeArticle:
    """The fields the comparison reads, without running the analysers."""

    id: str
    outlet: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotes: tuple[Span, ...]
    word_count: int
    sentiment: None = None
    hedging: None = None
    loaded: None = None
    readability: None = None


def make_story(n: int, seed: int = 0) -> list[FakeArticle]:
    """``n`` synthetic articles of :data:`SENTENCES` sentences each."""
    rng = random.Random(seed)
    vocab = [f"w{i}x" for i in range(5000)]
    facts = [[rng.choice(vocab) for _ in range(WORDS)] for _ in range(FACTS)]
    quoted = {i for i in range(FACTS) if i % 6 == 0}
    articles = []
    for a in range(n):
        chosen = rng.sample(range(FACTS), SENTENCES)
        parts, sentences, quotes, pos = [], [], [], 0
        for f in chosen:
            words = [w if rng.random() > 0.33 else rng.choice(vocab) for w in facts[f]]
            body = " ".join(words[:12])
            if f in quoted:
                q = "“" + " ".join(facts[f][12:]) + "”"
                sent = f"{body.capitalize()} said {q}."
                qs = pos + len(body.capitalize()) + len(" said ")
                quotes.append(Span(qs, qs + len(q), q))
            else:
                sent = " ".join(words).capitalize() + "."
            sentences.append(Span(pos, pos + len(sent), sent))
            parts.append(sent)
            pos += len(sent) + 1
        text = "\n".join(parts)
        paragraphs = tuple(sentences)
        articles.append(
            FakeArticle(
                f"a{a:03d}",
                f"Outlet {a}",
                "",
                text,
                paragraphs,
                tuple(sentences),
                tuple(quotes),
                SENTENCES * WORDS,
            )
        )
    return articles


def main() -> None:
    """Print the timings."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=REPEATS, help="alignment runs per size")
    repeats = max(1, parser.parse_args().repeats)
    print(
        f"{'articles':>8} {'sentences':>9} {'align s':>8} {'align cpu':>9}"
        f" {'compare s':>9} {'groups':>6}"
    )
    for n in SIZES:
        story = make_story(n)
        best = cpu = float("inf")
        for _ in range(repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            al = align(story)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        t1 = time.perf_counter()
        result = compare(story)
        t2 = time.perf_counter()
        print(
            f"{n:>8} {n * SENTENCES:>9} {best:>8.2f} {cpu:>9.2f}"
            f" {t2 - t1:>9.2f} {len(result.groups):>6}"
        )
        assert len(al.groups) == len(result.groups)


if __name__ == "__main__":
    main()
