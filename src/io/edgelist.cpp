// The edge-list reader for researchers' own data: `a b [weight]` per line
// (include/verbind/io/edgelist.hpp): the text read into edge records; the
// graph is built from them by edgelist_build.cpp.
#include "verbind/io/edgelist.hpp"

#include "edgelist_build.hpp"

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

using namespace edgelist_detail;

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

}  // namespace

void EdgeListOptions::validate() const {
    if (delimiter != 0 && delimiter != ' ' && delimiter != '\t' && delimiter != ',' && delimiter != ';')
        throw input_error("delimiter must be blanks (' '), tab, ',' or ';' (or 0: per file), got '" +
                          printable(std::string_view(&delimiter, 1)) + "'");
    if (weight_column != -1 && (weight_column < 2 || weight_column > max_weight_column))
        throw input_error(
            "the weight column must be 2 or more (0-based; 0 and 1 are the nodes; -1: none) and at most " +
            std::to_string(max_weight_column) + ", got " + std::to_string(weight_column));
    for (char c : comments)
        if (c == delimiter || is_blank(c) || c == '\n' || (c >= '0' && c <= '9'))
            throw input_error("comment character " + printable(std::string_view(&c, 1)) +
                              " cannot also be a delimiter, a blank or a digit");
}

namespace {

// The reader, fed the text in pieces, in order (the whole text at once, or a
// file in chunks); lines may span pieces. `size` is the text's length in
// bytes when known (0: not known). Edges, one record per line (first << 32 |
// second): while every label is a plain integer below 2^32 (digits, no zero
// in front), the two values, no hashing, numbered by value at the end; after
// the first other label, node numbers into `keys_`.
class EdgeListReader {
public:
    EdgeListReader(const EdgeListOptions& options, std::string_view source, std::uint64_t size)
        : options_(options),
          where_(source),
          size_(size),
          weight_column_(options.weight_column),
          weighted_(weight_column_ >= 0 || !options.weight_name.empty()),
          delimiter_(options.delimiter),
          progress_(options.progress) {
        check_options();
        for (char c : options.comments) comment_table_[static_cast<unsigned char>(c)] = true;
        progress_.report(0.0);
    }

    // The next piece of the text.
    void piece(std::string_view piece);
    // After the last piece: the graph.
    Graph finish();

private:
    [[noreturn]] void fail(std::size_t line, const std::string& message) const {
        throw parse_error(where_ + ":" + std::to_string(line) + ": " + message);
    }
    void check_options() const;
    NodeId node(std::string_view label, std::size_t line, const char* field);
    void split(std::string_view row);
    bool is_comment_char(char c) const { return comment_table_[static_cast<unsigned char>(c)]; }
    void check_weight_column(std::size_t at, std::size_t count);
    void take(std::size_t at);
    bool scan_pair(const char*& p, const char* const end, std::uint64_t& va, std::uint64_t& vb) const;
    bool fast_mode() const {
        return plain_integers_ && expected_fields_ == 2 && !weighted_ && !first_row_ && !header_pending_;
    }
    bool fast_row(std::string_view row);
    void row_of(std::string_view row);
    void first_row_of(std::string_view row);
    void number_nodes();

