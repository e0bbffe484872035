// The SQLite store. Schema and its versions: docs/store.md.
#include "verbind/store/store.hpp"

#include "checksum.hpp"
#include "sqlite.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/text.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace verbind {

using store_detail::ChangeTracker;
using store_detail::ContentSum;
using store_detail::Database;
using store_detail::printable;
using store_detail::Statement;
using store_detail::Transaction;

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

std::string join(const std::vector<std::string>& items) { return verbind::join(items, ";"); }

std::vector<std::string> split(std::string_view text) {
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

// Clears the content tables and writes `net`, with its checksum, inside the
// caller's transaction. The checksum is summed from the rows as SQLite
// writes them (the preupdate hook), not from a second pass over the file.
void write_network(Database& db, const Network& net);
void clear_tables(Database& db);
void replace_content(Database& db, const Network& net) {
    clear_tables(db);
    ContentSum sum;
    sum.add_version(store_schema_version);
    {
        ChangeTracker tracker(db);
        write_network(db, net);
        sum.add(tracker.finish());
    }
    store_detail::store_checksum(db, sum);
}

void configure_for_writing(Database& db) {
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA cache_size = -65536");
}

std::string folder_of(const std::string& path) {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    return folder.empty() ? "." : folder;
}

// --- files a save builds beside the store -------------------------------------
//
// save() builds a new store as "<path>.new-<pid>-<n>" and links it into
// place (save_new_file). A process killed meanwhile leaves that file behind,
// with a whole Network in it. Opening the store for writing, and every
// erasure, removes the ones that are stale: their process is gone (or the
// file has not been written to for an hour, in case the pid was reused).
// Files this process is building right now are registered here and kept.

std::mutex building_mutex;
std::set<std::string>& building_now() {
    static std::set<std::string> names;
    return names;
}

std::string normal(const std::string& path) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    return (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
}

// Parses "<digits>[-<digits>][-wal|-shm|-journal]"; returns the pid and the
// length of the building file's own name part, or pid 0.
std::pair<long, std::size_t> parse_building_suffix(std::string_view rest) {
    std::size_t i = 0;
    long pid = 0;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && i < 10) pid = pid * 10 + (rest[i++] - '0');
    if (i == 0 || pid <= 0) return {0, 0};
    if (i + 1 < rest.size() && rest[i] == '-' && rest[i + 1] >= '0' && rest[i + 1] <= '9') {
        ++i;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    }
    const std::string_view suffix = rest.substr(i);
    if (suffix.empty() || suffix == "-wal" || suffix == "-shm" || suffix == "-journal") return {pid, i};
    return {0, 0};
}

bool process_alive(long pid) {
    if (pid == static_cast<long>(::getpid())) return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

void remove_stale_building_files(const std::string& path) {
    namespace fs = std::filesystem;
    const std::string name = fs::path(path).filename().string();
    if (name.empty()) return;
    const std::string prefix = name + ".new-";
    const std::string folder = folder_of(path);
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) return;
    std::vector<fs::path> stale;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string file = it->path().filename().string();
        if (file.compare(0, prefix.size(), prefix) != 0) continue;
        const auto [pid, length] = parse_building_suffix(std::string_view(file).substr(prefix.size()));
        if (pid == 0) continue;
        const std::string building =
            normal((fs::path(folder) / (prefix + file.substr(prefix.size(), length))).string());
        {
            std::lock_guard lock(building_mutex);
            if (building_now().count(building)) continue;
        }
        bool is_stale = pid == static_cast<long>(::getpid()) || !process_alive(pid);
        if (!is_stale) {
            std::error_code time_ec;
            const auto written = fs::last_write_time(it->path(), time_ec);
            is_stale = !time_ec && fs::file_time_type::clock::now() - written > std::chrono::hours(1);
        }
        if (is_stale) stale.push_back(it->path());
    }
    for (const auto& file : stale) fs::remove(file, ec);
}

// Opens `path` for writing (created if missing). A file that is not a
// verbind store, is newer, or cannot be written (a read-only file or
// folder) is refused before anything is written to it. Migration is the
// caller's, in its own transaction.
std::unique_ptr<Database> open_for_writing(const std::string& path) {
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (db->read_only())
        throw io_error(
            where(path) +
            ": the file is read-only (no write permission), so it can neither be saved to nor opened as a Store (load() reads it)");
    const int version = checked_version(*db);
    if (::access(folder_of(path).c_str(), W_OK) != 0)
        throw io_error(where(path) + ": its folder is read-only: a store in WAL mode needs to create '" +
                       printable(std::filesystem::path(path).filename().string()) +
                       "-wal' and '-shm' beside the file (load() can read it)");
    configure_for_writing(*db);
    if (version == 0) db->exec("PRAGMA auto_vacuum = INCREMENTAL");  // only takes effect before the first table
    {
        Statement mode(*db, "PRAGMA journal_mode = WAL");
        if (!mode.step() || mode.text(0) != "wal") db->fail(SQLITE_CANTOPEN, "cannot switch to WAL mode");
    }
    remove_stale_building_files(path);
    return db;
}

