// The file helper every reader and writer goes through (include/verbind/util/files.hpp).

#include "verbind/util/files.hpp"

#include "verbind/error.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verbind::files {

namespace fs = std::filesystem;

namespace {

thread_local long fail_at = -1;
thread_local long taken = 0;
std::atomic<bool> exchange_allowed{true};

// One file-system step: true when the test hook says this one fails.
bool injected_failure() noexcept {
    if (taken++ == fail_at) {
        errno = ENOSPC;
        return true;
    }
    return false;
}

// The path for a message: valid UTF-8 as is, other bytes as \xNN.
std::string shown(std::string_view text) { return printable(text); }

[[noreturn]] void fail(std::string_view what, const std::string& path, int error_number) {
    throw io_error(std::string(what) + " '" + shown(path) + "': " + std::strerror(error_number ? error_number : EIO));
}

std::atomic<unsigned long> counter{0};

// ".<name>.<pid>-<n>.verbind-<suffix>": hidden, beside the target, unique
// per process (pid) and per call within it (n); created exclusively.
std::string temporary_name(const std::string& name, std::string_view suffix) {
    // Keep well below NAME_MAX (255 bytes) whatever the target's name.
    const std::string stem = name.substr(0, std::min<std::size_t>(name.size(), 160));
    return "." + stem + "." + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) + ".verbind-" +
           std::string(suffix);
}

// Removes temporaries of `name` in `folder` left by processes that no longer
// run (killed mid-write): they may hold a full copy of sensitive data.
void remove_stale_temporaries(const fs::path& folder, const std::string& name) {
    const std::string stem = name.substr(0, std::min<std::size_t>(name.size(), 160));
    const std::string prefix = "." + stem + ".";
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) return;
        const std::string entry = it->path().filename().string();
        std::string_view pid_text;
        const std::string legacy = name + ".tmp-";  // earlier versions: "<name>.tmp-<pid>-<n>"
        if (entry.size() > legacy.size() && entry.compare(0, legacy.size(), legacy) == 0) {
            const std::string_view rest = std::string_view(entry).substr(legacy.size());
            const auto dash = rest.find('-');
            if (dash == std::string_view::npos || dash + 1 == rest.size() ||
                !std::all_of(rest.begin() + static_cast<std::ptrdiff_t>(dash) + 1, rest.end(),
                             [](char c) { return c >= '0' && c <= '9'; }))
                continue;
            pid_text = rest.substr(0, dash);
        } else {
            if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) continue;
            const std::string_view rest = std::string_view(entry).substr(prefix.size());
            const auto dash = rest.find('-');
            const auto dot = rest.find(".verbind-");
            if (dash == std::string_view::npos || dot == std::string_view::npos || dash > dot) continue;
            const std::string_view kind = rest.substr(dot + 9);
            if (kind != "tmp" && kind != "new" && kind != "old") continue;
            pid_text = rest.substr(0, dash);
        }
        if (pid_text.empty() || pid_text.size() > 9 ||
            !std::all_of(pid_text.begin(), pid_text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const auto pid = static_cast<pid_t>(std::stol(std::string(pid_text)));
        if (pid == ::getpid() || pid <= 0) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // still running, or not ours to judge
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

bool fsync_folder(const fs::path& folder) {
    if (injected_failure()) return false;
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const int result = ::fsync(fd);
    const int error_number = errno;
    ::close(fd);
    // Some file systems cannot sync a folder; that is not a failed write.
    if (result != 0 && error_number != EINVAL && error_number != ENOTSUP) {
        errno = error_number;
        return false;
    }
    return true;
}

// The permission bits of an existing `path`, so that a replacement keeps
// them (an export made private with chmod 600 stays private).
constexpr mode_t no_mode = ~mode_t{0};

mode_t mode_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return no_mode;
    return info.st_mode & 07777;
}

// Creates `path` (which must not exist) holding `content`, fsync'ed and
// closed, with permission bits `mode` unless no_mode (then 0666 less the
// umask).
// False with errno set on failure; the caller removes the file.
bool write_new_file(const fs::path& path, std::string_view content, bool& created, mode_t mode = no_mode) {
    created = false;
    if (injected_failure()) return false;
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode != no_mode ? mode & 0666 : 0666);
    if (fd < 0) return false;
    created = true;
    if (mode != no_mode && ::fchmod(fd, mode) != 0) {
        const int error_number = errno;
        ::close(fd);
        errno = error_number;
        return false;
    }
    bool ok = true;
    int error_number = 0;
    auto failed = [&] {
        if (ok) error_number = errno;
        ok = false;
    };
    while (ok && !content.empty()) {
        if (injected_failure()) {
            failed();
            break;
        }
        const ssize_t done = ::write(fd, content.data(), std::min<std::size_t>(content.size(), std::size_t{1} << 20));
        if (done < 0) {
            if (errno != EINTR) failed();
        } else {
            content.remove_prefix(static_cast<std::size_t>(done));
        }
    }
    if (ok && (injected_failure() || ::fsync(fd) != 0)) failed();
    if (injected_failure()) {
        failed();
        ::close(fd);
    } else if (::close(fd) != 0) {
        failed();
    }
    errno = error_number;
    return ok;
}

