"""The defaults of verbind's options, read once from the C++ Options structs.

``DEFAULTS[struct][field]`` is the default of a default-constructed C++
struct (SocialMapOptions, TimelineOptions, ReportOptions, ...) as Python
spells it: None for an empty optional, string or list; the words the
functions take for enums (bindings/python/options.cpp). The Python wrappers
take their keyword defaults from here, so no default is restated in Python;
tests/python/test_options_parity.py checks every face (C++, C, Python)
against tests/python/options_table.py.
"""

from typing import Any, Dict

from ._verbind import _option_defaults

DEFAULTS: Dict[str, Dict[str, Any]] = _option_defaults()
