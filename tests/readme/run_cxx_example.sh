#!/bin/sh
# Compiles and runs the first ```cpp block of a Markdown file against the
# build tree's C++ core: run_cxx_example.sh MARKDOWN CXX INCLUDE_DIR CORE_LIB WORK_DIR
set -eu
markdown=$1 cxx=$2 include=$3 core=$4 work=$5
mkdir -p "$work"
awk '/^```cpp$/ { inside = 1; found = 1; next } inside && /^```$/ { exit } inside { print }
     END { if (!found) exit 1 }' "$markdown" > "$work/example.cpp" || {
  echo "no \`\`\`cpp block in $markdown" >&2
  exit 1
}
"$cxx" -std=c++20 -Wall -Wextra -Werror -Wno-missing-field-initializers -I"$include" "$work/example.cpp" "$core" \
  -lpthread -o "$work/example"
"$work/example"
