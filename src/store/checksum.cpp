#include "checksum.hpp"

#include "verbind/error.hpp"

#include <sodium.h>

#include <cstring>

namespace verbind::store_detail {

namespace {

constexpr const char* actors_columns[] = {"seq",          "key",     "type",   "kind",       "neighbourhood",
                                          "municipality", "talents", "groups", "key_figure", "trained_on"};
constexpr const char* tie_kinds_columns[] = {"id", "name"};
constexpr const char* ties_columns[] = {"seq", "a", "b", "kind", "since", "until", "weight"};
constexpr const char* events_columns[] = {"seq", "key", "date", "kind", "neighbourhood", "municipality"};
constexpr const char* organisers_columns[] = {"seq", "event", "actor"};
constexpr const char* attendance_columns[] = {"seq", "event", "actor", "brought_by"};
constexpr const char* name_columns[] = {"name"};
constexpr const char* event_columns[] = {"event"};

const ContentTable tables[] = {
    {"actors", actors_columns, -1},
    {"tie_kinds", tie_kinds_columns, -1},
    {"ties", ties_columns, 6},
    {"events", events_columns, -1},
    {"organisers", organisers_columns, -1},
    {"attendance", attendance_columns, -1},
    {"sensitive_groups", name_columns, -1},
    {"sensitive_events", event_columns, -1},
    {"sensitive_tie_kinds", name_columns, -1},
};

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_real(std::string& out, double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    out.push_back('R');
    put_u64(out, bits);
}

// The canonical bytes of one row: "verbind:row:<table>\0", the column count,
// then per column a tag and the value: N (NULL); I + int64; R + the IEEE bits
// of a double; T + length + UTF-8 bytes; B + length + bytes (integers and
// lengths as 8 bytes little-endian). In the REAL column (ties.weight) an
// integer is hashed as the double it stands for: SQLite stores 2.0 as the
// integer 2 on disk and reads it back as 2.0, and SQLite's preupdate hook
// hands over the stored integer for a new row.
void row_bytes(std::string& out, const ContentTable& table, std::span<sqlite3_value* const> values) {
    out.clear();
    out += "verbind:row:";
    out += table.name;
    out.push_back('\0');
    put_u64(out, values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        sqlite3_value* v = values[i];
        switch (sqlite3_value_type(v)) {
            case SQLITE_NULL: out.push_back('N'); break;
            case SQLITE_INTEGER:
                if (static_cast<int>(i) == table.real_column) {
                    put_real(out, static_cast<double>(sqlite3_value_int64(v)));
                } else {
                    out.push_back('I');
                    put_u64(out, static_cast<std::uint64_t>(sqlite3_value_int64(v)));
                }
                break;
            case SQLITE_FLOAT: put_real(out, sqlite3_value_double(v)); break;
            case SQLITE_TEXT: {
                const auto* text = sqlite3_value_text(v);
                const auto size = static_cast<std::size_t>(sqlite3_value_bytes(v));
                out.push_back('T');
                put_u64(out, size);
                if (size) out.append(reinterpret_cast<const char*>(text), size);
                break;
            }
            default: {
                const auto* blob = sqlite3_value_blob(v);
                const auto size = static_cast<std::size_t>(sqlite3_value_bytes(v));
                out.push_back('B');
                put_u64(out, size);
                if (size) out.append(static_cast<const char*>(blob), size);
                break;
            }
        }
    }
}

std::array<std::uint64_t, 4> hash_lanes(std::string_view bytes) {
    static const int ready = sodium_init();
    if (ready < 0) throw error("store: libsodium could not be initialised");
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       nullptr, 0);
    std::array<std::uint64_t, 4> lanes{};
    for (int lane = 0; lane < 4; ++lane)
        for (int i = 7; i >= 0; --i) lanes[lane] = (lanes[lane] << 8) | digest[8 * lane + i];
    return lanes;
}

}  // namespace

std::span<const ContentTable> content_tables() { return tables; }

const ContentTable* find_content_table(std::string_view name) {
    for (const auto& table : tables)
        if (name == table.name) return &table;
    return nullptr;
}

void ContentSum::add_row(const ContentTable& table, std::span<sqlite3_value* const> values) {
    row_bytes(scratch_, table, values);
    const auto h = hash_lanes(scratch_);
    for (int i = 0; i < 4; ++i) lanes_[i] += h[i];
}

void ContentSum::remove_row(const ContentTable& table, std::span<sqlite3_value* const> values) {
    row_bytes(scratch_, table, values);
    const auto h = hash_lanes(scratch_);
    for (int i = 0; i < 4; ++i) lanes_[i] -= h[i];
}

