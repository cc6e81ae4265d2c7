"""Extract an article's main text from an HTML page.

trafilatura (maintained, Apache-2.0) finds the main text and drops menus,
scripts, styles and iframes. Two guards come first, because HTML uploads are
untrusted: a page that declares entities (the "billion laughs" expansion) or
nests tags absurdly deep is refused before any parser sees it, so extraction
can never exhaust memory or the recursion limit.
"""

from __future__ import annotations

import re

from analysis import messages

# Real pages nest a few dozen levels; 10,000 is an attack or a broken export.
MAX_DEPTH = 400
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


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
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest >= stop_at:
            break
    return deepest


def extract_text(html: str) -> tuple[str, str | None]:
    """Extract the main text of an HTML page.

    Args:
        html: The decoded page source.

    Returns:
        ``(text, None)`` on success, or ``("", message)`` saying why not.
    """
    if _ENTITY_DECL.search(html) or nesting_depth(html) >= MAX_DEPTH:
        return "", messages.HTML_TOO_DEEP
    try:
        import trafilatura

        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True
        )
    except (RecursionError, ValueError, TypeError, MemoryError):
        text = None
    if not text or not text.strip():
        return "", messages.HTML_NO_TEXT
    return text, None
