// The binary graph file (include/verbind/io/graph_file.hpp; layout in
// docs/data-formats.md, "Binary graph file").
#include "verbind/io/graph_file.hpp"

#include "graph/builder.hpp"
#include "verbind/error.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/hash.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/text.hpp"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <limits>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace verbind {
namespace {

constexpr char magic[8] = {'V', 'E', 'R', 'B', 'I', 'N', 'D', 'G'};
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::uint64_t header_bytes = 128;
constexpr std::uint64_t alignment = 64;
constexpr std::uint64_t checksum_at = 64;
constexpr std::uint32_t flag_directed = 1, flag_keys = 2, flag_in_arcs = 4;
constexpr std::uint32_t known_flags = flag_directed | flag_keys | flag_in_arcs;

// Header fields (byte offsets; every field little-endian).
struct Header {
    std::uint32_t version = 0;      // 8
    std::uint32_t byte_order = 0;   // 12
    std::uint32_t header_size = 0;  // 16
    std::uint32_t flags = 0;        // 20
    std::uint32_t weight_type = 0;  // 24: 0 none, 1 f32, 2 f64
    std::uint32_t reserved = 0;     // 28
    std::uint64_t num_nodes = 0;    // 32
    std::uint64_t num_arcs = 0;     // 40
    std::uint64_t key_bytes = 0;    // 48
    std::uint64_t file_bytes = 0;   // 56
    std::uint64_t checksum = 0;     // 64; 72..127 zero
};

template <class T>
T get(const unsigned char* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <class T>
void put(unsigned char* p, T v) noexcept {
    std::memcpy(p, &v, sizeof v);
}

std::uint64_t round_up(std::uint64_t x) noexcept { return (x + alignment - 1) / alignment * alignment; }

// Where each section starts; sizes follow from the header's counts.
struct Layout {
    std::uint64_t offsets = 0, targets = 0, weights = 0, in_offsets = 0, in_sources = 0, in_weights = 0,
                  key_offsets = 0, keys = 0, end = 0;
};

std::uint64_t weight_size(std::uint32_t type) noexcept { return type == 1 ? 4 : type == 2 ? 8 : 0; }

// The caller has bounded n, arcs and key_bytes (no overflow below).
Layout layout(std::uint64_t n, std::uint64_t arcs, std::uint32_t flags, std::uint32_t weight_type,
              std::uint64_t key_bytes) noexcept {
    Layout l;
    std::uint64_t at = header_bytes;
    const auto section = [&](std::uint64_t bytes) {
        const std::uint64_t start = at;
        at = round_up(at + bytes);
        return start;
    };
    const std::uint64_t w = weight_size(weight_type);
    l.offsets = section((n + 1) * 8);
    l.targets = section(arcs * 4);
    l.weights = section(arcs * w);
    const bool in = (flags & flag_in_arcs) != 0;
    l.in_offsets = section(in ? (n + 1) * 8 : 0);
    l.in_sources = section(in ? arcs * 4 : 0);
    l.in_weights = section(in ? arcs * w : 0);
    const bool keyed = (flags & flag_keys) != 0;
    l.key_offsets = section(keyed ? (n + 1) * 8 : 0);
    l.keys = section(keyed ? key_bytes : 0);
    l.end = at;
    return l;
}

std::uint64_t file_checksum(const unsigned char* data, std::uint64_t size) noexcept {
    Hash64 h;
    h.update(data, checksum_at);
    const unsigned char zero[8] = {};
    h.update(zero, 8);
    h.update(data + checksum_at + 8, size - checksum_at - 8);
    return h.digest();
}

std::string hex(std::uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 15];
    return s;
}

void require_little_endian(std::string_view source) {
    if constexpr (std::endian::native != std::endian::little)
        throw io_error(std::string(source) + ": graph files are little-endian; this host is not");
}

// --- reading ---------------------------------------------------------------

class Reader {
public:
    Reader(const unsigned char* data, std::uint64_t size, std::shared_ptr<const void> owner, std::string source)
        : data_(data), size_(size), owner_(std::move(owner)), source_(std::move(source)) {}

