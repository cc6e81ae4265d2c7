"""The dashboard through Streamlit's AppTest: every page, classroom mode, uploads."""

import html
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.store import list_stories

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
PAGES = ["views/overview.py", "views/article.py", "views/compare.py", "views/coverage.py",
         "views/method.py", "views/export.py", "views/own_articles.py"]
OUTLETS = [
    "Unnamed rewrite",
    "The New York Times (republished copy)",
    "HERE Orlando",
    "Wire report (agency not named)",
    "Devdiscourse",
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
HOSTILE = (
    "<script>alert('x')</script> Officials said <img src=x onerror=alert(1)> the plan "
    "costs $5 and $10 billion. **bold** claims :red[x] and [x](javascript:alert(2)) "
    "appeared. Critics slammed the deal &amp; the talks. The minister may resign soon, "
    "reportedly. He said the vote was close and the outcome uncertain for weeks."
)


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    """Every test gets its own empty store."""
    folder = tmp_path / "store"
    monkeypatch.setenv("SLANT_STORE", str(folder))
    return folder


def run(page: str | None = None, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at


def shown_text(at: AppTest) -> str:
    """Everything the page shows as text, HTML included."""
    parts = [h.value for h in at.html]
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning",
                 "error", "success", "text", "code"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    parts.extend(e.value.to_string() for e in at.dataframe)
    for box in at.selectbox:
        parts.extend(str(o) for o in box.options)  # already formatted labels
    return "\n".join(parts)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_page_renders(page):
    at = run(page)
    assert_clean(at)


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_page_renders_in_classroom_mode(page):
    at = run(page, classroom=True)
    assert_clean(at)


def test_dashboard_overview_shows_five_outlets():
    at = run()
    cards = "".join(h.value for h in at.html if "slant-cards" in h.value)
    assert cards.count('class="slant-card"') == 5
    for outlet in OUTLETS:
        assert outlet in cards
    assert at.title[0].value.startswith("Hegseth")


def test_dashboard_compare_shows_contrast_pair():
    at = run("views/compare.py")
    assert_clean(at)
    blocks = [h.value for h in at.html if 'class="slant-contrasts"' in h.value]
    first = blocks[0].split('<div class="slant-diff">')[0]  # the first contrast only
    assert ">spoke harshly</mark>" in first and ">emphasized</mark>" in first
    assert "neutral alternative: said" in first
    # The two verbs look different: loaded against emphatic.
    import re

    layer = {m.group(2): m.group(1) for m in re.finditer(
        r'<mark class="hl hl-(\w+)"[^>]*>(spoke harshly|emphasized)</mark>', first)}
    assert layer == {"spoke harshly": "loaded", "emphasized": "emphatic"}


def _contrasts(at: AppTest) -> list[str]:
    """The contrasts on the Compare page, one HTML string each (two rows and the diff)."""
    (block,) = [h.value for h in at.html if 'class="slant-contrasts"' in h.value]
    return block.split('<div class="slant-diff">')[:-1]


def _groups(at: AppTest) -> list[str]:
    html_blocks = [h.value for h in at.html if '<details class="slant-group"' in h.value]
    return "".join(html_blocks).split('<details class="slant-group"')[1:]


def test_dashboard_compare_search_filters():
    at = run("views/compare.py")
    everything, all_groups = _contrasts(at), _groups(at)
    at.text_input(key="compare_query").input("harshly").run()
    assert_clean(at)
    found, groups = _contrasts(at), _groups(at)
    # Only the contrasts and groups with the word, and all of them are shown.
    assert 0 < len(found) < len(everything)
    assert all("harshly" in c.lower() for c in found)
    assert 0 < len(groups) < len(all_groups)
    assert all("harshly" in g.lower() for g in groups)
    assert all(' open' in g.split(">")[0] for g in groups)  # opened to show the match
    at.text_input(key="compare_query").input("zzzunknownword").run()
    assert "No contrast matches this search." in [c.value for c in at.caption]
    assert not _groups(at)


def test_dashboard_classroom_mode_hides_names_until_reveal():
    for page in PAGES:
        at = run(page, classroom=True)
        text = shown_text(at)
        for outlet in OUTLETS:
            assert outlet not in text, (page, outlet)
        assert "Martin Fackler" not in text  # the byline gives the outlet away
        if page != "views/method.py":
            assert "Outlet A" in text or page == "views/own_articles.py", page
        assert any("Discuss:" in i.value for i in at.info), page
    at = run("views/overview.py", classroom=True)
    assert any("html { font-size: 21px" in h.value for h in at.html)
    # The removed author bio names the outlet ("HEREOrlando.com"): hidden too.
    at = run("views/article.py", classroom=True, article_left="002_ff2eca70195de861")
    assert "HEREOrlando" not in shown_text(at)
    assert "author bio" in shown_text(at).lower()
    at.sidebar.button(key="reveal").click().run()
    text = shown_text(at)
    at.switch_page("views/overview.py").run()
    text = shown_text(at)
    assert all(outlet in text for outlet in OUTLETS)


def test_dashboard_layer_switch_removes_marks():
    at = run("views/article.py")
    assert any("hl-loaded" in h.value or "hl-hedges" in h.value for h in at.html)
    assert at.pills(key="layers").value == ["quotes", "loaded", "hedges", "boosters", "weasels"]
    at.pills(key="layers").set_value([]).run()
    assert_clean(at)
    body = "".join(h.value for h in at.html if h.value.startswith('<div class="slant-text"'))
    assert body and "<mark" not in body and "hl-quotes" not in body
    at.pills(key="layers").set_value(["sentiment", "loaded"]).run()
    body = "".join(h.value for h in at.html if h.value.startswith('<div class="slant-text"'))
    assert "hl-sentiment" in body and "hl-loaded" in body and "hl-hedges" not in body


def test_dashboard_side_by_side_shows_two_articles():
    at = run("views/article.py")
    at.toggle(key="side_by_side").set_value(True).run()
    assert_clean(at)
    assert at.selectbox(key="article_left").value != at.selectbox(key="article_right").value
    removed = [e for e in at.expander if e.label.startswith("Removed before analysis")]
    assert len(removed) == 2


def test_dashboard_upload_creates_story(store):
    at = run("views/own_articles.py")
    at.text_input(key="new_title").input("My <b>story</b>")
    at.file_uploader(key="uploads").set_value(
        [("good.txt", HOSTILE.encode(), "text/plain"), ("pic.txt", PNG, "text/plain"),
         ("notes.csv", b"text,outlet\n\"" + HOSTILE.encode() + b"\",Table Times\n", "text/csv")]
    )
    at.button(key="create_story").click().run()
    assert not at.exception
    stories, problems = list_stories(store)
    assert len(stories) == 1 and not problems
    saved = stories[0]
    assert saved.title == "My <b>story</b>"
    assert [f.name for f in saved.files] == ["good.txt", "notes.csv"]
    assert at.session_state["story"] == f"saved:{saved.id}"
    warning_html = "".join(h.value for h in at.html)
    assert "<code>pic.txt</code>: not a text file" in warning_html
    at.switch_page("views/overview.py").run()
    assert_clean(at)
    assert "Table Times" in shown_text(at)
    assert "My &lt;b&gt;story&lt;/b&gt;" not in at.title[0].value
    assert "<b>" not in at.title[0].value.replace("\\<b\\>", "")


def test_dashboard_paste_creates_story_and_renders_literally(store):
    at = run("views/own_articles.py")
    at.text_area(key="paste_text").input(HOSTILE)
    at.text_input(key="paste_outlet").input("<i>Evil</i> $5 **Daily**")
    at.button(key="create_story").click().run()
    assert not at.exception
    (saved,), _ = list_stories(store)
    assert saved.outlets  # the pasted outlet name was kept
    for page in PAGES:
        at.switch_page(page).run()
        assert_clean(at)
        for h in at.html:
            assert "<script" not in h.value.lower(), page
            # The only pictures are the overview's charts, SVG as data (an
            # SVG shown as an image runs no script).
            pictures = h.value.lower().count("<img")
            assert pictures == h.value.count('<img src="data:image/svg+xml;base64,'), page
            assert "<i>Evil</i>" not in h.value, page
        for md in list(at.markdown) + list(at.title) + list(at.caption):
            # The article's own "**bold** claims" must arrive escaped; the
            # Method page may bold a quoted word itself ("\\*\\***bold**\\*\\* claims").
            assert "**bold** claims" not in md.value and ":red[x]" not in md.value, page
    at.switch_page("views/article.py").run()
    body = "".join(h.value for h in at.html)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "&lt;i&gt;Evil&lt;/i&gt; $5 **Daily**" in body
    # What the reader sees, once the highlight tags are taken away, is the
    # article exactly as pasted.
    texts = [h.value for h in at.html if 'class="slant-text"' in h.value]
    assert html.unescape(re.sub(r"<[^>]*>", "", texts[0])) == HOSTILE


def test_dashboard_bad_only_upload_saves_nothing(store):
    at = run("views/own_articles.py")
    at.file_uploader(key="uploads").set_value(("empty.txt", b"   \n", "text/plain"))
    at.button(key="create_story").click().run()
    assert not at.exception
    assert list_stories(store) == ([], [])
    assert "<code>empty.txt</code>: the file is empty" in "".join(h.value for h in at.html)


def test_dashboard_delete_story(store):
    at = run("views/own_articles.py")
    at.text_area(key="paste_text").input(HOSTILE)
    at.button(key="create_story").click().run()
    (saved,), _ = list_stories(store)
    at.checkbox(key=f"confirm_{saved.id}").check().run()
    at.button(key=f"delete_{saved.id}").click().run()
    assert not at.exception
    assert list_stories(store) == ([], [])
    assert at.session_state["story"] == "seeds"


def test_dashboard_corrupt_store_file_is_reported(store):
    store.mkdir(parents=True)
    (store / "broken-1234.json").write_text("{oops")
    at = run()
    assert_clean(at)
    warnings = [w.value for w in at.sidebar.warning]
    # Messages are Markdown-escaped, so remove the backslashes before reading.
    plain = [w.replace("\\", "") for w in warnings]
    assert any("broken-1234.json" in w and "moved aside" in w for w in plain)


def test_dashboard_outlet_names_can_be_edited(store):
    at = run("views/own_articles.py")
    at.text_area(key="paste_text").input(HOSTILE)
    at.text_input(key="paste_outlet").input("First name")
    at.button(key="create_story").click().run()
    (saved,), _ = list_stories(store)
    from dashboard.store import set_outlets

    (article_id,) = saved.outlets
    set_outlets(saved.id, {article_id: "Second name"})
    at.switch_page("views/overview.py").run()
    assert "Second name" in shown_text(at)


def test_dashboard_exports_match_cli():
    at = run("views/export.py")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["CSV (one row per article)", "JSON (as the CLI)",
                      "Printable handout (HTML)", "Worksheet for students (HTML)",
                      "Teacher key (HTML)"]
    at = run("views/export.py", classroom=True)
    labels = [b.label for b in at.get("download_button")]
    # Blind: nothing that names the outlets (the key does) is offered.
    assert labels == ["Printable handout (HTML)", "Worksheet for students (HTML)"]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("$5 and $10", r"\$5 and \$10"),
        ("**bold**", r"\*\*bold\*\*"),
        (":red[x]", r"\:red\[x\]"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        ("plain words", "plain words"),
    ],
)
def test_dashboard_md_escape(text, escaped):
    from dashboard.builders.escape import md_escape

    assert md_escape(text) == escaped


def test_dashboard_collect_names_bad_files():
    from dashboard.uploads import collect

    new = collect(
        [("a.txt", HOSTILE.encode()), ("../../b.png.txt", PNG), ("a.txt", HOSTILE.encode())],
        pasted="Pasted article text that is long enough to keep.", pasted_outlet="Blog",
    )
    assert [f.name for f in new.files] == ["a.txt", "a-2.txt", "Blog.txt"]
    assert [e.file for e in new.errors] == ["b.png.txt"]
    assert new.outlets == {"Blog": "Blog"}
    assert new.articles == 3


def test_dashboard_url_import_offline_message():
    from dashboard.url_import import fetch

    # .invalid never resolves (RFC 2606), as every name does not when offline.
    got, message = fetch("http://news.invalid/article")
    assert got is None and "offline" in message and "news.invalid" in message
    got, message = fetch("javascript:alert(1)")
    assert got is None and "not a web address" in message


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8501/", "http://localhost/admin", "http://10.1.2.3/", "http://[::1]/",
     "http://169.254.169.254/latest/meta-data/", "http://192.168.0.1/"],
)
def test_dashboard_url_import_refuses_local_and_private_addresses(url):
    from dashboard.url_import import fetch

    got, message = fetch(url)
    assert got is None
    assert "private network, which Slant does not fetch" in message


