"""The report in Dutch and English (issue 16): the same numbers in both, no
English identifier or word as visible text in the Dutch one, counts that
are grammatical, texts that follow the filters, empty sections that say
why, every chart with its numbers behind it, the introducer column filled
wherever the data has a mutual contact or shared organisation, and whom to
thank counted by hand."""

import html.parser
import re
import xml.etree.ElementTree as ET

import pytest

import verbind
from test_introducers import independent_introducers

SVG = "{http://www.w3.org/2000/svg}"
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]


class Visible(html.parser.HTMLParser):
    """The text a reader sees or hears: text nodes (tooltips' <title> too)
    and aria-labels, each text node one item, without <style> and without
    the small "How this is computed" lines (class="how"), where method
    names belong."""

    def __init__(self, skip=("how",)):
        super().__init__(convert_charrefs=True)
        self.items, self._stack, self._skip = [], [], skip

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag == "style" or attrs.get("class") in self._skip
        self._stack.append(hidden)
        if not self._hidden() and attrs.get("aria-label"):
            self.items.append(attrs["aria-label"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._stack.pop()

    def handle_endtag(self, tag):
        self._stack.pop()

    def _hidden(self):
        return any(self._stack)

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.items.append(data.strip())


def visible(page, skip=("how",)):
    parser = Visible(skip)
    parser.feed(page)
    return parser.items


def words_of(items):
    return {w.lower() for item in items for w in re.findall(r"[A-Za-zÀ-ÿ]+", item)}


def data_words(net):
    """Words that come from the data (keys, places, talents, groups, kinds):
    the report shows them as they are in either language."""
    texts = []
    for a in net.actors():
        texts += [a["key"], a["neighbourhood"] or "", a["municipality"] or "", a.get("kind") or ""]
        texts += list(a["talents"]) + list(a["groups"])
    texts += [e["key"] + " " + e["kind"] for e in net.events()]
    return words_of(texts)


# Dutch words that English spells the same ("of" is Dutch for "or", "met"
# for "with", "over" for "about", "best" for "most"), the Dutch term the
# English report keeps beside "key figure", and the library's name.
SAME_IN_BOTH = {"in", "is", "per", "week", "verbind", "privacy", "script", "score", "interval", "met", "over",
                "of", "plan", "best", "contact", "rest", "talent", "sleutelfiguur", "sleutelfiguren"}


@pytest.fixture(scope="module")
def net():
    return verbind.sample_programme(2022, scale=0.2)


@pytest.fixture(scope="module")
def pair(net):
    return (verbind.report(net, seed=4, top=8, train=3),
            verbind.report(net, seed=4, top=8, train=3, lang="nl"))


def canonical_numbers(text, dutch):
    """The numbers in `text`, written one way: Dutch dates and periods as the
    English report writes them, Dutch 1.234,5 as 1234.5."""
    text = text.replace(verbind.__version__, "")
    if dutch:
        months = "|".join(MONTHS_NL)
        text = re.sub(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b",
                      lambda m: f"{m[3]}-{MONTHS_NL.index(m[2]) + 1:02d}-{int(m[1]):02d}", text)
        text = re.sub(rf"\b({months}) (\d{{4}})\b", lambda m: f"{m[2]}-{MONTHS_NL.index(m[1]) + 1:02d}", text)
        text = re.sub(r"\bK([1-4]) (\d{4})\b", r"\2-Q\1", text)
        text = re.sub(r"\bweek (\d+) van (\d{4})\b", lambda m: f"{m[2]}-W{int(m[1]):02d}", text)
    out = []
    for token in re.findall(r"\d[\d.,]*\d|\d", text):
        if dutch:
            token = token.replace(".", "").replace(",", ".")
        out.append(token)
    return out


def test_dutch_and_english_reports_hold_the_same_numbers(pair):
    # The charts' axes label as many periods as fit, and Dutch names are
    # longer: the axes are left out here (their numbers are in the tables).
    en, nl = (visible(p, skip=("how", "axis")) for p in pair)
    assert len(en) == len(nl)  # the same elements, text for text
    numbers = 0
    for e, n in zip(en, nl):
        assert canonical_numbers(e, False) == canonical_numbers(n, True), (e, n)
        numbers += len(canonical_numbers(e, False))
    assert numbers > 2000
    # Dutch writes decimals with a comma and thousands with a point, dates
    # as "5 februari 2022".
    assert re.search(r"\b\d+,\d+\b", " ".join(nl))
    assert re.search(r"\b\d+\.\d+\b", " ".join(en))
    ties = int(re.search(r"(\d+) ties between them", en[2])[1])
    assert ties > 999 and f"{ties:,} contacten daartussen".replace(",", ".") in nl[2]
    first, last = re.search(r"events from (\S+) to (\S+?)\.", en[2]).groups()
    y, m, d = (int(x) for x in first.split("-"))
    assert f"activiteiten van {d} {MONTHS_NL[m - 1]} {y} tot en met" in nl[2]


def test_no_english_identifier_or_word_in_the_dutch_report(net, pair):
    en_page, nl_page = pair
    en, nl = visible(en_page), visible(nl_page)
    nl_text = " ".join(nl)
    # Identifiers with an underscore appear in neither report; the plain
    # ones ("newcomers", "exposure") are English words, checked below (the
    # sample also has a declared group "newcomers": data, shown as it is).
    identifiers = [m["name"] for m in verbind.timeline_metrics() if "_" in m["name"]]
    identifiers += ["mutual_contact", "shared_organisation", "key_figure", "via_kinds"]
    assert len(identifiers) > 10
    for identifier in identifiers:
        assert identifier not in nl_text, identifier
        assert identifier not in " ".join(en), identifier
    for english in ("no data", "(no municipality)", "programme", "suppressed", "value shown"):
        assert english not in nl_text, english
    english_words = words_of(en) - data_words(net) - SAME_IN_BOTH
    leaked = words_of(nl) & english_words
    assert not leaked, sorted(leaked)
    # The check would catch an English text: the English report is full of them.
    assert len(english_words) > 200
    assert {"people", "ties", "brokers", "introduce"} <= english_words
    assert '<html lang="nl">' in nl_page and '<html lang="en">' in en_page


def test_method_names_only_in_how_lines(pair):
    for page, lang in zip(pair, ("en", "nl")):
        text = " ".join(visible(page)).lower()
        methods = ["betweenness", "e-i index", "constraint", "opim", "fruchterman", "cascade"]
        if lang == "en":
            methods.append("leiden")  # in Dutch a verb ("af te leiden")
        for method in methods:
            assert not re.search(rf"\b{method}\b", text), method
        assert page.count('<p class="how">') >= 7
        assert "betweenness" in page  # in the how lines


def test_counts_are_grammatical():
    net = verbind.sample_programme(5, scale=0.15)
    nouns_en = {"point": "points", "person": "people", "resident": "residents", "tie": "ties",
                "organisation": "organisations", "member": "members", "community": "communities"}
    nouns_nl = {"punt": "punten", "persoon": "personen", "bewoner": "bewoners", "contact": "contacten",
                "organisatie": "organisaties", "lid": "leden", "kring": "kringen"}
    pages = {lang: verbind.report(net, seed=2, top=6, municipality="Almere", period="quarter", lang=lang)
             for lang in ("en", "nl")}
    for lang, nouns in (("en", nouns_en), ("nl", nouns_nl)):
        text = " ".join(visible(pages[lang]))
        for one, many in nouns.items():
            assert not re.search(rf"(?<![\d.,]) ?\b1 {many}\b", text), (lang, many)
            assert not re.search(rf"\b([02-9]|\d[\d.]*\d) {one}\b", text), (lang, one)
    # The sample's Almere per quarter has a chart with exactly one point shown.
    assert "1 point shown" in pages["en"] and "1 punt getoond" in pages["nl"]
    assert "1 points" not in pages["en"] and "1 punten" not in pages["nl"]


def test_texts_follow_the_filters(net):
    one = {lang: " ".join(visible(verbind.report(net, seed=1, top=3, municipality="Almere", period="quarter",
                                                 lang=lang))) for lang in ("en", "nl")}
    assert "Over time in Almere" in one["en"] and "one measure per quarter for Almere" in one["en"]
    assert "In de tijd in Almere" in one["nl"] and "één maat per kwartaal voor Almere" in one["nl"]
    assert "Everything below is about Almere only" in one["en"]
    for wrong in ("one line per municipality", "whole programme", "month"):
        assert wrong not in one["en"], wrong
    for wrong in ("per gemeente", "maand"):
        assert wrong not in one["nl"], wrong
    every = " ".join(visible(verbind.report(net, seed=1, top=3)))
    assert "one line per municipality and one for the whole programme" in every
    assert "one measure per month" in every and "whole programme 2022-05" in every
    week = " ".join(visible(verbind.report(net, seed=1, top=3, period="week", lang="nl")))
    assert "één maat per week" in week and re.search(r"week \d+ van 2022", week)


def test_an_empty_section_says_why():
    net = verbind.Network()
    for key in ("r1", "r2"):
        net.add_resident(key, municipality="Lelystad")
    for lang, phrase in (("en", "no ties between residents"), ("nl", "hebben bewoners geen contact")):
        page = verbind.report(net, seed=1, lang=lang)
        root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
        for section in root.iter("section"):
            if section.get("id") == "about":
                continue
            has_table = section.find(".//table") is not None or section.find(f".//{SVG}svg") is not None
            empty = [p for p in section.iter("p") if p.get("class") == "empty"]
            assert has_table or (empty and len(empty[0].text) > 30), (lang, section.get("id"))
        assert phrase in page


def test_every_chart_has_its_numbers_behind_it(pair):
    for page, lang in zip(pair, ("en", "nl")):
        root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
        figures = [f for f in root.iter("figure") if f.get("class") == "chart-figure"]
        assert len(figures) == len(verbind.timeline_metrics())
        for figure in figures:
            chart = figure.find(f"{SVG}svg")
            label = chart.get("aria-label")
            assert label and "_" not in label and figure.get("data-metric") not in label
            table = figure.find("details/table")
            assert figure.find("details/summary").text
            rows = table.findall("tr")
            areas = [th.text for th in rows[0].findall("th")[1:]]
            in_table = {}
            for row in rows[1:]:
                period = row.find("th").text
                for area, td in zip(areas, row.findall("td")):
                    if "num" in td.get("class"):
                        in_table[f"{area} {period}"] = td.text
            drawn = {}
            for circle in chart.iter(f"{SVG}circle"):
                label, value = circle.find(f"{SVG}title").text.rsplit(": ", 1)
                drawn[label] = value
            assert drawn == in_table  # each plotted point is in the table, nothing else is
        assert "@media print" in page and "size: A4" in page
        drawing = root.find(".//table[@class='drawing-data']")
        assert drawing is not None and len(drawing.findall("tr")) > 2


def test_the_introducer_column_is_filled_wherever_the_data_has_one(net):
    expected = independent_introducers(net)
    reason = {"en": {"mutual_contact": "knows both", "shared_organisation": "organisation both are part of",
                     "key_figure": "key figure active in both neighbourhoods"},
              "nl": {"mutual_contact": "kent beiden", "shared_organisation": "organisatie van allebei",
                     "key_figure": "sleutelfiguur actief in beide buurten"}}
    filled = plain = 0
    for lang in ("en", "nl"):
        page = verbind.report(net, seed=4, top=40, lang=lang)
        root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
        table = root.find(".//table[@class='introductions']")
        for row in table.findall("tr")[1:]:
            cells = row.findall("td")
            a, b, via_cell = cells[1].text, cells[2].text, cells[6]
            via, kinds, contact_or_org = expected(a, b)
            if contact_or_org:
                assert via_cell.get("class") == "via", (a, b)
            if via:
                shown = [span.text for span in via_cell.iter("span")]
                assert shown == via, (a, b)
                text = "".join(via_cell.itertext())
                for kind in kinds:
                    assert f"({reason[lang][kind]})" in text
                filled += 1
            else:
                assert via_cell.get("class") == "no-via"
                assert via_cell.text.startswith("no one in the data" if lang == "en" else "niemand in de gegevens")
                plain += 1
    assert filled > 40  # most suggestions on the sample can be introduced by someone


def thanks_network():
    net = verbind.Network()
    for key in "abcde":
        net.add_resident(key, neighbourhood="Noord", municipality="Lelystad", talents=["chess"])
    net.add_resident("f", neighbourhood="Centrum", municipality="Almere", talents=["chess"])
    net.add_event("e1", date="2022-03-01", kind="walk", municipality="Lelystad", organisers=["a"])
    net.add_event("e2", date="2022-04-01", kind="walk", municipality="Lelystad", organisers=["a", "b"])
    net.add_event("e3", date="2022-05-01", kind="pride breakfast", municipality="Lelystad", organisers=["c"])
    net.mark_sensitive_event("e3")
    net.attend("e1", "d", brought_by="b")
    net.attend("e2", "e", brought_by="b")
    net.attend("e3", "f", brought_by="c")
    net.add_tie("a", "d", since="2021-01-01")
    net.add_tie("a", "e", since="2021-01-01")
    net.add_tie("b", "e", since="2022-01-01")
    net.add_tie("d", "e", since="2022-03-15")  # a knew both before: a made this contact; b knew only e then
    net.add_tie("b", "d", since="2022-04-10")
    return net


def thanks_rows(page):
    root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
    table = root.find(".//table[@class='thanks']")
    if table is None:
        return None
    return [tuple(td.text for td in row.findall("td"))[1:] for row in table.findall("tr")[1:]]


def test_whom_to_thank_counted_by_hand():
    net = thanks_network()
    # a: organised e1 and e2, made d-e; b: organised e2, brought d and e;
    # e knew b and d before b-d began (2022-04-10): e made b-d. c organised
    # only the sensitive event and brought f to it: not counted.
    assert thanks_rows(verbind.report(net, seed=1)) == [("a", "2", "0", "1", "not yet"),
                                                        ("b", "1", "2", "0", "not yet"),
                                                        ("e", "0", "0", "1", "not yet")]
    assert thanks_rows(verbind.report(net, seed=1, include_sensitive=True)) == [
        ("a", "2", "0", "1", "not yet"), ("b", "1", "2", "0", "not yet"), ("c", "1", "1", "0", "not yet"),
        ("e", "0", "0", "1", "not yet")]
    assert thanks_rows(verbind.report(net, seed=1, lang="nl"))[0] == ("a", "2", "0", "1", "nog niet")
    # Only Almere's residents: nobody there carried anything.
    almere = verbind.report(net, seed=1, municipality="Almere")
    assert thanks_rows(almere) is None
    assert "Nobody to list" in almere
    assert "pride" not in verbind.report(net, seed=1).lower()


def test_unknown_language_is_refused(net):
    with pytest.raises(verbind.InputError, match=r"field 'lang': must be one of en, nl, got 'de'"):
        verbind.report(net, lang="de")
    with pytest.raises(ValueError):
        verbind.report(net, lang="")
    with pytest.raises(TypeError, match="lang must be str, not int"):
        verbind.report(net, lang=1)