    [[noreturn]] void fail(std::string_view field, const std::string& message) const {
        throw parse_error(source_ + ": field '" + std::string(field) + "': " + message);
    }

    Header header() const {
        if (size_ < sizeof magic || std::memcmp(data_, magic, sizeof magic) != 0)
            fail("magic", "not a verbind graph file (it does not start with \"VERBINDG\")");
        if (size_ < header_bytes)
            fail("header", "truncated: the file has " + std::to_string(size_) + " bytes, a graph file header " +
                               std::to_string(header_bytes));
        Header h;
        h.version = get<std::uint32_t>(data_ + 8);
        h.byte_order = get<std::uint32_t>(data_ + 12);
        h.header_size = get<std::uint32_t>(data_ + 16);
        h.flags = get<std::uint32_t>(data_ + 20);
        h.weight_type = get<std::uint32_t>(data_ + 24);
        h.reserved = get<std::uint32_t>(data_ + 28);
        h.num_nodes = get<std::uint64_t>(data_ + 32);
        h.num_arcs = get<std::uint64_t>(data_ + 40);
        h.key_bytes = get<std::uint64_t>(data_ + 48);
        h.file_bytes = get<std::uint64_t>(data_ + 56);
        h.checksum = get<std::uint64_t>(data_ + checksum_at);
        if (h.byte_order != byte_order_mark)
            fail("byte_order", h.byte_order == __builtin_bswap32(byte_order_mark)
                                   ? "the file is of the other byte order (big-endian); graph files are little-endian"
                                   : "0x" + hex(h.byte_order).substr(8) + " is not the mark 0x01020304");
        if (h.version == 0 || h.version > graph_file_version)
            fail("version", std::to_string(h.version) + " is not a version this verbind reads (1 to " +
                                std::to_string(graph_file_version) + "); a newer verbind wrote it?");
        if (h.header_size != header_bytes)
            fail("header_bytes", std::to_string(h.header_size) + ", must be " + std::to_string(header_bytes));
        if ((h.flags & ~known_flags) != 0) fail("flags", "unknown bits set (0x" + hex(h.flags).substr(8) + ")");
        if (((h.flags & flag_in_arcs) != 0) != ((h.flags & flag_directed) != 0))
            fail("flags", "in-arcs must be present exactly when the graph is directed");
        if (h.weight_type > 2) fail("weight_type", std::to_string(h.weight_type) + " is not 0, 1 or 2");
        if (h.reserved != 0) fail("reserved", "must be 0, got " + std::to_string(h.reserved));
        for (std::uint64_t at = checksum_at + 8; at < header_bytes; ++at)
            if (data_[at] != 0) fail("reserved", "byte " + std::to_string(at) + " of the header must be 0");
        if (h.num_nodes > std::numeric_limits<NodeId>::max())
            fail("num_nodes", std::to_string(h.num_nodes) + " is more than 32-bit node indices hold");
        // Bounds that keep every size below 2^63 (and well above any file).
        if (h.num_arcs > (std::uint64_t{1} << 56))
            fail("num_arcs", std::to_string(h.num_arcs) + " is more than a graph file can hold");
        if (h.key_bytes > (std::uint64_t{1} << 56))
            fail("key_bytes", std::to_string(h.key_bytes) + " is more than a graph file can hold");
        if ((h.flags & flag_keys) == 0 && h.key_bytes != 0)
            fail("key_bytes", std::to_string(h.key_bytes) + " but the flags say the graph has no keys");
        if ((h.flags & flag_directed) == 0 && h.num_arcs % 2 != 0)
            fail("num_arcs", std::to_string(h.num_arcs) + " is odd, but an undirected graph stores each edge twice");
        const Layout l = layout(h.num_nodes, h.num_arcs, h.flags, h.weight_type, h.key_bytes);
        if (h.file_bytes != l.end)
            fail("file_bytes", std::to_string(h.file_bytes) + ", but the counts in the header need " +
                                   std::to_string(l.end) + " bytes");
        if (size_ != h.file_bytes)
            fail("file_bytes", "the header says " + std::to_string(h.file_bytes) + " bytes, the file has " +
                                   std::to_string(size_) + (size_ < h.file_bytes ? " (truncated)" : ""));
        return h;
    }

