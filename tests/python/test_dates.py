"""The supported range of dates (1500-01-01 to 9899-12-31) from Python: one
day outside is refused at input, as text or datetime.date, in every date field
and option, naming the record and field; the first and last supported days
work end-to-end through timeline and report (issue 11: 9999-12-31 made both
raise "IndexError: Year is out of valid range")."""
import datetime
import json

import pytest

import verbind

RANGE = r"is outside the supported range of dates \(1500-01-01 to 9899-12-31\)"
FIRST, LAST = datetime.date(1500, 1, 1), datetime.date(9899, 12, 31)


def edge_network(day, since, until):
    net = verbind.Network()
    net.add_resident("a", municipality="Almere", groups=["g1"], key_figure=True, trained_on=day)
    net.add_resident("b", municipality="Almere", groups=["g2"])
    net.add_tie("a", "b", since=since, until=until)
    net.add_event("e", date=day, kind="breakfast", municipality="Almere")
    net.attend("e", "a")
    net.attend("e", "b", brought_by="a")
    return net


@pytest.mark.parametrize("day, since, until", [
    (LAST, LAST, None),
    (datetime.date(9899, 5, 4), datetime.date(9899, 1, 1), LAST),
    (FIRST, FIRST, None),
    (datetime.date(1500, 1, 15), FIRST, datetime.date(1500, 2, 1)),
])
def test_first_and_last_supported_days_work_end_to_end(day, since, until):
    net = edge_network(day, since, until)
    for period in ["week", "month", "quarter", "year"]:
        records = verbind.timeline(net, period=period, min_cell=1, permutations=5)
        assert records  # one record per period, area and metric
    assert "</html>" in verbind.report(net, min_cell=1)


@pytest.mark.parametrize("bad", ["9999-12-31", "9900-01-01", "1499-12-31", datetime.date(9999, 12, 31),
                                 datetime.date(9900, 1, 1), datetime.date(1499, 12, 31), datetime.date(1, 1, 1)])
def test_one_day_outside_is_refused_at_input(bad):
    net = edge_network(datetime.date(2022, 5, 4), datetime.date(2022, 1, 1), None)
    before = (net.num_actors, net.num_ties, net.num_events)
    text = str(bad) if isinstance(bad, str) else f"{bad.year:04d}-{bad.month:02d}-{bad.day:02d}"
    with pytest.raises(verbind.InputError, match=f"event 'e2' field 'date': {text} {RANGE}"):
        net.add_event("e2", date=bad, kind="iftar")
    with pytest.raises(verbind.InputError, match=f"resident 'c' field 'trained_on': {text} {RANGE}"):
        net.add_resident("c", key_figure=True, trained_on=bad)
    with pytest.raises(verbind.InputError, match=f"tie 'a' - 'b' field 'since': {text} {RANGE}"):
        net.add_tie("a", "b", kind="partner", since=bad)
    if text > "2022":
        with pytest.raises(verbind.InputError, match=f"tie 'a' - 'b' field 'until': {text} {RANGE}"):
            net.add_tie("a", "b", kind="partner", until=bad)
    assert (net.num_actors, net.num_ties, net.num_events) == before
    with pytest.raises(ValueError, match=RANGE):
        verbind.timeline(net, end=bad) if text > "2022" else verbind.timeline(net, start=bad)


def test_readers_refuse_it_naming_file_and_field(tmp_path):
    doc = {"format": "verbind", "version": 1, "actors": [{"key": "r1", "type": "resident"}],
           "events": [{"key": "e1", "date": "9999-12-31", "kind": "iftar"}]}
    path = tmp_path / "n.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(verbind.ParseError, match=f"n.json:1.*date.*9999-12-31 {RANGE}"):
        verbind.read_json(path)
