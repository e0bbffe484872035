// Internal to src/store: what the files of the store share. schema.cpp: the
// schema, its versions and migrations, the checks of a file's version and
// checksum; store_files.cpp: opening a file for writing or reading, the
// files a save builds beside the store, the WAL checkpoint; write.cpp and
// read.cpp: the Network to rows and back; store.cpp: save(), load() and
// the Store.
#pragma once

#include "checksum.hpp"
#include "sqlite.hpp"

#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/text.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::store_detail {

// Talents and groups are stored as one ';'-separated text.
inline std::string join(const std::vector<std::string>& items) { return verbind::join(items, ";"); }

inline std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(';', start);
        out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

// --- schema.cpp --------------------------------------------------------------

// "store '<path>'" for messages.
std::string where(const std::string& path);
std::string where(const Database& db);
// Damage found by the checksum (or by the checks around it).
[[noreturn]] void corrupt(const Database& db, std::string_view why);
// Reads user_version and refuses what this library cannot read. Returns
// the version (0: an empty file).
int checked_version(Database& db);
// The checksum the file says its content has (nullopt: a file of a version
// before checksums), inside the caller's (read) transaction.
std::optional<ContentSum> expected_checksum(Database& db, int version);
[[noreturn]] void mismatch(const Database& db);
// Runs the migrations from `version` to the current one inside the caller's
// transaction.
void migrate(Database& db, int version);
// Writes the checksum of the file's content.
void seal(Database& db);

// --- write.cpp ---------------------------------------------------------------

// Clears the content tables and writes `net`, with its checksum, inside the
// caller's transaction.
void replace_content(Database& db, const Network& net);
void write_network(Database& db, const Network& net);
void clear_tables(Database& db);

// --- read.cpp ----------------------------------------------------------------

// Reads the Network, checking the content against the checksum when the
// file has one; progress (when given) may cancel.
Network read_network(Database& db, int version, Progress* progress = nullptr);
// Reads every row into a Network, adding each to `sum` (when given) before
// it is read; progress (when given) is the fraction of the rows read.
Network read_network_rows(Database& db, int version, ContentSum* sum, Progress* progress);

// --- store_files.cpp ------------------------------------------------------------

void configure_for_writing(Database& db);
std::string folder_of(const std::string& path);
// The files this process is building right now (save_new_file), kept by
// remove_stale_building_files; guarded by building_mutex.
extern std::mutex building_mutex;
std::set<std::string>& building_now();
std::string normal(const std::string& path);
// Removes the files of saves that were killed while building (their process
// is gone, or nothing was written to them for an hour).
void remove_stale_building_files(const std::string& path);
// Opens `path` for writing (created if missing), refusing what is not a
// verbind store, newer, or read-only.
std::unique_ptr<Database> open_for_writing(const std::string& path);
// Opens `path` read-only (immutable in a folder this process cannot write).
std::unique_ptr<Database> open_for_reading(const std::string& path);
// Folds the WAL into the file and truncates it; false when a reader
// elsewhere kept the WAL.
bool checkpoint_and_shrink(Database& db);

inline std::string quote_key(std::string_view text) { return "'" + printable(text) + "'"; }


}  // namespace verbind::store_detail
