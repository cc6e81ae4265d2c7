"""Tests for analysis.results.doc: the Doc's own queries."""

import random

from analysis.results.doc import Doc, Span


def _doc(quotes):
    return Doc(id="d", text="x" * 80, quotes=tuple(Span(a, b, "x" * (b - a)) for a, b in quotes))


def test_doc_in_quote_by_hand():
    # Quotes [10, 20) and [5, 40) nest; [50, 60) stands alone.
    doc = _doc([(10, 20), (5, 40), (50, 60)])
    assert doc.in_quote(12, 18)
    assert doc.in_quote(5, 40)          # the whole outer quote
    assert doc.in_quote(22, 39)         # inside the outer one only
    assert not doc.in_quote(38, 41)     # runs past the outer quote's end
    assert not doc.in_quote(4, 8)       # starts before any quote
    assert doc.in_quote(50, 60)
    assert not doc.in_quote(45, 52)     # between quotes
    assert not _doc([]).in_quote(0, 1)


def test_doc_in_quote_agrees_with_a_scan_of_every_quote():
    rng = random.Random(7)
    for _ in range(500):
        starts = [rng.randint(0, 60) for _ in range(rng.randint(0, 5))]
        spans = [(a, a + rng.randint(1, 15)) for a in starts]
        doc = _doc(spans)
        for _ in range(20):
            start = rng.randint(0, 75)
            end = start + rng.randint(0, 8)
            assert doc.in_quote(start, end) == any(a <= start and end <= b for a, b in spans)
