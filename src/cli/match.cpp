// `verbind match [PATH] [options]`: the top suggested introductions, each
// with what the two share, what they bridge and who could introduce them.
#include "commands.hpp"
#include "visible.hpp"

#include "verbind/io/io.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/sample.hpp"

#include <charconv>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace verbind::cli {

namespace {

std::size_t parse_count(std::string_view option, std::string_view text) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw usage_error{"match: " + std::string(option) + ": expected a whole number, got '" + std::string(text) +
                          "'"};
    return value;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

int match_command(const Args& args) {
    std::string path;
    std::size_t top = 10;
    IntroductionOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--include-sensitive") {
            options.include_sensitive = true;
        } else if (arg.starts_with("--")) {
            if (arg != "--top" && arg != "--per-person" && arg != "--municipality" && arg != "--seed")
                throw usage_error{"match: unknown option '" + std::string(arg) + "'"};
            if (i + 1 == args.size()) throw usage_error{"match: " + std::string(arg) + " needs a value"};
            const std::string_view value = args[++i];
            if (arg == "--top")
                top = parse_count(arg, value);
            else if (arg == "--per-person")
                options.per_person = parse_count(arg, value);
            else if (arg == "--municipality")
                options.municipality = std::string(value);
            else
                options.seed = parse_count(arg, value);
        } else {
            if (!path.empty()) throw usage_error{"match: expected at most one PATH"};
            path = std::string(arg);
        }
    }
    const Input input =
        load_network(path.empty() ? std::nullopt : std::optional<std::string>(path), options.include_sensitive);
    const auto suggestions = introductions(input.network, options);
    const std::string source = path.empty() ? "the sample programme \"Veilige Wijken\" 2022" : path;
    std::cout << "top " << std::min(top, suggestions.size()) << " of " << suggestions.size()
              << " suggested introductions in " << source << " (at most " << options.per_person << " per person)\n\n";
    for (std::size_t k = 0; k < suggestions.size() && k < top; ++k) {
        const auto& s = suggestions[k];
        std::ostringstream score;
        score << std::fixed << std::setprecision(2) << s.score;
        std::cout << std::setw(3) << k + 1 << ". " << s.a << " + " << s.b << "  (score " << score.str() << ")\n"
                  << "     share:   " << joined(s.shared_talents) << '\n'
                  << "     bridges: " << joined(s.bridges) << '\n'
                  << "     via:     " << joined(s.via) << '\n';
    }
    return 0;
}

}  // namespace verbind::cli
