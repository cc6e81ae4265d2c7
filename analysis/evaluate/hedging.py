"""Measure the hedging detector on the CoNLL-2010 Wikipedia data.

The CoNLL-2010 shared task (Farkas et al. 2010, task 1, Wikipedia) labels each
sentence 1 when it contains an uncertainty or weasel cue ("some critics say",
"it is believed", "may") and 0 otherwise. We read it as a CSV file with a
``text,label`` header (a text field may span lines).

A sentence counts as flagged when :func:`analysis.measures.hedging.find_matches` finds a
``hedge``, ``weasel`` or ``anonymous_source`` cue in it. Boosters do not flag a
sentence. Matches inside quotation marks count too: Wikipedia sentences are not
news reports with speakers, so there is no outlet/speaker split to make.

Two figures:

- :func:`evaluate` scores the shipped detector (its weights were learned on
  the whole development file, so on that file this figure is fitted: use it on
  data nothing was trained on);
- :func:`cross_validate` is the honest figure on the development file: in
  each of five folds (:func:`analysis.evaluate.folds.grouped_folds`, grouped
  by sentence) the weights and the threshold are learned on the other four
  folds only, and the held-out fold is scored with them; the mean over the
  held-out folds is reported.

``python -m analysis.evaluate.hedging FILE --cv [--format json]`` prints the
cross-validated figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import messages
from analysis.evaluate.folds import DEFAULT_FOLDS, grouped_folds
from analysis.evaluate.train_hedging import ERR_COLUMNS as ERR_COLUMNS  # re-exported: it lived here
from analysis.evaluate.train_hedging import read_rows, train
from analysis.measures.hedging import EVALUATED_CATEGORIES, Weights, find_matches

ERR_ROWS = messages.EVAL_HEDGING_ROWS

ROW_CHOICES = ("all", "odd", "even")
"""Which data rows :func:`evaluate` scores: all, or every other one (numbered from 1)."""


def _scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def is_flagged(sentence: str, weights: Weights | None = None) -> bool:
    """Whether the detector flags a sentence as hedged.

    Args:
        sentence: One sentence.
        weights: Learned weights to decide with (default: the shipped table).
    """
    return any(m.category in EVALUATED_CATEGORIES for m in find_matches(sentence, None, weights))


def score(
    texts: Sequence[str], labels: Sequence[bool], weights: Weights | None = None
) -> dict[str, float | int]:
    """Sentence-level precision, recall and F1 of the detector on these rows."""
    tp = fp = fn = 0
    for text, gold in zip(texts, labels, strict=True):
        predicted = is_flagged(text, weights)
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    precision, recall, f1 = _scores(tp, fp, fn)
    return {
        "n": len(texts),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def evaluate(path: str | Path, rows: str = "all") -> dict[str, float | int]:
    """Sentence-level precision, recall and F1 of the shipped detector.

    Args:
        path: A CSV file with a ``text,label`` header; label 1 marks a hedged
            sentence.
        rows: ``"all"``, or ``"odd"`` / ``"even"`` for every other data row
            (the first row after the header is row 1).

    Returns:
        ``{"n": sentences, "precision": ..., "recall": ..., "f1": ...}``.

    Raises:
        ValueError: If the file lacks the ``text`` or ``label`` column, or
            ``rows`` is not one of :data:`ROW_CHOICES`.

    """
    if rows not in ROW_CHOICES:
        raise ValueError(ERR_ROWS.format(choices=", ".join(ROW_CHOICES), rows=rows))
    texts, labels = read_rows(path)
    if rows != "all":
        keep = [i for i in range(len(texts)) if ((i + 1) % 2 == 1) == (rows == "odd")]
        texts = [texts[i] for i in keep]
        labels = [labels[i] for i in keep]
    return score(texts, labels)


def cross_validate(path: str | Path, k: int = DEFAULT_FOLDS, seed: int = 0) -> dict[str, object]:
    """The cross-validated figure: weights and threshold learned on training folds only.

    Rows are sentences, so each sentence is its own group (the CoNLL-2010
    Wikipedia file has no article ids).

    Args:
        path: A CSV file with a ``text,label`` header.
        k: Number of folds.
        seed: Changes the fold assignment.

    Returns:
        ``{"n", "folds", "precision", "recall", "f1"}`` (means over the
        held-out folds) and ``"per_fold"``: each fold's ``n``, scores and the
        threshold learned on its training folds.

    Raises:
        ValueError: If the file lacks the ``text`` or ``label`` column.

    """
    texts, labels = read_rows(path)
    per_fold = []
    for train_rows, test_rows in grouped_folds(list(range(len(texts))), k=k, seed=seed):
        model = train([texts[i] for i in train_rows], [labels[i] for i in train_rows])
        result = score([texts[i] for i in test_rows], [labels[i] for i in test_rows], model)
        per_fold.append({**result, "threshold": model.threshold})
    mean = {
        key: round(sum(float(f[key]) for f in per_fold) / len(per_fold), 4)
        for key in ("precision", "recall", "f1")
    }
    return {"n": len(texts), "folds": len(per_fold), **mean, "per_fold": per_fold}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.evaluate.hedging FILE [--cv] [--format json]``."""
    parser = argparse.ArgumentParser(description="Measure the hedging detector.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--cv", action="store_true", help="cross-validated figure (5 folds)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    try:
        scores = cross_validate(args.file) if args.cv else evaluate(args.file)
    except OSError as exc:
        reason = messages.UNREADABLE.format(reason=exc.strerror or exc)
        print(f"slant: {args.file}: {reason}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(scores))
        return 0
    for key, value in scores.items():
        if key == "per_fold":
            continue
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"{key:>10}  {shown}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