// The target's name split from its folder, after a symbolic link at the
// target is followed and trailing slashes are dropped.
struct Target {
    fs::path folder;
    std::string name;
    fs::path path;
};

Target locate(const std::string& given, std::string_view argument) {
    std::string text = given;
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    fs::path path(text);
    std::error_code ec;
    if (fs::is_symlink(path, ec)) {
        const fs::path resolved = fs::canonical(path, ec);
        if (!ec) path = resolved;
    }
    const std::string last = path.filename().string();
    if (last.empty() || last == "." || last == "..") {
        const fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
        if (ec) fail("cannot write", given, ec.value());
        path = resolved;
    }
    Target target;
    target.path = path;
    target.folder = path.parent_path();
    target.name = path.filename().string();
    if (target.name.empty() || target.name == "." || target.name == "..")
        throw input_error(std::string(argument) + ": cannot replace '" + shown(given) + "' (it names no file)");
    return target;
}

}  // namespace

void check_path(std::string_view path, std::string_view argument) {
    if (path.empty()) throw input_error(std::string(argument) + ": the path is empty");
    if (path.find('\0') != std::string_view::npos)
        throw input_error(std::string(argument) + ": the path '" + shown(path) +
                          "' holds a NUL character, which no file name can hold");
}

namespace {

// A file open for reading (a folder is an error), closed on leaving scope.
struct ReadingFile {
    int fd = -1;
    struct stat info {};
    ReadingFile(const std::string& path, std::string_view argument) {
        check_path(path, argument);
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) fail("cannot open", path, errno);
        if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
            ::close(fd);
            fail("cannot read", path, EISDIR);
        }
    }
    ReadingFile(const ReadingFile&) = delete;
    ReadingFile& operator=(const ReadingFile&) = delete;
    ~ReadingFile() { ::close(fd); }
};

// Reads what comes next into `buffer` (0 at the end).
std::size_t read_some(int fd, const std::string& path, char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(fd, buffer, size);
        if (got >= 0) return static_cast<std::size_t>(got);
        if (errno != EINTR) fail("cannot read", path, errno);
    }
}

}  // namespace

std::string read_file(const std::string& path, std::string_view argument) {
    const ReadingFile file(path, argument);
    std::string content;
    if (file.info.st_size > 0) content.reserve(static_cast<std::size_t>(file.info.st_size));
    char buffer[1 << 16];
    while (const std::size_t got = read_some(file.fd, path, buffer, sizeof buffer)) content.append(buffer, got);
    return content;
}

void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& take,
                      std::size_t chunk_size, std::string_view argument) {
    const ReadingFile file(path, argument);
    std::vector<char> buffer(std::max<std::size_t>(chunk_size, 1));
    for (;;) {
        // Fill the buffer (fewer, larger pieces for the caller).
        std::size_t filled = 0;
        while (filled < buffer.size()) {
            const std::size_t got = read_some(file.fd, path, buffer.data() + filled, buffer.size() - filled);
            if (got == 0) break;
            filled += got;
        }
        if (filled == 0) break;
        take(std::string_view(buffer.data(), filled));
        if (filled < buffer.size()) break;
    }
}

std::optional<std::string> read_file_if_exists(const std::string& path, std::string_view argument) {
    check_path(path, argument);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) return std::nullopt;
    return read_file(path, argument);
}

void atomic_write_file(const std::string& path, std::string_view content, std::string_view argument) {
    check_path(path, argument);
    const Target target = locate(path, argument);
    remove_stale_temporaries(target.folder, target.name);
    const mode_t mode = mode_of(target.path);
    fs::path temporary;
    bool created = false;
    for (int attempt = 0;; ++attempt) {
        temporary = target.folder / temporary_name(target.name, "tmp");
        if (write_new_file(temporary, content, created, mode)) break;
        const int error_number = errno;
        if (created) ::unlink(temporary.c_str());
        if (!created && error_number == EEXIST && attempt < 100) continue;
        fail("cannot write", path, error_number);
    }
    if (injected_failure() || ::rename(temporary.c_str(), target.path.c_str()) != 0) {
        const int error_number = errno;
        ::unlink(temporary.c_str());
        fail("cannot write", path, error_number);
    }
    // The file is in place; make the rename itself durable.
    if (!fsync_folder(target.folder)) fail("cannot write", path, errno);
}

