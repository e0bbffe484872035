// The contact-list reader of temporal reach: `t i j` per line, SocioPatterns
// style. The ContactSequence it gives is reach's (verbind/reach/temporal.hpp),
// where temporal_reach reads it.
#pragma once

#include "verbind/reach/temporal.hpp"

#include <string>
#include <string_view>

namespace verbind {

// Reads `t i j [more columns]` per line (spaces or tabs; blank lines and
// lines starting with '#' or '%' skipped; every line has the same number of
// fields). With exactly 5 fields (SocioPatterns `t i j Ci Cj`) the 4th and
// 5th are the groups of i and j (ContactSequence::groups); other extra
// columns are ignored. Throws parse_error naming file and line for a
// malformed line, a person given two groups (naming both lines), a time
// before the previous line's (the file must be sorted by time: the first
// line out of order is named), or a contact of someone with themselves;
// io_error when the file cannot be read.
ContactSequence read_contacts(const std::string& path);
ContactSequence parse_contacts(std::string_view text, std::string_view source = "<text>");

}  // namespace verbind
