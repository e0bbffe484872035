"""Who could introduce them (issue 16): every suggestion names who could
make the introduction and why, checked against an independent computation
from the records (net.ties(), net.events(), net.attendance(), net.actors()),
and sensitive records never make an introducer unless asked for by name."""
import pickle
from collections import defaultdict

import pytest

import verbind

REASONS = {
    "mutual_contact": "mutual contact",
    "shared_organisation": "shared organisation",
    "key_figure": "key figure in both neighbourhoods",
}


def independent_introducers(net, include_sensitive=False):
    """The rule of docs/match.md, from the public records (no window)."""
    hidden_kinds = set() if include_sensitive else set(net.sensitive_tie_kinds)
    hidden_events = set() if include_sensitive else set(net.sensitive_events)
    actors = {a["key"]: a for a in net.actors()}

    def is_org(key):
        return actors[key]["type"] == "organisation"

    def is_key_figure(key):
        return actors[key]["type"] == "resident" and actors[key]["key_figure"]

    def place(record):
        return (record["municipality"] or "", record["neighbourhood"]) if record["neighbourhood"] else None

    contacts = defaultdict(set)
    for tie in net.ties():
        if tie["kind"] not in hidden_kinds:
            contacts[tie["a"]].add(tie["b"])
            contacts[tie["b"]].add(tie["a"])
    orgs = defaultdict(set)
    for u, others in contacts.items():
        orgs[u] |= {w for w in others if is_org(w)}
    active = defaultdict(set)  # key figure -> places
    for key in actors:
        if is_key_figure(key) and place(actors[key]):
            active[key].add(place(actors[key]))
    events = {e["key"]: e for e in net.events() if e["key"] not in hidden_events}

    def took_part(u, event):
        orgs[u] |= {o for o in event["organisers"] if o != u and is_org(o)}
        if is_key_figure(u) and place(event):
            active[u].add(place(event))

    for event in events.values():
        for u in event["organisers"]:
            took_part(u, event)
    for record in net.attendance():
        if record["event"] in events:
            took_part(record["actor"], events[record["event"]])

    circle = defaultdict(int)  # organisation -> how many actors have it
    for u, theirs in orgs.items():
        for o in theirs:
            circle[o] += 1

    def introducers(a, b):
        """(via, via_kinds) as the rule gives them, and whether a mutual
        contact or shared organisation exists."""
        mutual = sorted((w for w in contacts[a] & contacts[b] if not is_org(w)),
                        key=lambda w: (not actors[w]["key_figure"], w))
        shared = sorted((orgs[a] & orgs[b]) - {a, b}, key=lambda o: (circle[o], o))  # smallest circle first
        pa, pb = place(actors[a]), place(actors[b])
        figures = sorted(k for k, p in active.items() if pa and pb and pa in p and pb in p and k not in (a, b))
        via, kinds = [], []
        for kind, people in (("mutual_contact", mutual), ("shared_organisation", shared), ("key_figure", figures)):
            for w in people:
                if len(via) < 3 and w not in via:
                    via.append(w)
                    kinds.append(kind)
        return via, kinds, bool(mutual or shared)

    return introducers


@pytest.mark.parametrize("include_sensitive", [False, True])
def test_every_introducer_on_the_sample_programme(include_sensitive):
    net = verbind.sample_programme()
    expected = independent_introducers(net, include_sensitive)
    suggestions = verbind.introductions(net, include_sensitive=include_sensitive)
    assert len(suggestions) > 1000
    with_via = with_contact_or_org = 0
    for s in suggestions:
        via, kinds, contact_or_org = expected(s.a, s.b)
        assert (list(s.via), list(s.via_kinds)) == (via, kinds), (s.a, s.b)
        assert s.via_reason == (REASONS[kinds[0]] if kinds else "no introducer found")
        if contact_or_org:  # the introducer is filled wherever the data has one
            assert s.via_kinds[0] in ("mutual_contact", "shared_organisation")
            with_contact_or_org += 1
        with_via += bool(s.via)
    # Before issue 16: 21 of 1,989 had a via. Now most can be introduced,
    # and at least a quarter by someone who knows both or an organisation.
    assert with_via > 0.9 * len(suggestions)
    assert with_contact_or_org > 0.25 * len(suggestions)


def membership_network():
    net = verbind.Network()
    net.add_resident("r1", neighbourhood="Noord", municipality="Lelystad", talents=["chess"], groups=["A"])
    net.add_resident("r2", neighbourhood="Zuid", municipality="Lelystad", talents=["chess"], groups=["B"])
    net.add_organisation("o1", kind="lgbti+ association", municipality="Lelystad")
    net.add_tie("r1", "o1", "member_of")
    net.add_tie("r2", "o1", "member_of")
    net.mark_sensitive_tie_kind("member_of")
    return net


def test_an_organisation_reached_through_a_sensitive_tie_kind_is_not_named():
    net = membership_network()
    (plain,) = verbind.introductions(net)
    assert (plain.a, plain.b) == ("r1", "r2")
    assert list(plain.via) == [] and list(plain.via_kinds) == []
    assert plain.via_reason == "no introducer found"
    (asked,) = verbind.introductions(net, include_sensitive=True)
    assert list(asked.via) == ["o1"] and list(asked.via_kinds) == ["shared_organisation"]
    assert asked.via_reason == "shared organisation"
    # With the membership, o1 makes the pair one someone can introduce:
    # score x (1 + 1); o1 is a common contact all the same (closure:
    # / sqrt 2), and the ties may put r1 and r2 in one community.
    def bridging(s):
        return 1 + 0.5 * (1 + any(b.startswith("community ") for b in s.bridges))

    assert asked.score == pytest.approx(plain.score / bridging(plain) * bridging(asked) * 2 / 2 ** 0.5)


def test_key_figure_and_records():
    net = membership_network()
    net.add_resident("k1", neighbourhood="Noord", municipality="Lelystad", key_figure=True)
    net.add_event("walk", date="2022-05-04", kind="walk", neighbourhood="Zuid", municipality="Lelystad")
    net.attend("walk", "k1")
    (s,) = verbind.introductions(net)
    assert list(s.via) == ["k1"] and s.via_reason == "key figure in both neighbourhoods"
    (later,) = verbind.introductions(net, start="2023-01-01")  # the walk is outside the window
    assert list(later.via) == []
    # The new fields are part of the record: pickling, equality, pandas.
    assert pickle.loads(pickle.dumps(s)) == s
    assert s._asdict()["via_kinds"] == ["key_figure"]
    frame = s.to_pandas()
    assert frame["via_reason"].tolist() == ["key figure in both neighbourhoods"]
    assert frame["via_kinds"].tolist() == [["key_figure"]]
