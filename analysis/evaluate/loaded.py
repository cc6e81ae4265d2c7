"""Measure the loaded-wording detector on the BABE data set, and tune it by topic.

BABE (Spinde et al. 2021) gives news sentences with the words expert
annotators marked as bias-inducing. We read it as a semicolon-separated CSV
with a ``text`` column and a ``biased_words`` column holding a Python-style
list literal (``['bizarre', 'characteristically']``); the ``topic`` column
groups the folds of the cross-validation.

Scoring is at word level, micro-averaged over all sentences, biased or not:

- gold words: the words of each sentence's ``biased_words`` list, split and
  lower-cased with the same tokeniser as the matcher ("left-wing" gives
  "left" and "wing"), as a set per sentence;
- predicted words: the words lying inside any *loaded-grade* match in the
  sentence, as a set per sentence (emphatic verbs of saying, "emphasized",
  are not claimed to be loaded, so they are not predictions);
- a gold word is found when it is among the predicted words;
- precision = predicted words that are gold / predicted words, and
  recall = gold words found / gold words, each summed over all sentences.

Only the outlet's own words are predictions: matches inside quotation marks
are the speaker's, counted apart by Slant and never in the loaded rate, so
they are not claimed here either.

**Tuning, cross-validated by topic** (:func:`cross_validate`). The wider
coverage comes from a pool of candidate entries written for Slant
(``analysis/data/loaded_candidates.tsv``). Which candidates to keep is the
one tuned choice: a candidate the training topics matched is kept when its
smoothed precision there, ``(hits + 0.5) / (predicted + 1)``, reaches a
threshold; a candidate they never matched is kept when the matched
candidates of its category and part of speech reached a second threshold. The thresholds are
chosen inside each training part by an inner cross-validation over its
topics: the best mean F1 among settings whose mean precision reaches
:data:`PRECISION_FLOOR`. Each outer fold's figure is measured on topics that
neither choice saw; the reported figure is the mean over the outer folds.
:func:`select` applies the same procedure to the whole
file to decide which candidates ship in ``analysis/lexicons/loaded.tsv``.

Run ``python -m analysis.evaluate.loaded --cv FILE --format json`` for the
cross-validated figure and ``python -m analysis.evaluate.loaded --select FILE``
for the candidates the procedure keeps on the whole file.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from analysis import messages
from analysis.evaluate.folds import grouped_folds
from analysis.measures.loaded import LEXICON, LOADED, check_entries, find_matches
from analysis.results.doc import Span
from analysis.results.loaded import LoadedMatch
from analysis.text.lexicon import Entry, PhraseMatcher, load_lexicon, read_lexicon, tokenize
from analysis.text.quotes import find_quotes

ERR_COLUMNS = messages.EVAL_LOADED_COLUMNS

CANDIDATES = Path(__file__).resolve().parent.parent / "data" / "loaded_candidates.tsv"
"""The pool of candidate entries that tuning chooses from."""

CANDIDATE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
"""Smoothed-precision thresholds for candidates the training topics matched.

0.7 keeps a candidate with one hit in one prediction (0.75) or two in two
(0.83) and drops one with two hits in three (0.625); 0.8 needs three hits in
three (0.875) and drops one hit in one.
"""

UNSEEN_THRESHOLDS = (0.2, 0.3, 0.4, 1.0)
"""Thresholds on a word class's precision for candidates the training topics never matched.

A candidate no training topic matched has no evidence of its own; it is kept
when the matched candidates of its word class (:func:`word_class`: its
category and part of speech) reached this precision (1.0 never keeps an
unseen candidate).
"""

CORE_THRESHOLDS = (0.0, 0.1, 0.2)
"""Smoothed-precision thresholds for unprotected core entries (0.0 keeps them all)."""

PRECISION_FLOOR = 0.58
"""The inner cross-validation's least acceptable mean precision.

