#!/usr/bin/env python3
"""The C ABI's guards (docs/abi-policy.md, "The baseline"), run by ctest.

  abi_check.py check LIB HEADERS BASELINE
      abidiff of the built libverbind.so against the committed baseline
      (abi/libverbind.abi, written by scripts/abi-baseline). Passes when the
      ABI is the baseline's or grew compatibly: functions added,
      enumerators appended, fields appended to a vb_ struct. Fails on
      anything else: a function removed or its signature changed, a field
      inserted before another, removed, moved or retyped, an enumerator's
      value changed, a changed soname.

  abi_check.py write LIB HEADERS OUTPUT
      Writes the baseline (scripts/abi-baseline calls it).

  abi_check.py selftest WORKDIR CC
      Shows that the check can fail: builds a tiny library, takes its
      baseline, then builds changed copies and runs the same check on each:
      an added function, an appended field and an appended enumerator pass;
      a changed parameter type, a removed function, a field inserted before
      another, two fields swapped, a retyped field and a changed enumerator
      fail; a VB_EXPERIMENTAL function changed or removed passes; and the appended field fails too when the check does not cut
      appended fields off (so that cut is what lets it pass).

  abi_check.py growth PROGRAM GROWN_LIBDIR
      The growth rule (tests/abi/growth): a program built against the 1.0
      header runs unchanged, with the same results, against libverbind.so.1
      and against a library with one more options field and one more result
      field appended.

  abi_check.py versions LIB HEADER PROJECT_VERSION PC_FILE [PYTHONPATH]
      One version everywhere: verbind.h's VB_VERSION_* macros, CMake's
      project(VERSION), the pkg-config file, the library's vb_version() and
      its soname (libverbind.so.MAJOR), and verbind.__version__.

How appended fields pass: options and result structs begin with size_t
struct_size, set by the caller, and the library reads or writes only what
fits, so a field appended at the end is compatible. Before abidiff runs,
each vb_ struct of the library's corpus is cut back to its baseline size;
what remains must equal the baseline. (libabigail's has_data_member_inserted_at
suppression cannot say this: it only looks at inserted members, so it also
lets a struct whose old fields moved pass.)

The verdict comes from abidiff's exit status, a bit field (libabigail's
abidiff manual, "Return values"): 1 an error, 2 a usage error, 4 the ABIs
differ, 8 at least one difference is incompatible. Added functions are not
reported (--no-added-syms); any of 4 or 8 is a failure; 1, 2 or a crash is
a broken check, also a failure, reported as such.
"""

import ctypes
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from xml.etree import ElementTree

ABIDIFF_ERROR = 1
ABIDIFF_USAGE_ERROR = 2
ABIDIFF_ABI_CHANGE = 4
ABIDIFF_ABI_INCOMPATIBLE_CHANGE = 8


def tool(name):
    path = shutil.which(name)
    if path is None:
        sys.exit(f"abi_check: {name} not found (Debian: apt install abigail-tools; scripts/setup installs it)")
    return path


def abidw(library, headers, output):
    """The ABI of `library` as an XML corpus: the functions it exports and the
    types they use, as the public headers define them (types of other files,
    such as the C++ behind the opaque handles, dropped). Source locations
    stay in it: without them abidiff --headers-dir2 cannot tell the
    baseline's public types and lets a field inserted into padding pass (the
    selftest's INSERT_FIELD)."""
    if "debug_info" not in subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True).stdout:
        sys.exit(f"abi_check: {library} has no DWARF: the C ABI is compiled with -g (CMakeLists.txt) so that "
                 "abidw sees the types")
    subprocess.run([tool("abidw"), "--headers-dir", str(headers), "--drop-private-types", "--exported-interfaces-only",
                    "--no-corpus-path", "--no-comp-dir-path", "--out-file", str(output), str(library)], check=True)


def experimental_names(headers):
    """The functions the public headers declare inside #ifdef VB_EXPERIMENTAL
    blocks: outside the ABI promise (docs/abi-policy.md, "VB_EXPERIMENTAL"),
    so the check leaves them out of both sides."""
    names = set()
    for header in pathlib.Path(headers).glob("*.h"):
        text = header.read_text(encoding="utf-8")
        for block in re.findall(r"^#\s*ifdef VB_EXPERIMENTAL\b(.*?)^#\s*endif", text, re.MULTILINE | re.DOTALL):
            names.update(re.findall(r"\b(vb_\w+)\s*\(", block))
    return names


