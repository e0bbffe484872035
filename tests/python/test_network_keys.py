"""One rule for Network keys (docs/python.md, "Keys"): a str, or an int (a
Python int or a NumPy integer, never a bool) as its decimal digits, wherever
a Network or a Store takes a key. 7 and "7" are the same actor."""

import datetime

import numpy as np
import pytest

import verbind

DAY = datetime.date(2022, 3, 5)


def filled(net, seven, eight, event):
    """The same programme, with the keys given as `seven`, `eight`, `event`."""
    net.add_resident(seven, neighbourhood="Zuid")
    net.add_resident(eight)
    net.add_organisation(9, kind="library")
    net.add_tie(seven, eight, "knows")
    net.add_event(event, date=DAY, kind="iftar", organisers=[9])
    net.add_organiser(event, seven)
    net.attend(event, eight, brought_by=seven)
    return net


@pytest.mark.parametrize("seven, eight, event", [
    (7, 8, 100),
    (np.int64(7), np.uint8(8), np.int32(100)),
    ("7", "8", "100"),
])
def test_ints_are_their_decimal_digits(seven, eight, event):
    net = filled(verbind.Network(), seven, eight, event)
    # Compared with a network written with str keys only, built independently.
    text = verbind.Network()
    text.add_resident("7", neighbourhood="Zuid")
    text.add_resident("8")
    text.add_organisation("9", kind="library")
    text.add_tie("7", "8", "knows")
    text.add_event("100", date=DAY, kind="iftar", organisers=["9"])
    text.add_organiser("100", "7")
    text.attend("100", "8", brought_by="7")
    assert net == text
    assert 7 in net and "7" in net and np.int16(8) in net and 10 not in net
    assert net.actor(7) == net.actor("7") and net.actor(7)["key"] == "7"


def test_seven_and_string_seven_are_one_actor():
    net = verbind.Network()
    net.add_resident(7)
    with pytest.raises(verbind.InputError, match="'7'"):
        net.add_resident("7")
    with pytest.raises(verbind.InputError, match="'7'"):
        net.add_resident(np.int64(7))
    assert net.num_actors == 1
    # Negative and large ints: their digits, as str(int) writes them.
    net.add_resident(-3)
    net.add_resident(2**70)
    assert {a["key"] for a in net.actors()} == {"7", "-3", str(2**70)}
    net.remove(7)
    assert "7" not in net and net.num_actors == 2


@pytest.mark.parametrize("bad", [True, False, np.bool_(True), 7.0, np.float64(7), b"7", None])
def test_bool_and_other_types_are_refused_everywhere(bad):
    net = filled(verbind.Network(), "7", "8", "e")
    before = net.copy()
    calls = {
        "add_resident": lambda: net.add_resident(bad),
        "add_organisation": lambda: net.add_organisation(bad, kind="library"),
        "add_tie": lambda: net.add_tie("7", bad),
        "add_event": lambda: net.add_event(bad, date=DAY, kind="iftar"),
        "add_organiser": lambda: net.add_organiser("e", bad),
        "attend": lambda: net.attend(bad, "7"),
        "remove": lambda: net.remove(bad),
        "remove_event": lambda: net.remove_event(bad),
        "actor": lambda: net.actor(bad),
    }
    for name, call in calls.items():
        with pytest.raises(TypeError, match=rf"{name}\(\): \w+ must be str or int, not {type(bad).__name__}"):
            call()
    with pytest.raises(TypeError, match=r"every item of organisers must be str or int, not"):
        net.add_event("f", date=DAY, kind="iftar", organisers=["7", bad])
    if bad is not None:  # brought_by=None means on their own
        with pytest.raises(TypeError, match=r"attend\(\): brought_by must be str or int"):
            net.attend("e", "7", brought_by=bad)
    assert net == before
    assert bad not in net


def test_a_store_takes_the_same_keys(tmp_path):
    store = verbind.Store(str(tmp_path / "p.vbstore"))
    filled(store, 7, np.int64(8), 100)
    assert store.network == filled(verbind.Network(), "7", "8", "100")
    with pytest.raises(TypeError, match=r"add_resident\(\): key must be str or int, not bool"):
        store.add_resident(True)
    store.remove(8)
    assert "8" not in store.network


def test_a_network_graph_keeps_the_network_order_for_integer_keys():
    # Not renumbered by value (the readers do that): 30 was added first.
    net = verbind.Network()
    net.add_resident(30)
    net.add_resident(7)
    net.add_tie(30, 7)
    g = net.graph()
    assert g.keys == ["30", "7"]
    assert g.index(30) == 0 and g.index(7) == 1  # an int is still a label: integer keys
    assert g.to_series(g.degree()).to_dict() == {30: 1, 7: 1}