    const EdgeListOptions& options_;
    const std::string where_;
    const std::uint64_t size_;
    bool plain_integers_ = true;
    std::vector<std::uint64_t> records_;
    std::vector<std::string> keys_;
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> index_;
    std::vector<double> weights_;
    RecordLines lines_;                       // line of each edge, for messages
    std::vector<std::uint32_t> first_lines_;  // line where each label first appears
    std::size_t expected_fields_ = 0;
    std::size_t first_data_line_ = 0;
    int weight_column_;
    const bool weighted_;
    char delimiter_;
    std::vector<std::string_view> fields_;
    bool comment_table_[256] = {};
    bool first_row_ = true;
    bool header_pending_ = false;  // detect: the first row might be a header, decided by the second
    std::size_t header_line_ = 0;
    std::vector<std::string> header_fields_;
    std::string pending_row_;
    std::size_t line_ = 0;
    // Progress: the fraction of the bytes read (when the size is known),
    // checked every 4096 lines; 1 once the graph is built.
    Progress progress_;
    std::uint32_t lines_to_check_ = 4096;
    // Lines, across the pieces: a line cut by the end of a piece waits in `carry_`.
    std::string carry_;
    std::uint64_t seen_ = 0;  // bytes so far
};

void EdgeListReader::check_options() const {
    try {
        options_.validate();
    } catch (const input_error& e) {
        throw input_error(where_ + ": " + e.what());
    }
}

NodeId EdgeListReader::node(std::string_view label, std::size_t line, const char* field) {
    if (const auto it = index_.find(label); it != index_.end()) return it->second;
    if (label.empty()) fail(line, std::string("field '") + field + "': empty node label");
    if (!is_valid_utf8(label)) fail(line, std::string("field '") + field + "': node label is not valid UTF-8");
    if (label.find('\0') != std::string_view::npos)
        fail(line, std::string("field '") + field + "': node label holds a NUL character");
    if (keys_.size() >= std::numeric_limits<NodeId>::max()) fail(line, "too many nodes for 32-bit indices");
    const auto id = static_cast<NodeId>(keys_.size());
    keys_.emplace_back(label);
    first_lines_.push_back(static_cast<std::uint32_t>(line));
    index_.emplace(keys_.back(), id);
    return id;
}

void EdgeListReader::split(std::string_view row) {
    fields_.clear();
    if (delimiter_ == 0 || delimiter_ == ' ') {
        for (std::size_t i = 0; i < row.size();) {
            while (i < row.size() && is_blank(row[i])) ++i;
            if (i >= row.size()) break;
            std::size_t j = i;
            while (j < row.size() && !is_blank(row[j])) ++j;
            fields_.push_back(row.substr(i, j - i));
            i = j;
        }
    } else {
        if (trim(row).empty()) return;
        std::size_t i = 0;
        for (;;) {
            const std::size_t j = row.find(delimiter_, i);
            fields_.push_back(trim(row.substr(i, j == std::string_view::npos ? row.size() - i : j - i)));
            if (j == std::string_view::npos) break;
            i = j + 1;
        }
    }
}

// The weight column, found by its name in the header once; it must be there.
void EdgeListReader::check_weight_column(std::size_t at, std::size_t count) {
    if (weight_column_ < 0) {
        const auto it = std::find_if(header_fields_.begin(), header_fields_.end(),
                                     [&](const std::string& h) { return h == options_.weight_name; });
        if (header_line_ == 0)
            fail(at, "weights named '" + printable(options_.weight_name) +
                         "' but the file has no header line to name columns");
        if (it == header_fields_.end())
            fail(header_line_,
                 "no column named '" + printable(options_.weight_name) + "' for the weights in the header line");
        weight_column_ = static_cast<int>(it - header_fields_.begin());
        if (weight_column_ < 2)
            fail(header_line_, "the weight column '" + printable(options_.weight_name) + "' is a node column");
    }
    if (static_cast<std::size_t>(weight_column_) >= count)
        fail(at, "field 'weight': column " + std::to_string(weight_column_) + " (0-based) asked for, but " +
                     "the line has " + std::to_string(count) + " fields");
}

// The split row `fields_`, from line `at`, as an edge.
void EdgeListReader::take(std::size_t at) {
    const std::size_t count = fields_.size();
    if (count < 2)
        fail(at, "expected at least 2 fields ('source target'), got " + std::to_string(count) +
                     " (fields separated by " + delimiter_name(delimiter_) + ")");
    if (expected_fields_ == 0) {
        expected_fields_ = count;
        first_data_line_ = at;
    } else if (count != expected_fields_) {
        fail(at, "expected " + std::to_string(expected_fields_) + " fields like line " +
                     std::to_string(first_data_line_) + ", got " + std::to_string(count));
    }
    if (weighted_) check_weight_column(at, count);
    std::uint64_t va = 0, vb = 0;
    if (plain_integers_) {
        const char* pa = fields_[0].data();
        const char* pb = fields_[1].data();
        if (!(small_plain_integer(pa, fields_[0].data() + fields_[0].size(), va) &&
              pa == fields_[0].data() + fields_[0].size() &&
              small_plain_integer(pb, fields_[1].data() + fields_[1].size(), vb) &&
              pb == fields_[1].data() + fields_[1].size())) {
            // The first other label: the labels so far become keys in
            // order of first appearance, as the general path numbers them.
            plain_integers_ = false;
            for (std::size_t i = 0; i < records_.size(); ++i) {
                const NodeId first = node(std::to_string(records_[i] >> 32), lines_(i), "a");
                const NodeId second = node(std::to_string(records_[i] & low32), lines_(i), "b");
                records_[i] = std::uint64_t{first} << 32 | second;
            }
        }
    }
    NodeId a = 0, b = 0;
    if (!plain_integers_) {
        a = node(fields_[0], at, "a");
        b = node(fields_[1], at, "b");
    }
    if (weighted_) {
        double w = 0;
        const auto field = fields_[static_cast<std::size_t>(weight_column_)];
        const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), w);
        if (field.empty() || ec != std::errc() || ptr != field.data() + field.size())
            fail(at, "field 'weight': not a number '" + printable(field) + "'");
        if (!std::isfinite(w) || w < 0)
            fail(at, "field 'weight': must be a finite number >= 0, got '" + printable(field) + "'");
        weights_.push_back(w);
    }
    records_.push_back(plain_integers_ ? va << 32 | vb : std::uint64_t{a} << 32 | b);
    lines_.add(at);
}

