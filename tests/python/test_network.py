"""Network: adding, reading back, sensitive groups, removal cascades, value semantics."""

import copy
import datetime
import threading

import pytest

import verbind
from conftest import build_small_network, d


def test_counts(small):
    assert small.num_actors == 6 == len(small)
    assert small.num_residents == 5
    assert small.num_organisations == 1
    assert small.num_ties == 6
    assert small.num_events == 3
    assert small.num_attendances == 9


def test_actor_dicts(small):
    assert small.actor("eva") == {
        "key": "eva", "type": "resident", "kind": None, "neighbourhood": "Noord", "municipality": "Lelystad",
        "talents": [], "groups": [], "key_figure": True, "trained_on": datetime.date(2022, 2, 1),
    }
    assert small.actor("lib") == {
        "key": "lib", "type": "organisation", "kind": "library", "neighbourhood": "Noord",
        "municipality": "Lelystad", "talents": ["language lessons"], "groups": [], "key_figure": False,
        "trained_on": None,
    }
    assert small.actor("bob")["talents"] == ["football", "cooking"]
    assert [a["key"] for a in small.actors()] == ["ann", "bob", "cem", "dua", "eva", "lib"]


def test_sensitive_groups_stay_inside_unless_asked(small):
    assert small.sensitive_groups == ["lgbti"]
    assert small.actor("ann")["groups"] == ["choir"]
    assert small.actor("dua")["groups"] == []
    assert small.actor("ann", include_sensitive=True)["groups"] == ["lgbti", "choir"]
    assert small.actor("dua", include_sensitive=True)["groups"] == ["lgbti"]
    everyone = small.actors()
    assert all("lgbti" not in a["groups"] for a in everyone)
    assert [a["groups"] for a in small.actors(include_sensitive=True)] == [
        ["lgbti", "choir"], [], ["choir"], ["lgbti"], [], []]
    # Nothing sensitive in the repr either: counts only.
    assert "lgbti" not in repr(small) and "ann" not in repr(small)


def test_marking_sensitive_later_hides_the_group(small):
    assert small.actor("cem")["groups"] == ["choir"]
    small.mark_sensitive("choir")
    assert small.actor("cem")["groups"] == []
    assert small.sensitive_groups == ["choir", "lgbti"]


def test_ties_events_attendance(small):
    ties = small.ties()
    assert ties[1] == {"a": "ann", "b": "bob", "kind": "neighbour", "since": d("2022-03-01"),
                       "until": d("2022-09-01"), "weight": 3.0}
    assert ties[4] == {"a": "dua", "b": "eva", "kind": "knows", "since": None, "until": d("2022-02-01"),
                       "weight": 1.0}
    assert [t["kind"] for t in ties] == ["knows", "neighbour", "knows", "neighbour", "knows", "knows"]
    events = small.events()
    assert events[0] == {"key": "e1", "date": d("2022-05-04"), "kind": "4 May commemoration",
                         "neighbourhood": "Noord", "municipality": "Lelystad", "organisers": ["lib"]}
    assert events[1]["municipality"] is None
    assert events[2]["organisers"] == ["cem", "dua"]
    attendance = small.attendance()
    assert attendance[1] == {"event": "e1", "actor": "bob", "brought_by": "ann"}
    assert attendance[0]["brought_by"] is None
    assert [(a["event"], a["actor"]) for a in attendance] == [
        ("e1", "ann"), ("e1", "bob"), ("e1", "eva"), ("e2", "ann"), ("e2", "bob"), ("e2", "cem"), ("e2", "lib"),
        ("e3", "cem"), ("e3", "dua")]


def test_contains():
    net = verbind.Network()
    net.add_resident("r-1")
    assert "r-1" in net
    assert "r-2" not in net
    assert 5 not in net
    assert "r\udc80" not in net


def test_remove_actor_cascades(small):
    small.remove("cem")
    assert "cem" not in small
    assert small.num_actors == 5
    # bob - cem and cem - dua are gone, the rest keep their order.
    assert [(t["a"], t["b"], t["kind"]) for t in small.ties()] == [
        ("ann", "bob", "knows"), ("ann", "bob", "neighbour"), ("dua", "eva", "knows"), ("eva", "lib", "knows")]
    # cem organised e3 with dua; dua stays organiser.
    assert small.events()[2]["organisers"] == ["dua"]
    # cem's attendance is gone; dua, whom cem brought, keeps hers without brought_by.
    assert [(a["event"], a["actor"], a["brought_by"]) for a in small.attendance()] == [
        ("e1", "ann", None), ("e1", "bob", "ann"), ("e1", "eva", None),
        ("e2", "ann", None), ("e2", "bob", None), ("e2", "lib", None), ("e3", "dua", None)]
    assert small.num_attendances == 7


def test_remove_organiser_and_bringer(small):
    small.remove("lib")
    assert small.events()[0]["organisers"] == []
    assert small.num_ties == 5
    small.remove("ann")
    assert small.attendance()[0] == {"event": "e1", "actor": "bob", "brought_by": None}
    assert [t["kind"] for t in small.ties()] == ["knows", "neighbour", "knows"]
    # Keys still resolve after the ids shifted.
    small.add_tie("bob", "eva", "neighbour")
    assert small.ties()[-1]["a"] == "bob"


def test_remove_event(small):
    small.remove_event("e2")
    assert [e["key"] for e in small.events()] == ["e1", "e3"]
    assert small.num_attendances == 5
    assert {a["event"] for a in small.attendance()} == {"e1", "e3"}
    assert small.num_actors == 6


def test_copy_and_equality(small):
    twin = small.copy()
    assert twin == small
    assert copy.copy(small) == small and copy.deepcopy(small) == small
    twin.add_resident("fay")
    assert twin != small
    assert small.num_actors == 6
    assert build_small_network() == small
    assert (small == 42) is False
    assert small != "network"
    with pytest.raises(TypeError):
        hash(small)


def test_repr_counts(small):
    net = verbind.Network()
    assert repr(net) == ("<verbind.Network: 0 actors (0 residents, 0 organisations), 0 ties, 0 events, "
                         "0 attendances>")
    assert repr(small) == ("<verbind.Network: 6 actors (5 residents, 1 organisation), 6 ties, 3 events, "
                           "9 attendances>")


def test_add_organiser_and_sensitive_are_kept_by_copy(small):
    small.add_organiser("e2", "lib")
    assert small.events()[1]["organisers"] == ["lib"]
    assert small.copy().sensitive_groups == ["lgbti"]


def test_repeated_list_items_are_kept_once():
    net = verbind.Network()
    net.add_resident("r", talents=["music", "music", "cooking"])
    assert net.actor("r")["talents"] == ["music", "cooking"]


def test_version():
    parts = verbind.__version__.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts)


def test_readers_and_a_writer_in_threads():
    """Graph building runs without the GIL; a second thread that changes the
    Network meanwhile must neither crash it nor be lost."""
    net = verbind.sample_programme(seed=3, scale=0.5)
    base = net.num_actors
    sizes = []

    def build():
        for _ in range(20):
            sizes.append(net.graph(co_attendance=True).num_nodes)

    readers = [threading.Thread(target=build) for _ in range(2)]
    for t in readers:
        t.start()
    for i in range(300):
        net.add_resident(f"new-{i}")
    for t in readers:
        t.join()
    assert net.num_actors == base + 300
    assert len(sizes) == 40 and all(base <= s <= base + 300 for s in sizes)
    assert net.graph(co_attendance=True).num_nodes == base + 300
