"""The comparison as HTML: contrasts, aligned groups and leads, words marked.

Shared by the Compare page and the handout. Every text is escaped by
:func:`dashboard.builders.highlight.render`.

Two pieces of domain logic still live here until the comparison library
provides them (issue 11 item 4, wp-compare): :func:`ranked` (the order of
contrasts) and :func:`only_here` (the "only in this version" words). Each is
the one place its job is done in the dashboard, so switching to the library's
order and offsets is a change to one function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.results.comparison import Comparison, Contrast, Difference, Group, Quote
from analysis.text.segment import word_spans
from dashboard.builders import highlight
from dashboard.builders.escape import esc
from dashboard.builders.highlight import Mark
from dashboard.builders.view import View

ROW_CSS = """
<style>
.slant-row { display: grid; grid-template-columns: minmax(6em, 8em) 1fr; gap: 0.6rem;
  padding: 0.35rem 0; border-bottom: 1px solid #eceff3; }
.slant-row .who { font-weight: 700; color: var(--c); border-left: 5px solid var(--c);
  padding-left: 0.4rem; overflow-wrap: anywhere; }
.slant-row .slant-text { line-height: 1.6; }
.slant-diff { font-size: 0.88em; color: #333; margin: 0.2rem 0 0.6rem 0; padding-left: 0.6rem;
  border-left: 3px solid #fff3bf; }
.slant-diff b { background: #fff3bf; padding: 0 2px; }
.slant-group { border: 1px solid #d0d5dd; border-radius: 6px; padding: 0.4rem 0.7rem;
  margin: 0.4rem 0; }
.slant-group summary { cursor: pointer; }
.slant-reason { font-size: 0.85em; color: #444; margin: 0.3rem 0; }
</style>
"""
"""Styles for the rows, differences and groups."""


def difference_weight(d: Difference) -> int:
    """How telling one difference is for a reader.

    A different verb of saying is the clearest framing choice, above all when
    one side says *how* something was said ("spoke harshly"); then a loaded word
    against a plain one; plain rewording counts for nothing.
    """
    categories = {d.a_category, d.b_category}
    weight = {"attribution": 10, "loaded": 4}.get(d.kind, 0)
    if "manner" in categories:
        weight += 5
    elif categories & {"emotive", "label"}:
        weight += 2
    return weight


def ranked(comparison: Comparison) -> list[Contrast]:
    """The contrasts, most telling first.

    The strongest single difference decides; among equals, the pair with fewer
    differences (easier to read) comes first, then the earlier group. This is
    the dashboard's only ranking; it gives way to the library's order once
    ``analysis.compare`` ranks contrasts itself (wp-compare).
    """

    def priority(contrast: Contrast) -> tuple[int, int, int]:
        best = max((difference_weight(d) for d in contrast.differences), default=0)
        return best, -len(contrast.differences), -contrast.group

    return sorted(comparison.contrasts, key=priority, reverse=True)


def only_here(texts: dict[str, str], article: str) -> list[tuple[int, int]]:
    """Offsets of the words in ``texts[article]`` that no other version uses.

    Words are Slant's words (:func:`analysis.text.segment.word_spans`),
    compared case-insensitively. The one place the dashboard diffs wording;
    it gives way to the library's diff once ``analysis.compare`` provides it.

    Args:
        texts: Article id to its sentence(s) in one group.
        article: The version to mark.

    Returns:
        ``(start, end)`` offsets into ``texts[article]``.
    """
    if len(texts) < 2:
        return []
    others: set[str] = set()
    for other, text in texts.items():
        if other != article:
            others |= {m.group().lower() for m in word_spans(text)}
    return [
        (m.start(), m.end()) for m in word_spans(texts[article]) if m.group().lower() not in others
    ]


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` first occurs in ``text`` as whole words, case-insensitively.

    Used only because :class:`Difference` holds strings without offsets; it
    goes once the comparison keeps both sides' offsets (wp-compare).
    """
    if not phrase.strip():
        return None
    match = re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def row_html(view: View, article_id: str, text: str, marks: Sequence[Mark]) -> str:
    """One outlet's version: the name in its colour, then the marked text."""
    return (
        f'<div class="slant-row" style="--c:{view.color(article_id)}">'
        f'<div class="who">{esc(view.name(article_id))}</div>'
        f"{highlight.render(text, marks)}</div>"
    )


def _side_marks(text: str, phrases: list[tuple[str, str, str, str]]) -> list[Mark]:
    marks = []
    for phrase, kind, category, neutral in phrases:
        found = _find(text, phrase)
        if found:
            layer = {"attribution": "attribution", "loaded": "loaded"}.get(kind, "differs")
            marks.append(Mark(found[0], found[1], layer, category=category or kind,
                              neutral=neutral, rule=f"differs from the other version ({kind})"))
    return marks


def _difference_line(contrast: Contrast) -> str:
    items = []
    for d in contrast.differences:
        a = esc(d.a) if d.a else "<i>nothing</i>"
        b = esc(d.b) if d.b else "<i>nothing</i>"
        extra = [
            f"neutral for “{esc(side)}”: {esc(neutral)}"
            for side, neutral in ((d.a, d.a_neutral), (d.b, d.b_neutral))
            if neutral and side
        ]
        note = f" ({'; '.join(extra)})" if extra else ""
        items.append(f"<b>{a}</b> ↔ <b>{b}</b> <small>[{esc(d.kind)}]</small>{note}")
    return f'<div class="slant-diff">{" · ".join(items)}</div>'


def contrast_html(view: View, contrast: Contrast) -> str:
    """Two outlets' versions of one moment, the differing words marked."""
    a_phr = [(d.a, d.kind, d.a_category, d.a_neutral) for d in contrast.differences]
    b_phr = [(d.b, d.kind, d.b_category, d.b_neutral) for d in contrast.differences]
    return (
        row_html(view, contrast.a.article, contrast.a.text, _side_marks(contrast.a.text, a_phr))
        + row_html(view, contrast.b.article, contrast.b.text, _side_marks(contrast.b.text, b_phr))
        + _difference_line(contrast)
    )


def contrast_text(contrast: Contrast) -> str:
    """Everything a search over a contrast looks at, lower-cased."""
    words = " ".join(f"{d.a} {d.b}" for d in contrast.differences)
    return f"{contrast.a.text}\n{contrast.b.text}\n{words}".lower()


def _verbs(comparison: Comparison) -> dict[str, list[Quote]]:
    verbs: dict[str, list[Quote]] = {}
    for q in comparison.quotes:
        if q.verb and q.verb_start >= 0:
            verbs.setdefault(q.article, []).append(q)
    return verbs


def group_html(view: View, group: Group) -> str:
    """Every outlet's version in a group: attribution verbs, loaded and unique words marked."""
    comparison = view.story.comparison
    verbs = _verbs(comparison) if comparison else {}
    texts = {m.article: m.text for m in group.members}
    rows = []
    for member in group.members:
        marks = [
            Mark(start, end, "differs", category="only here")
            for start, end in only_here(texts, member.article)
        ]
        article = view.story.article(member.article)
        for m in article.loaded.matches if article.loaded else ():
            if member.start <= m.start and m.end <= member.end:
                layer = "attribution" if m.category == "attribution" else "loaded"
                marks.append(Mark(m.start - member.start, m.end - member.start, layer,
                                  category=m.category, neutral=m.neutral,
                                  rule=f"loaded lexicon: {m.entry}", note=m.connotation))
        for q in verbs.get(member.article, ()):
            if member.start <= q.verb_start and q.verb_end <= member.end:
                speaker = q.speaker or "an unnamed speaker"
                marks.append(Mark(q.verb_start - member.start, q.verb_end - member.start,
                                  "attribution", category="attribution verb",
                                  note=f"introduces a quote by {speaker}"))
        rows.append(row_html(view, member.article, member.text, marks))
    return "".join(rows)


def group_block(view: View, group: Group, opened: bool = False) -> str:
    """A collapsible group: label and outlet count, then the reason and the rows."""
    outlets = len({m.article for m in group.members})
    return (
        f'<details class="slant-group"{" open" if opened else ""}>'
        f"<summary><b>{esc(group.label)}</b> — {outlets} outlets</summary>"
        f'<div class="slant-reason">{esc(view.scrub(group.reason))}</div>'
        f"{group_html(view, group)}</details>"
    )


def leads_html(view: View) -> str:
    """Each outlet's headline and first paragraph, loaded words marked."""
    comparison = view.story.comparison
    leads = {lead.article: lead for lead in (comparison.leads if comparison else ())}
    rows = []
    for article in view.articles:
        lead = leads.get(article.id)
        if lead is None:
            continue
        lead_marks = [Mark(w.start - lead.lead_start, w.end - lead.lead_start, "loaded",
                           category=w.category, neutral=w.neutral) for w in lead.loaded]
        head_marks = [Mark(w.start, w.end, "loaded", category=w.category, neutral=w.neutral)
                      for w in lead.headline_loaded]
        tone = "" if lead.sentiment is None else f"lead sentiment {lead.sentiment:+.2f}"
        rows.append(
            f'<div class="slant-row" style="--c:{view.color(lead.article)}">'
            f'<div class="who">{esc(view.name(lead.article))}'
            f'<div style="font-weight:400;font-size:0.8em;color:#444">{tone}</div></div><div>'
            f'<div style="font-weight:700;font-size:1.1em">'
            f"{highlight.render(lead.headline or '(no headline)', head_marks)}</div>"
            f"{highlight.render(lead.lead, lead_marks)}</div></div>"
        )
    return "".join(rows)