def test_dashboard_handout_is_self_contained():
    from analysis.pipeline import analyze_paths
    from dashboard.builders.handout import build_handout
    from dashboard.builders.view import build_view

    story = analyze_paths([ROOT / "seeds"])
    view = build_view("k", story, classroom=True, seed=7)
    page = build_handout(view)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert not re.search(r"\s(?:src|href)\s*=", page)
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert page.count("<svg") >= 4
    assert "Outlet A" in page and "HERE Orlando" not in page
    assert "spoke harshly" in page
    json.dumps(page)  # plain text, nothing binary


def test_dashboard_disk_cache_survives_restart(store, monkeypatch):
    """A second process (simulated by clearing the memory cache) reads the disk cache."""
    from analysis.input.loading import load_paths
    from dashboard import disk_cache, stories

    folder = store.parent / "cache"
    monkeypatch.setenv("SLANT_CACHE", str(folder))
    calls = []

    def load():
        calls.append(1)
        return load_paths([ROOT / "seeds"])

    stories._analysed.clear()
    first = stories.analysed("test-key", load)
    stories._analysed.clear()
    again = stories.analysed("test-key", load)
    assert calls == [1] and again == first
    assert len(list(folder.glob("*" + disk_cache.CACHE_SUFFIX))) == 1
    # A damaged cache file is a cache miss, never an error.
    next(folder.glob("*" + disk_cache.CACHE_SUFFIX)).write_text("{broken")
    stories._analysed.clear()
    assert stories.analysed("test-key", load) == first
    assert calls == [1, 1]


