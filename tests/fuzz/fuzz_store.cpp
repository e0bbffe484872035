// libFuzzer target: the store reader (SQLite file -> Network). The input is
// written as a database file of this process and loaded; a file that loads
// must save and load again to the same Network. A damaged store is refused
// with an io_error ("the file is corrupt: its checksum does not match"), a
// pre-checksum file with bad rows with a parse_error: both are expected
// (verbind::error); only a crash, a leak or another exception is a finding.
// The corpus holds files of schema version 2 (no checksum: the mutations
// reach the row checks) and 3 (the mutations reach the checksum).
#include "verbind/error.hpp"
#include "verbind/store/store.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("verbind-fuzz-store-" + std::to_string(::getpid()) + ".db"))
            .string();
    static const std::string copy = path + ".copy.db";
    for (const std::string& p : {path, path + "-wal", path + "-shm", copy, copy + "-wal", copy + "-shm"})
        std::remove(p.c_str());
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        const verbind::Network net = verbind::load(path);
        verbind::save(net, copy);
        if (!(verbind::load(copy) == net)) std::abort();
    } catch (const verbind::error&) {
    }
    return 0;
}
