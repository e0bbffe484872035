// A thin RAII layer over the SQLite C API, private to the store. Every
// failure becomes a verbind::io_error that names the file and says what went
// wrong in the user's terms (full disk, read-only place, corrupt file).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace verbind::store_detail {

class Database;

class Statement {
public:
    Statement(Database& db, const char* sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);  // "" binds NULL
    Statement& bind_text(int index, std::string_view text);  // "" stays ""
    Statement& bind_null(int index);

    // One step: true when a row is ready, false when done.
    bool step();
    // Steps to the end (a statement without rows) and resets.
    void run();
    void reset();

    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;  // NULL reads as ""

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // flags: SQLITE_OPEN_* values.
    Database(const std::string& path, int flags);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(const char* sql);
    std::int64_t integer_pragma(const char* sql);
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }

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