void ContentSum::add_version(std::int64_t version) {
    std::string bytes = "verbind:schema-version";
    bytes.push_back('\0');
    put_u64(bytes, static_cast<std::uint64_t>(version));
    const auto h = hash_lanes(bytes);
    for (int i = 0; i < 4; ++i) lanes_[i] += h[i];
}

void ContentSum::add(const ContentSum& other) {
    for (int i = 0; i < 4; ++i) lanes_[i] += other.lanes_[i];
}

void ContentSum::subtract(const ContentSum& other) {
    for (int i = 0; i < 4; ++i) lanes_[i] -= other.lanes_[i];
}

std::string ContentSum::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (auto lane : lanes_)
        for (int shift = 60; shift >= 0; shift -= 4) out.push_back(digits[(lane >> shift) & 0xf]);
    return out;
}

std::optional<ContentSum> ContentSum::parse(std::string_view hex) {
    if (hex.size() != 64) return std::nullopt;
    ContentSum sum;
    for (std::size_t i = 0; i < 64; ++i) {
        const char c = hex[i];
        std::uint64_t digit;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint64_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint64_t>(c - 'a') + 10;
        else
            return std::nullopt;
        sum.lanes_[i / 16] = (sum.lanes_[i / 16] << 4) | digit;
    }
    return sum;
}

ContentSum content_sum(Database& db, std::int64_t version) {
    ContentSum sum;
    sum.add_version(version);
    std::array<sqlite3_value*, 16> values{};
    for (const auto& table : tables) {
        std::string sql = "SELECT ";
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (i) sql += ", ";
            sql += table.columns[i];
        }
        sql += " FROM ";
        sql += table.name;
        Statement select(db, sql.c_str());
        const auto n = table.columns.size();
        while (select.step()) {
            for (std::size_t i = 0; i < n; ++i)
                values[i] = sqlite3_column_value(select.handle(), static_cast<int>(i));
            sum.add_row(table, std::span<sqlite3_value* const>(values.data(), n));
        }
    }
    return sum;
}

std::optional<std::string> stored_checksum(Database& db) {
    Statement select(db, "SELECT value FROM verbind_meta WHERE name = 'checksum'");
    if (!select.step()) return std::nullopt;
    if (select.type(0) != SQLITE_TEXT) return std::string();  // not parseable: reported as a mismatch
    return std::string(select.text(0));
}

void store_checksum(Database& db, const ContentSum& sum) {
    Statement(db, "INSERT INTO verbind_meta(name, value) VALUES ('checksum', ?1) "
                  "ON CONFLICT(name) DO UPDATE SET value = excluded.value")
        .bind_text(1, sum.hex())
        .run();
}

ChangeTracker::ChangeTracker(Database& db) : db_(db) { sqlite3_preupdate_hook(db_.handle(), &on_change, this); }

ChangeTracker::~ChangeTracker() { sqlite3_preupdate_hook(db_.handle(), nullptr, nullptr); }

ContentSum ChangeTracker::finish() {
    sqlite3_preupdate_hook(db_.handle(), nullptr, nullptr);
    if (failed_)
        throw io_error("store '" + printable(db_.path()) + "': cannot update the checksum (a row could not be read)");
    return delta_;
}

void ChangeTracker::on_change(void* context, sqlite3* db, int op, const char* schema, const char* table_name,
                              sqlite3_int64, sqlite3_int64) {
    auto& self = *static_cast<ChangeTracker*>(context);
    if (std::strcmp(schema, "main") != 0) return;
    const ContentTable* table = find_content_table(table_name);
    if (table == nullptr) return;
    const int n = sqlite3_preupdate_count(db);
    if (n != static_cast<int>(table->columns.size())) {
        self.failed_ = true;
        return;
    }
    std::array<sqlite3_value*, 16> values{};
    auto gather = [&](int (*get)(sqlite3*, int, sqlite3_value**)) {
        for (int i = 0; i < n; ++i)
            if (get(db, i, &values[static_cast<std::size_t>(i)]) != SQLITE_OK) return false;
        return true;
    };
    const std::span<sqlite3_value* const> row(values.data(), static_cast<std::size_t>(n));
    try {
        if (op == SQLITE_DELETE || op == SQLITE_UPDATE) {
            if (!gather(&sqlite3_preupdate_old)) {
                self.failed_ = true;
                return;
            }
            self.delta_.remove_row(*table, row);
        }
        if (op == SQLITE_INSERT || op == SQLITE_UPDATE) {
            if (!gather(&sqlite3_preupdate_new)) {
                self.failed_ = true;
                return;
            }
            self.delta_.add_row(*table, row);
        }
    } catch (...) {
        self.failed_ = true;  // no exception may cross SQLite's C frames
    }
}

}  // namespace verbind::store_detail