Not fitted: it is the project's target (issue 13 asks for precision 0.55 on
unseen topics, and the development figure has overstated unseen topics
before). Among the settings whose inner mean precision reaches it, the best
mean F1 wins; if none does, the most precise setting wins.
"""

# BABE spells some topics two ways ("blm" / "black lives matter"); one topic
# must fall in one fold, whatever its spelling.
_TOPIC_ALIASES = {"blm": "black lives matter", "gun-control": "gun control"}


@dataclass(frozen=True)
class Row:
    """One BABE sentence.

    Args:
        text: The sentence.
        gold: Its normalised gold words.
        topic: Its topic, the fold group.

    """

    text: str
    gold: frozenset[str]
    topic: str


@dataclass(frozen=True)
class Counts:
    """Word-level counts summed over sentences.

    Args:
        hits: Predicted words that are gold.
        predicted: Predicted words.
        gold: Gold words.

    """

    hits: int
    predicted: int
    gold: int


def precision(c: Counts) -> float:
    """Hits over predicted words (0.0 when nothing was predicted)."""
    return c.hits / c.predicted if c.predicted else 0.0


def recall(c: Counts) -> float:
    """Hits over gold words (0.0 when there are none)."""
    return c.hits / c.gold if c.gold else 0.0


def f1(c: Counts) -> float:
    """Harmonic mean of precision and recall."""
    p, r = precision(c), recall(c)
    return 2 * p * r / (p + r) if p + r else 0.0


def smoothed_precision(hits: int, predicted: int) -> float:
    """An entry's precision with one pseudo-prediction at 0.5: unseen entries score 0.5."""
    return (hits + 0.5) / (predicted + 1)


def gold_words(biased_words: str) -> set[str]:
    """Return the normalised gold words of one row's ``biased_words`` cell."""
    try:
        items = ast.literal_eval(biased_words.strip() or "[]")
    except (ValueError, SyntaxError):
        return set()
    if not isinstance(items, (list, tuple)):
        return set()
    return {t.norm for item in items if isinstance(item, str) for t in tokenize(item)}


def own_matches(sentence: str, phrases: PhraseMatcher | None = None) -> list[LoadedMatch]:
    """The loaded-grade matches in the outlet's own words of one sentence.

    Quoted words are the speaker's: Slant counts them apart and never in the
    outlet's loaded rate, so they are not predictions either (and BABE's
    annotators rarely marked them: 6 of 51 quoted words on the development file).
    """
    quotes = find_quotes(sentence, (Span(0, len(sentence), sentence),))

    def in_quote(start: int, end: int) -> bool:
        return any(q.start <= start and end <= q.end for q in quotes)

    matches = find_matches(sentence, in_quote, phrases=phrases)
    return [m for m in matches if m.grade == LOADED and not m.in_quote]


def predicted_words(sentence: str, phrases: PhraseMatcher | None = None) -> set[str]:
    """Return the normalised words inside the outlet's loaded-grade matches in one sentence."""
    return {
        t.norm for m in own_matches(sentence, phrases) for t in tokenize(sentence[m.start : m.end])
    }


def read_rows(path: str | Path) -> list[Row]:
    """Read a BABE-format file.

    Raises:
        ValueError: If the file lacks the needed columns.

    """
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        if not reader.fieldnames or not {"text", "biased_words"} <= set(reader.fieldnames):
            raise ValueError(ERR_COLUMNS.format(path=path))
        rows = []
        for row in reader:
            topic = (row.get("topic") or "").strip().lower()
            rows.append(
                Row(
                    text=row["text"] or "",
                    gold=frozenset(gold_words(row["biased_words"] or "")),
                    topic=_TOPIC_ALIASES.get(topic, topic),
                )
            )
    return rows


def score(rows: Iterable[Row], phrases: PhraseMatcher | None = None) -> Counts:
    """Word-level counts of a matcher (default: the shipped lexicon) on some rows."""
    hits = predicted = gold = 0
    for row in rows:
        words = predicted_words(row.text, phrases)
        hits += len(words & row.gold)
        predicted += len(words)
        gold += len(row.gold)
    return Counts(hits, predicted, gold)


def figures(counts: Counts) -> dict[str, float]:
    """Rounded precision, recall and F1 of some counts."""
    return {
        "precision": round(precision(counts), 4),
        "recall": round(recall(counts), 4),
        "f1": round(f1(counts), 4),
    }


