"""The teacher key: which letter is which outlet, and the answers Slant gives.

A separate printable HTML file (never give it to students): the letter to
outlet mapping with the shuffle seed that made it, Slant's answers for the
worksheet's contrasts (which side its word lists find more loaded and more
certain, with the lexicon's category and neutral alternative), the facts only
one outlet reports, what each card figure means and its known limits, and how
well each detector agrees with human judgements. Offline, script-free,
every piece of article text escaped.
"""

from __future__ import annotations

from analysis.results import figures
from analysis.results.article import Story
from dashboard.lesson import content, findings, printout, prompts
from dashboard.lesson.letters import letters
from dashboard.lesson.limits import limitations
from dashboard.lesson.text import esc
from dashboard.lesson.worksheet import CONTRASTS

AGREEMENT_ROWS = (
    *(f.name for f in figures.CARD_FIGURES),
    "aligned", "contrasts", "coverage", "reuse",
)


def mapping_section(story: Story, names: dict[str, str], seed: int | None) -> str:
    """Letter to outlet, with kind, byline and file, and how the letters were drawn."""
    rows = "".join(
        f'<tr><td class="nowrap"><b>{esc(who)}</b></td><td>{esc(a.outlet or "—")}</td>'
        f"<td>{esc(a.kind or '—')}</td><td>{esc(a.byline or '—')}</td>"
        f"<td>{esc(a.source.file)}</td></tr>"
        for who, a in ((who, story.article(aid)) for aid, who in names.items())
    )
    how = (
        f"Letters shuffled with seed {seed}: the same seed in the dashboard gives the same "
        "letters." if seed else "Letters follow the order of the files (not shuffled)."
    )
    return printout.section(
        "Which letter is which outlet",
        "<table><thead><tr><th>Letter</th><th>Outlet</th><th>Kind</th><th>Byline</th>"
        f"<th>File</th></tr></thead><tbody>{rows}</tbody></table><p>{esc(how)}</p>",
        "Keep this key away from the class until the reveal.",
    )


def _side(who: str, side: findings.SideFacts) -> str:
    if not side.words:
        words = "nothing in its place"
    else:
        words = f"“{esc(side.words)}”"
        if side.category:
            words += f" — in Slant's loaded list ({esc(side.category)})"
            if side.neutral:
                words += f"; neutral alternative: {esc(side.neutral)}"
        else:
            words += " — not in Slant's loaded list"
    return f"<li>{esc(who)}: {words}</li>"


def _listed(matches) -> str:
    return ", ".join(f"“{esc(m.text)}”" for m in matches) or "none"


KIND_WORDS = {
    "attribution": "a different verb of saying",
    findings.QUOTE_KIND: "the same statement quoted in different words",
    "loaded": "a word from Slant's loaded list against other wording",
    findings.PLAIN_KIND: "plain rewording",
}
"""A difference's kind, as the key explains it."""


def _answer(names: dict[str, str], what: str, winner: str | None, counts: str) -> str:
    if winner is None:
        return f"<li><b>More {what}:</b> no difference by Slant's count ({esc(counts)}).</li>"
    return f"<li><b>More {what}:</b> {esc(names[winner])} ({esc(counts)}).</li>"


