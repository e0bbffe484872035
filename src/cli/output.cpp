#include "output.hpp"
#include "ranks.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace verbind::cli {

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
    return width;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t has = display_width(text);
    if (has >= width) return text;
    const std::string fill(width - has, ' ');
    return right ? fill + text : text + fill;
}

void check_output_path(const CommandLine& line, const std::string& path) {
    if (path == "-") return;
    files::check_path(path, "-o");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        line.fail("-o: '" + printable(path) + "' is a folder; give a file name in it, or - for standard output");
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
        throw io_error("-o: cannot write '" + printable(path) + "': the folder '" + printable(parent.string()) +
                       "' does not exist");
}

Output::Output(const CommandLine& line) : path_(line.output()) {
    if (path_) check_output_path(line, *path_);
}

void Output::finish() {
    if (to_stdout() || !speaks()) return;
    files::atomic_write_file(*path_, buffer_.str(), "-o");
}

void Json::comma() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
}

Json& Json::open_object() {
    comma();
    out_ += '{';
    fresh_ = true;
    return *this;
}

Json& Json::close_object() {
    out_ += '}';
    fresh_ = false;
    return *this;
}

Json& Json::open_array() {
    comma();
    out_ += '[';
    fresh_ = true;
    return *this;
}

Json& Json::close_array() {
    out_ += ']';
    fresh_ = false;
    return *this;
}

Json& Json::key(std::string_view name) {
    value(name);
    out_ += ':';
    fresh_ = true;
    return *this;
}

Json& Json::value(std::string_view text) {
    comma();
    append_json_string(out_, text);
    return *this;
}

Json& Json::value(double x) {
    if (!std::isfinite(x)) return null();
    comma();
    append_number(out_, x);
    return *this;
}

Json& Json::value(std::uint64_t x) {
    comma();
    out_ += std::to_string(x);
    return *this;
}

Json& Json::value(std::int64_t x) {
    comma();
    out_ += std::to_string(x);
    return *this;
}

Json& Json::value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
}

Json& Json::null() {
    comma();
    out_ += "null";
    return *this;
}

Json& Json::strings(std::string_view name, const std::vector<std::string>& items) {
    key(name).open_array();
    for (const std::string& item : items) value(item);
    return close_array();
}

Json& Json::raw(std::string_view json) {
    comma();
    out_ += json;
    return *this;
}

}  // namespace verbind::cli
