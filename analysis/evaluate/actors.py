"""Measure tone towards a target against NewsMTSC (``slant evaluate actors FILE``).

Hamborg & Donnay (2021) had news sentences annotated with the sentiment each
expresses towards one marked person or group: -1 negative, 0 neutral, 1
positive. Each JSON line has ``mention``, ``from``, ``to`` (character offsets of
the mention in ``sentence``), ``sentence``, ``polarity`` and ``id``. Every row
is scored by :func:`analysis.measures.actor_tone.mention_tone`, the function
that gives the actors of an article their tone, and we report 3-class macro F1
(and accuracy).

The shipped weights were trained on the development file, so on that file the
figure to quote is the cross-validated one (``cv=True``: refitted in 5 folds
grouped by article, see :mod:`analysis.evaluate.train_actors`).

Command line::

    slant evaluate actors FILE [--cv] [--format json]
"""

from __future__ import annotations

from pathlib import Path

from analysis.evaluate import train_actors
from analysis.evaluate.rated import macro_f1
from analysis.measures.actor_tone import CLASSES, mention_tone
from analysis.measures.vader_explain import explain


def evaluate(path: str | Path, *, cv: bool = False) -> dict[str, float | int]:
    """3-class macro F1 of the tone towards each row's marked mention.

    Args:
        path: A NewsMTSC-style JSON-lines file.
        cv: Refit the model by grouped cross-validation and report held-out
            figures, instead of scoring with the shipped weights.

    Returns:
        ``{"n", "macro_f1", "accuracy"}`` (rounded to 4 places), plus
        ``"folds"`` with ``cv`` and ``"skipped"`` when some lines could not be read.

    Raises:
        ValueError: If no row could be read.

    """
    if cv:
        return train_actors.cross_validate(path)
    rows, skipped = train_actors.read_rows(path)
    if not rows:
        raise ValueError(train_actors.ERR_NO_ROWS.format(path=path))
    gold, predicted = [], []
    for row in rows:
        ex = explain(row.sentence)
        tone = mention_tone(
            row.sentence, (0, len(row.sentence)), (row.start, row.end), ex.words, ex.vader
        )
        gold.append(CLASSES[row.polarity + 1])
        predicted.append(tone.label)
    scores: dict[str, float | int] = {
        "n": len(rows),
        "macro_f1": round(macro_f1(gold, predicted), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(rows), 4),
    }
    if skipped:
        scores["skipped"] = skipped
    return scores


def cross_validate(path: str | Path) -> dict:
    """The cross-validated figures (``slant evaluate actors FILE --cv``)."""
    return evaluate(path, cv=True)
