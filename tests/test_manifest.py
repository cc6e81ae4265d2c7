"""Tests for analysis.input.manifest: the optional story.toml beside a story."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.input.loading import load_paths
from analysis.input.manifest import KINDS, read_manifest
from analysis.results.doc import Actor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "Officials met in Tokyo on Sunday. They agreed to meet again.\n"


def _story(tmp_path: Path, manifest: str | None, files=("a.txt", "b.txt")) -> Path:
    folder = tmp_path / "my-story"
    folder.mkdir()
    for name in files:
        (folder / name).write_text(BODY, encoding="utf-8")
    if manifest is not None:
        (folder / "story.toml").write_text(manifest, encoding="utf-8")
    return folder


def test_manifest_seeds_story_level():
    manifest = read_manifest(SEEDS)
    assert manifest is not None
    assert manifest.problems == ()
    info = manifest.info
    assert info.title == "Hegseth's first Asia trip: U.S.-Japan military ties and China"
    assert info.date == "2025"
    assert "Iwo Jima" in info.date_note
    assert Actor("China", ("Beijing", "Chinese")) in info.actors
    assert Actor("Taiwan", ()) in info.actors
    assert info.source == str(SEEDS)


def test_manifest_seeds_every_file_attributed_with_evidence():
    manifest = read_manifest(SEEDS)
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(manifest.articles) == files
    for attribution in manifest.articles.values():
        assert attribution.kind in KINDS
        assert attribution.evidence.strip()
    kinds = [manifest.articles[name].kind for name in files]
    assert kinds == ["rewrite", "original reporting", "aggregator", "wire", "aggregator"]
    bylines = {name[:3]: manifest.articles[name].byline for name in files}
    assert bylines == {
        "000": "",
        "001": "Martin Fackler",
        "002": "Staff Here Orlando Writer",
        "003": "",
        "004": "",
    }


@pytest.mark.parametrize(
    "prefix, must_mention",
    [
        ("000", "twice"),
        ("001", "Leave a Reply"),
        ("002", "HEREOrlando.com"),
        ("003", "wire"),
        ("004", "ALSO READ"),
    ],
)
def test_manifest_seeds_evidence_names_what_the_text_shows(prefix, must_mention):
    manifest = read_manifest(SEEDS)
    (name,) = [n for n in manifest.articles if n.startswith(prefix)]
    assert must_mention in manifest.articles[name].evidence


def test_manifest_absent_returns_none(tmp_path):
    assert read_manifest(_story(tmp_path, None)) is None


def test_manifest_partial_attribution(tmp_path):
    folder = _story(
        tmp_path,
        '[story]\ntitle = "Talks"\nactors = ["Japan", {name = "China", aliases = ["Beijing"]}]\n'
        '[[article]]\nfile = "a.txt"\noutlet = "Daily Ledger"\nkind = "wire"\n',
    )
    manifest = read_manifest(folder)
    assert manifest.problems == ()
    assert manifest.info.actors == (Actor("Japan"), Actor("China", ("Beijing",)))
    loaded = load_paths([folder])
    assert [(a.id, a.outlet, a.kind) for a in loaded.articles] == [
        ("a", "Daily Ledger", "wire"),
        ("b", "b", "unknown"),  # not in the manifest: named after its file
    ]
    assert loaded.info.title == "Talks"


def test_manifest_without_title_uses_folder_name(tmp_path):
    folder = _story(tmp_path, '[[article]]\nfile = "a.txt"\noutlet = "X"\n')
    assert read_manifest(folder).info.title == "my-story"


def test_manifest_entry_for_missing_file_is_a_problem(tmp_path):
    folder = _story(
        tmp_path,
        '[[article]]\nfile = "gone.txt"\noutlet = "Gone"\n'
        '[[article]]\nfile = "a.txt"\noutlet = "A Times"\n',
    )
    manifest = read_manifest(folder)
    assert list(manifest.articles) == ["a.txt"]
    (problem,) = manifest.problems
    assert "gone.txt" in problem


def test_manifest_unknown_kind_shown_as_unknown(tmp_path):
    folder = _story(tmp_path, '[[article]]\nfile = "a.txt"\noutlet = "A"\nkind = "tabloid"\n')
    manifest = read_manifest(folder)
    assert manifest.articles["a.txt"].kind == "unknown"


def test_manifest_invalid_toml_does_not_stop_loading(tmp_path):
    folder = _story(tmp_path, '[story\ntitle = "broken')
    manifest = read_manifest(folder)
    assert manifest.articles == {}
    assert len(manifest.problems) == 1
    loaded = load_paths([folder])
    assert [(a.id, a.outlet) for a in loaded.articles] == [("a", "a"), ("b", "b")]
    assert any("manifest" in e.message for e in loaded.errors)