void atomic_write_folder(const std::string& folder, std::span<const FolderFile> files,
                         std::span<const std::string_view> owned, std::string_view argument) {
    check_path(folder, argument);
    for (const auto& file : files)
        if (file.name.empty() || file.name.find('/') != std::string::npos || file.name == "." || file.name == "..")
            throw input_error(std::string(argument) + ": '" + shown(file.name) + "' is not a plain file name");
    const Target target = locate(folder, argument);

    std::error_code ec;
    if (!target.folder.empty()) {
        fs::create_directories(target.folder, ec);
        if (ec)
            throw io_error("cannot write '" + shown(folder) + "': cannot create folder '" +
                           shown(target.folder.string()) + "': " + ec.message());
    }
    // Only a folder holding nothing but this export's own files is replaced.
    auto check_replaceable = [&] {
        const auto status = fs::symlink_status(target.path, ec);
        if (!fs::is_directory(status)) throw io_error("cannot write into '" + shown(folder) + "': not a folder");
        if (fs::equivalent(target.path, fs::current_path(ec), ec))
            throw io_error("cannot replace '" + shown(folder) + "': it is the current working folder");
        fs::directory_iterator it(target.path, ec);
        if (ec) fail("cannot read folder", folder, ec.value());
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) fail("cannot read folder", folder, ec.value());
            const std::string entry = it->path().filename().string();
            // Temporaries of earlier versions' per-file writes ("actors.csv.tmp-<pid>-<n>") go with
            // the old folder too: they hold a copy of the data.
            const bool leftover = std::any_of(owned.begin(), owned.end(), [&](std::string_view name) {
                return entry.size() > name.size() + 5 && entry.compare(0, name.size(), name) == 0 &&
                       entry.compare(name.size(), 5, ".tmp-") == 0;
            });
            if (leftover && it->is_regular_file()) continue;
            if (std::find(owned.begin(), owned.end(), entry) == owned.end() || !it->is_regular_file())
                throw io_error("cannot replace folder '" + shown(folder) + "': it holds '" + shown(entry) +
                               "', which is not part of this export (write into a new or empty folder)");
        }
    };
    bool exists = fs::exists(fs::symlink_status(target.path, ec));
    if (exists) check_replaceable();
    remove_stale_temporaries(target.folder, target.name);

    // 1. The new folder, complete and durable, under a hidden sibling name;
    // it and its files keep the permission bits of the old ones.
    const mode_t folder_mode = exists ? mode_of(target.path) : no_mode;
    fs::path fresh;
    for (int attempt = 0;; ++attempt) {
        fresh = target.folder / temporary_name(target.name, "new");
        if (!injected_failure() &&
            ::mkdir(fresh.c_str(), folder_mode != no_mode ? (folder_mode & 0777) | 0700 : 0777) == 0)
            break;
        const int error_number = errno;
        if (error_number == EEXIST && attempt < 100) continue;
        fail("cannot write", folder, error_number);
    }
    auto give_up = [&](int error_number) {
        std::error_code ignored;
        fs::remove_all(fresh, ignored);
        fail("cannot write", folder, error_number);
    };
    for (const auto& file : files) {
        bool created = false;
        const mode_t mode = exists ? mode_of(target.path / file.name) : no_mode;
        if (!write_new_file(fresh / file.name, file.content, created, mode)) give_up(errno);
    }
    if (folder_mode != no_mode && ::chmod(fresh.c_str(), folder_mode) != 0) give_up(errno);
    if (!fsync_folder(fresh)) give_up(errno);

    // 2. The swap.
    fs::path old;  // where the old folder ends up, to be removed
    if (!exists) {
        if (injected_failure()) give_up(errno);
        if (::rename(fresh.c_str(), target.path.c_str()) != 0) {
            // Another writer created the folder meanwhile: replace it as one
            // that existed.
            if (errno != ENOTEMPTY && errno != EEXIST) give_up(errno);
            try {
                check_replaceable();
            } catch (...) {
                std::error_code ignored;
                fs::remove_all(fresh, ignored);
                throw;
            }
            exists = true;
        }
    }
    if (exists) {
        bool swapped = false;
        if (exchange_allowed.load()) {
            if (injected_failure()) give_up(errno);
            if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.path.c_str(), RENAME_EXCHANGE) == 0) {
                swapped = true;
                old = fresh;
            } else if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
                give_up(errno);
            }
        }
        if (!swapped) {
            // No atomic exchange here: rename the old folder away, then the
            // new one in. Killed in between, the target is missing (never
            // mixed) and both copies keep their hidden names.
            old = target.folder / temporary_name(target.name, "old");
            if (injected_failure() || ::rename(target.path.c_str(), old.c_str()) != 0) give_up(errno);
            if (injected_failure() || ::rename(fresh.c_str(), target.path.c_str()) != 0) {
                const int error_number = errno;
                if (::rename(old.c_str(), target.path.c_str()) != 0)
                    throw io_error("cannot write '" + shown(folder) + "': " + std::strerror(error_number) +
                                   "; the previous folder is at '" + shown(old.string()) + "'");
                give_up(error_number);
            }
        }
    }
    // 3. Make the swap durable and remove the old copy.
    const bool synced = fsync_folder(target.folder);
    const int sync_error = errno;
    if (!old.empty()) {
        fs::remove_all(old, ec);
        if (ec)
            throw io_error("wrote '" + shown(folder) + "', but cannot remove the previous copy at '" +
                           shown(old.string()) + "': " + ec.message());
    }
    if (!synced) fail("cannot write", folder, sync_error);
}

namespace testing {
void fail_step(long n) noexcept {
    fail_at = n;
    taken = 0;
}
long steps_taken() noexcept { return taken; }
void use_exchange(bool on) noexcept { exchange_allowed.store(on); }
}  // namespace testing

}  // namespace verbind::files
