import json

import pytest

from analysis.outputs import schema
from analysis.outputs.export import story_json
from analysis.results import figures


def test_schema_document_matches_result_types():
    document = schema.DOC.read_text("utf-8")
    assert schema.embedded(document) == schema.schema_markdown(), (
        "docs/schema.md is out of date: run `python -m analysis.outputs.schema --write`"
    )


def test_schema_figures_table_matches_the_code():
    document = schema.DOC.read_text("utf-8")
    table = schema.embedded(document, schema.FIGURES_BEGIN, schema.FIGURES_END)
    assert table == figures.markdown_table(), (
        "docs/schema.md is out of date: run `python -m analysis.outputs.schema --write`"
    )
    assert "| `headline_loaded` | Loaded words in headline | bigint |" in table


@pytest.mark.parametrize("key", ["story", "articles", "comparison", "errors"])
def test_schema_top_level_keys_are_documented_and_present(seeds_story, key):
    data = json.loads(story_json(seeds_story))
    assert key in data
    assert f"| `{key}` |" in schema.schema_markdown()


def test_schema_every_documented_article_key_is_in_the_output(seeds_story):
    article = json.loads(story_json(seeds_story))["articles"][0]
    section = schema.schema_markdown().split("### `Article`")[1].split("###")[0]
    documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert documented == list(article)
