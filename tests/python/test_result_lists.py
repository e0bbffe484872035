"""introductions() and tables() give lists that a notebook shows short
(issue 13): still a list in every way a caller relies on (isinstance,
indexing, slicing, len, iteration, == with a list, pickling at every
protocol), with a short repr and _repr_html_ for a long result and
to_pandas()."""
import pickle

import pytest

import verbind

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def net():
    return verbind.sample_programme()


def biggest_event(net):
    from collections import Counter

    return Counter(a["event"] for a in net.attendance()).most_common(1)[0][0]


def results(net):
    return [
        (verbind.Introductions, verbind.introductions(net), verbind.Introduction),
        (verbind.Tables, verbind.tables(net, biggest_event(net), size=4, seed=1), verbind.Table),
    ]


def test_they_are_lists(net):
    for cls, result, item in results(net):
        assert type(result) is cls and isinstance(result, list)
        plain = list(result)
        assert len(result) == len(plain) > 3
        assert result == plain and plain == result and not (result != plain)
        assert result[0] is plain[0] and result[-1] is plain[-1]
        assert result[1:3] == plain[1:3]
        assert [x for x in result] == plain
        assert all(isinstance(x, item) for x in result)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(result, protocol=protocol))
            assert type(again) is cls and again == result


def test_a_long_result_shows_short(net):
    intros = verbind.introductions(net)
    with_via = sum(1 for x in intros if x.via)
    assert repr(intros) == f"<Introductions: {len(intros)} suggestions, {with_via} with someone who could introduce them>"
    html = intros._repr_html_()
    assert html.count("<tr>") == 1 + 10  # the header and the first ten
    assert f"\u2026 {len(intros) - 10} more" in html
    assert html.index(intros[0].a) < html.index(intros[9].b)
    seating = verbind.tables(net, biggest_event(net), size=4, seed=1)
    people = sum(len(t.members) for t in seating)
    alone = sum(len(t.unconnected) for t in seating)
    assert repr(seating) == f"<Tables: {len(seating)} tables, {people} people, {alone} sharing no talent at their table>"


def test_a_short_result_shows_as_a_list(net):
    one = verbind.introductions(net, limit=1)
    assert repr(one) == repr(list(one))
    assert "more" not in one._repr_html_()
    empty = verbind.introductions(verbind.Network())
    assert empty == [] and repr(empty) == "[]"
    assert list(empty.to_pandas().columns) == list(verbind.Introduction._fields)


def test_html_is_escaped():
    net = verbind.Network()
    net.add_resident("<b>r1</b>", municipality="Lelystad", talents=["chess & go"], groups=["A"])
    net.add_resident("r2", municipality="Lelystad", talents=["chess & go"], groups=["B"])
    html = verbind.introductions(net)._repr_html_()
    assert "&lt;b&gt;r1&lt;/b&gt;" in html and "<b>r1</b>" not in html and "chess &amp; go" in html


def test_to_pandas_has_a_row_per_record(net):
    for _, result, item in results(net):
        frame = result.to_pandas()
        assert list(frame.columns) == list(item._fields)
        assert len(frame) == len(result)
        for k in (0, len(result) - 1):
            for field in item._fields:
                assert frame[field].iloc[k] == getattr(result[k], field)


def test_network_records_are_lists_that_show_short(net):
    for name, fields in [("actors", ["key", "type"]), ("ties", ["a", "b", "kind"]),
                         ("events", ["key", "date"]), ("attendance", ["event", "actor"])]:
        records = getattr(net, name)()
        assert type(records) is verbind.Records and isinstance(records, list)
        plain = list(records)
        assert records == plain and len(records) == len(plain) > 10 and records[3] == plain[3]
        assert all(isinstance(r, dict) for r in records)
        assert repr(records).startswith(f"<Records: {len(records)} {name} (")
        for f in fields:
            assert f in repr(records)
        html = records._repr_html_()
        assert html.count("<tr>") == 1 + 10 and f"\u2026 {len(records) - 10} more" in html
        frame = records.to_pandas()
        assert len(frame) == len(records) and list(frame.columns) == list(records[0])
        assert frame.iloc[-1].to_dict().keys() == records[-1].keys()
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(records, protocol=protocol))
            assert type(again) is verbind.Records and again == records and repr(again) == repr(records)
    # A short list shows as the list it is.
    small = verbind.Network()
    small.add_resident("r1")
    assert repr(small.actors()) == repr(list(small.actors()))
    assert small.ties() == [] and repr(small.ties()) == "[]"
