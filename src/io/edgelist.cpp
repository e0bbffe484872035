// The edge-list reader for researchers' own data: `a b [weight]` per line
// (include/verbind/io/edgelist.hpp). It builds through graph's one build
// (src/graph/grouped_build.hpp).
#include "verbind/io/edgelist.hpp"

#include "graph/builder.hpp"
#include "graph/grouped_build.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
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

std::string format_weight(double w) { return number_text(w, NumberFormat::significant(17)); }

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

constexpr std::uint64_t low32 = 0xFFFFFFFFu;

// Frees a container's memory now (`v = {}` only clears a vector: it keeps
// the capacity).
template <class Container>
void release(Container& c) {
    Container().swap(c);
}

// A label of digits without a zero in front ("0" itself is one) whose value
// fits 32 bits: its value, and `p` moves past it.
inline bool small_plain_integer(const char*& p, const char* end, std::uint64_t& value) noexcept {
    const char* q = p;
    if (q == end || *q < '0' || *q > '9') return false;
    std::uint64_t v = static_cast<std::uint64_t>(*q++ - '0');
    if (v == 0) {
        if (q != end && *q >= '0' && *q <= '9') return false;  // a zero in front
    } else {
        for (int digits = 1; q != end && *q >= '0' && *q <= '9'; ++q) {
            if (++digits > 10) return false;
            v = v * 10 + static_cast<std::uint64_t>(*q - '0');
        }
        if (v > low32) return false;
    }
    value = v;
    p = q;
    return true;
}

// The build for the reader: `records` holds one edge per entry as (first
// node << 32 | second node) in file order, `weights` one per record when
// weighted; both are consumed. The one build (grouped_build.hpp), with the
// pairs listed both ways merged first: the graph, and the errors, of that
// merge followed by GraphBuilder::build.
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
        release(records);
        release(weights);
    };
    return grouped_build::build(n, m, ends, weight, settings, messages, keys);
}

