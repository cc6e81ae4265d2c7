"""The dashboard's state in the address, its server settings and the loose ends of issue 14.

AppTest drives the app as a browser would after a reload: the query
parameters are all a new session knows.
"""

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from analysis import messages
from analysis.results.sentiment import SentenceSentiment, WordContribution
from dashboard.store import list_stories

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
OUTLETS = ["Unnamed rewrite", "The New York Times (republished copy)", "HERE Orlando",
           "Wire report (agency not named)", "Devdiscourse"]
ARTICLE = (
    "Officials said on Monday that the council approved the budget after a long debate. "
    "Critics slammed the plan as reckless, and the mayor may resign soon, reportedly."
)


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setenv("SLANT_STORE", str(folder))
    return folder


def opened(page: str | None = None, **params: str) -> AppTest:
    """A new session opened at an address with these query parameters."""
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def cards(at: AppTest) -> str:
    return "".join(h.value for h in at.html if "slant-cards" in h.value)


def card_names(at: AppTest) -> list[str]:
    import re

    return re.findall(r'<div class="outlet">([^<]*)</div>', cards(at))


def test_dashboard_state_classroom_address_opens_blind():
    at = opened(classroom="true", letters="7")
    assert not at.exception
    shown = cards(at)
    assert not [o for o in OUTLETS if o in shown] and "Martin Fackler" not in shown
    assert card_names(at) == [f"Outlet {c}" for c in "ABCDE"]
    assert at.session_state["letters"] == 7
    assert at.button(key="reveal")  # revealing takes a click


def test_dashboard_state_letters_follow_the_seed_not_the_files():
    from analysis.pipeline import analyze_paths
    from dashboard.lesson.letters import letter_order

    ids = [a.id for a in analyze_paths([ROOT / "seeds"]).articles]
    orders = {seed: letter_order(ids, seed) for seed in (0, 7, 8)}
    assert orders[0] == tuple(ids) and orders[7] != tuple(ids) and orders[7] != orders[8]
    assert sorted(orders[7]) == sorted(ids)
    # The same seed in the address gives the same letters in a new session.
    first = opened(classroom="true", letters="7")
    again = opened(classroom="true", letters="7")
    headlines = [h for h in cards(first).split('class="headline">')[1:]]
    assert headlines == [h for h in cards(again).split('class="headline">')[1:]]
    other = opened(classroom="true", letters="8")
    assert headlines != [h for h in cards(other).split('class="headline">')[1:]]


def test_dashboard_state_reveal_is_kept_in_the_address():
    at = opened(classroom="true", letters="7")
    at.button(key="reveal").click().run()
    assert all(o in cards(at) for o in OUTLETS)
    assert at.query_params["revealed"] == "1" and at.query_params["letters"] == "7"
    # A new session at that address stays revealed, with the same letters' order.
    again = opened(classroom="true", letters="7", revealed="1")
    assert card_names(again) == card_names(at)
    at.button(key="hide_names").click().run()
    assert "revealed" not in at.query_params
    assert not [o for o in OUTLETS if o in cards(at)]


def _switch_href(at: AppTest) -> str:
    """The address the sidebar's classroom switch (a link) loads."""
    (switch,) = [h.value for h in at.sidebar.html if "slant-switch" in h.value]
    return html.unescape(re.search(r"href='([^']*)'", switch).group(1))


def test_dashboard_state_classroom_switch_picks_a_seed_and_leaving_drops_it(store):
    from dashboard.store import StoredFile, save_story

    saved = save_story("Budget", [StoredFile("a.txt", ARTICLE.encode())], root=store)
    at = opened()
    assert "letters" not in at.query_params
    on = parse_qs(urlparse(_switch_href(at)).query)
    assert on["classroom"] == ["true"] and int(on["letters"][0]) > 0
    at = opened(**{k: v[0] for k, v in on.items()})
    assert at.query_params["classroom"] == "true"
    assert at.query_params["letters"] == on["letters"][0]
    assert not [o for o in OUTLETS if o in cards(at)] and "Outlet A" in cards(at)
    at.button(key="shuffle").click().run()
    assert int(at.query_params["letters"]) != int(on["letters"][0])
    at.button(key="reveal").click().run()
    assert at.query_params["revealed"] == "1"
    off = parse_qs(urlparse(_switch_href(at)).query)
    assert off == {}  # leaving drops the seed and the revealed state
    at = opened(**{k: v[0] for k, v in off.items()})
    assert "letters" not in at.query_params and "revealed" not in at.query_params
    assert all(o in cards(at) for o in OUTLETS)
    # The story in the address is kept both ways.
    at = opened(story=f"saved:{saved.id}")
    on = parse_qs(urlparse(_switch_href(at)).query)
    assert on["story"] == [f"saved:{saved.id}"] and on["classroom"] == ["true"]