def without_experimental(corpus, names, output):
    """Writes `corpus` without the functions in `names` (their declarations
    and ELF symbols)."""
    tree = ElementTree.parse(corpus)
    for parent in tree.iter():
        for child in list(parent):
            if child.tag in ("function-decl", "elf-symbol") and child.get("name") in names:
                parent.remove(child)
    tree.write(output, encoding="utf-8", xml_declaration=False)


def struct_sizes(corpus):
    """{name: size in bits} of the vb_ structs an abidw corpus defines."""
    sizes = {}
    for node in ElementTree.parse(corpus).iter("class-decl"):
        name = node.get("name", "")
        if name.startswith("vb_") and node.get("is-declaration-only") != "yes" and node.get("size-in-bits"):
            sizes[name] = int(node.get("size-in-bits"))
    return sizes


def trim_appended_fields(corpus, baseline_sizes, output):
    """Writes `corpus` with each vb_ struct cut back to its baseline size:
    the fields from the baseline's end on (appended ones) are left out. What
    stays must then equal the baseline exactly; a field inserted before
    another, removed, moved or retyped still differs (docs/abi-policy.md,
    "Growing options and results")."""
    tree = ElementTree.parse(corpus)
    for node in tree.iter("class-decl"):
        size = baseline_sizes.get(node.get("name", ""))
        if size is None or node.get("is-declaration-only") == "yes" or int(node.get("size-in-bits", "0")) <= size:
            continue
        for member in list(node.findall("data-member")):
            if int(member.get("layout-offset-in-bits", "0")) >= size:
                node.remove(member)
        node.set("size-in-bits", str(size))
    tree.write(output, encoding="utf-8", xml_declaration=False)


def compare(baseline, library, headers, trim=True):
    """(ok, report): whether `library` keeps the ABI of `baseline`: abidiff of
    the baseline against the library's corpus with appended struct fields
    cut off (trim=False: as it is), VB_EXPERIMENTAL functions left out of
    both, judged by abidiff's exit status alone."""
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        current = work / "current.abi"
        abidw(library, headers, current)
        if trim:
            trim_appended_fields(current, struct_sizes(baseline), work / "trimmed.abi")
            current = work / "trimmed.abi"
        experimental = experimental_names(headers)
        if experimental:
            without_experimental(baseline, experimental, work / "baseline.abi")
            without_experimental(current, experimental, work / "stable.abi")
            baseline, current = work / "baseline.abi", work / "stable.abi"
        result = subprocess.run([tool("abidiff"), "--no-added-syms", str(baseline), str(current)],
                                capture_output=True, text=True)
    status = result.returncode
    report = result.stdout + result.stderr
    if status < 0 or status & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR):
        return False, f"abidiff could not compare (exit status {status}):\n{report}"
    if status & (ABIDIFF_ABI_CHANGE | ABIDIFF_ABI_INCOMPATIBLE_CHANGE):
        kind = "incompatible" if status & ABIDIFF_ABI_INCOMPATIBLE_CHANGE else "changed"
        return False, f"the ABI {kind} (abidiff exit status {status}):\n{report}"
    return True, report


def check(library, headers, baseline):
    ok, report = compare(baseline, library, headers)
    if not ok:
        print(f"abi_check: {library} breaks the ABI baseline {baseline}:\n{report}\n"
              "An incompatible change needs a new major version (docs/abi-policy.md). If the change is intended "
              "and nothing was released with the old ABI yet, run scripts/abi-baseline and commit abi/.",
              file=sys.stderr)
        return 1
    print(f"abi_check: {library} keeps the ABI of {baseline}")
    return 0


# --- the self-test: a tiny library, changed in each way --------------------------