// "file:" URI of `path` (every byte outside the unreserved set as %XX).
std::string file_uri(const std::string& path, const char* query) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const unsigned char c : path) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
            c == '-' || c == '_' || c == '~') {
            uri.push_back(static_cast<char>(c));
        } else {
            uri.push_back('%');
            uri.push_back(hex[c >> 4]);
            uri.push_back(hex[c & 0xF]);
        }
    }
    return uri + "?" + query;
}

// Opens `path` read-only. A store in WAL mode is read through its "-shm"
// file, which SQLite creates beside it; in a folder this process cannot
// write, that fails, and the file is opened as immutable instead (nothing
// can be writing it there) -- unless a "-wal" with changes not yet in the
// file sits beside it, which only SQLite's shared memory could read safely.
std::unique_ptr<Database> open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw io_error(where(path) + ": no such file");
    if (std::filesystem::is_directory(path, ec)) throw io_error(where(path) + ": is a folder, not a store file");
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READONLY);
    const int rc = sqlite3_exec(db->handle(), "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return db;
    const int primary = rc & 0xff;
    const bool place_read_only = ::access(folder_of(path).c_str(), W_OK) != 0 || rc == SQLITE_READONLY_DIRECTORY;
    if (!(place_read_only && (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN))) db->fail(rc, "cannot read");
    const auto wal = std::filesystem::file_size(path + "-wal", ec);
    if (!ec && wal > 0)
        throw io_error(where(path) +
                       ": cannot read: its folder is read-only and its '-wal' file holds changes that are not yet in "
                       "the file; open it once where its folder is writable (or copy the file with its -wal)");
    db.reset();
    return std::make_unique<Database>(path, SQLITE_OPEN_READONLY, file_uri(path, "immutable=1"));
}

