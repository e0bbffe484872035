// The edge-list reader for researchers' own data: `a b [weight]` per line.
#include "builder.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <stdexcept>
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

void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_seen,
                           std::span<NodeId> first, std::span<NodeId> second,
                           const std::function<void(NodeId earlier, NodeId later)>& refuse_same_value) {
    const std::vector<NodeId> order = integer_label_order(keys);
    if (order.empty()) return;  // some label is not an integer: first-appearance order
    for (std::size_t i = 1; i < order.size(); ++i) {
        if (compare_integer_labels(keys[order[i - 1]], keys[order[i]]) != 0) continue;
        NodeId a = order[i - 1], b = order[i];
        if (first_seen[b] < first_seen[a]) std::swap(a, b);
        refuse_same_value(a, b);
        throw std::logic_error("number_integer_labels: refuse_same_value returned");
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

void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_lines,
                           std::span<NodeId> first, std::span<NodeId> second, std::string_view source) {
    number_integer_labels(keys, first_lines, first, second, [&](NodeId a, NodeId b) {
        throw parse_error(std::string(source) + ":" + std::to_string(first_lines[b]) + ": label '" + keys[b] +
                          "' has the same value as label '" + keys[a] + "' on line " +
                          std::to_string(first_lines[a]) +
                          ": two people whose labels read as one number; write each label one way");
    });
}

namespace {

bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Column names that make a first line a header whatever the data below.
bool known_column_name(std::string_view field) noexcept {
    for (std::string_view name : {"source", "target", "from", "to", "src", "dst", "node1", "node2", "node_1",
                                  "node_2", "source_id", "target_id", "id1", "id2", "u", "v", "i", "j"})
        if (ascii_iequals(field, name)) return true;
    return false;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// A label of 1 to 18 ASCII digits without a zero in front ("0" itself is
// one): its value. Such labels and their values correspond one to one.
bool plain_integer(std::string_view field, std::uint64_t& value) noexcept {
    if (field.empty() || field.size() > 18 || (field[0] == '0' && field.size() > 1)) return false;
    std::uint64_t v = 0;
    for (char c : field) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    value = v;
    return true;
}

std::string format_weight(double w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", w);
    return buf;
}

std::string delimiter_name(char d) {
    switch (d) {
        case ',': return "','";
        case ';': return "';'";
        case '\t': return "tab";
        default: return "blanks";
    }
}

}  // namespace

namespace {

// The reader; `release_text` is called once the text is no longer needed
// (before numbering and building), so read_edgelist can free the file's
// bytes before the graph's arrays are built.
Graph parse_edgelist_impl(std::string_view text, const EdgeListOptions& options, std::string_view source,
                          const std::function<void()>& release_text) {
    const std::string where(source);
    auto fail = [&](std::size_t line, const std::string& message) -> void {
        throw parse_error(where + ":" + std::to_string(line) + ": " + message);
    };
    if (options.delimiter != 0 && options.delimiter != ' ' && options.delimiter != '\t' &&
        options.delimiter != ',' && options.delimiter != ';')
        throw input_error(where + ": delimiter must be blanks (' '), tab, ',' or ';'");
    if (options.weight_column != -1 && options.weight_column < 2)
        throw input_error(where + ": the weight column must be 2 or more (0-based; 0 and 1 are the nodes), got " +
                          std::to_string(options.weight_column));
    for (char c : options.comments)
        if (c == options.delimiter || is_blank(c) || c == '\n' || (c >= '0' && c <= '9'))
            throw input_error(where + ": comment character " + printable(std::string_view(&c, 1)) +
                              " cannot also be a delimiter, a blank or a digit");

    std::vector<std::string> keys;
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> index;
    std::vector<NodeId> src, dst;
    std::vector<double> weights;
    std::vector<std::uint32_t> lines;        // line of each edge, for messages
    std::vector<std::uint32_t> first_lines;  // line where each label first appears
    std::size_t expected_fields = 0;
    std::size_t first_data_line = 0;
    int weight_column = options.weight_column;
    bool plain_integers = true;  // every label so far: digits, no zero in front, < 10^18
    std::vector<std::uint64_t> values_a, values_b;
    const bool weighted = weight_column >= 0 || !options.weight_name.empty();

    auto node = [&](std::string_view label, std::size_t line, const char* field) -> NodeId {
        if (const auto it = index.find(label); it != index.end()) return it->second;
        if (label.empty()) fail(line, std::string("field '") + field + "': empty node label");
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
    char delimiter = options.delimiter;
    std::vector<std::string_view> fields;
    auto split = [&](std::string_view row) {
        fields.clear();
        if (delimiter == 0 || delimiter == ' ') {
            for (std::size_t i = 0; i < row.size();) {
                while (i < row.size() && is_blank(row[i])) ++i;
                if (i >= row.size()) break;
                std::size_t j = i;
                while (j < row.size() && !is_blank(row[j])) ++j;
                fields.push_back(row.substr(i, j - i));
                i = j;
            }
        } else {
            if (trim(row).empty()) return;
            std::size_t i = 0;
            for (;;) {
                const std::size_t j = row.find(delimiter, i);
                fields.push_back(trim(row.substr(i, j == std::string_view::npos ? row.size() - i : j - i)));
                if (j == std::string_view::npos) break;
                i = j + 1;
            }
        }
    };
    bool comment_table[256] = {};
    for (char c : options.comments) comment_table[static_cast<unsigned char>(c)] = true;
    auto is_comment_char = [&](char c) { return comment_table[static_cast<unsigned char>(c)]; };

    bool first_row = true;
    bool header_pending = false;  // detect: the first row might be a header, decided by the second
    std::size_t header_line = 0;
    std::vector<std::string> header_fields;
    std::string pending_row;
    std::size_t line = 0;
    std::size_t pos = 0;
    std::vector<std::pair<std::string, std::size_t>> replay;  // a first row held back while detecting

    auto take = [&](std::size_t at) {
        const std::size_t count = fields.size();
        if (count < 2) fail(at, "expected at least 2 fields ('source target'), got " + std::to_string(count) +
                                    " (fields separated by " + delimiter_name(delimiter) + ")");
        if (expected_fields == 0) {
            expected_fields = count;
            first_data_line = at;
        } else if (count != expected_fields) {
            fail(at, "expected " + std::to_string(expected_fields) + " fields like line " +
                         std::to_string(first_data_line) + ", got " + std::to_string(count));
        }
        if (weighted) {
            if (weight_column < 0) {
                const auto it = std::find_if(header_fields.begin(), header_fields.end(),
                                             [&](const std::string& h) { return h == options.weight_name; });
                if (header_line == 0)
                    fail(at, "weights named '" + printable(options.weight_name) +
                                 "' but the file has no header line to name columns");
                if (it == header_fields.end())
                    fail(header_line, "no column named '" + printable(options.weight_name) +
                                          "' for the weights in the header line");
                weight_column = static_cast<int>(it - header_fields.begin());
                if (weight_column < 2)
                    fail(header_line, "the weight column '" + printable(options.weight_name) +
                                          "' is a node column");
            }
            if (static_cast<std::size_t>(weight_column) >= count)
                fail(at, "field 'weight': column " + std::to_string(weight_column) + " (0-based) asked for, but " +
                             "the line has " + std::to_string(count) + " fields");
        }
        // Fast path while every label is a plain integer (no leading zero):
        // values, no hashing; numbered by value at the end.
        std::uint64_t va = 0, vb = 0;
        if (plain_integers && plain_integer(fields[0], va) && plain_integer(fields[1], vb)) {
            values_a.push_back(va);
            values_b.push_back(vb);
        } else {
            if (plain_integers) {
                // The first other label: the labels so far become keys in
                // order of first appearance, as the general path numbers them.
                plain_integers = false;
                src.resize(values_a.size());
                dst.resize(values_b.size());
                for (std::size_t i = 0; i < values_a.size(); ++i) {
                    src[i] = node(std::to_string(values_a[i]), lines[i], "a");
                    dst[i] = node(std::to_string(values_b[i]), lines[i], "b");
                }
                values_a = {};
                values_b = {};
            }
        }
        const NodeId a = plain_integers ? 0 : node(fields[0], at, "a");
        const NodeId b = plain_integers ? 0 : node(fields[1], at, "b");
        if (weighted) {
            double w = 0;
            const auto field = fields[static_cast<std::size_t>(weight_column)];
            const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), w);
            if (field.empty() || ec != std::errc() || ptr != field.data() + field.size())
                fail(at, "field 'weight': not a number '" + printable(field) + "'");
            if (!std::isfinite(w) || w < 0)
                fail(at, "field 'weight': must be a finite number >= 0, got '" + printable(field) + "'");
            weights.push_back(w);
        }
        if (!plain_integers) {
            src.push_back(a);
            dst.push_back(b);
        }
        lines.push_back(static_cast<std::uint32_t>(at));
    };

    while (pos < text.size()) {
        ++line;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view row = text.substr(pos, end - pos);
        pos = end + 1;
        // Comments: a line starting with a comment character, or one after a blank.
        {
            std::size_t i = 0;
            while (i < row.size() && is_blank(row[i])) ++i;
            if (i < row.size() && is_comment_char(row[i])) continue;
            for (std::size_t k = i + 1; k < row.size(); ++k)
                if (is_comment_char(row[k]) && is_blank(row[k - 1])) {
                    row = row.substr(0, k);
                    break;
                }
            if (trim(row).empty()) continue;
        }
        if (first_row) {
            first_row = false;
            if (delimiter == 0) {
                delimiter = row.find(',') != std::string_view::npos   ? ','
                            : row.find(';') != std::string_view::npos ? ';'
                                                                      : ' ';
            }
            split(row);
            if (options.header == EdgeListHeader::yes ||
                (options.header == EdgeListHeader::detect && fields.size() >= 2 &&
                 known_column_name(fields[0]) && known_column_name(fields[1]))) {
                header_line = line;
                for (auto f : fields) header_fields.emplace_back(f);
                continue;
            }
            if (options.header == EdgeListHeader::detect && fields.size() >= 2 &&
                std::none_of(fields.begin(), fields.end(), [](std::string_view f) {
                    double x = 0;
                    return is_integer_label(f) ||
                           std::from_chars(f.data(), f.data() + f.size(), x).ptr == f.data() + f.size();
                })) {
                header_pending = true;  // a header if the next row's labels are integers
                pending_row.assign(row);
                header_line = line;
                continue;
            }
            take(line);
            continue;
        }
        split(row);
        if (header_pending) {
            header_pending = false;
            const std::string held = std::move(pending_row);
            const std::size_t held_line = header_line;
            if (fields.size() >= 2 && is_integer_label(fields[0]) && is_integer_label(fields[1])) {
                // The first row was a header: its names, not people.
                std::vector<std::string_view> now = fields;
                split(held);
                for (auto f : fields) header_fields.emplace_back(f);
                fields = now;
            } else {
                header_line = 0;
                std::vector<std::string_view> now = fields;
                split(held);
                take(held_line);
                fields = now;
            }
        }
        take(line);
    }
    if (header_pending) {  // a single row of text labels: data
        const std::size_t at = header_line;
        header_line = 0;
        split(pending_row);
        take(at);
    }
    // Nothing below looks at the text: labels are copies, fields are gone.
    fields.clear();
    text = {};
    if (release_text) release_text();

    // Node identity: integer labels are numbered by value (graph.hpp).
    if (plain_integers) {
        // Keys are the distinct values in ascending order, as
        // number_integer_labels would leave them (no value twice: no zeros
        // in front).
        std::uint64_t top = 0;
        for (std::uint64_t v : values_a) top = std::max(top, v);
        for (std::uint64_t v : values_b) top = std::max(top, v);
        src.resize(values_a.size());
        dst.resize(values_b.size());
        if (top < 8 * values_a.size() + 1024) {
            // Dense labels: a table by value, no sort.
            constexpr NodeId absent = std::numeric_limits<NodeId>::max();
            std::vector<NodeId> position(top + 1, absent);
            for (std::uint64_t v : values_a) position[v] = 0;
            for (std::uint64_t v : values_b) position[v] = 0;
            NodeId next = 0;
            for (std::uint64_t v = 0; v <= top; ++v) {
                if (position[v] == absent) continue;
                if (next == absent - 1) throw parse_error(where + ": too many nodes for 32-bit indices");
                position[v] = next++;
                keys.push_back(std::to_string(v));
            }
            for (std::size_t i = 0; i < values_a.size(); ++i) {
                src[i] = position[values_a[i]];
                dst[i] = position[values_b[i]];
            }
        } else {
            std::vector<std::uint64_t> distinct;
            distinct.reserve(values_a.size() * 2);
            distinct.insert(distinct.end(), values_a.begin(), values_a.end());
            distinct.insert(distinct.end(), values_b.begin(), values_b.end());
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            if (distinct.size() >= std::numeric_limits<NodeId>::max())
                throw parse_error(where + ": too many nodes for 32-bit indices");
            keys.reserve(distinct.size());
            for (std::uint64_t v : distinct) keys.push_back(std::to_string(v));
            auto at = [&](std::uint64_t v) {
                return static_cast<NodeId>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin());
            };
            for (std::size_t i = 0; i < values_a.size(); ++i) {
                src[i] = at(values_a[i]);
                dst[i] = at(values_b[i]);
            }
        }
        values_a = {};
        values_b = {};
    } else {
        number_integer_labels(keys, first_lines, src, dst, where);
    }

    // An undirected file listing a pair both ways: the k-th record of the
    // second direction mirrors the k-th of the first and is dropped (equal
    // weights) or refused (different ones). Records beyond that are repeats
    // for the duplicates policy.
    if (!options.directed && !src.empty()) {
        const std::size_t n = keys.size(), m = src.size();
        std::vector<std::uint32_t> start(n + 1, 0);
        for (std::size_t i = 0; i < m; ++i) ++start[std::min(src[i], dst[i]) + 1];
        for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
        std::vector<std::uint32_t> order(m), next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < m; ++i) order[next[std::min(src[i], dst[i])]++] = static_cast<std::uint32_t>(i);
        next = {};
        std::vector<char> drop;
        auto hi = [&](std::uint32_t i) { return std::max(src[i], dst[i]); };
        std::vector<std::uint32_t> forward, reverse;
        for (std::size_t u = 0; u < n; ++u) {
            auto first = order.begin() + start[u], last = order.begin() + start[u + 1];
            if (last - first > 1)
                std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
                    return hi(a) != hi(b) ? hi(a) < hi(b) : a < b;
                });
            for (auto it = first; it != last;) {
                auto run = it + 1;
                while (run != last && hi(*run) == hi(*it)) ++run;
                if (run - it > 1 && src[*it] != dst[*it]) {
                    forward.clear();
                    reverse.clear();
                    for (auto k = it; k != run; ++k) (src[*k] == src[*it] ? forward : reverse).push_back(*k);
                    for (std::size_t k = 0; k < reverse.size() && k < forward.size(); ++k) {
                        const std::uint32_t f = forward[k], r = reverse[k];
                        if (weighted && weights[f] != weights[r])
                            throw parse_error(where + ":" + std::to_string(lines[r]) + ": '" + printable(keys[src[r]]) +
                                              " " + printable(keys[dst[r]]) + "' has weight " + format_weight(weights[r]) +
                                              " but line " + std::to_string(lines[f]) + " lists '" +
                                              printable(keys[src[f]]) + " " + printable(keys[dst[f]]) +
                                              "' with weight " + format_weight(weights[f]) +
                                              ": an undirected edge has one weight (pass directed=True "
                                              "if the file is directed)");
                        if (drop.empty()) drop.assign(m, 0);
                        drop[r] = 1;
                    }
                }
                it = run;
            }
        }
        if (!drop.empty()) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < m; ++i) {
                if (drop[i]) continue;
                src[kept] = src[i];
                dst[kept] = dst[i];
                if (weighted) weights[kept] = weights[i];
                lines[kept] = lines[i];
                ++kept;
            }
            src.resize(kept);
            dst.resize(kept);
            if (weighted) weights.resize(kept);
            lines.resize(kept);
            src.shrink_to_fit();
            dst.shrink_to_fit();
            weights.shrink_to_fit();
            lines.shrink_to_fit();
        }
    }

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

}  // namespace

Graph parse_edgelist(std::string_view text, const EdgeListOptions& options, std::string_view source) {
    return parse_edgelist_impl(text, options, source, {});
}

Graph read_edgelist(const std::string& path, const EdgeListOptions& options) {
    std::string text = files::read_file(path);
    return parse_edgelist_impl(text, options, path, [&text] { std::string().swap(text); });
}

}  // namespace verbind
