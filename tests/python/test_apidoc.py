"""scripts/apidoc builds the Python API reference with Sphinx autodoc, with
warnings as errors and nitpicky cross-references (issue 13).

The build of the package under test must succeed with no warning, and every
public name of the package must be documented exactly once (no name
missing, none twice: the top-level page leaves out what a capability page
shows). A package with a broken docstring must fail the build, naming it.
"""

import html
import pathlib
import re
import subprocess
import sys
import textwrap

import pytest

import verbind

pytest.importorskip("sphinx")

REPO = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "apidoc"
PAGES = ("verbind", "socialmap", "reach", "match", "store", "evaluate", "report")


def run(package, output):
    return subprocess.run(
        ["sh", str(SCRIPT), str(package), str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "VERBIND_PYTHON": sys.executable, "HOME": str(output.parent)},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("apidoc") / "api"
    package = pathlib.Path(verbind.__file__).resolve().parents[1]
    result = run(package, out)
    return result, out


def test_builds_without_warnings(built):
    result, out = built
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert (out / "index.html").is_file()
    for page in PAGES:
        assert (out / f"{page}.html").is_file()


def _documented(out):
    """Object ids (verbind.x, verbind.socialmap.y, ...) per page, top level only."""
    found = {}
    for page in PAGES:
        text = (out / f"{page}.html").read_text(encoding="utf-8")
        ids = [html.unescape(i) for i in re.findall(r'<dt class="sig sig-object py" id="([^"]+)"', text)]
        found[page] = ids
    return found


def _public():
    """Every public callable or class of the package, by its last name."""
    return {n for n in verbind.__all__ if callable(getattr(verbind, n))}


def test_every_public_name_once(built):
    result, out = built
    assert result.returncode == 0, result.stderr
    documented = _documented(out)
    top = []
    for page, ids in documented.items():
        prefix = "verbind." if page == "verbind" else f"verbind.{page}."
        for i in ids:
            assert i.startswith(prefix), (page, i)
            rest = i[len(prefix):]
            if "." not in rest:  # not a method or attribute
                top.append(rest)
    assert sorted(top) == sorted(set(top)), "documented twice: " + str({n for n in top if top.count(n) > 1})
    assert set(top) == _public()


def test_pages_show_docstrings_and_signatures(built):
    result, out = built
    assert result.returncode == 0, result.stderr
    socialmap = (out / "socialmap.html").read_text(encoding="utf-8")
    assert "Betweenness (Brandes 2001)" in socialmap
    top = (out / "verbind.html").read_text(encoding="utf-8")
    assert 'id="verbind.Network.add_resident"' in top and 'id="verbind.read_csv"' in top
    assert 'id="verbind.betweenness"' not in top  # on the socialmap page instead
    evaluate = (out / "evaluate.html").read_text(encoding="utf-8")
    assert 'id="verbind.evaluate.Timeline.to_pandas"' in evaluate


FAKE_MODULES = ("socialmap", "reach", "match", "store", "evaluate", "report")


def test_a_docstring_warning_fails_the_build(tmp_path):
    # A stand-in package shaped like verbind, one docstring broken.
    package = tmp_path / "pkg" / "verbind"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent(
            '''
            """A stand-in."""
            __version__ = "0"
            __all__ = ["fine"]


            def fine():
                """Fine."""
            '''
        )
    )
    for name in FAKE_MODULES:
        body = '"""A stand-in."""\n__all__ = []\n'
        if name == "reach":
            body = textwrap.dedent(
                '''
                """A stand-in."""
                __all__ = ["broken"]


                def broken():
                    """Broken:
                        an unexpected indent
                    and an *unclosed emphasis."""
                '''
            )
        (package / f"{name}.py").write_text(body)
    result = run(package.parent, tmp_path / "out")
    assert result.returncode != 0
    # Named by the object, not only by the module Sphinx 5 files it under.
    assert "docstring of verbind.reach.broken: Definition list ends without a blank line" in result.stderr, result.stderr
    assert "docstring of verbind.reach.broken: Inline emphasis" in result.stderr, result.stderr


def test_refuses_a_folder_without_the_package(tmp_path):
    result = run(tmp_path, tmp_path / "out")
    assert result.returncode == 2
    assert "no verbind package" in result.stderr
    assert not (tmp_path / "out").exists()


def test_writes_nothing_into_the_sources(built):
    result, out = built
    assert not (REPO / "docs" / "api" / "__pycache__").exists()
    assert not (REPO / "docs" / "api" / "_build").exists()
    assert not list((REPO / "docs" / "api").glob("*.html"))
