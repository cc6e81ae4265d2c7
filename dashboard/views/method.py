"""Method: how every number is computed, its limits, the lexicons and the evaluation."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.builders.escape import md_escape
from dashboard.builders.view import View
from dashboard.stories import ROOT

DOCS = ROOT / "docs"

MEASURES: tuple[tuple[str, str, str], ...] = (
    (
        "Sentiment",
        "analysis.measures.sentiment",
        "Every sentence is scored on its own by VADER, a word list with rules for "
        "negation, intensifiers, capitals and 'but'. The score runs from -1 (negative) to "
        "+1 (positive); -0.05 to +0.05 counts as neutral. An article's figure is the mean "
        "of its sentences, and the arc is a five-sentence moving average. The Article view "
        "shows, for each sentence, the words that moved its score and by how much.",
    ),
    (
        "Hedges, boosters, weasel words, anonymous sources",
        "analysis.measures.hedging",
        "Words and phrases from Slant's own hedging lexicon, some checked by a context rule "
        "(\"may\" is not counted when it is the month). Only the outlet's own words count in "
        "the rates: words inside direct quotes are the speaker's. Rates are per 100 words.",
    ),
    (
        "Loaded wording",
        "analysis.measures.loaded",
        "Words from Slant's loaded-wording lexicon (loaded attribution verbs such as "
        "'slammed', manner of speaking, labels, conflict metaphors, emotive and puffery "
        "words), each with what it adds and a neutral alternative. Per 100 words, outside "
        "quotes.",
    ),
    (
        "Reading grade",
        "analysis.measures.readability",
        "Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − "
        "15.59, the US school year a reader needs. Syllables come from the CMU "
        "Pronouncing Dictionary. Texts that are too short or barely punctuated are marked "
        "unreliable instead of given a number.",
    ),
    (
        "Aligned sentences, coverage and reuse",
        "analysis.compare",
        "Sentences from different outlets are grouped when they quote the same words or "
        "share enough distinctive content words (TF-IDF cosine). A fact is an aligned group "
        "or a sentence only one outlet has. Reuse is the mean of the shared five-word runs "
        "(Jaccard) and the share of sentences that align.",
    ),
)
# (measure, module, how it is computed) for the summary table.

DOC_TITLES = {
    "sentiment": "Sentiment",
    "hedging": "Hedging",
    "loaded": "Loaded wording",
    "readability": "Readability",
    "compare": "Comparison",
    "cleaning": "Cleaning",
    "evaluation": "Evaluation",
}


def _limitations(module: str) -> tuple[str, ...]:
    try:
        return tuple(getattr(importlib.import_module(module), "LIMITATIONS", ()))
    except Exception:  # noqa: BLE001 - a missing module only hides its limits
        return ()


def _doc_markdown(text: str) -> str:
    """Our own docs for display: ``$`` escaped (not LaTeX), headings one level down."""
    text = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.MULTILINE)
    return text.replace("$", r"\$")


def method_docs() -> list[Path]:
    """The method documents that exist, in :data:`DOC_TITLES` order."""
    return [DOCS / f"{name}.md" for name in DOC_TITLES if (DOCS / f"{name}.md").is_file()]


def evaluation_sections() -> list[tuple[str, str]]:
    """The evaluation section ("How well it works" or "Evaluation") of each method document."""
    sections = []
    for path in method_docs():
        text = path.read_text(encoding="utf-8")
        match = re.search(
            r"^## (?:How well it works|Evaluation)\s*$(.*?)(?=^## |\Z)", text, re.M | re.S
        )
        if match:
            sections.append((DOC_TITLES.get(path.stem, path.stem.title()), match.group(1)))
    return sections


def lexicon_browser() -> None:
    """Pick a lexicon; show its sources, licence and entries."""
    from analysis.text.lexicon import available_lexicons, load_lexicon

    names = available_lexicons()
    if not names:
        st.caption("No lexicons found.")
        return
    name = st.selectbox("Lexicon", names, key="lexicon_name")
    lexicon = load_lexicon(name)
    st.markdown(f"**{md_escape(lexicon.title)}**")
    st.markdown(md_escape(lexicon.description))
    st.markdown(f"**Sources:** {md_escape(lexicon.sources)}")
    st.markdown(f"**Licence:** {md_escape(lexicon.licence)}")
    query = st.text_input("Search the entries", key="lexicon_query").strip().lower()
    rows = [
        {
            "term": e.term, "category": e.category, "form": e.pos,
            "connotation": e.connotation, "neutral alternative": e.neutral,
            "context rule": e.context, "note": e.note,
        }
        for e in lexicon.entries
        if not query or query in e.term.lower() or query in e.category.lower()
    ]
    table = pd.DataFrame(rows)
    if not table.empty:
        table = table.loc[:, (table != "").any(axis=0)]
    st.caption(f"{len(rows)} of {len(lexicon.entries)} entries")
    st.dataframe(table, hide_index=True, width="stretch", key="lexicon_table")


def render(view: View | None) -> None:
    """Draw the method page."""
    st.title("How Slant measures")
    st.markdown(
        "Every figure in Slant comes from a word list or a formula you can read here. None "
        "of them knows what an article *means*; they point you to wording worth reading "
        "closely."
    )
    for title, module, how in MEASURES:
        with st.expander(title, expanded=False):
            st.markdown(how)
            limits = _limitations(module)
            if limits:
                st.markdown("**Limits**")
                st.markdown("\n".join(f"- {md_escape(item)}" for item in limits))

    docs = {DOC_TITLES[p.stem]: p for p in method_docs()}
    if docs:
        st.header("The method documents")
        # One document at a time: drawing them all at once slows the page.
        chosen = st.selectbox("Document", list(docs), key="method_doc")
        st.markdown(_doc_markdown(docs[chosen].read_text(encoding="utf-8")))

    st.header("Lexicons")
    lexicon_browser()

    st.header("Evaluation against human annotations")
    sections = evaluation_sections()
    if not sections:
        st.caption("Evaluation figures are given in the method documents once measured.")
    for title, body in sections:
        st.subheader(title)
        st.markdown(_doc_markdown(body))


ui.run_page("method", render, needs_story=False)
