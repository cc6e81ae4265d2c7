"""Write a reproducible corpus of news-length articles as JSONL.

The articles recombine the sentences of the five cleaned seed articles: each
article draws a word budget (400-1,000 words, like a news report), then
builds paragraphs of two to four sentences picked at random from the pool. A
fixed seed makes the corpus identical on every run and machine. About one
article in three also carries the web debris the cleaner removes (a byline,
"Advertisement", a newsletter prompt), so cleaning does real work.

    python benchmarks/corpus.py 1000 -o /tmp/corpus-1000.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 8
OUTLETS = (
    "Daily Ledger", "Morning Post", "Harbour Times", "Capital Wire", "Pacific Review",
    "Evening Standard-Bearer", "Metro Courier", "Northern Gazette", "Global Dispatch",
    "Civic Observer",
)
DEBRIS = (
    "Advertisement", "Share this article", "Sign up for our daily newsletter",
    "Read more: Full coverage of the region", "Follow us on social media",
)
BYLINES = ("By Ana Ruiz", "By Kenji Mori", "By Sam Okafor", "By Lea Fischer")


@cache
def sentence_pool() -> tuple[str, ...]:
    """Every sentence of the cleaned seed articles, deduplicated, in a fixed order."""
    from analysis.text.cleaning import clean
    from analysis.text.segment import sentences

    pool: dict[str, None] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = clean(path.read_text(encoding="utf-8")).text
        for span in sentences(text):
            if len(span.text.split()) >= 4:
                pool[span.text] = None
    return tuple(pool)


def make_article(rng: random.Random, number: int) -> dict[str, str]:
    """One synthetic article as a JSONL row (``id``, ``outlet``, ``title``, ``text``)."""
    pool = sentence_pool()
    budget = rng.randint(400, 1000)
    paragraphs: list[str] = []
    words = 0
    while words < budget:
        picked = [rng.choice(pool) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(picked))
        words += sum(len(s.split()) for s in picked)
    headline = " ".join(rng.choice(pool).rstrip(".").split()[:9])
    lines = [headline]
    if rng.random() < 0.35:
        lines.append(rng.choice(BYLINES))
        paragraphs.insert(rng.randrange(1, len(paragraphs)), rng.choice(DEBRIS))
        paragraphs.append(rng.choice(DEBRIS))
    lines.extend(paragraphs)
    return {
        "id": f"a{number:06d}",
        "outlet": OUTLETS[number % len(OUTLETS)],
        "title": headline,
        "text": "\n".join(lines),
    }


def write_corpus(n: int, path: Path, seed: int = SEED) -> Path:
    """Write ``n`` articles to ``path`` (JSONL); the same ``seed`` gives the same bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for number in range(1, n + 1):
            handle.write(json.dumps(make_article(rng, number), ensure_ascii=False) + "\n")
    return path


def corpus(n: int, seed: int = SEED, folder: Path = Path("/tmp")) -> Path:
    """The corpus of ``n`` articles, written once and reused by the benchmarks."""
    path = folder / f"slant-corpus-{n}-{seed}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        write_corpus(n, tmp, seed)
        tmp.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    write_corpus(args.n, args.output, args.seed)
    size = args.output.stat().st_size
    print(f"wrote {args.n} articles ({size / 1e6:.1f} MB) to {args.output}")


if __name__ == "__main__":
    main()
