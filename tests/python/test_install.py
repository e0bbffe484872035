"""The Python package as a new user installs it (issue 13, "Install").

From a clean copy of the source tree (the files git tracks or would track,
as they are in the working tree; no build folder), in
`python3 -m venv --system-site-packages`:

  venv/bin/pip install --no-build-isolation .      (the README's line)
  venv/bin/pip wheel --no-build-isolation .

with --no-index, so nothing can be downloaded. Then, from a folder outside
the copy: `import verbind` comes from the venv, importlib.metadata's version,
verbind.__version__, the C library's vb_version() (libverbind.so built from
the same copy), verbind.h's VB_VERSION_STRING and CMakeLists.txt's
project(VERSION) are one number; PageRank of a small weighted digraph equals
networkx's; the wheel holds exactly the package folder's files plus the one
compiled module (py.typed and the .pyi stubs included), needs no libverbind.so
or rpath, and declares numpy as its only requirement; the copy gains no file
outside build-python/.

This builds the module from scratch, so it is slow: about 4 minutes on two
cores with a cold compiler cache, well under a minute warm. With ccache on
PATH it compiles through ccache (CMAKE_C/CXX_COMPILER_LAUNCHER, unless the
environment already sets them), with CCACHE_BASEDIR at the copy, so a warm
cache serves every fresh copy. Those tests are marked `slow`: `-m "not slow"`
leaves them out while developing; the normal test command runs them.
"""

import email.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PACKAGE_SOURCE = pathlib.PurePosixPath("bindings/python/verbind")
TIMEOUT = 3600  # seconds per command: a hang fails instead of blocking the suite



def source_files(root):
    """The files of the source tree, relative: what git tracks plus what it
    would track (untracked, not ignored), as they are in the working tree.
    Outside a git checkout: everything but build folders, .git and bytecode."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "-c", "-o", "--exclude-standard"], cwd=root, check=True,
                                capture_output=True, timeout=120).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        listed = [str(path.relative_to(root)) for path in root.rglob("*")
                  if path.is_file() and not re.match(r"(build[^/]*|\.git)(/|$)", str(path.relative_to(root)))]
    files = set()
    for name in listed:
        # Listed but deleted in the working tree: not part of the copy.
        if name and (root / name).is_file() and "__pycache__" not in pathlib.PurePosixPath(name).parts:
            files.add(pathlib.PurePosixPath(name))
    return files


def copy_tree(root, files, destination):
    for name in sorted(files):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target, follow_symlinks=False)


def files_under(root):
    return {pathlib.PurePosixPath(path.relative_to(root).as_posix()) for path in root.rglob("*") if path.is_file()}


def run(command, cwd, env):
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 0, (f"{' '.join(map(str, command))} (in {cwd}) exited with {result.returncode}\n"
                                    f"--- stdout (end)\n{result.stdout[-6000:]}\n--- stderr (end)\n{result.stderr[-6000:]}")
    return result


def build_environment(copy):
    env = dict(os.environ)
    # The build tree's package (ctest sets PYTHONPATH to it) must not be the
    # one that gets imported, nor a user's site folder.
    env.pop("PYTHONPATH", None)
    env["PYTHONNOUSERSITE"] = "1"
    env["PIP_NO_INDEX"] = "1"
    if shutil.which("ccache"):
        env.setdefault("CMAKE_CXX_COMPILER_LAUNCHER", "ccache")
        env.setdefault("CMAKE_C_COMPILER_LAUNCHER", "ccache")
        env["CCACHE_BASEDIR"] = str(copy)
    return env


PROBE = textwrap.dedent("""
    import importlib.metadata, json, pathlib, sys
    import networkx as nx
    import numpy as np
    import verbind

    # A weighted digraph with a dangling node (4): PageRank by verbind and by
    # networkx on the same arcs.
    src, dst, weight = [0, 0, 1, 2, 2, 3, 3, 5], [1, 2, 2, 0, 3, 4, 1, 0], [1.0, 2.0, 1.0, 0.5, 1.5, 1.0, 3.0, 2.0]
    g = verbind.Graph.from_edges(np.array(src), np.array(dst), n=6, weights=np.array(weight), directed=True)
    reference = nx.DiGraph()
    reference.add_nodes_from(range(6))
    reference.add_weighted_edges_from(zip(src, dst, weight))
    ours = [float(x) for x in verbind.pagerank(g, tol=1e-12)]
    theirs = nx.pagerank(reference, weight="weight", tol=1e-12)

    distribution = importlib.metadata.distribution("verbind")
    print(json.dumps({
        "file": verbind.__file__,
        "extension": verbind._verbind.__file__,
        "version": verbind.__version__,
        "metadata_version": importlib.metadata.version("verbind"),
        "requires": distribution.requires or [],
        "installed": sorted(str(f) for f in distribution.files),
        "pagerank": ours,
        "networkx_pagerank": [theirs[v] for v in range(6)],
        "path": sys.path,
    }))
