"""Extract an article's main text from an HTML page.

trafilatura (maintained, Apache-2.0) finds the main text and drops menus,
scripts, styles and iframes. HTML uploads are untrusted, so three guards
surround it:

- A page that declares entities (the "billion laughs" expansion) is refused
  before any parser sees it: no real article page declares its own entities.
- A page nested absurdly deep (an attack or a broken export) never reaches
  lxml or trafilatura, whose tree walks can exhaust the recursion limit; its
  text is taken by :func:`plain_text`, a linear tag stripper with no tree.
- When trafilatura finds no main text (short pages, unusual layouts) or fails,
  :func:`plain_text` is tried too, and the user is told menus may remain.

Every scan here is linear in the size of the page: no regex can backtrack over
more than the distance to the next ``<``.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from analysis import messages

# Real pages nest a few dozen levels; hundreds is an attack or a broken export.
MAX_DEPTH = 400
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
# ``[^<>]*`` stops at the next angle bracket, so a page of unclosed "<a" tags
# costs one short scan per tag instead of a scan to the end of the page each.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Elements whose end tag HTML lets authors omit: counting them would make an
# old page full of bare <p> and <li> look deeply nested.
_OPTIONAL_END = frozenset(
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rp rt rtc "
    "caption html head body".split()
)
# Elements whose content is never article text.
_SKIP = frozenset("script style iframe noscript template svg math object canvas".split())
# Elements that end a line of text.
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer "
    "blockquote pre hr dt dd figure figcaption main nav aside address title".split()
)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


@dataclass(frozen=True)
class Extracted:
    """The outcome of reading one HTML page.

    Args:
        text: The extracted text ("" when nothing could be extracted).
        problem: Why nothing was extracted (from :mod:`analysis.messages`), or None.
        warning: A note for the user when the text came from the simple tag
            stripper rather than trafilatura, or None.
    """

    text: str
    problem: str | None = None
    warning: str | None = None


def nesting_depth(html: str, stop_at: int = MAX_DEPTH) -> int:
    """Estimate the tag nesting depth of ``html`` in one linear pass.

    Args:
        html: The page source.
        stop_at: Return as soon as this depth is reached.

    Returns:
        The deepest nesting seen (capped at ``stop_at``).
    """
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or name in _OPTIONAL_END or rest.rstrip().endswith("/"):
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest >= stop_at:
            break
    return deepest


def strip_elements(html: str, names: frozenset[str] = _SKIP) -> str:
    """Remove the elements ``names`` (script, style, iframe...) with their content.

    Done before trafilatura sees a page, because some of them (an iframe's
    fallback text) would otherwise be extracted as article text. Linear: each
    element costs one search for its end tag from where it opens.

    Args:
        html: The page source.
        names: Lower-case element names to drop.

    Returns:
        The page without those elements; an unclosed one drops the rest.
    """
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(html):
        if m.start() < pos:
            continue
        name = m.group(2).lower()
        if m.group(1) or name not in names or m.group(3).rstrip().endswith("/"):
            continue
        out.append(html[pos : m.start()])
        close = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(html, m.end())
        pos = len(html) if close is None else close.end()
    out.append(html[pos:])
    return "".join(out)


def plain_text(html: str) -> str:
    """Strip tags from ``html`` without building a tree, in linear time.

    Script, style, iframe and similar elements are dropped with their content;
    block elements end a line; character references are decoded once (so
    ``&amp;lt;`` stays the literal text ``&lt;``).

    Args:
        html: The page source.

    Returns:
        The visible text, one block per line, blank lines removed.
    """
    out: list[str] = []
    pos, size = 0, len(html)
    while pos < size:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = size if end < 0 else end + 3
            continue
        if html.startswith(("<!", "<?"), lt):
            end = html.find(">", lt)
            pos = size if end < 0 else end + 1
            continue
        m = _TAG.match(html, lt)
        if m is None:  # a stray "<" is text
            out.append("<")
            pos = lt + 1
            continue
        closing, name = m.group(1), m.group(2).lower()
        pos = m.end()
        if name in _BLOCK:
            out.append("\n")
        if not closing and name in _SKIP and not m.group(3).rstrip().endswith("/"):
            close = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(html, pos)
            pos = size if close is None else close.end()
            out.append("\n")
    text = html_lib.unescape("".join(out))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def extract(html: str) -> Extracted:
    """Extract the main text of an HTML page, saying how it went.

    Args:
        html: The decoded page source.

    Returns:
        The text, or the problem that stopped extraction, and any warning.
    """
    if _ENTITY_DECL.search(html):
        return Extracted("", messages.HTML_ENTITIES)
    if nesting_depth(html) >= MAX_DEPTH:
        text = plain_text(html)
        if not text.strip():
            return Extracted("", messages.HTML_NO_TEXT)
        return Extracted(text, warning=messages.HTML_TOO_DEEP)
    text = None
    try:
        import trafilatura

        text = trafilatura.extract(
            strip_elements(html), include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception:  # noqa: BLE001 - a third-party parser on untrusted input
        text = None
    if text and text.strip():
        return Extracted(text)
    text = plain_text(html)
    if not text.strip():
        return Extracted("", messages.HTML_NO_TEXT)
    return Extracted(text, warning=messages.HTML_FALLBACK)