void write_network(Database& db, const Network& net) {
    {
        Statement insert(db, "INSERT INTO actors(seq, key, type, kind, neighbourhood, municipality, talents, groups, "
                             "key_figure, trained_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        std::int64_t seq = 0;
        for (const auto& actor : net.actors()) {
            insert.bind(1, ++seq)
                .bind_text(2, actor.key)
                .bind_text(3, to_string(actor.type))
                .bind(4, actor.kind)
                .bind(5, actor.neighbourhood)
                .bind(6, actor.municipality)
                .bind(7, join(actor.talents))
                .bind(8, join(actor.groups))
                .bind(9, std::int64_t{actor.key_figure})
                .bind(10, format_date(actor.trained_on));
            insert.run();
        }
    }
    {
        // Only the kinds some tie has: a kind whose last tie went (an erased
        // person's own kind of tie, say) is not written.
        std::vector<char> used(net.tie_kinds().size(), 0);
        for (const auto& tie : net.ties()) used[tie.kind] = 1;
        Statement insert(db, "INSERT INTO tie_kinds(id, name) VALUES (?1, ?2)");
        for (std::size_t k = 0; k < used.size(); ++k)
            if (used[k]) insert.bind(1, static_cast<std::int64_t>(k) + 1).bind_text(2, net.tie_kinds()[k]).run();
    }
    {
        Statement insert(
            db, "INSERT INTO ties(seq, a, b, kind, since, until, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        std::int64_t seq = 0;
        for (const auto& tie : net.ties()) {
            insert.bind(1, ++seq)
                .bind(2, std::int64_t{tie.a} + 1)
                .bind(3, std::int64_t{tie.b} + 1)
                .bind(4, std::int64_t{tie.kind} + 1)
                .bind(5, format_date(tie.since))
                .bind(6, format_date(tie.until))
                .bind(7, tie.weight);
            insert.run();
        }
    }
    {
        Statement insert(db, "INSERT INTO events(seq, key, date, kind, neighbourhood, municipality) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        Statement organiser(db, "INSERT INTO organisers(event, actor) VALUES (?1, ?2)");
        std::int64_t seq = 0;
        for (const auto& event : net.events()) {
            insert.bind(1, ++seq)
                .bind_text(2, event.key)
                .bind_text(3, format_date(event.date))
                .bind_text(4, event.kind)
                .bind(5, event.neighbourhood)
                .bind(6, event.municipality);
            insert.run();
            for (ActorId id : event.organisers) organiser.bind(1, seq).bind(2, std::int64_t{id} + 1).run();
        }
    }
    {
        Statement insert(db, "INSERT INTO attendance(seq, event, actor, brought_by) VALUES (?1, ?2, ?3, ?4)");
        std::int64_t seq = 0;
        for (const auto& record : net.attendance()) {
            insert.bind(1, ++seq).bind(2, std::int64_t{record.event} + 1).bind(3, std::int64_t{record.actor} + 1);
            if (record.brought_by == no_id)
                insert.bind_null(4);
            else
                insert.bind(4, std::int64_t{record.brought_by} + 1);
            insert.run();
        }
    }
    {
        Statement insert(db, "INSERT INTO sensitive_groups(name) VALUES (?1)");
        for (const auto& group : net.sensitive_groups()) insert.bind_text(1, group).run();
    }
    {
        Statement insert(db, "INSERT INTO sensitive_events(event) SELECT seq FROM events WHERE key = ?1");
        for (const auto& event : net.sensitive_events()) insert.bind_text(1, event).run();
    }
    {
        Statement insert(db, "INSERT INTO sensitive_tie_kinds(name) VALUES (?1)");
        for (const auto& kind : net.sensitive_tie_kinds()) insert.bind_text(1, kind).run();
    }
}

void clear_tables(Database& db) {
    db.exec("DELETE FROM actors; DELETE FROM tie_kinds; DELETE FROM ties; DELETE FROM events; "
            "DELETE FROM organisers; DELETE FROM attendance; DELETE FROM sensitive_groups; "
            "DELETE FROM sensitive_events; DELETE FROM sensitive_tie_kinds;");
}

// Rows that break the model's rules become a parse_error naming the table
// and row; no message carries a stored text's invalid bytes (printable).
template <class F>
void row(const Database& db, std::string_view table, std::int64_t seq, F&& body) {
    try {
        body();
    } catch (const cancelled_error&) {
        throw;
    } catch (const io_error&) {
        throw;
    } catch (const error& e) {
        throw parse_error(where(db) + ": table '" + std::string(table) + "' row " + std::to_string(seq) + ": " +
                          printable(e.what()));
    }
}

// The cells of the current row of `select`, each checked for the type its
// column holds: SQLite keeps whatever a program wrote (text in a REAL
// column, a blob in a TEXT one), and reading it as the wrong type would
// quietly turn 'abc' into 0.
class Cells {
public:
    explicit Cells(const Statement& select) : s_(select) {}

    std::int64_t integer(int column, std::string_view field) const {
        if (s_.type(column) != SQLITE_INTEGER) wrong(column, field, "an integer");
        return s_.integer(column);
    }
    std::optional<std::int64_t> optional_integer(int column, std::string_view field) const {
        if (s_.type(column) == SQLITE_NULL) return std::nullopt;
        return integer(column, field);
    }
    double number(int column, std::string_view field) const {
        const int type = s_.type(column);
        if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) wrong(column, field, "a number");
        return s_.real(column);
    }
    // Non-empty UTF-8 text.
    std::string_view text(int column, std::string_view field) const {
        if (s_.type(column) != SQLITE_TEXT) wrong(column, field, "text");
        return checked(column, field);
    }
    // NULL (or '') reads as "".
    std::string_view optional_text(int column, std::string_view field) const {
        const int type = s_.type(column);
        if (type == SQLITE_NULL) return {};
        if (type != SQLITE_TEXT) wrong(column, field, "text or NULL");
        return checked(column, field);
    }

private:
    std::string_view checked(int column, std::string_view field) const {
        const std::string_view value = s_.text(column);
        if (!is_valid_utf8(value))
            throw input_error("field '" + std::string(field) + "': is not valid UTF-8 ('" + printable(value) + "')");
        return value;
    }
    [[noreturn]] void wrong(int column, std::string_view field, std::string_view expected) const {
        std::string got;
        switch (s_.type(column)) {
            case SQLITE_NULL: got = "NULL"; break;
            case SQLITE_INTEGER: got = "the integer " + std::to_string(s_.integer(column)); break;
            case SQLITE_FLOAT: got = "the number " + std::to_string(s_.real(column)); break;
            case SQLITE_TEXT: {
                const std::string_view value = s_.text(column);
                got = "the text '" + printable(value.substr(0, 40)) + (value.size() > 40 ? "...'" : "'");
                break;
            }
            default: got = "a blob of " + std::to_string(s_.text(column).size()) + " bytes"; break;
        }
        throw input_error("field '" + std::string(field) + "': expected " + std::string(expected) + ", got " + got);
    }
    const Statement& s_;
};

// Row seq -> dense id. Files written by save() number rows 1..n, so a
// vector serves; a Store's deletions leave gaps, and a hand-edited file may
// hold any seq, so large or negative ones go to a map.
class SeqIndex {
public:
    void add(std::int64_t seq, std::uint32_t id) {
        if (seq >= 0 && static_cast<std::uint64_t>(seq) < 4 * dense_.size() + 1024) {
            if (static_cast<std::size_t>(seq) >= dense_.size())
                dense_.resize(static_cast<std::size_t>(seq) + 1, no_id);
            dense_[static_cast<std::size_t>(seq)] = id;
        } else {
            sparse_.emplace(seq, id);
        }
    }
    std::uint32_t find(std::int64_t seq) const {
        if (seq >= 0 && static_cast<std::uint64_t>(seq) < dense_.size()) return dense_[static_cast<std::size_t>(seq)];
        const auto it = sparse_.find(seq);
        return it == sparse_.end() ? no_id : it->second;
    }

private:
    std::vector<std::uint32_t> dense_;
    std::unordered_map<std::int64_t, std::uint32_t> sparse_;
};

Network read_network_rows(Database& db, int version, ContentSum* sum, Progress* progress = nullptr);

// Reads the Network, checking the content against the checksum when the
// file has one. Every row is hashed as it is read, before it is
// interpreted; when a row breaks the model's rules, the checksum of the
// whole content is computed first, so damage is reported as damage (a
// "corrupt" io_error), not as the misleading complaint of a damaged row.
Network read_network(Database& db, int version, Progress* progress = nullptr) {
    const auto expected = expected_checksum(db, version);
    if (!expected) return read_network_rows(db, version, nullptr, progress);
    ContentSum sum;
    sum.add_version(version);
    Network net;
    try {
        net = read_network_rows(db, version, &sum, progress);
    } catch (const parse_error&) {
        if (store_detail::content_sum(db, version) != *expected) mismatch(db);
        throw;
    }
    if (sum != *expected) mismatch(db);
    return net;
}

// Progress (when given) is the fraction of the rows read, against the
// rows counted before reading; it may cancel (cancelled_error) at any row.
Network read_network_rows(Database& db, int version, ContentSum* sum, Progress* progress) {
    std::size_t rows_total = 0, rows_read = 0;
    auto tick = [&] {
        if (progress != nullptr && (++rows_read & 1023u) == 0 && rows_total > 0)
            progress->report(static_cast<double>(rows_read) / static_cast<double>(rows_total));
    };
    // Adds the current row of `select` (columns from `first` on, in the
    // table's schema order) to the checksum; before any cell is read as a
    // type, which could convert it. Every row of every table passes here
    // first: it counts the row for progress too.
    auto hash = [&](const Statement& select, const char* table, int first = 0) {
        tick();
        if (sum == nullptr) return;
        const auto* spec = store_detail::find_content_table(table);
        std::array<sqlite3_value*, 16> values{};
        for (std::size_t i = 0; i < spec->columns.size(); ++i)
            values[i] = sqlite3_column_value(select.handle(), first + static_cast<int>(i));
        sum->add_row(*spec, std::span<sqlite3_value* const>(values.data(), spec->columns.size()));
    };
    Network net;
    SeqIndex actor_of, event_of;
    auto actor_at = [&](std::int64_t seq, std::string_view field) -> ActorId {
        const ActorId id = actor_of.find(seq);
        if (id == no_id)
            throw input_error("field '" + std::string(field) + "': no actor with seq " + std::to_string(seq));
        return id;
    };
    auto actor_key = [&](std::int64_t seq, std::string_view field) -> const std::string& {
        return net.actor(actor_at(seq, field)).key;
    };
    auto event_key = [&](std::int64_t seq) -> const std::string& {
        const EventId id = event_of.find(seq);
        if (id == no_id) throw input_error("field 'event': no event with seq " + std::to_string(seq));
        return net.event(id).key;
    };
    {
        auto rows = [&](const char* table) -> std::size_t {
            Statement count(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str());
            return count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
        };
        const std::size_t actors = rows("actors"), ties = rows("ties"), events = rows("events"),
                          attendance = rows("attendance");
        net.reserve(actors, ties, events, attendance);
        if (progress != nullptr) {
            // Every row that passes `hash` below, so that 1 is the end.
            rows_total = actors + ties + events + attendance + rows("organisers") + rows("tie_kinds") +
                         rows("sensitive_groups") +
                         (version >= 2 ? rows("sensitive_events") + rows("sensitive_tie_kinds") : 0);
            progress->report(0.0);
        }
    }
    {
        Statement select(db, "SELECT seq, key, type, kind, neighbourhood, municipality, talents, groups, key_figure, "
                             "trained_on FROM actors ORDER BY seq");
        while (select.step()) {
            hash(select, "actors");
            const auto seq = select.integer(0);
            row(db, "actors", seq, [&] {
                const Cells cell(select);
                const auto key = cell.text(1, "key");
                const auto type = cell.text(2, "type");
                const auto key_figure = cell.integer(8, "key_figure");
                if (key_figure != 0 && key_figure != 1)
                    throw input_error("field 'key_figure': expected 0 or 1, got " + std::to_string(key_figure));
                ActorId id;
                if (type == "resident") {
                    if (!cell.optional_text(3, "kind").empty())
                        throw input_error("resident '" + std::string(key) + "' field 'kind': a resident has no kind");
                    ResidentInfo info;
                    info.neighbourhood = cell.optional_text(4, "neighbourhood");
                    info.municipality = cell.optional_text(5, "municipality");
                    info.talents = split(cell.optional_text(6, "talents"));
                    info.groups = split(cell.optional_text(7, "groups"));
                    info.key_figure = key_figure == 1;
                    info.trained_on = parse_optional_date(cell.optional_text(9, "trained_on"), "field 'trained_on'");
                    id = net.add_resident(key, info);
                } else if (type == "organisation") {
                    // What only a resident has is refused, as Network::add_organisation
                    // would (it has no such fields), rather than dropped.
                    auto resident_only = [&](std::string_view field, std::string_view what) {
                        throw input_error("organisation '" + std::string(key) + "' field '" + std::string(field) +
                                          "': " + std::string(what));
                    };
                    if (key_figure != 0)
                        resident_only("key_figure", "an organisation cannot be a key figure (got 1)");
                    if (!cell.optional_text(7, "groups").empty())
                        resident_only("groups", "an organisation has no declared groups");
                    if (!cell.optional_text(9, "trained_on").empty())
                        resident_only("trained_on", "an organisation has no training date");
                    OrganisationInfo info;
                    info.kind = cell.optional_text(3, "kind");
                    info.neighbourhood = cell.optional_text(4, "neighbourhood");
                    info.municipality = cell.optional_text(5, "municipality");
                    info.talents = split(cell.optional_text(6, "talents"));
                    id = net.add_organisation(key, info);
                } else {
                    throw input_error("field 'type': expected 'resident' or 'organisation', got '" + printable(type) +
                                      "'");
                }
                actor_of.add(seq, id);
            });
        }
    }
    std::unordered_map<std::int64_t, std::string> kinds;
    {
        Statement select(db, "SELECT id, name FROM tie_kinds");
        while (select.step()) {
            hash(select, "tie_kinds");
            const auto id = select.integer(0);
            row(db, "tie_kinds", id, [&] { kinds.emplace(id, std::string(Cells(select).text(1, "name"))); });
        }
    }
    {
        Statement select(db, "SELECT seq, a, b, kind, since, until, weight FROM ties ORDER BY seq");
        while (select.step()) {
            hash(select, "ties");
            const auto seq = select.integer(0);
            row(db, "ties", seq, [&] {
                const Cells cell(select);
                const auto kind_id = cell.integer(3, "kind");
                const auto kind = kinds.find(kind_id);
                if (kind == kinds.end()) throw input_error("field 'kind': no tie kind " + std::to_string(kind_id));
                TieInfo info;
                info.since = parse_optional_date(cell.optional_text(4, "since"), "field 'since'");
                info.until = parse_optional_date(cell.optional_text(5, "until"), "field 'until'");
                info.weight = cell.number(6, "weight");
                net.add_tie(actor_at(cell.integer(1, "a"), "a"), actor_at(cell.integer(2, "b"), "b"), kind->second,
                            info);
            });
        }
    }
    {
        Statement select(db, "SELECT seq, key, date, kind, neighbourhood, municipality FROM events ORDER BY seq");
        while (select.step()) {
            hash(select, "events");
            const auto seq = select.integer(0);
            row(db, "events", seq, [&] {
                const Cells cell(select);
                EventInfo info;
                info.date = parse_date(cell.text(2, "date"), "field 'date'");
                info.kind = cell.text(3, "kind");
                info.neighbourhood = cell.optional_text(4, "neighbourhood");
                info.municipality = cell.optional_text(5, "municipality");
                event_of.add(seq, net.add_event(cell.text(1, "key"), info));
            });
        }
    }
    {
        Statement select(db, "SELECT seq, event, actor FROM organisers ORDER BY seq");
        while (select.step()) {
            hash(select, "organisers");
            const auto seq = select.integer(0);
            row(db, "organisers", seq, [&] {
                const Cells cell(select);
                net.add_organiser(event_key(cell.integer(1, "event")), actor_key(cell.integer(2, "actor"), "actor"));
            });
        }
    }
    {
        Statement select(db, "SELECT seq, event, actor, brought_by FROM attendance ORDER BY seq");
        while (select.step()) {
            hash(select, "attendance");
            const auto seq = select.integer(0);
            row(db, "attendance", seq, [&] {
                const Cells cell(select);
                const auto by_seq = cell.optional_integer(3, "brought_by");
                const std::string_view by =
                    by_seq ? std::string_view(actor_key(*by_seq, "brought_by")) : std::string_view();
                net.attend(event_key(cell.integer(1, "event")), actor_key(cell.integer(2, "actor"), "actor"), by);
            });
        }
    }
    {
        Statement select(db, "SELECT rowid, name FROM sensitive_groups ORDER BY rowid");
        while (select.step()) {
            hash(select, "sensitive_groups", 1);
            row(db, "sensitive_groups", select.integer(0),
                [&] { net.mark_sensitive(Cells(select).text(1, "name")); });
        }
    }
    if (version >= 2) {
        Statement events(db, "SELECT event FROM sensitive_events ORDER BY event");
        while (events.step()) {
            hash(events, "sensitive_events");
            row(db, "sensitive_events", events.integer(0),
                [&] { net.mark_sensitive_event(event_key(events.integer(0))); });
        }
        Statement kinds_marked(db, "SELECT rowid, name FROM sensitive_tie_kinds ORDER BY rowid");
        while (kinds_marked.step()) {
            hash(kinds_marked, "sensitive_tie_kinds", 1);
            row(db, "sensitive_tie_kinds", kinds_marked.integer(0),
                [&] { net.mark_sensitive_tie_kind(Cells(kinds_marked).text(1, "name")); });
        }
    }
    if (progress != nullptr) progress->report(1.0);
    return net;
}

// Folds the WAL into the file and truncates it, then hands free pages back
// to the file system. Returns false when a reader elsewhere kept the WAL.
bool checkpoint_and_shrink(Database& db) {
    int wal_frames = 0, moved = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames, &moved);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return false;
    if (rc != SQLITE_OK) db.fail(rc, "cannot checkpoint the WAL");
    db.exec("PRAGMA incremental_vacuum");
    const int again =
        sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames, &moved);
    if (again == SQLITE_BUSY || again == SQLITE_LOCKED) return false;
    if (again != SQLITE_OK) db.fail(again, "cannot checkpoint the WAL");
    return true;
}

