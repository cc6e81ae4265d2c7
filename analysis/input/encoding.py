r"""Decode the bytes of an uploaded or on-disk file, and say how.

Articles arrive from web pages, word processors and old archives, so the
encoding is detected rather than assumed. Detection is deterministic and
explainable, which a general statistical detector is not:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32).
2. Known binary signatures (PNG, GIF, JPEG, PDF, ZIP/Office) and NUL bytes mean
   "not a text file", except for BOM-less UTF-16, recognised by its pattern of
   NULs in every other byte.
3. Strict UTF-8.
4. Otherwise cp1252 (a superset of Latin-1's printable range). If the file also
   holds valid multi-byte UTF-8, it is a mix: each stray byte is read as cp1252
   and the count is reported, so the user knows the file was repaired.

Newlines are normalised to ``\n`` and control characters dropped
(:func:`normalise_text`), whatever the encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from analysis import messages

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
)

# A valid UTF-8 multi-byte sequence: its presence beside invalid bytes marks a
# file that mixes encodings (typically text pasted from two sources).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class NotText(ValueError):
    """Raised when the bytes are not a text file."""


@dataclass(frozen=True)
class Decoded:
    r"""Decoded text and how it was read.

    Args:
        text: The text, with newlines normalised to ``\n``.
        encoding: The encoding used ("utf-8", "utf-16", "cp1252", ...).
        replaced: How many bytes could not be read in that encoding and were
            repaired; non-zero means the file mixed encodings.
    """

    text: str
    encoding: str
    replaced: int = 0


def decode(data: bytes) -> Decoded:
    """Decode ``data`` following the rules in the module docstring.

    Args:
        data: The raw bytes of a file.

    Returns:
        The decoded text and the detected encoding.

    Raises:
        NotText: If the bytes are an image, a PDF, an archive or other binary.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            return Decoded(normalise_text(text), _label(name), text.count("\ufffd"))
    what = binary_signature(data)
    if what is not None:
        raise NotText(messages.NOT_TEXT_SIGNATURE.format(what=what))
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise NotText(messages.NOT_TEXT_NUL)
        return utf16
    try:
        return Decoded(normalise_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        text, stray = decode_mixed(data)
        return Decoded(normalise_text(text), "utf-8 (mixed with cp1252)", stray)
    return Decoded(normalise_text(_cp1252(data)), "cp1252")


def binary_signature(data: bytes) -> str | None:
    """What binary format ``data`` starts like ("a PNG image"), or None."""
    return next((what for sig, what in _BINARY_SIGNATURES if data.startswith(sig)), None)


def decode_mixed(data: bytes) -> tuple[str, int]:
    """Decode UTF-8 with stray bytes, reading each stray byte as cp1252.

    Args:
        data: Bytes that are mostly UTF-8.

    Returns:
        The text and how many bytes were not valid UTF-8.
    """
    # surrogateescape keeps each undecodable byte as U+DC80..U+DCFF, so it
    # can be read again as cp1252 and counted.
    raw = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(raw))
    return _ESCAPED.sub(lambda m: _cp1252(bytes([ord(m.group()) - 0xDC00])), raw), stray


def decode_cp1252(data: bytes) -> str:
    """Decode cp1252, reading its five undefined bytes as Latin-1 (then dropped)."""
    return _cp1252(data)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    r"""Make ``text`` valid Unicode: each lone surrogate becomes U+FFFD.

    Python strings can hold lone surrogates (JSON's ``"\udfff"`` makes one)
    that no encoder accepts, so one of them would crash every writer.

    Args:
        text: Any string.

    Returns:
        The repaired text and how many characters were replaced.
    """
    if _SURROGATE.search(text) is None:  # the common case: one scan, no copy
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


_ESCAPED = re.compile("[\udc80-\udcff]")
# cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); Latin-1
# reads them as C1 controls, which normalise_text then drops. A codec error
# handler keeps the decoding in C instead of a per-byte Python loop.


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("latin-1"), error.end


codecs.register_error("slant-latin1", _latin1_fallback)


def _cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="slant-latin1")


def _bomless_utf16(data: bytes) -> Decoded | None:
    if len(data) < 4 or len(data) % 2:
        return None  # UTF-16 is whole 2-byte units; a stray NUL or two is binary
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd / half > 0.3 and even / half < 0.05:
        name = "utf-16-le"
    elif even / half > 0.3 and odd / half < 0.05:
        name = "utf-16-be"
    else:
        return None
    text = data.decode(name, errors="replace")
    return Decoded(normalise_text(text), "utf-16", text.count("\ufffd"))


def _label(name: str) -> str:
    if name == "utf-8-sig":
        return "utf-8 (with BOM)"
    return f"{name} (with BOM)"


# C0 controls other than tab and newline, DEL, and C1 controls: never article
# text, and some (ESC) could drive a terminal that prints the text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    r"""Normalise newlines to ``\n``, drop control characters, replace lone surrogates.

    Applied to every decoded file and every table row, so the analysers and
    every view see one kind of line break and no terminal control codes.

    Args:
        text: Decoded text.

    Returns:
        The text with ``\r\n`` and lone ``\r`` turned into ``\n`` and
        control characters (other than tab and newline) removed.
    """
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return replace_surrogates(text)[0]