// The common line once the file's form is known (two integer columns, no
// weights): read without splitting; anything else goes the general way.
// Reads from `p` to the end of the line (`end` or a newline, left there).
bool EdgeListReader::scan_pair(const char*& p, const char* const end, std::uint64_t& va, std::uint64_t& vb) const {
    const char d = delimiter_;
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
}

bool EdgeListReader::fast_row(std::string_view row) {
    const char* p = row.data();
    const char* const end = p + row.size();
    std::uint64_t va = 0, vb = 0;
    if (!scan_pair(p, end, va, vb) || p != end) return false;
    records_.push_back(va << 32 | vb);
    lines_.add(line_);
    return true;
}

// The first row that is not a comment: it fixes the delimiter and may be a
// header (or, with detect, may be one: decided by the next row).
void EdgeListReader::first_row_of(std::string_view row) {
    first_row_ = false;
    if (delimiter_ == 0) {
        delimiter_ = row.find(',') != std::string_view::npos   ? ','
                     : row.find(';') != std::string_view::npos ? ';'
                                                               : ' ';
    }
    split(row);
    if (options_.header == EdgeListHeader::yes || (options_.header == EdgeListHeader::detect && fields_.size() >= 2 &&
                                                   known_column_name(fields_[0]) && known_column_name(fields_[1]))) {
        header_line_ = line_;
        for (auto f : fields_) header_fields_.emplace_back(f);
        return;
    }
    if (options_.header == EdgeListHeader::detect && fields_.size() >= 2 &&
        std::none_of(fields_.begin(), fields_.end(), [](std::string_view f) {
            double x = 0;
            return is_integer_label(f) ||
                   std::from_chars(f.data(), f.data() + f.size(), x).ptr == f.data() + f.size();
        })) {
        header_pending_ = true;  // a header if the next row's labels are integers
        pending_row_.assign(row);
        header_line_ = line_;
        return;
    }
    take(line_);
}

void EdgeListReader::row_of(std::string_view row) {
    ++line_;
    // A UTF-8 byte order mark at the start is not part of the first label.
    if (line_ == 1 && row.substr(0, 3) == "\xEF\xBB\xBF") row.remove_prefix(3);
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
    if (first_row_) {
        first_row_of(row);
        return;
    }
    split(row);
    if (header_pending_) {
        header_pending_ = false;
        const std::string held = std::move(pending_row_);
        const std::size_t held_line = header_line_;
        if (fields_.size() >= 2 && is_integer_label(fields_[0]) && is_integer_label(fields_[1])) {
            // The first row was a header: its names, not people.
            std::vector<std::string_view> now = fields_;
            split(held);
            for (auto f : fields_) header_fields_.emplace_back(f);
            fields_ = now;
        } else {
            header_line_ = 0;
            std::vector<std::string_view> now = fields_;
            split(held);
            take(held_line);
            fields_ = now;
        }
    }
    take(line_);
}