    Graph graph(const LoadGraphOptions& options) const {
        require_little_endian(source_);
        const Header h = header();
        const Layout l = layout(h.num_nodes, h.num_arcs, h.flags, h.weight_type, h.key_bytes);
        const std::size_t n = static_cast<std::size_t>(h.num_nodes);
        const std::size_t m = static_cast<std::size_t>(h.num_arcs);
        GraphBuilder::Arrays a;
        a.directed = (h.flags & flag_directed) != 0;
        a.precision = h.weight_type == 1   ? WeightPrecision::single
                      : h.weight_type == 2 ? WeightPrecision::double_
                                           : WeightPrecision::unit;
        a.offsets = array<std::uint64_t>(l.offsets, n + 1);
        a.targets = array<NodeId>(l.targets, m);
        if (h.weight_type == 1) a.weights_f32 = array<float>(l.weights, m);
        if (h.weight_type == 2) a.weights_f64 = array<double>(l.weights, m);
        if (a.directed) {
            a.in_offsets = array<std::uint64_t>(l.in_offsets, n + 1);
            a.in_sources = array<NodeId>(l.in_sources, m);
            if (h.weight_type == 1) a.in_weights_f32 = array<float>(l.in_weights, m);
            if (h.weight_type == 2) a.in_weights_f64 = array<double>(l.in_weights, m);
        }

        // Four independent passes over the file (every read is within the
        // sizes header() checked, so they are safe before the checksum is
        // known), run side by side; their errors are reported in this
        // fixed order, whichever finished first: the checksum, the out-arcs,
        // the in-arcs, the keys.
        std::vector<std::uint32_t> count(n, 0), out_count(a.directed ? n : 0, 0);
        std::vector<std::string> keys;
        std::exception_ptr failure[4];
        const auto task = [&](std::size_t which) {
            try {
                switch (which) {
                    case 0:
                        if (options.verify_checksum) {
                            const std::uint64_t sum = file_checksum(data_, size_);
                            if (sum != h.checksum)
                                fail("checksum", "the file is damaged: it was written with checksum " +
                                                     hex(h.checksum) + ", its bytes now give " + hex(sum));
                        }
                        break;
                    case 1:
                        check_lists("offsets", "targets", a.offsets, a.targets, n, m, count);
                        check_weights("weights", a.weights_f32, a.weights_f64);
                        break;
                    case 2:
                        if (!a.directed) break;
                        check_lists("in_offsets", "in_sources", a.in_offsets, a.in_sources, n, m, out_count);
                        check_weights("in_weights", a.in_weights_f32, a.in_weights_f64);
                        break;
                    default:
                        if ((h.flags & flag_keys) != 0) keys = read_keys(l, n, h.key_bytes);
                }
            } catch (...) {
                failure[which] = std::current_exception();
            }
        };
        parallel_for(4, 0, 1, [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t which = begin; which < end; ++which) task(which);
        });
        for (const auto& e : failure)
            if (e) std::rethrow_exception(e);