def answers_section(story: Story, names: dict[str, str]) -> str:
    """Slant's answers to the worksheet's contrasts, numbered as on the worksheet."""
    picks = findings.lesson_contrasts(story.comparison, CONTRASTS)
    if not picks:
        return printout.section(
            "Slant's answers", "<p>The worksheet has no contrasts for this story.</p>"
        )
    blocks = []
    for pick in picks:
        v = findings.verdict(story, pick)
        a, b = names[v.a.article], names[v.b.article]
        loaded = f"loaded words: {a} {len(v.a.loaded)}, {b} {len(v.b.loaded)}"
        certain = f"boosters minus hedges: {a} {v.a.certainty:+d}, {b} {v.b.certainty:+d}"
        evidence = "".join(
            f"<li>{esc(who)}'s sentence: loaded words {_listed(s.loaded)}; hedges "
            f"{_listed(s.hedges)}; boosters {_listed(s.boosters)}.</li>"
            for who, s in ((a, v.a), (b, v.b))
        )
        blocks.append(
            f'<div class="answer-key keep"><h3>Contrast {pick.number}: {esc(a)} and '
            f"{esc(b)}</h3><p>The difference: "
            f"{esc(KIND_WORDS.get(pick.difference.kind, pick.difference.kind))}.</p>"
            f"<ul>{_side(a, v.a)}{_side(b, v.b)}</ul>"
            f"<ul>{_answer(names, 'loaded', v.more_loaded, loaded)}"
            f"{_answer(names, 'certain', v.more_certain, certain)}{evidence}</ul></div>"
        )
    only = findings.only_one_rows(story.comparison)
    counts = {aid: sum(1 for r in only if r.articles[0] == aid) for aid in names}
    only_line = " · ".join(f"{esc(who)}: {counts[aid]}" for aid, who in names.items())
    return printout.section(
        "Slant's answers",
        "".join(blocks) + f"<h3>Facts only one outlet reports</h3><p>{only_line}</p>"
        "<h3>The prompts, with names</h3><ul>"
        + "".join(f"<li>{esc(p.text)}</li>" for p in prompts.story_prompts(
            story, lambda aid: f"{names[aid]} ({story.article(aid).outlet or aid})"))
        + "</ul>",
        "More loaded: the sentence with more words from Slant's loaded list (outside quotes). "
        "More certain: boosters minus hedges, weasel words and anonymous sources. These are "
        "word counts, not verdicts: a good discussion can disagree with them.",
    )


def figures_section(story: Story, names: dict[str, str]) -> str:
    """Each card figure: what it means, its value per letter, and its analyser's known limits."""
    head = "".join(f"<th>{esc(who)}</th>" for who in names.values())
    rows = "".join(
        f"<tr><td><b>{esc(fig.label)}</b>{printout.unit_html(fig)}</td>"
        + "".join(
            f"<td>{esc(figures.formatted(story.article(aid), fig))}</td>"
            for aid in names
        ) + "</tr>"
        for fig in figures.CARD_FIGURES
    )
    meanings = []
    for fig in figures.CARD_FIGURES:
        limits = limitations(fig)
        said = content.explanation("figure", fig.name)["cannot_tell"]
        listed = "".join(f"<li>{esc(x)}</li>" for x in limits)
        meanings.append(
            f'<div class="keep"><h3>{esc(fig.label)}</h3><p>{esc(fig.help)}</p>'
            f"<p><b>What it cannot tell:</b> {esc(said)}</p>"
            + (f'<p class="small"><b>Known limits</b></p><ul class="small">{listed}</ul>'
               if limits else "")
            + "</div>"
        )
    return printout.section(
        "What the figures mean",
        f"<table><thead><tr><th>Figure</th>{head}</tr></thead><tbody>{rows}</tbody></table>"
        + "".join(meanings),
    )


def agreement_section() -> str:
    """How well each detector agrees with people, from ``content/agreement.toml``."""
    rows = []
    for key in AGREEMENT_ROWS:
        title = content.explanation(
            "figure" if key in {f.name for f in figures.CARD_FIGURES} else "comparison", key
        )["title"]
        rows.append(f"<tr><td><b>{esc(title)}</b></td><td>{esc(content.agreement_words(key))}</td></tr>")
    return printout.section(
        "How well Slant agrees with people",
        "<table><thead><tr><th>Figure</th><th>Agreement with human judgements</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>",
        "Measured on sentences that people labelled by hand, never on the story in class.",
    )


def teacher_key_html(story: Story, seed: int | None = None) -> str:
    """The teacher key for a story and a letter shuffle.

    Args:
        story: The analysed story.
        seed: The letter shuffle seed used for the worksheet and the dashboard
            (None or 0: file order).

    Returns:
        A complete, self-contained HTML document.
    """
    names = letters([a.id for a in story.articles], seed)
    title = story.story.title
    return printout.document(
        f"{title} — teacher key",
        [
            f"<h1>Teacher key: {esc(title)}</h1>",
            mapping_section(story, names, seed),
            answers_section(story, names),
            figures_section(story, names),
            agreement_section(),
        ],
        "Prepared with Slant. Figures come from word lists and formulas; they point to "
        "wording worth reading closely and do not judge an outlet.",
    )