def test_dashboard_add_to_selected_story(store):
    at = run("views/own_articles.py")
    at.text_area(key="paste_text").input(HOSTILE)
    at.text_input(key="paste_outlet").input("Blog")
    at.button(key="create_story").click().run()
    at.text_area(key="paste_text").input("A second article. It says other things entirely.")
    at.text_input(key="paste_outlet").input("Blog")
    at.checkbox(key="add_to_story").check()
    at.button(key="create_story").click().run()
    assert not at.exception
    (saved,), _ = list_stories(store)
    assert [f.name for f in saved.files] == ["Blog.txt", "Blog-2.txt"]
    assert saved.outlets == {"Blog": "Blog", "Blog-2": "Blog"}
    at.switch_page("views/overview.py").run()
    assert_clean(at)
    # Two outlets called "Blog" stay apart on screen.
    cards = "".join(h.value for h in at.html if "slant-cards" in h.value)
    assert ">Blog</div>" in cards and ">Blog (2)</div>" in cards


def test_dashboard_short_text_marks_readability(store):
    at = run("views/own_articles.py")
    at.text_area(key="paste_text").input("Hello. A test.")
    at.button(key="create_story").click().run()
    at.switch_page("views/overview.py").run()
    assert_clean(at)
    cards = "".join(h.value for h in at.html if "slant-cards" in h.value)
    assert "<span>Grade</span><span class=\"val\">—</span>" in cards
    assert "Reading grade: " in cards
    assert 'Sentiment</span><span class="val">' in cards
    assert 'Sentiment</span><span class="val">—' not in cards


