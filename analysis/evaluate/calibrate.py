"""Fit the sentence-sentiment calibration to human ratings, with grouped cross-validation.

The calibration (applied at run time by :func:`analysis.measures.vader_explain.explain`)
is ``score = scale * compound + sum(weight[word] * adjusted / valence)`` over
the VADER lexicon words of a sentence: one factor on VADER's compound and one
correction per lexicon word, no intercept (a sentence with no sentiment word
stays at exactly 0). It is fitted here, by ridge regression of the human mean
(divided by 4, VADER's -1..+1 scale) on those features, with numpy; run time
needs only the small table it writes.

Honest figures: :func:`cross_validate` refits everything (the word list, the
ridge strength, the final rescaling) inside each training fold, with folds
grouped by NYT article (the part of the ID before "_", see
:mod:`analysis.evaluate.folds`), and scores only the held-out fold.

Usage::

    python -m analysis.evaluate.calibrate FILE            # write the weights table
    python -m analysis.evaluate.sentiment FILE --cv       # cross-validated figures
"""

from __future__ import annotations

import argparse
import datetime
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis.evaluate.folds import grouped_folds
from analysis.evaluate.rated import macro_f1, pearson, read_rated_rows
from analysis.measures.sentiment import label
from analysis.measures.vader_explain import CALIBRATION_TABLE, Explanation, explain

MIN_ARTICLES = 3
"""A lexicon word gets its own weight only if it occurs in this many training articles."""
RIDGE = (3.0, 10.0, 30.0)
"""Ridge strengths tried on the word weights (chosen by inner grouped CV)."""
SCALE_GRID = tuple(0.8 + 0.1 * k for k in range(13))
"""Final rescalings tried to keep the +-0.05 labels (chosen on training rows by macro F1)."""


def article_of(row_id: str) -> str:
    """The NYT article of a sentence ID ("12_3" -> "12")."""
    return row_id.split("_", 1)[0]


def explanations(texts: Sequence[str]) -> list[Explanation]:
    """VADER with the news adjustment and no calibration: the features' source."""
    return [explain(t, adjusted=True, calibrated=False) for t in texts]


def _vocabulary(
    exs: Sequence[Explanation], groups: Sequence[str], rows: Sequence[int]
) -> list[str]:
    seen: dict[str, set[str]] = {}
    for r in rows:
        for w in exs[r].words:
            if w.valence:
                seen.setdefault(w.text.lower(), set()).add(groups[r])
    return sorted(w for w, arts in seen.items() if len(arts) >= MIN_ARTICLES)


def _design(exs: Sequence[Explanation], vocab: Sequence[str], rows: Sequence[int]) -> np.ndarray:
    index = {w: k for k, w in enumerate(vocab)}
    x = np.zeros((len(rows), 1 + len(vocab)))
    for i, r in enumerate(rows):
        x[i, 0] = exs[r].vader
        for w in exs[r].words:
            k = index.get(w.text.lower())
            if k is not None and w.valence:
                x[i, 1 + k] += w.adjusted / w.valence
    return x


