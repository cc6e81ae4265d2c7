"""The Method page for teachers: each figure in plain words, with an example from the story.

For every figure on the outlet cards and for each part of the comparison, one
section says what it counts, shows an example taken from the results of the
story on screen (its first hedge with the sentence it sits in, its top
contrast...), says what it cannot tell, and how well it agrees with human
judgements (``content/agreement.toml``). The wording lives in
``content/method.toml``; developer detail (commands, code, history) stays in
``docs/``.

The page renders each :class:`Section` with ``st.markdown``: every piece of
article text is Markdown-escaped here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from analysis.results import figures
from analysis.results.article import Article, Story
from analysis.results.hedging import HedgeMatch
from dashboard.lesson import content, findings
from dashboard.lesson.text import Namer, hider, md_escape

CONTEXT_WORDS = 8
"""Words kept on each side of an example's marked words (a projector's line budget)."""
COMPARISON_PARTS = ("aligned", "contrasts", "coverage", "reuse")
Escape = Callable[[str], str]
"""Article text to Markdown: escaped, with hidden outlet names replaced."""


@dataclass(frozen=True)
class Section:
    """One section of the Method page.

    Args:
        title: The heading, plain text.
        body: The section's Markdown (article text already escaped).
    """

    title: str
    body: str


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def quoted_sentence(
    article: Article, start: int, end: int, escape: Escape = md_escape
) -> str:
    """The sentence around ``[start, end)`` as Markdown, the span in bold, long ones cut.

    At most :data:`CONTEXT_WORDS` words are kept on each side of the span.

    Args:
        article: The article.
        start: Offset of the words to mark in the article's text.
        end: One past them.
        escape: Turns article text into Markdown (escaping, and hiding
            outlet names in classroom mode).

    Returns:
        “… before **marked** after …”, escaped for Markdown.
    """
    sentence = findings.sentence_at(article, start)
    s_start, s_end = (sentence.start, sentence.end) if sentence else (start, end)
    text = article.text
    before = _squeeze(text[s_start:start]).lstrip()
    after = _squeeze(text[end:s_end]).rstrip()
    words = before.split(" ")
    if len(words) > CONTEXT_WORDS + 1:  # the last item is "" when a space precedes the span
        before = "… " + " ".join(words[-CONTEXT_WORDS - 1:])
    words = after.split(" ")
    if len(words) > CONTEXT_WORDS + 1:
        after = " ".join(words[:CONTEXT_WORDS + 1]) + " …"
    marked = f"**{escape(_squeeze(text[start:end]))}**"
    return f"“{escape(before)}{marked}{escape(after)}”"


def _first_hedge(story: Story, categories: frozenset[str]) -> tuple[Article, HedgeMatch] | None:
    for article in story.articles:
        if article.hedging is None:
            continue
        for m in article.hedging.matches:
            if m.category in categories and not m.in_quote:
                return article, m
    return None


def _hedge_example(categories: frozenset[str], what: str) -> Callable[[Story, Namer, Escape], str]:
    def example(story: Story, name: Namer, escape: Escape) -> str:
        found = _first_hedge(story, categories)
        if found is None:
            return f"This story has no {what} outside quotes."
        article, m = found
        return f"{md_escape(name(article.id))}: {quoted_sentence(article, m.start, m.end, escape)}"

    return example


def sentiment_example(story: Story, name: Namer, escape: Escape) -> str:
    """The most strongly scored sentence, with the words that moved it most."""
    scored = [
        (abs(s.compound), article, s)
        for article in story.articles if article.sentiment is not None
        for s in article.sentiment.sentences if s.error is None
    ]
    if not scored:
        return "No sentence of this story could be scored."
    _, article, s = max(scored, key=lambda x: x[0])
    movers = sorted(
        (w for w in s.explanation if round(w.contribution, 2) != 0),
        key=lambda w: abs(w.contribution), reverse=True,
    )[:3]
    why = ", ".join(f"“{escape(w.text)}” {w.contribution:+.2f}" for w in movers)
    start, end = (movers[0].start, movers[0].end) if movers else (s.start, s.start)
    return (
        f"{md_escape(name(article.id))}: {quoted_sentence(article, start, end, escape)} scores "
        f"{s.compound:+.2f}" + (f"; the words that moved it most: {why}." if why else ".")
    )


def loaded_example(story: Story, name: Namer, escape: Escape) -> str:
    """The story's first loaded word outside quotes, with its neutral alternative."""
    found = findings.first_loaded(story)
    if found is None:
        return "This story has no loaded word outside quotes."
    article, m = found
    instead = f" A plainer word: {md_escape(m.neutral)}." if m.neutral else ""
    return (
        f"{md_escape(name(article.id))}: {quoted_sentence(article, m.start, m.end, escape)} "
        f"({md_escape(m.category)}).{instead}"
    )


def grade_example(story: Story, name: Namer, escape: Escape) -> str:
    """The hardest and the easiest article to read, with their sentence lengths."""
    fig = figures.figure("flesch_kincaid_grade")
    graded = [
        a for a in story.articles
        if a.readability is not None and figures.is_reliable(a, fig)
        and figures.value(a, fig) is not None
    ]
    if not graded:
        return "No article of this story is long enough for a reliable grade."

    def line(a: Article) -> str:
        words = a.readability.mean_sentence_words
        length = f", sentences of {words:.0f} words on average" if words else ""
        return f"{md_escape(name(a.id))}: grade {figures.formatted(a, fig)}{length}"

    hardest = max(graded, key=lambda a: figures.value(a, fig))
    easiest = min(graded, key=lambda a: figures.value(a, fig))
    if hardest is easiest:
        return line(hardest) + "."
    return f"{line(hardest)}; {line(easiest)}."


