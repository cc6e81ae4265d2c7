"""Compare: the same moment as each outlet wrote it, word choices side by side."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from analysis import messages
from analysis.outputs.render import link_text
from dashboard import highlight
from dashboard.charts import color
from dashboard.highlight import Mark
from dashboard.state import View, esc, md_escape, run_page

NO_COMPARISON = messages.APP_NO_COMPARISON
CONTRASTS_SHOWN = 8
# Beyond these, large stories would send megabytes of HTML to the browser; the
# search box reaches the rest.
CONTRASTS_MAX = 60
GROUPS_MAX = 60
ROW_CSS = """
<style>
.slant-row { display: grid; grid-template-columns: 11em 1fr; gap: 0.6rem; padding: 0.35rem 0;
  border-bottom: 1px solid #eceff3; }
.slant-row .who { font-weight: 700; color: var(--c); border-left: 5px solid var(--c);
  padding-left: 0.4rem; }
.slant-row .slant-text { line-height: 1.6; }
.slant-diff { font-size: 0.88em; color: #333; margin: 0.2rem 0 0.6rem 11.6em; }
.slant-diff b { background: #fff3bf; padding: 0 2px; }
.slant-group { border: 1px solid #d0d5dd; border-radius: 6px; padding: 0.4rem 0.7rem;
  margin: 0.4rem 0; }
.slant-group summary { cursor: pointer; }
.slant-reason { font-size: 0.85em; color: #555; margin: 0.3rem 0; }
</style>
"""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` first occurs in ``text`` as whole words, case-insensitively."""
    if not phrase.strip():
        return None
    match = re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _row(view: View, article_id: str, text: str, marks: list[Mark]) -> str:
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


def _difference_line(view: View, contrast: Any) -> str:
    items = []
    for d in contrast.differences:
        a = esc(d.a) if d.a else "<i>nothing</i>"
        b = esc(d.b) if d.b else "<i>nothing</i>"
        extra = []
        sides = ((d.a, getattr(d, "a_neutral", "")), (d.b, getattr(d, "b_neutral", "")))
        for side, neutral in sides:
            if neutral and side:
                extra.append(f"neutral for “{esc(side)}”: {esc(neutral)}")
        note = f" ({'; '.join(extra)})" if extra else ""
        items.append(f"<b>{a}</b> ↔ <b>{b}</b> <small>[{esc(d.kind)}]</small>{note}")
    return f'<div class="slant-diff">{" · ".join(items)}</div>'


def contrast_html(view: View, contrast: Any) -> str:
    """Two outlets' versions of one moment, the differing words marked."""
    a_phr = [(d.a, d.kind, getattr(d, "a_category", ""), getattr(d, "a_neutral", ""))
             for d in contrast.differences]
    b_phr = [(d.b, d.kind, getattr(d, "b_category", ""), getattr(d, "b_neutral", ""))
             for d in contrast.differences]
    return (
        _row(view, contrast.a.article, contrast.a.text, _side_marks(contrast.a.text, a_phr))
        + _row(view, contrast.b.article, contrast.b.text, _side_marks(contrast.b.text, b_phr))
        + _difference_line(view, contrast)
    )


def group_html(view: View, group: Any) -> str:
    """Every outlet's version in a group: attribution verbs, loaded and unique words marked."""
    comparison = view.story.comparison
    verbs: dict[str, list[Any]] = {}
    for q in getattr(comparison, "quotes", ()) or ():
        if q.verb and q.verb_start >= 0:
            verbs.setdefault(q.article, []).append(q)
    texts = {m.article: m.text for m in group.members}
    rows = []
    for member in group.members:
        others: set[str] = set()
        for other, text in texts.items():
            if other != member.article:
                others |= _words(text)
        marks: list[Mark] = []
        for match in re.finditer(_WORD, member.text):
            if match.group().lower() not in others and len(texts) > 1:
                marks.append(Mark(match.start(), match.end(), "differs", category="only here"))
        article = view.story.article(member.article)
        for m in getattr(article.loaded, "matches", ()) or ():
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
        rows.append(_row(view, member.article, member.text, marks))
    return "".join(rows)


def _reason(view: View, group: Any) -> str:
    # Why the group was formed, outlets named by the view (blind letters in class).
    why = "; ".join(link_text(link, view.name) for link in group.links)
    return why + (f"; and {group.more_links} more links." if group.more_links else ".")


def group_block(view: View, group: Any, opened: bool = False) -> str:
    """A collapsible group: label and outlet count, then the reason and the rows."""
    outlets = len({m.article for m in group.members})
    return (
        f'<details class="slant-group"{" open" if opened else ""}>'
        f"<summary><b>{esc(group.label)}</b> — {outlets} outlets</summary>"
        f'<div class="slant-reason">{esc(_reason(view, group))}</div>'
        f"{group_html(view, group)}</details>"
    )


def _matches(query: str, *texts: str) -> bool:
    return not query or any(query in t.lower() for t in texts)


def leads_html(view: View) -> str:
    """Each outlet's headline and first paragraph, loaded words marked."""
    comparison = view.story.comparison
    rows = []
    for lead in getattr(comparison, "leads", ()) or ():
        lead_marks = [Mark(w.start - lead.lead_start, w.end - lead.lead_start, "loaded",
                           category=w.category, neutral=w.neutral) for w in lead.loaded]
        head_marks = [Mark(w.start, w.end, "loaded", category=w.category, neutral=w.neutral)
                      for w in lead.headline_loaded]
        tone = "" if lead.sentiment is None else f"lead sentiment {lead.sentiment:+.2f}"
        rows.append(
            f'<div class="slant-row" style="--c:{view.color(lead.article)}">'
            f'<div class="who">{esc(view.name(lead.article))}'
            f'<div style="font-weight:400;font-size:0.8em;color:#555">{tone}</div></div><div>'
            f'<div style="font-weight:700;font-size:1.1em">'
            f"{highlight.render(lead.headline or '(no headline)', head_marks)}</div>"
            f"{highlight.render(lead.lead, lead_marks)}</div></div>"
        )
    return "".join(rows)


def quotes_table(view: View) -> pd.DataFrame:
    """Direct quotes with their speaker and attribution verb, per outlet."""
    rows = [
        {
            "outlet": view.name(q.article),
            "speaker": q.speaker or "(not named)",
            "verb": q.verb or "(none)",
            "quote": q.text,
        }
        for q in getattr(view.story.comparison, "quotes", ()) or ()
    ]
    return pd.DataFrame(rows, columns=["outlet", "speaker", "verb", "quote"])


def verbs_chart(view: View, table: pd.DataFrame) -> alt.Chart | None:
    """How often each outlet uses each attribution verb."""
    if table.empty:
        return None
    counts = table.groupby(["outlet", "verb"]).size().reset_index(name="count")
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("verb:N", title=None, sort="-x"),
            x=alt.X("count:Q", title="Quotes introduced", axis=alt.Axis(tickMinStep=1)),
            color=color(view),
            tooltip=["outlet:N", "verb:N", "count:Q"],
        )
        .properties(height=alt.Step(22))
    )


def render(view: View) -> None:
    """Draw the comparison page."""
    st.title("Compare the outlets")
    comparison = view.story.comparison
    if comparison is None:
        st.info(NO_COMPARISON)
        return
    st.html(f"<style>{highlight.CSS}</style>{ROW_CSS}")
    query = st.text_input(
        "Find a word or phrase", key="compare_query",
        placeholder="e.g. harshly, emphasized, aggression",
    ).strip().lower()

    st.header("Word choices that differ")
    st.caption(
        "The same moment in two outlets' words. Green: attribution verbs (how a statement "
        "is introduced); yellow: loaded words. Below each pair, the words that differ and a "
        "neutral alternative where the lexicon has one. Contrasts between verbs of saying "
        "come first."
    )
    contrasts = list(comparison.contrasts)  # ranked by analysis.compare.rank
    shown = [
        c for c in contrasts
        if _matches(query, c.a.text, c.b.text, *[d.a + " " + d.b for d in c.differences])
    ]
    if not shown:
        st.caption("No contrast matches this search." if query else "No contrasts found.")
    limit = len(shown) if query else CONTRASTS_SHOWN
    if shown:
        # One HTML block for all contrasts: far cheaper for the browser to draw
        # than one Streamlit element per contrast.
        more = ""
        extra = shown[limit:CONTRASTS_MAX]
        if extra:
            more = (
                f"<details><summary>{len(extra)} more contrasts</summary>"
                + "".join(contrast_html(view, c) for c in extra)
                + "</details>"
            )
        st.html(
            '<div class="slant-contrasts">'
            + "".join(contrast_html(view, c) for c in shown[:limit])
            + more + "</div>"
        )
    if len(shown) > max(limit, CONTRASTS_MAX):
        st.caption(
            f"{len(shown) - max(limit, CONTRASTS_MAX)} more contrasts; search for a word to "
            "find them."
        )

    st.header("Aligned sentences")
    st.caption(
        "Sentences from different outlets that report the same thing, one row per outlet. "
        "Underlined words appear in that version only; green marks attribution verbs, "
        "yellow marks loaded words. Hover any mark for details."
    )
    groups = [g for g in comparison.groups if _matches(query, *[m.text for m in g.members])]
    if groups:
        st.html("".join(group_block(view, g, opened=bool(query)) for g in groups[:GROUPS_MAX]))
    if len(groups) > GROUPS_MAX:
        st.caption(f"{len(groups) - GROUPS_MAX} more groups; search for a word to find them.")
    if not groups:
        st.caption("No aligned group matches this search." if query else "No aligned groups.")

    st.header("Headlines and leads")
    st.caption("How each outlet opens the story: the headline and the first paragraph.")
    st.html(leads_html(view))

    st.header("Quotes and attribution verbs")
    st.caption(
        "Who is quoted, and with which verb. 'Said' is neutral; verbs such as 'slammed' or "
        "'spoke harshly' tell the reader how to take the quote."
    )
    table = quotes_table(view)
    chart = verbs_chart(view, table)
    if chart is not None:
        st.altair_chart(chart, width="stretch")
    st.dataframe(table, hide_index=True, width="stretch", key="quotes_table")
    sourcing = [
        {
            "outlet": view.name(s.article),
            "quotes": s.quotes,
            "share of text quoted": s.quote_share,
            "named sources": s.named,
            "anonymous sources": s.anonymous,
            "unsourced claims": s.unsourced,
        }
        for s in getattr(comparison, "sourcing", ()) or ()
    ]
    if sourcing:
        st.dataframe(
            pd.DataFrame(sourcing), hide_index=True, width="stretch", key="sourcing_table",
            column_config={"share of text quoted": st.column_config.NumberColumn(format="percent")},
        )
    for note in comparison.notes:
        st.caption(md_escape(view.scrub(note)))


# Streamlit runs each page as "__main__"; importing the module (the handout
# reuses its builders) must not draw the page.
if __name__ == "__main__":
    run_page("compare", render)
