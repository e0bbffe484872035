// Helpers shared by the CSV and JSON readers and writers: whole-file reads,
// atomic writes, numbers that round-trip exactly, and text made safe to show
// in an error message.
#pragma once

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace verbind::io_detail {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

inline std::string_view strip_bom(std::string_view text) noexcept {
    if (text.substr(0, utf8_bom.size()) == utf8_bom) text.remove_prefix(utf8_bom.size());
    return text;
}

// `text` for an error message: as is when it is UTF-8, with every byte that
// is not shown as \xNN otherwise (a message must itself be valid UTF-8, the
// Python bindings decode it).
inline std::string shown(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Keep the longest valid UTF-8 sequence that starts here (at most 4 bytes).
        std::size_t length = 0;
        for (std::size_t n = 1; n <= 4 && i + n <= text.size(); ++n)
            if (is_valid_utf8(text.substr(i, n))) length = n;
        if (length > 0) {
            out += text.substr(i, length);
            i += length - 1;
        } else {
            static constexpr char hex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

// "<source>:<line>: <message>"
[[noreturn]] inline void fail_at(std::string_view source, std::size_t line, std::string_view message) {
    std::string text(source);
    text += ':';
    text += std::to_string(line);
    text += ": ";
    text += message;
    throw parse_error(text);
}

[[noreturn]] inline void fail_io(std::string_view what, const std::string& path, int error_number) {
    throw io_error(std::string(what) + " '" + path + "': " + std::strerror(error_number));
}

inline std::string read_file(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) fail_io("cannot open", path, errno);
    std::string content;
    char buffer[1 << 16];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) content.append(buffer, got);
    const bool failed = std::ferror(file) != 0;
    const int error_number = errno;
    std::fclose(file);
    // fopen succeeds on a directory on Linux; fread then fails with EISDIR.
    if (failed) fail_io("cannot read", path, error_number ? error_number : EIO);
    return content;
}

inline void make_folder(const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw io_error("cannot create folder '" + folder + "': " + ec.message());
    if (!std::filesystem::is_directory(folder, ec))
        throw io_error("cannot write into '" + folder + "': not a folder");
}

// Writes `content` to a temporary beside `path` and renames it into place, so
// a reader never sees half a file and a failed write leaves the old one.
inline void write_file_atomically(const std::string& path, std::string_view content) {
    static std::atomic<unsigned> counter{0};
    const std::string temporary =
        path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) fail_io("cannot write", path, errno);
    const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
    int error_number = errno;
    const bool flushed = std::fflush(file) == 0;
    if (written && !flushed) error_number = errno;
    const bool closed = std::fclose(file) == 0;
    if (written && flushed && !closed) error_number = errno;
    if (!written || !flushed || !closed) {
        std::remove(temporary.c_str());
        fail_io("cannot write", path, error_number ? error_number : EIO);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        error_number = errno;
        std::remove(temporary.c_str());
        fail_io("cannot write", path, error_number);
    }
}

// Shortest text that reads back as exactly `value`.
inline std::string format_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
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
