#include "visible.hpp"
#include "graphfile.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/store/store.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/text.hpp"

#include "verbind/error.hpp"

#include <filesystem>
#include <set>
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
    if (detect_format(path) == FileFormat::store) return load(path);
    return read_network(path);
}

Input load_network(const std::optional<std::string>& path, bool include_sensitive) {
    Network read = path ? read_network_from(*path, std::cerr) : sample_programme();
    const SensitiveCounts counts = count_sensitive(read);
    // Nothing marked, or asked for everything: the network as read.
    if (include_sensitive || !counts.any()) return Input{std::move(read), counts, include_sensitive};
    return Input{visible_records(read, false), counts, false};
}

namespace {

std::string names_of(const std::set<std::string>& names, const char* what, const char* plural) {
    if (names.empty()) return "the network names no " + std::string(what);
    return "the " + std::string(plural) +
           " of the network: " + join(names, ", ", [](const std::string& name) { return printable(name); });
}

}  // namespace

void check_area(const Network& network, const std::string& municipality, const std::string& neighbourhood) {
    std::set<std::string> municipalities, neighbourhoods;
    for (const Actor& actor : network.actors()) {
        if (!actor.municipality.empty()) municipalities.insert(actor.municipality);
        if (!actor.neighbourhood.empty() && (municipality.empty() || actor.municipality == municipality))
            neighbourhoods.insert(actor.neighbourhood);
    }
    if (!municipality.empty() && !municipalities.count(municipality))
        throw not_found_error("--municipality: no actor in municipality '" + printable(municipality) + "'; " +
                              names_of(municipalities, "municipality", "municipalities"));
    if (!neighbourhood.empty() && !neighbourhoods.count(neighbourhood))
        throw not_found_error("--neighbourhood: no actor in neighbourhood '" + printable(neighbourhood) + "'" +
                              (municipality.empty() ? "" : " of " + printable(municipality)) + "; " +
                              names_of(neighbourhoods, "neighbourhood", "neighbourhoods"));
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
