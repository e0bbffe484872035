#!/bin/sh
# Installs a build into a scratch prefix and builds two outside consumers
# against the installed files only: a C program through pkg-config, and a
# C++ program through find_package(verbind). Also checks what the install
# ships: headers, a libverbind.so with a soname that exports vb_ symbols
# only, the pkg-config file and the CMake package.
#
# Usage: run.sh BUILD_DIR WORK_DIR CMAKE CC CXX
set -eu

if [ "$#" -ne 5 ]; then
    echo "usage: $0 BUILD_DIR WORK_DIR CMAKE CC CXX" >&2
    exit 2
fi
build_dir=$1
work_dir=$2
cmake=$3
cc=$4
cxx=$5
here=$(cd "$(dirname "$0")" && pwd)
prefix=$work_dir/prefix

fail() {
    echo "install_consumer: $*" >&2
    exit 1
}

require_file() {
    [ -f "$1" ] || fail "missing after install: $1"
}

rm -rf "$prefix" "$work_dir/cxx-build"
mkdir -p "$work_dir"

echo "== install into $prefix"
"$cmake" --install "$build_dir" --prefix "$prefix" > "$work_dir/install.log" || {
    cat "$work_dir/install.log" >&2
    fail "cmake --install failed"
}

# GNUInstallDirs picks lib, lib64 or lib/<multiarch>: take the directory
# that actually holds the library.
libdir=
for candidate in "$prefix"/lib "$prefix"/lib64 "$prefix"/lib/*-linux-gnu; do
    if [ -f "$candidate/libverbind.so" ]; then
        libdir=$candidate
        break
    fi
done
[ -n "$libdir" ] || fail "no libverbind.so under $prefix/lib*"
echo "   library directory: $libdir"

require_file "$prefix/include/verbind.h"
require_file "$prefix/include/verbind/model/network.hpp"
require_file "$prefix/include/verbind/graph/graph.hpp"
require_file "$libdir/libverbind.so"
require_file "$libdir/pkgconfig/verbind.pc"
require_file "$libdir/cmake/verbind/verbindConfig.cmake"
require_file "$libdir/cmake/verbind/verbindConfigVersion.cmake"
require_file "$prefix/share/doc/verbind/LICENSE"
cmp -s "$prefix/share/doc/verbind/LICENSE" "$here/../../LICENSE" || fail "the installed LICENSE differs from the repository's"
# The CLI and its bash completion (src/cli/completion/verbind.bash).
require_file "$prefix/bin/verbind"
require_file "$prefix/share/bash-completion/completions/verbind"
bash -c ". '$prefix/share/bash-completion/completions/verbind' && complete -p verbind" | grep -q -- "-F _verbind verbind" ||
    fail "the installed bash completion does not register verbind"

echo "== soname and exported symbols"
soname=$(objdump -p "$libdir/libverbind.so" | awk '$1 == "SONAME" { print $2 }')
case $soname in
    libverbind.so.[0-9]*) echo "   SONAME $soname" ;;
    *) fail "libverbind.so has no soname of the form libverbind.so.N (got '$soname')" ;;
esac
require_file "$libdir/$soname"

nm -D --defined-only "$libdir/libverbind.so" | awk '{ print $NF }' > "$work_dir/exports.txt"
exported=$(wc -l < "$work_dir/exports.txt")
[ "$exported" -gt 0 ] || fail "libverbind.so exports nothing"
if grep -v '^vb_' "$work_dir/exports.txt" > "$work_dir/leaked.txt"; then
    echo "install_consumer: libverbind.so exports symbols without the vb_ prefix:" >&2
    head -20 "$work_dir/leaked.txt" >&2
    exit 1
fi
for symbol in vb_version vb_last_error_message vb_network_new vb_graph_from_edges vb_view_options_init; do
    grep -qx "$symbol" "$work_dir/exports.txt" || fail "libverbind.so does not export $symbol"
done
echo "   $exported symbols, all vb_"

echo "== C consumer through pkg-config"
PKG_CONFIG_PATH=$libdir/pkgconfig
export PKG_CONFIG_PATH
flags=$(pkg-config --cflags --libs verbind) || fail "pkg-config does not find verbind"
echo "   pkg-config: $flags"
[ "$(sed -n 's/^License: //p' "$libdir/pkgconfig/verbind.pc")" = Apache-2.0 ] || fail "verbind.pc does not name the licence Apache-2.0"
[ "$(pkg-config --modversion verbind)" = "$(sed -n 's/^#define VB_VERSION_STRING "\(.*\)"$/\1/p' "$prefix/include/verbind.h")" ] ||
    fail "verbind.pc and verbind.h disagree on the version"
# shellcheck disable=SC2086 # the flags are meant to split into words
"$cc" -std=c99 -Wall -Wextra -Werror -o "$work_dir/consumer_c" "$here/c/consumer.c" $flags
LD_LIBRARY_PATH=$libdir "$work_dir/consumer_c"

# libverbind_mpi (issue 18), when the build has it (VERBIND_MPI): its own
# soname, vb_mpi_ exports only, and a C program through pkg-config verbind-mpi.
if [ -f "$libdir/libverbind_mpi.so" ]; then
    echo "== libverbind_mpi through pkg-config verbind-mpi"
    require_file "$prefix/include/verbind_mpi.h"
    require_file "$libdir/pkgconfig/verbind-mpi.pc"
    soname=$(objdump -p "$libdir/libverbind_mpi.so" | awk '$1 == "SONAME" { print $2 }')
    case $soname in
        libverbind_mpi.so.[0-9]*) echo "   SONAME $soname" ;;
        *) fail "libverbind_mpi.so has no soname of the form libverbind_mpi.so.N (got '$soname')" ;;
    esac
    if nm -D --defined-only "$libdir/libverbind_mpi.so" | awk '{ print $NF }' | grep -v '^vb_mpi_' > "$work_dir/leaked_mpi.txt"; then
        echo "install_consumer: libverbind_mpi.so exports symbols without the vb_mpi_ prefix:" >&2
        head -20 "$work_dir/leaked_mpi.txt" >&2
        exit 1
    fi
    mpi_flags=$(pkg-config --cflags --libs verbind-mpi) || fail "pkg-config does not find verbind-mpi"
    echo "   pkg-config: $mpi_flags"
    # shellcheck disable=SC2086 # the flags are meant to split into words
    "$cc" -std=c99 -Wall -Wextra -Werror -o "$work_dir/consumer_mpi" "$here/c/consumer_mpi.c" $mpi_flags
    # One process, MPI's singleton start (no mpiexec needed).
    OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 LD_LIBRARY_PATH=$libdir "$work_dir/consumer_mpi"
fi

echo "== C++ consumer through find_package(verbind)"
"$cmake" -S "$here/cxx" -B "$work_dir/cxx-build" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release > "$work_dir/cxx-configure.log" || {
    cat "$work_dir/cxx-configure.log" >&2
    fail "configuring the C++ consumer failed"
}
"$cmake" --build "$work_dir/cxx-build" > "$work_dir/cxx-build.log" 2>&1 || {
    cat "$work_dir/cxx-build.log" >&2
    fail "building the C++ consumer failed"
}
"$work_dir/cxx-build/consumer_cxx"

echo "install_consumer: all checks passed"
