"""Tests for analysis.outputs.serialize: dataclass trees to JSON data and back."""

from __future__ import annotations

import json
from dataclasses import dataclass

from analysis.outputs.export import story_json
from analysis.outputs.serialize import from_dict, to_dict
from analysis.results.article import Article, FileError, Story
from analysis.results.doc import Actor, Removed, Span


@dataclass(frozen=True)
class _Inner:
    score: float
    label: str | None = None


@dataclass(frozen=True)
class _Outer:
    name: str
    items: tuple[_Inner, ...]
    pair: tuple[int, str]
    maybe: _Inner | None = None


def test_serialize_round_trip_of_the_seeds_story(seeds_story):
    assert from_dict(Story, to_dict(seeds_story)) == seeds_story


def test_serialize_round_trip_through_json_text(seeds_story):
    data = json.loads(story_json(seeds_story))
    assert from_dict(Story, data) == seeds_story


def test_serialize_to_dict_shape():
    outer = _Outer("x", (_Inner(1.5, "a"), _Inner(0.0)), (3, "b"))
    assert to_dict(outer) == {
        "name": "x",
        "items": [{"score": 1.5, "label": "a"}, {"score": 0.0, "label": None}],
        "pair": [3, "b"],
        "maybe": None,
    }


def test_serialize_from_dict_rebuilds_types():
    data = {
        "name": "x",
        "items": [{"score": 2, "label": None}],
        "pair": [3, "b"],
        "maybe": {"score": 1.0, "label": "m"},
    }
    outer = from_dict(_Outer, data)
    assert outer == _Outer("x", (_Inner(2.0),), (3, "b"), _Inner(1.0, "m"))
    assert isinstance(outer.items, tuple)
    assert isinstance(outer.items[0].score, float)  # JSON 2 becomes 2.0


def test_serialize_missing_optional_field_uses_default():
    assert from_dict(_Inner, {"score": 0.5}) == _Inner(0.5)


def test_serialize_core_types_round_trip():
    for obj in (
        Span(3, 8, "Japan"),
        Actor("China", ("Beijing", "Chinese")),
        Removed("Leave a Reply", "comment form", "comment_form"),
        FileError("a.csv", "bad row", 4),
    ):
        assert from_dict(type(obj), json.loads(json.dumps(to_dict(obj)))) == obj


def test_serialize_article_json_keys(seeds_story):
    data = to_dict(seeds_story.articles[0])
    assert isinstance(seeds_story.articles[0], Article)
    assert data["doc"]["sentences"][0].keys() == {"start", "end", "text"}
    assert data["headline"].keys() == {"doc", "sentiment", "hedging", "loaded"}
    assert data["removed"][0].keys() == {"text", "reason", "rule"}
    assert data["source"].keys() == {"file", "encoding", "url", "date"}