def evaluate(path: str | Path) -> dict[str, float | int]:
    """Word-level precision, recall and F1 of the shipped loaded-wording lexicon.

    Args:
        path: A BABE-format file (semicolon CSV with ``text`` and ``biased_words``).

    Returns:
        ``{"n": sentences, "precision": ..., "recall": ..., "f1": ...}``.

    Raises:
        ValueError: If the file lacks the needed columns.

    """
    rows = read_rows(path)
    return {"n": len(rows), **figures(score(rows))}


# --- tuning -------------------------------------------------------------------


@cache
def candidate_pool() -> tuple[Entry, ...]:
    """The candidate entries, checked like the shipped lexicon's rows."""
    entries = read_lexicon(CANDIDATES).entries
    check_entries(entries)
    return entries


def core_entries() -> tuple[Entry, ...]:
    """The shipped lexicon's entries that did not come from the candidate pool.

    These were written by hand and kept by guideline; tuning never drops them.
    """
    pool = {e.term for e in candidate_pool()}
    return tuple(e for e in load_lexicon(LEXICON).entries if e.term not in pool)


@dataclass(frozen=True)
class MatchTable:
    """Every row's loaded matches under core + all candidates, for quick what-ifs.

    Args:
        per_row: For each row, ``(entry index, words of the match)`` pairs;
            the index is into ``entries``.
        entries: Core entries first, then the candidates.
        core: How many of ``entries`` are core.

    """

    per_row: tuple[tuple[tuple[int, frozenset[str]], ...], ...]
    entries: tuple[Entry, ...]
    core: int


def match_table(rows: Sequence[Row], core: Sequence[Entry], pool: Sequence[Entry]) -> MatchTable:
    """Match every row once with core + pool, remembering which entry made each match.

    Dropping an entry later removes its matches without re-matching, so a
    shorter phrase that the dropped one hid is not found: an approximation
    used only to choose; every reported figure re-matches exactly.
    """
    entries = (*core, *pool)
    index = {id(e): i for i, e in enumerate(entries)}
    phrases = PhraseMatcher(entries)
    per_row = []
    for row in rows:
        found = []
        for m in own_matches(row.text, phrases):
            words = frozenset(t.norm for t in tokenize(row.text[m.start : m.end]))
            found.append((_entry_index(phrases, row.text, m.start, m.end, index), words))
        per_row.append(tuple(found))
    return MatchTable(tuple(per_row), entries, len(core))


def _entry_index(phrases: PhraseMatcher, text: str, start: int, end: int, index) -> int:
    """The index of the entry that matched ``text[start:end]`` (first row in file order)."""
    entry = phrases.lookup([t.norm for t in tokenize(text[start:end])])
    return index[id(entry)]


def _table_counts(table: MatchTable, rows: Sequence[Row], which: Sequence[int], keep) -> Counts:
    """Approximate counts on rows ``which`` keeping only entries where ``keep[i]``."""
    hits = predicted = gold = 0
    for r in which:
        words = set()
        for i, w in table.per_row[r]:
            if keep[i]:
                words |= w
        hits += len(words & rows[r].gold)
        predicted += len(words)
        gold += len(rows[r].gold)
    return Counts(hits, predicted, gold)


def protected(entry: Entry) -> bool:
    """Whether tuning may never drop a core entry.

    Verbs of saying and manner words are the lesson's core ("claimed",
    "slammed", "spoke harshly"), and rows with a context rule have had their
    senses decided by guideline: measurement does not overrule either.
    """
    return entry.category in ("attribution", "manner") or bool(entry.context)


@dataclass(frozen=True)
class Setting:
    """One tuning setting the inner cross-validation chooses from.

    Args:
        candidates: Minimum smoothed precision for a candidate the training
            topics matched.
        core: Minimum smoothed precision for an unprotected core entry; 0.0
            keeps every core entry.
        unseen: Minimum precision of its word class (see :func:`word_class` and
            :func:`category_precision`) for a candidate the training topics
            never matched; 1.0 never keeps one.

    """

    candidates: float
    core: float
    unseen: float = 1.0


SETTINGS = tuple(
    Setting(c, k, u)
    for c in CANDIDATE_THRESHOLDS
    for k in CORE_THRESHOLDS
    for u in UNSEEN_THRESHOLDS
)
"""Every setting the inner cross-validation tries."""


def category_precision(hits: int, predicted: int) -> float:
    """A word class's precision over its matched candidates, plus one hit in two (0.5 if none)."""
    return (hits + 1) / (predicted + 2)


