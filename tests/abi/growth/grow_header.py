#!/usr/bin/env python3
"""Writes verbind.h as a later 1.x would have it, for the growth test
(tests/abi/growth/old_program.c; docs/abi-policy.md, "Growing options and
results"): one field appended to an options struct (vb_records_options_t)
and one to a result struct (vb_actor_record_t), nothing else changed.

  grow_header.py IN OUT

The library built against OUT with -DVB_TEST_GROWTH (tests/CMakeLists.txt,
target verbind_growth) is the real libverbind: the same sources, where only
capi/readback.cpp reads the appended option (a non-zero value is refused,
so a library that read past the caller's struct_size would fail the call).
"""

import pathlib
import sys

# Each appended field ends past the 1.0 struct's padding (8 bytes, 8-aligned),
# so the grown struct is larger than the 1.0 one.
APPENDED = {
    "} vb_records_options_t;": "    int64_t vb_test_growth_option; /* appended in the growth test; default 0 */\n",
    "} vb_actor_record_t;": "    double vb_test_growth_result; /* appended in the growth test */\n",
}


def main(source, target):
    text = pathlib.Path(source).read_text(encoding="utf-8")
    for closing, field in APPENDED.items():
        if text.count(closing) != 1:
            sys.exit(f"grow_header: {source} has {text.count(closing)} lines '{closing}', expected 1")
        text = text.replace(closing, field + closing)
    pathlib.Path(target).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(target).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: grow_header.py IN OUT")
    sys.exit(main(*sys.argv[1:]))
