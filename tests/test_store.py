import base64
import errno
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from analysis import messages
from dashboard import atomic, store
from dashboard.store import (
    ERR_CORRUPT,
    CorruptStory,
    StoredFile,
    StoreError,
    add_files,
    content_key,
    delete_story,
    list_stories,
    load_story,
    save_story,
    set_outlets,
    store_dir,
    to_loaded,
)
from dashboard.uploads import new_files

ARTICLE = b"Officials said the talks went well. Critics slammed the deal on Monday.\n"


def test_store_round_trip_keeps_bytes_and_names(tmp_path):
    files = [StoredFile("a.txt", ARTICLE), StoredFile("b.html", b"\xff\xfe<p>x</p>")]
    saved = save_story("Budget vote", files, {"a": "The Daily"}, root=tmp_path)
    loaded = load_story(saved.id, tmp_path)
    assert loaded.title == "Budget vote"
    assert [(f.name, f.data) for f in loaded.files] == [(f.name, f.data) for f in files]
    assert loaded.outlets == {"a": "The Daily"}
    assert loaded.created == saved.created and loaded.updated == saved.updated
    assert saved.id.startswith("budget-vote-")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\win.txt", "win.txt"),
        ("<b>bold</b>.txt", "b>.txt"),  # safe_name keeps only the last path part
        ("tab\tname\x00.txt", None),
    ],
)
def test_store_file_names_never_become_paths(tmp_path, given, kept):
    saved = save_story("t", [StoredFile(given, ARTICLE)], root=tmp_path / "store")
    name = saved.files[0].name
    if kept is not None:
        assert name == kept
    assert "/" not in name and "\\" not in name.replace("\\x", "")
    assert not any(ord(c) < 32 for c in name)
    # Only the story file and the lock exist, all inside the store.
    created = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")}
    assert created == {Path("store"), Path("store/.lock"), Path(f"store/{saved.id}.json")}


@pytest.mark.parametrize("bad_id", ["../x", "a/b", "", ".hidden", "UPPER", "x" * 80])
def test_store_rejects_bad_ids(tmp_path, bad_id):
    with pytest.raises(StoreError, match="not a valid story id"):
        load_story(bad_id, tmp_path)
    with pytest.raises(StoreError):
        delete_story(bad_id, tmp_path)


def test_store_env_variable_chooses_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_STORE", str(tmp_path / "mine"))
    assert store_dir() == (tmp_path / "mine").resolve()
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)])
    assert (tmp_path / "mine" / f"{saved.id}.json").exists()


def test_store_needs_files(tmp_path):
    with pytest.raises(StoreError, match="at least one"):
        save_story("t", [], root=tmp_path)


