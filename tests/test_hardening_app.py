"""Hostile input in the app (AppTest): every page renders, every problem is named, escaped.

A saved story is written straight to the store with inputs the upload page
would have refused (so :func:`dashboard.store.to_loaded` must report them when
the story is opened), hostile file names, and articles in odd encodings. Every
page must render without an exception or a traceback, list each unreadable
file by its escaped name, and never let a name or an article inject markup.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import messages
from dashboard.store import StoredFile, save_story

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
PAGES = ["views/overview.py", "views/article.py", "views/compare.py", "views/coverage.py",
         "views/method.py", "views/own_articles.py"]

BODY = (
    "Officials in Tokyo said on Tuesday that the two governments had agreed to expand joint "
    "exercises, according to a statement. Critics slammed the plan as reckless. The minister "
    "may visit again next year, reportedly to sign a wider pact.\n"
    "Both sides said the talks were constructive and that further meetings would follow."
)
DEEP = "<html><body>" + "<div>" * 5000 + "<p>" + BODY + "</p>" + "</div>" * 5000 + "</body></html>"
LAUGHS = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><p>&b;</p>'
TABLE = "\n".join(
    [json.dumps({"text": BODY.replace("Tokyo", "Seoul"), "outlet": "<i>Table</i> Times"}), "{oops"]
)

FILES = [
    StoredFile("<b>bold</b>.txt", BODY.encode("cp1252")),  # stored name: "b>.txt" after safe_name
    StoredFile(
        "quote\"and'apostrophe.txt",
        codecs.BOM_UTF16_LE + BODY.replace("Tokyo", "Osaka").encode("utf-16-le"),
    ),
    StoredFile("ctrl\x1b[31m.txt", "Café ".encode() + b"\x93" + BODY.encode() + b"\x94"),
    StoredFile("deep.html", DEEP.encode()),
    StoredFile("laughs.html", LAUGHS.encode()),
    StoredFile("picture.txt", b"GIF89a\x01\x00\x01\x00"),
    StoredFile("empty.md", b"  \n"),
    StoredFile("rows.jsonl", TABLE.encode()),
]


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    saved = save_story("<script>alert(1)</script> story", FILES, root=store)
    return store, saved.id


@pytest.mark.parametrize("page", PAGES)
def test_hardening_app_hostile_story_every_page_renders(hostile_story, page, monkeypatch):
    store, story_id = hostile_story
    monkeypatch.setenv("SLANT_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["story"] = f"saved:{story_id}"
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    markup = "".join(h.value for h in at.html)
    everything = markup + "".join(str(m.value) for m in (*at.markdown, *at.title, *at.caption))
    assert "Traceback" not in everything
    assert "\x1b" not in everything
    assert "<script" not in markup.lower()
    assert "<i>Table</i>" not in markup
    if page == "views/overview.py":
        # The overview lists each unreadable input by name, escaped, with what to do.
        for name, message in [
            ("laughs.html", messages.HTML_ENTITIES),
            ("picture.txt", messages.NOT_TEXT_SIGNATURE.format(what="a GIF image")),
            ("empty.md", messages.EMPTY),
        ]:
            assert (
                f"<code>{name}</code>: {message.replace('<', '&lt;').replace('>', '&gt;')}"
                in markup
            )
        assert "<code>rows.jsonl</code>: line 2: not valid JSON" in markup


def test_hardening_app_article_page_shows_warnings_and_escaped_names(hostile_story, monkeypatch):
    store, story_id = hostile_story
    monkeypatch.setenv("SLANT_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["story"] = f"saved:{story_id}"
    at.run()
    at.switch_page("views/article.py")
    at.run()
    assert not at.exception
    shown = "".join(h.value for h in at.html) + "".join(
        str(m.value) for m in (*at.markdown, *at.caption, *at.warning, *at.info)
    )
    # The page shows one article at a time; whichever it is, no raw markup
    # from names or text gets through.
    assert "<b>bold" not in shown
    assert "ctrl\x1b" not in shown


def test_hardening_app_oversized_upload_refused_with_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("views/own_articles.py")
    at.run()
    big = b"word " * 2_400_000  # 12,000,000 bytes, over the 10 MB limit
    at.file_uploader(key="uploads").set_value(
        [("big.txt", big, "text/plain"), ("ok.txt", BODY.encode(), "text/plain")]
    )
    at.button(key="create_story").click().run()
    assert not at.exception
    markup = "".join(h.value for h in at.html)
    limit = messages.TOO_LARGE.format(size=12_000_000, limit=10_000_000)
    assert f"<code>big.txt</code>: {limit}" in markup
    # The readable file was still saved and analysed.
    assert any("Saved and analysed 1 article(s)" in s.value for s in at.success)
