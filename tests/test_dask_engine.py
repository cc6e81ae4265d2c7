"""The Dask engine on a LocalCluster of 2 workers gives the local engine's output."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from analysis.cli import main

distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [
    "Maria Lopez opened the harbour bridge on Monday.\n"
    "Officials said the project came in under budget. Critics called the toll a disgrace.",
    "The bridge may possibly ease congestion, according to some experts.\n"
    "Maria Lopez praised the engineers for their excellent work.",
    "Drivers welcomed the bridge, though several complained about the toll.\n"
    "Maria Lopez promised a review of the charges within a year.",
]


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    # 40 rows (3 chunks of 16) with one bad line, so ordering across tasks and
    # errors both cross the cluster.
    rows = [json.dumps({"id": f"r{i}", "text": TEXTS[i % 3]}) for i in range(40)]
    rows.insert(7, "{broken")
    path = tmp_path_factory.mktemp("dask") / "story.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
        silence_logs=logging.ERROR,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def analyse(table: Path, out: Path, *extra: str) -> bytes:
    assert main(["analyze", str(table), "--format", "jsonl", "-o", str(out), *extra]) == 0
    return out.read_bytes()


def test_dask_engine_jsonl_identical_to_local(table: Path, scheduler: str, tmp_path: Path) -> None:
    local = analyse(table, tmp_path / "local.jsonl")
    dask = analyse(table, tmp_path / "dask.jsonl", "--engine", "dask", "--scheduler", scheduler)
    assert dask == local
    lines = local.decode().splitlines()
    assert len(lines) == 41
    assert json.loads(lines[7])["error"]["line"] == 8


def test_dask_engine_parquet_identical_to_local(
    table: Path, scheduler: str, tmp_path: Path
) -> None:
    analyse(table, tmp_path / "local.parquet")
    analyse(table, tmp_path / "dask.parquet", "--engine", "dask", "--scheduler", scheduler)
    local = pq.read_table(tmp_path / "local.parquet")
    dask = pq.read_table(tmp_path / "dask.parquet")
    assert dask.equals(local)
    assert local.num_rows == 41


def test_dask_engine_starts_its_own_local_cluster(table: Path, tmp_path: Path) -> None:
    local = analyse(table, tmp_path / "local.jsonl")
    dask = analyse(table, tmp_path / "dask.jsonl", "--engine", "dask", "--workers", "2")
    assert dask == local


def test_dask_engine_collected_json_identical_to_single_process(
    table: Path, scheduler: str, capsys
) -> None:
    assert main(["analyze", str(table), "--format", "json", "--no-compare"]) == 0
    single = capsys.readouterr().out
    args = ["--format", "json", "--no-compare", "--engine", "dask", "--scheduler", scheduler]
    assert main(["analyze", str(table), *args]) == 0
    assert capsys.readouterr().out == single
