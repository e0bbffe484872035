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
        with pytest.raises(TypeError, match="add_resident\\(\\): key must be str or int, not bool"):
            store.add_resident(True)
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
    newer_version = verbind.store_schema_version + 1
    con.execute(f"PRAGMA user_version = {newer_version}")
    con.close()
    before = newer.read_bytes()
    with pytest.raises(verbind.FileError, match=f"schema version {newer_version} is newer than this verbind can read"):
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


# --- under attack (issue 11) ----------------------------------------------------


def unseal(path):
    """Makes a current store look like one written before checksums (schema
    version 2), so its rows can be edited by hand to test the row checks."""
    con = sqlite3.connect(path)
    con.execute("DELETE FROM verbind_meta WHERE name = 'checksum'")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()


def test_damaged_store_is_refused_or_loads_as_saved(small, tmp_path):
    import random
    base = tmp_path / "base.db"
    small.mark_sensitive_event("e3")
    small.save(base)
    original = base.read_bytes()
    target = tmp_path / "t.db"
    rng = random.Random(20261130)
    # Most of a small store's pages are zeros (empty tables, unused space):
    # every fourth byte that is not zero gets one flipped bit, and 200 bytes
    # anywhere; cuts every 97 bytes and of the last 100.
    used = [i for i, b in enumerate(original) if b]
    cases = [("flip", i, 1 << rng.randrange(8)) for i in used[::4]]
    cases += [("flip", rng.randrange(len(original)), 1 << rng.randrange(8)) for _ in range(200)]
    cases += [("cut", n, 0) for n in list(range(1, 101)) + list(range(101, len(original), 97))]
    outcome = {"refused": 0, "same": 0, "different": [], "changed": []}
    for kind, where, bit in cases:
        if kind == "flip":
            damaged = bytearray(original)
            damaged[where] ^= bit
            damaged = bytes(damaged)
        else:
            damaged = original[:-where]
        for suffix in ("-wal", "-shm"):
            if os.path.exists(str(target) + suffix):
                os.remove(str(target) + suffix)
        target.write_bytes(damaged)
        try:
            got = verbind.load(target)
        except verbind.Error as e:
            assert isinstance(e, (verbind.FileError, verbind.ParseError)), e
            outcome["refused"] += 1
        else:
            if got == small:
                outcome["same"] += 1
            else:
                outcome["different"].append((kind, where))
        if target.read_bytes() != damaged:
            outcome["changed"].append((kind, where))
    assert outcome["different"] == []
    assert outcome["changed"] == []
    # The damage was seen (a cut of zero bytes at the end of the last page,
    # or a flip in unused space, loads as saved: that is allowed).
    assert outcome["refused"] >= len(used) // 8, outcome
    # The error a damaged file gives: a FileError (an OSError) naming the file.
    damaged = bytearray(original)
    damaged[original.index(b"lgbti;choir")] ^= 0x20  # 'Lgbti': a different group, if it loaded
    target.write_bytes(bytes(damaged))
    with pytest.raises(verbind.FileError, match="t.db': the file is corrupt") as info:
        verbind.load(target)
    assert isinstance(info.value, OSError)


