"""Reading rated sentences and scoring predictions against them.

Shared by :mod:`analysis.evaluate.sentiment` (figures) and
:mod:`analysis.evaluate.calibrate` (fitting): ``ID<TAB>mean<TAB>text`` lines
(VADER's NYT-editorial format), Pearson's r and 3-class macro F1.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

CLASSES = ("negative", "neutral", "positive")


def read_rated_rows(path: str | Path) -> tuple[list[str], list[str], list[float], int]:
    """Read ``ID<TAB>mean<TAB>text`` lines.

    Args:
        path: The file.

    Returns:
        The IDs, the sentences, their human means (-4..+4) and the number of
        lines skipped (blank lines are not counted; lines with too few
        fields or a rating that is not a finite number are).

    """
    ids: list[str] = []
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
            ids.append(parts[0])
            texts.append(parts[2])
            means.append(mean)
    return ids, texts, means, skipped


def read_rated(path: str | Path) -> tuple[list[str], list[float], int]:
    """The sentences, human means and skipped count of :func:`read_rated_rows`."""
    _, texts, means, skipped = read_rated_rows(path)
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


def print_scores(scores: dict[str, float | int], fmt: str) -> None:
    """Print evaluation figures as JSON or as an aligned table (3 decimals)."""
    if fmt == "json":
        print(json.dumps(scores))
        return
    for key, value in scores.items():
        print(f"{key:>24}  {value:.3f}" if isinstance(value, float) else f"{key:>24}  {value}")
