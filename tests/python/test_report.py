"""The coordinator's HTML report from Python and the CLI: structure (the file
parses as XML, every SVG too), privacy (no sensitive name anywhere), no
address but the SVG namespace, no NaN, determinism, bad input, and a
headless-Chromium screenshot, in English and in Dutch, that shows the
drawing and the charts (test_report_lang.py: the languages themselves)."""

import math
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import verbind

SECTIONS = ["network", "over-time", "key-figures", "brokers", "gaps", "introductions", "thanks", "reach-plan",
            "about"]
SVG = "{http://www.w3.org/2000/svg}"
NUMERIC = {"x", "y", "cx", "cy", "r", "width", "height", "x1", "x2", "y1", "y2", "stroke-width"}
# The drawing's community colours and the charts' area colours (src/report/format.cpp).
COMMUNITY_COLOURS = ["#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77",
                     "#cc6677", "#882255", "#aa4499", "#ee8866", "#77aadd", "#bbcc33"]
AREA_COLOURS = ["#0077bb", "#ee7733", "#009988", "#cc3311", "#33bbee", "#ee3377"]


def parse(html):
    assert html.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(html[len("<!DOCTYPE html>\n"):])


def sensitive_sample():
    net = verbind.sample_programme(7, scale=0.15)
    net.mark_sensitive_tie_kind("member_of")
    net.mark_sensitive_event(net.events()[0]["key"])
    return net


@pytest.fixture(scope="module")
def sample_html():
    return verbind.report(sensitive_sample(), seed=3, top=5, train=3)


def test_every_section_and_svg_is_well_formed(sample_html):
    root = parse(sample_html)
    ids = [s.get("id") for s in root.iter("section")]
    assert ids == SECTIONS
    svgs = list(root.iter(SVG + "svg"))
    assert any(s.get("id") == "network-drawing" for s in svgs)
    charts = [s for s in svgs if s.get("class") == "chart"]
    assert len(charts) == len(verbind.timeline_metrics())
    # Each SVG also stands alone as an XML document.
    for svg in re.findall(r"<svg .*?</svg>", sample_html, flags=re.S):
        ET.fromstring(svg)
    # The drawing has a node per drawn actor: circles for residents, squares for organisations.
    drawing = next(s for s in svgs if s.get("id") == "network-drawing")
    nodes = [e for g in drawing.iter(SVG + "g") if g.get("class") == "community" for e in g]
    assert len(nodes) > 100
    titles = [n.find(SVG + "title").text for n in nodes]
    assert len(set(titles)) == len(titles)
    # (Organisations tie to residents by member_of, left out here: they are not in the drawn part.)
    assert sum("(organisation)" in t for t in titles) == sum(n.tag == SVG + "rect" for n in nodes) == 0


def test_numbers_are_finite_and_nothing_is_fetched(sample_html):
    root = parse(sample_html)
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in NUMERIC:
                assert math.isfinite(float(value)), (element.tag, name, value)
            if name == "points":
                for pair in value.split():
                    assert all(math.isfinite(float(v)) for v in pair.split(","))
            if name == "d":
                assert all(math.isfinite(float(v)) for v in re.findall(r"-?[0-9.]+", value))
    assert not re.search(r"(?<![A-Za-z])(nan|NaN|inf|Infinity)(?![A-Za-z])", sample_html)
    addresses = re.findall(r"[a-z]+://[^\"' )<]*", sample_html)
    assert set(addresses) == {"http://www.w3.org/2000/svg"}
    for tag in ("script", "link", "img", "iframe", "object"):
        assert not list(root.iter(tag))
    assert "url(" not in sample_html and "@import" not in sample_html


