#include "visible.hpp"

#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/files.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace verbind::cli {

SensitiveCounts count_sensitive(const Network& network) {
    const Visible::Marks marks = Visible(network, false).marks();
    return {marks.groups, marks.tie_kinds, marks.events};
}

Network visible_records(const Network& network, bool include_sensitive) {
    return Visible(network, include_sensitive).copy();
}

Network read_csv_from(const std::string& folder, std::ostream& warnings_to) {
    std::vector<std::string> warnings;
    Network read = read_csv(folder, {}, &warnings);
    for (const std::string& warning : warnings) warnings_to << "warning: " << printable(warning) << '\n';
    return read;
}

Network read_network_from(const std::string& path, std::ostream& warnings_to) {
    files::check_path(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return read_csv_from(path, warnings_to);
    return read_network(path);
}

Input load_network(const std::optional<std::string>& path, bool include_sensitive) {
    Network read = path ? read_network_from(*path, std::cerr) : sample_programme();
    const SensitiveCounts counts = count_sensitive(read);
    // Nothing marked, or asked for everything: the network as read.
    if (include_sensitive || !counts.any()) return Input{std::move(read), counts, include_sensitive};
    return Input{visible_records(read, false), counts, false};
}

void print_sensitive_note(std::ostream& out, const SensitiveCounts& n, bool include_sensitive) {
    if (!n.any()) return;
    auto count = [](std::size_t k, const char* one, const char* many) {
        return std::to_string(k) + " " + (k == 1 ? one : many);
    };
    std::string parts;
    auto add = [&](std::size_t k, const char* one, const char* many) {
        if (k == 0) return;
        if (!parts.empty()) parts += ", ";
        parts += count(k, one, many);
    };
    add(n.groups, "group", "groups");
    add(n.tie_kinds, "tie kind", "tie kinds");
    add(n.events, "event", "events");
    if (include_sensitive)
        out << "special-category data included (--include-sensitive): " << parts << '\n';
    else
        out << "special-category data left out: " << parts
            << " (names not shown; --include-sensitive includes them)\n";
}

}  // namespace verbind::cli
