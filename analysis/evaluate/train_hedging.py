"""Learn the hedging weights table from sentence-labelled data (training only).

The learned layer of :mod:`analysis.measures.hedging` is a small logistic
model over cue matches. Each match the context rules accept has a few features
(:func:`analysis.measures.hedging.cue_features`: its guideline class, its
lexicon row, the context its rule named), and its probability of marking
uncertainty is ``sigmoid(sum of the features' weights)``. The data labels whole
sentences, not cues, so the model is fitted as a *noisy-OR*: a sentence is
uncertain unless every one of its cues fails,
``P(sentence) = 1 - prod(1 - p_cue)``. That credits a sentence's label to the
cue most likely to explain it, instead of to every word that happens to stand
beside a strong cue.

Fitting is plain gradient descent (Adam) in numpy with an L2 penalty that pulls
each weight towards zero, so a rare row or context falls back on its class
(``kind=...``) and on the shared context features. The threshold is the one
that maximises F1 on the training rows. Nothing here runs at analysis time:
the analyser reads the exported table (:func:`write_weights`) with the
standard library only.

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

from analysis import messages
from analysis.measures.hedging import EVALUATED_CATEGORIES, WEIGHTS_PATH, Weights, candidates

L2 = 1.0
"""Strength of the pull towards zero (fixed, not tuned: see docs/hedging.md)."""

STEPS = 400
"""Gradient steps; the loss has flattened well before this on the Wikipedia file."""

RATE = 0.1
"""Adam step size."""

MIN_COUNT = 10
"""A neighbour-word feature is learned only when it occurs this often in training.

Rarer ones would mostly memorise single sentences; leaving them out keeps the
table small (a few hundred rows) and every weight backed by several examples.
"""

HEADER = (
    "# title: Learned weights of the hedging cues (noisy-OR logistic model)\n"
    "# description: Log-odds weight of each cue feature (guideline class, lexicon row,"
    " context named by its rule, neighbouring word). A cue's probability of marking"
    " uncertainty is sigmoid(sum of its features' weights); a cue whose row is decided by"
    " weight counts when that probability reaches the threshold. Written by"
    " analysis/evaluate/train_hedging.py; see docs/hedging.md.\n"
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


Bag = list[tuple[tuple[str, ...], bool]]
"""A sentence's evaluated cue matches: (features, decided by weight)."""


def bags(texts: Sequence[str]) -> list[Bag]:
    """The cue matches of each sentence that can flag it (boosters left out)."""
    return [
        [
            (c.features, c.cue.decided_by_weight(c.context))
            for c in candidates(text)
            if c.entry.category in EVALUATED_CATEGORIES
        ]
        for text in texts
    ]


def fit(sentence_bags: Sequence[Bag], labels: Sequence[bool], l2: float = L2) -> dict[str, float]:
    """Fit the noisy-OR logistic model.

    Args:
        sentence_bags: From :func:`bags`.
        labels: True where the sentence is labelled uncertain.
        l2: Penalty on every weight but ``bias``.

    Returns:
        Feature name to weight, rounded to four places.

    """
    counts = Counter(f for bag in sentence_bags for features, _ in bag for f in features)
    names: dict[str, int] = {}
    cand_sent: list[int] = []
    cand_feat: list[int] = []
    feat_idx: list[int] = []
    for s, bag in enumerate(sentence_bags):
        for features, _ in bag:
            c = len(cand_sent)
            cand_sent.append(s)
            for f in features:
                if ("|before=" in f or "|after=" in f) and counts[f] < MIN_COUNT:
                    continue
                feat_idx.append(names.setdefault(f, len(names)))
                cand_feat.append(c)
    if not names:
        return {}
    sent = np.array(cand_sent)
    rows = np.array(cand_feat)
    cols = np.array(feat_idx)
    y = np.array(labels, dtype=float)[sent] if len(sent) else np.zeros(0)
    n_cand, n_feat = len(cand_sent), len(names)
    n_sent = len(sentence_bags)
    penalty = np.full(n_feat, l2)
    if "bias" in names:
        penalty[names["bias"]] = 0.0
    w = np.zeros(n_feat)
    m = np.zeros(n_feat)
    v = np.zeros(n_feat)
    for step in range(1, STEPS + 1):
        z = np.bincount(rows, weights=w[cols], minlength=n_cand)
        p = 1.0 / (1.0 + np.exp(-z))
        # log Q_s = sum over the sentence's cues of log(1 - p) = -softplus(z).
        log_q = np.bincount(sent, weights=-np.logaddexp(0.0, z), minlength=n_sent)[sent]
        q = np.exp(log_q)
        # dL/dz: p for a certain sentence; -p * Q / (1 - Q) for an uncertain one.
        ratio = q / np.maximum(1.0 - q, 1e-12)
        g_z = np.where(y > 0, -p * ratio, p)
        grad = np.bincount(cols, weights=g_z[rows], minlength=n_feat) / n_sent
        grad += penalty * w / n_sent
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(w[i]), 4) for name, i in names.items()}


def choose_threshold(
    sentence_bags: Sequence[Bag], labels: Sequence[bool], weights: dict[str, float]
) -> float:
    """The probability threshold that maximises F1 on these rows.

    A sentence is flagged when it has a rule-decided cue, or a weight-decided
    cue whose probability reaches the threshold.
    """
    model = Weights(weights=weights, threshold=0.5)
    always = 0
    always_tp = 0
    best_p: list[tuple[float, bool]] = []
    positives = sum(labels)
    for bag, gold in zip(sentence_bags, labels, strict=True):
        if any(not by_weight for _, by_weight in bag):
            always += 1
            always_tp += gold
            continue
        scored = [model.probability(f) for f, _ in bag]
        if scored:
            best_p.append((max(scored), gold))
    best_p.sort(reverse=True)
    # Start from flagging no weight-decided cue at all (threshold 1.0).
    tp, flagged = always_tp, always
    best_t = 1.0
    best_f1 = 2 * tp / (flagged + positives) if flagged + positives else 0.0
    for i, (p, gold) in enumerate(best_p):
        tp += gold
        flagged += 1
        if i + 1 < len(best_p) and best_p[i + 1][0] == p:
            continue
        f1 = 2 * tp / (flagged + positives) if flagged + positives else 0.0
        if f1 > best_f1:
            best_f1, best_t = f1, p
    # Round down, so the chosen cue itself still reaches the threshold.
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
