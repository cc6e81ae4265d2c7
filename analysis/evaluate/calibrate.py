"""Fit the sentence-sentiment calibration to human ratings, with grouped cross-validation.

The calibration (applied at run time by :mod:`analysis.measures.calibration`)
is ``score = scale * compound + density * sum(adjusted) / tokens + relief *
(shares of harms after a relief verb) + tone * (news-tone words) +
sum(weight[word] * adjusted / valence)`` over the words of a sentence: a
factor on VADER's compound, three learned terms and one correction per
lexicon word, no intercept (a sentence with no sentiment word stays at
exactly 0). It is fitted here, by ridge regression of the human mean
(divided by 4, VADER's -1..+1 scale) on those features, with numpy; run time
needs only the small table it writes.

Honest figures: :func:`cross_validate` refits everything (the word list, the
ridge strength, the word-count threshold, the final rescaling) inside each
training fold, with folds grouped by NYT article (the part of the ID before
"_", see :mod:`analysis.evaluate.folds`), and scores only the held-out fold.

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
from typing import NamedTuple

import numpy as np

from analysis.evaluate.folds import grouped_folds
from analysis.evaluate.rated import macro_f1, pearson, read_rated_rows
from analysis.measures import calibration as cal_mod
from analysis.measures.calibration import Calibration
from analysis.measures.sentiment import label
from analysis.measures.vader_explain import CALIBRATION_TABLE, Scored, score

MIN_ARTICLES = (2, 3, 5)
"""A lexicon word gets its own weight only if it occurs in this many training
articles (the threshold is chosen by inner grouped CV, with the ridge)."""
RIDGE = (3.0, 10.0, 30.0, 100.0)
"""Ridge strengths tried on the word weights (chosen by inner grouped CV)."""
FEATURES = ("density", "relief", "news_tone")
"""The learned terms besides the compound's factor, in the design's column order."""


class Row(NamedTuple):
    """One rated sentence, scored without calibration, with its calibration terms."""

    scored: Scored
    terms: cal_mod.Terms
    text: str
SCALE_GRID = tuple(0.8 + 0.1 * k for k in range(13))
"""Final rescalings tried to keep the +-0.05 labels (chosen on training rows by macro F1)."""


def article_of(row_id: str) -> str:
    """The NYT article of a sentence ID ("12_3" -> "12")."""
    return row_id.split("_", 1)[0]


def explanations(texts: Sequence[str]) -> list[Row]:
    """VADER with the news adjustment and no calibration, and the calibration's terms."""
    out = []
    for t in texts:
        scored = score(t, adjusted=True, calibrated=False)
        out.append(Row(scored, cal_mod.terms(scored, t), t))
    return out


def _vocabulary(
    exs: Sequence[Row], groups: Sequence[str], rows: Sequence[int], min_articles: int
) -> list[str]:
    seen: dict[str, set[str]] = {}
    for r in rows:
        for w in exs[r].scored.words:
            if w[3]:
                seen.setdefault(w[2].lower(), set()).add(groups[r])
    return sorted(w for w, arts in seen.items() if len(arts) >= min_articles)


def _design(exs: Sequence[Row], vocab: Sequence[str], rows: Sequence[int]) -> np.ndarray:
    index = {w: k for k, w in enumerate(vocab)}
    dense = 1 + len(FEATURES)
    x = np.zeros((len(rows), dense + len(vocab)))
    for i, r in enumerate(rows):
        ex, t = exs[r].scored, exs[r].terms
        x[i, 0] = ex.compound
        x[i, 1] = sum(t.density)
        x[i, 2] = sum(w[5] for w, rel in zip(ex.words, t.relieved, strict=True) if rel)
        x[i, 3] = sum(value for *_, value, _ in t.tone)
        for w, ratio in zip(ex.words, t.ratios, strict=True):
            k = index.get(w[2].lower())
            if k is not None and w[3]:
                x[i, dense + k] += ratio
    return x