def _label(text: str, escape: Escape) -> str:
    """A fact label quoted in a sentence of ours: escaped, without its own full stop."""
    return escape(text.rstrip(" ."))


def _names(ids, name: Namer) -> str:
    return ", ".join(md_escape(n) for n in sorted(name(i) for i in ids))


def aligned_example(story: Story, name: Namer, escape: Escape) -> str:
    """The fact reported by the most outlets."""
    comparison = story.comparison
    groups = [g for g in comparison.groups if len(g.articles) > 1] if comparison else []
    if not groups:
        return "No fact of this story was lined up across outlets."
    g = max(groups, key=lambda g: len(g.articles))
    return (
        f"{len(groups)} facts are lined up across outlets. The most widely reported "
        f"({_names(g.articles, name)}): “{_label(g.label, escape)}”."
    )


def contrasts_example(story: Story, name: Namer, escape: Escape) -> str:
    """The top contrast in the words of both sides."""
    pick = findings.top_contrast(story.comparison)
    if pick is None:
        return "Slant found no difference in wording between aligned sentences."
    c, d = pick.contrast, pick.difference

    def side(aid: str, words: str) -> str:
        said = f"“{escape(words)}”" if words else "nothing in its place"
        return f"{md_escape(name(aid))} has {said}"

    return f"The first contrast: {side(c.a.article, d.a)}, {side(c.b.article, d.b)}."


def coverage_example(story: Story, name: Namer, escape: Escape) -> str:
    """How many facts, how many only one outlet reports, and one of those."""
    comparison = story.comparison
    rows = comparison.coverage if comparison else ()
    if not rows:
        return "No facts were lined up for this story."
    only = findings.only_one_rows(comparison)
    text = f"{len(rows)} facts, {len(only)} of them reported by one outlet only"
    if only:
        row = only[0]
        example = _label(row.text or row.label, escape)
        text += f", e.g. only {md_escape(name(row.articles[0]))}: “{example}”"
    return text + "."


def reuse_example(story: Story, name: Namer, escape: Escape) -> str:
    """The longest passage two articles share word for word."""
    comparison = story.comparison
    pairs = [r for r in comparison.reuse if r.shared] if comparison else []
    if not pairs:
        return "No two articles share a run of five words or more."
    r = max(pairs, key=lambda r: r.shared[0].words)
    p = r.shared[0]
    return (
        f"{md_escape(name(r.a))} and {md_escape(name(r.b))} share, word for word: "
        f"“{escape(p.text)}” ({p.words} words)."
    )


def passive_example(story: Story, name: Namer, escape: Escape) -> str:
    """The first passive verb that names no doer, in its sentence."""
    for article in story.articles:
        for verb in article.readability.passives:
            if not verb.agent:
                return (
                    f"{md_escape(name(article.id))}: "
                    f"{quoted_sentence(article, verb.start, verb.end, escape)}"
                )
    return "No sentence of this story hides its doer behind a passive verb."


EXAMPLES: dict[str, Callable[[Story, Namer, Escape], str]] = {
    "sentiment_mean": sentiment_example,
    "hedge_per_100_words": _hedge_example(frozenset({"hedge"}), "hedge"),
    "booster_per_100_words": _hedge_example(frozenset({"booster"}), "booster"),
    "weasels_and_anonymous_per_100_words": _hedge_example(
        frozenset({"weasel", "anonymous_source"}), "weasel word or anonymous source"
    ),
    "loaded_per_100_words": loaded_example,
    "flesch_kincaid_grade": grade_example,
    "agentless_passive_share": passive_example,
    "aligned": aligned_example,
    "contrasts": contrasts_example,
    "coverage": coverage_example,
    "reuse": reuse_example,
}
"""Figure name or comparison part to the function that finds its example in a story."""


def section(kind: str, key: str, story: Story | None, name: Namer) -> Section:
    """One Method section.

    Args:
        kind: "figure" or "comparison".
        key: The figure's name or the comparison part.
        story: The story on screen; None leaves out the example.
        name: Article id to the shown outlet name.
    """
    words = content.explanation(kind, key)
    parts = [f"**Counts:** {words['counts']}"]
    if story is not None:
        hide = hider(story, name)
        example = EXAMPLES[key](story, name, lambda text: md_escape(hide(text)))
        parts.append(f"**In this story:** {example}")
    parts += [
        f"**Cannot tell:** {words['cannot_tell']}",
        f"**Agreement with people:** {content.agreement_words(key, detail=False)}",
    ]
    # One paragraph with line breaks: no gap between the lines saves a projector screen.
    return Section(words["title"], "  \n".join(parts))


def method_sections(story: Story | None, name: Namer) -> list[Section]:
    """The Method page for the story on screen, as sections to render with ``st.markdown``.

    Args:
        story: The story on screen; None gives the sections without examples.
        name: Article id to the shown outlet name (blind letters in classroom mode).

    Returns:
        An introduction, then one section per card figure (in card order),
        then one per part of the comparison.
    """
    intro = Section("How Slant measures", str(content.load("method")["intro"]))
    keys = [("figure", f.name) for f in figures.CARD_FIGURES]
    keys += [("comparison", part) for part in COMPARISON_PARTS]
    return [intro] + [section(kind, key, story, name) for kind, key in keys]
