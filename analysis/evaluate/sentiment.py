"""Measure sentence sentiment against human ratings (VADER's NYT-editorial format).

Hutto & Gilbert (2014) had 20 people rate each sentence of New York Times
opinion pieces on a -4..+4 scale, and distribute the means with vaderSentiment
as ``ID<TAB>mean<TAB>text`` lines. We score every sentence with Slant's scorer
(VADER, one sentence per call, with Slant's news adjustment unless
``adjusted=False``; see :mod:`analysis.measures.vader_explain`) and report:

* ``pearson_r``: Pearson correlation of the compound with the human mean;
* ``macro_f1``: macro-averaged F1 over three classes, positive / neutral /
  negative, at +-0.05 on the compound and on the human mean divided by 4
  (so the mean is put on VADER's -1..+1 scale first).

Lines that are blank, or whose rating is not a number, are skipped and counted
in ``skipped``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from analysis import messages
from analysis.measures.sentiment import label
from analysis.measures.vader_explain import explain

ERR_NO_ROWS = messages.EVAL_SENTIMENT_NO_ROWS
CLASSES = ("negative", "neutral", "positive")


def read_rated(path: str | Path) -> tuple[list[str], list[float], int]:
    """Read ``ID<TAB>mean<TAB>text`` lines.

    Args:
        path: The file.

    Returns:
        The sentences, their human means (-4..+4) and the number of lines skipped.

    """
    texts: list[str] = []
    means: list[float] = []
    skipped = 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t", 2)
            if len(parts) < 3:
                skipped += bool(line.strip())
                continue
            try:
                mean = float(parts[1])
            except ValueError:
                skipped += 1
                continue
            if not math.isfinite(mean):
                skipped += 1
                continue
            texts.append(parts[2])
            means.append(mean)
    return texts, means, skipped


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation; 0.0 when either side is constant or empty."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean of per-class F1 over :data:`CLASSES`."""
    scores = []
    for c in CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate(path: str | Path, *, adjusted: bool | None = None) -> dict[str, float | int]:
    """Pearson r and 3-class macro F1 of sentence compounds against human means.

    Args:
        path: A file of ``ID<TAB>mean<TAB>text`` lines, mean on -4..+4.
        adjusted: Apply Slant's news adjustment (True), score with plain VADER
            (False), or use the default, :data:`analysis.measures.vader_explain.DEFAULT_ADJUSTED`
            (None).

    Returns:
        ``{"n": sentences, "pearson_r": ..., "macro_f1": ...}`` (rounded to 4
        places), plus ``"skipped"`` when some lines could not be read.

    Raises:
        ValueError: If no line could be read.

    """
    texts, means, skipped = read_rated(path)
    if not texts:
        raise ValueError(ERR_NO_ROWS.format(path=path))
    compounds = [explain(t, adjusted=adjusted).compound for t in texts]
    gold = [label(m / 4) for m in means]
    predicted = [label(c) for c in compounds]
    scores: dict[str, float | int] = {
        "n": len(texts),
        "pearson_r": round(pearson(compounds, means), 4),
        "macro_f1": round(macro_f1(gold, predicted), 4),
    }
    if skipped:
        scores["skipped"] = skipped
    return scores
