// A thin RAII layer over the SQLite C API, private to the store. Every
// failure becomes a verbind::io_error that names the file and says what went
// wrong in the user's terms (full disk, read-only place, corrupt file).
#pragma once

// The store keeps its checksum up to date through SQLite's preupdate hook
// (checksum.hpp); Debian's libsqlite3 is built with it.
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#  define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include "verbind/model/text.hpp"

#include <string>
#include <string_view>

namespace verbind::store_detail {

using verbind::printable;  // model/text.hpp

class Database;

class Statement {
public:
    Statement(Database& db, const char* sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);       // "" binds NULL
    Statement& bind_text(int index, std::string_view text);  // "" stays ""
    Statement& bind_null(int index);

    // One step: true when a row is ready, false when done.
    bool step();
    // Steps to the end (a statement without rows) and resets.
    void run();
    void reset();

    int type(int column) const;  // SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB or _NULL
    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;  // NULL reads as ""
    sqlite3_stmt* handle() const noexcept { return stmt_; }

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // flags: SQLITE_OPEN_* values. `uri`, when given, is what is opened
    // (a file: URI, with SQLITE_OPEN_URI); `path` is what messages name.
    Database(const std::string& path, int flags, const std::string& uri = {});
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(const char* sql);
    std::int64_t integer_pragma(const char* sql);
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }
    // True when SQLite opened the file read-only (asked to, or no permission).
    bool read_only() const noexcept { return sqlite3_db_readonly(db_, "main") == 1; }

    // Throws io_error for result code `rc` during `doing` ("saving", ...).
    [[noreturn]] void fail(int rc, std::string_view doing) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace verbind::store_detail