""")


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    copy = base / "verbind-src"
    files = source_files(REPO)
    assert pathlib.PurePosixPath("pyproject.toml") in files and pathlib.PurePosixPath("setup.py") in files
    copy_tree(REPO, files, copy)
    env = build_environment(copy)
    venv = base / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv], base, env)
    pip = venv / "bin" / "pip"
    run([pip, "install", "--no-build-isolation", "--no-index", "--no-cache-dir", "."], copy, env)
    # A wheel from the same tree (CMake's tree build-python/ is reused).
    dist = base / "dist"
    run([pip, "wheel", "--no-build-isolation", "--no-index", "--no-cache-dir", "--no-deps", "-w", dist, "."], copy, env)
    # The C library from the same copy and CMake configuration, for its vb_version().
    run(["cmake", "--build", copy / "build-python", "--target", "verbind"], copy, env)

    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    probe = json.loads(run([venv / "bin" / "python", "-c", PROBE], elsewhere, env).stdout)
    # The wheel alone, in a second venv, with the copy gone from view.
    wheels = sorted(dist.glob("verbind-*.whl"))
    wheel_venv = base / "wheel-venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", wheel_venv], base, env)
    run([wheel_venv / "bin" / "pip", "install", "--no-index", "--no-cache-dir", *wheels], elsewhere, env)
    wheel_probe = json.loads(run([wheel_venv / "bin" / "python", "-c", PROBE], elsewhere, env).stdout)
    return {"base": base, "copy": copy, "files": files, "venv": venv, "probe": probe, "wheels": wheels,
            "wheel_venv": wheel_venv, "wheel_probe": wheel_probe}


def package_files(files):
    """The package folder's files, relative to it (what the wheel must hold)."""
    return {str(name.relative_to(PACKAGE_SOURCE)) for name in files if PACKAGE_SOURCE in name.parents}


def project_version(copy):
    text = (copy / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"^project\(verbind VERSION (\S+)", text, re.MULTILINE).group(1)


def c_library_version(copy):
    import ctypes
    library = ctypes.CDLL(str(copy / "build-python" / "libverbind.so"))
    library.vb_version.restype = ctypes.c_char_p
    return library.vb_version().decode()


def test_readme_states_the_commands_this_test_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "-m venv --system-site-packages" in readme
    assert "pip install --no-build-isolation ." in readme


@pytest.mark.slow
def test_import_comes_from_the_venv_outside_the_source_tree(install):
    probe, venv, copy = install["probe"], install["venv"], install["copy"]
    site_packages = pathlib.Path(probe["file"]).resolve().parents[1]
    assert site_packages.is_relative_to(venv.resolve()), probe["file"]
    for imported in (probe["file"], probe["extension"]):
        assert not pathlib.Path(imported).resolve().is_relative_to(copy.resolve()), imported
        assert not pathlib.Path(imported).resolve().is_relative_to(REPO), imported


@pytest.mark.slow
def test_one_version_everywhere(install):
    probe, copy = install["probe"], install["copy"]
    cmake_version = project_version(copy)
    header = (copy / "capi" / "include" / "verbind.h").read_text(encoding="utf-8")
    header_version = re.search(r'^#define VB_VERSION_STRING "(.*)"$', header, re.MULTILINE).group(1)
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", cmake_version)
    assert probe["metadata_version"] == probe["version"] == c_library_version(copy) == header_version == cmake_version


@pytest.mark.slow
def test_a_computation_agrees_with_networkx(install):
    ours, theirs = install["probe"]["pagerank"], install["probe"]["networkx_pagerank"]
    assert len(ours) == 6 and abs(sum(ours) - 1.0) < 1e-9
    assert ours == pytest.approx(theirs, abs=1e-9)


