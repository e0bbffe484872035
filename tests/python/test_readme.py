"""Runs the Python examples of the README and of every docs/*.md: every
fenced block that starts with ```python, in order, in one namespace per file,
in a temporary working folder."""

import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def python_blocks(text):
    blocks, current = [], None
    for line in text.splitlines(keepends=True):
        if current is None:
            if line.startswith("```python"):
                current = []
        elif line.startswith("```"):
            blocks.append("".join(current))
            current = None
        else:
            current.append(line)
    assert current is None, "a ```python block is not closed"
    return blocks


def run_blocks(path, tmp_path, monkeypatch):
    blocks = python_blocks(path.read_text(encoding="utf-8"))
    assert blocks, f"{path} has no ```python block"
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__example__"}
    for number, code in enumerate(blocks, start=1):
        exec(compile(code, f"{path.name}, python block {number}", "exec"), namespace)


def test_python_blocks_are_found():
    text = "intro\n```python\na = 1\n```\n```sh\nls\n```\n```python title\nb = a + 1\n```\n"
    assert python_blocks(text) == ["a = 1\n", "b = a + 1\n"]


def test_readme_python_examples_run(tmp_path, monkeypatch):
    path = pathlib.Path(os.environ.get("VERBIND_README", REPO / "README.md"))
    if not path.exists():
        pytest.skip(f"{path} does not exist yet, so there are no README examples to run")
    run_blocks(path, tmp_path, monkeypatch)


DOCS_WITH_PYTHON = sorted(
    path for path in (REPO / "docs").glob("*.md") if "```python" in path.read_text(encoding="utf-8")
)


def test_python_guide_has_examples():
    assert REPO / "docs" / "python.md" in DOCS_WITH_PYTHON


@pytest.mark.parametrize("path", DOCS_WITH_PYTHON, ids=lambda p: p.name)
def test_docs_python_examples_run(path, tmp_path, monkeypatch):
    run_blocks(path, tmp_path, monkeypatch)
