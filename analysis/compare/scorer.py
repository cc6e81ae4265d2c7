"""The learned pair scorer: how likely two sentences report the same fact.

A candidate pair (two sentences of different articles that share a content
word or a quoted word pair) gets a handful of explainable features
(:data:`FEATURES`); its score is a logistic model over them,
``sigmoid(bias + sum(weight * value))``, with the weights read from
``analysis/data/alignment_weights.tsv``. The table was fitted on Slant's
alignment gold (``tests/gold/alignment/``) by
:mod:`analysis.evaluate.train_alignment`, which also chose the three
thresholds in its header; its header says what it was trained on.

Standard library only: the comparison imports no numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from math import exp, log1p
from pathlib import Path

from analysis import messages

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "alignment_weights.tsv"

# Feature name -> what it means, in the words a link's explanation uses.
FEATURES = {
    "cos": "content-word cosine",
    "rule": "passes the content-word rule",
    "mass": "weight of shared words that are not story themes",
    "rare": "shared words no article repeats",
    "nums": "shared numbers",
    "names": "shared names",
    "quote": "shared quoted words",
    "anchor": "a shared quote of 4+ words",
    "ratio": "each is (nearly) the other's best match in its article",
    "mutual": "mutual best match",
    "pos": "similar places in their articles (a low distance raises the score)",
    "lede": "both in the opening sentences",
    "lenr": "similar length",
    "themes": "share of shared words that are story themes",
}

LEDE_SENTENCES = 2
"""Sentences 0 and 1 of an article are its opening ("ledes pair with ledes")."""

QUOTE_WORDS_CAP = 8
"""Shared quoted words count up to this many (the feature is their share of it)."""


@dataclass(frozen=True)
class Weights:
    """The learned table.

    Args:
        weights: Feature name -> log-odds weight.
        means: Feature name -> its mean over the training pairs (an
            explanation shows each feature's contribution against a typical
            candidate pair).
        bias: The intercept.
        link: A pair whose score reaches this may start or extend a group.
        match: A pair whose score reaches this *matches*: a sentence joins a
            group only when it matches most of the members.
        average: A merge needs this mean score across the two groups.
        mutual: Two sentences left alone link at this score when each is
            the other's best match (1.0: never; see
            :func:`analysis.compare.regroup.mutual_singles`).
        statement: Two groups holding the two halves of one outlet's
            statement merge at this share of ``average``
            (:func:`analysis.compare.regroup.merge_statements`).
    """

    weights: dict[str, float]
    means: dict[str, float]
    bias: float
    link: float
    match: float
    average: float
    mutual: float = 1.0
    statement: float = 0.25


def pair_features(
    cos: float,
    rule: bool,
    shared_idf: float,
    rare: int,
    numbers: int,
    names: int,
    quoted: int,
    ratio: float,
    mutual: bool,
    distance: float,
    lede: bool,
    length_ratio: float,
    theme_share: float,
) -> dict[str, float]:
    """The feature values of one pair, from counts the aligner has at hand.

    Args:
        cos: Cosine of the two sentences' TF-IDF vectors.
        rule: The pair passes the content-word rule of the previous aligner
            (:func:`analysis.compare.align.qualifies`).
        shared_idf: Sum of the IDF of the shared words that are not themes.
        rare: Shared distinctive words.
        numbers: Shared numbers (however written: "two" and "2" are one).
        names: Shared capitalised words that are not themes.
        quoted: Quoted words in common runs (0 without quotes on both sides).
        ratio: The pair's cosine over each side's best cosine with the other
            side's article, the smaller of the two (1.0: mutual best match).
        mutual: Each is the other's best match.
        distance: Difference of their relative positions (0 = top, 1 = end).
        lede: Both are among their articles' first :data:`LEDE_SENTENCES`.
        length_ratio: Shorter over longer, in content words.
        theme_share: Share of the shared words that are story themes.
    """
    return {
        "cos": cos,
        "rule": float(rule),
        "mass": log1p(shared_idf),
        "rare": float(min(rare, 3)),
        "nums": float(min(numbers, 2)),
        "names": float(min(names, 3)),
        "quote": min(quoted, QUOTE_WORDS_CAP) / QUOTE_WORDS_CAP,
        "anchor": float(quoted >= 4),
        "ratio": ratio,
        "mutual": float(mutual),
        "pos": distance,
        "lede": float(lede),
        "lenr": length_ratio,
        "themes": theme_share,
    }


def probability(features: dict[str, float], w: Weights) -> float:
    """The pair's score: the logistic model's probability that it is one fact."""
    z = w.bias + sum(w.weights[f] * v for f, v in features.items())
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + exp(-z))


def contributions(features: dict[str, float], w: Weights) -> list[tuple[str, float]]:
    """Each feature's push on the log-odds against a typical candidate pair.

    Returns:
        ``(feature, weight * (value - mean))`` for every feature, largest
        push first: what set this pair's score.
    """
    out = [(f, round(w.weights[f] * (v - w.means[f]), 3)) for f, v in features.items()]
    return sorted(out, key=lambda fc: (-fc[1], fc[0]))


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> Weights:
    """Read the weights table: ``# key: value`` header lines, then TSV rows.

    Rows are ``feature<TAB>weight<TAB>mean``; the ``bias`` row has no mean.
    The header holds the ``link``, ``match``, ``average``, ``mutual`` and
    ``statement`` thresholds.
    """
    header: dict[str, str] = {}
    weights: dict[str, float] = {}
    means: dict[str, float] = {}
    bias = 0.0
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
            continue
        cells = line.split("\t")
        if not line.strip() or cells[0] == "feature":
            continue
        if cells[0] == "bias":
            bias = float(cells[1])
        else:
            weights[cells[0]] = float(cells[1])
            means[cells[0]] = float(cells[2])
    missing = set(FEATURES) - set(weights)
    if missing:
        raise ValueError(
            messages.ALIGN_WEIGHTS_MISSING.format(path=path, features=", ".join(sorted(missing)))
        )
    return Weights(
        weights,
        means,
        bias,
        float(header["link"]),
        float(header["match"]),
        float(header["average"]),
        float(header.get("mutual", 1.0)),
        float(header.get("statement", 0.25)),
    )
