// The edge-list reader's build (edgelist_build.hpp): its records numbered
// and handed to graph's one build.
#include "edgelist_build.hpp"

#include "graph/builder.hpp"
#include "graph/grouped_build.hpp"
#include "verbind/error.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace verbind::edgelist_detail {

namespace {

std::string format_weight(double w) { return number_text(w, NumberFormat::significant(17)); }

}  // namespace

void number_by_value(std::vector<std::uint64_t>& records, std::vector<std::string>& keys, const std::string& where) {
    // Keys are the distinct values in ascending order, as
    // number_integer_labels would leave them (no value twice: no zeros
    // in front).
    std::uint64_t top = 0;
    for (std::uint64_t r : records) top = std::max({top, r >> 32, r & low32});
    const std::size_t m = records.size();
    if (top < 8 * m + 1024) {
        // Dense labels: a table by value, no sort.
        constexpr NodeId absent = std::numeric_limits<NodeId>::max();
        std::vector<NodeId> position(top + 1, absent);
        for (std::uint64_t r : records) position[r >> 32] = position[r & low32] = 0;
        NodeId next = 0;
        for (std::uint64_t v = 0; v <= top; ++v) {
            if (position[v] == absent) continue;
            if (next == absent - 1) throw parse_error(where + ": too many nodes for 32-bit indices");
            position[v] = next++;
        }
        keys.reserve(next);
        for (std::uint64_t v = 0; v <= top; ++v)
            if (position[v] != absent) keys.push_back(std::to_string(v));
        for (std::uint64_t& r : records) r = std::uint64_t{position[r >> 32]} << 32 | position[r & low32];
    } else {
        std::vector<std::uint32_t> distinct;
        distinct.reserve(2 * m);
        for (std::uint64_t r : records) distinct.push_back(static_cast<std::uint32_t>(r >> 32));
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (std::uint64_t r : records) distinct.push_back(static_cast<std::uint32_t>(r & low32));
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.size() >= std::numeric_limits<NodeId>::max())
            throw parse_error(where + ": too many nodes for 32-bit indices");
        keys.reserve(distinct.size());
        for (std::uint32_t v : distinct) keys.push_back(std::to_string(v));
        auto at = [&](std::uint64_t v) {
            return static_cast<std::uint64_t>(
                std::lower_bound(distinct.begin(), distinct.end(), static_cast<std::uint32_t>(v)) - distinct.begin());
        };
        for (std::uint64_t& r : records) r = at(r >> 32) << 32 | at(r & low32);
    }
}

Graph build_records(std::vector<std::uint64_t>& records, std::vector<double>& weights, bool weighted,
                    std::vector<std::string> keys, const EdgeListOptions& options, const std::string& where,
                    const RecordLines& lines) {
    const std::size_t n = keys.size(), m = records.size();
    if (m >= std::numeric_limits<std::uint32_t>::max())  // record numbers are 32-bit, as in GraphBuilder
        throw parse_error(where + ": " + std::to_string(m) +
                          " edge lines is more than this build supports (2^32 - 2)");
    grouped_build::Settings settings;
    settings.directed = options.directed;
    settings.mirror = !options.directed;
    settings.duplicates = options.duplicates;
    settings.self_loops = options.self_loops;
    settings.track_weights = weighted;
    settings.weighted = GraphBuilder::Weights::given;
    grouped_build::Messages messages;
    messages.describe = [&](std::uint64_t record) { return where + ":" + std::to_string(lines(record)); };
    messages.name = [&](NodeId u) { return "'" + keys[u] + "'"; };
    messages.mirrored = [&](std::uint64_t r, std::uint64_t f, NodeId rs, NodeId rd, double wr, double wf) {
        return where + ":" + std::to_string(lines(r)) + ": '" + printable(keys[rs]) + " " + printable(keys[rd]) +
               "' has weight " + format_weight(wr) + " but line " + std::to_string(lines(f)) + " lists '" +
               printable(keys[rd]) + " " + printable(keys[rs]) + "' with weight " + format_weight(wf) +
               ": an undirected edge has one weight (pass directed=True if the file is directed)";
    };
    messages.fail = [](const std::string& message) { throw parse_error(message); };
    const auto ends = [&](std::size_t i) {
        return std::pair<NodeId, NodeId>(static_cast<NodeId>(records[i] >> 32),
                                         static_cast<NodeId>(records[i] & low32));
    };
    const auto weight = [&](std::size_t i) { return weights[i]; };
    // The records stay for messages (a repeat's line is found by a scan)
    // until the merge is done; the weights, copied into the groups, go with
    // them.
    messages.records_done = [&] {
        grouped_build::release(records);
        grouped_build::release(weights);
    };
    return grouped_build::build(n, m, ends, weight, settings, messages, keys);
}

}  // namespace verbind::edgelist_detail
