"""The students' worksheet: one printable HTML file that names outlets by letter only.

Sections, each on its own page: the outlets at a glance (blind cards), three
contrasts with space to answer which version sounds more certain and which
more loaded, the coverage grid with a column to tick who left each fact out,
the quotes and sources of each outlet, and the discussion prompts built from
the story.

Blind means blind: no outlet name, byline, kind, file name, URL or article id
appears anywhere in the file (ids are often file names), and any outlet name
or byline inside the article text itself is replaced by the outlet's letter.
Every piece of article text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.results.article import Article, Story
from analysis.results.comparison import CoverageRow
from dashboard.lesson import findings, printout, prompts
from dashboard.lesson.letters import letters
from dashboard.lesson.text import esc, hider

CONTRASTS = 3
QUOTES_PER_OUTLET = 8
ANSWER_LINES = 3


def _card(article: Article, who: str, hide: Callable[[str], str], scale) -> str:
    headline = hide(article.title) if article.title else "(no headline)"
    readability = article.readability
    note = ""
    if readability is not None and not readability.reliable and readability.reason:
        note = f'<div class="small">No reading grade: {esc(readability.reason)}</div>'
    return (
        f'<div class="card"><div class="who">{esc(who)}</div>'
        f'<div class="headline">{esc(headline)}</div>'
        f'<div class="words">{article.word_count:,} words</div>'
        f"{printout.figure_rows(article, scale)}{note}</div>"
    )


def cards_section(story: Story, names: dict[str, str], hide: Callable[[str], str]) -> str:
    """The outlets at a glance: one card per letter, in letter order."""
    scale = printout.scales(story.articles)
    cards = "".join(_card(story.article(aid), who, hide, scale) for aid, who in names.items())
    return printout.section(
        "The outlets at a glance",
        f'<div class="cards">{cards}</div>',
        "Each outlet is named by a letter only. Bars share one scale per figure, so you can "
        "compare their lengths; the sentiment bar grows left (negative) or right (positive) "
        "from the middle line.",
    )


def _version(who: str, text: str, words: str) -> str:
    return (
        f'<div class="version"><div class="who">{esc(who)}</div>'
        f"<div>{printout.marked(text, words)}</div></div>"
    )


def _said(who: str, words: str) -> str:
    return f"{esc(who)}: “{esc(words)}”" if words else f"{esc(who)}: <i>nothing in its place</i>"


def contrasts_section(story: Story, names: dict[str, str], hide: Callable[[str], str]) -> str:
    """Three moments two outlets tell in different words, with questions and answer lines."""
    picks = findings.lesson_contrasts(story.comparison, CONTRASTS)
    if not picks:
        return printout.section(
            "Same moment, different words",
            "<p>Slant found no moment that two outlets tell in different words in this "
            "story. Pick two versions of one event yourself and compare them.</p>"
            + printout.answer_lines(ANSWER_LINES),
        )
    blocks = []
    for pick in picks:
        c, d = pick.contrast, pick.difference
        a, b = names[c.a.article], names[c.b.article]
        choices = "".join(printout.box(x) for x in (a, b, "no difference"))
        blocks.append(
            f'<div class="keep contrast"><h3>Contrast {pick.number}</h3>'
            + _version(a, hide(c.a.text), hide(d.a)) + _version(b, hide(c.b.text), hide(d.b))
            + f'<p class="differs"><b>Different words:</b> {_said(a, hide(d.a))} · '
            f"{_said(b, hide(d.b))}</p>"
            f'<p class="ask">Which sounds more certain? {choices}</p>'
            f'<p class="ask">Which sounds more loaded? {choices}</p>'
            '<p class="ask">Why? Quote the words that make the difference.</p>'
            + printout.answer_lines(ANSWER_LINES) + "</div>"
        )
    return printout.section(
        "Same moment, different words",
        "".join(blocks),
        "Each pair is the same moment as two outlets wrote it.",
    )


def _mark(row: CoverageRow, aid: str) -> str:
    if aid not in row.articles:
        return ""
    if aid in row.in_headline:
        return "H"
    if aid in row.in_first_paragraph:
        return "1"
    return "●"


def coverage_section(story: Story, names: dict[str, str], hide: Callable[[str], str]) -> str:
    """The coverage grid: one row per fact, a column per letter, and tick boxes."""
    rows = story.comparison.coverage if story.comparison is not None else ()
    if not rows:
        return printout.section(
            "Who reports what",
            "<p>Slant could not line up the facts of this story (it needs at least two "
            "articles).</p>",
        )
    head = "".join(f"<th>{esc(who.removeprefix('Outlet '))}</th>" for who in names.values())
    body = []
    for i, row in enumerate(rows, start=1):
        marks = "".join(f'<td class="mark">{_mark(row, aid)}</td>' for aid in names)
        ticks = "".join(printout.box(who.removeprefix("Outlet ")) for who in names.values())
        body.append(
            f'<tr class="fact"><td>{i}</td><td><b>{esc(hide(row.label))}</b>'
            f'<br><span class="said">{esc(hide(row.text))}</span></td>{marks}'
            f'<td class="ticks">{ticks}</td></tr>'
        )
    table = (
        f"<table><thead><tr><th>#</th><th>Fact</th>{head}"
        "<th>Which outlet left it out? (tick)</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return printout.section(
        "Who reports what",
        table,
        "Columns are the outlets' letters. H: in the headline; 1: in the first paragraph; "
        "●: later in the article; empty: not reported. Tick the outlets that left the fact out.",
    )


def _quotes_of(story: Story, aid: str, who: str, hide: Callable[[str], str]) -> str:
    comparison = story.comparison
    quotes = [q for q in comparison.quotes if q.article == aid] if comparison else []
    sourcing = (
        next((s for s in comparison.sourcing if s.article == aid), None) if comparison else None
    )
    lines = []
    if sourcing is not None:
        lines.append(
            f'<p class="small">{sourcing.quotes} direct quotes ({sourcing.quote_share:.0%} of '
            f"the text) · sentences with a named source: {sourcing.named} · with an unnamed "
            f"source: {sourcing.anonymous} · claims with no source: {sourcing.unsourced}</p>"
        )
    for q in quotes[:QUOTES_PER_OUTLET]:
        credit = " ".join(x for x in (q.speaker, q.verb) if x)
        credit = f" — {esc(hide(credit))}" if credit else " — <i>no speaker named nearby</i>"
        lines.append(f'<p class="quote">{esc(hide(q.text))}{credit}</p>')
    if len(quotes) > QUOTES_PER_OUTLET:
        lines.append(f'<p class="small">…and {len(quotes) - QUOTES_PER_OUTLET} more.</p>')
    if not quotes:
        lines.append('<p class="small">No direct quotes.</p>')
    return f'<div class="keep"><h3>{esc(who)}</h3>{"".join(lines)}</div>'


def quotes_section(story: Story, names: dict[str, str], hide: Callable[[str], str]) -> str:
    """The quotes and sources of each outlet, in letter order."""
    inner = "".join(_quotes_of(story, aid, who, hide) for aid, who in names.items())
    return printout.section(
        "Who is quoted, and how",
        inner,
        "The direct quotes each outlet uses, with who is credited and the verb that "
        "introduces them.",
    )


def prompts_section(story: Story, names: dict[str, str], hide: Callable[[str], str]) -> str:
    """The discussion prompts built from the story, each with answer lines."""
    inner = "".join(
        f'<div class="keep"><div class="prompt">{esc(hide(p.text))}</div>'
        f"{printout.answer_lines(ANSWER_LINES)}</div>"
        for p in prompts.story_prompts(story, names.__getitem__)
    )
    return printout.section("To discuss", inner)


def worksheet_html(story: Story, seed: int | None = None) -> str:
    """The students' worksheet for a story, outlets named by their letters only.

    Args:
        story: The analysed story.
        seed: The letter shuffle seed (the same as the dashboard's and the
            teacher key's; None or 0 keeps file order).

    Returns:
        A complete, self-contained HTML document.
    """
    names = letters([a.id for a in story.articles], seed)
    hide = hider(story, names.__getitem__)
    title = hide(story.story.title)
    heading = (
        f"<h1>{esc(title)}</h1>"
        f'<p class="lede">{len(story.articles)} versions of one story, by outlets named '
        "A, B, C… Read them closely: the figures point to wording worth a look; they do not "
        "judge an outlet.</p>"
        '<div class="meta-line"><span>Name:</span><span>Class:</span><span>Date:</span></div>'
    )
    return printout.document(
        f"{title} — worksheet",
        [
            heading,
            cards_section(story, names, hide),
            contrasts_section(story, names, hide),
            coverage_section(story, names, hide),
            quotes_section(story, names, hide),
            prompts_section(story, names, hide),
        ],
        "Prepared with Slant. Figures come from word lists and formulas.",
    )