def test_withheld_points_are_gaps_never_zeros(sample_html):
    root = parse(sample_html)
    charts = [s for s in root.iter(SVG + "svg") if s.get("class") == "chart"]
    withheld_somewhere = 0
    for chart in charts:
        shown, withheld, cells = set(), set(), set()
        for circle in chart.iter(SVG + "circle"):
            label, value = circle.find(SVG + "title").text.rsplit(": ", 1)
            float(value)
            shown.add(label)
        for rect in chart.iter(SVG + "rect"):
            title = rect.find(SVG + "title")
            if title is None or ": " not in title.text:
                continue
            label, status = title.text.rsplit(": ", 1)
            cells.add(label)
            if status != "value shown":
                assert status in ("no data", "suppressed (fewer than 10 people)")
                withheld.add(label)
        # Every period x area cell is either drawn as a point or labelled withheld, never both.
        assert shown | withheld == cells and not shown & withheld
        withheld_somewhere += len(withheld)
        # A line joins neighbouring periods only: a withheld period breaks it.
        periods = len(cells) // len({c.rsplit(" ", 1)[0] for c in cells})
        slot = (548 - 58) / periods
        for line in chart.iter(SVG + "polyline"):
            xs = [float(p.split(",")[0]) for p in line.get("points").split()]
            assert all(abs(b - a - slot) < 0.2 for a, b in zip(xs, xs[1:])), xs
    assert withheld_somewhere > 0


def test_no_sensitive_name_anywhere():
    net = sensitive_sample()
    assert net.sensitive_groups and net.sensitive_events and net.sensitive_tie_kinds
    html = verbind.report(net, seed=3, top=5, train=3).lower()
    names = list(net.sensitive_groups) + list(net.sensitive_tie_kinds)
    for key in net.sensitive_events:
        names.append(key)
        names.append(next(e["kind"] for e in net.events() if e["key"] == key))
    for name in names:
        assert name.lower() not in html, name


def test_small_network_keeps_its_sensitive_group_out(small):
    html = verbind.report(small, seed=1)
    assert "lgbti" not in html.lower()
    parse(html)


def test_include_sensitive_draws_the_sensitive_ties(small):
    small.mark_sensitive_tie_kind("neighbour")

    def ties(html):
        d = re.search(r'class="ties"[^>]* d="([^"]*)"', html).group(1)
        return d.count("M")

    # Without 'neighbour': ann-bob (knows), bob-cem, dua-eva, eva-lib: the
    # largest part is ann-bob-cem (3 nodes, 2 ties) or dua-eva-lib (3 nodes, 2 ties).
    assert ties(verbind.report(small, seed=1)) == 2
    # With it: cem-dua joins them all: 5 ties, 6 nodes.
    assert ties(verbind.report(small, seed=1, include_sensitive=True)) == 5


def test_same_seed_same_file_whatever_the_threads(tmp_path):
    net = verbind.sample_programme(4, scale=0.1)
    one = verbind.report(net, seed=9, threads=1, top=3)
    assert one == verbind.report(net, seed=9, threads=2, top=3)
    assert one != verbind.report(net, seed=10, threads=1, top=3)
    target = tmp_path / "report.html"
    assert verbind.report(net, target, seed=9, threads=1, top=3) is None
    assert target.read_text(encoding="utf-8") == one
    verbind.report(net, str(tmp_path / "again.html"), seed=9, top=3)
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == one


def test_a_municipality_report():
    net = verbind.sample_programme(5, scale=0.15)
    html = verbind.report(net, municipality="Almere", seed=2, top=4)
    root = parse(html)
    assert root.find("head/title").text == "Programme report: Almere"
    plan = next(t for t in root.iter("table") if t.get("class") == "reach-plan")
    rows = plan.findall("tr")[1:]
    assert rows and all(r.findall("td")[3].text == "Almere" for r in rows)
    lived = {a["key"]: a["municipality"] for a in net.actors()}
    drawing = next(s for s in root.iter(SVG + "svg") if s.get("id") == "network-drawing")
    keys = [t.text.split(" ")[0] for t in drawing.iter(SVG + "title")]
    assert keys and all(lived[k] == "Almere" for k in keys)
    organisations = {a["key"] for a in net.actors() if a["type"] == "organisation" and a["municipality"] == "Almere"}
    squares = [t.text.split(" ")[0] for t in drawing.iter(SVG + "title") if "(organisation)" in t.text]
    assert squares and set(squares) <= organisations


