// Where a command's result goes (standard output, or -o FILE replaced
// atomically) and the small JSON writer of --json.
#pragma once

#include "command_line.hpp"

#include <cstdint>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace verbind::cli {

// The result of a command: written to `stream()`, delivered by finish() to
// standard output (no -o, or -o -) or to the file, atomically. The -o path is
// checked when the Output is made, before any work: a folder is a usage
// error (exit 2), a folder that does not exist an input error (exit 1).
class Output {
public:
    explicit Output(const CommandLine& line);
    std::ostream& stream() { return to_stdout() ? static_cast<std::ostream&>(std::cout) : buffer_; }
    bool to_stdout() const { return !path_ || *path_ == "-"; }
    const std::optional<std::string>& path() const { return path_; }
    void finish();

private:
    std::optional<std::string> path_;
    std::ostringstream buffer_;
};

// The columns `text` takes in a terminal: its UTF-8 characters (code
// points), so "Fryslân" is 7 wide, not 8 bytes. The tables pad with it.
std::size_t display_width(std::string_view text);
// `text` padded with spaces to `width` columns, on the right (or the left).
std::string pad(const std::string& text, std::size_t width, bool right = false);

// Checks an -o path (see Output) without making an Output.
void check_output_path(const CommandLine& line, const std::string& path);

// A JSON document written in order: objects, arrays, keys and values, with
// the commas put in. Strings are escaped (", \ and control characters);
// numbers are the shortest text that reads back to the same double; a
// non-finite number, or an absent optional, is null.
class Json {
public:
    Json& open_object();
    Json& close_object();
    Json& open_array();
    Json& close_array();
    Json& key(std::string_view name);
    Json& value(std::string_view text);
    Json& value(const char* text) { return value(std::string_view(text)); }
    Json& value(const std::string& text) { return value(std::string_view(text)); }
    Json& value(double x);
    Json& value(std::uint64_t x);
    Json& value(std::uint32_t x) { return value(std::uint64_t{x}); }
    Json& value(std::int64_t x);
    Json& value(bool b);
    Json& null();
    Json& value(const std::optional<double>& x) { return x ? value(*x) : null(); }
    template <class T>
    Json& field(std::string_view name, const T& x) {
        key(name);
        return value(x);
    }
    Json& strings(std::string_view name, const std::vector<std::string>& items);
    // Appends a document made elsewhere (already valid JSON) as a value.
    Json& raw(std::string_view json);
    const std::string& str() const { return out_; }

private:
    std::string out_;
    bool fresh_ = true;
    void comma();
};

}  // namespace verbind::cli
