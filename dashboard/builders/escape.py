"""Escaping untrusted text (article text, outlet and file names) for HTML and Markdown."""

from __future__ import annotations

import html

_MD_SPECIAL = "\\`*_{}[]()#+-.!|$:<>~&"


def esc(text: object) -> str:
    """Escape any text for HTML (article text, outlet and file names)."""
    return html.escape(str(text), quote=True)


def md_escape(text: object) -> str:
    """Escape text for ``st.markdown`` so Markdown, LaTeX and directives show literally.

    Streamlit's Markdown reads ``$...$`` as LaTeX and ``:red[x]`` as colour;
    escaping every special character with a backslash shows them as typed.

    Args:
        text: Untrusted text.

    Returns:
        Markdown source that renders as the literal text.
    """
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))
