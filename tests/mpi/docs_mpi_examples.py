#!/usr/bin/env python3
"""Builds and runs every ```c mpi block of docs/*.md (ctest docs_mpi_examples).

  docs_mpi_examples.py DOCS_DIR CC CFLAGS LIBS MPIEXEC MPIEXEC_FLAGS WORK_DIR

The MPI examples (docs/reach.md, "Across a cluster (MPI)") are whole
programs: each is built with `CC -std=c99 -pedantic -Wall -Wextra -Werror
CFLAGS ... LIBS` (the include folders of verbind.h, verbind_mpi.h and MPI;
libverbind_mpi, libverbind and MPI to link) and run under `MPIEXEC
MPIEXEC_FLAGS -np 1` and `-np 3`; every run must exit 0. (The plain ```c
blocks are tests/readme/docs_c_examples.py's: they link libverbind only.)
CFLAGS, LIBS and MPIEXEC_FLAGS are ';'-separated lists (CMake's).
"""

import os
import pathlib
import re
import subprocess
import sys


def blocks(page):
    """(first line number of the code, code) of each ```c mpi block."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = None
    for number, line in enumerate(lines, 1):
        if start is None and re.fullmatch(r"```c mpi\s*", line):
            start = number + 1
        elif start is not None and re.fullmatch(r"```\s*", line):
            yield start, "\n".join(lines[start - 1:number - 1]) + "\n"
            start = None
    if start is not None:
        raise SystemExit(f"docs_mpi_examples: {page}:{start - 1}: the ```c mpi block is never closed")


def main():
    docs, cc, cflags, libs, mpiexec, mpiexec_flags, work = sys.argv[1:8]
    split = lambda text: [part for part in text.split(";") if part]
    work = pathlib.Path(work)
    work.mkdir(parents=True, exist_ok=True)
    found = 0
    for page in sorted(pathlib.Path(docs).glob("*.md")):
        for line, code in blocks(page):
            found += 1
            source = work / f"{page.stem}_{line}.c"
            source.write_text(f'#line {line} "{page}"\n' + code, encoding="utf-8")
            program = work / f"{page.stem}_{line}"
            build = [cc, "-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror", *split(cflags), str(source), "-o",
                     str(program), *split(libs)]
            result = subprocess.run(build, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"docs_mpi_examples: {page}:{line}: does not build:\n{result.stderr}")
            for np in ("1", "3"):
                run = [mpiexec, *split(mpiexec_flags), "-np", np, str(program)]
                result = subprocess.run(run, capture_output=True, text=True, timeout=100)
                if result.returncode != 0:
                    sys.exit(f"docs_mpi_examples: {page}:{line}: -np {np} exited {result.returncode}:\n"
                             f"{result.stdout}{result.stderr}")
                print(f"{page.name}:{line} -np {np}: {result.stdout.strip()}")
    if found == 0:
        sys.exit(f"docs_mpi_examples: no ```c mpi block in {docs}/*.md")


if __name__ == "__main__":
    main()
