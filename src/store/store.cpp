// The SQLite store. Schema and its versions: docs/store.md.
#include "verbind/store/store.hpp"

#include "sqlite.hpp"

#include "verbind/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>
#include <unordered_map>

namespace verbind {

using store_detail::Database;
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

// migrations[v] takes a file from version v to v + 1.
constexpr const char* migrations[] = {schema_v1, migrate_v1_to_v2};
static_assert(sizeof(migrations) / sizeof(migrations[0]) == store_schema_version);

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ';';
        out += item;
    }
    return out;
}

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

std::string where(const Database& db) { return "store '" + db.path() + "'"; }

// Reads user_version and refuses what this library cannot read. Returns
// the version (0: an empty file).
int checked_version(Database& db) {
    const auto version = db.integer_pragma("PRAGMA user_version");
    if (version > store_schema_version)
        throw io_error(where(db) + ": schema version " + std::to_string(version) +
                       " is newer than this verbind can read (" + std::to_string(store_schema_version) +
                       "); upgrade verbind");
    if (version < 0) throw io_error(where(db) + ": not a verbind store (schema version " + std::to_string(version) + ")");
    if (version == 0) {
        if (db.integer_pragma("SELECT count(*) FROM sqlite_master") != 0)
            throw io_error(where(db) + ": not a verbind store (a SQLite database with other tables)");
        return 0;
    }
    bool is_verbind = false;
    try {
        Statement format(db, "SELECT value FROM verbind_meta WHERE name = 'format'");
        is_verbind = format.step() && format.text(0) == "verbind";
    } catch (const io_error&) {
        is_verbind = false;
    }
    if (!is_verbind) throw io_error(where(db) + ": not a verbind store (no verbind_meta format row)");
    return static_cast<int>(version);
}

void configure_for_writing(Database& db) {
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA cache_size = -65536");
}

// Opens `path` for writing with the current schema: creates it, or
// migrates it forward in one transaction. A file that is not a verbind
// store, or is newer, is refused before anything is written to it.
std::unique_ptr<Database> open_for_writing(const std::string& path) {
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int version = checked_version(*db);
    configure_for_writing(*db);
    if (version == 0) db->exec("PRAGMA auto_vacuum = INCREMENTAL");  // only takes effect before the first table
    {
        Statement mode(*db, "PRAGMA journal_mode = WAL");
        if (!mode.step() || mode.text(0) != "wal") db->fail(SQLITE_CANTOPEN, "cannot switch to WAL mode");
    }
    if (version < store_schema_version) {
        Transaction migrate(*db);
        // Re-read inside the write lock: another process may have migrated.
        const int now = checked_version(*db);
        for (int v = now; v < store_schema_version; ++v) db->exec(migrations[v]);
        db->exec(("PRAGMA user_version = " + std::to_string(store_schema_version)).c_str());
        migrate.commit();
    }
    return db;
}

std::unique_ptr<Database> open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw io_error("store '" + path + "': no such file");
    if (std::filesystem::is_directory(path, ec)) throw io_error("store '" + path + "': is a folder, not a store file");
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READONLY);
    return db;
}

