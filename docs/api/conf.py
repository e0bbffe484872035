# Sphinx configuration of verbind's Python API reference, built from the
# docstrings of the compiled package by scripts/apidoc (which puts the
# package's folder, e.g. build/python, first on sys.path).
#
# Each page is an automodule with :members:, so a new public name (one in a
# module's __all__) appears without editing these files. The top-level
# `verbind` page shows only what no capability module shows (Network, Graph,
# the readers, the errors, the interop functions): the rest is re-exported
# from verbind.socialmap, reach, match, store, evaluate and report, and is
# documented there once.
import importlib
import io
import re

import docutils.core
from sphinx.util import logging

import verbind

project = "verbind"
author = "the verbind maintainers"
release = verbind.__version__
version = release

extensions = ["sphinx.ext.autodoc"]
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = []
html_show_sourcelink = False

autodoc_default_options = {"members": True, "undoc-members": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Docstrings are plain text with the odd reST role; a `name` is code.
default_role = "code"

CAPABILITIES = ("socialmap", "reach", "match", "store", "evaluate", "report")
_documented_elsewhere = set()
for _name in CAPABILITIES:
    _documented_elsewhere.update(importlib.import_module("verbind." + _name).__all__)

# Types from other libraries (numpy, pandas, the standard library) have no
# page here and no intersphinx (the build is offline): their names in
# signatures are not resolved. verbind's own names must resolve.
nitpicky = True
nitpick_ignore_regex = [
    ("py:.*", r"(numpy|np|pandas|pd|networkx|igraph|os|datetime|typing|collections\.abc|pathlib)(\..*)?"),
    ("py:.*", r"(Callable|Iterable|Sequence|Mapping|Hashable|Literal|Any|Optional|Union|Iterator|Dict|List|Tuple)"),
    ("py:.*", r"(int|float|str|bytes|bool|dict|list|tuple|set|object|None|type|complex)"),
]

_current_module = [None]
_logger = logging.getLogger(__name__)


def _check_docstring(name, lines):
    """Sphinx 5 reports a docstring's reST problems at the module that lists
    it; parse each docstring alone too, so the warning names the object."""
    if not lines:
        return
    # Sphinx's roles (:func:`x`) need Sphinx: read them as literals here.
    text = re.sub(r":[a-z]+(?::[a-z]+)?:`([^`]*)`", r"``\1``", "\n".join(lines))
    messages = io.StringIO()
    docutils.core.publish_doctree(
        text,
        settings_overrides={"warning_stream": messages, "report_level": 2, "halt_level": 5},
    )
    for line in messages.getvalue().splitlines():
        if "(WARNING/2)" in line or "(ERROR/3)" in line or "(SEVERE/4)" in line:
            _logger.warning("docstring of %s: %s", name, line.split(") ", 1)[-1])


def _note_module(app, what, name, obj, options, lines):
    if what == "module":
        _current_module[0] = name
    _check_docstring(name, lines)


def _skip(app, what, name, obj, skip, options):
    # On the top-level page, leave out what a capability page documents, and
    # the capability modules themselves.
    if _current_module[0] == "verbind" and what == "module" and (name in _documented_elsewhere or name in CAPABILITIES):
        return True
    return None


def setup(app):
    app.connect("autodoc-process-docstring", _note_module)
    app.connect("autodoc-skip-member", _skip)