std::string quote_key(std::string_view text) { return "'" + printable(text) + "'"; }

}  // namespace

namespace {

// A file that does not exist yet has no readers and no WAL, so it is built
// beside its place without a journal (half the writes) and linked into
// place when complete: link() does not replace, so a file that appeared in
// the meantime is left alone (returns false; the caller then takes the
// transactional path). A crash leaves at most the "<path>.new-<pid>-<n>"
// file, which the next open for writing or erasure removes.
bool save_new_file(const Network& network, const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) || std::filesystem::exists(path + "-wal", ec)) return false;
    static std::atomic<unsigned long> counter{0};
    const std::string building = path + ".new-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const std::string registered = normal(building);
    {
        std::lock_guard lock(building_mutex);
        building_now().insert(registered);
    }
    auto cleanup = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((building + suffix).c_str());
    };
    auto done = [&] {
        cleanup();
        std::lock_guard lock(building_mutex);
        building_now().erase(registered);
    };
    cleanup();
    try {
        {
            Database db(building, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA auto_vacuum = INCREMENTAL; "
                    "PRAGMA cache_size = -65536");
            db.exec("BEGIN");
            migrate(db, 0);
            replace_content(db, network);
            db.exec("COMMIT");
            Statement mode(db, "PRAGMA journal_mode = WAL");
            if (!mode.step() || mode.text(0) != "wal") db.fail(SQLITE_CANTOPEN, "cannot switch to WAL mode");
        }
        const int fd = ::open(building.c_str(), O_RDONLY);
        const bool synced = fd >= 0 && ::fsync(fd) == 0;
        if (fd >= 0) ::close(fd);
        if (!synced) throw io_error(where(path) + ": cannot write: " + std::strerror(errno));
    } catch (...) {
        done();
        throw;
    }
    if (::link(building.c_str(), path.c_str()) != 0) {
        const int why = errno;
        done();
        if (why == EEXIST) return false;
        throw io_error(where(path) + ": cannot create: " + std::strerror(why));
    }
    done();
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);  // the new name survives a power cut
        ::close(dir);
    }
    return true;
}

}  // namespace