void write_network(Database& db, const Network& net) {
    {
        Statement insert(db,
                         "INSERT INTO actors(seq, key, type, kind, neighbourhood, municipality, talents, groups, "
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
        Statement insert(db, "INSERT INTO tie_kinds(id, name) VALUES (?1, ?2)");
        std::int64_t id = 0;
        for (const auto& kind : net.tie_kinds()) insert.bind(1, ++id).bind_text(2, kind).run();
    }
    {
        Statement insert(db, "INSERT INTO ties(seq, a, b, kind, since, until, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
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

// Rows that break the model's rules become a parse_error naming the row.
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
                          e.what());
    }
}

// Row seq -> dense id. Files written by save() number rows 1..n, so a
// vector serves; a Store's deletions leave gaps, and a hand-edited file may
// hold any seq, so large or negative ones go to a map.
class SeqIndex {
public:
    void add(std::int64_t seq, std::uint32_t id) {
        if (seq >= 0 && static_cast<std::uint64_t>(seq) < 4 * dense_.size() + 1024) {
            if (static_cast<std::size_t>(seq) >= dense_.size()) dense_.resize(static_cast<std::size_t>(seq) + 1, no_id);
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

Network read_network(Database& db, int version) {
    Network net;
    SeqIndex actor_of, event_of;
    auto actor_at = [&](std::int64_t seq, std::string_view field) -> ActorId {
        const ActorId id = actor_of.find(seq);
        if (id == no_id) throw input_error("field '" + std::string(field) + "': no actor with seq " + std::to_string(seq));
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
        net.reserve(rows("actors"), rows("ties"), rows("events"), rows("attendance"));
    }
    {
        Statement select(db, "SELECT seq, key, type, kind, neighbourhood, municipality, talents, groups, key_figure, "
                             "trained_on FROM actors ORDER BY seq");
        while (select.step()) {
            const auto seq = select.integer(0);
            row(db, "actors", seq, [&] {
                const auto type = select.text(2);
                ActorId id;
                if (type == "resident") {
                    ResidentInfo info;
                    info.neighbourhood = select.text(4);
                    info.municipality = select.text(5);
                    info.talents = split(select.text(6));
                    info.groups = split(select.text(7));
                    info.key_figure = select.integer(8) != 0;
                    info.trained_on = parse_optional_date(select.text(9), "field 'trained_on'");
                    id = net.add_resident(select.text(1), info);
                } else if (type == "organisation") {
                    OrganisationInfo info;
                    info.kind = select.text(3);
                    info.neighbourhood = select.text(4);
                    info.municipality = select.text(5);
                    info.talents = split(select.text(6));
                    id = net.add_organisation(select.text(1), info);
                } else {
                    throw input_error("field 'type': expected 'resident' or 'organisation', got '" +
                                      std::string(type) + "'");
                }
                actor_of.add(seq, id);
            });
        }
    }
    std::unordered_map<std::int64_t, std::string> kinds;
    {
        Statement select(db, "SELECT id, name FROM tie_kinds");
        while (select.step()) kinds.emplace(select.integer(0), std::string(select.text(1)));
    }
    {
        Statement select(db, "SELECT seq, a, b, kind, since, until, weight FROM ties ORDER BY seq");
        while (select.step()) {
            const auto seq = select.integer(0);
            row(db, "ties", seq, [&] {
                const auto kind = kinds.find(select.integer(3));
                if (kind == kinds.end()) throw input_error("field 'kind': no tie kind " + std::to_string(select.integer(3)));
                TieInfo info;
                info.since = parse_optional_date(select.text(4), "field 'since'");
                info.until = parse_optional_date(select.text(5), "field 'until'");
                info.weight = select.real(6);
                net.add_tie(actor_at(select.integer(1), "a"), actor_at(select.integer(2), "b"), kind->second, info);
            });
        }
    }
    {
        Statement select(db, "SELECT seq, key, date, kind, neighbourhood, municipality FROM events ORDER BY seq");
        while (select.step()) {
            const auto seq = select.integer(0);
            row(db, "events", seq, [&] {
                EventInfo info;
                info.date = parse_date(select.text(2), "field 'date'");
                info.kind = select.text(3);
                info.neighbourhood = select.text(4);
                info.municipality = select.text(5);
                event_of.add(seq, net.add_event(select.text(1), info));
            });
        }
    }
    {
        Statement select(db, "SELECT seq, event, actor FROM organisers ORDER BY seq");
        while (select.step()) {
            const auto seq = select.integer(0);
            row(db, "organisers", seq,
                [&] { net.add_organiser(event_key(select.integer(1)), actor_key(select.integer(2), "actor")); });
        }
    }
    {
        Statement select(db, "SELECT seq, event, actor, brought_by FROM attendance ORDER BY seq");
        while (select.step()) {
            const auto seq = select.integer(0);
            row(db, "attendance", seq, [&] {
                const std::string_view by =
                    select.is_null(3) ? std::string_view() : std::string_view(actor_key(select.integer(3), "brought_by"));
                net.attend(event_key(select.integer(1)), actor_key(select.integer(2), "actor"), by);
            });
        }
    }
    {
        Statement select(db, "SELECT name FROM sensitive_groups");
        while (select.step()) row(db, "sensitive_groups", 0, [&] { net.mark_sensitive(select.text(0)); });
    }
    if (version >= 2) {
        Statement events(db, "SELECT event FROM sensitive_events");
        while (events.step())
            row(db, "sensitive_events", events.integer(0), [&] { net.mark_sensitive_event(event_key(events.integer(0))); });
        Statement kinds_marked(db, "SELECT name FROM sensitive_tie_kinds");
        while (kinds_marked.step())
            row(db, "sensitive_tie_kinds", 0, [&] { net.mark_sensitive_tie_kind(kinds_marked.text(0)); });
    }
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
    const int again = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames, &moved);
    if (again == SQLITE_BUSY || again == SQLITE_LOCKED) return false;
    if (again != SQLITE_OK) db.fail(again, "cannot checkpoint the WAL");
    return true;
}

std::string quote_key(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

namespace {

// A file that does not exist yet has no readers and no WAL, so it is built
// beside its place without a journal (half the writes) and linked into
// place when complete: link() does not replace, so a file that appeared in
// the meantime is left alone (returns false; the caller then takes the
// transactional path). A crash leaves at most the "<path>.new-<pid>" file.
bool save_new_file(const Network& network, const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) || std::filesystem::exists(path + "-wal", ec)) return false;
    const std::string building = path + ".new-" + std::to_string(::getpid());
    auto cleanup = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((building + suffix).c_str());
    };
    cleanup();
    try {
        {
            Database db(building, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA auto_vacuum = INCREMENTAL; "
                    "PRAGMA cache_size = -65536");
            db.exec("BEGIN");
            for (int v = 0; v < store_schema_version; ++v) db.exec(migrations[v]);
            db.exec(("PRAGMA user_version = " + std::to_string(store_schema_version)).c_str());
            write_network(db, network);
            db.exec("COMMIT");
            Statement mode(db, "PRAGMA journal_mode = WAL");
            if (!mode.step() || mode.text(0) != "wal") db.fail(SQLITE_CANTOPEN, "cannot switch to WAL mode");
        }
        const int fd = ::open(building.c_str(), O_RDONLY);
        const bool synced = fd >= 0 && ::fsync(fd) == 0;
        if (fd >= 0) ::close(fd);
        if (!synced) throw io_error("store '" + path + "': cannot write: " + std::strerror(errno));
    } catch (...) {
        cleanup();
        throw;
    }
    if (::link(building.c_str(), path.c_str()) != 0) {
        const int why = errno;
        cleanup();
        if (why == EEXIST) return false;
        throw io_error("store '" + path + "': cannot create: " + std::strerror(why));
    }
    cleanup();
    const std::string folder = std::filesystem::path(path).parent_path().string();
    const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);  // the new name survives a power cut
        ::close(dir);
    }
    return true;
}

}  // namespace

