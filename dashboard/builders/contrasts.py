"""The comparison as HTML: contrasts, aligned groups and leads, words marked.

Shared by the Compare page and the handout. Every text is escaped by
:func:`dashboard.builders.highlight.render`.

The comparison decides everything shown here (:mod:`analysis.compare`): the
contrasts arrive ranked, each difference carries both sides' offsets, and the
"only in this version" words come from :func:`analysis.compare.rank.only_here`.
These builders only mark and escape; outlet names come from the view, so
classroom mode shows letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.rank import only_here
from analysis.outputs.render import link_text
from analysis.results.comparison import Comparison, Contrast, Group, Quote
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


def ranked(comparison: Comparison) -> list[Contrast]:
    """The contrasts in the library's order, most telling first (:mod:`analysis.compare.rank`)."""
    return list(comparison.contrasts)


def row_html(view: View, article_id: str, text: str, marks: Sequence[Mark]) -> str:
    """One outlet's version: the name in its colour, then the marked text."""
    return (
        f'<div class="slant-row" style="--c:{view.color(article_id)}">'
        f'<div class="who">{esc(view.name(article_id))}</div>'
        f"{highlight.render(text, marks)}</div>"
    )


def _grade_layer(view: View, article_id: str, start: int, end: int, default: str) -> str:
    """The layer of a differing phrase: emphatic or loaded when the lexicon grades it."""
    for m in view.story.article(article_id).loaded.matches:
        if m.start <= start and end <= m.end or start <= m.start and m.end <= end:
            return "loaded" if m.counted else "emphatic"
    return default


def _side_marks(view: View, contrast: Contrast, side: str) -> list[Mark]:
    """The differing words of one side, from the offsets the comparison kept.

    A verb of saying takes the colour of its grade, so "spoke harshly"
    (loaded) and "emphasized" (emphatic) look different side by side.
    """
    text_side = getattr(contrast, side)
    marks = []
    for d in contrast.differences:
        start, end = (d.a_start, d.a_end) if side == "a" else (d.b_start, d.b_end)
        if start < 0:
            continue  # this side has nothing in the other's place
        category = (d.a_category if side == "a" else d.b_category) or d.kind
        neutral = d.a_neutral if side == "a" else d.b_neutral
        layer = {"attribution": "attribution", "loaded": "loaded"}.get(d.kind, "differs")
        if layer != "differs":
            layer = _grade_layer(view, text_side.article, start, end, layer)
        marks.append(Mark(start - text_side.start, end - text_side.start, layer,
                          category=category, neutral=neutral,
                          rule=f"differs from the other version ({d.kind})"))
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
    return (
        row_html(view, contrast.a.article, contrast.a.text, _side_marks(view, contrast, "a"))
        + row_html(view, contrast.b.article, contrast.b.text, _side_marks(view, contrast, "b"))
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
    unique = only_here(group)
    rows = []
    for member in group.members:
        marks = [
            Mark(start - member.start, end - member.start, "differs", category="only here")
            for start, end in unique.get(member.article, ())
            if member.start <= start and end <= member.end
        ]
        article = view.story.article(member.article)
        for m in article.loaded.matches if article.loaded else ():
            if member.start <= m.start and m.end <= member.end:
                layer = "emphatic" if not m.counted else (
                    "attribution" if m.category == "attribution" else "loaded")
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


def reason(view: View, group: Group) -> str:
    """Why the group was formed, in words, outlets named by the view."""
    why = "; ".join(link_text(link, view.name) for link in group.links)
    return view.scrub(why + (f"; and {group.more_links} more links." if group.more_links else "."))


def group_block(view: View, group: Group, opened: bool = False) -> str:
    """A collapsible group: label and outlet count, then the reason and the rows."""
    outlets = len({m.article for m in group.members})
    return (
        f'<details class="slant-group"{" open" if opened else ""}>'
        f"<summary><b>{esc(view.scrub(group.label))}</b> — {outlets} outlets</summary>"
        f'<div class="slant-reason">{esc(reason(view, group))}</div>'
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