void save(const Network& network, const std::string& path) {
    files::check_path(path);  // a NUL would silently cut the name the OS sees
    if (save_new_file(network, path)) return;
    auto db = open_for_writing(path);
    Transaction transaction(*db);
    const int version = checked_version(*db);  // again, inside the write lock
    if (version < store_schema_version) migrate(*db, version);
    replace_content(*db, network);
    transaction.commit();
    checkpoint_and_shrink(*db);  // best effort: a reader elsewhere may hold the WAL
}

Network load(const std::string& path, const ProgressCallback& progress_callback) {
    files::check_path(path);
    Progress progress(progress_callback);
    auto db = open_for_reading(path);
    // One read transaction: a writer in another process commits either
    // before or after it, never in the middle.
    db->exec("BEGIN");
    const int version = checked_version(*db);
    if (version == 0) throw io_error(where(*db) + ": empty file, not a verbind store");
    Network net =
        read_network(*db, version, progress.active() ? &progress : nullptr);  // verified against the checksum
    db->exec("COMMIT");
    return net;
}

// --- Store ---------------------------------------------------------------------

struct Store::Impl {
    std::unique_ptr<Database> db;
    Network network;
    bool broken = false;
    // PRAGMA data_version when `network` was last read or written: another
    // connection's commit (a second Store, a save, another process) changes
    // it, this connection's own do not.
    std::int64_t seen_version = 0;

