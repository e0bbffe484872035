// Durable storage of a Network in one SQLite file (the embedded default).
//
// save/load write and read a whole Network, each in one transaction. A Store
// is what a long-running app keeps open: it holds the Network in memory and
// writes every change through to the file as one small transaction (adding
// a tie inserts one row; it does not rewrite the file).
//
// The file is in WAL mode with synchronous=FULL: a committed change survives
// a crash of the process (and of the machine), readers in other processes
// see either the state before a transaction or after it, never a mix.
// The schema is versioned with PRAGMA user_version and documented in
// docs/store.md; older files are migrated forward when opened for writing.
//
// Checksum (schema version 3 on): every write stores, in its transaction, a
// BLAKE2b checksum of the logical content (the rows of every table, see
// docs/store.md); load and Store::open verify it before reading any row, so
// a damaged file is refused as corrupt, never read as other data. Files of
// versions 1 and 2 have none and are read unverified (every row checked).
//
// Erasure: the file runs with secure_delete, so deleted rows are overwritten
// with zeros; Store::remove also drops the tie kinds no tie has any more and
// the stale "<path>.new-<pid>-<n>" files a killed save left, then
// checkpoints and truncates the WAL and returns freed pages to the file
// system (incremental vacuum), so an erased key and its attributes cannot be
// found in the bytes of any file beside the store.
//
// Errors: io_error for a file that cannot be opened, created, read or
// written (read-only file or folder when writing, full disk, corrupt or
// truncated file, a checksum that does not match, a file from a newer
// schema, a file that is not a verbind store), parse_error when the rows of
// a file without checksum break the model's rules or have the wrong type.
// Messages show stored text and paths with invalid bytes escaped (\xNN).
// After any error the in-memory Network and the file are as they were
// before the call.
#pragma once

#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace verbind {

// The schema version this library writes (PRAGMA user_version).
inline constexpr int store_schema_version = 3;

// Writes `network` to the SQLite file at `path` (created if missing; an
// existing verbind store is replaced) in one transaction. Everything is
// stored, special-category data included: the store is the library's own
// memory, not an export.
void save(const Network& network, const std::string& path);

// Reads a Network from a SQLite file written by save or a Store. The file
// is not changed (an older schema is read as it is, without migrating). A
// store in a folder this process cannot write is read as immutable.
// `progress` (may be empty) is called from this thread with the fraction of
// the rows read; returning false cancels: cancelled_error, nothing is read.
Network load(const std::string& path, const ProgressCallback& progress = {});

class Store {
public:
    // Opens (or creates) the store at `path` and reads its Network. An
    // older schema is migrated forward first, in one transaction (its rows
    // checked before the checksum is written). A file or folder this
    // process cannot write is refused here (io_error), not at the first
    // change. `progress` as for load; a cancelled open leaves the file as it
    // was (a migration is rolled back).
    static Store open(const std::string& path, const ProgressCallback& progress = {});

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The stored Network. Another connection's committed changes (a second
    // Store, a save, another process) are read in first, here and before
    // every change: a Store never writes from a stale view.
    const Network& network() const;
    const std::string& path() const;

    // Mirror Network's: validate, write one transaction, then change the
    // in-memory Network. On any error neither changes.
    ActorId add_resident(std::string_view key, const ResidentInfo& info = {});
    ActorId add_organisation(std::string_view key, const OrganisationInfo& info);
    void add_tie(std::string_view a, std::string_view b, std::string_view kind = "knows", const TieInfo& info = {});
    EventId add_event(std::string_view key, const EventInfo& info);
    void add_organiser(std::string_view event, std::string_view actor);
    void attend(std::string_view event, std::string_view actor, std::string_view brought_by = {});
    void mark_sensitive(std::string_view group);
    void mark_sensitive_event(std::string_view event);
    void mark_sensitive_tie_kind(std::string_view kind);

    // Erasure (GDPR art. 17): removes the actor with their ties, organiser
    // entries and attendance, then compacts so that no byte of them is left
    // in the file or its WAL.
    void remove(std::string_view key);
    void remove_event(std::string_view key);

    // Replaces the stored Network with `network`, in one transaction.
    void replace(const Network& network);

    // Moves the WAL into the database file, truncates the WAL and returns
    // free pages to the file system. remove() calls it; throws io_error when
    // another process's open read transaction keeps the WAL from being
    // truncated (the erasure itself is committed; call compact again later).
    void compact();

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace verbind