// The reader. `feed` passes the text to its argument in pieces, in order
// (the whole text at once, or a file in chunks); lines may span pieces.
// `size` is the text's length in bytes when known (0: not known).
Graph parse_edgelist_impl(const std::function<void(const std::function<void(std::string_view)>&)>& feed,
                          std::uint64_t size, const EdgeListOptions& options, std::string_view source) {
    const std::string where(source);
    auto fail = [&](std::size_t line, const std::string& message) -> void {
        throw parse_error(where + ":" + std::to_string(line) + ": " + message);
    };
    if (options.delimiter != 0 && options.delimiter != ' ' && options.delimiter != '\t' && options.delimiter != ',' &&
        options.delimiter != ';')
        throw input_error(where + ": delimiter must be blanks (' '), tab, ',' or ';'");
    if (options.weight_column != -1 && options.weight_column < 2)
        throw input_error(where + ": the weight column must be 2 or more (0-based; 0 and 1 are the nodes), got " +
                          std::to_string(options.weight_column));
    for (char c : options.comments)
        if (c == options.delimiter || is_blank(c) || c == '\n' || (c >= '0' && c <= '9'))
            throw input_error(where + ": comment character " + printable(std::string_view(&c, 1)) +
                              " cannot also be a delimiter, a blank or a digit");

    // Edges, one record per line (first << 32 | second): while every label
    // is a plain integer below 2^32 (digits, no zero in front), the two
    // values, no hashing, numbered by value at the end; after the first
    // other label, node numbers into `keys`.
    bool plain_integers = true;
    std::vector<std::uint64_t> records;
    std::vector<std::string> keys;
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> index;
    std::vector<double> weights;
    RecordLines lines;                       // line of each edge, for messages
    std::vector<std::uint32_t> first_lines;  // line where each label first appears
    std::size_t expected_fields = 0;
    std::size_t first_data_line = 0;
    int weight_column = options.weight_column;
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

    auto take = [&](std::size_t at) {
        const std::size_t count = fields.size();
        if (count < 2)
            fail(at, "expected at least 2 fields ('source target'), got " + std::to_string(count) +
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
                    fail(header_line, "the weight column '" + printable(options.weight_name) + "' is a node column");
            }
            if (static_cast<std::size_t>(weight_column) >= count)
                fail(at, "field 'weight': column " + std::to_string(weight_column) + " (0-based) asked for, but " +
                             "the line has " + std::to_string(count) + " fields");
        }
        std::uint64_t va = 0, vb = 0;
        if (plain_integers) {
            const char* pa = fields[0].data();
            const char* pb = fields[1].data();
            if (!(small_plain_integer(pa, fields[0].data() + fields[0].size(), va) &&
                  pa == fields[0].data() + fields[0].size() &&
                  small_plain_integer(pb, fields[1].data() + fields[1].size(), vb) &&
                  pb == fields[1].data() + fields[1].size())) {
                // The first other label: the labels so far become keys in
                // order of first appearance, as the general path numbers them.
                plain_integers = false;
                for (std::size_t i = 0; i < records.size(); ++i) {
                    const NodeId first = node(std::to_string(records[i] >> 32), lines(i), "a");
                    const NodeId second = node(std::to_string(records[i] & low32), lines(i), "b");
                    records[i] = std::uint64_t{first} << 32 | second;
                }
            }
        }
        NodeId a = 0, b = 0;
        if (!plain_integers) {
            a = node(fields[0], at, "a");
            b = node(fields[1], at, "b");
        }
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
        records.push_back(plain_integers ? va << 32 | vb : std::uint64_t{a} << 32 | b);
        lines.add(at);
    };

    // The common line once the file's form is known (two integer columns, no
    // weights): read without splitting; anything else goes the general way.
    // Reads from `p` to the end of the line (`end` or a newline, left there).
    auto scan_pair = [&](const char*& p, const char* const end, std::uint64_t& va, std::uint64_t& vb) -> bool {
        const char d = delimiter;
        if (d == ' ') {
            while (p != end && is_blank(*p)) ++p;
            if (!small_plain_integer(p, end, va) || p == end || !is_blank(*p)) return false;
            while (p != end && is_blank(*p)) ++p;
            if (!small_plain_integer(p, end, vb)) return false;
            while (p != end && is_blank(*p)) ++p;
        } else {
            auto skip = [&] {
                while (p != end && *p != d && is_blank(*p)) ++p;
            };
            skip();
            if (!small_plain_integer(p, end, va)) return false;
            skip();
            if (p == end || *p != d) return false;
            ++p;
            skip();
            if (!small_plain_integer(p, end, vb)) return false;
            skip();
        }
        // The rest: nothing, or a comment after a blank.
        if (p != end && *p != '\n') {
            if (!(is_comment_char(*p) && is_blank(p[-1]))) return false;
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            p = nl == nullptr ? end : static_cast<const char*>(nl);
        }
        return true;
    };
    auto fast_mode = [&] {
        return plain_integers && expected_fields == 2 && !weighted && !first_row && !header_pending;
    };
    auto fast_row = [&](std::string_view row) -> bool {
        const char* p = row.data();
        const char* const end = p + row.size();
        std::uint64_t va = 0, vb = 0;
        if (!scan_pair(p, end, va, vb) || p != end) return false;
        records.push_back(va << 32 | vb);
        lines.add(line);
        return true;
    };

    auto row_of = [&](std::string_view row) {
        ++line;
        // A UTF-8 byte order mark at the start is not part of the first label.
        if (line == 1 && row.substr(0, 3) == "\xEF\xBB\xBF") row.remove_prefix(3);
        if (fast_mode() && fast_row(row)) return;
        // Comments: a line starting with a comment character, or one after a blank.
        {
            std::size_t i = 0;
            while (i < row.size() && is_blank(row[i])) ++i;
            if (i < row.size() && is_comment_char(row[i])) return;
            for (std::size_t k = i + 1; k < row.size(); ++k)
                if (is_comment_char(row[k]) && is_blank(row[k - 1])) {
                    row = row.substr(0, k);
                    break;
                }
            if (trim(row).empty()) return;
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
                (options.header == EdgeListHeader::detect && fields.size() >= 2 && known_column_name(fields[0]) &&
                 known_column_name(fields[1]))) {
                header_line = line;
                for (auto f : fields) header_fields.emplace_back(f);
                return;
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
                return;
            }
            take(line);
            return;
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
    };

    // Progress: the fraction of the bytes read (when the size is known),
    // checked every 4096 lines; 1 once the graph is built.
    Progress progress(options.progress);
    progress.report(0.0);
    std::uint32_t lines_to_check = 4096;

    // Lines, across the pieces: a line cut by the end of a piece waits in `carry`.
    std::string carry;
    std::uint64_t seen = 0;  // bytes so far
    feed([&](std::string_view piece) {
        const bool first_piece = seen == 0;
        const std::uint64_t piece_start = seen;
        seen += piece.size();
        // After the first piece, room for as many edges again per byte as it
        // held: the records grow once, not by doubling (a doubling holds the
        // old and the new array at once).
        const auto reserve = [&] {
            if (!first_piece || size <= seen || line == 0) return;
            const double per_byte = static_cast<double>(records.size()) / static_cast<double>(seen);
            const auto more = static_cast<std::size_t>(per_byte * static_cast<double>(size - seen) * 1.05) + 1024;
            records.reserve(records.size() + more);
            if (weighted) weights.reserve(weights.size() + more);
        };
        std::size_t pos = 0;
        if (!carry.empty()) {
            const std::size_t nl = piece.find('\n');
            if (nl == std::string_view::npos) {
                carry.append(piece);
                return;
            }
            carry.append(piece.substr(0, nl));
            row_of(carry);
            carry.clear();
            pos = nl + 1;
        }
        while (pos < piece.size()) {
            if (--lines_to_check == 0) {
                lines_to_check = 4096;
                if (progress.active() && size > 0 && piece_start + pos < size)
                    progress.report(static_cast<double>(piece_start + pos) / static_cast<double>(size));
            }
            if (fast_mode()) {
                // The line read where it lies, its end found on the way.
                const char* p = piece.data() + pos;
                const char* const end = piece.data() + piece.size();
                std::uint64_t va = 0, vb = 0;
                if (scan_pair(p, end, va, vb) && p != end) {
                    ++line;
                    records.push_back(va << 32 | vb);
                    lines.add(line);
                    pos = static_cast<std::size_t>(p - piece.data()) + 1;
                    continue;
                }
            }
            const void* found = std::memchr(piece.data() + pos, '\n', piece.size() - pos);
            if (found == nullptr) {
                carry.assign(piece.substr(pos));
                break;
            }
            const auto nl = static_cast<std::size_t>(static_cast<const char*>(found) - piece.data());
            row_of(piece.substr(pos, nl - pos));
            pos = nl + 1;
        }
        reserve();
    });
    if (!carry.empty()) row_of(carry);
    if (header_pending) {  // a single row of text labels: data
        const std::size_t at = header_line;
        header_line = 0;
        split(pending_row);
        take(at);
    }
    release(carry);
    fields.clear();
    release(index);

    // Node identity: integer labels are numbered by value (graph.hpp).
    if (plain_integers) {
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
                return static_cast<std::uint64_t>(std::lower_bound(distinct.begin(), distinct.end(),
                                                                   static_cast<std::uint32_t>(v)) -
                                                  distinct.begin());
            };
            for (std::uint64_t& r : records) r = at(r >> 32) << 32 | at(r & low32);
        }
    } else {
        // Where each node goes when the labels are all integers (numbered by
        // value), else where it is.
        std::vector<NodeId> position(keys.size());
        for (std::size_t u = 0; u < position.size(); ++u) position[u] = static_cast<NodeId>(u);
        number_integer_labels(keys, first_lines, position, {}, where);
        for (std::size_t u = 0; u < position.size(); ++u) {
            if (position[u] == u) continue;
            for (std::uint64_t& r : records) r = std::uint64_t{position[r >> 32]} << 32 | position[r & low32];
            break;
        }
    }
    release(first_lines);
    Graph g = build_records(records, weights, weighted, std::move(keys), options, where, lines);
    progress.report(1.0);
    return g;
}

}  // namespace

Graph parse_edgelist(std::string_view text, const EdgeListOptions& options, std::string_view source) {
    return parse_edgelist_impl([text](const std::function<void(std::string_view)>& take) { take(text); }, 0, options,
                               source);
}

Graph read_edgelist(const std::string& path, const EdgeListOptions& options) {
    std::error_code error;  // the reading names any error
    const std::uintmax_t size =
        std::filesystem::is_regular_file(path, error) ? std::filesystem::file_size(path, error) : 0;
    return parse_edgelist_impl(
        [&path](const std::function<void(std::string_view)>& take) { files::read_file_chunks(path, take); },
        error || size == static_cast<std::uintmax_t>(-1) ? 0 : size, options, path);
}

}  // namespace verbind
