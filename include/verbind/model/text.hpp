// Checks applied to every piece of text that enters the model.
#pragma once

#include <string_view>

namespace verbind {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

// True when check_label would accept `text` (no allocation, no throw).
bool is_valid_label(std::string_view text, bool list_item = false) noexcept;

// Validates a key or a label (tag, group, kind, neighbourhood): non-empty,
// well-formed UTF-8, no control characters, no leading or trailing blanks.
// When `list_item` is set, ';' is refused too (it separates list items in the
// CSV layout). Throws input_error "<what>: <reason> '<text>'".
void check_label(std::string_view text, std::string_view what, bool list_item = false);

}  // namespace verbind