def word_class(entry: Entry) -> tuple[str, str]:
    """The class an unseen candidate borrows its precision from: category and part of speech.

    Emotive adjectives ("weird") and emotive nouns ("mess") are marked by
    annotators at different rates, so an unseen one is judged by its own kind.
    A class none of whose candidates was matched falls back to its category.
    """
    return entry.category, entry.pos


def choose(
    table: MatchTable, rows: Sequence[Row], train: Sequence[int], setting: Setting
) -> list[bool]:
    """Which entries to keep, judged on the ``train`` rows only.

    Returns:
        One bool per entry of ``table.entries``.

    """
    hits = [0] * len(table.entries)
    predicted = [0] * len(table.entries)
    for r in train:
        for i, words in table.per_row[r]:
            predicted[i] += len(words)
            hits[i] += len(words & rows[r].gold)
    # Counted per word class and, under (category, ""), per whole category.
    class_hits: Counter[tuple[str, str]] = Counter()
    class_predicted: Counter[tuple[str, str]] = Counter()
    for i in range(table.core, len(table.entries)):
        entry = table.entries[i]
        for key in (word_class(entry), (entry.category, "")):
            class_hits[key] += hits[i]
            class_predicted[key] += predicted[i]
    keep = []
    for i, entry in enumerate(table.entries):
        if i < table.core:
            keep.append(
                protected(entry) or smoothed_precision(hits[i], predicted[i]) >= setting.core
            )
        elif predicted[i]:
            keep.append(smoothed_precision(hits[i], predicted[i]) >= setting.candidates)
        else:
            c = word_class(entry)
            if not class_predicted[c]:
                # A class with no matched candidate has no evidence: use its category's.
                c = (entry.category, "")
            prior = category_precision(class_hits[c], class_predicted[c])
            keep.append(prior >= setting.unseen)
    return keep


def topic_folds(rows: Sequence[Row], which: Sequence[int]) -> list[tuple[list[int], list[int]]]:
    """Leave-one-topic-out folds over rows ``which`` (indices into ``rows``).

    BABE has only ten topics, so hashing them into five folds leaves folds
    uneven or empty; one topic per fold uses every topic once.
    """
    topics = [rows[r].topic for r in which]
    folds = grouped_folds(topics, k=len(set(topics)))
    return [([which[i] for i in train], [which[i] for i in test]) for train, test in folds]


def best_setting(table: MatchTable, rows: Sequence[Row], train: Sequence[int]) -> Setting:
    """The setting an inner leave-one-topic-out CV of ``train`` prefers.

    The best mean F1 among settings whose mean precision reaches
    :data:`PRECISION_FLOOR`; the most precise setting when none does.
    """
    inner = topic_folds(rows, train)
    scored = []
    for setting in SETTINGS:
        counts = [
            _table_counts(table, rows, test, choose(table, rows, fit, setting))
            for fit, test in inner
        ]
        mean_f1 = sum(map(f1, counts)) / len(counts)
        mean_precision = sum(map(precision, counts)) / len(counts)
        scored.append((setting, mean_f1, mean_precision))
    precise = [s for s in scored if s[2] >= PRECISION_FLOOR]
    if precise:
        return max(precise, key=lambda s: s[1])[0]
    return max(scored, key=lambda s: s[2])[0]


def kept_entries(table: MatchTable, keep: Sequence[bool]) -> tuple[Entry, ...]:
    """The entries ``keep`` marks, in table order."""
    return tuple(e for e, k in zip(table.entries, keep, strict=True) if k)


