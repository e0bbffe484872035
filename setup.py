"""Builds the verbind Python package with the project's own CMake build.

`pip install --no-build-isolation .` (in a venv made with
--system-site-packages, so Debian's numpy is seen) and
`pip wheel --no-build-isolation .` come here through pyproject.toml's
setuptools backend. As in pybind11's cmake_example, the extension has no
sources of its own: build_ext configures CMakeLists.txt and builds the one
target `_verbind` (Release), then hands setuptools the module it made. The
package's files come from bindings/python/verbind/ (every file there; see
pyproject.toml), the version from CMakeLists.txt's project(VERSION), the one
number behind vb_version(), verbind::version() and verbind.__version__.

The module links the C++ core statically (the `verbind_core` archive, built
with -fPIC and hidden visibility), exactly as the CMake build's
build/python/verbind does: the wheel holds one self-contained extension and
needs neither libverbind.so nor an rpath. libverbind.so is the C ABI for C
callers; Python does not go through it.

The CMake tree is build-python/ next to CMakeLists.txt, so a second
`pip install .` rebuilds only what changed. The environment is honoured:
CMAKE_BUILD_PARALLEL_LEVEL (default: the number of CPUs),
CMAKE_C_COMPILER_LAUNCHER / CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache; CMake
reads them itself), CMAKE_GENERATOR, and CMAKE_ARGS for any other -D option.
"""

import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent
CMAKE_BUILD = ROOT / "build-python"


def project_version():
    """The version in CMakeLists.txt's project() call: the one source of the number."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"^project\(\s*verbind\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)\b", text, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"{ROOT / 'CMakeLists.txt'}: no 'project(verbind VERSION X.Y.Z' line to take the version from")
    return match.group(1)


class CMakeExtension(Extension):
    """An extension CMake builds: no sources for setuptools to compile."""

    def __init__(self, name, target):
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        if not isinstance(ext, CMakeExtension):
            return super().build_extension(ext)
        cmake = shutil.which("cmake")
        if cmake is None:
            raise RuntimeError("building verbind needs cmake (Debian: apt install cmake; see scripts/setup)")
        config = "Debug" if self.debug else "Release"
        configure = [
            cmake, "-S", str(ROOT), "-B", str(CMAKE_BUILD),
            f"-DCMAKE_BUILD_TYPE={config}",
            # The interpreter running pip (a venv's python3 included) is the one
            # the module is built for.
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DVERBIND_BUILD_PYTHON=ON",
            "-DVERBIND_BUILD_TESTS=OFF",
            "-DVERBIND_BUILD_BENCHMARKS=OFF",
        ]
        configure += shlex.split(os.environ.get("CMAKE_ARGS", ""))
        build = [cmake, "--build", str(CMAKE_BUILD), "--config", config, "--target", ext.target]
        if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
            jobs = self.parallel if isinstance(self.parallel, int) and self.parallel > 0 else (os.cpu_count() or 1)
            build += ["--parallel", str(jobs)]
        self.announce(" ".join(configure), level=2)
        subprocess.run(configure, check=True)
        self.announce(" ".join(build), level=2)
        subprocess.run(build, check=True)

        # CMake puts the module in build-python/python/verbind/ under the name
        # the interpreter imports (its EXT_SUFFIX), which is the name
        # setuptools asks for.
        wanted = pathlib.Path(self.get_ext_fullpath(ext.name))
        built = CMAKE_BUILD / "python" / "verbind" / wanted.name
        if not built.is_file():
            raise RuntimeError(f"CMake built no {built} (is {sys.executable} the Python CMake found?)")
        wanted.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, wanted)
        shutil.copymode(built, wanted)


# setuptools' own staging folders (build/, *.egg-info) go under
# build-python/setuptools, not into build/ (scripts/build's CMake tree) or
# the package's source folder.
STAGING = CMAKE_BUILD / "setuptools"
STAGING.mkdir(parents=True, exist_ok=True)

setup(
    version=project_version(),
    ext_modules=[CMakeExtension("verbind._verbind", target="_verbind")],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": str(STAGING)}, "egg_info": {"egg_base": str(STAGING)}},
    zip_safe=False,
)
