// The store under attack (issue 11): damaged files, rows of the wrong type
// or with invalid UTF-8, read-only files and folders, two writers on one
// file, and erasure that must reach every file beside the store.
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/store/store.hpp"
#include "verbind/util/random.hpp"

#include "store_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <iostream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace verbind;
using namespace verbind::store_test;

namespace {

struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& name) {
        dir = fs::temp_directory_path() / ("verbind-attack-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
    }
    ~Scratch() {
        std::error_code ec;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir, ec);
    }
    std::string file(const std::string& name) const { return (dir / name).string(); }
};

void write_bytes(const std::string& path, std::string_view bytes) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Rows of a query, each a '|'-joined text.
std::vector<std::string> query(const std::string& path, const std::string& select) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, select.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::string line;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            if (i) line += '|';
            const auto* text = sqlite3_column_text(stmt, i);
            line += text ? reinterpret_cast<const char*>(text) : "";
        }
        out.push_back(line);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// Runs `body` in a child process as an unprivileged user when this process
// is root (root ignores file permissions, so a read-only file or folder is
// only read-only to somebody else); returns its exit code. The child
// prints what went wrong to stderr.
template <class F>
int unprivileged(F&& body) {
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 99;
        if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(97);
        try {
            code = body();
        } catch (const std::exception& e) {
            std::cerr << "child: " << e.what() << "\n";
            code = 98;
        }
        std::cerr.flush();
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Loads every damaged copy of `original`: each must be refused with a
// verbind error or load as exactly `expected`, never as other data, and the
// damaged file must be left as it was. Returns {refused, identical}.
struct Outcome {
    int refused = 0, identical = 0, different = 0, file_changed = 0;
};

void try_damaged(const std::string& path, const std::string& damaged, const Network& expected, Outcome& outcome,
                 const std::string& what) {
    write_bytes(path, damaged);
    try {
        const Network got = load(path);
        if (got == expected) {
            ++outcome.identical;
        } else {
            ++outcome.different;
            UNSCOPED_INFO(what << " loaded as different data");
        }
    } catch (const error&) {
        ++outcome.refused;
    }
    if (bytes_of(path) != damaged) {
        ++outcome.file_changed;
        UNSCOPED_INFO(what << " changed the file");
    }
}

Outcome attack(const std::string& original, const Network& expected, const std::string& path) {
    Outcome outcome;
    Rng rng(20261130, 7);
    const std::size_t size = original.size();
    // Bit flips, one random bit each: every byte of the database header,
    // every second byte that is not zero (most of a small store is zeros:
    // empty tables, unused space), then 16 random bytes of every page.
    std::vector<std::size_t> offsets;
    std::size_t used = 0;
    for (std::size_t i = 0; i < size; ++i)
        if (i < 100 || (original[i] != 0 && used++ % 2 == 0)) offsets.push_back(i);
    for (std::size_t page = 0; page < size; page += 4096)
        for (int k = 0; k < 16; ++k) offsets.push_back(page + rng.next() % std::min<std::size_t>(4096, size - page));
    for (const std::size_t offset : offsets) {
        std::string damaged = original;
        damaged[offset] = static_cast<char>(damaged[offset] ^ (1u << (rng.next() % 8)));
        try_damaged(path, damaged, expected, outcome, "flip at " + std::to_string(offset));
    }
    // Truncations: every length in the last 100 bytes, then every 97th.
    for (std::size_t cut = 1; cut <= 100 && cut < size; ++cut)
        try_damaged(path, original.substr(0, size - cut), expected, outcome, "cut " + std::to_string(cut));
    for (std::size_t length = 0; length + 100 < size; length += 97)
        try_damaged(path, original.substr(0, length), expected, outcome, "cut to " + std::to_string(length));
    // A page of the file replaced by another of its pages (a misdirected write).
    for (std::size_t page = 4096; page + 4096 <= size; page += 4096) {
        std::string damaged = original;
        damaged.replace(page, 4096, original, page == 4096 ? 8192 % size : 4096, 4096);
        if (damaged.size() == size)
            try_damaged(path, damaged, expected, outcome, "page " + std::to_string(page / 4096));
    }
    return outcome;
}

}  // namespace