@pytest.mark.slow
def test_installed_files_are_the_package_folder_and_the_module(install):
    expected = package_files(install["files"]) | {"_verbind" + sysconfig.get_config_var("EXT_SUFFIX")}
    installed = {pathlib.PurePosixPath(name) for name in install["probe"]["installed"]}
    in_package = {str(name.relative_to("verbind")) for name in installed
                  if name.parts[0] == "verbind" and "__pycache__" not in name.parts}
    assert in_package == expected
    assert "py.typed" in in_package
    assert any(name.endswith(".pyi") for name in in_package)


@pytest.mark.slow
def test_the_wheel_installs_and_works_on_its_own(install):
    probe, wheel_probe = install["probe"], install["wheel_probe"]
    assert pathlib.Path(wheel_probe["file"]).resolve().is_relative_to(install["wheel_venv"].resolve())
    assert wheel_probe["version"] == wheel_probe["metadata_version"] == probe["version"]
    assert wheel_probe["pagerank"] == probe["pagerank"]


@pytest.mark.slow
def test_wheel_contents_and_metadata(install):
    assert len(install["wheels"]) == 1, install["wheels"]
    wheel = install["wheels"][0]
    assert re.fullmatch(r"verbind-(.+)-cp3\d+-cp3\d+-linux_\w+\.whl", wheel.name), wheel.name
    version = project_version(install["copy"])
    dist_info = f"verbind-{version}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = email.parser.Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
        module = "verbind/_verbind" + sysconfig.get_config_var("EXT_SUFFIX")
        module_path = install["base"] / "module.so"
        module_path.write_bytes(archive.read(module))
        wheel_license = archive.read(f"{dist_info}/LICENSE")
    expected = {f"verbind/{name}" for name in package_files(install["files"])} | {module}
    expected |= {f"{dist_info}/{name}" for name in ("METADATA", "WHEEL", "top_level.txt", "RECORD", "LICENSE")}
    assert names == expected
    assert "verbind/py.typed" in names
    assert [name for name in names if name.endswith(".so")] == [module]  # no libverbind.so: the core is linked in

    assert metadata["Name"] == "verbind" and metadata["Version"] == version
    assert metadata["Summary"] == "Networks of neighbourhood connection programmes"
    requires = metadata.get_all("Requires-Dist")
    assert [r for r in requires if "extra ==" not in r] == ["numpy"]
    assert {"pandas", "networkx", "igraph"} <= set(metadata.get_all("Provides-Extra"))
    # The licence (issue 14): named in the metadata, its text the repository's LICENSE.
    assert metadata["License"] == "Apache-2.0"
    assert "License :: OSI Approved :: Apache Software License" in metadata.get_all("Classifier")
    assert wheel_license == (install["copy"] / "LICENSE").read_bytes()

    # The module needs no libverbind.so and no rpath to find one.
    dynamic = subprocess.run(["readelf", "-d", str(module_path)], capture_output=True, text=True, check=True).stdout
    assert "NEEDED" in dynamic and "libverbind" not in dynamic
    assert "RPATH" not in dynamic and "RUNPATH" not in dynamic


@pytest.mark.slow
def test_the_build_writes_only_into_build_python(install):
    """setuptools' staging folders and egg-info stay under build-python/, not
    in the source folders (or in build/, scripts/build's CMake tree)."""
    copy = install["copy"]
    added = {name for name in files_under(copy) - install["files"] if name.parts[0] != "build-python"}
    assert added == set()


def test_the_imported_package_has_every_file_of_the_package_folder():
    """The package being tested (build/python/verbind from CMake, or an
    install) holds every file of bindings/python/verbind/: the CMake copy
    once took *.py only, so the stubs and py.typed were left out of
    build/python."""
    import verbind
    here = pathlib.Path(verbind.__file__).resolve().parent
    if here == (REPO / PACKAGE_SOURCE).resolve():
        pytest.skip("verbind is imported from the source folder itself")
    wanted = package_files(source_files(REPO))
    assert "py.typed" in wanted and "__init__.py" in wanted
    missing = sorted(name for name in wanted if not (here / name).is_file())
    assert missing == [], f"{here} lacks {missing}"
