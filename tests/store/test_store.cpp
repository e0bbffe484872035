// The SQLite store: round trips, incremental writes, schema versions and
// migrations, bad files, a full disk, crash safety under SIGKILL, readers in
// another process, and erasure that leaves no bytes behind.
#include "verbind/datasets/davis.hpp"
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
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace verbind;
using namespace verbind::store_test;

namespace {

// A fresh scratch folder per test case.
struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& name) {
        dir = fs::temp_directory_path() / ("verbind-store-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string file(const std::string& name) const { return (dir / name).string(); }
};

int user_version(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const int version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return version;
}

// Runs `body` in a child process; returns its exit status (or 128 + signal).
template <class F>
int in_child(F&& body) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 99;
        try {
            code = body();
        } catch (...) {
            code = 98;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("save and load round-trip every part of the model", "[store]") {
    Scratch scratch("roundtrip");
    const Network net = small_network();
    save(net, scratch.file("a.db"));
    const Network back = load(scratch.file("a.db"));
    CHECK(back == net);
    CHECK(back.is_sensitive_event(back.event_id("pride")));
    CHECK(back.is_sensitive_tie_kind("member_of"));
    CHECK(back.actor("bob").trained_on == day("2022-02-01"));
    CHECK(back.ties()[1].weight == 3.5);
    CHECK(back.attendance()[1].brought_by == back.actor_id("ann"));
    CHECK(user_version(scratch.file("a.db")) == store_schema_version);

    const Network sample = sample_programme({7, 0.3});
    save(sample, scratch.file("a.db"));  // replaces what was there
    CHECK(load(scratch.file("a.db")) == sample);
    const Network davis = davis_southern_women();
    save(davis, scratch.file("b.db"));
    CHECK(load(scratch.file("b.db")) == davis);
}

TEST_CASE("the file is in WAL mode with a versioned, documented schema", "[store]") {
    Scratch scratch("wal");
    save(small_network(), scratch.file("a.db"));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(scratch.file("a.db").c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "wal");
    sqlite3_finalize(stmt);
    REQUIRE(sqlite3_prepare_v2(db, "SELECT key, groups FROM actors ORDER BY seq LIMIT 1", -1, &stmt, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ann");
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))) == "lgbti;choir");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("a Store writes each change through as one small transaction", "[store]") {
    Scratch scratch("incremental");
    const std::string path = scratch.file("s.db");
    {
        Store store = Store::open(path);
        CHECK(store.network().num_actors() == 0);
        store.replace(sample_programme({3, 0.5}));
    }
    const auto file_size = fs::file_size(path);
    Store store = Store::open(path);
    const std::string first = store.network().actor(0).key;
    const std::string second = store.network().actor(1).key;
    store.add_tie(first, second, "buddy", {day("2023-01-01"), std::nullopt, 2.0});
    // One tie is a few pages in the WAL, not a rewrite of the file.
    const auto wal = fs::file_size(path + "-wal");
    CHECK(wal > 0);
    CHECK(wal < 8 * 4096 + 32 + 8 * 24);
    CHECK(wal * 10 < file_size);

    store.add_resident("new-1", {"Noord", "Almere", {"music"}, {"lgbti"}, true, day("2023-02-02")});
    store.add_organisation("org-1", {"welfare", "", "Almere", {}});
    store.add_tie("new-1", "org-1", "member_of", {});
    store.add_event("ev-1", {day("2023-03-03"), "iftar", "Noord", "Almere", {"org-1"}});
    store.add_organiser("ev-1", "new-1");
    store.attend("ev-1", "new-1");
    store.attend("ev-1", first, "new-1");
    store.mark_sensitive("lgbti");
    store.mark_sensitive_event("ev-1");
    store.mark_sensitive_tie_kind("member_of");
    const Network expected = store.network();
    CHECK(expected.num_actors() > 2);
    CHECK(load(path) == expected);
    Store again = Store::open(path);
    CHECK(again.network() == expected);

    SECTION("a rejected change leaves memory and file as they were") {
        const auto before = bytes_of(path);
        CHECK_THROWS_AS(store.add_tie("new-1", "nobody", "knows", {}), not_found_error);
        CHECK_THROWS_WITH(store.add_resident("new-1", {}), Catch::Contains("already exists"));
        CHECK(store.network() == expected);
        CHECK(load(path) == expected);
    }
    SECTION("remove_event removes the event, its attendance and its mark") {
        store.remove_event("ev-1");
        Network manual = expected;
        manual.remove_event("ev-1");
        CHECK(store.network() == manual);
        CHECK(load(path) == manual);
    }
}

// The creator of schema version 1 files, written out as verbind 0.1 wrote
// them (kept here so the migration test does not depend on current code).
TEST_CASE("files written by every earlier schema version open and migrate", "[store]") {
    Scratch scratch("migrate");
    const std::string path = scratch.file("v1.db");
    sql(path, R"sql(
PRAGMA journal_mode = WAL;
CREATE TABLE verbind_meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO verbind_meta VALUES ('format', 'verbind');
CREATE TABLE actors(seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, kind TEXT,
  neighbourhood TEXT, municipality TEXT, talents TEXT, groups TEXT, key_figure INTEGER NOT NULL DEFAULT 0, trained_on TEXT);
CREATE TABLE tie_kinds(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE ties(seq INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL, kind INTEGER NOT NULL,
  since TEXT, until TEXT, weight REAL NOT NULL);
CREATE TABLE events(seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, date TEXT NOT NULL, kind TEXT NOT NULL,
  neighbourhood TEXT, municipality TEXT);
CREATE TABLE organisers(seq INTEGER PRIMARY KEY, event INTEGER NOT NULL, actor INTEGER NOT NULL);
CREATE TABLE attendance(seq INTEGER PRIMARY KEY, event INTEGER NOT NULL, actor INTEGER NOT NULL, brought_by INTEGER);
CREATE TABLE sensitive_groups(name TEXT PRIMARY KEY);
INSERT INTO actors VALUES (1, 'ann', 'resident', NULL, 'Noord', NULL, 'cooking', 'lgbti;choir', 0, NULL);
INSERT INTO actors VALUES (5, 'bob', 'resident', NULL, NULL, NULL, NULL, NULL, 1, '2022-02-01');
INSERT INTO actors VALUES (7, 'lib', 'organisation', 'library', NULL, 'Almere', NULL, NULL, 0, NULL);
INSERT INTO tie_kinds VALUES (3, 'knows');
INSERT INTO ties VALUES (1, 1, 5, 3, '2022-01-01', NULL, 2.0);
INSERT INTO events VALUES (4, 'e1', '2022-05-04', 'commemoration', NULL, NULL);
INSERT INTO organisers VALUES (1, 4, 7);
INSERT INTO attendance VALUES (1, 4, 5, 1);
INSERT INTO sensitive_groups VALUES ('lgbti');
PRAGMA user_version = 1;
)sql");
    Network expected;
    expected.add_resident("ann", {"Noord", "", {"cooking"}, {"lgbti", "choir"}, false, std::nullopt});
    expected.add_resident("bob", {"", "", {}, {}, true, day("2022-02-01")});
    expected.add_organisation("lib", {"library", "", "Almere", {}});
    expected.add_tie("ann", "bob", "knows", {day("2022-01-01"), std::nullopt, 2.0});
    expected.add_event("e1", {day("2022-05-04"), "commemoration", "", "", {"lib"}});
    expected.attend("e1", "bob", "ann");
    expected.mark_sensitive("lgbti");

    // load reads an old file as it is, without writing to it.
    const auto before = bytes_of(path);
    CHECK(load(path) == expected);
    CHECK(bytes_of(path) == before);
    CHECK(user_version(path) == 1);

    // Opening for writing migrates forward; the new tables work.
    {
        Store store = Store::open(path);
        CHECK(store.network() == expected);
        store.mark_sensitive_event("e1");
        expected.mark_sensitive_event("e1");
    }
    CHECK(user_version(path) == store_schema_version);
    CHECK(load(path) == expected);
    // The migrated file carries a checksum of its content from now on: a row
    // changed behind verbind's back is found.
    sql(path, "UPDATE ties SET weight = 3.0;");
    CHECK_THROWS_WITH(load(path), Catch::Contains("corrupt") && Catch::Contains("checksum does not match"));
}

TEST_CASE("a file of an earlier version whose rows break the rules is not migrated", "[store]") {
    Scratch scratch("migrate-bad");
    const std::string path = scratch.file("v2.db");
    save(small_network(), path);
    unseal(path);  // as verbind before version 3 wrote it
    sql(path, "UPDATE ties SET weight = 'heavy' WHERE seq = 1;");
    const auto before = bytes_of(path);
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("table 'ties' row 1") && Catch::Contains("field 'weight'"));
    CHECK(bytes_of(path) == before);
    CHECK(user_version(path) == 2);
}

TEST_CASE("bad files give clear errors and change nothing", "[store]") {
    Scratch scratch("bad");
    const Network net = small_network();

    SECTION("missing file") {
        CHECK_THROWS_WITH(load(scratch.file("nope.db")),
                          Catch::Contains("nope.db") && Catch::Contains("no such file"));
        CHECK_THROWS_AS(load(scratch.file("nope.db")), io_error);
    }
    SECTION("not a SQLite file") {
        const std::string path = scratch.file("text.db");
        std::ofstream(path) << "actor,key\nthis is not a database at all, but long enough to have a header ......"
                               "............................................................................";
        const auto before = bytes_of(path);
        CHECK_THROWS_WITH(load(path), Catch::Contains("not a SQLite database"));
        CHECK_THROWS_WITH(save(net, path), Catch::Contains("not a SQLite database"));
        CHECK_THROWS_AS(Store::open(path), io_error);
        CHECK(bytes_of(path) == before);
    }
    SECTION("a SQLite database of another application") {
        const std::string path = scratch.file("other.db");
        sql(path,
            "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);");
        const auto before = bytes_of(path);
        CHECK_THROWS_WITH(load(path), Catch::Contains("not a verbind store"));
        CHECK_THROWS_WITH(save(net, path), Catch::Contains("not a verbind store"));
        CHECK(bytes_of(path) == before);
    }
    SECTION("a newer schema") {
        const std::string path = scratch.file("newer.db");
        save(net, path);
        sql(path, "PRAGMA user_version = 99;");
        const auto before = bytes_of(path);
        CHECK_THROWS_WITH(load(path), Catch::Contains("schema version 99 is newer"));
        CHECK_THROWS_WITH(Store::open(path), Catch::Contains("schema version 99 is newer"));
        CHECK_THROWS_AS(save(small_network(), path), io_error);
        CHECK(bytes_of(path) == before);
    }
    SECTION("a truncated file") {
        const std::string path = scratch.file("cut.db");
        save(sample_programme({5, 0.5}), path);
        fs::resize_file(path, fs::file_size(path) / 2);
        CHECK_THROWS_AS(load(path), io_error);
        CHECK_THROWS_WITH(load(path), Catch::Contains("corrupt"));
    }
    SECTION("rows changed by another program") {
        const std::string path = scratch.file("edited.db");
        save(net, path);
        sql(path, "UPDATE ties SET weight = 2.0 WHERE seq = 2;");
        const auto before = bytes_of(path);
        CHECK_THROWS_AS(load(path), io_error);
        CHECK_THROWS_WITH(load(path),
                          Catch::Contains("edited.db") && Catch::Contains("the file is corrupt: its checksum "
                                                                          "does not match its content"));
        CHECK_THROWS_WITH(Store::open(path), Catch::Contains("checksum does not match"));
        CHECK(bytes_of(path) == before);
        sql(path, "DELETE FROM verbind_meta WHERE name = 'checksum';");
        CHECK_THROWS_WITH(load(path), Catch::Contains("its checksum is missing"));
        sql(path, "PRAGMA user_version = 2; INSERT INTO verbind_meta VALUES ('checksum', 'x');");
        CHECK_THROWS_WITH(load(path), Catch::Contains("corrupt") && Catch::Contains("schema version 2"));
        // Saving replaces the whole content, a damaged one too.
        save(net, path);
        CHECK(load(path) == net);
    }
    SECTION("rows that break the model's rules (a file from before checksums)") {
        const std::string path = scratch.file("rows.db");
        save(net, path);
        unseal(path);
        sql(path, "UPDATE ties SET weight = -1 WHERE seq = 2;");
        CHECK_THROWS_AS(load(path), parse_error);
        CHECK_THROWS_WITH(load(path), Catch::Contains("table 'ties' row 2") && Catch::Contains("weight"));
        sql(path, "UPDATE ties SET weight = 1 WHERE seq = 2; UPDATE attendance SET actor = 42 WHERE seq = 1;");
        CHECK_THROWS_WITH(load(path), Catch::Contains("table 'attendance' row 1") && Catch::Contains("seq 42"));
    }
    SECTION("a read-only place") {
        CHECK_THROWS_AS(save(net, "/proc/verbind-store-test.db"), io_error);
        CHECK_THROWS_WITH(save(net, "/proc/verbind-store-test.db"), Catch::Contains("/proc/verbind-store-test.db"));
        CHECK_THROWS_WITH(save(net, scratch.file("no/such/folder/x.db")), Catch::Contains("cannot open"));
    }
    SECTION("a folder") { CHECK_THROWS_WITH(load(scratch.dir.string()), Catch::Contains("is a folder")); }
}

TEST_CASE("a full disk fails the save, the file keeps its last state", "[store]") {
    Scratch scratch("full");
    const std::string path = scratch.file("full.db");
    const Network small = small_network();
    save(small, path);
    const auto size = fs::file_size(path);
    const Network big = sample_programme({11, 1.0});
    // The child may write at most 64 KiB more to any file: the disk is full.
    const int status = in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{static_cast<rlim_t>(size + 65536), static_cast<rlim_t>(size + 65536)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            save(big, path);
            return 1;
        } catch (const io_error& e) {
            return std::string(e.what()).find("full") != std::string::npos ? 0 : 2;
        }
    });
    CHECK(status == 0);
    CHECK(load(path) == small);

    // A Store keeps its Network and its file when a change cannot be written.
    const int store_status = in_child([&] {
        Store store = Store::open(path);
        std::signal(SIGXFSZ, SIG_IGN);
        const auto now = fs::file_size(path) + fs::file_size(path + "-wal");
        rlimit limit{static_cast<rlim_t>(now), static_cast<rlim_t>(now)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            store.replace(big);
            return 1;
        } catch (const io_error&) {
        }
        if (!(store.network() == small)) return 3;
        try {
            for (int i = 0; i < 2000; ++i)
                store.add_resident("filler-" + std::to_string(i),
                                   {"a-long-neighbourhood-name", "", {}, {}, false, std::nullopt});
            return 4;
        } catch (const io_error&) {
        }
        // The resident whose write failed is not in memory either.
        return store.network() == load(path) ? 0 : 5;
    });
    CHECK(store_status == 0);
    const Network after = load(path);
    CHECK(after.num_actors() >= small.num_actors());
}