        if (a.directed) {
            for (std::size_t v = 0; v < n; ++v) {
                if (a.in_offsets[v + 1] - a.in_offsets[v] != count[v])
                    fail("in_offsets", "node " + std::to_string(v) + " has " +
                                           std::to_string(a.in_offsets[v + 1] - a.in_offsets[v]) + " in-arcs, but " +
                                           std::to_string(count[v]) + " arcs point to it");
                if (a.offsets[v + 1] - a.offsets[v] != out_count[v])
                    fail("in_sources",
                         "node " + std::to_string(v) + " has " + std::to_string(a.offsets[v + 1] - a.offsets[v]) +
                             " out-arcs, but is the source of " + std::to_string(out_count[v]) + " in-arcs");
            }
        } else {
            for (std::size_t v = 0; v < n; ++v)
                if (a.offsets[v + 1] - a.offsets[v] != count[v])
                    fail("targets", "node " + std::to_string(v) + " has " +
                                        std::to_string(a.offsets[v + 1] - a.offsets[v]) + " neighbours, but " +
                                        std::to_string(count[v]) +
                                        " lists name it (an undirected graph lists each edge at both ends)");
        }
        try {
            return GraphBuilder::from_arrays(std::move(a), std::move(keys));
        } catch (const input_error& e) {
            fail("keys", e.what());
        }
    }

private:
    template <class T>
    SharedArray<T> array(std::uint64_t at, std::size_t count) const {
        // The layout is within size_ (header() checked file_bytes) and
        // 64-byte aligned from a page-aligned (or 64-byte-aligned) base.
        return SharedArray<T>(reinterpret_cast<const T*>(data_ + at), count, owner_);
    }

    void check_lists(const char* offsets_field, const char* targets_field, const SharedArray<std::uint64_t>& offsets,
                     const SharedArray<NodeId>& targets, std::size_t n, std::size_t m,
                     std::vector<std::uint32_t>& named) const {
        if (offsets[0] != 0) fail(offsets_field, "entry 0 is " + std::to_string(offsets[0]) + ", must be 0");
        for (std::size_t u = 0; u < n; ++u)
            if (offsets[u + 1] < offsets[u] || offsets[u + 1] > m)
                fail(offsets_field, "entry " + std::to_string(u + 1) + " is " + std::to_string(offsets[u + 1]) +
                                        " (entries must ascend from 0 to " + std::to_string(m) + ")");
        if (offsets[n] != m)
            fail(offsets_field,
                 "the last entry is " + std::to_string(offsets[n]) + ", must be the arc count " + std::to_string(m));
        // Per list, first a branch-free pass (the common case: all good),
        // then the counts; the error is looked for only in a bad list.
        const NodeId* t = targets.data();
        std::uint32_t* counts = named.data();
        for (std::size_t u = 0; u < n; ++u) {
            const std::uint64_t begin = offsets[u], end = offsets[u + 1];
            std::int64_t previous = -1;
            bool bad = false;
            for (std::uint64_t i = begin; i < end; ++i) {
                const NodeId v = t[i];
                bad |= (v >= n) | (v == u) | (static_cast<std::int64_t>(v) <= previous);
                previous = v;
            }
            if (bad) {
                for (std::uint64_t i = begin; i < end; ++i) {
                    const NodeId v = t[i];
                    if (v >= n)
                        fail(targets_field, "arc " + std::to_string(i) + " names node " + std::to_string(v) +
                                                " (n = " + std::to_string(n) + ")");
                    if (v == u)
                        fail(targets_field, "arc " + std::to_string(i) + " is a self-loop on " + std::to_string(u));
                    if (i > begin && t[i - 1] >= v)
                        fail(targets_field, "the list of node " + std::to_string(u) + " is not sorted (arc " +
                                                std::to_string(i) + ")");
                }
            }
        }
        // Every target is in range now: count them in one flat pass,
        // fetching the counters ahead (the counters are hit at random).
        constexpr std::size_t ahead = 16;
        const std::size_t flat = m > ahead ? m - ahead : 0;
        for (std::size_t i = 0; i < flat; ++i) {
            __builtin_prefetch(counts + t[i + ahead], 1);
            ++counts[t[i]];
        }
        for (std::size_t i = flat; i < m; ++i) ++counts[t[i]];
    }

    void check_weights(const char* field, const SharedArray<float>& f32, const SharedArray<double>& f64) const {
        const auto check = [&](const auto& w) {
            for (std::size_t i = 0; i < w.size(); ++i)
                if (!(std::isfinite(w[i]) && w[i] >= 0))
                    fail(field, "arc " + std::to_string(i) + " has weight " + std::to_string(double(w[i])) +
                                    " (weights are finite and >= 0)");
        };
        check(f32);
        check(f64);
    }