TINY_HEADER = r"""
#include <stddef.h>
#define TINY_API __attribute__((visibility("default")))
typedef struct vb_tiny_options {
    size_t struct_size;
#ifdef INSERT_FIELD
    int inserted;
#endif
#if defined(SWAP_FIELDS)
    int limit;
    int count;
#elif defined(RETYPE_FIELD)
    unsigned count;
    int limit;
#else
    int count;
    int limit;
#endif
#ifdef APPEND_FIELD
    double appended;
#endif
} vb_tiny_options_t;
typedef enum vb_tiny_kind {
    VB_TINY_A = 0,
#ifdef CHANGE_ENUMERATOR
    VB_TINY_B = 5
#else
    VB_TINY_B = 1
#endif
#ifdef APPEND_ENUMERATOR
    , VB_TINY_C = 2
#endif
} vb_tiny_kind_t;
TINY_API int vb_tiny_run(const vb_tiny_options_t *options, vb_tiny_kind_t kind);
#ifndef REMOVE_FUNCTION
#  ifdef CHANGE_SIGNATURE
TINY_API int vb_tiny_scale(double factor);
#  else
TINY_API int vb_tiny_scale(int factor);
#  endif
#endif
#ifdef ADD_FUNCTION
TINY_API int vb_tiny_added(int x);
#endif
#ifdef VB_EXPERIMENTAL
#  if defined(CHANGE_EXPERIMENTAL)
TINY_API int vb_tiny_trial(double x);
#  elif !defined(REMOVE_EXPERIMENTAL)
TINY_API int vb_tiny_trial(int x);
#  endif
#endif
"""

TINY_SOURCE = r"""
#define VB_EXPERIMENTAL
#include "tiny.h"
int vb_tiny_run(const vb_tiny_options_t *options, vb_tiny_kind_t kind) {
    return (int)options->count + options->limit + (int)kind;
}
#ifndef REMOVE_FUNCTION
#  ifdef CHANGE_SIGNATURE
int vb_tiny_scale(double factor) { return (int)(2 * factor); }
#  else
int vb_tiny_scale(int factor) { return 2 * factor; }
#  endif
#endif
#ifdef ADD_FUNCTION
int vb_tiny_added(int x) { return x; }
#endif
#if defined(CHANGE_EXPERIMENTAL)
int vb_tiny_trial(double x) { return (int)x; }
#elif !defined(REMOVE_EXPERIMENTAL)
int vb_tiny_trial(int x) { return x; }
#endif
int tiny_internal(int x) { return x + 1; } /* hidden: not part of the ABI */
"""

# variant -> must the check pass?
VARIANTS = {
    "ADD_FUNCTION": True,
    "APPEND_FIELD": True,
    "APPEND_ENUMERATOR": True,
    "CHANGE_SIGNATURE": False,
    "REMOVE_FUNCTION": False,
    "INSERT_FIELD": False,
    "SWAP_FIELDS": False,
    "RETYPE_FIELD": False,
    "CHANGE_ENUMERATOR": False,
    "CHANGE_EXPERIMENTAL": True,
    "REMOVE_EXPERIMENTAL": True,
}


def build_tiny(workdir, cc, variant):
    folder = workdir / variant
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny.h").write_text(TINY_HEADER)
    (folder / "tiny.c").write_text(TINY_SOURCE)
    library = folder / "libtiny.so"
    defines = [] if variant == "baseline" else [f"-D{variant}"]
    subprocess.run([cc, "-std=c99", "-g", "-O2", "-fPIC", "-shared", "-fvisibility=hidden", *defines,
                    "-Wl,-soname,libtiny.so.1", "-o", str(library), str(folder / "tiny.c")], check=True)
    return library, folder


