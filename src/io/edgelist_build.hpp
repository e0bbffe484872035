// Internal: from the edge-list reader's records to a Graph, through graph's
// one build (src/graph/grouped_build.hpp). edgelist.cpp reads the text into
// records; edgelist_build.cpp numbers and builds.
#pragma once

#include "verbind/graph/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace verbind::edgelist_detail {

inline constexpr std::uint64_t low32 = 0xFFFFFFFFu;

// The line of each edge record, for messages, without a number per record:
// a mark wherever a record is not on the line after the previous record's.
class RecordLines {
public:
    void add(std::uint64_t line) {
        if (marks_.empty() || marks_.back().line + (count_ - marks_.back().record) != line)
            marks_.push_back({count_, line});
        ++count_;
    }
    std::uint64_t operator()(std::uint64_t record) const {
        auto it = std::upper_bound(marks_.begin(), marks_.end(), record,
                                   [](std::uint64_t r, const Mark& mark) { return r < mark.record; });
        --it;
        return it->line + (record - it->record);
    }

private:
    struct Mark {
        std::uint64_t record, line;
    };
    std::vector<Mark> marks_;
    std::uint64_t count_ = 0;
};

// Plain integer labels (digits below 2^32, no zero in front), one record per
// edge as (first value << 32 | second value): the keys become the distinct
// values in ascending order, as number_integer_labels would leave them (no
// value twice: no zeros in front), and the records their positions. Throws
// parse_error naming `where` when there are 2^32 - 1 nodes or more.
void number_by_value(std::vector<std::uint64_t>& records, std::vector<std::string>& keys, const std::string& where);

// The build for the reader: `records` holds one edge per entry as (first
// node << 32 | second node) in file order, `weights` one per record when
// weighted; both are consumed. The one build (grouped_build.hpp), with the
// pairs listed both ways merged first: the graph, and the errors, of that
// merge followed by GraphBuilder::build.
Graph build_records(std::vector<std::uint64_t>& records, std::vector<double>& weights, bool weighted,
                    std::vector<std::string> keys, const EdgeListOptions& options, const std::string& where,
                    const RecordLines& lines);

}  // namespace verbind::edgelist_detail