def test_dashboard_state_story_in_the_address(store):
    from dashboard.store import StoredFile, save_story

    saved = save_story("Budget <b>vote</b>", [StoredFile("a.txt", ARTICLE.encode())], root=store)
    at = opened(story=f"saved:{saved.id}")
    assert not at.exception
    assert at.session_state["story"] == f"saved:{saved.id}"
    assert "Budget" in at.title[0].value
    # Switching stories writes the address; the seeds need no parameter.
    at.selectbox(key="story").set_value("seeds").run()
    assert "story" not in at.query_params
    at.selectbox(key="story").set_value(f"saved:{saved.id}").run()
    assert at.query_params["story"] == f"saved:{saved.id}"
    # An unknown or deleted story falls back to the seeds, without an error.
    at = opened(story="saved:no-such-story")
    assert not at.exception and not at.error
    assert at.session_state["story"] == "seeds"


@pytest.fixture
def unsafe_config():
    keys = ["client.showErrorDetails", "client.toolbarMode", "server.maxUploadSize",
            "browser.gatherUsageStats", "server.address"]
    before = {k: (config.get_option(k), config.get_where_defined(k)) for k in keys}
    config.set_option("client.showErrorDetails", "full", "test")
    config.set_option("client.toolbarMode", "developer", "test")
    config.set_option("server.maxUploadSize", 200, "test")
    config.set_option("browser.gatherUsageStats", True, "test")
    yield
    for key, (value, where) in before.items():
        config.set_option(key, value, where)


def test_dashboard_state_settings_enforced_whatever_the_folder(unsafe_config):
    from dashboard import settings

    changed = settings.enforce()
    assert sorted(changed) == sorted(settings.SAFE)
    assert config.get_option("client.showErrorDetails") == "none"
    assert config.get_option("server.maxUploadSize") == 10
    assert config.get_option("browser.gatherUsageStats") is False
    assert settings.enforce() == []
    # An address nobody chose listens everywhere: refused. One chosen on
    # purpose (to share with a class) is allowed.
    config.set_option("server.address", None, "<default>")
    assert settings.address_problem() == messages.UNSAFE_ADDRESS.format(
        where="no address was set")
    config.set_option("server.address", "0.0.0.0", "command-line")
    assert settings.address_problem() is None
    config.set_option("server.address", "localhost", "command-line")
    assert settings.address_problem() is None


def test_dashboard_state_unsafe_address_stops_the_app(unsafe_config):
    config.set_option("server.address", None, "<default>")
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert [e.value for e in at.error] == [
        messages.UNSAFE_ADDRESS.format(where="no address was set")]
    assert not at.html and not at.sidebar.children


def _save_pasted(at: AppTest, text: str = ARTICLE) -> None:
    at.text_area(key="paste_text").input(text)
    at.text_input(key="paste_outlet").input("Blog")
    at.button(key="create_story").click().run()


def test_dashboard_state_second_save_of_the_same_articles_makes_no_copy(store):
    at = opened("views/own_articles.py")
    _save_pasted(at)
    assert not at.exception
    (first,), _ = list_stories(store)
    # The inputs are emptied after a save, so a second click saves nothing new...
    assert at.text_area(key="paste_text").value == ""
    assert at.text_input(key="paste_outlet").value == ""
    # ...and giving the same article again selects the story saved before.
    _save_pasted(at)
    stories, _ = list_stories(store)
    assert [s.id for s in stories] == [first.id]
    shown = [i.value.replace("\\", "") for i in at.info]  # Markdown-escaped
    assert messages.ALREADY_SAVED.format(title=first.title) in shown
    assert at.session_state["story"] == f"saved:{first.id}"


def test_dashboard_state_add_skips_files_already_in_the_story(store):
    at = opened("views/own_articles.py")
    _save_pasted(at)
    at.checkbox(key="add_to_story").check()
    _save_pasted(at)
    (saved,), _ = list_stories(store)
    assert len(saved.files) == 1
    assert any("already in the story" in i.value for i in at.info)


def test_dashboard_state_saved_list_shows_date_and_size(store):
    import datetime as dt

    at = opened("views/own_articles.py")
    _save_pasted(at)
    (saved,), _ = list_stories(store)
    listed = "".join(h.value for h in at.html if saved.title in h.value)
    day = dt.datetime.fromtimestamp(saved.updated).strftime("%d %b %Y")
    size = len(ARTICLE.encode()) / 1000
    assert f"{day} " in listed and f"· 1 file · {size:.1f} KB" in listed