def test_store_crash_mid_save_keeps_previous_version(tmp_path, monkeypatch):
    first = save_story("v1", [StoredFile("a.txt", b"first version")], root=tmp_path)

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(store.StoreError, match="disk full"):
        save_story("v2", [StoredFile("a.txt", b"second")], story_id=first.id, root=tmp_path)
    monkeypatch.undo()
    again = load_story(first.id, tmp_path)
    assert again.title == "v1" and again.files[0].data == b"first version"
    # The temporary file was cleaned up.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", f"{first.id}.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "invalid JSON at line 1"),
        (b'{"version": 1, "title": "x"}', "missing field 'files'"),
        (b'{"version": 99, "files": []}', "unknown format"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b'{"version": 1, "files": [{"name": "a.txt", "data": "***"}]}', "base64"),
    ],
)
def test_store_corrupt_file_is_reported_and_moved_aside(tmp_path, content, reason):
    good = save_story("good", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    (tmp_path / "broken-0001.json").write_bytes(content)
    stories, problems = list_stories(tmp_path)
    assert [s.id for s in stories] == [good.id]
    assert len(problems) == 1
    assert problems[0].file == "broken-0001.json"
    assert reason.lower() in problems[0].message.lower()
    assert "moved aside" in problems[0].message
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("broken-0001.json.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == content
    assert not (tmp_path / "broken-0001.json").exists()
    # Reported once: the next listing is clean.
    assert list_stories(tmp_path)[1] == []


def test_store_load_corrupt_raises_corrupt_story(tmp_path):
    (tmp_path / "bad-1.json").write_text("[]")
    with pytest.raises(CorruptStory, match="moved aside"):
        load_story("bad-1", tmp_path)


def test_store_delete(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    assert delete_story(saved.id, tmp_path) is True
    assert delete_story(saved.id, tmp_path) is False
    with pytest.raises(StoreError, match="no saved story"):
        load_story(saved.id, tmp_path)
    assert list_stories(tmp_path) == ([], [])


def test_store_set_outlets_and_to_loaded(tmp_path):
    table = b'text,outlet\n"First article text here.",Wire\n"Second one.",Blog\n'
    saved = save_story(
        "t", [StoredFile("a.txt", ARTICLE), StoredFile("rows.csv", table),
              StoredFile("a.txt", ARTICLE), StoredFile("pic.txt", b"\x89PNG\r\n\x1a\n\0\0")],
        root=tmp_path,
    )
    set_outlets(saved.id, {"a": "Renamed", "rows-2": "  ", "a-2": "Copy"}, tmp_path)
    loaded = to_loaded(load_story(saved.id, tmp_path))
    outlets = {a.id: a.outlet for a in loaded.articles}
    assert outlets == {"a": "Renamed", "rows-1": "Wire", "rows-2": "Blog", "a-2": "Copy"}
    assert [e.file for e in loaded.errors] == ["pic.txt"]
    assert loaded.info.title == "t"


def test_store_content_key_tracks_inputs(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    renamed = set_outlets(saved.id, {"a": "X"}, tmp_path)
    resaved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    assert content_key(saved) != content_key(renamed)
    assert content_key(saved) == content_key(resaved)  # same content, same analysis


def test_store_lock_serialises_writers(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    folder = store_dir(tmp_path)
    entered = threading.Event()
    release = threading.Event()

    def hold():
        with store._locked(folder):
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    with pytest.raises(StoreError, match="Another Slant window"):
        with store._locked(folder, timeout=0.2):
            pass
    release.set()
    holder.join()
    set_outlets(saved.id, {"a": "after"}, tmp_path)  # the lock is free again
    assert load_story(saved.id, tmp_path).outlets == {"a": "after"}


def _writer(root: str, story_id: str, tag: str, rounds: int) -> None:
    payload = tag.encode() * 200_000  # large enough that a torn write would show
    for i in range(rounds):
        save_story(f"{tag}-{i}", [StoredFile("a.txt", payload)], story_id=story_id, root=root)


def test_store_concurrent_writers_never_interleave(tmp_path):
    saved = save_story("start", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    workers = [
        context.Process(target=_writer, args=(str(tmp_path), saved.id, tag, 15))
        for tag in ("A", "B")
    ]
    for w in workers:
        w.start()
    # Read while they write: every read sees one complete version.
    seen = set()
    while any(w.is_alive() for w in workers):
        story = load_story(saved.id, tmp_path)
        tag = story.title.split("-")[0]
        if tag in "AB" and tag:
            assert story.files[0].data == tag.encode() * 200_000
            seen.add(tag)
    for w in workers:
        w.join()
        assert w.exitcode == 0
    final = json.loads((tmp_path / f"{saved.id}.json").read_text())
    assert final["title"] in {"A-14", "B-14"}
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


# --- Hostile and malformed input (was test_hardening_store.py) ---
# Nothing lost: saved stories survive a killed process and hostile store files.


REPO = Path(__file__).resolve().parent.parent
PLAIN_ARTICLE = b"Officials met on Tuesday.\nThe talks went well, a spokesman said.\n"

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
def test_store_store_killed_mid_save_keeps_previous_version(tmp_path):
    saved = save_story("first", [StoredFile("a.txt", PLAIN_ARTICLE)], root=tmp_path)
    script = KILL_MID_SAVE.format(repo=str(REPO), story_id=saved.id, root=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    # The temporary file is left behind, the story itself is the old version.
    assert [p.name for p in tmp_path.glob(".*.tmp")] != []
    story = load_story(saved.id, tmp_path)
    assert (story.title, story.files[0].data) == ("first", PLAIN_ARTICLE)
    stories, problems = list_stories(tmp_path)
    assert [s.id for s in stories] == [saved.id]
    assert problems == []
    # And the next save works.
    save_story("third", [StoredFile("a.txt", b"Third.")], story_id=saved.id, root=tmp_path)
    assert load_story(saved.id, tmp_path).title == "third"


def _stored(name: str, data: bytes = PLAIN_ARTICLE, **extra) -> str:
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
def test_store_store_hostile_names_in_saved_file_made_safe(tmp_path, name, shown):
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
def test_store_store_deeply_nested_file_set_aside(tmp_path, content):
    good = save_story("good", [StoredFile("a.txt", PLAIN_ARTICLE)], root=tmp_path)
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
def test_store_store_malformed_fields_reported(tmp_path, extra, reason):
    (tmp_path / "bad-1.json").write_text(_stored("a.txt", **extra))
    with pytest.raises(CorruptStory) as info:
        load_story("bad-1", tmp_path)
    moved = next(tmp_path.glob("bad-1.json.corrupt-*")).name
    assert str(info.value) == ERR_CORRUPT.format(file="bad-1.json", reason=reason, moved=moved)


def test_store_store_binary_upload_kept_and_reported_on_load(tmp_path):
    saved = save_story(
        "mixed",
        [StoredFile("ok.txt", PLAIN_ARTICLE), StoredFile("pic.txt", b"\x89PNG\r\n\x1a\n")],
        root=tmp_path,
    )
    loaded = to_loaded(load_story(saved.id, tmp_path))
    assert [a.id for a in loaded.articles] == ["ok"]
    assert [e.file for e in loaded.errors] == ["pic.txt"]
    # Nothing was dropped from the store itself.
    assert [f.name for f in load_story(saved.id, tmp_path).files] == ["ok.txt", "pic.txt"]
    assert os.listdir(tmp_path).count(f"{saved.id}.json") == 1


# --- Read-modify-write, disk problems, stale temporary files (issue 16) ---


def _story(tmp_path, name="a.txt"):
    return save_story("Story", [StoredFile(name, ARTICLE)], root=tmp_path)


def _widen_the_race(monkeypatch):
    # Each writer pauses between reading the current version and writing its
    # change, as a session collecting uploads does: two writers both arrive at
    # the barrier only if the lock lets them read at the same time.
    real_read = store._read_or_set_aside
    barrier = threading.Barrier(2, timeout=5)

    def slow_read(path, story_id):
        current = real_read(path, story_id)
        try:
            barrier.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass
        return current

    monkeypatch.setattr(store, "_read_or_set_aside", slow_read)


def test_store_concurrent_adds_keep_both_files(tmp_path, monkeypatch):
    first = _story(tmp_path)
    _widen_the_race(monkeypatch)
    errors = []

    def add(name):
        try:
            add_files(first.id, [StoredFile(name, ARTICLE)], root=tmp_path)
        except StoreError as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in ("b.txt", "c.txt")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    names = sorted(f.name for f in load_story(first.id, tmp_path).files)
    assert names == ["a.txt", "b.txt", "c.txt"]


def _add_in_process(root, story_id, name):
    add_files(story_id, [StoredFile(name, ARTICLE)], root=root)


def test_store_concurrent_adds_from_processes_keep_every_file(tmp_path):
    first = _story(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_add_in_process, args=(str(tmp_path), first.id, f"p{i}.txt"))
        for i in range(4)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    names = sorted(f.name for f in load_story(first.id, tmp_path).files)
    assert names == ["a.txt", "p0.txt", "p1.txt", "p2.txt", "p3.txt"]


def test_store_add_files_renames_a_clashing_name(tmp_path):
    first = _story(tmp_path)
    saved = add_files(first.id, [StoredFile("a.txt", b"Other text.")], {"a-2": "Other"}, tmp_path)
    assert [f.name for f in saved.files] == ["a.txt", "a-2.txt"]
    assert saved.outlets == {"a-2": "Other"}


def test_store_set_outlets_racing_an_add_keeps_the_add(tmp_path):
    first = _story(tmp_path)
    add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)
    # set_outlets works on the version on disk, not on a copy read before the add.
    saved = set_outlets(first.id, {"a": "Outlet A"}, tmp_path)
    assert [f.name for f in saved.files] == ["a.txt", "b.txt"]
    assert saved.outlets == {"a": "Outlet A"}


def test_store_stale_write_refused_with_message(tmp_path):
    first = _story(tmp_path)
    add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)
    with pytest.raises(StoreError) as caught:
        save_story(
            "Story", first.files, story_id=first.id, root=tmp_path,
            expected_updated=first.updated,
        )
    assert str(caught.value) == messages.STORE_STALE
    assert len(load_story(first.id, tmp_path).files) == 2
    current = load_story(first.id, tmp_path)
    saved = save_story(
        "Renamed", current.files, story_id=first.id, root=tmp_path,
        expected_updated=current.updated,
    )
    assert saved.title == "Renamed"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, messages.STORE_DISK_FULL),
        (errno.EROFS, messages.STORE_READ_ONLY),
        (errno.EACCES, messages.STORE_READ_ONLY),
    ],
    ids=["full", "read-only", "no-permission"],
)
def test_store_disk_problem_has_its_own_message_and_old_version_stays(
    tmp_path, monkeypatch, code, message
):
    first = _story(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(StoreError) as caught:
        add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)
    monkeypatch.undo()
    assert str(caught.value) == message.format(folder=tmp_path.resolve())
    assert [f.name for f in load_story(first.id, tmp_path).files] == ["a.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_store_stale_temporary_files_cleaned_under_the_lock(tmp_path):
    first = _story(tmp_path)
    stale = tmp_path / f".{first.id}.json.0123456789abcdef.tmp"
    stale.write_bytes(b"x" * 1000)
    other = tmp_path / "notes.tmp"  # not a name the store writes: left alone
    other.write_bytes(b"mine")
    add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)
    assert not stale.exists()
    assert other.read_bytes() == b"mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_store_read_only_store_with_corrupt_file_lists_the_others(tmp_path):
    good = _story(tmp_path)
    (tmp_path / "bad-0000.json").write_text("{not json", encoding="utf-8")
    (tmp_path / ".lock").unlink()
    tmp_path.chmod(0o555)
    try:
        stories, problems = list_stories(tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert [s.id for s in stories] == [good.id]
    assert [p.file for p in problems] == ["bad-0000.json"]
    assert "read-only" in problems[0].message


def test_store_read_only_store_lists_stories_when_lock_cannot_open(tmp_path, monkeypatch):
    # The same case as above for a root user: the lock file cannot be opened.
    good = _story(tmp_path)
    (tmp_path / "bad-0000.json").write_text("{not json", encoding="utf-8")
    real_open = open

    def read_only_open(path, mode="r", *args, **kwargs):
        if str(path).endswith(".lock") or "w" in mode or "a" in mode:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, mode, *args, **kwargs)

    def no_replace(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("builtins.open", read_only_open)
    monkeypatch.setattr(store.os, "replace", no_replace)
    stories, problems = list_stories(tmp_path)
    monkeypatch.undo()
    assert [s.id for s in stories] == [good.id]
    assert problems == [
        store.StoreProblem(
            "bad-0000.json",
            messages.STORE_UNREADABLE_READ_ONLY.format(
                file="bad-0000.json", reason="invalid JSON at line 1"
            ),
        )
    ]
    assert (tmp_path / "bad-0000.json").exists()


# --- dashboard/atomic.py ---


def test_atomic_write_replaces_whole_file(tmp_path):
    path = tmp_path / "x.json"
    atomic.write_atomic(path, "first")
    atomic.write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


CACHE_ENTRY = re.compile(r"[0-9a-f]{32}\.json")


def test_atomic_prune_pointed_at_the_store_deletes_no_story(tmp_path):
    stories = [save_story(f"S{i}", [StoredFile("a.txt", ARTICLE)], root=tmp_path) for i in range(5)]
    # SLANT_CACHE=<the store>: the cache may not adopt a folder it did not create.
    with pytest.raises(atomic.NotOwned):
        atomic.owned_folder(tmp_path, "slant-analysis-cache")
    assert atomic.prune(tmp_path, "slant-analysis-cache", re.compile(r".*\.json"), keep=0) == []
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(s.id for s in stories)


def test_atomic_prune_deletes_only_its_own_names_in_its_own_folder(tmp_path):
    folder = atomic.owned_folder(tmp_path / "cache", "slant-analysis-cache")
    entries = []
    for i in range(4):
        path = folder / f"{i:032x}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1000 + i, 1000 + i))
        entries.append(path)
    (folder / "story-1234.json").write_text("{}", encoding="utf-8")  # not an entry name
    deleted = atomic.prune(folder, "slant-analysis-cache", CACHE_ENTRY, keep=2)
    assert sorted(deleted) == entries[:2]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [atomic.MARKER, "story-1234.json", entries[2].name, entries[3].name]
    )
    # Adopting the folder again is fine; another owner is refused.
    assert atomic.owned_folder(folder, "slant-analysis-cache") == folder
    with pytest.raises(atomic.NotOwned):
        atomic.owned_folder(folder, "someone-else")


def test_store_add_to_a_corrupt_story_reports_it_corrupt(tmp_path):
    first = _story(tmp_path)
    (tmp_path / f"{first.id}.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorruptStory, match="invalid JSON at line 1"):
        add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)


def test_store_add_to_a_deleted_story_says_not_found(tmp_path):
    first = _story(tmp_path)
    delete_story(first.id, tmp_path)
    with pytest.raises(StoreError, match="no saved story"):
        add_files(first.id, [StoredFile("b.txt", ARTICLE)], root=tmp_path)


def test_store_add_files_only_new_skips_content_already_in_the_current_version(tmp_path):
    first = _story(tmp_path)  # a.txt holds ARTICLE
    saved = add_files(
        first.id, [StoredFile("copy.txt", ARTICLE), StoredFile("b.txt", b"Other text.")],
        root=tmp_path, only_new=True,
    )
    assert [f.name for f in saved.files] == ["a.txt", "b.txt"]


def test_store_add_files_outlet_follows_a_renamed_file(tmp_path):
    first = save_story("Story", [StoredFile("pasted.txt", ARTICLE)], root=tmp_path)
    saved = add_files(
        first.id, [StoredFile("pasted.txt", b"Other text.")], {"pasted": "Gazette"},
        root=tmp_path,
    )
    assert [f.name for f in saved.files] == ["pasted.txt", "pasted-2.txt"]
    assert saved.outlets == {"pasted-2": "Gazette"}


def test_store_two_windows_adding_through_the_page_keep_both_files(tmp_path, monkeypatch):
    # The dashboard's "add to the selected story": each window read the story
    # earlier (both saw only a.txt) and both pasted an article under the same
    # outlet's file name. The add runs on the version current under the lock.
    first = _story(tmp_path)
    stale = load_story(first.id, tmp_path)
    _widen_the_race(monkeypatch)

    def add(text, outlet):
        new = StoredFile("gazette.txt", text)
        assert new_files([new], stale.files) == [new]  # what the page checks first
        add_files(first.id, [new], {"gazette": outlet}, root=tmp_path, only_new=True)

    threads = [
        threading.Thread(target=add, args=(b"First window's article.", "Gazette")),
        threading.Thread(target=add, args=(b"Second window's article.", "Courier")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = load_story(first.id, tmp_path)
    assert sorted(f.name for f in saved.files) == ["a.txt", "gazette-2.txt", "gazette.txt"]
    assert sorted(saved.outlets.values()) == ["Courier", "Gazette"]
