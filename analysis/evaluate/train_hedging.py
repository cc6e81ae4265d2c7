"""Learn the hedging weights table from sentence-labelled data (training only).

The learned layer of :mod:`analysis.measures.hedging` is a small logistic
model that decides per sentence. A sentence's features are its own
(:func:`analysis.measures.hedging.sentence_features`: an intercept, its length
band, how many weighed cues it has) and those of each weighed cue in it
(:func:`analysis.measures.hedging.cue_features`: its guideline class, its
lexicon row, the context its rule named, ``rule`` for a row the guidelines
define, its neighbouring words). The sentence's probability of being uncertain
is ``sigmoid(sum of all those weights)``; its weighed cues count when it
reaches the threshold. The data labels whole sentences, so the model is fitted
on exactly what it decides.

Cues that count by their row alone (epistemic hedges the guidelines define,
anonymous news sources) are not weighed; a sentence holding one is flagged
whatever the model says, and the threshold is chosen with that in mind.

Fitting is L2-penalised logistic regression (scipy's L-BFGS, training time
only; the penalty pulls each weight towards zero, so a rare row falls back on
its class and on ``rule``). The threshold is the one that maximises F1 on the
training rows. Nothing here runs at analysis time: the analyser reads the
exported table (:func:`write_weights`) with the standard library only.

Run ``python -m analysis.evaluate.train_hedging PATH/TO/wiki_weasel_dev.csv``
to rewrite ``analysis/data/hedging_weights.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from analysis import messages
from analysis.measures.hedging import (
    EVALUATED_CATEGORIES,
    WEIGHTS_PATH,
    Weights,
    candidates,
    sentence_features,
)
from analysis.text.tokens import tokenize

L2 = 3.0
"""Strength of the pull towards zero (1, 3 and 10 tried on the cross-validated figure)."""

MIN_COUNT = 10
"""A neighbour-word feature is learned only when it occurs this often in training.