    void check_usable() const {
        if (broken)
            throw io_error(where(*db) + ": the store could not be re-read after a failed write or another "
                                        "writer's change; open it again");
    }

    std::int64_t data_version() { return db->integer_pragma("PRAGMA data_version"); }

    // Inside a transaction: the file's Network, its checksum verified.
    Network read_verified(Progress* progress = nullptr) { return read_network(*db, checked_version(*db), progress); }

    // Picks up what another connection committed since this Store last
    // looked, inside the caller's transaction.
    void catch_up() {
        const auto now = data_version();
        if (now == seen_version) return;
        try {
            network = read_verified();
        } catch (...) {
            broken = true;
            throw;
        }
        seen_version = now;
    }

    // The same, outside a transaction (for reads).
    void refresh() {
        check_usable();
        if (data_version() == seen_version) return;
        db->exec("BEGIN");
        try {
            catch_up();
        } catch (...) {
            sqlite3_exec(db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        db->exec("COMMIT");
    }

    // In one write transaction: catches up with other writers, then `apply`
    // (memory) validates and applies the change, `write` (SQL) writes it, and
    // the checksum moves by exactly the rows `write` changed. When the SQL
    // fails, the file is unchanged (rolled back) and the Network is re-read
    // from it.
    template <class Apply, class Write>
    void change(Apply&& apply, Write&& write) {
        check_usable();
        bool applied = false;
        try {
            Transaction transaction(*db);
            catch_up();
            apply();
            applied = true;
            ContentSum delta;
            {
                ChangeTracker tracker(*db);
                write();
                delta = tracker.finish();
            }
            const auto stored = store_detail::stored_checksum(*db);
            auto sum = stored ? ContentSum::parse(*stored) : std::nullopt;
            if (!sum) corrupt(*db, "its checksum is missing or unreadable");
            sum->add(delta);
            store_detail::store_checksum(*db, *sum);
            transaction.commit();
        } catch (...) {
            if (applied) {
                try {
                    db->exec("BEGIN");
                    network = read_network(*db, checked_version(*db));
                    seen_version = data_version();
                    db->exec("COMMIT");
                } catch (...) {
                    broken = true;
                }
            }
            throw;
        }
    }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path, const ProgressCallback& progress_callback) {
    files::check_path(path);
    Progress progress(progress_callback);
    Progress* reporting = progress.active() ? &progress : nullptr;
    auto impl = std::make_unique<Impl>();
    impl->db = open_for_writing(path);
    Database& db = *impl->db;
    if (checked_version(db) < store_schema_version) {
        // Migrate, read and check the content, and seal it, in one
        // transaction: a file whose rows break the rules is left as it was.
        Transaction transaction(db);
        const int version = checked_version(db);
        if (version > 0) expected_checksum(db, version);  // an old version with a checksum is damage
        if (version < store_schema_version) {
            migrate(db, version);
            impl->network = read_network_rows(db, store_schema_version, nullptr, reporting);
            seal(db);
        } else {
            impl->network = impl->read_verified(reporting);
        }
        impl->seen_version = impl->data_version();
        transaction.commit();
    } else {
        db.exec("BEGIN");
        impl->network = impl->read_verified(reporting);
        impl->seen_version = impl->data_version();
        db.exec("COMMIT");
    }
    return Store(std::move(impl));
}

const Network& Store::network() const {
    impl_->refresh();
    return impl_->network;
}
const std::string& Store::path() const { return impl_->db->path(); }
ActorId Store::add_resident(std::string_view key, const ResidentInfo& info) {
    ActorId id = no_id;
    impl_->change([&] { id = impl_->network.add_resident(key, info); },
                  [&] {
                      const Actor& actor = impl_->network.actor(id);
                      Statement insert(*impl_->db,
                                       "INSERT INTO actors(key, type, neighbourhood, municipality, talents, groups, "
                                       "key_figure, trained_on) VALUES (?1, 'resident', ?2, ?3, ?4, ?5, ?6, ?7)");
                      insert.bind_text(1, actor.key)
                          .bind(2, actor.neighbourhood)
                          .bind(3, actor.municipality)
                          .bind(4, join(actor.talents))
                          .bind(5, join(actor.groups))
                          .bind(6, std::int64_t{actor.key_figure})
                          .bind(7, format_date(actor.trained_on))
                          .run();
                  });
    return id;
}

ActorId Store::add_organisation(std::string_view key, const OrganisationInfo& info) {
    ActorId id = no_id;
    impl_->change([&] { id = impl_->network.add_organisation(key, info); },
                  [&] {
                      const Actor& actor = impl_->network.actor(id);
                      Statement insert(*impl_->db,
                                       "INSERT INTO actors(key, type, kind, neighbourhood, municipality, talents) "
                                       "VALUES (?1, 'organisation', ?2, ?3, ?4, ?5)");
                      insert.bind_text(1, actor.key)
                          .bind(2, actor.kind)
                          .bind(3, actor.neighbourhood)
                          .bind(4, actor.municipality)
                          .bind(5, join(actor.talents))
                          .run();
                  });
    return id;
}

void Store::add_tie(std::string_view a, std::string_view b, std::string_view kind, const TieInfo& info) {
    impl_->change([&] { impl_->network.add_tie(a, b, kind, info); },
                  [&] {
                      Database& db = *impl_->db;
                      Statement(db, "INSERT OR IGNORE INTO tie_kinds(name) VALUES (?1)").bind_text(1, kind).run();
                      Statement insert(
                          db, "INSERT INTO ties(a, b, kind, since, until, weight) VALUES ("
                              "(SELECT seq FROM actors WHERE key = ?1), (SELECT seq FROM actors WHERE key = ?2), "
                              "(SELECT id FROM tie_kinds WHERE name = ?3), ?4, ?5, ?6)");
                      insert.bind_text(1, a)
                          .bind_text(2, b)
                          .bind_text(3, kind)
                          .bind(4, format_date(info.since))
                          .bind(5, format_date(info.until))
                          .bind(6, info.weight)
                          .run();
                  });
}

EventId Store::add_event(std::string_view key, const EventInfo& info) {
    EventId id = no_id;
    impl_->change([&] { id = impl_->network.add_event(key, info); },
                  [&] {
                      Database& db = *impl_->db;
                      const Event& event = impl_->network.event(id);
                      Statement insert(db, "INSERT INTO events(key, date, kind, neighbourhood, municipality) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5)");
                      insert.bind_text(1, event.key)
                          .bind_text(2, format_date(event.date))
                          .bind_text(3, event.kind)
                          .bind(4, event.neighbourhood)
                          .bind(5, event.municipality)
                          .run();
                      const auto seq = sqlite3_last_insert_rowid(db.handle());
                      Statement organiser(db, "INSERT INTO organisers(event, actor) "
                                              "VALUES (?1, (SELECT seq FROM actors WHERE key = ?2))");
                      for (ActorId actor : event.organisers)
                          organiser.bind(1, std::int64_t{seq}).bind_text(2, impl_->network.actor(actor).key).run();
                  });
    return id;
}

void Store::add_organiser(std::string_view event, std::string_view actor) {
    impl_->change([&] { impl_->network.add_organiser(event, actor); },
                  [&] {
                      Statement(*impl_->db,
                                "INSERT INTO organisers(event, actor) VALUES ("
                                "(SELECT seq FROM events WHERE key = ?1), (SELECT seq FROM actors WHERE key = ?2))")
                          .bind_text(1, event)
                          .bind_text(2, actor)
                          .run();
                  });
}

void Store::attend(std::string_view event, std::string_view actor, std::string_view brought_by) {
    impl_->change([&] { impl_->network.attend(event, actor, brought_by); },
                  [&] {
                      Statement(*impl_->db,
                                "INSERT INTO attendance(event, actor, brought_by) VALUES ("
                                "(SELECT seq FROM events WHERE key = ?1), (SELECT seq FROM actors WHERE key = ?2), "
                                "(SELECT seq FROM actors WHERE key = ?3))")
                          .bind_text(1, event)
                          .bind_text(2, actor)
                          .bind(3, brought_by)
                          .run();
                  });
}

void Store::mark_sensitive(std::string_view group) {
    impl_->change([&] { impl_->network.mark_sensitive(group); },
                  [&] {
                      Statement(*impl_->db, "INSERT OR IGNORE INTO sensitive_groups(name) VALUES (?1)")
                          .bind_text(1, group)
                          .run();
                  });
}

void Store::mark_sensitive_event(std::string_view event) {
    impl_->change([&] { impl_->network.mark_sensitive_event(event); },
                  [&] {
                      Statement(*impl_->db, "INSERT OR IGNORE INTO sensitive_events(event) "
                                            "SELECT seq FROM events WHERE key = ?1")
                          .bind_text(1, event)
                          .run();
                  });
}

void Store::mark_sensitive_tie_kind(std::string_view kind) {
    impl_->change([&] { impl_->network.mark_sensitive_tie_kind(kind); },
                  [&] {
                      Statement(*impl_->db, "INSERT OR IGNORE INTO sensitive_tie_kinds(name) VALUES (?1)")
                          .bind_text(1, kind)
                          .run();
                  });
}

void Store::remove(std::string_view key) {
    const std::string k(key);
    impl_->change([&] { impl_->network.remove(k); },
                  [&] {
                      Database& db = *impl_->db;
                      std::int64_t seq = 0;
                      {
                          Statement find(db, "SELECT seq FROM actors WHERE key = ?1");
                          find.bind_text(1, k);
                          if (!find.step())
                              throw io_error(where(db) + ": actor " + quote_key(k) +
                                             " is in memory but not in the file");
                          seq = find.integer(0);
                      }
                      for (const char* sql :
                           {"DELETE FROM ties WHERE a = ?1 OR b = ?1", "DELETE FROM organisers WHERE actor = ?1",
                            "DELETE FROM attendance WHERE actor = ?1",
                            "UPDATE attendance SET brought_by = NULL WHERE brought_by = ?1",
                            "DELETE FROM actors WHERE seq = ?1"})
                          Statement(db, sql).bind(1, seq).run();
                      // A tie kind only this person had goes with them (it may say
                      // something about them); the kinds are a lookup table.
                      db.exec("DELETE FROM tie_kinds WHERE id NOT IN (SELECT DISTINCT kind FROM ties)");
                  });
    compact();
}

void Store::remove_event(std::string_view key) {
    const std::string k(key);
    impl_->change([&] { impl_->network.remove_event(k); },
                  [&] {
                      Database& db = *impl_->db;
                      std::int64_t seq = 0;
                      {
                          Statement find(db, "SELECT seq FROM events WHERE key = ?1");
                          find.bind_text(1, k);
                          if (!find.step())
                              throw io_error(where(db) + ": event " + quote_key(k) +
                                             " is in memory but not in the file");
                          seq = find.integer(0);
                      }
                      for (const char* sql :
                           {"DELETE FROM attendance WHERE event = ?1", "DELETE FROM organisers WHERE event = ?1",
                            "DELETE FROM sensitive_events WHERE event = ?1", "DELETE FROM events WHERE seq = ?1"})
                          Statement(db, sql).bind(1, seq).run();
                  });
    compact();
}

void Store::replace(const Network& network) {
    impl_->check_usable();
    Network next = network;
    std::int64_t version = 0;
    {
        Transaction transaction(*impl_->db);
        replace_content(*impl_->db, next);
        version = impl_->data_version();
        transaction.commit();
    }
    impl_->network = std::move(next);
    impl_->seen_version = version;
    checkpoint_and_shrink(*impl_->db);
}

void Store::compact() {
    impl_->check_usable();
    remove_stale_building_files(impl_->db->path());  // a crashed save's copy holds the erased too
    if (!checkpoint_and_shrink(*impl_->db))
        throw io_error(where(*impl_->db) +
                       ": another connection is reading, so the WAL could not be truncated; the change is committed, "
                       "call compact() again when the reader is done");
}

}  // namespace verbind