void save(const Network& network, const std::string& path) {
    if (save_new_file(network, path)) return;
    auto db = open_for_writing(path);
    Transaction transaction(*db);
    clear_tables(*db);
    write_network(*db, network);
    transaction.commit();
    checkpoint_and_shrink(*db);  // best effort: a reader elsewhere may hold the WAL
}

Network load(const std::string& path) {
    auto db = open_for_reading(path);
    // One read transaction: a writer in another process commits either
    // before or after it, never in the middle.
    db->exec("BEGIN");
    const int version = checked_version(*db);
    if (version == 0) throw io_error(where(*db) + ": empty file, not a verbind store");
    Network net = read_network(*db, version);
    db->exec("COMMIT");
    return net;
}

// --- Store ---------------------------------------------------------------------

struct Store::Impl {
    std::unique_ptr<Database> db;
    Network network;
    bool broken = false;

    void check_usable() const {
        if (broken)
            throw io_error(where(*db) + ": the store could not be re-read after a failed write; open it again");
    }

    // Runs `write` (SQL) in one transaction after `apply` (memory) has
    // validated and applied the change. When the SQL fails, the file is
    // unchanged (rolled back) and the Network is re-read from it.
    template <class Apply, class Write>
    void change(Apply&& apply, Write&& write) {
        check_usable();
        apply();
        try {
            Transaction transaction(*db);
            write();
            transaction.commit();
        } catch (...) {
            try {
                db->exec("BEGIN");
                network = read_network(*db, store_schema_version);
                db->exec("COMMIT");
            } catch (...) {
                broken = true;
            }
            throw;
        }
    }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
    auto impl = std::make_unique<Impl>();
    impl->db = open_for_writing(path);
    impl->db->exec("BEGIN");
    impl->network = read_network(*impl->db, store_schema_version);
    impl->db->exec("COMMIT");
    return Store(std::move(impl));
}

