"""Measure the hedging detector on the CoNLL-2010 Wikipedia data.

The CoNLL-2010 shared task (Farkas et al. 2010, task 1, Wikipedia) labels each
sentence 1 when it contains an uncertainty or weasel cue ("some critics say",
"it is believed", "may") and 0 otherwise. We read it as a CSV file with a
``text,label`` header (a text field may span lines).

A sentence counts as flagged when :func:`analysis.measures.hedging.find_matches` finds a
``hedge``, ``weasel`` or ``anonymous_source`` cue in it. Boosters do not flag a
sentence. Matches inside quotation marks count too: Wikipedia sentences are not
news reports with speakers, so there is no outlet/speaker split to make.
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis import messages
from analysis.measures.hedging import EVALUATED_CATEGORIES, find_matches

ERR_COLUMNS = messages.EVAL_HEDGING_COLUMNS
ERR_ROWS = messages.EVAL_HEDGING_ROWS

ROW_CHOICES = ("all", "odd", "even")
"""Which data rows :func:`evaluate` scores: all, or every other one (numbered from 1).

The lexicon was tuned on the even-numbered rows of the development file and
checked on the odd-numbered ones (docs/hedging.md), so the two halves show how
much of the figure is fitted to the data.
"""


def _scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def is_flagged(sentence: str) -> bool:
    """Whether the detector flags a sentence as hedged."""
    return any(m.category in EVALUATED_CATEGORIES for m in find_matches(sentence))


def evaluate(path: str | Path, rows: str = "all") -> dict[str, float | int]:
    """Sentence-level precision, recall and F1 of the hedging detector.

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
    tp = fp = fn = n = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            raise ValueError(ERR_COLUMNS.format(path=path))
        for number, row in enumerate(reader, start=1):
            if rows != "all" and (number % 2 == 1) != (rows == "odd"):
                continue
            n += 1
            gold = row["label"].strip() == "1"
            predicted = is_flagged(row["text"] or "")
            tp += gold and predicted
            fp += predicted and not gold
            fn += gold and not predicted
    precision, recall, f1 = _scores(tp, fp, fn)
    return {
        "n": n,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
