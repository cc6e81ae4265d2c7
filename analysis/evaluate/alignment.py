"""Measure sentence alignment against the hand-annotated gold standard.

The gold standard (``tests/gold/alignment/``; the rules are in its
``GUIDELINES.md``) lists, for each story, the facts that two or more outlets
report, each with the sentences that report it::

    story = "articles"   # the folder to analyse, relative to this file's folder

    [[fact]]
    label = "Takes effect Sept. 1"
    members = [
      { article = "courier", text = "The new fare takes effect Sept. 1" },
      { article = "krvt", text = "The new fares start September 1." },
    ]

    [[not_body]]            # optional: lines the cleaner keeps that are not body text
    article = "wmbk"
    text = "WMBK will have more on what the closure means"
    reason = "station promo"

Method:

1. The story folder is analysed with :func:`analysis.pipeline.analyze_paths`,
   comparison on, exactly as ``slant analyze`` does.
2. Each gold member names the one sentence of the cleaned article whose text
   contains ``text``, after runs of whitespace become one space and curly
   quotation marks and apostrophes become straight ones. ``article`` is the
   article's id or a prefix of it that names exactly one article (``"000"``).
   A member found in no sentence, or in several, is listed under
   ``unmatched`` with the reason; it forms no pair, so it lowers recall only
   through the pairs it would have made, and it is never dropped silently.
3. Each predicted group (``story.comparison.groups``) is the set of sentences
   its members cover: a member's ``sentence`` index, plus every further
   sentence of that article its ``start``/``end`` span overlaps, so a member
   that covers several sentences counts as all of them. Sentences listed
   under ``not_body`` are removed from the groups: pairs touching them are
   neither right nor wrong.
4. A pair is an unordered pair of sentences of *different* articles in one
   predicted group, or in one gold fact. Precision is the share of predicted
   pairs that are gold pairs, recall the share of gold pairs predicted, F1
   their harmonic mean.
5. Purity: for each predicted group, the largest number of its sentences that
   fall in one gold fact (a sentence in no fact is a fact of its own), summed
   over groups and divided by the number of grouped sentences: the share of
   grouped sentences that sit with the majority fact of their group.

For a folder of stories every story is scored, and the totals are
micro-averaged: pair counts (and purity's counts) are summed over stories
before dividing.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis import messages
from analysis.pipeline import analyze_paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

GOLD_NAME = "alignment.toml"

ERR_NO_GOLD = messages.EVAL_ALIGNMENT_NO_GOLD
ERR_NOT_FOUND = messages.EVAL_ALIGNMENT_NOT_FOUND
ERR_BAD_TOML = messages.EVAL_ALIGNMENT_BAD_TOML
ERR_NO_STORY = messages.EVAL_ALIGNMENT_NO_STORY

REASON_NO_ARTICLE = messages.EVAL_ALIGNMENT_NO_ARTICLE
REASON_MANY_ARTICLES = messages.EVAL_ALIGNMENT_MANY_ARTICLES
REASON_NOT_FOUND = messages.EVAL_ALIGNMENT_TEXT_NOT_FOUND
REASON_MANY = messages.EVAL_ALIGNMENT_TEXT_AMBIGUOUS

Key = tuple[str, int]
"""A sentence: (article id, index into that article's ``sentences``)."""

Pair = frozenset
"""An unordered pair of two :data:`Key` of different articles."""

_SINGLE = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u2039\u203a"})
_DOUBLE = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldLine:
    """One line of an article named in the gold file.

    Args:
        article: The article id, or a prefix naming exactly one article.
        text: A substring of the sentence.
    """

    article: str
    text: str


@dataclass(frozen=True)
class GoldFact:
    """One fact and the sentences that report it."""

    label: str
    members: tuple[GoldLine, ...]


@dataclass(frozen=True)
class Gold:
    """One story's gold file, as read.

    Args:
        path: The ``alignment.toml`` file.
        story: The folder to analyse.
        facts: The annotated facts.
        not_body: Lines to ignore (not body text, though the cleaner keeps them).
        problems: What was wrong in the file's structure, in words.
    """

    path: Path
    story: Path
    facts: tuple[GoldFact, ...]
    not_body: tuple[GoldLine, ...] = ()
    problems: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Pure functions: pairs and scores.


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts.

    Args:
        correct: Predicted items that are gold items.
        predicted: All predicted items.
        gold: All gold items.

    Returns:
        ``(precision, recall, f1)``; each is 0.0 when its denominator is 0.
    """
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairs(groups: Iterable[Iterable[Key]]) -> set[Pair]:
    """Every unordered pair of sentences of different articles within one group.

    Args:
        groups: Each group's sentences as ``(article, sentence)`` keys.

    Returns:
        The pairs, as two-element frozensets.
    """
    out: set[Pair] = set()
    for group in groups:
        keys = list(dict.fromkeys(group))
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a[0] != b[0]:
                    out.add(frozenset((a, b)))
    return out


def pair_scores(predicted: set[Pair], gold: set[Pair]) -> dict[str, float | int]:
    """Score predicted pairs against gold pairs.

    Args:
        predicted: The aligner's pairs.
        gold: The annotated pairs.

    Returns:
        ``n_pairs_gold``, ``n_pairs_predicted``, ``n_pairs_correct``,
        ``precision``, ``recall`` and ``f1`` (rounded to 4 places).
    """
    correct = len(predicted & gold)
    precision, recall, f1 = prf(correct, len(predicted), len(gold))
    return {
        "n_pairs_gold": len(gold),
        "n_pairs_predicted": len(predicted),
        "n_pairs_correct": correct,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def purity_counts(groups: Iterable[Iterable[Key]], fact_of: Mapping[Key, int]) -> tuple[int, int]:
    """Grouped sentences that sit with their group's majority fact, and all grouped sentences.

    Args:
        groups: Each predicted group's sentences.
        fact_of: The gold fact of each annotated sentence; a sentence missing
            from it is a fact of its own.

    Returns:
        ``(dominant, total)``: summed over groups, the size of the largest
        share of the group in one fact, and the group's size.
    """
    dominant = total = 0
    for group in groups:
        keys = list(dict.fromkeys(group))
        if not keys:
            continue
        facts = Counter(fact_of.get(k, ("alone", k)) for k in keys)
        dominant += max(facts.values())
        total += len(keys)
    return dominant, total


def purity(groups: Iterable[Iterable[Key]], fact_of: Mapping[Key, int]) -> float:
    """Size-weighted purity of the predicted groups (see :func:`purity_counts`).

    Args:
        groups: Each predicted group's sentences.
        fact_of: The gold fact of each annotated sentence.

    Returns:
        The share of grouped sentences in their group's majority fact; 0.0
        when there are no groups.
    """
    dominant, total = purity_counts(groups, fact_of)
    return dominant / total if total else 0.0


# ---------------------------------------------------------------------------
# Matching gold text to sentences.


def normalise(text: str) -> str:
    """Text for matching: straight quotes, one space for each run of whitespace."""
    return _SPACE.sub(" ", text.translate(_SINGLE).translate(_DOUBLE)).strip()


def resolve_article(ref: str, ids: Sequence[str]) -> tuple[str | None, str]:
    """The article id a gold ``article`` field names.

    Args:
        ref: The id itself, or a prefix of exactly one id.
        ids: The story's article ids.

    Returns:
        ``(id, "")``, or ``(None, reason)`` when it names none or several.
    """
    if ref in ids:
        return ref, ""
    found = [i for i in ids if i.startswith(ref)]
    if len(found) == 1:
        return found[0], ""
    if not found:
        return None, REASON_NO_ARTICLE.format(ref=ref, ids=", ".join(ids))
    return None, REASON_MANY_ARTICLES.format(ref=ref, ids=", ".join(found))


def locate(line: GoldLine, sentences: Mapping[str, Sequence[str]]) -> tuple[Key | None, str]:
    """The one sentence a gold line names.

    Args:
        line: The gold line.
        sentences: Each article id's sentence texts, in order.

    Returns:
        ``(key, "")``, or ``(None, reason)`` when the text is in no sentence
        or in several.
    """
    article, reason = resolve_article(line.article, list(sentences))
    if article is None:
        return None, reason
    needle = normalise(line.text)
    hits = [i for i, s in enumerate(sentences[article]) if needle in normalise(s)]
    if len(hits) == 1:
        return (article, hits[0]), ""
    if not hits:
        return None, REASON_NOT_FOUND.format(article=article)
    return None, REASON_MANY.format(indices=", ".join(map(str, hits)), article=article)


def member_keys(member, spans: Sequence) -> list[Key]:
    """The sentences one predicted group member covers.

    Args:
        member: A :class:`~analysis.results.comparison.Member` (``article``,
            ``sentence``, ``start``, ``end``).
        spans: That article's ``sentences``.

    Returns:
        Its ``sentence`` and every other sentence its span overlaps.
    """
    keys = [(member.article, member.sentence)]
    start, end = getattr(member, "start", None), getattr(member, "end", None)
    if start is not None and end is not None:
        keys += [
            (member.article, i) for i, s in enumerate(spans) if s.start < end and s.end > start
        ]
    return list(dict.fromkeys(keys))


# ---------------------------------------------------------------------------
# Reading gold files.


def _line(raw: object, where: str, problems: list[str]) -> GoldLine | None:
    if (
        isinstance(raw, dict)
        and isinstance(raw.get("article"), str)
        and isinstance(raw.get("text"), str)
        and raw["text"].strip()
    ):
        return GoldLine(raw["article"], raw["text"])
    problems.append(f"{where}: needs 'article' and a non-empty 'text'")
    return None


def read_gold(path: str | Path) -> Gold:
    """Read one ``alignment.toml``.

    Args:
        path: The file.

    Returns:
        The gold story; malformed entries are skipped and named in ``problems``.

    Raises:
        ValueError: If the file is not TOML or has no ``story`` folder.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(ERR_BAD_TOML.format(path=path, reason=exc)) from exc
    if not isinstance(data.get("story"), str) or not data["story"].strip():
        raise ValueError(ERR_NO_STORY.format(path=path))
    problems: list[str] = []
    facts = []
    for n, raw in enumerate(data.get("fact", []), start=1):
        label = raw.get("label", "") if isinstance(raw, dict) else ""
        where = f"fact {n} ({label or 'no label'})"
        if not isinstance(label, str) or not label.strip():
            problems.append(f"{where}: no label")
        members = raw.get("members", []) if isinstance(raw, dict) else []
        lines = [_line(m, where, problems) for m in members]
        facts.append(GoldFact(str(label), tuple(x for x in lines if x)))
    not_body = [_line(m, "not_body", problems) for m in data.get("not_body", [])]
    return Gold(
        path=path,
        story=(path.parent / data["story"]).resolve(),
        facts=tuple(facts),
        not_body=tuple(x for x in not_body if x),
        problems=tuple(problems),
    )


def gold_files(path: str | Path) -> list[Path]:
    """The gold files a path stands for.

    Args:
        path: An ``alignment.toml``, a folder holding one, or a folder of such folders.

    Returns:
        The files, sorted.

    Raises:
        ValueError: If the path does not exist or holds no gold file.
    """
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ValueError(ERR_NOT_FOUND.format(path=path))
    if (path / GOLD_NAME).is_file():
        return [path / GOLD_NAME]
    found = sorted(path.glob(f"*/{GOLD_NAME}"))
    if not found:
        raise ValueError(ERR_NO_GOLD.format(path=path, name=GOLD_NAME))
    return found


# ---------------------------------------------------------------------------
# Scoring a story.


def _miss(label: str, line: GoldLine, reason: str) -> dict[str, str]:
    return {"fact": label, "article": line.article, "text": line.text, "reason": reason}


def match_gold(gold: Gold, sentences: Mapping[str, Sequence[str]]):
    """Locate every gold line in the analysed story.

    Args:
        gold: The gold story.
        sentences: Each article id's sentence texts.

    Returns:
        ``(facts, ignored, unmatched, problems)``: each fact's sentence keys,
        the ``not_body`` keys, the lines not found (dicts with ``fact``,
        ``article``, ``text``, ``reason``) and further problems in words.
    """
    facts: list[list[Key]] = []
    unmatched: list[dict[str, str]] = []
    problems: list[str] = []
    for fact in gold.facts:
        keys = []
        for line in fact.members:
            key, reason = locate(line, sentences)
            if key is None:
                unmatched.append(_miss(fact.label, line, reason))
            else:
                keys.append(key)
        if len({k[0] for k in keys}) < 2:
            problems.append(f"fact {fact.label!r}: fewer than two articles matched")
        facts.append(keys)
    ignored = set()
    for line in gold.not_body:
        # A not_body line the cleaner has taken out is where it belongs; only
        # one found in several sentences is a fault of the gold.
        key, reason = locate(line, sentences)
        if key is not None:
            ignored.add(key)
        elif reason.code == messages.EVAL_ALIGNMENT_TEXT_AMBIGUOUS.code:
            unmatched.append(_miss("not_body", line, reason))
    seen: dict[Key, str] = {}
    for fact, keys in zip(gold.facts, facts, strict=True):
        for k in keys:
            if k in ignored:
                problems.append(f"fact {fact.label!r}: {k[0]} sentence {k[1]} is also not_body")
            if k in seen and seen[k] != fact.label:
                problems.append(
                    f"{k[0]} sentence {k[1]} is in two facts: {seen[k]!r} and {fact.label!r}"
                )
            seen.setdefault(k, fact.label)
    return facts, ignored, unmatched, problems


def predicted_groups(story, ignored: set[Key] = frozenset()) -> list[list[Key]]:
    """The story's aligned groups as sentence keys, ``ignored`` sentences removed.

    Args:
        story: An analysed :class:`~analysis.results.article.Story`.
        ignored: Sentences to leave out.

    Returns:
        One list of keys per group, in the comparison's order.
    """
    if story.comparison is None:
        return []
    spans = {a.id: a.sentences for a in story.articles}
    out = []
    for group in story.comparison.groups:
        keys = [k for m in group.members for k in member_keys(m, spans.get(m.article, ()))]
        out.append([k for k in dict.fromkeys(keys) if k not in ignored])
    return out


def score_story(gold: Gold, story, detail: bool = False) -> dict:
    """Score one analysed story against its gold file.

    Args:
        gold: The gold story.
        story: The analysed story (comparison on).
        detail: Also list the missed and the wrong pairs.

    Returns:
        The figures described in :func:`evaluate`, for this story, plus
        ``dominant`` and ``grouped`` (purity's counts).
    """
    sentences = {a.id: [s.text for s in a.sentences] for a in story.articles}
    facts, ignored, unmatched, problems = match_gold(gold, sentences)
    problems = list(gold.problems) + [f"{e.file}: {e.message}" for e in story.errors] + problems
    if story.comparison is None:
        problems.append("no comparison: fewer than two articles were analysed")
    groups = predicted_groups(story, ignored)
    gold_pairs, predicted = pairs(facts), pairs(groups)
    fact_of = {k: i for i, keys in enumerate(facts) for k in keys}
    dominant, grouped = purity_counts(groups, fact_of)
    result = {
        **pair_scores(predicted, gold_pairs),
        "purity": round(dominant / grouped, 4) if grouped else 0.0,
        "n_facts": len(gold.facts),
        "n_groups": len(groups),
        "dominant": dominant,
        "grouped": grouped,
        "unmatched": unmatched,
        "problems": problems,
    }
    if detail:
        labels = {i: gold.facts[i].label for i in range(len(facts))}
        result["missed"] = _describe(gold_pairs - predicted, sentences, fact_of, labels)
        result["wrong"] = _describe(predicted - gold_pairs, sentences, fact_of, labels)
    return result


def _describe(found: set[Pair], sentences, fact_of, labels) -> list[dict]:
    out = []
    for pair in sorted(found, key=sorted):
        a, b = sorted(pair)
        out.append(
            {
                "a": f"{a[0]}[{a[1]}]",
                "b": f"{b[0]}[{b[1]}]",
                "fact_a": labels.get(fact_of.get(a), ""),
                "fact_b": labels.get(fact_of.get(b), ""),
                "text_a": sentences[a[0]][a[1]],
                "text_b": sentences[b[0]][b[1]],
            }
        )
    return out


def _total(stories: dict[str, dict]) -> dict:
    correct = sum(s["n_pairs_correct"] for s in stories.values())
    n_pred = sum(s["n_pairs_predicted"] for s in stories.values())
    n_gold = sum(s["n_pairs_gold"] for s in stories.values())
    dominant = sum(s["dominant"] for s in stories.values())
    grouped = sum(s["grouped"] for s in stories.values())
    precision, recall, f1 = prf(correct, n_pred, n_gold)
    return {
        "n_stories": len(stories),
        "n_pairs_gold": n_gold,
        "n_pairs_predicted": n_pred,
        "n_pairs_correct": correct,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "purity": round(dominant / grouped, 4) if grouped else 0.0,
        "unmatched": [{"story": n, **u} for n, s in stories.items() for u in s["unmatched"]],
    }


def evaluate(path: str | Path, detail: bool = False) -> dict:
    """Pair precision, recall, F1 and group purity of Slant's sentence alignment.

    Args:
        path: An ``alignment.toml``, a folder holding one, or a folder of
            such folders (each story is scored, then the micro-average).
        detail: Also list, per story, the gold pairs missed (``missed``) and
            the predicted pairs that are not gold pairs (``wrong``).

    Returns:
        ``{"n_stories", "n_pairs_gold", "n_pairs_predicted", "n_pairs_correct",
        "precision", "recall", "f1", "purity", "unmatched", "stories"}``. The
        totals are micro-averaged over stories; ``stories`` maps each story's
        folder name to the same figures for that story, with ``n_facts``,
        ``n_groups``, ``unmatched`` (gold lines found in no sentence or in
        several) and ``problems`` (other faults of the gold or the analysis).

    Raises:
        ValueError: If the path holds no gold file, or a gold file is not
            valid TOML or names no story folder.
    """
    stories = {}
    for file in gold_files(path):
        gold = read_gold(file)
        story = analyze_paths([gold.story])
        stories[file.parent.name] = score_story(gold, story, detail)
    return {**_total(stories), "stories": stories}
