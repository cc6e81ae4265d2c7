"""Nothing lost: saved stories survive a killed process and hostile store files.

``tests/test_store.py`` (the store's own tests) covers the atomic write with a
patched ``os.replace``, corrupt files and two writer processes. These add a
real crash (the saving process killed with SIGKILL after writing its
temporary file) and store files crafted to break the reader.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dashboard.store import (
    ERR_CORRUPT,
    CorruptStory,
    StoredFile,
    list_stories,
    load_story,
    save_story,
    to_loaded,
)

REPO = Path(__file__).resolve().parent.parent
ARTICLE = b"Officials met on Tuesday.\nThe talks went well, a spokesman said.\n"

KILL_MID_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {repo!r})
    from dashboard import store
    # Die the hard way once the new version is in its temporary file but
    # before it replaces the old one: no exception handler, no cleanup.
    os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
    store.save_story("second", [store.StoredFile("a.txt", b"NEW" * 100000)],
                     story_id={story_id!r}, root={root!r})
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_hardening_store_killed_mid_save_keeps_previous_version(tmp_path):
    saved = save_story("first", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    script = KILL_MID_SAVE.format(repo=str(REPO), story_id=saved.id, root=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    # The temporary file is left behind, the story itself is the old version.
    assert [p.name for p in tmp_path.glob(".*.tmp")] != []
    story = load_story(saved.id, tmp_path)
    assert (story.title, story.files[0].data) == ("first", ARTICLE)
    stories, problems = list_stories(tmp_path)
    assert [s.id for s in stories] == [saved.id]
    assert problems == []
    # And the next save works.
    save_story("third", [StoredFile("a.txt", b"Third.")], story_id=saved.id, root=tmp_path)
    assert load_story(saved.id, tmp_path).title == "third"


def _stored(name: str, data: bytes = ARTICLE, **extra) -> str:
    body = {
        "version": 1,
        "id": "x",
        "title": "T",
        "created": 1.0,
        "updated": 2.0,
        "files": [{"name": name, "data": base64.b64encode(data).decode()}],
        "outlets": {},
    }
    body.update(extra)
    return json.dumps(body)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\x.txt", "x.txt"),
        ("a\x1b[2J.txt", "a␛[2J.txt"),
    ],
)
def test_hardening_store_hostile_names_in_saved_file_made_safe(tmp_path, name, shown):
    (tmp_path / "hostile-1.json").write_text(_stored(name))
    story = load_story("hostile-1", tmp_path)
    assert story.files[0].name == shown
    loaded = to_loaded(story)
    assert [a.file for a in loaded.articles] == [shown]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("[" * 100_000, id="nested-100000-deep"),
        pytest.param('{"version": 1, "files": [' * 5_000, id="nested-objects"),
    ],
)
def test_hardening_store_deeply_nested_file_set_aside(tmp_path, content):
    good = save_story("good", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    (tmp_path / "deep-1.json").write_text(content)
    stories, problems = list_stories(tmp_path)
    assert [s.id for s in stories] == [good.id]
    assert [p.file for p in problems] == ["deep-1.json"]
    assert problems[0].message.startswith("The saved story file 'deep-1.json' could not be read")
    assert not (tmp_path / "deep-1.json").exists()
    assert len(list(tmp_path.glob("deep-1.json.corrupt-*"))) == 1


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"files": [{"name": "a.txt", "data": "!!not base64!!"}]}, "Only base64 data is allowed"),
        ({"created": "yesterday"}, "could not convert string to float: 'yesterday'"),
        ({"files": "a.txt"}, "malformed fields"),
        ({"version": 99}, "unknown format"),
    ],
)
def test_hardening_store_malformed_fields_reported(tmp_path, extra, reason):
    (tmp_path / "bad-1.json").write_text(_stored("a.txt", **extra))
    with pytest.raises(CorruptStory) as info:
        load_story("bad-1", tmp_path)
    moved = next(tmp_path.glob("bad-1.json.corrupt-*")).name
    assert str(info.value) == ERR_CORRUPT.format(file="bad-1.json", reason=reason, moved=moved)


def test_hardening_store_binary_upload_kept_and_reported_on_load(tmp_path):
    saved = save_story(
        "mixed",
        [StoredFile("ok.txt", ARTICLE), StoredFile("pic.txt", b"\x89PNG\r\n\x1a\n")],
        root=tmp_path,
    )
    loaded = to_loaded(load_story(saved.id, tmp_path))
    assert [a.id for a in loaded.articles] == ["ok"]
    assert [e.file for e in loaded.errors] == ["pic.txt"]
    # Nothing was dropped from the store itself.
    assert [f.name for f in load_story(saved.id, tmp_path).files] == ["ok.txt", "pic.txt"]
    assert os.listdir(tmp_path).count(f"{saved.id}.json") == 1