TEST_CASE("a damaged store is refused or loads exactly as saved, never as other data", "[store][corruption]") {
    Scratch scratch("damage");
    const Network net = small_network();

    SECTION("a file written by save") {
        save(net, scratch.file("base.db"));
        const std::string original = bytes_of(scratch.file("base.db"));
        const Outcome outcome = attack(original, net, scratch.file("t.db"));
        CHECK(outcome.different == 0);
        CHECK(outcome.file_changed == 0);
        CHECK(outcome.refused > 800);  // the damage was seen
        CHECK(outcome.identical > 0);  // flips in unused bytes change nothing
    }
    SECTION("a file written through a Store (the checksum kept up to date row by row)") {
        const std::string base = scratch.file("live.db");
        Network expected = net;
        {
            Store store = Store::open(base);
            store.replace(net);
            store.add_resident("dan", {"Zuid", "", {"music"}, {"lgbti"}, true, day("2023-01-10")});
            store.add_tie("dan", "ann", "buddy", {day("2023-02-01"), std::nullopt, 2.5});
            store.add_event("e3", {day("2023-03-01"), "iftar", "Zuid", "", {"dan"}});
            store.attend("e3", "ann", "dan");
            store.remove("bob");
            store.mark_sensitive_tie_kind("buddy");
            expected = store.network();
        }
        REQUIRE(load(base) == expected);
        std::error_code ec;
        REQUIRE(fs::file_size(base + "-wal", ec) == (ec ? static_cast<std::uintmax_t>(-1) : 0));  // all in the file
        const Outcome outcome = attack(bytes_of(base), expected, scratch.file("t.db"));
        CHECK(outcome.different == 0);
        CHECK(outcome.file_changed == 0);
        CHECK(outcome.refused > 800);
    }
}

TEST_CASE("the checksum covers the schema version and its own row", "[store][corruption]") {
    Scratch scratch("version");
    const std::string path = scratch.file("v.db");
    const Network net = small_network();
    save(net, path);
    REQUIRE(query(path, "SELECT length(value) FROM verbind_meta WHERE name = 'checksum'") ==
            std::vector<std::string>{"64"});
    // A version-3 file that says it is version 1 would be read without its
    // version-2 tables: refused, not read as less data.
    sql(path, "PRAGMA user_version = 1;");
    CHECK_THROWS_WITH(load(path), Catch::Contains("corrupt") && Catch::Contains("schema version 1"));
    sql(path, "PRAGMA user_version = 3; UPDATE verbind_meta SET value = upper(value) WHERE name = 'checksum';");
    CHECK_THROWS_WITH(load(path), Catch::Contains("corrupt") && Catch::Contains("unreadable"));
    // Two rows swapping a value: each row is hashed with its seq.
    save(net, path);
    REQUIRE(query(path, "SELECT actor FROM attendance ORDER BY seq") == std::vector<std::string>{"1", "3", "1"});
    sql(path, "UPDATE attendance SET actor = CASE seq WHEN 1 THEN 3 WHEN 2 THEN 1 ELSE actor END;");
    CHECK(query(path, "SELECT actor FROM attendance ORDER BY seq") == std::vector<std::string>{"3", "1", "1"});
    CHECK_THROWS_WITH(load(path), Catch::Contains("checksum does not match"));
}