def _ridge(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    penalty = np.eye(x.shape[1]) * lam
    for k in range(1 + len(FEATURES)):
        penalty[k, k] = 1e-6  # the compound's factor and the learned terms are barely penalised
    return np.linalg.solve(x.T @ x + penalty, x.T @ y)


def _labels(values: Sequence[float]) -> list[str]:
    return [label(float(v)) for v in values]


def fit(
    exs: Sequence[Row],
    y: np.ndarray,
    groups: Sequence[str],
    rows: Sequence[int],
    lam: float | None = None,
    min_articles: int | None = None,
) -> tuple[Calibration, float, int]:
    """Fit the calibration on ``rows``.

    Args:
        exs: Uncalibrated passes of every sentence (:func:`explanations`).
        y: Human means / 4 of every sentence.
        groups: Article of every sentence.
        rows: The training rows.
        lam: Ridge strength; chosen by inner grouped CV over :data:`RIDGE` if None.
        min_articles: Word-count threshold; chosen with ``lam`` over
            :data:`MIN_ARTICLES` if None.

    Returns:
        ``(calibration, ridge, min_articles)``.

    """
    rows = list(rows)
    if lam is None or min_articles is None:
        lam, min_articles = _choose(exs, y, groups, rows)
    vocab, coef = _coefficients(exs, y, groups, rows, lam, min_articles)
    # Regression shrinks scores towards 0; pick the factor that keeps the
    # three labels best on the training rows (clipping aside, r is unchanged).
    linear = _design(exs, vocab, rows) @ coef
    gold = _labels(y[rows])
    factor = max(SCALE_GRID, key=lambda f: macro_f1(gold, _labels(np.clip(linear * f, -1, 1))))
    return _calibration(coef, vocab, factor), lam, min_articles


def _coefficients(
    exs: Sequence[Row],
    y: np.ndarray,
    groups: Sequence[str],
    rows: list[int],
    lam: float,
    min_articles: int,
) -> tuple[list[str], np.ndarray]:
    """The word list and the ridge coefficients fitted on ``rows``."""
    vocab = _vocabulary(exs, groups, rows, min_articles)
    return vocab, _ridge(_design(exs, vocab, rows), y[rows], lam)


def _choose(
    exs: Sequence[Row], y: np.ndarray, groups: Sequence[str], rows: list[int]
) -> tuple[float, int]:
    """Ridge strength and word-count threshold with the best inner grouped-CV r."""
    inner = grouped_folds([groups[r] for r in rows], k=5, seed=1)
    best: tuple[float, float, int] | None = None
    for m in MIN_ARTICLES:
        for lam in RIDGE:
            pred = np.zeros(len(rows))
            for tr, te in inner:
                train, test = [rows[i] for i in tr], [rows[i] for i in te]
                vocab, coef = _coefficients(exs, y, groups, train, lam, m)
                pred[te] = np.clip(_design(exs, vocab, test) @ coef, -1, 1)
            r = pearson(list(pred), list(y[rows]))
            if best is None or r > best[0]:
                best = (r, lam, m)
    assert best is not None
    return best[1], best[2]


def _calibration(coef: np.ndarray, vocab: Sequence[str], factor: float) -> Calibration:
    """The :class:`Calibration` of a coefficient vector, every term times ``factor``."""
    dense = 1 + len(FEATURES)
    weights = {w: float(c) * factor for w, c in zip(vocab, coef[dense:], strict=True)}
    density, relief, tone = (float(c) * factor for c in coef[1:dense])
    return Calibration(float(coef[0]) * factor, weights, density, relief, tone)


def predict(exs: Sequence[Row], rows: Sequence[int], cal: Calibration) -> np.ndarray:
    """Calibrated scores of ``rows``, computed by the run-time code itself."""
    return np.array([cal_mod.apply(exs[r].scored, exs[r].text, cal).compound for r in rows])


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
        cal, _, _ = fit(exs, y, groups, train)
        pred[test] = predict(exs, test, cal)
    gold = _labels(y)
    plain = [e.scored.compound for e in exs]
    return {
        "n": len(texts),
        "folds": len(folds),
        "pearson_r": round(pearson(list(pred), list(y)), 4),
        "macro_f1": round(macro_f1(gold, _labels(pred)), 4),
        "uncalibrated_pearson_r": round(pearson(plain, list(y)), 4),
        "uncalibrated_macro_f1": round(macro_f1(gold, _labels(plain)), 4),
    }


def train(path: str | Path, out: Path = CALIBRATION_TABLE) -> tuple[Calibration, float, int]:
    """Fit on every row of ``path`` and write the weights table to ``out``.

    Returns:
        ``(calibration, ridge strength, word-count threshold)``.

    """
    ids, texts, means, _ = read_rated_rows(path)
    exs = explanations(texts)
    y = np.array(means) / 4
    groups = [article_of(i) for i in ids]
    cal, lam, min_articles = fit(exs, y, groups, range(len(texts)))
    uses = Counter(w[2].lower() for e in exs for w in e.scored.words)
    tone_uses = sum(len(e.terms.tone) for e in exs)
    relieved = sum(sum(e.terms.relieved) for e in exs)
    lines = [
        "# title: VADER calibration to human ratings of news sentences",
        "# description: score = scale * VADER compound + density * sum(adjusted) / tokens "
        "+ relief * (shares of VADER's negative words within three words after a relief "
        "verb) + news_tone * sum(polarity of Slant's news-tone words, signed by negation and "
        "'but') + sum over the sentence's VADER lexicon words of weight * adjusted / valence "
        "(adjusted: the word's valence after VADER's rules, so a negated word's weight is "
        "reversed too); clipped to -1..+1. Category scale (term 'compound'): the factor on "
        "VADER's compound; category feature: the learned terms density, relief and "
        "news_tone (words and relief verbs in news_tone.tsv); category word: the weight of "
        "that lexicon word. Read by analysis/measures/calibration.py; written by "
        "analysis/evaluate/calibrate.py.",
        "# sources: fitted by Slant to the NYT-editorial sentence ratings of Hutto & Gilbert "
        "(2014), as distributed with vaderSentiment (MIT licence); the words are VADER's "
        "and Slant's own news-tone list (analysis/lexicons/news_tone.tsv, CC0).",
        f"# trained on: NYT editorial sentences (Hutto & Gilbert 2014), development split, "
        f"{len(texts)} sentences from {len(set(groups))} articles; ridge regression of the "
        f"human mean / 4, ridge {lam:g} and word weights only for words in >= {min_articles} "
        f"articles, both chosen by grouped 5-fold CV (folds by article); "
        f"{datetime.date.today().isoformat()}.",
        "# licence: the ratings are distributed with vaderSentiment under the MIT licence; "
        "these weights are MIT-licensed as part of Slant.",
        "term\tcategory\tweight\tnote",
        f"compound\tscale\t{cal.scale:.6f}\tfactor on VADER's compound",
        f"density\tfeature\t{cal.density:.6f}\tfactor on sum(adjusted) / tokens",
        f"relief\tfeature\t{cal.relief:.6f}\tfactor on the shares of harms after a relief "
        f"verb ({relieved} training words)",
        f"news_tone\tfeature\t{cal.tone:.6f}\tweight of one news-tone word "
        f"({tone_uses} in training sentences)",
    ]
    weights = cal.weights
    for w in sorted(weights, key=lambda k: -abs(weights[k])):
        if abs(weights[w]) >= 5e-4:
            lines.append(f"{w}\tword\t{weights[w]:.6f}\tin {uses[w]} training sentences")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cal, lam, min_articles


def main(argv: Sequence[str] | None = None) -> int:
    """Train the calibration from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, default=CALIBRATION_TABLE)
    args = parser.parse_args(argv)
    cal, lam, min_articles = train(args.file, args.out)
    print(
        f"{args.out}: scale {cal.scale:.4f}, density {cal.density:.4f}, relief "
        f"{cal.relief:.4f}, news_tone {cal.tone:.4f}, {len(cal.weights)} word weights, "
        f"ridge {lam:g}, words in >= {min_articles} articles"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