TEST_CASE("a process killed at random moments while saving leaves the last committed state", "[store]") {
    Scratch scratch("crash");
    const std::string path = scratch.file("crash.db");
    // Generations differ in size and content; generation g has seed g.
    std::vector<Network> generation;
    for (std::uint64_t g = 0; g < 6; ++g)
        generation.push_back(sample_programme({g, 0.15 + 0.05 * static_cast<double>(g)}));
    save(generation[0], path);
    Rng rng(20261127, 0);
    int killed_midway = 0;
    for (int round = 0; round < 40; ++round) {
        // Odd rounds start without a file: the child's first save builds a
        // new file beside its place and links it in.
        const bool fresh = round % 2 == 1;
        if (fresh)
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
        int pipe_fds[2];
        REQUIRE(::pipe(pipe_fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(pipe_fds[0]);
            for (std::size_t g = 1;; g = g % (generation.size() - 1) + 1) {
                save(generation[g], path);
                const unsigned char done = static_cast<unsigned char>(g);
                if (::write(pipe_fds[1], &done, 1) != 1) ::_exit(3);
            }
        }
        ::close(pipe_fds[1]);
        ::usleep(static_cast<useconds_t>(rng.next() % 120000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        // The last generation the child reported as committed; the next one
        // may also have committed just before the kill, before it could say so.
        int last = -1;
        unsigned char buffer[256];
        ssize_t n;
        while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) last = buffer[n - 1];
        ::close(pipe_fds[0]);
        if (fresh && !fs::exists(path)) {
            // Killed before the first save was linked in: nothing committed.
            CHECK(last == -1);
            save(generation[0], path);
            continue;
        }
        const Network now = load(path);
        std::size_t committed = 0;
        bool matches = false;
        for (std::size_t g = 0; g < generation.size(); ++g)
            if (now == generation[g]) {
                matches = true;
                committed = g;
            }
        INFO("round " << round << ", last reported " << last);
        REQUIRE(matches);
        if (last >= 0) {
            const std::size_t next = static_cast<std::size_t>(last) % (generation.size() - 1) + 1;
            CHECK((committed == static_cast<std::size_t>(last) || committed == next));
            if (committed == next) ++killed_midway;
        }
        // Reset for the next round so "last reported" refers to this file.
        save(generation[0], path);
    }
    for (const auto& entry : fs::directory_iterator(scratch.dir))  // a killed first save may leave its building file
        CHECK((entry.path().filename().string().rfind("crash.db", 0) == 0));
    SUCCEED("kills between report and commit: " << killed_midway);
}

TEST_CASE("readers in another process see the old or the new state, never a mix", "[store]") {
    Scratch scratch("readers");
    const std::string path = scratch.file("r.db");
    const Network a = sample_programme({1, 0.3});
    const Network b = sample_programme({2, 0.35});
    save(a, path);
    const pid_t reader = ::fork();
    REQUIRE(reader >= 0);
    if (reader == 0) {
        int code = 0;
        try {
            for (int i = 0; i < 40 && code == 0; ++i) {
                const Network seen = load(path);
                if (!(seen == a) && !(seen == b)) code = 1;
            }
        } catch (...) {
            code = 2;
        }
        ::_exit(code);
    }
    for (int i = 0; i < 12; ++i) save(i % 2 ? a : b, path);
    int status = 0;
    ::waitpid(reader, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("erasure leaves no trace of the key or its attributes in the file", "[store]") {
    Scratch scratch("erase");
    const std::string path = scratch.file("e.db");
    Network net = sample_programme({9, 0.3});
    const std::string key = "erase-me-7f3a9c";
    const std::string talent = "rare-talent-x91q";
    const std::string neighbourhood = "Hidden-Hofje-4412";
    const std::string group = "private-group-zz8";
    net.add_resident(key, {neighbourhood, "Almere", {talent}, {group}, true, std::nullopt});
    net.add_tie(key, net.actor(0).key, "knows", {});
    net.add_event("erase-event-q", {day("2022-05-05"), "breakfast", "", "", {key}});
    net.attend("erase-event-q", key);
    net.attend("erase-event-q", net.actor(1).key, key);
    save(net, path);
    {
        Store store = Store::open(path);
        store.add_resident("later-" + key, {"Later-Hofje-5513", "", {}, {}, false, std::nullopt});  // via the WAL too
        CHECK(bytes_of(path).find(key) != std::string::npos);
        store.remove(key);
        store.remove("later-" + key);
        net.remove(key);
        CHECK(store.network() == net);
        for (const std::string& file : {path, path + "-wal"}) {
            const std::string bytes = bytes_of(file);
            for (const std::string& trace : {key, talent, neighbourhood, group, std::string("Later-Hofje-5513")}) {
                INFO(file << " contains " << trace);
                CHECK(bytes.find(trace) == std::string::npos);
            }
        }
    }
    CHECK(load(path) == net);
}
