"""Fit the actor-tone model on NewsMTSC, with cross-validation grouped by article.

The model of :mod:`analysis.measures.actor_tone` is a multinomial logistic
regression (negative / neutral / positive) over the features of
:func:`analysis.measures.actor_tone.features`. It is fitted here with scipy's
L-BFGS on a sparse design matrix (training only; run time reads the weights
table in pure Python). Plain-word features ("L:criticized", "S:scandal") get a weight only
if they occur in :data:`MIN_ARTICLES` training articles, so one article's names
cannot become cues.

Honest figures: :func:`cross_validate` refits the vocabulary and the weights in
each of 5 folds grouped by NewsMTSC article (the ``id`` up to the sentence
index: ``allsides_1000_401`` of ``allsides_1000_401_25_...``,
``polusa_v1_115906714_-1`` of ``polusa_v1_115906714_-1_17_...``), and scores
only the held-out fold.

Usage::

    python -m analysis.evaluate.train_actors FILE   # write the weights table
    python -m analysis.evaluate.actors FILE --cv    # cross-validated figures
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from analysis import messages
from analysis.evaluate.folds import grouped_folds
from analysis.evaluate.rated import macro_f1
from analysis.measures.actor_tone import CLASSES, WEIGHTS_TABLE, Feature, features
from analysis.measures.vader_explain import explain

MIN_ARTICLES = 5
"""A plain-word feature is kept only if it occurs in this many training articles."""
L2 = 10.0
"""Ridge penalty on the weights (the biases are not penalised)."""
ERR_NO_ROWS = messages.EVAL_ACTORS_NO_ROWS


@dataclass(frozen=True)
class Row:
    """One NewsMTSC row: a sentence, a marked mention and its gold class."""

    id: str
    sentence: str
    start: int
    end: int
    polarity: int


def article_of(row_id: str) -> str:
    """The NewsMTSC article of a row id (the id up to the sentence index)."""
    parts = row_id.split("_")
    if parts[0] == "polusa":
        return "_".join(parts[:4])
    return "_".join(parts[:3])


def read_rows(path: str | Path) -> tuple[list[Row], int]:
    """Read NewsMTSC JSON lines; returns the rows and the number of lines skipped."""
    rows: list[Row] = []
    skipped = 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                row = Row(
                    str(obj.get("id", len(rows))),
                    str(obj["sentence"]),
                    int(obj["from"]),
                    int(obj["to"]),
                    int(obj["polarity"]),
                )
            except (ValueError, KeyError, TypeError):
                skipped += 1
                continue
            if row.polarity not in (-1, 0, 1) or not 0 <= row.start < row.end <= len(row.sentence):
                skipped += 1
                continue
            rows.append(row)
    return rows, skipped


def row_features(row: Row) -> list[Feature]:
    """The features of a row, as :func:`analysis.measures.actor_tone.mention_tone` sees them."""
    ex = explain(row.sentence)
    return features(row.sentence, (0, len(row.sentence)), (row.start, row.end), ex.words, ex.vader)


def _vocabulary(
    feats: Sequence[list[Feature]], groups: Sequence[str], rows: Sequence[int]
) -> list[str]:
    seen: dict[str, set[str]] = {}
    for r in rows:
        for f in feats[r]:
            seen.setdefault(f.name, set()).add(groups[r])
    return sorted(
        n
        for n, arts in seen.items()
        if n[:2] not in ("L:", "R:", "S:") or len(arts) >= MIN_ARTICLES
    )


def _design(
    feats: Sequence[list[Feature]], vocab: Sequence[str], rows: Sequence[int]
) -> sparse.csr_matrix:
    index = {n: k for k, n in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for r in rows:
        merged: dict[int, float] = {}
        for f in feats[r]:
            k = index.get(f.name)
            if k is not None:
                merged[k] = merged.get(k, 0.0) + f.value
        cols.extend(merged)
        data.extend(merged.values())
        ptr.append(len(cols))
    return sparse.csr_matrix((data, cols, ptr), shape=(len(rows), len(vocab)))


def _fit_softmax(x: sparse.csr_matrix, y: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    n, d = x.shape
    onehot = np.eye(3)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: d * 3].reshape(d, 3)
        b = theta[d * 3 :]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(onehot * np.log(p + 1e-12)) / n + 0.5 * l2 * np.sum(w * w) / n
        g = (p - onehot) / n
        gw = x.T @ g + l2 * w / n
        return value, np.concatenate([np.asarray(gw).ravel(), g.sum(axis=0)])

    theta0 = np.zeros(d * 3 + 3)
    res = optimize.minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x[: d * 3].reshape(d, 3), res.x[d * 3 :]


def fit(
    feats: Sequence[list[Feature]], y: np.ndarray, groups: Sequence[str], rows: Sequence[int]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary, weights (features x 3) and biases fitted on ``rows``."""
    rows = list(rows)
    vocab = _vocabulary(feats, groups, rows)
    w, b = _fit_softmax(_design(feats, vocab, rows), y[rows], L2)
    return vocab, w, b