def test_progress_and_cancel():
    net = verbind.sample_programme(2, scale=0.1)
    seen = []
    verbind.report(net, seed=1, progress=lambda f: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(verbind.CancelledError):
        verbind.report(net, seed=1, progress=lambda f: False)

    def broken(fraction):
        raise ZeroDivisionError("callback failed")

    with pytest.raises(ZeroDivisionError, match="callback failed"):
        verbind.report(net, seed=1, progress=broken)


def test_bad_input(small, tmp_path):
    with pytest.raises(verbind.InputError, match="field 'period': must be one of week, month, quarter, year, got 'fortnight'"):
        verbind.report(small, period="fortnight")
    with pytest.raises(ValueError, match="field 'top': must be at least 1, got 0"):
        verbind.report(small, top=0)
    with pytest.raises(verbind.InputError, match="min_cell"):
        verbind.report(small, min_cell=0)
    with pytest.raises(verbind.NotFoundError, match="no actor lives in municipality 'Atlantis'"):
        verbind.report(small, municipality="Atlantis")
    with pytest.raises(KeyError):
        verbind.report(small, municipality="Atlantis")
    with pytest.raises(TypeError, match="top must be int, not str"):
        verbind.report(small, top="3")
    with pytest.raises(TypeError, match="path must be"):
        verbind.report(small, 42)
    with pytest.raises(TypeError, match="progress must be callable"):
        verbind.report(small, progress=3)
    with pytest.raises(verbind.FileError):
        verbind.report(small, tmp_path / "missing" / "r.html")
    assert not (tmp_path / "missing").exists()
    target = tmp_path / "kept.html"
    target.write_text("old")
    with pytest.raises(verbind.NotFoundError):
        verbind.report(small, target, municipality="Atlantis")
    assert target.read_text() == "old"


def test_cli(tmp_path):
    cli = os.environ.get("VERBIND_CLI")
    if not cli:
        pytest.skip("VERBIND_CLI is not set")
    net = verbind.sample_programme(6, scale=0.1)
    folder = tmp_path / "net"
    net.write_csv(folder)
    out = tmp_path / "r.html"
    done = subprocess.run([cli, "report", str(folder), "-o", str(out), "--municipality", "Lelystad",
                           "--period", "quarter", "--seed", "4", "--top", "3"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert html == verbind.report(verbind.read_csv(folder), municipality="Lelystad", period="quarter", seed=4, top=3,
                                  lang="nl")  # the CLI's default language
    bad = subprocess.run([cli, "report", "-o", str(out), "--period", "fortnight"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--period must be week, month, quarter or year, got 'fortnight'" in bad.stderr
    missing = subprocess.run([cli, "report"], capture_output=True, text=True)
    assert missing.returncode == 2 and "missing -o FILE" in missing.stderr


def _colour_pixels(image, colours, tolerance=3):
    """{colour: number of pixels within `tolerance` per channel}."""
    import numpy as np

    pixels = np.asarray(image.convert("RGB")).astype(int)
    counts = {}
    for colour in colours:
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        counts[colour] = int((np.abs(pixels - rgb).max(axis=2) <= tolerance).sum())
    return counts


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_chromium_renders_the_drawing_and_the_charts(tmp_path, lang):
    from PIL import Image

    page = tmp_path / "report.html"
    verbind.report(verbind.sample_programme(), page, lang=lang)
    shot = tmp_path / "shot.png"
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1280,2400", f"--screenshot={shot}", page.as_uri()],
                   env=env, capture_output=True, timeout=120, check=True)
    image = Image.open(shot)
    assert image.size == (1280, 2400)
    # The drawing: the sample programme has four large communities, each a
    # few hundred nodes of its own colour.
    communities = _colour_pixels(image, COMMUNITY_COLOURS)
    assert sum(n >= 300 for n in communities.values()) >= 4, communities
    # The charts: lines in the municipalities' colours (not used by the drawing).
    lines = _colour_pixels(image, AREA_COLOURS)
    assert sum(n >= 100 for n in lines.values()) >= 4, lines
    # A blank page would be almost all one colour.
    colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colours) > 500
