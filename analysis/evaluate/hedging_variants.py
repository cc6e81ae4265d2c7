"""Cross-validate richer context features for the hedging sentence model (research only).

Issue 13 asks for sentence-level precision >= 0.65 at F1 >= 0.65. Moving the
threshold alone trades recall for precision (docs/hedging.md), so this module
measures whether more context around each cue match would rank sentences
better. Each variant adds features to the shipped model's
(:func:`analysis.evaluate.train_hedging.bag`); the weights and the threshold
are refitted inside each training fold with the shipped trainer
(:func:`~analysis.evaluate.train_hedging.fit`,
:func:`~analysis.evaluate.train_hedging.choose_threshold`), and only the
held-out folds are scored. A variant that paid would move into
:mod:`analysis.measures.hedging`; none has yet (the table in docs/hedging.md).

Every added feature stays explainable: a cue's class with one neighbouring
word ("weasel" with "of" after it), or one fact about the sentence ("has a
year"). Neighbour-word features are named with ``|before=`` / ``|after=`` so the
trainer's minimum count applies to them as to the shipped ones.

Run ``python -m analysis.evaluate.hedging_variants PATH/TO/wiki_weasel_dev.csv``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from analysis.evaluate.folds import grouped_folds
from analysis.evaluate.train_hedging import Bag, choose_threshold, fit, read_rows
from analysis.measures.hedging import (
    ALWAYS_COUNTED_KINDS,
    EVALUATED_CATEGORIES,
    Candidate,
    Weights,
    candidates,
    sentence_features,
)
from analysis.text.lexicon import Token
from analysis.text.tokens import tokenize

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)

Extra = Callable[[str, Sequence[Token], Candidate], list[str]]
"""Features one variant adds for one weighed cue match."""


def _near(tokens: Sequence[Token], c: Candidate, width: int) -> list[tuple[int, str]]:
    """The words up to ``width`` either side of a match, with their signed distance."""
    left = [(j - c.first, tokens[j].norm) for j in range(max(0, c.first - width), c.first)]
    end = min(len(tokens), c.last + 1 + width)
    right = [(j - c.last, tokens[j].norm) for j in range(c.last + 1, end)]
    return left + right


def _named(prefix: str, distance: int, word: str) -> str:
    side = "before" if distance < 0 else "after"
    return f"{prefix}|{side}={abs(distance)}:{word}"


def second_neighbours(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The cue's row with the word two away ("some" ... "of the" vs "some" ... "critics")."""
    return [_named(c.features[1], d, w) for d, w in _near(tokens, c, 2) if abs(d) == 2]


def class_neighbours(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The cue's class with the word right before and after ("weasel" + "of")."""
    return [_named(f"kind={c.cue.kind}", d, w) for d, w in _near(tokens, c, 1)]


def class_window(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The cue's class with each word up to three away, either side."""
    return [_named(f"kind={c.cue.kind}", d, w) for d, w in _near(tokens, c, 3)]


def cue_position(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The cue's class with the third of the sentence it starts in (0, 1 or 2)."""
    third = min(2, 3 * c.first // max(1, len(tokens)))
    return [f"kind={c.cue.kind}|third={third}"]


_BE = frozenset("is are was were be been being".split())


def after_be(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The cue's class after a form of "be" ("is considered", "was often")."""
    if c.first > 0 and tokens[c.first].joined and tokens[c.first - 1].norm in _BE:
        return [f"kind={c.cue.kind}|after be"]
    return []


def no_extra(text: str, tokens: Sequence[Token], c: Candidate) -> list[str]:
    """Nothing added (the shipped model's features)."""
    return []


def sentence_facts(text: str, tokens: Sequence[Token]) -> list[str]:
    """Facts about the sentence that may name a source: a year, "according to", a quote."""
    facts = []
    if _YEAR.search(text):
        facts.append("s:year")
    if _ACCORDING.search(text):
        facts.append("s:according to")
    if '"' in text or "“" in text:
        facts.append("s:quote")
    if "(" in text or "-LRB-" in text:
        facts.append("s:brackets")
    capitals = sum(1 for t in tokens[1:] if t.text[:1].isupper())
    facts.append(f"s:capitals={min(capitals, 4)}")
    return facts


def variant_bag(
    text: str, extra: Extra = no_extra, all_weighed: bool = False, facts: bool = False
) -> Bag:
    """One sentence's features under a variant (the shipped ones plus the variant's).

    Args:
        text: One sentence.
        extra: Features added per weighed cue.
        all_weighed: Weigh the guideline hedges too (every cue but anonymous
            sources and boosters), with a feature ``byrule`` marking them.
        facts: Add :func:`sentence_facts`.

    """
    tokens = tokenize(text)
    found = [c for c in candidates(text) if c.entry.category in EVALUATED_CATEGORIES]
    if all_weighed:
        weighed = [c for c in found if c.cue.kind not in ALWAYS_COUNTED_KINDS]
    else:
        weighed = [c for c in found if c.weighed]
    always = len(weighed) < len(found)
    if not weighed:
        return (), always
    features = list(sentence_features(len(tokens), len(weighed)))
    if facts:
        features += sentence_facts(text, tokens)
    for c in weighed:
        features += c.features
        if all_weighed and not c.weighed:
            features.append("byrule")
        features += extra(text, tokens, c)
    return tuple(features), always


VARIANTS: dict[str, dict[str, object]] = {
    "current": {},
    "all weighed": {"all_weighed": True},
    "second neighbours": {"extra": second_neighbours},
    "class neighbours": {"extra": class_neighbours},
    "class window 3": {"extra": class_window},
    "all weighed, class window 3": {"all_weighed": True, "extra": class_window},
    "sentence facts": {"facts": True},
    "cue position": {"extra": cue_position},
    "after a form of be": {"extra": after_be},
}
"""Variant name to :func:`variant_bag` keyword arguments."""


def _scores(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    flagged, positives = sum(pred), sum(gold)
    precision = tp / flagged if flagged else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * tp / (flagged + positives) if flagged + positives else 0.0
    return precision, recall, f1


def cross_validate_bags(
    sentence_bags: Sequence[Bag], labels: Sequence[bool], seed: int = 0
) -> dict[str, float]:
    """Mean held-out precision, recall and F1 over five folds grouped by sentence."""
    totals = [0.0, 0.0, 0.0]
    folds = grouped_folds(list(range(len(labels))), seed=seed)
    for train_rows, test_rows in folds:
        train_bags = [sentence_bags[i] for i in train_rows]
        train_gold = [labels[i] for i in train_rows]
        weights = fit(train_bags, train_gold)
        model = Weights(weights, choose_threshold(train_bags, train_gold, weights))
        pred = [
            sentence_bags[i][1]
            or bool(sentence_bags[i][0])
            and model.probability(sentence_bags[i][0]) >= model.threshold
            for i in test_rows
        ]
        for k, value in enumerate(_scores(pred, [labels[i] for i in test_rows])):
            totals[k] += value / len(folds)
    return dict(zip(("precision", "recall", "f1"), (round(t, 4) for t in totals), strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    """Print each variant's cross-validated figure for the given seeds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    args = parser.parse_args(argv)
    texts, labels = read_rows(args.file)
    for name, options in VARIANTS.items():
        sentence_bags = [variant_bag(t, **options) for t in texts]  # type: ignore[arg-type]
        for seed in args.seeds:
            s = cross_validate_bags(sentence_bags, labels, seed)
            print(f"{name:<30} seed {seed}  P {s['precision']:.3f}  R {s['recall']:.3f}"
                  f"  F1 {s['f1']:.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