    std::vector<std::string> read_keys(const Layout& l, std::size_t n, std::uint64_t key_bytes) const {
        const unsigned char* ends = data_ + l.key_offsets;
        const char* text = reinterpret_cast<const char*>(data_ + l.keys);
        std::vector<std::string> keys;
        keys.reserve(n);
        std::uint64_t begin = get<std::uint64_t>(ends);
        if (begin != 0) fail("key_offsets", "entry 0 is " + std::to_string(begin) + ", must be 0");
        for (std::size_t u = 0; u < n; ++u) {
            const std::uint64_t end = get<std::uint64_t>(ends + 8 * (u + 1));
            if (end < begin || end > key_bytes)
                fail("key_offsets", "entry " + std::to_string(u + 1) + " is " + std::to_string(end) +
                                        " (entries must ascend from 0 to key_bytes " + std::to_string(key_bytes) +
                                        ")");
            keys.emplace_back(text + begin, static_cast<std::size_t>(end - begin));
            begin = end;
        }
        if (begin != key_bytes)
            fail("key_offsets",
                 "the last entry is " + std::to_string(begin) + ", must be key_bytes " + std::to_string(key_bytes));
        return keys;
    }

    const unsigned char* data_;
    std::uint64_t size_;
    std::shared_ptr<const void> owner_;
    std::string source_;
};

// A read-only shared mapping of a whole file, unmapped with its last user.
struct Mapping {
    void* address = nullptr;
    std::size_t size = 0;
    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() {
        if (address != nullptr) ::munmap(address, size);
    }
};

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

[[noreturn]] void os_fail(const std::string& path, const char* what) {
    const int e = errno;
    throw io_error(path + ": cannot " + what + ": " + std::strerror(e));
}

// The file mapped, or (for files too small to hold a header, where mapping
// gains nothing) read into memory.
std::shared_ptr<const Mapping> map_file(const std::string& path, std::uint64_t& size) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) os_fail(path, "open");
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) os_fail(path, "read");
    if (S_ISDIR(st.st_mode)) throw io_error(path + ": cannot read: it is a folder");
    if (!S_ISREG(st.st_mode)) throw io_error(path + ": cannot map: not a regular file");
    size = static_cast<std::uint64_t>(st.st_size);
    auto m = std::make_shared<Mapping>();
    if (size == 0) return m;
    void* p = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_SHARED | MAP_POPULATE, f.fd, 0);
    if (p == MAP_FAILED) os_fail(path, "map");
    m->address = p;
    m->size = static_cast<std::size_t>(size);
    return m;
}

}  // namespace