TEST_CASE("every column of every table is type-checked on load", "[store]") {
    Scratch scratch("types");
    const std::string path = scratch.file("t.db");
    save(small_network(), path);
    // The columns as the file itself declares them, so a column added later
    // is covered too. An INTEGER PRIMARY KEY holds only integers.
    std::vector<std::pair<std::string, std::string>> columns;
    for (const auto& table :
         query(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'verbind_meta'"))
        for (const auto& line : query(path, "SELECT name, type, pk FROM pragma_table_info('" + table + "')")) {
            const auto first = line.find('|'), second = line.rfind('|');
            const std::string name = line.substr(0, first), type = line.substr(first + 1, second - first - 1);
            if (type == "INTEGER" && line.substr(second + 1) == "1") continue;
            columns.emplace_back(table, name + "|" + type);
        }
    CHECK(columns.size() >= 28);
    std::size_t checked = 0, cases = 0;
    for (const auto& [table, column_type] : columns) {
        const std::string column = column_type.substr(0, column_type.find('|'));
        const std::string type = column_type.substr(column_type.find('|') + 1);
        // A value of the wrong type, as another program could write it (a
        // number in a TEXT column is stored as text: not a wrong type).
        std::vector<std::string> bad =
            type == "TEXT" ? std::vector<std::string>{"x'00ff'"} : std::vector<std::string>{"'abc'", "x'01'"};
        if (type == "INTEGER") bad.push_back("1.5");
        cases += bad.size();
        for (const auto& value : bad) {
            save(small_network(), path);
            unseal(path);
            sql(path, "UPDATE " + table + " SET " + column + " = " + value +
                          " WHERE rowid = (SELECT min(rowid) FROM " + table + ");");
            INFO(table << "." << column << " = " << value);
            try {
                load(path);
                FAIL("loaded");
            } catch (const parse_error& e) {
                const std::string message = e.what();
                CHECK_THAT(message, Catch::Contains("table '" + table + "' row ") &&
                                        Catch::Contains("field '" + column + "'"));
                ++checked;
            }
        }
    }
    CHECK(checked == cases);
}

TEST_CASE("stored text that is not UTF-8 is named, its bytes escaped", "[store]") {
    Scratch scratch("utf8");
    const std::string path = scratch.file("u.db");
    int checked = 0;
    for (const auto& [table, column] :
         std::vector<std::pair<std::string, std::string>>{{"actors", "key"},
                                                          {"actors", "type"},
                                                          {"actors", "kind"},
                                                          {"actors", "neighbourhood"},
                                                          {"actors", "municipality"},
                                                          {"actors", "talents"},
                                                          {"actors", "groups"},
                                                          {"actors", "trained_on"},
                                                          {"tie_kinds", "name"},
                                                          {"ties", "since"},
                                                          {"ties", "until"},
                                                          {"events", "key"},
                                                          {"events", "date"},
                                                          {"events", "kind"},
                                                          {"events", "neighbourhood"},
                                                          {"events", "municipality"},
                                                          {"sensitive_groups", "name"},
                                                          {"sensitive_tie_kinds", "name"}}) {
        save(small_network(), path);
        unseal(path);
        sql(path, "UPDATE " + table + " SET " + column +
                      " = CAST(x'41ff42' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM " + table + ");");
        INFO(table << "." << column);
        try {
            load(path);
            FAIL("loaded");
        } catch (const parse_error& e) {
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains("table '" + table + "' row ") &&
                                    Catch::Contains("field '" + column + "'") && Catch::Contains("not valid UTF-8") &&
                                    Catch::Contains("A\\xFFB"));
            CHECK(message.find('\xff') == std::string::npos);
            ++checked;
        }
    }
    CHECK(checked == 18);
    // The path is escaped in messages too.
    const std::string odd = scratch.file("caf\xe9-\x01.db");
    try {
        load(odd);
        FAIL("loaded");
    } catch (const io_error& e) {
        const std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("caf\\xE9-\\x01.db") && Catch::Contains("no such file"));
        CHECK(message.find('\xe9') == std::string::npos);
    }
}

