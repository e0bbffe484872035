// The one way verbind touches files: every reader checks its path and reads
// through read_file; every writer replaces its target through
// atomic_write_file (one file) or atomic_write_folder (a folder of files), so
// no writer can leave half a file, a mix of two exports, or a temporary.
//
// atomic_write_file: the content goes to a new temporary beside the target
// (".<name>.<pid>-<n>.verbind-tmp", created exclusively, so two processes or
// threads never share one), is fsync'ed and closed, then renamed over the
// target and the folder fsync'ed. On any failure the temporary is removed and
// the target is exactly as before (only a failure of that last folder sync is
// reported with the new content already in place).
//
// atomic_write_folder: the files go into a new sibling folder
// (".<name>.<pid>-<n>.verbind-new"), each fsync'ed, then the folder; then the
// two folders are swapped. On Linux the swap is one renameat2(RENAME_EXCHANGE),
// so a reader sees the old folder or the new one and nothing in between. Where
// the file system cannot exchange, the old folder is first renamed away
// (".<name>.<pid>-<n>.verbind-old") and the new one renamed in: a process
// killed between those two renames leaves no folder at the target (a reader
// gets "cannot open"), never a mix, and both copies stay under their hidden
// names. The old copy is removed after the swap. Temporaries left by a
// process that was killed (those of earlier versions' writers too,
// "<name>.tmp-<pid>-<n>") are removed by the next write of the same target.
//
// A replaced file or folder keeps its permission bits (an export made
// private with chmod 600 stays private); a new one gets 0666/0777 less the
// umask.
//
// Paths are checked first: one holding a NUL character (which the operating
// system would silently cut) is an input_error naming the argument.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace verbind::files {

// Throws input_error "<argument>: ..." when `path` is empty or holds a NUL.
void check_path(std::string_view path, std::string_view argument = "path");

// The whole file. io_error naming the path when it cannot be opened or read
// (a folder included).
std::string read_file(const std::string& path, std::string_view argument = "path");

// The file in pieces of up to `chunk_size` bytes, in order, each passed to
// `take` (the view lives until the next call), for readers that stream
// instead of holding the whole text. Errors as read_file.
void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& take,
                      std::size_t chunk_size = std::size_t{1} << 20, std::string_view argument = "path");

// The whole file, or nothing when there is no such file.
std::optional<std::string> read_file_if_exists(const std::string& path, std::string_view argument = "path");

// Replaces `path` by a file holding exactly `content` (see above). A symbolic
// link at `path` is followed: the file it points to is replaced.
void atomic_write_file(const std::string& path, std::string_view content, std::string_view argument = "path");

struct FolderFile {
    std::string name;  // a plain file name, no '/'
    std::string content;
};

// Replaces `folder` by a folder holding exactly `files` (see above); its
// parents are created when missing. An existing folder may hold only files
// named in `owned` (the files this kind of export can write): anything else
// is refused with an io_error naming it, before anything changes, so an
// export never deletes a user's own file.
void atomic_write_folder(const std::string& folder, std::span<const FolderFile> files,
                         std::span<const std::string_view> owned, std::string_view argument = "folder");

// Fault injection for tests. Each file-system step of the writers above
// (mkdir, create, write, fsync, close, rename/exchange) counts as one step on
// the calling thread. After fail_step(n) the step numbered n (from 0) fails
// as if the disk were full (ENOSPC); fail_step(-1) turns this off.
// steps_taken() is the number of steps since the last fail_step call.
// use_exchange(false) makes atomic_write_folder take its fallback path
// (rename away, rename in) as on a file system without RENAME_EXCHANGE.
namespace testing {
void fail_step(long n) noexcept;
long steps_taken() noexcept;
void use_exchange(bool on) noexcept;
}  // namespace testing

}  // namespace verbind::files