def test_dashboard_collect_refuses_oversized_input(monkeypatch):
    from dashboard import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 100)
    new = uploads.collect([("big.csv", b"text\n" + b"x" * 200), ("ok.txt", b"Short one.")])
    assert [f.name for f in new.files] == ["ok.txt"]
    assert [e.file for e in new.errors] == ["big.csv"]
    assert "over the limit of 100 bytes" in new.errors[0].message


def test_dashboard_pages_have_no_bare_strings():
    """Streamlit's "magic" would print a bare string literal in a page onto the page."""
    import ast

    for page in PAGES:
        tree = ast.parse((ROOT / "dashboard" / page).read_text())
        for node in tree.body[1:]:  # the module docstring is not shown
            assert not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)), (
                page, node.lineno)


def test_dashboard_handout_escapes_hostile_names():
    from dataclasses import replace

    from analysis.pipeline import analyze_paths
    from dashboard.builders.handout import build_handout
    from dashboard.builders.view import build_view

    story = analyze_paths([ROOT / "seeds"])
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    story = replace(story, articles=tuple(replace(a, outlet=f"{evil} {i}", title=evil)
                                          for i, a in enumerate(story.articles)))
    view = build_view("k", story)
    page = build_handout(view)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "onerror=alert(2)" in page  # still there, as text
    assert "&lt;script&gt;" in page