def _ridge(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    penalty = np.eye(x.shape[1]) * lam
    penalty[0, 0] = 1e-6  # the compound's factor is barely penalised
    return np.linalg.solve(x.T @ x + penalty, x.T @ y)


def _labels(values: Sequence[float]) -> list[str]:
    return [label(float(v)) for v in values]


def fit(
    exs: Sequence[Explanation],
    y: np.ndarray,
    groups: Sequence[str],
    rows: Sequence[int],
    lam: float | None = None,
) -> tuple[float, dict[str, float], float]:
    """Fit scale and word weights on ``rows``.

    Args:
        exs: Uncalibrated explanations of every sentence.
        y: Human means / 4 of every sentence.
        groups: Article of every sentence.
        rows: The training rows.
        lam: Ridge strength; chosen by inner grouped CV over :data:`RIDGE` if None.

    Returns:
        ``(scale, weights, ridge)``.

    """
    rows = list(rows)
    if lam is None:
        inner = grouped_folds([groups[r] for r in rows], k=5, seed=1)
        best = None
        for candidate in RIDGE:
            pred = np.zeros(len(rows))
            for tr, te in inner:
                s, w, _ = fit(exs, y, groups, [rows[i] for i in tr], candidate)
                pred[te] = predict(exs, [rows[i] for i in te], s, w)
            r = pearson(list(pred), list(y[rows]))
            if best is None or r > best[0]:
                best = (r, candidate)
        lam = best[1] if best else RIDGE[0]
    vocab = _vocabulary(exs, groups, rows)
    coef = _ridge(_design(exs, vocab, rows), y[rows], lam)
    scale, weights = float(coef[0]), {w: float(c) for w, c in zip(vocab, coef[1:], strict=True)}
    # Regression shrinks scores towards 0; pick the factor that keeps the
    # three labels best on the training rows (it does not change r).
    raw = predict(exs, rows, scale, weights)
    gold = _labels(y[rows])
    factor = max(SCALE_GRID, key=lambda f: macro_f1(gold, _labels(raw * f)))
    return scale * factor, {w: c * factor for w, c in weights.items()}, lam


def predict(
    exs: Sequence[Explanation], rows: Sequence[int], scale: float, weights: dict[str, float]
) -> np.ndarray:
    """Calibrated scores of ``rows`` (as :func:`vader_explain._calibrate` computes them)."""
    out = np.zeros(len(rows))
    for i, r in enumerate(rows):
        total = scale * exs[r].vader
        for w in exs[r].words:
            if w.valence:
                total += weights.get(w.text.lower(), 0.0) * w.adjusted / w.valence
        out[i] = max(-1.0, min(1.0, total))
    return out


def cross_validate(path: str | Path) -> dict[str, float | int]:
    """Cross-validated r and macro F1 of the calibrated score (folds by article).

    Returns:
        ``n``, ``folds``, ``pearson_r`` and ``macro_f1`` of the calibrated
        score on held-out folds, and ``uncalibrated_pearson_r`` /
        ``uncalibrated_macro_f1`` of the same rows without calibration.

    """
    ids, texts, means, _ = read_rated_rows(path)
    exs = explanations(texts)
    y = np.array(means) / 4
    groups = [article_of(i) for i in ids]
    folds = grouped_folds(groups)
    pred = np.zeros(len(texts))
    for train, test in folds:
        scale, weights, _ = fit(exs, y, groups, train)
        pred[test] = predict(exs, test, scale, weights)
    gold = _labels(y)
    plain = [e.vader for e in exs]
    return {
        "n": len(texts),
        "folds": len(folds),
        "pearson_r": round(pearson(list(pred), list(y)), 4),
        "macro_f1": round(macro_f1(gold, _labels(pred)), 4),
        "uncalibrated_pearson_r": round(pearson(plain, list(y)), 4),
        "uncalibrated_macro_f1": round(macro_f1(gold, _labels(plain)), 4),
    }


def train(path: str | Path, out: Path = CALIBRATION_TABLE) -> tuple[float, int, float]:
    """Fit on every row of ``path`` and write the weights table to ``out``.

    Returns:
        ``(scale, number of word weights, ridge strength)``.

    """
    ids, texts, means, _ = read_rated_rows(path)
    exs = explanations(texts)
    y = np.array(means) / 4
    groups = [article_of(i) for i in ids]
    scale, weights, lam = fit(exs, y, groups, range(len(texts)))
    uses = Counter(w.text.lower() for e in exs for w in e.words)
    lines = [
        "# title: VADER calibration to human ratings of news sentences",
        "# description: score = scale * VADER compound + sum over the sentence's VADER "
        "lexicon words of weight * adjusted / valence (adjusted: the word's valence after "
        "VADER's rules, so a negated word's weight is reversed too); clipped to -1..+1. "
        "Category scale (term 'compound'): the factor on VADER's compound; category word: "
        "the weight of that lexicon word. Read by analysis/measures/vader_explain.py; "
        "written by analysis/evaluate/calibrate.py.",
        "# sources: fitted by Slant to the NYT-editorial sentence ratings of Hutto & Gilbert "
        "(2014), as distributed with vaderSentiment (MIT licence); the words are VADER's.",
        f"# trained on: NYT editorial sentences (Hutto & Gilbert 2014), development split, "
        f"{len(texts)} sentences from {len(set(groups))} articles; ridge regression of the "
        f"human mean / 4, ridge {lam:g} chosen by grouped 5-fold CV (folds by article), word "
        f"weights only for words in >= {MIN_ARTICLES} articles; "
        f"{datetime.date.today().isoformat()}.",
        "# licence: the ratings are distributed with vaderSentiment under the MIT licence; "
        "these weights are MIT-licensed as part of Slant.",
        "term\tcategory\tweight\tnote",
        f"compound\tscale\t{scale:.6f}\tfactor on VADER's compound",
    ]
    for w in sorted(weights, key=lambda k: -abs(weights[k])):
        if abs(weights[w]) >= 5e-4:
            lines.append(f"{w}\tword\t{weights[w]:.6f}\tin {uses[w]} training sentences")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return scale, len(lines) - 7, lam


def main(argv: Sequence[str] | None = None) -> int:
    """Train the calibration from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, default=CALIBRATION_TABLE)
    args = parser.parse_args(argv)
    scale, n, lam = train(args.file, args.out)
    print(f"{args.out}: scale {scale:.4f}, {n} word weights, ridge {lam:g}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
