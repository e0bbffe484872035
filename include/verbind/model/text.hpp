// Checks applied to every piece of text that enters the model.
#pragma once

#include "verbind/util/text.hpp"  // is_valid_utf8, printable (util: used below the model too)

#include <cstdint>
#include <string>
#include <string_view>

namespace verbind {

// The character classes a key or label refuses (one table in text.cpp):
// - anywhere: control characters (C0 U+0000-U+001F, DEL U+007F, C1
//   U+0080-U+009F, which includes NEL U+0085), the line and paragraph
//   separators U+2028 and U+2029, and the noncharacters (U+FDD0-U+FDEF and
//   the last two code points of every plane, U+FFFE, U+FFFF, ..., U+10FFFF);
// - at the start or the end: every Unicode white space and separator
//   (U+0020, NBSP U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) and
//   the invisible format characters that look like nothing (soft hyphen
//   U+00AD, U+180E, zero-width U+200B-U+200F, bidirectional controls
//   U+202A-U+202E and U+2066-U+2069, U+2060-U+2064, U+206A-U+206F, and the
//   byte order mark U+FEFF).
bool is_refused_anywhere(std::uint32_t code_point) noexcept;
bool is_refused_at_edge(std::uint32_t code_point) noexcept;  // includes is_refused_anywhere

// True when check_label would accept `text` (no allocation, no throw).
bool is_valid_label(std::string_view text, bool list_item = false) noexcept;

// Validates a key or a label (tag, group, kind, neighbourhood): non-empty,
// well-formed UTF-8, none of the characters refused anywhere, none of those
// refused at an edge at the start or the end. When `list_item` is set, ';' is
// refused too (it separates list items in the CSV layout). Throws
// input_error "<what>: <reason> '<text>'" (the reason names the character,
// for example "contains a line break (U+2028)").
void check_label(std::string_view text, std::string_view what, bool list_item = false);

}  // namespace verbind
