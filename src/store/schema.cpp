// The store's schema, its versions and migrations, and the checks of a
// file's version and checksum (docs/store.md).
#include "store_parts.hpp"

#include "verbind/error.hpp"
#include "verbind/store/store.hpp"

namespace verbind::store_detail {

namespace {

// Version 1: the model as of verbind 0.1 (actors, tie kinds, ties, events,
// organisers, attendance, sensitive groups).
constexpr const char* schema_v1 = R"sql(
CREATE TABLE verbind_meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO verbind_meta(name, value) VALUES ('format', 'verbind');
CREATE TABLE actors(
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  kind TEXT,
  neighbourhood TEXT,
  municipality TEXT,
  talents TEXT,
  groups TEXT,
  key_figure INTEGER NOT NULL DEFAULT 0,
  trained_on TEXT);
CREATE TABLE tie_kinds(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE ties(
  seq INTEGER PRIMARY KEY,
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  since TEXT,
  until TEXT,
  weight REAL NOT NULL);
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  neighbourhood TEXT,
  municipality TEXT);
CREATE TABLE organisers(seq INTEGER PRIMARY KEY, event INTEGER NOT NULL, actor INTEGER NOT NULL);
CREATE TABLE attendance(seq INTEGER PRIMARY KEY, event INTEGER NOT NULL, actor INTEGER NOT NULL, brought_by INTEGER);
CREATE TABLE sensitive_groups(name TEXT PRIMARY KEY);
)sql";

// Version 2: sensitive events and tie kinds.
constexpr const char* migrate_v1_to_v2 = R"sql(
CREATE TABLE sensitive_events(event INTEGER PRIMARY KEY);
CREATE TABLE sensitive_tie_kinds(name TEXT PRIMARY KEY);
)sql";

// Version 3: the checksum of the content, the row ('checksum', <hex>) in
// verbind_meta (checksum.hpp). No table changes; the migration adds the row
// (see migrate below), after the content has been read and checked.
constexpr const char* migrate_v2_to_v3 = "";

// migrations[v] takes a file from version v to v + 1.
constexpr const char* migrations[] = {schema_v1, migrate_v1_to_v2, migrate_v2_to_v3};
static_assert(sizeof(migrations) / sizeof(migrations[0]) == store_schema_version);

// The first version whose files carry a checksum.
constexpr int checksum_version = 3;

}  // namespace

std::string where(const std::string& path) { return "store '" + printable(path) + "'"; }
std::string where(const Database& db) { return where(db.path()); }

// Damage found by the checksum (or by the checks around it).
[[noreturn]] void corrupt(const Database& db, std::string_view why) {
    throw io_error(where(db) + ": the file is corrupt: " + std::string(why) +
                   " (damaged on disk, cut short, or changed by another program); the file was left as it is");
}

// Reads user_version and refuses what this library cannot read. Returns
// the version (0: an empty file).
int checked_version(Database& db) {
    const auto version = db.integer_pragma("PRAGMA user_version");
    if (version > store_schema_version)
        throw io_error(where(db) + ": schema version " + std::to_string(version) +
                       " is newer than this verbind can read (" + std::to_string(store_schema_version) +
                       "); upgrade verbind");
    if (version < 0)
        throw io_error(where(db) + ": not a verbind store (schema version " + std::to_string(version) + ")");
    if (version == 0) {
        if (db.integer_pragma("SELECT count(*) FROM sqlite_master") != 0)
            throw io_error(where(db) + ": not a verbind store (a SQLite database with other tables)");
        return 0;
    }
    bool is_verbind = false;
    try {
        Statement format(db, "SELECT value FROM verbind_meta WHERE name = 'format'");
        is_verbind = format.step() && format.type(0) == SQLITE_TEXT && format.text(0) == "verbind";
    } catch (const io_error&) {
        is_verbind = false;
    }
    if (!is_verbind) throw io_error(where(db) + ": not a verbind store (no verbind_meta format row)");
    return static_cast<int>(version);
}

// The checksum the file says its content has, inside the caller's (read)
// transaction. Files of version 3 on must carry one; a file of an earlier
// version has none (it was written before checksums) and is read
// unverified: nullopt.
std::optional<ContentSum> expected_checksum(Database& db, int version) {
    const auto stored = store_detail::stored_checksum(db);
    if (!stored) {
        if (version >= checksum_version) corrupt(db, "its checksum is missing");
        return std::nullopt;
    }
    if (version < checksum_version)
        corrupt(db, "it holds a checksum but says it is schema version " + std::to_string(version) +
                        " (checksums came with version " + std::to_string(checksum_version) + ")");
    auto expected = ContentSum::parse(*stored);  // not const: returned by move
    if (!expected) corrupt(db, "its checksum is unreadable");
    return expected;
}

[[noreturn]] void mismatch(const Database& db) { corrupt(db, "its checksum does not match its content"); }

// Runs the migrations from `version` to the current one inside the caller's
// transaction. The checksum (version 3) is written by the caller once the
// content is final.
void migrate(Database& db, int version) {
    for (int v = version; v < store_schema_version; ++v) db.exec(migrations[v]);
    db.exec(("PRAGMA user_version = " + std::to_string(store_schema_version)).c_str());
}

void seal(Database& db) { store_detail::store_checksum(db, store_detail::content_sum(db, store_schema_version)); }

}  // namespace verbind::store_detail
