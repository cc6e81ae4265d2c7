"""Measure the loaded-wording detector on the BABE data set.

BABE (Spinde et al. 2021) gives news sentences with the words expert
annotators marked as bias-inducing. We read it as a semicolon-separated CSV
with a ``text`` column and a ``biased_words`` column holding a Python-style
list literal (``['bizarre', 'characteristically']``).

Scoring is at word level, micro-averaged over all sentences, biased or not:

- gold words: the words of each sentence's ``biased_words`` list, split and
  lower-cased with the same tokeniser as the matcher ("left-wing" gives
  "left" and "wing"), as a set per sentence;
- predicted words: the words lying inside any loaded match in the sentence,
  as a set per sentence;
- a gold word is found when it is among the predicted words;
- precision = predicted words that are gold / predicted words, and
  recall = gold words found / gold words, each summed over all sentences.

All matches count, including those inside quotation marks: annotators marked
bias wherever it occurred in the sentence.
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path

from analysis import messages
from analysis.measures.loaded import find_matches
from analysis.text.lexicon import tokenize

ERR_COLUMNS = messages.EVAL_LOADED_COLUMNS


def gold_words(biased_words: str) -> set[str]:
    """Return the normalised gold words of one row's ``biased_words`` cell."""
    try:
        items = ast.literal_eval(biased_words.strip() or "[]")
    except (ValueError, SyntaxError):
        return set()
    if not isinstance(items, (list, tuple)):
        return set()
    return {t.norm for item in items if isinstance(item, str) for t in tokenize(item)}


def predicted_words(sentence: str) -> set[str]:
    """Return the normalised words inside loaded matches in one sentence."""
    return {t.norm for m in find_matches(sentence) for t in tokenize(sentence[m.start : m.end])}


def evaluate(path: str | Path) -> dict[str, float | int]:
    """Word-level precision, recall and F1 of the loaded-wording detector.

    Args:
        path: A BABE-format file (semicolon CSV with ``text`` and ``biased_words``).

    Returns:
        ``{"n": sentences, "precision": ..., "recall": ..., "f1": ...}``.

    Raises:
        ValueError: If the file lacks the needed columns.

    """
    hits = predicted_total = gold_total = n = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        if not reader.fieldnames or not {"text", "biased_words"} <= set(reader.fieldnames):
            raise ValueError(ERR_COLUMNS.format(path=path))
        for row in reader:
            n += 1
            gold = gold_words(row["biased_words"] or "")
            predicted = predicted_words(row["text"] or "")
            hits += len(gold & predicted)
            predicted_total += len(predicted)
            gold_total += len(gold)
    precision = hits / predicted_total if predicted_total else 0.0
    recall = hits / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": n,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
