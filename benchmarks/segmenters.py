"""Compare sentence splitters on news text: pysbd, syntok and sentencex.

Three measures, printed as plain tables:

1. **Accuracy** on hand-labelled tricky news sentences (abbreviations such as
   U.S., Mr., Gen., Sen., D.C., p.m. and Jan.; quotes that end sentences;
   dashes; figures such as 2% and $5.2 billion). A case counts as right only
   when the split matches the labels exactly. Failures are listed.
2. **Sentence counts** per seed article (cleaned body, split per paragraph as
   :func:`analysis.text.segment.sentences` does).
3. **Time** to split each seed story's body, median of ``--repeat`` runs.

The column ``slant`` is :func:`analysis.text.segment.sentences` itself: sentencex
plus whatever corrections Slant applies on top of it, with exact offsets.

pysbd and syntok are dev-only dependencies (``pip install -e '.[dev]'``); a
library that is not installed is reported and skipped.

    python benchmarks/segmenters.py
    python benchmarks/segmenters.py --repeat 50 --show-splits
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

Splitter = Callable[[str], list[str]]

# Hand-labelled: each text and the sentences a careful reader would mark.
LABELLED: list[tuple[str, list[str]]] = [
    ("He lives in the U.S. He said no.", ["He lives in the U.S.", "He said no."]),
    (
        "The U.S. military said on Monday it would expand drills. Japan agreed.",
        ["The U.S. military said on Monday it would expand drills.", "Japan agreed."],
    ),
    (
        "Mr. Hegseth met Gen. Nakatani in Tokyo. They spoke for 85 minutes.",
        ["Mr. Hegseth met Gen. Nakatani in Tokyo.", "They spoke for 85 minutes."],
    ),
    (
        "Sen. Warren and Rep. Ocasio-Cortez objected. Gov. Newsom did not.",
        ["Sen. Warren and Rep. Ocasio-Cortez objected.", "Gov. Newsom did not."],
    ),
    (
        "Dr. Lee works at St. Mary's hospital. She is a surgeon.",
        ["Dr. Lee works at St. Mary's hospital.", "She is a surgeon."],
    ),
    (
        "“America first does not mean America alone,” Mr. Hegseth said. Japan agreed.",
        ["“America first does not mean America alone,” Mr. Hegseth said.", "Japan agreed."],
    ),
    (
        "“We will not back down.” The crowd cheered.",
        ["“We will not back down.”", "The crowd cheered."],
    ),
    (
        '"We will not back down," she said. The crowd cheered.',
        ['"We will not back down," she said.', "The crowd cheered."],
    ),
    ('She asked, "Why now?" Nobody answered.', ['She asked, "Why now?"', "Nobody answered."]),
    (
        "The plan — which critics call reckless — passed. Nobody objected.",
        ["The plan — which critics call reckless — passed.", "Nobody objected."],
    ),
    (
        "The plan passed - narrowly - on Tuesday. Critics objected.",
        ["The plan passed - narrowly - on Tuesday.", "Critics objected."],
    ),
    ("Prices rose 2%. Analysts were surprised.", ["Prices rose 2%.", "Analysts were surprised."]),
    (
        "Japan will raise defense spending to 2% of GDP by 2027. China objected.",
        ["Japan will raise defense spending to 2% of GDP by 2027.", "China objected."],
    ),
    (
        "The deal is worth $5.2 billion. It closes next year.",
        ["The deal is worth $5.2 billion.", "It closes next year."],
    ),
    (
        "Brent fell 1.2% to $81.40 a barrel. WTI fell 1.4%.",
        ["Brent fell 1.2% to $81.40 a barrel.", "WTI fell 1.4%."],
    ),
    (
        "He arrived in Washington, D.C. on Monday. He left on Tuesday.",
        ["He arrived in Washington, D.C. on Monday.", "He left on Tuesday."],
    ),
    (
        "Officials met in Washington, D.C. The talks failed.",
        ["Officials met in Washington, D.C.", "The talks failed."],
    ),
    (
        "The vote is at 3 p.m. on Jan. 5. Results follow.",
        ["The vote is at 3 p.m. on Jan. 5.", "Results follow."],
    ),
    ("It was 3 a.m. The streets were empty.", ["It was 3 a.m.", "The streets were empty."]),
    (
        "The company, Acme Inc., reported a loss. Shares fell.",
        ["The company, Acme Inc., reported a loss.", "Shares fell."],
    ),
    (
        "The U.S.-Japan alliance is strong. It will endure.",
        ["The U.S.-Japan alliance is strong.", "It will endure."],
    ),
    ("He said no. Analysts were surprised.", ["He said no.", "Analysts were surprised."]),
    (
        "Prices rose 2% in May. Analysts were surprised.",
        ["Prices rose 2% in May.", "Analysts were surprised."],
    ),
    (
        "He met Mr. Smith at 5 p.m. Monday. They talked.",
        ["He met Mr. Smith at 5 p.m. Monday.", "They talked."],
    ),
    (
        "U.S. Forces Japan will become a joint force headquarters. No troops will be added.",
        ["U.S. Forces Japan will become a joint force headquarters.", "No troops will be added."],
    ),
    (
        "The Battle of Iwo Jima ended in 1945. Its 80th anniversary fell on Sunday.",
        ["The Battle of Iwo Jima ended in 1945.", "Its 80th anniversary fell on Sunday."],
    ),
]


def _splitters() -> dict[str, Splitter | str]:
    """Each library's split function, or why it is unavailable."""
    out: dict[str, Splitter | str] = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = lambda text: [s.strip() for s in seg.segment(text) if s.strip()]
    except ImportError as exc:
        out["pysbd"] = f"not installed ({exc})"
    try:
        import syntok.segmenter as syntok

        def split_syntok(text: str) -> list[str]:
            return [
                "".join(t.spacing + t.value for t in sentence).strip()
                for paragraph in syntok.process(text)
                for sentence in paragraph
            ]

        out["syntok"] = split_syntok
    except ImportError as exc:
        out["syntok"] = f"not installed ({exc})"
    try:
        from sentencex import segment

        out["sentencex"] = lambda text: [s.strip() for s in segment("en", text) if s.strip()]
    except ImportError as exc:
        out["sentencex"] = f"not installed ({exc})"
    from analysis.text.segment import sentences

    # What Slant itself does: sentencex plus the fixes in analysis/segment.py.
    out["slant"] = lambda text: [span.text for span in sentences(text)]
    return out