void save_graph(const Graph& g, const std::filesystem::path& path) {
    const std::string target = path.string();
    files::check_path(target, "path");
    require_little_endian(target);
    const GraphBuilder::Arrays a = GraphBuilder::arrays(g);
    const std::uint64_t n = g.num_nodes();
    const std::uint64_t m = a.targets.size();
    std::uint32_t flags = 0;
    if (a.directed) flags |= flag_directed | flag_in_arcs;
    const bool keyed = !g.keys().empty();
    if (keyed) flags |= flag_keys;
    const std::uint32_t weight_type = a.precision == WeightPrecision::single    ? 1
                                      : a.precision == WeightPrecision::double_ ? 2
                                                                                : 0;
    std::uint64_t key_bytes = 0;
    for (const auto& k : g.keys()) key_bytes += k.size();
    const Layout l = layout(n, m, flags, weight_type, key_bytes);

    std::string content(static_cast<std::size_t>(l.end), '\0');
    auto* out = reinterpret_cast<unsigned char*>(content.data());
    std::memcpy(out, magic, sizeof magic);
    put<std::uint32_t>(out + 8, graph_file_version);
    put<std::uint32_t>(out + 12, byte_order_mark);
    put<std::uint32_t>(out + 16, static_cast<std::uint32_t>(header_bytes));
    put<std::uint32_t>(out + 20, flags);
    put<std::uint32_t>(out + 24, weight_type);
    put<std::uint64_t>(out + 32, n);
    put<std::uint64_t>(out + 40, m);
    put<std::uint64_t>(out + 48, key_bytes);
    put<std::uint64_t>(out + 56, l.end);
    const auto copy = [&](std::uint64_t at, const auto& array) {
        if (!array.empty()) std::memcpy(out + at, array.data(), array.size() * sizeof(array[0]));
    };
    if (a.offsets.empty()) {
        put<std::uint64_t>(out + l.offsets, 0);  // a default-constructed graph: offsets {0}
    } else {
        copy(l.offsets, a.offsets);
    }
    copy(l.targets, a.targets);
    copy(l.weights, a.weights_f32);
    copy(l.weights, a.weights_f64);
    copy(l.in_offsets, a.in_offsets);
    copy(l.in_sources, a.in_sources);
    copy(l.in_weights, a.in_weights_f32);
    copy(l.in_weights, a.in_weights_f64);
    if (keyed) {
        std::uint64_t at = 0;
        put<std::uint64_t>(out + l.key_offsets, 0);
        for (std::size_t u = 0; u < n; ++u) {
            const std::string& k = g.keys()[u];
            std::memcpy(out + l.keys + at, k.data(), k.size());
            at += k.size();
            put<std::uint64_t>(out + l.key_offsets + 8 * (u + 1), at);
        }
    }
    put<std::uint64_t>(out + checksum_at, file_checksum(out, l.end));
    files::atomic_write_file(target, content, "path");
}

Graph load_graph(const std::filesystem::path& path, const LoadGraphOptions& options) {
    const std::string source = path.string();
    files::check_path(source, "path");
    std::uint64_t size = 0;
    auto mapping = map_file(source, size);
    const auto* data = static_cast<const unsigned char*>(mapping->address);
    static const unsigned char nothing[1] = {0};
    return Reader(data != nullptr ? data : nothing, size, std::move(mapping), source).graph(options);
}

Graph parse_graph_file(std::string_view bytes, std::string_view source, const LoadGraphOptions& options) {
    // An aligned copy (the arrays need their natural alignment).
    auto buffer = std::make_shared<std::vector<std::uint64_t>>(bytes.size() / 8 + 1);
    auto* data = reinterpret_cast<unsigned char*>(buffer->data());
    if (!bytes.empty()) std::memcpy(data, bytes.data(), bytes.size());
    return Reader(data, bytes.size(), std::move(buffer), std::string(source)).graph(options);
}

GraphFileInfo read_graph_file_info(const std::filesystem::path& path) {
    const std::string source = path.string();
    files::check_path(source, "path");
    std::uint64_t size = 0;
    auto mapping = map_file(source, size);
    const auto* data = static_cast<const unsigned char*>(mapping->address);
    static const unsigned char nothing[1] = {0};
    const Header h = Reader(data != nullptr ? data : nothing, size, mapping, source).header();
    GraphFileInfo info;
    info.version = h.version;
    info.directed = (h.flags & flag_directed) != 0;
    info.weights = h.weight_type == 1   ? WeightPrecision::single
                   : h.weight_type == 2 ? WeightPrecision::double_
                                        : WeightPrecision::unit;
    info.has_keys = (h.flags & flag_keys) != 0;
    info.num_nodes = h.num_nodes;
    info.num_arcs = h.num_arcs;
    info.file_bytes = h.file_bytes;
    info.checksum = h.checksum;
    return info;
}

bool is_graph_file(const std::filesystem::path& path) noexcept {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) return false;
    char head[sizeof magic] = {};
    std::size_t got = 0;
    while (got < sizeof head) {
        const ssize_t r = ::read(f.fd, head + got, sizeof head - got);
        if (r <= 0) break;
        got += static_cast<std::size_t>(r);
    }
    return got == sizeof head && std::memcmp(head, magic, sizeof magic) == 0;
}

}  // namespace verbind
