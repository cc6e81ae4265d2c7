"""The collector settings of a batch run (analysis.batch.collection)."""

from __future__ import annotations

import gc

from analysis.batch.collection import YOUNG_THRESHOLD, batch_collection, restore, tune_for_batch
from analysis.input.loading import RawArticle
from analysis.pipeline import analyse_stream


def test_collection_batch_freezes_and_raises_the_young_threshold() -> None:
    before = gc.get_threshold()
    with batch_collection():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, before[1], before[2])
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_collection_restore_undoes_tune_for_batch() -> None:
    before = gc.get_threshold()
    restore(tune_for_batch())
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_collection_stream_runs_tuned_and_restores_after() -> None:
    before = gc.get_threshold()
    seen = []
    raw = RawArticle(id="a", file="a.txt", text="Officials said the plan would pass on Monday.")

    def finish(result):  # noqa: ANN001, ANN202 - records the settings while the batch runs
        seen.append(gc.get_threshold()[0])
        return result

    results = list(analyse_stream([raw, raw], finish=finish))
    assert len(results) == 2
    assert seen == [YOUNG_THRESHOLD, YOUNG_THRESHOLD]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
