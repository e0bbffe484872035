// Helpers shared by the CSV and JSON readers and writers: whole-file reads,
// atomic writes (both through verbind/util/files.hpp), numbers read back
// exactly, and text made safe to show in an error message (numbers are
// written by verbind/util/text.hpp).
#pragma once

#include "verbind/error.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/text.hpp"

#include <charconv>
#include <string>
#include <string_view>

namespace verbind::io_detail {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

inline std::string_view strip_bom(std::string_view text) noexcept {
    if (text.substr(0, utf8_bom.size()) == utf8_bom) text.remove_prefix(utf8_bom.size());
    return text;
}

// `text` for an error message (util/text.hpp's printable: valid UTF-8 as
// is, other bytes and control characters as \xNN).
inline std::string shown(std::string_view text) { return printable(text); }

// "<source>:<line>: <message>"
[[noreturn]] inline void fail_at(std::string_view source, std::size_t line, std::string_view message) {
    std::string text(source);
    text += ':';
    text += std::to_string(line);
    text += ": ";
    text += message;
    throw parse_error(text);
}

// Reads and writes go through the one file helper (verbind/util/files.hpp):
// paths are checked, writes are atomic.
inline std::string read_file(const std::string& path) { return files::read_file(path); }

inline void write_file_atomically(const std::string& path, std::string_view content) {
    files::atomic_write_file(path, content);
}

// The whole of `text` as a double; throws input_error naming `what` when it
// is not a number or does not fit one. "inf" and "nan" parse; the model
// refuses them with its own message.
inline double parse_number(std::string_view text, std::string_view what) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec == std::errc::result_out_of_range && result.ptr == end)
        throw input_error(std::string(what) + ": number out of range '" + shown(text) + "'");
    if (result.ec != std::errc() || result.ptr != end || text.empty())
        throw input_error(std::string(what) + ": expected a number, got '" + shown(text) + "'");
    return value;
}

}  // namespace verbind::io_detail
