// The SQLite store: save(), load() and the Store. Schema and its versions:
// docs/store.md; the parts it is built from: store_parts.hpp.
#include "verbind/store/store.hpp"

#include "store_parts.hpp"

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

using store_detail::building_mutex;
using store_detail::building_now;
using store_detail::ChangeTracker;
using store_detail::checked_version;
using store_detail::checkpoint_and_shrink;
using store_detail::ContentSum;
using store_detail::corrupt;
using store_detail::Database;
using store_detail::folder_of;
using store_detail::join;
using store_detail::migrate;
using store_detail::normal;
using store_detail::open_for_reading;
using store_detail::open_for_writing;
using store_detail::printable;
using store_detail::quote_key;
using store_detail::read_network;
using store_detail::read_network_rows;
using store_detail::remove_stale_building_files;
using store_detail::replace_content;
using store_detail::seal;
using store_detail::Statement;
using store_detail::Transaction;
using store_detail::where;

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
