#include "command_line.hpp"

#include <charconv>
#include <iostream>
#include <string_view>

namespace verbind::cli {

namespace {

const CommandInfo& find_command(std::string_view name) {
    for (const CommandInfo& info : command_table())
        if (info.name == name) return info;
    throw std::logic_error("verbind: no command '" + std::string(name) + "' in command_table()");
}

// "-o, --output FILE", "--top N", "--json".
std::string display_name(const po::option_description& option) {
    std::string shown;
    const std::string short_name = option.canonical_display_name(po::command_line_style::allow_dash_for_short);
    const std::string long_name = "--" + option.long_name();
    if (short_name.size() == 2 && short_name[0] == '-' && short_name != long_name) shown = short_name + ", ";
    shown += long_name;
    const std::string parameter = option.format_parameter();
    if (!parameter.empty()) shown += ' ' + parameter;
    return shown;
}

}  // namespace

std::string or_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
        out += items[i];
    }
    return out;
}

std::string wrap(const std::string& text, std::size_t column, std::size_t indent, std::size_t width) {
    std::string out;
    std::size_t at = column;
    std::size_t i = 0;
    bool first_word = true;
    while (i < text.size()) {
        if (text[i] == '\n') {
            out += '\n' + std::string(indent, ' ');
            at = indent;
            first_word = true;
            ++i;
            continue;
        }
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
        const std::size_t length = end - i;
        if (!first_word && at + 1 + length > width) {
            out += '\n' + std::string(indent, ' ');
            at = indent;
        } else if (!first_word) {
            out += ' ';
            ++at;
        }
        out.append(text, i, length);
        at += length;
        first_word = false;
        i = end;
    }
    return out;
}

CommandLine::CommandLine(std::string_view name) : name_(name) {
    const CommandInfo& info = find_command(name);
    synopsis_ = std::string(info.synopsis);
    summary_ = std::string(info.summary);
}

po::typed_value<std::string>* CommandLine::value(const char* name) {
    return po::value<std::string>()->value_name(name);
}

po::typed_value<bool>* CommandLine::flag() { return po::bool_switch(); }

void CommandLine::add_output_options(bool json) {
    if (json) add()("json", flag(), "print the result as one JSON document (messages go to stderr)");
    add()("output,o", value("FILE"),
          "write the result to FILE (replaced atomically) instead of standard output; "
          "- is standard output");
    add()("include-sensitive", flag(),
          "include special-category data (declared groups, tie kinds and events marked sensitive), which is "
          "otherwise neither shown nor used");
}

bool CommandLine::parse(const Args& args) {
    // --help anywhere before "--" wins over every other mistake.
    for (const std::string_view arg : args) {
        if (arg == "--") break;
        if (arg == "--help" || arg == "-h") {
            std::cout << help();
            return false;
        }
    }
    options_.add_options()("help,h", flag(), "show this help");
    po::options_description hidden;
    hidden.add_options()("path", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(options_).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);
    std::vector<std::string> argv(args.begin(), args.end());
    // Long options in full only: an abbreviation that works today could
    // mean another option tomorrow.
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    try {
        po::store(po::command_line_parser(argv).options(all).positional(positional).style(style).run(), values_);
        po::notify(values_);
    } catch (const po::unknown_option& e) {
        fail("unknown option '" + e.get_option_name() + "' (the options: " + option_list() + ")");
    } catch (const po::invalid_command_line_syntax& e) {
        const std::string option = e.get_option_name();
        if (e.kind() == po::invalid_syntax::missing_parameter ||
            e.kind() == po::invalid_syntax::empty_adjacent_parameter)
            fail(option + " needs a value");
        if (e.kind() == po::invalid_syntax::extra_parameter) fail(option + " takes no value");
        fail(e.what());
    } catch (const po::multiple_occurrences& e) {
        fail(e.get_option_name() + " given more than once");
    } catch (const po::error& e) {
        fail(e.what());
    }
    if (values_.count("path")) {
        const auto& paths = values_["path"].as<std::vector<std::string>>();
        if (synopsis_.find("PATH") == std::string::npos && synopsis_.find("GRAPH") == std::string::npos)
            fail("takes no PATH, got '" + paths.front() + "' (the options: " + option_list() + ")");
        if (paths.size() > 1) fail("expected at most one PATH, got '" + paths[0] + "' and '" + paths[1] + "'");
        path_ = paths.front();
    }
    return true;
}

bool CommandLine::flag(const std::string& name) const { return values_.count(name) && values_[name].as<bool>(); }

std::optional<std::string> CommandLine::get(const std::string& name) const {
    if (!values_.count(name)) return std::nullopt;
    return values_[name].as<std::string>();
}

void CommandLine::fail(const std::string& message) const { throw usage_error{name_ + ": " + message, name_}; }

void CommandLine::check_choice(const std::string& option, const std::string& value,
                               const std::vector<std::string>& choices) const {
    for (const std::string& choice : choices)
        if (value == choice) return;
    fail(option + " must be " + or_list(choices) + ", got '" + value + "'");
}

std::string CommandLine::option_list() const {
    std::string out;
    for (const auto& option : options_.options()) {
        // "-o/--output", "--top": the names, without the value.
        std::string shown = display_name(*option);
        shown = shown.substr(0, shown.find(' ', shown.find("--")));
        if (const auto comma = shown.find(", "); comma != std::string::npos) shown.replace(comma, 2, "/");
        out += (out.empty() ? "" : ", ") + shown;
    }
    return out;
}

std::string CommandLine::help() const {
    std::string out = "usage: verbind " + name_ + (synopsis_.empty() ? "" : " " + synopsis_) + "\n\n";
    out += wrap(summary_, 0, 0) + "\n\noptions:\n";
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& option : options_.options()) rows.emplace_back(display_name(*option), option->description());
    if (!options_.find_nothrow("help", false)) rows.emplace_back("-h, --help", "show this help");
    std::size_t column = 0;
    for (const auto& row : rows) column = std::max(column, row.first.size());
    column = std::min<std::size_t>(column, 24) + 4;
    for (const auto& [name, description] : rows) {
        std::string line = "  " + name;
        if (line.size() + 2 > column) {
            out += line + '\n';
            line.clear();
        }
        line += std::string(column - line.size(), ' ');
        out += line + wrap(description, column, column) + '\n';
    }
    for (const std::string& note : notes_) out += '\n' + wrap(note, 0, 0) + '\n';
    return out;
}

std::uint64_t parse_whole(const CommandLine& line, const std::string& option, const std::string& text,
                          std::uint64_t low, std::uint64_t high) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high)
        line.fail(option + ": expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                  ", got '" + text + "'");
    return value;
}

}  // namespace verbind::cli