TEST_CASE("what only a resident has is refused on an organisation, not dropped", "[store]") {
    Scratch scratch("org");
    const std::string path = scratch.file("o.db");
    for (const auto& [column, value, reason] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"key_figure", "1", "an organisation cannot be a key figure"},
             {"groups", "'lgbti'", "an organisation has no declared groups"},
             {"trained_on", "'2022-01-01'", "an organisation has no training date"}}) {
        save(small_network(), path);
        unseal(path);
        sql(path, "UPDATE actors SET " + column + " = " + value + " WHERE key = 'lib';");
        CHECK_THROWS_WITH(load(path), Catch::Contains("table 'actors' row 4: organisation 'lib' field '" + column +
                                                      "': " + reason));
    }
    save(small_network(), path);
    unseal(path);
    sql(path, "UPDATE actors SET key_figure = 2 WHERE key = 'bob';");
    CHECK_THROWS_WITH(load(path), Catch::Contains("field 'key_figure': expected 0 or 1, got 2"));
    sql(path, "UPDATE actors SET key_figure = 1, kind = 'library' WHERE key = 'bob';");
    CHECK_THROWS_WITH(load(path), Catch::Contains("resident 'bob' field 'kind': a resident has no kind"));
}

TEST_CASE("a store in a read-only folder loads; a read-only store is refused for writing at open", "[store]") {
    Scratch scratch("readonly");
    const Network net = small_network();
    const std::string folder = scratch.file("ro");
    fs::create_directories(folder);
    const std::string path = folder + "/a.db";
    save(net, path);
    REQUIRE_FALSE(fs::exists(path + "-wal"));
    REQUIRE_FALSE(fs::exists(path + "-shm"));
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const std::string before = bytes_of(path);
    const int status = unprivileged([&] {
        if (!(load(path) == net)) return 1;
        try {
            Store::open(path);
            return 2;
        } catch (const io_error& e) {
            const std::string message = e.what();
            if (message.find("read-only") == std::string::npos) {
                std::cerr << message << "\n";
                return 3;
            }
        }
        try {
            save(net, path);
            return 4;
        } catch (const io_error&) {
        }
        return 0;
    });
    CHECK(status == 0);
    CHECK(bytes_of(path) == before);
    CHECK_FALSE(fs::exists(path + "-shm"));

    // A writable folder, a read-only file: refused at open, with the reason.
    fs::permissions(folder, fs::perms::all);
    const int file_status = unprivileged([&] {
        try {
            Store::open(path);
            return 1;
        } catch (const io_error& e) {
            const std::string message = e.what();
            if (message.find("the file is read-only") == std::string::npos) {
                std::cerr << message << "\n";
                return 2;
            }
        }
        return load(path) == net ? 0 : 3;
    });
    CHECK(file_status == 0);
    CHECK(bytes_of(path) == before);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_CASE("two Stores on one file see each other's changes", "[store]") {
    Scratch scratch("two");
    const std::string path = scratch.file("s.db");
    save(small_network(), path);
    Store first = Store::open(path);
    Store second = Store::open(path);
    first.add_resident("dan", {"Zuid", "", {}, {}, false, std::nullopt});
    // The second Store catches up before it writes: no stale view, no raw
    // UNIQUE constraint from SQLite.
    CHECK_THROWS_AS(second.add_resident("dan", {}), input_error);
    CHECK_THROWS_WITH(second.add_resident("dan", {}), Catch::Contains("resident 'dan': key already exists"));
    CHECK(second.network().find_actor("dan").has_value());
    second.add_tie("dan", "ann", "knows", {});
    CHECK(first.network().num_ties() == small_network().num_ties() + 1);
    first.remove("dan");
    CHECK_THROWS_AS(second.attend("e1", "dan"), not_found_error);
    CHECK_FALSE(second.network().find_actor("dan").has_value());
    // A whole save by somebody else.
    Network other = small_network();
    other.add_resident("eve", {});
    save(other, path);
    second.add_tie("eve", "ann", "knows", {});
    other.add_tie("eve", "ann", "knows", {});
    CHECK(second.network() == other);
    CHECK(first.network() == other);
    CHECK(load(path) == other);
    // Another process.
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 1;
        try {
            Store third = Store::open(path);
            third.add_resident("fay", {});
            code = 0;
        } catch (...) {
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    CHECK(first.network().find_actor("fay").has_value());
    first.add_tie("fay", "eve", "knows", {});
    CHECK(second.network().num_ties() == other.num_ties() + 1);
}

TEST_CASE("a crashed save's building file is removed when stale, and erasure reaches it", "[store][erasure]") {
    Scratch scratch("building");
    const std::string path = scratch.file("s.db");
    Network net = small_network();
    const std::string key = "erase-me-b41d";
    const std::string kind = "only-kind-x7q2";
    const std::string talent = "only-talent-9kz";
    net.add_resident(key, {"Noord", "", {talent}, {}, false, std::nullopt});
    net.add_tie(key, "ann", kind, {});
    net.attend("e1", key, "ann");
    save(net, path);
    const std::string content = bytes_of(path);

    // A dead process's copy (the naming of this release and of the last).
    const pid_t dead = ::fork();
    REQUIRE(dead >= 0);
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const std::string stale = path + ".new-" + std::to_string(dead);
    const std::string stale_numbered = path + ".new-" + std::to_string(dead) + "-3";
    // A live process's copy: a save in progress, left alone.
    const pid_t live = ::fork();
    REQUIRE(live >= 0);
    if (live == 0) {
        ::pause();
        ::_exit(0);
    }
    const std::string in_progress = path + ".new-" + std::to_string(live) + "-1";
    const std::string unrelated = path + ".new-notes.txt";  // not a name save() gives
    // This process is not saving: a file with its own pid is a leftover too.
    const std::string own = path + ".new-" + std::to_string(::getpid()) + "-999";
    for (const auto& file : {stale, stale + "-wal", stale_numbered, in_progress, unrelated, own})
        std::ofstream(file, std::ios::binary) << content;
    {
        Store store = Store::open(path);
        CHECK_FALSE(fs::exists(stale));
        CHECK_FALSE(fs::exists(stale + "-wal"));
        CHECK_FALSE(fs::exists(stale_numbered));
        CHECK_FALSE(fs::exists(own));
        CHECK(fs::exists(in_progress));
        CHECK(fs::exists(unrelated));
        ::kill(live, SIGKILL);  // the saver dies
        ::waitpid(live, nullptr, 0);
        fs::remove(unrelated);
        store.remove(key);
        // Erasure: no file in the folder holds the key, its unique tie kind
        // or its talent (the Store is still open: WAL and shared memory
        // included).
        for (const auto& entry : fs::directory_iterator(scratch.dir)) {
            const std::string bytes = bytes_of(entry.path().string());
            for (const std::string& trace : {key, kind, talent}) {
                INFO(entry.path().filename().string() << " holds " << trace);
                CHECK(bytes.find(trace) == std::string::npos);
            }
        }
        CHECK_FALSE(fs::exists(in_progress));
        CHECK(query(path, "SELECT name FROM tie_kinds ORDER BY id") ==
              std::vector<std::string>{"knows", "neighbour", "member_of"});
    }
    net.remove(key);
    CHECK(load(path) == net);

    // A save over the store cleans up the same way.
    std::ofstream(stale, std::ios::binary) << content;
    save(net, path);
    CHECK_FALSE(fs::exists(stale));
}

TEST_CASE("a save over a network whose last tie of a kind went does not write the kind", "[store][erasure]") {
    Scratch scratch("kinds");
    const std::string path = scratch.file("k.db");
    Network net = small_network();
    net.add_resident("zed", {});
    net.add_tie("zed", "ann", "zeds-own-kind", {});
    net.remove("zed");
    save(net, path);
    CHECK(bytes_of(path).find("zeds-own-kind") == std::string::npos);
    CHECK(load(path) == net);
}
