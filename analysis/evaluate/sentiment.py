"""Measure sentence sentiment against human ratings (VADER's NYT-editorial format).

Hutto & Gilbert (2014) had 20 people rate each sentence of New York Times
opinion pieces on a -4..+4 scale, and distribute the means with vaderSentiment
as ``ID<TAB>mean<TAB>text`` lines. We score every sentence with Slant's scorer
(VADER, one sentence per call, with Slant's news adjustment and calibration
unless told otherwise; see :mod:`analysis.measures.vader_explain`) and report:

* ``pearson_r``: Pearson correlation of the score with the human mean;
* ``macro_f1``: macro-averaged F1 over three classes, positive / neutral /
  negative, at +-0.05 on the score and on the human mean divided by 4
  (so the mean is put on VADER's -1..+1 scale first).

With ``cv=True`` the shipped calibration is not used: it is refitted in each
of 5 folds grouped by article and scored on the held-out fold (see
:mod:`analysis.evaluate.calibrate`), which is the figure to report for a file
the calibration was trained on.

Lines that are blank, or whose rating is not a number, are skipped and counted
in ``skipped``.

Command line (the ``--cv`` figures)::

    python -m analysis.evaluate.sentiment FILE [--cv] [--plain] [--format json]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from analysis import messages
from analysis.evaluate import calibrate
from analysis.evaluate.rated import (
    CLASSES,
    macro_f1,
    pearson,
    print_scores,
    read_rated,
    read_rated_rows,
)
from analysis.measures.sentiment import label
from analysis.measures.vader_explain import explain

ERR_NO_ROWS = messages.EVAL_SENTIMENT_NO_ROWS

__all__ = ["CLASSES", "evaluate", "macro_f1", "pearson", "read_rated", "read_rated_rows"]


def evaluate(
    path: str | Path,
    *,
    adjusted: bool | None = None,
    calibrated: bool | None = None,
    cv: bool = False,
) -> dict[str, float | int]:
    """Pearson r and 3-class macro F1 of sentence scores against human means.

    Args:
        path: A file of ``ID<TAB>mean<TAB>text`` lines, mean on -4..+4.
        adjusted: Apply Slant's news adjustment (True), score with plain VADER
            (False), or use the default, :data:`analysis.measures.vader_explain.DEFAULT_ADJUSTED`
            (None).
        calibrated: Apply the shipped calibration (default: with the adjustment).
        cv: Refit the calibration by grouped cross-validation instead and
            report held-out figures (``adjusted`` and ``calibrated`` are then ignored).

    Returns:
        ``{"n": sentences, "pearson_r": ..., "macro_f1": ...}`` (rounded to 4
        places), plus ``"skipped"`` when some lines could not be read; with
        ``cv``, also ``folds`` and the uncalibrated figures of the same rows.

    Raises:
        ValueError: If no line could be read.

    """
    texts, means, skipped = read_rated(path)
    if not texts:
        raise ValueError(ERR_NO_ROWS.format(path=path))
    if cv:
        scores = calibrate.cross_validate(path)
    else:
        compounds = [explain(t, adjusted=adjusted, calibrated=calibrated).compound for t in texts]
        gold = [label(m / 4) for m in means]
        predicted = [label(c) for c in compounds]
        scores = {
            "n": len(texts),
            "pearson_r": round(pearson(compounds, means), 4),
            "macro_f1": round(macro_f1(gold, predicted), 4),
        }
    if skipped:
        scores["skipped"] = skipped
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures for a rated file (``--cv`` for cross-validated ones)."""
    parser = argparse.ArgumentParser(description="Sentence sentiment against human ratings.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--cv", action="store_true", help="refit the calibration by grouped CV")
    parser.add_argument("--plain", action="store_true", help="plain VADER, no adjustment")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    scores = evaluate(args.file, adjusted=False if args.plain else None, cv=args.cv)
    print_scores(scores, args.format)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def cross_validate(path: str | Path) -> dict:
    """The cross-validated figures: :func:`evaluate` with ``cv=True``."""
    return evaluate(path, cv=True)