def cross_validate(path: str | Path) -> dict:
    """Mean held-out-topic figures of the tuned lexicon (every choice made on training topics).

    Leave-one-topic-out: each topic in turn is held out; the setting is chosen
    by an inner leave-one-topic-out CV of the other topics, the entries are
    then chosen on all of them, and the held-out topic is matched exactly.

    Args:
        path: A BABE-format file with a ``topic`` column.

    Returns:
        ``{"n", "folds", "candidates", "precision", "recall", "f1"}`` (means
        over the held-out topics), the same for the core lexicon alone as
        ``"core"``, the figures of all held-out predictions pooled as
        ``"pooled"``, and ``"per_fold"``: each fold's topic, setting, number
        of entries dropped and kept, and figures.

    """
    rows = read_rows(path)
    core, pool = core_entries(), candidate_pool()
    table = match_table(rows, core, pool)
    core_matcher = PhraseMatcher(core)
    per_fold = []
    pooled = Counts(0, 0, 0)
    for train, test in topic_folds(rows, range(len(rows))):
        setting = best_setting(table, rows, train)
        keep = choose(table, rows, train, setting)
        test_rows = [rows[i] for i in test]
        tuned = score(test_rows, PhraseMatcher(kept_entries(table, keep)))
        pooled = Counts(*(a + b for a, b in zip(astuple(pooled), astuple(tuned), strict=True)))
        per_fold.append(
            {
                "topic": test_rows[0].topic,
                "n": len(test),
                "candidate_threshold": setting.candidates,
                "core_threshold": setting.core,
                "unseen_threshold": setting.unseen,
                "core_dropped": table.core - sum(keep[: table.core]),
                "candidates_kept": sum(keep[table.core :]),
                **figures(tuned),
                "core": figures(score(test_rows, core_matcher)),
            }
        )

    def mean(key: str, part: str = "") -> float:
        values = [(f[part] if part else f)[key] for f in per_fold]
        return round(sum(values) / len(values), 4)

    keys = ("precision", "recall", "f1")
    return {
        "n": len(rows),
        "folds": len(per_fold),
        "candidates": len(pool),
        **{key: mean(key) for key in keys},
        "core": {key: mean(key, "core") for key in keys},
        "pooled": figures(pooled),
        "per_fold": per_fold,
    }


def select(path: str | Path) -> dict:
    """Run the tuning procedure on a whole file: the setting and the entries it keeps.

    Returns:
        ``{"candidate_threshold", "core_threshold", "kept": [candidate terms], "dropped":
        [candidate terms], "core_dropped": [core terms]}``.

    """
    rows = read_rows(path)
    table = match_table(rows, core_entries(), candidate_pool())
    everything = list(range(len(rows)))
    setting = best_setting(table, rows, everything)
    keep = choose(table, rows, everything, setting)
    pairs = list(zip(table.entries, keep, strict=True))
    return {
        "candidate_threshold": setting.candidates,
        "core_threshold": setting.core,
        "unseen_threshold": setting.unseen,
        "kept": [e.term for e, k in pairs[table.core :] if k],
        "dropped": [e.term for e, k in pairs[table.core :] if not k],
        "core_dropped": [e.term for e, k in pairs[: table.core] if not k],
    }


def _table(result: dict) -> str:
    """A plain-text view of a result: one line per figure, then one per held-out topic."""
    lines = []
    for key, value in result.items():
        if isinstance(value, (list, dict)):
            continue
        lines.append(
            f"{key:>20}  {value:.3f}" if isinstance(value, float) else f"{key:>20}  {value}"
        )
    for part in ("core", "pooled"):
        if part in result:
            shown = "  ".join(f"{k} {v:.3f}" for k, v in result[part].items())
            lines.append(f"{part:>20}  {shown}")
    for fold in result.get("per_fold", ()):
        lines.append(
            f"{fold['topic']:>20}  n {fold['n']:<4} P {fold['precision']:.3f}  "
            f"R {fold['recall']:.3f}  F1 {fold['f1']:.3f}  (core F1 {fold['core']['f1']:.3f})"
        )
    for key in ("kept", "dropped", "core_dropped"):
        if key in result:
            lines.append(f"{key:>20}  {', '.join(result[key]) or '-'}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.evaluate.loaded [--cv | --select] FILE [--format json]``.

    Returns:
        0 on success, 2 when the file cannot be read or has the wrong columns.
    """
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate.loaded")
    parser.add_argument("file", type=Path)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--cv", action="store_true", help="cross-validated by topic")
    mode.add_argument("--select", action="store_true", help="candidates kept on the whole file")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    run = cross_validate if args.cv else select if args.select else evaluate
    try:
        result = run(args.file)
    except OSError as exc:
        reason = messages.UNREADABLE.format(reason=exc.strerror or exc)
        print(f"slant: {args.file}: {reason}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result) if args.format == "json" else _table(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
