// The edge-list reader for researchers' own data: `a b [weight]` per line.
#include "builder.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace verbind {

namespace {

struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_lines,
                           std::span<NodeId> first, std::span<NodeId> second, std::string_view source) {
    const std::vector<NodeId> order = integer_label_order(keys);
    if (order.empty()) return;  // some label is not an integer: first-appearance order
    for (std::size_t i = 1; i < order.size(); ++i) {
        if (compare_integer_labels(keys[order[i - 1]], keys[order[i]]) != 0) continue;
        NodeId a = order[i - 1], b = order[i];
        if (first_lines[b] < first_lines[a]) std::swap(a, b);
        throw parse_error(std::string(source) + ":" + std::to_string(first_lines[b]) + ": label '" + keys[b] +
                          "' has the same value as label '" + keys[a] + "' on line " +
                          std::to_string(first_lines[a]) +
                          ": two people whose labels read as one number; write each label one way");
    }
    std::vector<NodeId> position(order.size());
    std::vector<std::string> sorted(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[order[i]] = static_cast<NodeId>(i);
        sorted[i] = std::move(keys[order[i]]);
    }
    keys = std::move(sorted);
    for (NodeId& u : first) u = position[u];
    for (NodeId& u : second) u = position[u];
}

Graph parse_edgelist(std::string_view text, const EdgeListOptions& options, std::string_view source) {
    const std::string where(source);
    std::vector<std::string> keys;
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> index;
    std::vector<NodeId> src, dst;
    std::vector<double> weights;
    std::vector<std::uint32_t> lines;  // line of each edge, for messages
    std::vector<std::uint32_t> first_lines;  // line where each label first appears
    std::size_t expected_fields = 0;
    std::size_t first_data_line = 0;

    auto fail = [&](std::size_t line, const std::string& message) -> void {
        throw parse_error(where + ":" + std::to_string(line) + ": " + message);
    };
    auto node = [&](std::string_view label, std::size_t line, const char* field) -> NodeId {
        if (const auto it = index.find(label); it != index.end()) return it->second;
        if (!is_valid_utf8(label)) fail(line, std::string("field '") + field + "': node label is not valid UTF-8");
        if (label.find('\0') != std::string_view::npos)
            fail(line, std::string("field '") + field + "': node label holds a NUL character");
        if (keys.size() >= std::numeric_limits<NodeId>::max()) fail(line, "too many nodes for 32-bit indices");
        const auto id = static_cast<NodeId>(keys.size());
        keys.emplace_back(label);
        first_lines.push_back(static_cast<std::uint32_t>(line));
        index.emplace(keys.back(), id);
        return id;
    };

    // A UTF-8 byte order mark at the start is not part of the first label.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++line;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view row = text.substr(pos, end - pos);
        pos = end + 1;
        if (const auto hash = row.find('#'); hash != std::string_view::npos) row = row.substr(0, hash);

        std::string_view fields[4];
        std::size_t count = 0;
        for (std::size_t i = 0; i < row.size();) {
            while (i < row.size() && is_blank(row[i])) ++i;
            if (i >= row.size()) break;
            std::size_t j = i;
            while (j < row.size() && !is_blank(row[j])) ++j;
            if (count < 4) fields[count] = row.substr(i, j - i);
            ++count;
            i = j;
        }
        if (count == 0) continue;
        if (count < 2 || count > 3)
            fail(line, "expected 'a b' or 'a b weight', got " + std::to_string(count) + " fields");
        if (expected_fields == 0) {
            expected_fields = count;
            first_data_line = line;
        } else if (count != expected_fields) {
            fail(line, "expected " + std::to_string(expected_fields) + " fields like line " +
                           std::to_string(first_data_line) + ", got " + std::to_string(count));
        }
        const NodeId a = node(fields[0], line, "a");
        const NodeId b = node(fields[1], line, "b");
        if (count == 3) {
            double w = 0;
            const auto field = fields[2];
            const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), w);
            if (ec != std::errc() || ptr != field.data() + field.size())
                fail(line, "field 'weight': not a number '" + std::string(field) + "'");
            if (!std::isfinite(w) || w < 0)
                fail(line, "field 'weight': must be a finite number >= 0, got '" + std::string(field) + "'");
            weights.push_back(w);
        }
        src.push_back(a);
        dst.push_back(b);
        lines.push_back(static_cast<std::uint32_t>(line));
    }

    // Node identity: integer labels are numbered by value (graph.hpp).
    number_integer_labels(keys, first_lines, src, dst, where);

    GraphBuilder::Input in;
    in.n = keys.size();
    in.src = src;
    in.dst = dst;
    in.weights = weights;
    in.directed = options.directed;
    in.duplicates = options.duplicates;
    in.self_loops = options.self_loops;
    in.describe = [&](std::size_t i) { return where + ":" + std::to_string(lines[i]); };
    try {
        return GraphBuilder::build(in, std::move(keys));
    } catch (const parse_error&) {
        throw;
    } catch (const input_error& e) {
        throw parse_error(e.what());
    }
}

Graph read_edgelist(const std::string& path, const EdgeListOptions& options) {
    return parse_edgelist(files::read_file(path), options, path);
}

}  // namespace verbind
