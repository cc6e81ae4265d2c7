import html
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.builders.highlight import (
    LAYERS,
    Mark,
    highlight_article,
    legend,
    marks_for_article,
    render,
    sentence_note,
)

TAG = re.compile(r"<[^>]*>")


def plain(rendered: str) -> str:
    """What a reader sees: tags removed, entities decoded."""
    return html.unescape(TAG.sub("", rendered))


class _Nesting(HTMLParser):
    """Records tags and checks they close in the order they opened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.tags = []
        self.attrs = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def parse(rendered: str) -> _Nesting:
    parser = _Nesting()
    parser.feed(rendered)
    parser.close()
    return parser


HOSTILE = (
    "<script>alert(1)</script> and <img src=x onerror=alert(2)> then </mark></div> "
    "&amp; $5 and $10 **bold** :red[x] [x](javascript:alert(3))"
)


def test_highlight_hostile_text_is_inert():
    marks = [Mark(0, 8, "loaded"), Mark(30, 60, "hedges"), Mark(0, len(HOSTILE), "sentiment")]
    out = render(HOSTILE, marks)
    parser = parse(out)
    assert set(parser.tags) <= {"div", "mark", "span"}
    assert not any(name.startswith("on") for name, _ in parser.attrs)
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert plain(out) == HOSTILE


def test_highlight_attributes_are_escaped():
    evil = '" onmouseover="alert(1)" x="<b>'
    out = render("word", [Mark(0, 4, "loaded", category=evil, neutral=evil, rule=evil)])
    parser = parse(out)
    assert not any(name.startswith("on") for name, _ in parser.attrs)
    assert ("data-neutral", evil) in parser.attrs  # the value survives, as data
    assert plain(out) == "word"


@pytest.mark.parametrize(
    ("text", "marks", "expected_tags"),
    [
        ("may be", [Mark(0, 3, "hedges")], ["div", "mark"]),
        ("abc", [], ["div"]),
        ("abc", [Mark(2, 1, "hedges"), Mark(5, 9, "loaded")], ["div"]),  # empty / out of range
        # A loaded word inside a quote inside a sentence: three nested levels.
        ('He said "awful".', [Mark(0, 16, "sentiment"), Mark(8, 15, "quotes"),
                              Mark(9, 14, "loaded")], ["div", "span", "span", "mark"]),
    ],
)
def test_highlight_nesting(text, marks, expected_tags):
    out = render(text, marks)
    parser = parse(out)
    assert parser.ok and not parser.stack
    assert parser.tags == expected_tags
    assert plain(out) == text


def test_highlight_crossing_spans_stay_well_nested():
    text = "one two three four"
    out = render(text, [Mark(0, 7, "hedges"), Mark(4, 13, "loaded")])
    parser = parse(out)
    assert parser.ok and not parser.stack
    assert plain(out) == text
    # "two" is covered by both: the later mark nests in the first and is
    # reopened after it, where the two cross.
    assert re.search(r'hl-hedges"[^>]*>one <mark class="hl hl-loaded"[^>]*>two</mark></mark>'
                     r'<mark class="hl hl-loaded"[^>]*> three</mark>', out)
    assert out.count("hl-loaded") == 2 and out.count("hl-hedges") == 1


def test_highlight_sentiment_shading_uses_score_only():
    out = render("Good. Bad.", [Mark(0, 5, "sentiment", score=0.8), Mark(6, 10, "sentiment",
                                                                          score=-0.5)])
    assert "hl-pos" in out and "hl-neg" in out
    assert "rgba(47, 158, 68, 0.336)" in out  # 0.08 + 0.32 * 0.8


def test_highlight_detail_names_category_neutral_and_rule():
    mark = Mark(0, 7, "loaded", category="attribution", neutral="said", rule="lexicon: slam")
    assert mark.detail == "attribution; neutral alternative: said; rule: lexicon: slam"


def test_highlight_legend_has_no_unknown_layers():
    out = legend(["hedges", "nonsense", "sentiment"])
    assert "Hedges" in out and "positive" in out and "nonsense" not in out


def _word(text, start, contribution):
    return SimpleNamespace(text=text, start=start, end=start + len(text),
                           contribution=contribution)


def test_highlight_sentence_note_orders_by_share():
    sentence = SimpleNamespace(
        explanation=(_word("peace", 0, 0.45), _word("harshly", 6, -0.6), _word("ok", 9, 0.1)),
        error=None,
    )
    assert sentence_note(sentence, limit=2) == "moved by harshly -0.60, peace +0.45 and 1 more"
    assert sentence_note(SimpleNamespace(explanation=(), error=None)).startswith("no word")


def _article():
    # A real article from the real analysers (tests/builders.py), checked by hand:
    # "Critics" is a weasel, "slammed" loaded, "may" a hedge inside the quote,
    # "were made" a passive that names no doer.
    from builders import article

    return article("t", 'Critics slammed it. "It may fail," he said. Mistakes were made.')


def test_highlight_marks_for_article_layers():
    article = _article()
    marks = marks_for_article(article, LAYERS)
    by_layer = {m.layer: m for m in marks}
    assert set(by_layer) == {"sentiment", "quotes", "loaded", "hedges", "weasels", "passive"}
    assert [(m.start, m.end) for m in marks if m.layer == "sentiment"] == [
        (0, 19), (20, 43), (44, 63)]
    assert (by_layer["loaded"].start, by_layer["loaded"].end) == (8, 15)
    assert by_layer["loaded"].neutral == "criticize"
    assert by_layer["weasels"].rule == "lexicon: critics"
    assert "speaker" in by_layer["hedges"].note
    assert article.text[by_layer["passive"].start : by_layer["passive"].end] == "were made"
    assert [m.layer for m in marks_for_article(article, ["hedges"])] == ["hedges"]
    for m in marks:
        assert 0 <= m.start < m.end <= len(article.text)
    assert plain(highlight_article(article)) == article.text


def test_highlight_emphatic_verbs_have_a_layer_of_their_own():
    from builders import article

    a = article("e", "Hegseth emphasized the alliance. Mr. Hegseth spoke harshly of it.")
    layers = {a.text[m.start : m.end]: m.layer for m in marks_for_article(a, ["loaded"])}
    assert layers == {"emphasized": "emphatic", "spoke harshly": "loaded"}


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
    | st.sampled_from([HOSTILE, "a\r\nb\rc", "مرحبا بالعالم", "e\u0301 👩‍👩‍👧"]),
    spans=st.lists(
        st.tuples(st.integers(-5, 210), st.integers(-5, 210), st.sampled_from(LAYERS + ("x",)),
                  st.text(max_size=10), st.floats(-1, 1)),
        max_size=12,
    ),
)
def test_highlight_property_strip_tags_gives_source(text, spans):
    marks = [Mark(a, b, layer, category=c, neutral=c, rule=c, score=s)
             for a, b, layer, c, s in spans]
    out = render(text, marks)
    assert plain(out) == text
    assert "<script" not in out.lower()