const Network& Store::network() const { return impl_->network; }
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
                      Statement insert(db, "INSERT INTO ties(a, b, kind, since, until, weight) VALUES ("
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
                      Statement(*impl_->db, "INSERT INTO organisers(event, actor) VALUES ("
                                            "(SELECT seq FROM events WHERE key = ?1), (SELECT seq FROM actors WHERE key = ?2))")
                          .bind_text(1, event)
                          .bind_text(2, actor)
                          .run();
                  });
}

void Store::attend(std::string_view event, std::string_view actor, std::string_view brought_by) {
    impl_->change([&] { impl_->network.attend(event, actor, brought_by); },
                  [&] {
                      Statement(*impl_->db, "INSERT INTO attendance(event, actor, brought_by) VALUES ("
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
                          if (!find.step()) throw io_error(where(db) + ": actor " + quote_key(k) + " is in memory but not in the file");
                          seq = find.integer(0);
                      }
                      for (const char* sql : {"DELETE FROM ties WHERE a = ?1 OR b = ?1",
                                              "DELETE FROM organisers WHERE actor = ?1",
                                              "DELETE FROM attendance WHERE actor = ?1",
                                              "UPDATE attendance SET brought_by = NULL WHERE brought_by = ?1",
                                              "DELETE FROM actors WHERE seq = ?1"})
                          Statement(db, sql).bind(1, seq).run();
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
                          if (!find.step()) throw io_error(where(db) + ": event " + quote_key(k) + " is in memory but not in the file");
                          seq = find.integer(0);
                      }
                      for (const char* sql : {"DELETE FROM attendance WHERE event = ?1", "DELETE FROM organisers WHERE event = ?1",
                                              "DELETE FROM sensitive_events WHERE event = ?1", "DELETE FROM events WHERE seq = ?1"})
                          Statement(db, sql).bind(1, seq).run();
                  });
    compact();
}

void Store::replace(const Network& network) {
    impl_->check_usable();
    Network next = network;
    {
        Transaction transaction(*impl_->db);
        clear_tables(*impl_->db);
        write_network(*impl_->db, next);
        transaction.commit();
    }
    impl_->network = std::move(next);
    checkpoint_and_shrink(*impl_->db);
}

void Store::compact() {
    impl_->check_usable();
    if (!checkpoint_and_shrink(*impl_->db))
        throw io_error(where(*impl_->db) +
                       ": another connection is reading, so the WAL could not be truncated; the change is committed, "
                       "call compact() again when the reader is done");
}

}  // namespace verbind
