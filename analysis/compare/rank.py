"""The one ranking of contrasts, and the "only in this version" word diff.

``Comparison.contrasts`` is sorted by :func:`rank_contrasts`, so the CLI
table, the JSON and the dashboard list contrasts in the same order. Plain
functions over result types: the front ends call them, they never re-rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from analysis.measures.loaded import grade_of, lookup
from analysis.results.comparison import Contrast, Difference, Group, Pair
from analysis.results.loaded import EMPHATIC, LOADED
from analysis.text.segment import word_spans

# A different verb of saying is the clearest framing choice; then the quoted
# words themselves; then a loaded word against a plain one; a one-sided
# loaded word; plain rewording counts for nothing.
KIND_WEIGHT = {"attribution": 10, "quote": 8, "loaded": 4, "wording": 0}
# Two verbs of saying are ranked by their grades in the loaded lexicon
# ("loaded", "emphatic", or "neutral" when not in it): a loaded verb against
# an emphatic or neutral one ("spoke harshly" / "emphasized") tells most,
# since one outlet judged how something was said and the other did not.
NEUTRAL = "neutral"
GRADE_PAIR_BONUS = {
    frozenset({LOADED, NEUTRAL}): 5,
    frozenset({LOADED, EMPHATIC}): 5,
    frozenset({LOADED}): 3,
    frozenset({EMPHATIC, NEUTRAL}): 2,
    frozenset({EMPHATIC}): 1,
    frozenset({NEUTRAL}): 0,
}
# Other loaded words by what they add.
CATEGORY_BONUS = {"manner": 5, "emotive": 2, "label": 2, "conflict": 1}
ONE_SIDED_PENALTY = 1


def saying_grade(verb: str) -> str:
    """The grade of a verb of saying: ``loaded``, ``emphatic`` or ``neutral``.

    Args:
        verb: The verb as written ("spoke harshly", "emphasized", "said").
    """
    entry = lookup(verb) if verb else None
    return grade_of(entry) if entry is not None else NEUTRAL


def difference_weight(d: Difference) -> int:
    """How telling one difference is for a reader (higher is more telling)."""
    weight = KIND_WEIGHT.get(d.kind, 0)
    if d.kind == "attribution":
        grades = frozenset({saying_grade(d.a), saying_grade(d.b)})
        weight += GRADE_PAIR_BONUS[grades]
    else:
        weight += max(CATEGORY_BONUS.get(d.a_category, 0), CATEGORY_BONUS.get(d.b_category, 0))
    if not (d.a and d.b):
        weight -= ONE_SIDED_PENALTY
    return weight


def contrast_weight(contrast: Contrast) -> int:
    """A contrast's weight: its most telling difference."""
    return max((difference_weight(d) for d in contrast.differences), default=0)


def alike(contrast: Contrast) -> float:
    """How alike the two sentences are: shared share of their words (Jaccard).

    Among contrasts of equal weight, the pair of sentences most alike comes
    first: the fewer other words differ, the more the contrast is the
    difference a reader sees.
    """
    wa = {w.group().lower() for w in word_spans(contrast.a.text)}
    wb = {w.group().lower() for w in word_spans(contrast.b.text)}
    union = wa | wb
    return round(len(wa & wb) / len(union), 6) if union else 0.0


def _key(contrast: Contrast) -> tuple:
    # The same differences, whichever side they are on.
    return tuple(
        sorted((d.kind, *sorted((d.a.lower(), d.b.lower()))) for d in contrast.differences)
    )


def rank_contrasts(contrasts: Iterable[Contrast]) -> tuple[Contrast, ...]:
    """Contrasts most telling first, each set of differences listed once.

    The strongest single difference decides; among equals, the pair of
    sentences most alike (:func:`alike`), then the pair with fewer
    differences (easier to read), then the earlier group and article pair.
    A contrast whose differences repeat a better-ranked one is folded into
    it: its pair of outlets goes to ``also``.

    Args:
        contrasts: Contrasts in any order.

    Returns:
        The ranked contrasts, with ``weight`` set.
    """
    weighted = [replace(c, weight=contrast_weight(c)) for c in contrasts]
    weighted.sort(
        key=lambda c: (
            -c.weight,
            -alike(c),
            len(c.differences),
            c.group,
            c.a.article,
            c.b.article,
            c.a.start,
        )
    )
    first: dict[tuple, int] = {}
    out: list[Contrast] = []
    also: list[list[Pair]] = []
    for c in weighted:
        key = _key(c)
        if key in first:
            also[first[key]].append(Pair(c.group, c.a.article, c.b.article))
            continue
        first[key] = len(out)
        out.append(c)
        also.append([])
    return tuple(replace(c, also=tuple(extra)) for c, extra in zip(out, also, strict=True))


def only_here(group: Group) -> dict[str, tuple[tuple[int, int], ...]]:
    """The words of each member that no other member of the group uses.

    Args:
        group: An aligned group.

    Returns:
        For each article id, ``(start, end)`` offsets into that article's text
        of its member's words found in no other member (case ignored).
    """
    words = [[(w.start(), w.end(), w.group().lower()) for w in word_spans(m.text)]
             for m in group.members]  # fmt: skip
    out: dict[str, list[tuple[int, int]]] = {}
    for k, m in enumerate(group.members):
        others = {
            w
            for j, ws in enumerate(words)
            if group.members[j].article != m.article
            for _, _, w in ws
        }
        spans = out.setdefault(m.article, [])
        if others:
            spans.extend((m.start + s, m.start + e) for s, e, w in words[k] if w not in others)
    return {a: tuple(spans) for a, spans in out.items()}


def search(contrasts: Sequence[Contrast], query: str) -> list[Contrast]:
    """The contrasts whose sentences or differing words contain ``query`` (any case)."""
    q = query.strip().lower()
    if not q:
        return list(contrasts)
    return [
        c
        for c in contrasts
        if q in c.a.text.lower()
        or q in c.b.text.lower()
        or any(q in (d.a + " " + d.b).lower() for d in c.differences)
    ]
