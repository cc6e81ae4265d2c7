"""Tests for analysis.text.bulk: the collector paused while objects are built in bulk."""

from __future__ import annotations

import gc

import pytest

from analysis.text.bulk import no_collection


def test_bulk_no_collection_pauses_and_restores_an_enabled_collector():
    assert gc.isenabled()
    with no_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_bulk_no_collection_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with no_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bulk_no_collection_restores_the_collector_after_an_error():
    with pytest.raises(ValueError), no_collection():
        raise ValueError("inside")
    assert gc.isenabled()


def test_bulk_no_collection_runs_no_collection_inside():
    inside: list[bool] = []
    building = False

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            inside.append(building)

    gc.callbacks.append(count)
    try:
        with no_collection():
            building = True
            built = [[i] for i in range(10_000)]  # far past the 700 that start a collection
            building = False
    finally:
        gc.callbacks.remove(count)
    assert True not in inside
    assert len(built) == 10_000
