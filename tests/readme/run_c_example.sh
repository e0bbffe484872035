#!/bin/sh
# Compiles and runs the README's C example against a build of libverbind.
# Usage: run_c_example.sh README CC INCLUDE_DIR LIB_DIR WORK_DIR
#
# The example is the first fenced block that opens with the line ```c; it
# must build as strict C99 without warnings and exit 0.
set -eu

if [ "$#" -ne 5 ]; then
    echo "usage: $0 README CC INCLUDE_DIR LIB_DIR WORK_DIR" >&2
    exit 2
fi
readme=$1
cc=$2
include_dir=$3
lib_dir=$4
work_dir=$5

if [ ! -f "$readme" ]; then
    echo "run_c_example: no such file: $readme" >&2
    exit 1
fi

mkdir -p "$work_dir"
example=$work_dir/example.c

# Print the lines between the first "```c" line and the next "```" line;
# exit 3 when the opening line never came, 4 when the block never closed.
status=0
awk '
    state == 0 && /^```c[ \t]*$/ { state = 1; next }
    state == 1 && /^```[ \t]*$/  { state = 2; exit }
    state == 1                    { print }
    END { if (state == 0) exit 3; if (state == 1) exit 4 }
' "$readme" > "$example" || status=$?
case $status in
    0) ;;
    3) echo "run_c_example: $readme has no fenced block opening with \`\`\`c" >&2; exit 1 ;;
    4) echo "run_c_example: the \`\`\`c block in $readme is never closed" >&2; exit 1 ;;
    *) echo "run_c_example: could not read $readme" >&2; exit 1 ;;
esac
if [ ! -s "$example" ]; then
    echo "run_c_example: the \`\`\`c block in $readme is empty" >&2
    exit 1
fi

"$cc" -std=c99 -Wall -Wextra -Werror -I "$include_dir" -o "$work_dir/example" "$example" \
    -L "$lib_dir" -lverbind -Wl,-rpath,"$lib_dir"
"$work_dir/example"
echo "run_c_example: the README's C example built and ran"