def seed_bodies() -> dict[str, list[str]]:
    """The cleaned body of each seed article, as a list of paragraphs."""
    from analysis.text.cleaning import clean

    bodies = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        body = clean(path.read_text("utf-8")).text
        bodies[path.stem[:3]] = [p for p in body.split("\n") if p.strip()]
    return bodies


def accuracy(split: Splitter, show: bool) -> tuple[int, list[str]]:
    """Cases split exactly right, and a line per failure."""
    right, failures = 0, []
    for text, expected in LABELLED:
        got = split(text)
        if got == expected:
            right += 1
        else:
            failures.append(f"    {text!r}\n      -> {got}" if show else f"    {text!r}")
    return right, failures


def time_story(split: Splitter, paragraphs: list[str], repeat: int) -> float:
    """Median seconds to split every paragraph of one story."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for paragraph in paragraphs:
            split(paragraph)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timing runs per seed (median)")
    parser.add_argument("--show-splits", action="store_true", help="print how each failure split")
    args = parser.parse_args(argv)

    from importlib.metadata import PackageNotFoundError, version

    splitters = _splitters()
    available = {name: s for name, s in splitters.items() if callable(s)}
    for name in available:
        try:
            print(f"{name} {version(name)}")
        except PackageNotFoundError:
            print(f"{name} (Slant's own wrapper)")
    for name, s in splitters.items():
        if not callable(s):
            print(f"{name}: {s}; skipped")

    print(f"\n1. Accuracy on {len(LABELLED)} hand-labelled news cases (exact split)")
    for name, split in available.items():
        right, failures = accuracy(split, args.show_splits)
        print(f"  {name:<10} {right}/{len(LABELLED)}  ({100 * right / len(LABELLED):.0f}%)")
        for line in failures:
            print(line)

    bodies = seed_bodies()
    for split in available.values():  # warm up: first calls load rules and caches
        split("Warm up. Twice.")
    names = list(available)
    print("\n2. Sentences per seed (cleaned body, split per paragraph)")
    print("  seed  paragraphs  " + "  ".join(f"{n:>10}" for n in names))
    for seed, paragraphs in bodies.items():
        counts = [sum(len(available[n](p)) for p in paragraphs) for n in names]
        print(f"  {seed}   {len(paragraphs):>10}  " + "  ".join(f"{c:>10}" for c in counts))

    print(f"\n3. Milliseconds to split each seed's body (median of {args.repeat})")
    print("  seed  " + "  ".join(f"{n:>10}" for n in names))
    totals = dict.fromkeys(names, 0.0)
    for seed, paragraphs in bodies.items():
        times = {n: time_story(available[n], paragraphs, args.repeat) for n in names}
        for n in names:
            totals[n] += times[n]
        print(f"  {seed}  " + "  ".join(f"{1000 * times[n]:>10.2f}" for n in names))
    print("  all   " + "  ".join(f"{1000 * totals[n]:>10.2f}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