def selftest(workdir, cc):
    workdir = pathlib.Path(workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    library, headers = build_tiny(workdir, cc, "baseline")
    baseline = workdir / "libtiny.abi"
    abidw(library, headers, baseline)
    ok, report = compare(baseline, library, headers)
    failures = [] if ok else [f"the baseline library against its own baseline: {report}"]
    for variant, should_pass in VARIANTS.items():
        library, headers = build_tiny(workdir, cc, variant)
        ok, report = compare(baseline, library, headers)
        verdict = "passes" if ok else "fails"
        print(f"abi_check selftest: {variant}: the check {verdict}")
        if ok != should_pass:
            failures.append(f"{variant}: the check {verdict}, it should {'pass' if should_pass else 'fail'}\n{report}")
    # The appended field passes because the check cuts appended fields off,
    # not because abidiff would not see it: uncut, it is a change.
    library, headers = build_tiny(workdir, cc, "APPEND_FIELD")
    ok, _ = compare(baseline, library, headers, trim=False)
    print(f"abi_check selftest: APPEND_FIELD, appended fields not cut off: the check {'passes' if ok else 'fails'}")
    if ok:
        failures.append("APPEND_FIELD with appended fields not cut off: the check passes, it should fail")
    for failure in failures:
        print(f"abi_check selftest: {failure}", file=sys.stderr)
    return 1 if failures else 0


# --- one version everywhere -------------------------------------------------------

def soname(library):
    out = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^\s*SONAME\s+(\S+)$", out, re.MULTILINE)
    return found.group(1) if found else None


def versions(library, header, project_version, pc_file, pythonpath=None):
    text = pathlib.Path(header).read_text(encoding="utf-8")
    macro = {name: re.search(rf"^#define VB_VERSION_{name} (\S+)$", text, re.MULTILINE).group(1)
             for name in ("MAJOR", "MINOR", "PATCH", "STRING")}
    major, minor, patch = (int(macro[n]) for n in ("MAJOR", "MINOR", "PATCH"))
    found = {
        "CMake project(VERSION)": project_version,
        "verbind.h VB_VERSION_STRING": macro["STRING"].strip('"'),
        "verbind.h VB_VERSION_MAJOR.MINOR.PATCH": f"{major}.{minor}.{patch}",
        "verbind.pc Version": re.search(r"^Version: (\S+)$", pathlib.Path(pc_file).read_text(), re.MULTILINE).group(1),
    }
    lib = ctypes.CDLL(str(library))
    lib.vb_version.restype = ctypes.c_char_p
    found["vb_version()"] = lib.vb_version().decode()
    found["vb_version_number() as MAJOR.MINOR.PATCH"] = "{}.{}.{}".format(
        lib.vb_version_number() // 1000000, lib.vb_version_number() // 1000 % 1000, lib.vb_version_number() % 1000)
    if pythonpath:
        env = dict(os.environ, PYTHONPATH=pythonpath)
        probe = subprocess.run([sys.executable, "-c", "import verbind; print(verbind.__version__)"], env=env,
                               capture_output=True, text=True)
        found["verbind.__version__"] = probe.stdout.strip() if probe.returncode == 0 else (
            f"(import verbind from {pythonpath} failed: {probe.stderr.strip().splitlines()[-1:]})")
    errors = [f"{where}: {value}" for where, value in found.items() if value != project_version]
    expected_soname = f"libverbind.so.{project_version.split('.')[0]}"
    if soname(library) != expected_soname:
        errors.append(f"soname of {library}: {soname(library)}, expected {expected_soname}")
    if not (pathlib.Path(library).parent / f"libverbind.so.{project_version}").exists():
        errors.append(f"no libverbind.so.{project_version} beside {library}")
    if errors:
        print("abi_check versions: not one version (" + project_version + "):\n  " + "\n  ".join(errors),
              file=sys.stderr)
        return 1
    print(f"abi_check versions: {project_version} everywhere ({', '.join(found)}), soname {expected_soname}")
    return 0


# --- the growth rule ----------------------------------------------------------------

def growth(program, grown_libdir):
    """Runs the program built against the 1.0 header (tests/abi/growth) with
    libverbind.so.1 as built and with the grown library (one more field
    appended to an options and a result struct): both succeed with the same
    results."""
    runs = {}
    for name, extra in (("built", None), ("grown", grown_libdir)):
        env = dict(os.environ)
        env.pop("LD_LIBRARY_PATH", None)
        if extra:
            env["LD_LIBRARY_PATH"] = str(extra)
        run = subprocess.run([str(program)], env=env, capture_output=True, text=True)
        runs[name] = run
        print(f"abi_check growth: with the {name} library (exit {run.returncode}):\n{run.stdout}{run.stderr}")
    errors = []
    for name, expected in (("built", "no"), ("grown", "yes")):
        if runs[name].returncode != 0:
            errors.append(f"the program failed with the {name} library")
        if not runs[name].stdout.startswith(f"grown library: {expected}\n"):
            errors.append(f"with the {name} library the program did not run against it (grown library: {expected})")
    if runs["built"].stdout.splitlines()[1:] != runs["grown"].stdout.splitlines()[1:]:
        errors.append("the results differ between the two libraries")
    for error in errors:
        print(f"abi_check growth: {error}", file=sys.stderr)
    return 1 if errors else 0


def main(argv):
    if len(argv) == 4 and argv[0] == "check":
        return check(*argv[1:])
    if len(argv) == 4 and argv[0] == "write":
        abidw(*argv[1:])
        return 0
    if len(argv) == 3 and argv[0] == "selftest":
        return selftest(*argv[1:])
    if len(argv) == 3 and argv[0] == "growth":
        return growth(*argv[1:])
    if len(argv) in (5, 6) and argv[0] == "versions":
        return versions(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