def test_dashboard_url_import_says_offline_in_app():
    at = run("views/own_articles.py")
    at.text_input(key="import_url").input("http://news.invalid/story")
    at.button(key="fetch_url").click().run()
    assert not at.exception
    assert any("offline" in w.value for w in at.warning)


def test_dashboard_page_failure_shows_friendly_message(monkeypatch, caplog):
    from dashboard.builders import cards
    from dashboard.ui import FRIENDLY_ERROR

    def broken(view):
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(cards, "scales", broken)
    at = run()
    assert not at.exception
    assert [e.value for e in at.error] == [FRIENDLY_ERROR]
    assert "secret internals" not in shown_text(at)
    assert "ZeroDivisionError" in caplog.text  # the details go to the console


def test_dashboard_method_page_is_written_for_teachers():
    at = run("views/method.py")
    assert_clean(at)
    text = shown_text(at)
    # One section per card figure and comparison part, each with an example
    # from the story on screen and its agreement with people.
    sections = [s.value for s in at.subheader]
    assert {"Sentiment", "Hedges", "Loaded words", "Reading grade", "Passive, no doer",
            "Aligned facts", "Contrasts", "Coverage", "Reuse"} <= set(sections)
    assert text.count("**In this story:**") >= 9 and "Hegseth" in text
    assert "Agreement with people" in text
    for developer in ("python -m", "analysis/", "slant evaluate"):
        assert developer not in text
    assert "Licence:" in text and at.dataframe  # the lexicon browser
    options = at.selectbox(key="lexicon_name").options
    assert "loaded" in options and "actor_tone_weights" not in options


def test_dashboard_coverage_callouts_and_shared_passages():
    at = run("views/coverage.py")
    assert_clean(at)
    subheaders = [s.value for s in at.subheader]
    assert "★ Reported by one outlet only" in subheaders
    lists = "".join(h.value for h in at.html)
    assert lists.count("<li>") >= 2
    box = at.selectbox(key="reuse_pair")
    # Every pair of the five outlets that shares facts or copied runs: 9 of the
    # 10 (issue 12; docs/compare.md section 5): all but 001 ~ 004.
    assert len(box.options) == 9
    box.set_value(1).run()
    assert_clean(at)
    passages = [h.value for h in at.html if "five-word runs" in h.value]
    assert len(passages) == 1


def test_dashboard_story_analysed_once_for_two_sessions(monkeypatch):
    import threading
    import time

    from analysis.input.loading import load_paths
    from dashboard import stories

    monkeypatch.setenv("SLANT_CACHE", "off")
    stories._analysed.clear()
    calls = []

    def slow_load():
        calls.append(1)
        time.sleep(0.2)  # both sessions ask while the first is still analysing
        return load_paths([ROOT / "seeds"])

    results = []
    threads = [
        threading.Thread(
            target=lambda: results.append(stories.analysed("two-tabs", slow_load))
        )
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
    assert results[0] is results[1]
