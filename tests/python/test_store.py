"""The SQLite store from Python: Network.save / verbind.load, verbind.Store,
bad files, a full disk, erasure. The file is also read with Python's own
sqlite3 module, independently of verbind."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

import verbind


def rows(path, sql):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_save_load_round_trip(small, tmp_path):
    small.mark_sensitive_event("e3")
    small.mark_sensitive_tie_kind("neighbour")
    path = tmp_path / "net.db"
    small.save(path)
    back = verbind.load(path)
    assert back == small
    assert back.sensitive_events == ["e3"]
    assert back.sensitive_tie_kinds == ["neighbour"]
    assert back.actors(include_sensitive=True) == small.actors(include_sensitive=True)
    assert back.ties() == small.ties()
    assert back.attendance() == small.attendance()
    # The file as another SQLite reader sees it.
    assert rows(path, "PRAGMA user_version") == [(verbind.store_schema_version,)]
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(path, "SELECT count(*) FROM ties") == [(small.num_ties,)]
    assert rows(path, "SELECT key, groups FROM actors WHERE key = 'ann'") == [("ann", "lgbti;choir")]
    assert rows(path, "SELECT brought_by IS NULL FROM attendance ORDER BY seq") == [
        (a["brought_by"] is None,) for a in small.attendance()]


def test_store_writes_through_and_reopens(small, tmp_path):
    path = str(tmp_path / "live.db")
    with verbind.Store(path) as store:
        store.replace(small)
        store.add_resident("fay", neighbourhood="Zuid", talents=["music"], groups=["lgbti"], key_figure=True,
                           trained_on="2023-01-10")
        store.add_tie("fay", "ann", "buddy", since="2023-02-01", weight=2.5)
        store.add_event("e4", date="2023-03-01", kind="dialogue evening", organisers=["fay"])
        store.add_organiser("e4", "lib")
        store.attend("e4", "fay")
        store.attend("e4", "ann", brought_by="fay")
        store.mark_sensitive_event("e4")
        store.mark_sensitive_tie_kind("buddy")
        snapshot = store.network
        assert snapshot.num_actors == small.num_actors + 1
        assert rows(path, "SELECT count(*) FROM ties") == [(small.num_ties + 1,)]
        assert rows(path, "SELECT since, weight FROM ties ORDER BY seq DESC LIMIT 1") == [("2023-02-01", 2.5)]
        # the snapshot is a copy
        snapshot.add_resident("not-stored")
        assert "not-stored" not in store.network
    assert store.closed
    with pytest.raises(verbind.FileError, match="closed"):
        store.add_resident("x")
    reopened = verbind.Store(path)
    assert reopened.network == verbind.load(path)
    assert reopened.network.actor("fay", include_sensitive=True)["groups"] == ["lgbti"]
    assert reopened.network.sensitive_events == ["e4"]
    reopened.close()


def test_store_rejects_bad_input_without_change(small, tmp_path):
    path = tmp_path / "s.db"
    with verbind.Store(path) as store:
        store.replace(small)
        before = open(path, "rb").read(), store.network
        with pytest.raises(verbind.NotFoundError, match="unknown actor 'zed'"):
            store.add_tie("ann", "zed")
        with pytest.raises(verbind.InputError, match="already exists"):
            store.add_resident("ann")
        with pytest.raises(TypeError, match="add_resident\\(\\): key must be str"):
            store.add_resident(5)
        with pytest.raises(verbind.NotFoundError):
            store.mark_sensitive_event("no-such-event")
        assert store.network == before[1]
    assert verbind.load(path) == small


def test_bad_files(small, tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(verbind.FileError, match="no such file") as info:
        verbind.load(missing)
    assert isinstance(info.value, OSError)

    text = tmp_path / "text.db"
    text.write_text("key,neighbourhood\n" + "ann,Noord\n" * 40)
    before = text.read_bytes()
    with pytest.raises(verbind.FileError, match="not a SQLite database"):
        verbind.load(text)
    with pytest.raises(verbind.FileError, match="not a SQLite database"):
        small.save(text)
    with pytest.raises(verbind.FileError):
        verbind.Store(text)
    assert text.read_bytes() == before

    newer = tmp_path / "newer.db"
    small.save(newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 3")
    con.close()
    before = newer.read_bytes()
    with pytest.raises(verbind.FileError, match="schema version 3 is newer than this verbind can read"):
        verbind.load(newer)
    with pytest.raises(verbind.FileError, match="newer"):
        verbind.Network().save(newer)
    assert newer.read_bytes() == before

    with pytest.raises(verbind.FileError, match="/proc/verbind.db"):
        small.save("/proc/verbind.db")
    with pytest.raises(TypeError):
        small.save(3)


def test_full_disk_keeps_the_last_saved_state(small, tmp_path):
    path = tmp_path / "full.db"
    small.save(path)
    size = path.stat().st_size
    # A child process whose files may not grow past `size` + 16 KiB.
    script = textwrap.dedent(f"""
        import resource, signal, verbind
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size} + 16384, {size} + 16384))
        big = verbind.sample_programme(seed=3)
        try:
            big.save({str(path)!r})
        except verbind.FileError as e:
            print("FileError:", e)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ, timeout=120)
    assert "FileError:" in out.stdout and "full" in out.stdout, out.stdout + out.stderr
    assert verbind.load(path) == small


def test_erasure_leaves_no_bytes(small, tmp_path):
    path = tmp_path / "erase.db"
    small.add_resident("erase-me-5c1d", neighbourhood="Secret-Steeg-31", talents=["unique-talent-q7"],
                       groups=["lgbti"])
    small.add_tie("erase-me-5c1d", "ann", "knows")
    small.attend("e2", "erase-me-5c1d", brought_by="ann")
    small.save(path)
    assert b"erase-me-5c1d" in path.read_bytes()
    with verbind.Store(path) as store:
        store.remove("erase-me-5c1d")
        for name in (path, str(path) + "-wal"):
            data = open(name, "rb").read() if os.path.exists(name) else b""
            for trace in (b"erase-me-5c1d", b"Secret-Steeg-31", b"unique-talent-q7"):
                assert trace not in data, (name, trace)
    small.remove("erase-me-5c1d")
    assert verbind.load(path) == small
