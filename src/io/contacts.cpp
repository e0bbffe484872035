// The contact-list reader (include/verbind/io/contacts.hpp): `t i j [Ci Cj]`
// per line into reach's ContactSequence.
#include "verbind/io/contacts.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/text.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/util/files.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace verbind {

ContactSequence parse_contacts(std::string_view text, std::string_view source) {
    ContactSequence contacts;
    std::unordered_map<std::string, NodeId> index;
    std::vector<std::uint32_t> first_lines;  // where each label first appears
    std::vector<std::uint32_t> group_lines;  // where each person's group was first given
    std::size_t line_number = 0;
    std::size_t expected_fields = 0, first_data_line = 0;
    auto node = [&](std::string_view label) {
        auto [it, added] = index.try_emplace(std::string(label), static_cast<NodeId>(contacts.keys.size()));
        if (added) {
            contacts.keys.emplace_back(label);
            first_lines.push_back(static_cast<std::uint32_t>(line_number));
        }
        return it->second;
    };
    std::size_t pos = 0;
    const std::string where_prefix(source);
    // A UTF-8 byte order mark at the start is not part of the first field.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    std::vector<std::string_view> fields;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        auto where = [&] { return where_prefix + ":" + std::to_string(line_number) + ": "; };
        // Labels are text: bytes that are not UTF-8, and NUL (which a C
        // caller would read as the end of a label), are refused.
        if (!is_valid_utf8(line)) throw parse_error(where() + "not valid UTF-8");
        if (line.find('\0') != std::string_view::npos) throw parse_error(where() + "holds a NUL character");
        fields.clear();
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i >= line.size()) break;
            std::size_t j = i;
            while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
            fields.push_back(line.substr(i, j - i));
            i = j;
        }
        if (fields.empty() || fields[0].front() == '#' || fields[0].front() == '%') continue;
        if (fields.size() < 3)
            throw parse_error(where() + "expected 't i j' (3 fields), got " + std::to_string(fields.size()));
        if (expected_fields == 0) {
            expected_fields = fields.size();
            first_data_line = line_number;
        } else if (fields.size() != expected_fields) {
            throw parse_error(where() + "expected " + std::to_string(expected_fields) + " fields like line " +
                              std::to_string(first_data_line) + ", got " + std::to_string(fields.size()));
        }
        std::int64_t t = 0;
        const auto [end, ec] = std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), t);
        if (ec != std::errc() || end != fields[0].data() + fields[0].size())
            throw parse_error(where() + "field 't': '" + std::string(fields[0]) + "' is not an integer time");
        if (!contacts.times.empty() && t < contacts.times.back())
            throw parse_error(where() + "time " + std::to_string(t) + " is before the previous contact's time " +
                              std::to_string(contacts.times.back()) + " (contacts must be sorted by time)");
        if (fields[1] == fields[2])
            throw parse_error(where() + "contact of '" + std::string(fields[1]) + "' with themselves");
        contacts.times.push_back(t);
        const NodeId a = node(fields[1]);
        const NodeId b = node(fields[2]);
        contacts.first.push_back(a);
        contacts.second.push_back(b);
        if (expected_fields == 5) {  // SocioPatterns: t i j Ci Cj, each person's class or role
            contacts.groups.resize(contacts.keys.size());
            group_lines.resize(contacts.keys.size(), 0);
            for (auto [u, field, name] : {std::tuple{a, fields[3], "Ci"}, std::tuple{b, fields[4], "Cj"}}) {
                if (group_lines[u] == 0) {
                    contacts.groups[u] = std::string(field);
                    group_lines[u] = static_cast<std::uint32_t>(line_number);
                } else if (contacts.groups[u] != field) {
                    throw parse_error(where() + "field '" + name + "': '" + contacts.keys[u] + "' is in group '" +
                                      std::string(field) + "' here but in group '" + contacts.groups[u] +
                                      "' on line " + std::to_string(group_lines[u]) + " (one group per person)");
                }
            }
        }
    }
    // Node identity: integer labels are numbered by value (graph/graph.hpp).
    const std::vector<std::string> before = contacts.groups.empty() ? std::vector<std::string>{} : contacts.keys;
    number_integer_labels(contacts.keys, first_lines, contacts.first, contacts.second, source);
    if (!contacts.groups.empty() && before != contacts.keys) {
        std::unordered_map<std::string_view, NodeId> old;
        for (NodeId u = 0; u < before.size(); ++u) old.emplace(before[u], u);
        std::vector<std::string> groups(contacts.keys.size());
        for (NodeId u = 0; u < contacts.keys.size(); ++u)
            groups[u] = std::move(contacts.groups[old.at(contacts.keys[u])]);
        contacts.groups = std::move(groups);
    }
    return contacts;
}

ContactSequence read_contacts(const std::string& path) { return parse_contacts(files::read_file(path), path); }

}  // namespace verbind
