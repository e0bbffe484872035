// How every `verbind` command reads its arguments: Boost.Program_options, one
// options_description per command. The command's --help is generated from
// those declarations (so the usage cannot leave an option out), `--opt=value`
// and `--opt value` both work, and every mistake is a usage_error (exit 2)
// that says what would be valid.
#pragma once

#include "commands.hpp"

#include "verbind/error.hpp"

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

namespace verbind::cli {

namespace po = boost::program_options;

class CommandLine {
public:
    // `name` must be in command_table() (its synopsis and summary head the help).
    explicit CommandLine(std::string_view name);

    // Declares options: add()("top", value("N"), "...")("json", flag(), "...").
    po::options_description_easy_init add() { return options_.add_options(); }
    static po::typed_value<std::string>* value(const char* name);
    static po::typed_value<bool>* flag();
    // A paragraph printed under the options in --help.
    void note(std::string text) { notes_.push_back(std::move(text)); }

    // The options every command that prints results has: --json (unless
    // json is false), -o/--output FILE and --include-sensitive (always).
    void add_output_options(bool json = true);

    // Parses `args` (the arguments after the command). Returns false when
    // --help or -h was given: the help is then on stdout and the command
    // returns 0. Throws usage_error for an unknown option, an option without
    // its value (or with one it does not take), an option given twice, or
    // more PATHs than the command takes.
    bool parse(const Args& args);

    bool flag(const std::string& name) const;
    std::optional<std::string> get(const std::string& name) const;
    // The positional arguments (PATH); at most one.
    std::optional<std::string> path() const { return path_; }
    // -o/--output when given ("-": standard output).
    std::optional<std::string> output() const { return get("output"); }

    // "map: <message>" as a usage_error.
    [[noreturn]] void fail(const std::string& message) const;
    // "<option>: expected one of a, b or c, got 'x'" when `value` is not one of them.
    void check_choice(const std::string& option, const std::string& value,
                      const std::vector<std::string>& choices) const;

    std::string help() const;

private:
    std::string name_;
    std::string synopsis_, summary_;
    po::options_description options_;
    std::vector<std::string> notes_;
    po::variables_map values_;
    std::optional<std::string> path_;

    std::string option_list() const;
};

// options.validate() (every options struct of the library has one), its
// input_error turned into a usage error: a value out of range is a mistake
// in how the command was called, found before any work.
template <class Options>
void validate_options(const CommandLine& line, const Options& options) {
    try {
        options.validate();
    } catch (const input_error& e) {
        line.fail(e.what());
    }
}

// A whole number in [low, high] for `option`, else usage_error "<command>:
// <option>: expected a whole number from low to high, got 'text'".
std::uint64_t parse_whole(const CommandLine& line, const std::string& option, const std::string& text,
                          std::uint64_t low, std::uint64_t high);

// "a, b or c".
std::string or_list(const std::vector<std::string>& items);

// Wraps `text` to `width` columns, every line after the first indented by
// `indent` spaces (the first starts where the caller's cursor is, at `column`).
std::string wrap(const std::string& text, std::size_t column, std::size_t indent, std::size_t width = 80);

}  // namespace verbind::cli
