// libFuzzer target: the contact-list reader of temporal reach (`t i j` per
// line, SocioPatterns style). A list that reads must be what the reader
// promises: sorted times, known nodes, nobody in contact with themselves,
// and a second parse of the same text gives the same sequence.
#include "verbind/error.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/reach/temporal.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const verbind::ContactSequence contacts = verbind::parse_contacts(text, "<fuzz>");
        const std::size_t n = contacts.size();
        if (contacts.first.size() != n || contacts.second.size() != n) std::abort();
        for (std::size_t k = 0; k < n; ++k) {
            if (k > 0 && contacts.times[k] < contacts.times[k - 1]) std::abort();
            if (contacts.first[k] >= contacts.num_nodes() || contacts.second[k] >= contacts.num_nodes()) std::abort();
            if (contacts.first[k] == contacts.second[k]) std::abort();
        }
        for (std::size_t u = 0; u < contacts.num_nodes(); ++u)
            if (contacts.index(contacts.keys[u]) != u) std::abort();
        // Node identity: all-integer labels are in ascending order of value,
        // no value twice.
        if (!verbind::integer_label_order(contacts.keys).empty())
            for (std::size_t u = 1; u < contacts.num_nodes(); ++u)
                if (verbind::compare_integer_labels(contacts.keys[u - 1], contacts.keys[u]) >= 0) std::abort();
        // SocioPatterns groups: none, or one per person, aligned after renumbering.
        if (!contacts.groups.empty() && contacts.groups.size() != contacts.num_nodes()) std::abort();
        // The contact graph: the same people, at most one edge per contact.
        const verbind::Graph graph = contacts.graph();
        if (graph.keys() != contacts.keys || graph.num_edges() > n) std::abort();
        for (std::size_t k = 0; k < n; ++k)
            if (!graph.has_edge(contacts.first[k], contacts.second[k])) std::abort();
        const verbind::ContactSequence again = verbind::parse_contacts(text, "<fuzz>");
        if (again.keys != contacts.keys || again.times != contacts.times || again.first != contacts.first ||
            again.second != contacts.second || again.groups != contacts.groups)
            std::abort();
    } catch (const verbind::error&) {
    }
    return 0;
}
