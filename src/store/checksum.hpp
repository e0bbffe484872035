// The store's checksum of its logical content (schema version 3 on).
//
// The content is the multiset of typed rows of the content tables (every
// table but verbind_meta), plus one pseudo-row holding the schema version.
// Each row is serialised canonically (table name, then per column a type tag
// and the value's bytes; see row_bytes in checksum.cpp) and hashed with
// BLAKE2b-256 (libsodium's crypto_generichash); the checksum is the sum of
// the row hashes, four 64-bit lanes each modulo 2^64. A sum does not depend
// on row order, so a change of one row updates it in O(1) (subtract the old
// row's hash, add the new one's) and a Store's small transactions stay small.
//
// It detects damage (bit flips, truncation, a page from elsewhere, rows
// edited by another program); it is not a seal against someone who means to
// forge a store (anyone can recompute it).
#pragma once

#include "sqlite.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace verbind::store_detail {

// The content tables a checksum covers, and the columns of each in schema
// order (the order of the CREATE TABLE statements in store.cpp, which the
// preupdate hook relies on).
struct ContentTable {
    const char* name;
    std::span<const char* const> columns;
    int real_column;  // the column of REAL affinity (-1: none); see row_bytes
};
std::span<const ContentTable> content_tables();
const ContentTable* find_content_table(std::string_view name);

class ContentSum {
public:
    // Adds (or removes) one row, given its values in schema order.
    void add_row(const ContentTable& table, std::span<sqlite3_value* const> values);
    void remove_row(const ContentTable& table, std::span<sqlite3_value* const> values);
    void add_version(std::int64_t version);

    void add(const ContentSum& other);
    void subtract(const ContentSum& other);

    std::string hex() const;                                       // 64 lowercase hex digits
    static std::optional<ContentSum> parse(std::string_view hex);  // nullopt unless exactly that
    bool operator==(const ContentSum& other) const { return lanes_ == other.lanes_; }

private:
    std::array<std::uint64_t, 4> lanes_{};
    std::string scratch_;  // the bytes of the row being hashed (no allocation per row)
};

// The checksum of everything in `db` (inside the caller's transaction),
// for the schema version `version`.
ContentSum content_sum(Database& db, std::int64_t version);

// The checksum stored in verbind_meta, nullopt when there is no such row
// (throws io_error when the row is there but unreadable: corrupt).
std::optional<std::string> stored_checksum(Database& db);
void store_checksum(Database& db, const ContentSum& sum);

// While alive, keeps `delta` equal to the change of the content sum made by
// every INSERT, UPDATE and DELETE on a content table of `db` (SQLite's
// preupdate hook). finish() returns the delta, or throws io_error when a row
// could not be hashed.
class ChangeTracker {
public:
    explicit ChangeTracker(Database& db);
    ChangeTracker(const ChangeTracker&) = delete;
    ChangeTracker& operator=(const ChangeTracker&) = delete;
    ~ChangeTracker();
    ContentSum finish();

private:
    static void on_change(void* self, sqlite3* db, int op, const char* schema, const char* table, sqlite3_int64,
                          sqlite3_int64);
    Database& db_;
    ContentSum delta_;
    bool failed_ = false;
};

}  // namespace verbind::store_detail