def _predict(feats, vocab, w, b, rows) -> np.ndarray:
    return np.asarray(_design(feats, vocab, rows) @ w + b).argmax(axis=1)


def cross_validate(path: str | Path) -> dict[str, float | int]:
    """Cross-validated 3-class macro F1 of the actor-tone model (folds by article)."""
    rows, skipped = read_rows(path)
    if not rows:
        raise ValueError(ERR_NO_ROWS.format(path=path))
    feats = [row_features(r) for r in rows]
    y = np.array([r.polarity + 1 for r in rows])
    groups = [article_of(r.id) for r in rows]
    folds = grouped_folds(groups)
    pred = np.zeros(len(rows), dtype=int)
    for train, test in folds:
        vocab, w, b = fit(feats, y, groups, train)
        pred[test] = _predict(feats, vocab, w, b, test)
    gold = [CLASSES[k] for k in y]
    scores: dict[str, float | int] = {
        "n": len(rows),
        "folds": len(folds),
        "macro_f1": round(macro_f1(gold, [CLASSES[k] for k in pred]), 4),
        "accuracy": round(float(np.mean(pred == y)), 4),
    }
    if skipped:
        scores["skipped"] = skipped
    return scores


def _family(feature: str) -> str:
    """The category column of a feature: its family (lexicon, left, right, sentence, role)."""
    prefix = {"L:": "left_word", "R:": "right_word", "S:": "sentence_word"}.get(feature[:2])
    if prefix:
        return prefix
    return "lexicon" if feature.startswith("lex_") else feature.split("_", 1)[0]


def train(path: str | Path, out: Path = WEIGHTS_TABLE) -> int:
    """Fit on every row of ``path`` and write the weights table; returns the feature count."""
    rows, _ = read_rows(path)
    feats = [row_features(r) for r in rows]
    y = np.array([r.polarity + 1 for r in rows])
    groups = [article_of(r.id) for r in rows]
    vocab, w, b = fit(feats, y, groups, range(len(rows)))
    lines = [
        "# title: Actor-tone weights (multinomial logistic regression)",
        "# description: one row per feature of analysis/measures/actor_tone.py (lex_*: a VADER "
        "word by polarity, side, distance and clause; L:/R:word: a plain word just before / "
        "after the mention; S:word: a plain word elsewhere in the sentence; role_*: the "
        "mention's role; sentence_compound: the sentence's VADER score); columns: the "
        "weight towards each class. Row 'bias' holds the biases. "
        "Category: the feature's family. Written by analysis/evaluate/train_actors.py.",
        f"# trained on: NewsMTSC (Hamborg & Donnay 2021), real-world variant, train and dev "
        f"splits as distributed for development ({len(rows)} targets, "
        f"{len(set(groups))} articles); L2 {L2:g}; plain words in >= {MIN_ARTICLES} articles; "
        f"{datetime.date.today().isoformat()}.",
        "# sources: fitted by Slant to NewsMTSC (Hamborg & Donnay 2021, EACL), distributed "
        "in the NewsMTSC repository under the MIT licence; sentiment words are VADER's.",
        "# licence: NewsMTSC is distributed under the MIT licence; these weights are "
        "MIT-licensed as part of Slant.",
        "term\tcategory\tnegative\tneutral\tpositive",
        f"bias\tbias\t{b[0]:.5f}\t{b[1]:.5f}\t{b[2]:.5f}",
    ]
    for k, name in enumerate(vocab):
        if np.abs(w[k]).max() >= 1e-3:
            row = f"{w[k, 0]:.5f}\t{w[k, 1]:.5f}\t{w[k, 2]:.5f}"
            lines.append(f"{name}\t{_family(name)}\t{row}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 7


def main(argv: Sequence[str] | None = None) -> int:
    """Train the actor-tone weights from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS_TABLE)
    args = parser.parse_args(argv)
    print(f"{args.out}: {train(args.file, args.out)} features")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
