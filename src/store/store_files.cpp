// The store's files: opening one for writing (WAL mode) or reading, the
// files a save builds beside the store and their clean-up, the checkpoint
// that folds the WAL back into the file.
#include "store_parts.hpp"

#include "verbind/error.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace verbind::store_detail {

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

}  // namespace verbind::store_detail
