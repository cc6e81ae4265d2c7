"""Tests for analysis.outputs.serialize: dataclass trees to JSON data and back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from analysis.outputs.export import story_json
from analysis.outputs.serialize import dumps, fields_of, from_dict, to_dict
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


@dataclass(frozen=True, slots=True)
class _Slotted:
    a: int
    b: str = "b"


@dataclass(frozen=True)
class _Late:
    a: int
    b: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "b", self.a + 1)


@dataclass(frozen=True)
class _Hidden:
    a: int
    cache: int = field(default=0, metadata={"serialize": False})


def test_serialize_fields_of_gives_the_serialised_fields_in_order():
    assert fields_of(_Inner(1.5, "a")) == {"score": 1.5, "label": "a"}
    assert list(fields_of(_Outer("x", (), (1, "y")))) == ["name", "items", "pair", "maybe"]
    assert fields_of(_Slotted(1)) == {"a": 1, "b": "b"}
    assert fields_of(_Hidden(1, 2)) == {"a": 1}
    late = fields_of(_Late(1))
    assert late == {"a": 1, "b": 2} and list(late) == ["a", "b"]


def test_serialize_fields_of_leaves_out_attributes_that_are_no_fields():
    inner = _Inner(1.5)
    object.__setattr__(inner, "extra", 1)  # e.g. a cached value kept on the instance
    assert fields_of(inner) == {"score": 1.5, "label": None}
    assert "extra" not in dumps(inner)


def test_serialize_fields_of_refuses_what_is_no_dataclass_instance():
    for value in (object(), _Inner, {1, 2}):
        with pytest.raises(TypeError):
            fields_of(value)