Rarer ones would mostly memorise single sentences; leaving them out keeps the
table small (a few hundred rows) and every weight backed by several examples.
"""

HEADER = (
    "# title: Learned weights of the hedging sentence model (logistic regression)\n"
    "# description: Log-odds weight of each feature of a sentence (intercept, length band,"
    " number of weighed cues) and of each weighed cue in it (guideline class, lexicon row,"
    " context named by its rule, rule = a row the guidelines define, neighbouring word)."
    " A sentence's probability of being uncertain is sigmoid(sum of the weights of all its"
    " features); its weighed cues count when that probability reaches the threshold."
    " Written by analysis/evaluate/train_hedging.py; see docs/hedging.md.\n"
    "# sources: Trained on the CoNLL-2010 Shared Task, Task 1, Wikipedia training data"
    " (Farkas et al. 2010), as the development split wiki_weasel_dev.csv ({n} sentences):"
    " the sentence texts are from Wikipedia (CC BY-SA 3.0) and the uncertainty labels are"
    " the CoNLL-2010 shared task's (University of Szeged). Only weights are shipped here,"
    " no text.\n"
    "# licence: The weights are CC BY-SA 3.0, as a work derived from the Wikipedia text and"
    " the CoNLL-2010 annotations; the training code is part of Slant.\n"
    "# threshold: {threshold:.4f}\n"
    "# l2: {l2}\n"
    "# min_count: {min_count}\n"
    "feature\tweight\n"
)


ERR_COLUMNS = messages.EVAL_HEDGING_COLUMNS


def read_rows(path: str | Path) -> tuple[list[str], list[bool]]:
    """Read a CoNLL-2010 style ``text,label`` CSV file (a text may span lines).

    Raises:
        ValueError: If the file lacks the ``text`` or ``label`` column.
        OSError: If it cannot be read.

    """
    texts: list[str] = []
    labels: list[bool] = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            raise ValueError(ERR_COLUMNS.format(path=path))
        for row in reader:
            texts.append(row["text"] or "")
            labels.append((row["label"] or "").strip() == "1")
    return texts, labels


Bag = tuple[tuple[str, ...], bool]
"""A sentence as the model sees it: its features (empty when it has no weighed
cue) and whether a cue counted by its row alone (an anonymous source) flags it."""


def bag(text: str) -> Bag:
    """One sentence's features (:func:`sentence_features` and each weighed cue's)."""
    found = [c for c in candidates(text) if c.entry.category in EVALUATED_CATEGORIES]
    weighed = [c for c in found if c.weighed]
    always = len(weighed) < len(found)
    if not weighed:
        return (), always
    features = list(sentence_features(len(tokenize(text)), len(weighed)))
    for c in weighed:
        features.extend(c.features)
    return tuple(features), always


def bags(texts: Sequence[str]) -> list[Bag]:
    """:func:`bag` of each sentence."""
    return [bag(text) for text in texts]


def _is_rare(feature: str, counts: Counter[str]) -> bool:
    return ("|before=" in feature or "|after=" in feature) and counts[feature] < MIN_COUNT


def fit(sentence_bags: Sequence[Bag], labels: Sequence[bool], l2: float = L2) -> dict[str, float]:
    """Fit the sentence model: L2-penalised logistic regression over the sentences with a cue.

    Only sentences with a weighed cue take part (the others are never weighed).
    A feature counts once per occurrence, so two cues of one row add twice.

    Args:
        sentence_bags: From :func:`bags`.
        labels: True where the sentence is labelled uncertain.
        l2: Penalty on every weight but ``bias``.

    Returns:
        Feature name to weight (log-odds), rounded to four places.

    """
    counts = Counter(f for features, _ in sentence_bags for f in set(features))
    names: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    y: list[float] = []
    for features, _ in sentence_bags:
        if not features:
            continue
        y.append(0.0)
        for f in features:
            if not _is_rare(f, counts):
                rows.append(len(y) - 1)
                cols.append(names.setdefault(f, len(names)))
    kept = [gold for (features, _), gold in zip(sentence_bags, labels, strict=True) if features]
    if not names:
        return {}
    x = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(kept), len(names))
    )
    target = np.array(kept, dtype=float)
    penalty = np.full(len(names), l2)
    if "bias" in names:
        penalty[names["bias"]] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        value = np.sum(np.logaddexp(0.0, z) - target * z) + 0.5 * np.sum(penalty * w * w)
        grad = x.T @ (1.0 / (1.0 + np.exp(-z)) - target) + penalty * w
        return float(value), grad

    w = optimize.minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    return {name: round(float(w[i]), 4) for name, i in names.items()}


def choose_threshold(
    sentence_bags: Sequence[Bag], labels: Sequence[bool], weights: dict[str, float]
) -> float:
    """The probability threshold that maximises F1 on these rows.

    A sentence is flagged when a cue counted by its row alone is in it, or its
    probability under the sentence model reaches the threshold.
    """
    model = Weights(weights=weights, threshold=0.5)
    always = 0
    always_tp = 0
    scored: list[tuple[float, bool]] = []
    positives = sum(labels)
    for (features, by_row), gold in zip(sentence_bags, labels, strict=True):
        if by_row:
            always += 1
            always_tp += gold
        elif features:
            scored.append((model.probability(features), gold))
    scored.sort(reverse=True)
    # Start from flagging no weighed sentence at all (threshold 1.0).
    tp, flagged = always_tp, always
    best_t = 1.0
    best_f1 = 2 * tp / (flagged + positives) if flagged + positives else 0.0
    for i, (p, gold) in enumerate(scored):
        tp += gold
        flagged += 1
        if i + 1 < len(scored) and scored[i + 1][0] == p:
            continue
        f1 = 2 * tp / (flagged + positives) if flagged + positives else 0.0
        if f1 > best_f1:
            best_f1, best_t = f1, p
    # Round down, so the chosen sentence itself still reaches the threshold.
    return math.floor(best_t * 10000) / 10000


def train(texts: Sequence[str], labels: Sequence[bool], l2: float = L2) -> Weights:
    """Fit the weights and the threshold on these rows."""
    sentence_bags = bags(texts)
    weights = fit(sentence_bags, labels, l2)
    threshold = choose_threshold(sentence_bags, labels, weights)
    return Weights(weights=weights, threshold=threshold)


def write_weights(model: Weights, n: int, path: Path = WEIGHTS_PATH, l2: float = L2) -> None:
    """Write the weights table with its header (sources, licence, threshold)."""
    lines = [HEADER.format(n=n, threshold=model.threshold, l2=l2, min_count=MIN_COUNT)]
    for name in sorted(model.weights, key=lambda f: (f != "bias", f)):
        lines.append(f"{name}\t{model.weights[name]}\n")
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Train on a ``text,label`` CSV file and rewrite the shipped weights table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    texts, labels = read_rows(args.file)
    model = train(texts, labels)
    write_weights(model, len(texts), args.output)
    print(f"{len(model.weights)} weights, threshold {model.threshold}, written to {args.output}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
