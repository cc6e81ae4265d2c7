"""Discussion prompts built from the story's own findings.

One prompt per topic, each made from what the comparison and the analysers
found in *this* story: its top contrast (in the words of both sides), a fact
only one outlet reports, the outlet that hedges most, a quote worded
differently by two outlets, the most loaded headline and a loaded word with
its neutral alternative. Where the story has nothing of the kind, the topic's
general prompt from ``content/prompts.toml`` is used, so a teacher's own
story never gets a question about another story's words.

Outlets are named by a function (article id to display name): the blind
letters in classroom mode, the real names otherwise; a hidden outlet's name
or byline inside quoted article words is replaced by its shown name too.
Prompts are plain text quoting article words: escape them for the medium
(HTML or Markdown).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from analysis.results import figures
from analysis.results.article import Story
from dashboard.lesson import content, findings
from dashboard.lesson.text import Namer, hider

TOPICS = ("compare", "coverage", "overview", "quotes", "headline", "article")
"""The story prompts, in worksheet order."""
PAGES = {
    "overview": "overview",
    "article": "article",
    "compare": "compare",
    "coverage": "coverage",
    "method": None,
    "export": None,
    "own": None,
}
"""Dashboard page key to the topic of its prompt (None: always the general prompt)."""

_HEDGES = figures.figure("hedge_per_100_words")


@dataclass(frozen=True)
class Prompt:
    """One discussion prompt.

    Args:
        topic: One of :data:`TOPICS` (or "method", "own").
        text: The prompt, plain text.
        from_story: True when built from the story's findings, False for the
            general prompt.
    """

    topic: str
    text: str
    from_story: bool


def _q(words: str) -> str:
    """Article words quoted for a prompt, one line, no stray spaces."""
    return "“" + " ".join(words.split()).strip(" “”\"'‘’,.;:") + "”"


def compare_prompt(story: Story, name: Namer) -> str | None:
    """The top contrast, in the words of both sides; None when there is none."""
    pick = findings.top_contrast(story.comparison)
    if pick is None:
        return None
    c, d = pick.contrast, pick.difference
    a, b = name(c.a.article), name(c.b.article)
    if not (d.a and d.b):
        one, words, other = (a, d.a, b) if d.a else (b, d.b, a)
        return (
            f"{one} writes {_q(words)}; {other}'s version of the same moment has nothing in "
            "its place. What does the wording add, and would a reader notice it?"
        )
    if d.kind == findings.QUOTE_KIND:
        return (
            f"{a} quotes {_q(d.a)} where {b} quotes {_q(d.b)} for the same statement. Can "
            "both be exact? How could you find out which one is?"
        )
    if d.kind == "attribution":
        return (
            f"{a} writes {_q(d.a)} where {b} writes {_q(d.b)}. Which makes the speaker "
            "sound angrier or more certain? Why might an outlet choose it?"
        )
    return (
        f"{a} writes {_q(d.a)} where {b} writes {_q(d.b)} about the same moment. Which "
        "sounds more loaded, and what would a neutral word be?"
    )


def coverage_prompt(story: Story, name: Namer) -> str | None:
    """A fact only one outlet reports (the most prominent); None when every fact is shared."""
    rows = findings.only_one_rows(story.comparison)
    if not rows:
        return None
    row = rows[0]
    return (
        f"Only {name(row.articles[0])} reports this: {_q(row.text or row.label)}. "
        "Did the others leave it out by choice? How could you tell?"
    )


def overview_prompt(story: Story, name: Namer) -> str | None:
    """The outlet that hedges most against the one that hedges least; None when even."""
    pair = findings.hedging_extremes(story)
    if pair is None:
        return None
    most, least = pair
    return (
        f"{name(most.id)} hedges most ({figures.formatted(most, _HEDGES, unit=True)}), "
        f"{name(least.id)} least ({figures.formatted(least, _HEDGES, unit=True)}). Find two "
        "hedges. Do they make the report more careful, or harder to pin down?"
    )


def quotes_prompt(story: Story, name: Namer) -> str | None:
    """A statement quoted in different words; None when the comparison found none."""
    found = findings.quote_difference(story.comparison)
    if found is None:
        return None
    c, d = found
    return (
        f"{name(c.a.article)} quotes {_q(d.a)}, {name(c.b.article)} {_q(d.b)}. Which words "
        "did the speaker really use? Why does it matter?"
    )


def headline_prompt(story: Story, name: Namer) -> str | None:
    """The most loaded headline's first loaded word; None when no headline has one."""
    lead = findings.most_loaded_headline(story.comparison)
    if lead is None:
        return None
    hit = lead.headline_loaded[0]
    instead = f" (a plainer choice: {hit.neutral})" if hit.neutral else ""
    return (
        f"{name(lead.article)}'s headline uses {_q(hit.text)}{instead}. Write the headline again "
        "without it. What changes for the reader?"
    )


def article_prompt(story: Story, name: Namer) -> str | None:
    """The story's first loaded word with its neutral alternative; None when there is none."""
    found = findings.first_loaded(story)
    if found is None:
        return None
    article, m = found
    instead = f", where a plainer text might say {_q(m.neutral)}" if m.neutral else ""
    return (
        f"{name(article.id)} writes {_q(m.text)}{instead}. What does the word add? Find "
        "another highlighted word that does the same."
    )


_BUILDERS: dict[str, Callable[[Story, Namer], str | None]] = {
    "compare": compare_prompt,
    "coverage": coverage_prompt,
    "overview": overview_prompt,
    "quotes": quotes_prompt,
    "headline": headline_prompt,
    "article": article_prompt,
}


def prompt(story: Story, topic: str, name: Namer) -> Prompt:
    """The prompt for one topic: from the story when it has the finding, else general.

    Args:
        story: The analysed story.
        topic: One of :data:`TOPICS`, or "method" / "own" (always general).
        name: Article id to the shown outlet name.

    Returns:
        The prompt.
    """
    build = _BUILDERS.get(topic)
    text = build(story, name) if build is not None else None
    if text is None:
        return Prompt(topic, content.general_prompts()[topic], False)
    # Quoted article words may name a hidden outlet ("Harbor Gazette reporters...").
    return Prompt(topic, hider(story, name)(text), True)


def story_prompts(story: Story, name: Namer) -> tuple[Prompt, ...]:
    """Every story prompt, in :data:`TOPICS` order (for the worksheet).

    Args:
        story: The analysed story.
        name: Article id to the shown outlet name.
    """
    return tuple(prompt(story, topic, name) for topic in TOPICS)


def page_prompts(story: Story | None, name: Namer) -> dict[str, str]:
    """The prompt for each dashboard page, keyed like the pages' prompt keys.

    Args:
        story: The analysed story, or None when none is loaded (general prompts).
        name: Article id to the shown outlet name.

    Returns:
        Page key ("overview", "article", "compare", "coverage", "method",
        "export", "own") to the prompt text.
    """
    general = content.general_prompts()
    return {
        page: general[page] if topic is None or story is None
        else prompt(story, topic, name).text
        for page, topic in PAGES.items()
    }