def test_rows_written_by_another_program(small, tmp_path):
    path = tmp_path / "edited.db"
    small.save(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE ties SET weight = 7 WHERE seq = 1")
    con.commit()
    con.close()
    with pytest.raises(verbind.FileError, match="checksum does not match its content"):
        verbind.load(path)

    def edited(statement):
        small.save(path)
        unseal(path)
        con = sqlite3.connect(path)
        con.execute(statement)
        con.commit()
        con.close()

    edited("UPDATE actors SET neighbourhood = CAST(x'4e6f72ff64' AS TEXT) WHERE key = 'ann'")
    with pytest.raises(verbind.ParseError) as info:
        verbind.load(path)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert "table 'actors' row 1: field 'neighbourhood': is not valid UTF-8 ('Nor\\xFFd')" in message
    edited("UPDATE actors SET type = CAST(x'7265736964656e74ff' AS TEXT) WHERE key = 'ann'")
    with pytest.raises(verbind.ParseError, match=r"field 'type': is not valid UTF-8 \('resident\\xFF'\)"):
        verbind.load(path)
    edited("UPDATE ties SET weight = 'abc' WHERE seq = 1")
    with pytest.raises(verbind.ParseError, match="table 'ties' row 1: field 'weight': expected a number, got the text 'abc'"):
        verbind.load(path)
    edited("UPDATE actors SET key_figure = 1 WHERE type = 'organisation'")
    with pytest.raises(verbind.ParseError, match="organisation '.*' field 'key_figure': an organisation cannot be a key figure"):
        verbind.load(path)


def run_unprivileged(code):
    """Runs Python `code` as somebody for whom file permissions count (root
    ignores them): user nobody when this is root."""
    extra = {"user": 65534, "group": 65534, "extra_groups": []} if os.geteuid() == 0 else {}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=os.environ, timeout=120, **extra)


def test_read_only_folder_and_file(small, tmp_path):
    import shutil
    import tempfile
    top = tempfile.mkdtemp(prefix="verbind-ro-")  # pytest's own folders are private to this user
    os.chmod(top, 0o755)
    folder = os.path.join(top, "ro")
    os.mkdir(folder)
    from pathlib import Path
    folder = Path(folder)
    path = folder / "a.db"
    small.save(path)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    before = path.read_bytes()
    try:
        out = run_unprivileged(f"""
            import verbind
            net = verbind.load({str(path)!r})
            print("loaded", net.num_actors)
            try:
                verbind.Store({str(path)!r})
            except verbind.FileError as e:
                print("refused:", e)
        """)
        assert f"loaded {small.num_actors}" in out.stdout, out.stdout + out.stderr
        assert "refused:" in out.stdout and "read-only" in out.stdout, out.stdout + out.stderr
        assert not os.path.exists(str(path) + "-shm")
        os.chmod(folder, 0o777)
        out = run_unprivileged(f"""
            import verbind
            try:
                verbind.Store({str(path)!r})
            except verbind.FileError as e:
                print("refused:", e)
        """)
        assert "refused:" in out.stdout and "the file is read-only" in out.stdout, out.stdout + out.stderr
        assert path.read_bytes() == before
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)
        shutil.rmtree(top)


def test_two_stores_on_one_file(small, tmp_path):
    path = tmp_path / "two.db"
    small.save(path)
    with verbind.Store(path) as first, verbind.Store(path) as second:
        first.add_resident("dan")
        with pytest.raises(verbind.InputError, match="resident 'dan': key already exists"):
            second.add_resident("dan")
        assert "dan" in second.network
        second.add_tie("dan", "ann")
        assert first.network.num_ties == small.num_ties + 1
        first.remove("dan")
        with pytest.raises(verbind.NotFoundError):
            second.add_tie("dan", "bob")
        assert first.network == second.network == verbind.load(path) == small


def test_erasure_reaches_every_file_beside_the_store(small, tmp_path):
    path = tmp_path / "erase.db"
    key, kind = "erase-me-93ab", "kind-only-theirs-4t"
    small.add_resident(key, neighbourhood="Steeg-77x")
    small.add_tie(key, "ann", kind)
    small.save(path)
    # A save killed half-way leaves "<path>.new-<pid>-<n>": a whole copy.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"erase.db.new-{int(dead.stdout)}-1"
    stale.write_bytes(path.read_bytes())
    with verbind.Store(path) as store:
        assert not stale.exists()
    stale.write_bytes(path.read_bytes())
    with verbind.Store(path) as store:
        store.remove(key)
        for name in os.listdir(tmp_path):
            data = (tmp_path / name).read_bytes()
            for trace in (key.encode(), kind.encode(), b"Steeg-77x"):
                assert trace not in data, (name, trace)
    small.remove(key)
    assert verbind.load(path) == small