void EdgeListReader::piece(std::string_view piece) {
    const bool first_piece = seen_ == 0;
    const std::uint64_t piece_start = seen_;
    seen_ += piece.size();
    // After the first piece, room for as many edges again per byte as it
    // held: the records grow once, not by doubling (a doubling holds the
    // old and the new array at once).
    const auto reserve = [&] {
        if (!first_piece || size_ <= seen_ || line_ == 0) return;
        const double per_byte = static_cast<double>(records_.size()) / static_cast<double>(seen_);
        const auto more = static_cast<std::size_t>(per_byte * static_cast<double>(size_ - seen_) * 1.05) + 1024;
        records_.reserve(records_.size() + more);
        if (weighted_) weights_.reserve(weights_.size() + more);
    };
    std::size_t pos = 0;
    if (!carry_.empty()) {
        const std::size_t nl = piece.find('\n');
        if (nl == std::string_view::npos) {
            carry_.append(piece);
            return;
        }
        carry_.append(piece.substr(0, nl));
        row_of(carry_);
        carry_.clear();
        pos = nl + 1;
    }
    while (pos < piece.size()) {
        if (--lines_to_check_ == 0) {
            lines_to_check_ = 4096;
            if (progress_.active() && size_ > 0 && piece_start + pos < size_)
                progress_.report(static_cast<double>(piece_start + pos) / static_cast<double>(size_));
        }
        if (fast_mode()) {
            // The line read where it lies, its end found on the way.
            const char* p = piece.data() + pos;
            const char* const end = piece.data() + piece.size();
            std::uint64_t va = 0, vb = 0;
            if (scan_pair(p, end, va, vb) && p != end) {
                ++line_;
                records_.push_back(va << 32 | vb);
                lines_.add(line_);
                pos = static_cast<std::size_t>(p - piece.data()) + 1;
                continue;
            }
        }
        const void* found = std::memchr(piece.data() + pos, '\n', piece.size() - pos);
        if (found == nullptr) {
            carry_.assign(piece.substr(pos));
            break;
        }
        const auto nl = static_cast<std::size_t>(static_cast<const char*>(found) - piece.data());
        row_of(piece.substr(pos, nl - pos));
        pos = nl + 1;
    }
    reserve();
}

// Node identity: integer labels are numbered by value (graph.hpp).
void EdgeListReader::number_nodes() {
    if (plain_integers_) {
        number_by_value(records_, keys_, where_);
    } else {
        // Where each node goes when the labels are all integers (numbered by
        // value), else where it is.
        std::vector<NodeId> position(keys_.size());
        for (std::size_t u = 0; u < position.size(); ++u) position[u] = static_cast<NodeId>(u);
        number_integer_labels(keys_, first_lines_, position, {}, where_);
        for (std::size_t u = 0; u < position.size(); ++u) {
            if (position[u] == u) continue;
            for (std::uint64_t& r : records_) r = std::uint64_t{position[r >> 32]} << 32 | position[r & low32];
            break;
        }
    }
}

Graph EdgeListReader::finish() {
    if (!carry_.empty()) row_of(carry_);
    if (header_pending_) {  // a single row of text labels: data
        const std::size_t at = header_line_;
        header_line_ = 0;
        split(pending_row_);
        take(at);
    }
    release(carry_);
    fields_.clear();
    release(index_);
    number_nodes();
    release(first_lines_);
    Graph g = build_records(records_, weights_, weighted_, std::move(keys_), options_, where_, lines_);
    progress_.report(1.0);
    return g;
}

Graph parse_edgelist_impl(const std::function<void(const std::function<void(std::string_view)>&)>& feed,
                          std::uint64_t size, const EdgeListOptions& options, std::string_view source) {
    EdgeListReader reader(options, source, size);
    feed([&](std::string_view piece) { reader.piece(piece); });
    return reader.finish();
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
