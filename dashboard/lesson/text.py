"""Escaping for HTML and Markdown, and hiding outlet names inside article text.

Everything the lesson prints that comes from an article (headlines, sentences,
quotes, fact labels) is untrusted: it is escaped for the medium it goes to,
and on the students' side any real outlet name or byline inside it is
replaced by the outlet's letter, because an article that names its own
outlet ("KRVT 7 News asked...") would give the blind letters away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from analysis.results.article import Story

# The lesson escapes text exactly as the pages do: one pair of escapers.
from dashboard.builders.escape import esc as esc
from dashboard.builders.escape import md_escape as md_escape

_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")
_MIN_NAME = 4
"""Shorter names are not hidden inside text: they would hit ordinary words."""

Namer = Callable[[str], str]
"""Article id to the name shown for its outlet ("Outlet A" or the real name)."""




def real_names(story: Story) -> dict[str, tuple[str, ...]]:
    """For each article id, the names that identify its outlet inside text.

    The outlet name, the same without a trailing remark in brackets ("The New
    York Times (republished copy)" also hides "The New York Times") or a
    leading "The", and the byline.

    Args:
        story: The analysed story.

    Returns:
        Article id to names, longest first.
    """
    out: dict[str, tuple[str, ...]] = {}
    for article in story.articles:
        names = {article.outlet, article.byline}
        core = _SUFFIX.sub("", article.outlet)
        names |= {core, core.removeprefix("The ")}
        out[article.id] = tuple(
            sorted((n.strip() for n in names if len(n.strip()) >= _MIN_NAME), key=len, reverse=True)
        )
    return out


def hider(story: Story, name: Namer) -> Callable[[str], str]:
    """A function that replaces real outlet names and bylines in text by shown names.

    Only the articles whose outlet is hidden count: when an article is shown
    under its own outlet name (normal mode), its names stay as written.

    Args:
        story: The analysed story.
        name: Article id to the shown name (the blind letter on a worksheet).

    Returns:
        ``hide(text)``: the text with every hidden real name (case-insensitive,
        whole words) replaced by the shown name of its article.
    """
    pairs: Mapping[str, str] = {
        n.lower(): name(aid)
        for aid, names in real_names(story).items()
        if not (story.article(aid).outlet and story.article(aid).outlet in name(aid))
        for n in names
    }
    if not pairs:
        return str
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(pairs, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    return lambda text: pattern.sub(lambda m: pairs[m.group().lower()], text)
