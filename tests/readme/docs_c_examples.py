#!/usr/bin/env python3
"""Compiles and runs every C example of docs/*.md (ctest docs_c_examples).

  docs_c_examples.py DOCS_DIR CC INCLUDE_DIR LIB_DIR WORK_DIR

Each fenced block that opens with the line ```c is built with
`CC -std=c99 -pedantic -Wall -Wextra -Werror` against the built
libverbind.so and run; every block must build and exit 0.

- A block with its own `main` is a whole program, built as it is.
- Any other block is a fragment. It runs inside a function where these are
  at hand (docs/c-api.md, "Examples on these pages"): `net`, the sample
  programme with its default options; `graph`, its default view; `node`,
  node 0 of it; `my_progress`, a progress callback that goes on; and
  `my_state`, an int to point progress_data at. Its #include lines move to
  the top. A fragment must leave no failure behind: when
  vb_last_error_message() is not empty after it, the example failed.

Errors name the page and the line of the block (#line), so a compiler
message points into the Markdown page.
"""

import pathlib
import re
import subprocess
import sys

PRELUDE = """\
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "verbind.h"
"""

FRAGMENT = """\
static int my_progress(double fraction, void *user_data) {{
    (void)fraction;
    (void)user_data;
    return 1;
}}

static void example(vb_network_t *net, vb_graph_t *graph, uint32_t node) {{
    int my_state = 0;
    (void)net;
    (void)graph;
    (void)node;
    (void)my_state;
    (void)my_progress;
    {{
#line {line} "{page}"
{body}
    }}
}}

int main(void) {{
    vb_network_t *net = NULL;
    vb_graph_t *graph = NULL;
    int failed;
    if (vb_network_sample_programme(NULL, &net) != VB_OK || vb_graph_from_network(net, NULL, &graph) != VB_OK) {{
        fprintf(stderr, "docs_c_examples: setting up: %s\\n", vb_last_error_message());
        return 1;
    }}
    vb_clear_last_error();
    example(net, graph, 0);
    failed = vb_last_error_message()[0] != '\\0';
    if (failed) fprintf(stderr, "docs_c_examples: a call in the example failed: %s\\n", vb_last_error_message());
    vb_graph_free(graph);
    vb_network_free(net);
    return failed;
}}
"""


def blocks(page):
    """(first line number of the code, code) of each ```c block."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, start = [], None
    for number, line in enumerate(lines, 1):
        if start is None and re.fullmatch(r"```c\s*", line):
            start = number + 1
        elif start is not None and re.fullmatch(r"```\s*", line):
            found.append((start, "\n".join(lines[start - 1:number - 1])))
            start = None
    if start is not None:
        raise SystemExit(f"docs_c_examples: {page}:{start - 1}: the ```c block is never closed")
    return found


def program(page, line, code):
    if re.search(r"\bint\s+main\s*\(", code):
        return f'#line {line} "{page}"\n{code}\n'
    includes = [l for l in code.splitlines() if l.lstrip().startswith("#include")]
    body = "\n".join("" if l.lstrip().startswith("#include") else l for l in code.splitlines())
    return PRELUDE + "\n".join(includes) + "\n" + FRAGMENT.format(line=line, page=page, body=body)


def main(docs, cc, include_dir, lib_dir, work_dir):
    work = pathlib.Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    failures, count = [], 0
    for page in sorted(pathlib.Path(docs).glob("*.md")):
        for line, code in blocks(page):
            count += 1
            name = f"{page.stem}_{line}"
            source, binary = work / f"{name}.c", work / name
            source.write_text(program(page, line, code), encoding="utf-8")
            build = subprocess.run([cc, "-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror", "-I", include_dir,
                                    "-o", str(binary), str(source), "-L", lib_dir, "-lverbind", "-lm",
                                    f"-Wl,-rpath,{lib_dir}"], capture_output=True, text=True)
            if build.returncode != 0:
                failures.append(f"{page}:{line}: the example does not build:\n{build.stdout}{build.stderr}")
                continue
            run = subprocess.run([str(binary)], cwd=work, capture_output=True, text=True, timeout=600)
            if run.returncode != 0:
                failures.append(f"{page}:{line}: the example exits {run.returncode}:\n{run.stdout}{run.stderr}")
            else:
                print(f"docs_c_examples: {page.name}:{line} built and ran")
    for failure in failures:
        print(f"docs_c_examples: {failure}", file=sys.stderr)
    if count == 0:
        print(f"docs_c_examples: no ```c block in {docs}/*.md", file=sys.stderr)
        return 1
    print(f"docs_c_examples: {count - len(failures)} of {count} examples built and ran")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: docs_c_examples.py DOCS_DIR CC INCLUDE_DIR LIB_DIR WORK_DIR")
    sys.exit(main(*sys.argv[1:]))
