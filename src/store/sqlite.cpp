#include "sqlite.hpp"

#include "verbind/error.hpp"

namespace verbind::store_detail {

namespace {

std::string what_went_wrong(int rc) {
    switch (rc & 0xff) {
        case SQLITE_FULL: return "the disk (or the file's size limit) is full";
        case SQLITE_READONLY: return "the file or its folder is read-only";
        case SQLITE_CANTOPEN:
            return "cannot open or create the file (missing folder, read-only place, or no permission)";
        case SQLITE_PERM: return "no permission";
        case SQLITE_CORRUPT: return "the file is corrupt or truncated";
        case SQLITE_NOTADB: return "the file is not a SQLite database";
        case SQLITE_IOERR: return "input/output error";
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return "the file is locked by another connection";
        case SQLITE_NOMEM: return "out of memory";
        default: return sqlite3_errstr(rc);
    }
}

}  // namespace

Database::Database(const std::string& path, int flags, const std::string& uri) : path_(path) {
    const std::string& name = uri.empty() ? path : uri;
    const int rc = sqlite3_open_v2(name.c_str(), &db_,
                                   flags | SQLITE_OPEN_NOMUTEX | (uri.empty() ? 0 : SQLITE_OPEN_URI), nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw io_error("store '" + printable(path) + "': cannot open: " + what_went_wrong(rc));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int rc, std::string_view doing) const {
    std::string message = "store '" + printable(path_) + "': " + std::string(doing) + ": " + what_went_wrong(rc);
    const char* detail = db_ ? sqlite3_errmsg(db_) : nullptr;
    if (detail && what_went_wrong(rc) != detail && (rc & 0xff) != SQLITE_FULL)
        message += " (" + printable(detail) + ")";
    throw io_error(message);
}

void Database::exec(const char* sql) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot run the statement");
}

std::int64_t Database::integer_pragma(const char* sql) {
    Statement stmt(*this, sql);
    if (!stmt.step()) return 0;
    return stmt.integer(0);
}

Statement::Statement(Database& db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot read the schema");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_.fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_.fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (text.empty()) return bind_null(index);
    return bind_text(index, text);
}

Statement& Statement::bind_text(int index, std::string_view text) {
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_.fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_.fail(rc, "cannot bind a value");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_.fail(rc, "cannot read or write");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::type(int column) const { return sqlite3_column_type(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
std::string_view Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    const int rc = sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) db_.fail(rc, "cannot commit");
    open_ = false;
}

}  // namespace verbind::store_detail