def test_dashboard_state_export_names_have_no_stray_hyphen():
    from dashboard.builders.exports import file_stem

    title = "Hegseth's first Asia trip: U.S.-Japan military ties and China"
    assert file_stem(title) == "hegseth-s-first-asia-trip-u-s-japan-military-ties"
    assert file_stem("x" * 49 + " -- tail") == "x" * 49
    assert file_stem("***") == "story"
    assert not file_stem("Budget vote, 3 May!").endswith("-")


def test_dashboard_state_json_export_carries_no_server_path():
    from analysis.pipeline import analyze_paths
    from dashboard.builders.exports import json_export, public_source

    story = analyze_paths([ROOT / "seeds"])
    assert story.story.source == str(ROOT / "seeds")
    data = json.loads(json_export(story))
    assert data["story"]["source"] == "seeds"
    assert str(ROOT) not in json_export(story)
    assert public_source("saved story budget-1") == "saved story budget-1"
    assert public_source("/a/b/one.txt, two.txt") == "one.txt, two.txt"


def _word(text: str, contribution: float) -> WordContribution:
    return WordContribution(0, len(text), text, 1.0, 1.0, contribution)


def test_dashboard_state_sentence_note_leaves_out_zero_weight_words():
    from dashboard.builders.highlight import sentence_note

    sentence = SentenceSentiment(
        0, 10, 0.42, "positive",
        explanation=(_word("Defense", 0.0004), _word("peace", 0.38), _word("ties", -0.004)),
    )
    assert sentence_note(sentence) == "moved by peace +0.38"
    only_zero = SentenceSentiment(0, 10, 0.0, "neutral", explanation=(_word("Defense", 0.0),))
    assert "Defense" not in sentence_note(only_zero)
    assert sentence_note(SentenceSentiment(0, 10, 0.0, "neutral")) == (
        "no word in VADER's lexicon, so neutral")


def test_dashboard_state_uploaded_articles_get_the_kind_set(store):
    from dashboard import stories
    from dashboard.store import StoredFile, save_story

    saved = save_story("Kinds", [StoredFile("a.txt", ARTICLE.encode()),
                                 StoredFile("b.txt", ARTICLE.replace("Monday", "Friday").encode())],
                       root=store)
    story, key = stories.saved_story(saved.id)
    assert [a.kind for a in story.articles] == ["unknown", "unknown"]
    stories.save_kinds(saved.id, {"a": "wire"})
    story, kinded = stories.saved_story(saved.id)
    assert [a.kind for a in story.articles] == ["wire", "unknown"]
    assert kinded != key  # cached views of the story follow the kinds
    at = opened(story=f"saved:{saved.id}")
    assert '<div class="kind">wire</div>' in cards(at)
    # The kinds live beside the store's own files, never among them.
    assert list_stories(store) == ([stories.store.load_story(saved.id)], [])
    at.switch_page("views/own_articles.py").run()
    assert at.button(key="save_outlets").label == "Save outlet names and kinds"


def test_dashboard_state_classroom_prompts_follow_the_story():
    # The seeds' top contrast is 000 "emphasized" / 001 "spoke harshly"; in
    # blind mode the prompt names them by their letters, never by outlet.
    at = opened("views/compare.py", classroom="true", letters="0")
    (prompt,) = [i.value for i in at.info if i.value.startswith("**Discuss:**")]
    assert "emphasized" in prompt and "spoke harshly" in prompt
    import re

    assert len(set(re.findall(r"Outlet [A-E]", prompt))) == 2
    for name in ("Unnamed rewrite", "New York Times"):
        assert name not in prompt


def test_dashboard_state_analysis_over_budget_is_a_message_not_a_crash(monkeypatch):
    from analysis.input.loading import load_paths
    from dashboard import stories, worker

    loaded = load_paths([ROOT / "seeds"])

    def over_budget(story, **kwargs):
        raise worker.AnalysisTimeout(messages.ANALYSIS_TIMEOUT.format(seconds=120))

    monkeypatch.setattr(stories, "analyse_bounded", over_budget)
    story = stories.analyse(loaded)
    assert story.articles == ()
    assert story.errors[-1].message == messages.ANALYSIS_TIMEOUT.format(seconds=120)


def test_dashboard_state_story_over_the_cap_keeps_its_first_articles(monkeypatch):
    from analysis.input.loading import load_paths
    from dashboard import stories, worker

    loaded = load_paths([ROOT / "seeds"])
    monkeypatch.setattr(stories, "cap_articles", lambda s: worker.cap_articles(s, limit=2))
    story = stories.analyse(loaded)
    assert [a.id[:3] for a in story.articles] == ["000", "001"]
    assert story.errors[-1].message.startswith("the story has 5 articles; the dashboard analyses")
