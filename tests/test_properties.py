"""Property tests over arbitrary Unicode (issue 7, "Properties and fuzzing").

Texts mix news words and punctuation with combining marks, right-to-left
scripts, emoji (with joiners and flags), ``\\r\\n``, lone ``\\r``, Unicode line
separators and random characters. For every one:

- analysis never raises;
- every span (paragraphs, sentences, quotes, hedging and loaded matches,
  sentiment sentences and explanation words, passive verbs, comparison
  members, sides, quotes and leads) lies within its text and
  ``text[start:end]`` equals its ``text`` field;
- the JSON output is strict JSON and round-trips through
  :func:`analysis.outputs.serialize.from_dict` to an equal story;
- the highlighted HTML, tags stripped and entities unescaped, is the text.

``max_examples`` is kept moderate so the file runs in well under 30 s.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from analysis.input.loading import LoadedStory, RawArticle, read_upload
from analysis.outputs.export import story_json
from analysis.outputs.serialize import from_dict
from analysis.pipeline import analyse_story, make_doc
from analysis.registry import ANALYSERS
from analysis.results.article import Article, FileError, Headline, Story, StoryInfo
from dashboard.builders.highlight import highlight_article

PIECES = (
    "The",
    "minister",
    "said",
    "Mr.",
    "U.S.",
    "Gen.",
    "$5.2 billion",
    "2%",
    "allegedly",
    "reportedly",
    "clearly",
    "regime",
    "slammed",
    "no",
    "may",
    "according to",
    "sources",
    "was",
    "killed",
    "by",
    "not",
    "kind of",
    "at least",
    " ",
    " ",
    " ",
    ". ",
    ".",
    "!",
    "?",
    "...",
    "…",
    ",",
    ";",
    ":",
    "—",
    "-",
    "(",
    ")",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "\u0301",
    "n\u0303",
    "שלום",
    "מחבל",
    "مرحبا",
    "\u202e",
    "\u200f",
    "😀",
    "🔥",
    "👩\u200d👩\u200d👧",
    "🇯🇵",
    "👍🏽",
    ":)",
    "&amp;",
    "<b>",
    "</mark>",
    "**",
    "İ",
    "ß",
    "ǅ",
    "ﬁ",
    "Ⅻ",
    "١٢٣",
    "𝔘𝔫𝔦",
    "A",
    "B",
    "Plan A\u00a0.",
)

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), min_size=0, max_size=40
).map("".join)

# SLANT_HYPOTHESIS_EXAMPLES=2000 for a deeper run by hand.
SETTINGS = settings(
    max_examples=int(os.environ.get("SLANT_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _check_spans(obj, text: str, where: str = "article") -> int:
    """Check every (start, end[, text]) dataclass under ``obj`` against ``text``.

    Returns:
        How many spans were checked (so a test can tell it checked something).
    """
    checked = 0
    if isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            checked += _check_spans(item, text, f"{where}[{i}]")
        return checked
    if not dataclasses.is_dataclass(obj):
        return 0
    if isinstance(obj, Headline):
        # A headline's spans index into its own text, not the body's.
        return sum(
            _check_spans(getattr(obj, name), obj.doc.text, f"{where}.{name}")
            for name in ("doc", "sentiment", "hedging", "loaded")
        )
    names = {f.name for f in dataclasses.fields(obj)}
    if {"start", "end"} <= names and isinstance(obj.start, int):
        assert 0 <= obj.start <= obj.end <= len(text), (where, obj)
        if "text" in names and isinstance(obj.text, str):
            assert text[obj.start : obj.end] == obj.text, (where, obj)
        checked += 1
    for name in names - {"text"}:
        checked += _check_spans(getattr(obj, name), text, f"{where}.{name}")
    return checked


def _check_article(article: Article) -> None:
    text = article.text
    _check_spans(article, text)
    # Sentences and paragraphs are ordered and do not overlap.
    for spans in (article.sentences, article.paragraphs):
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
    if article.sentiment is not None:
        assert len(article.sentiment.sentences) == len(article.sentences)


def _check_comparison(story: Story) -> None:
    if story.comparison is None:
        return
    texts_by_id = {a.id: a.text for a in story.articles}
    headlines = {a.id: a.title for a in story.articles}
    c = story.comparison
    for group in c.groups:
        for m in group.members:
            t = texts_by_id[m.article]
            assert 0 <= m.start <= m.end <= len(t)
            assert t[m.start : m.end] == m.text
    for contrast in c.contrasts:
        for side in (contrast.a, contrast.b):
            t = texts_by_id[side.article]
            assert 0 <= side.start <= side.end <= len(t)
            if side.end:
                assert t[side.start : side.end] == side.text
    for q in c.quotes:
        t = texts_by_id[q.article]
        assert t[q.start : q.end] == q.text
        assert q.verb_start == -1 or 0 <= q.verb_start <= q.verb_end <= len(t)
    for lead in c.leads:
        t = texts_by_id[lead.article]
        assert t[lead.lead_start : lead.lead_end] == lead.lead
        for hit in lead.loaded:
            assert t[hit.start : hit.end] == hit.text
        for hit in lead.headline_loaded:
            assert headlines[lead.article][hit.start : hit.end] == hit.text
    for reuse in c.reuse:
        for p in reuse.shared:
            assert 0 <= p.a_start <= p.a_end <= len(texts_by_id[reuse.a])
            assert 0 <= p.b_start <= p.b_end <= len(texts_by_id[reuse.b])


@SETTINGS
@given(texts)
# Known hard cases, always tried: a no-break space before a full stop once
# crashed sentencex; lone carriage returns and a quote left open.
@example("The committee chose Plan A\u00a0. Officials said the vote was close.")
@example("He said \u201cno.\rShe left\r\n\u2028\u0301")
def test_properties_doc_and_analysers_on_raw_text(text):
    # Straight to the analysers, bypassing loading and cleaning: even text the
    # loader would never produce (lone \r, U+2028) must not break them.
    doc = make_doc(text)
    _check_spans((doc.paragraphs, doc.sentences, doc.quotes), text, "doc")
    for analyser in ANALYSERS:
        _check_spans(analyser(doc), text, analyser.name)


@SETTINGS
@given(texts, texts)
def test_properties_story_spans_json_and_highlight(first, second):
    raws = (
        RawArticle("one", "one.txt", first),
        RawArticle("two", "two.txt", second + "\nShe said no."),
    )
    story = analyse_story(LoadedStory(StoryInfo("Story"), raws, ()), compare=True)
    assert len(story.articles) + len(story.errors) == 2
    for article in story.articles:
        _check_article(article)
        out = highlight_article(article)
        assert html.unescape(re.sub(r"<[^>]*>", "", out)) == article.text
    _check_comparison(story)

    def _no_constants(name: str):
        raise AssertionError(f"non-JSON constant {name}")

    data = json.loads(story_json(story), parse_constant=_no_constants)
    assert set(data) == {"story", "articles", "comparison", "errors"}
    assert from_dict(Story, data) == story


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "b.md", "c.html", "d.csv", "e.jsonl"]))
def test_properties_loader_never_raises(data, name):
    articles, errors = read_upload(name, data)
    for article in articles:
        assert "\r" not in article.text
        assert article.text.strip()
    for error in errors:
        assert isinstance(error, FileError)
        assert error.message


@SETTINGS
@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_properties_text_files_decode_exactly(text, encoding):
    # Whatever the encoding, a text file reads back as its text, with only
    # newlines normalised and control characters dropped.
    from analysis.input.encoding import normalise_text
    from analysis.input.loading import is_blank

    # A NUL byte marks a binary file by design (issue 7, item 3): refused, not decoded.
    assume("\x00" not in text)
    articles, errors = read_upload("a.txt", text.encode(encoding))
    # A leading U+FEFF in UTF-8 is indistinguishable from a byte-order mark.
    expected = normalise_text(text.removeprefix("\ufeff") if encoding == "utf-8" else text)
    if is_blank(expected):
        assert articles == [] and len(errors) == 1
        return
    (article,) = articles
    assert article.text == expected


# --- Bounded pieces change nothing on ordinary text; rows are valid Unicode ---

SENTENCES = (
    "Ms. Pelosi said no.",
    "It starts at 5 p.m. Eastern time.",
    '"We will win," he said.',
    "The U.S. Army left on Monday.",
    "Prices rose 2.5% to $5.2 million.",
    "Sen. Schumer, D-N.Y., agreed.",
    "Why did it fail?",
    "“America first does not mean America alone,” he said.",
)


@settings(SETTINGS, max_examples=15)
@given(st.lists(st.sampled_from(SENTENCES), min_size=110, max_size=160))
def test_properties_long_paragraph_splits_as_its_sentences(chosen):
    from analysis.text.segment import PIECE_CHARS, sentences

    text = " ".join(chosen)
    assume(len(text) > 2 * PIECE_CHARS)
    spans = sentences(text)
    assert [s.text for s in spans] == chosen
    assert all(text[s.start : s.end] == s.text for s in spans)


@SETTINGS
@given(st.text(alphabet=st.characters(codec=None), min_size=1, max_size=80))
def test_properties_jsonl_row_text_is_valid_unicode(value):
    # json.dumps(ensure_ascii=True) spells lone surrogates as \\udXXX escapes.
    data = (json.dumps({"text": value, "outlet": value}) + "\n").encode("ascii")
    articles, errors = read_upload("t.jsonl", data)
    for article in articles:
        article.text.encode("utf-8")
        article.outlet.encode("utf-8")
    assert len(articles) + len(errors) == 1
