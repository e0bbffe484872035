// Save and load of a network with 100,000 actors and 1,000,000 ties (the
// issue's targets: save < 3 s, load < 1.5 s), against two peers measured in
// the same run: verbind's own JSON (to_json + write, read + parse_json) and
// a bare SQLite bulk insert / select of the same tie rows without verbind
// (the floor any SQLite store pays).
//
// Usage: build/benchmarks/bench_store [actors] [ties] [repeats]
#include "../timing.hpp"
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/store/store.hpp"
#include "verbind/util/random.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace verbind;
namespace fs = std::filesystem;

namespace {

double seconds(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void remove_store(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

Network make_network(std::size_t actors, std::size_t ties) {
    Network net;
    Rng rng(2026, 0);
    const char* neighbourhoods[] = {"Noord", "Zuid", "Oost", "West", "Centrum"};
    for (std::size_t i = 0; i < actors; ++i) {
        ResidentInfo info;
        info.neighbourhood = neighbourhoods[rng.below(5)];
        info.municipality = "Almere";
        if (rng.below(4) == 0) info.talents = {"cooking", "music"};
        std::string key = std::to_string(i);
        key.insert(0, 1, 'r');
        net.add_resident(key, info);
    }
    const Date base = parse_date("2020-01-01");
    const char* kinds[] = {"knows", "neighbour", "member_of"};
    std::size_t added = 0;
    while (added < ties) {
        const auto a = rng.below(actors), b = rng.below(actors);
        if (a == b) continue;
        TieInfo info;
        if (rng.below(2) == 0) info.since = base + boost::gregorian::days(static_cast<long>(rng.below(1000)));
        info.weight = 1.0 + static_cast<double>(rng.below(4));
        try {
            net.add_tie(net.actor(static_cast<ActorId>(a)).key, net.actor(static_cast<ActorId>(b)).key,
                        kinds[rng.below(3)], info);
            ++added;
        } catch (const input_error&) {  // a rare duplicate: draw again
        }
    }
    return net;
}

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The tie rows alone, straight into SQLite with the same pragmas.
void bare_sqlite_save(const Network& net, const std::string& path) {
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db);
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                       "CREATE TABLE ties(seq INTEGER PRIMARY KEY, a INTEGER, b INTEGER, kind INTEGER, since TEXT, "
                       "until TEXT, weight REAL); BEGIN",
                       nullptr, nullptr, nullptr),
          db);
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO ties VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)", -1, &stmt, nullptr), db);
    std::int64_t seq = 0;
    for (const auto& tie : net.ties()) {
        sqlite3_bind_int64(stmt, 1, ++seq);
        sqlite3_bind_int64(stmt, 2, tie.a);
        sqlite3_bind_int64(stmt, 3, tie.b);
        sqlite3_bind_int64(stmt, 4, tie.kind);
        const std::string since = format_date(tie.since);
        if (since.empty())
            sqlite3_bind_null(stmt, 5);
        else
            sqlite3_bind_text(stmt, 5, since.c_str(), static_cast<int>(since.size()), SQLITE_TRANSIENT);
        sqlite3_bind_double(stmt, 6, tie.weight);
        check(sqlite3_step(stmt), db);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    check(sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), db);
    sqlite3_close(db);
}

std::size_t bare_sqlite_load(const std::string& path) {
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), db);
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT a, b, kind, since, until, weight FROM ties ORDER BY seq", -1, &stmt,
                             nullptr),
          db);
    std::size_t rows = 0;
    double sum = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        sum += sqlite3_column_double(stmt, 5) + static_cast<double>(sqlite3_column_bytes(stmt, 3));
        ++rows;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows + (sum < 0 ? 1 : 0);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string json_out = verbind::bench::json_path(argc, argv);
    const std::size_t actors = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const std::size_t ties = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    const std::string dir =
        (fs::temp_directory_path() / ("verbind-bench-store-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);
    const std::string path = dir + "/net.db", bare = dir + "/bare.db", json = dir + "/net.json";

    std::printf("building a network of %zu actors and %zu ties...\n", actors, ties);
    const Network net = make_network(actors, ties);

    std::vector<double> save_new, save_over, load_t, json_write, json_read, bare_save, bare_load;
    for (int r = 0; r < repeats; ++r) {
        remove_store(path);
        save_new.push_back(seconds([&] { save(net, path); }));
        save_over.push_back(seconds([&] { save(net, path); }));
        Network back;
        load_t.push_back(seconds([&] { back = load(path); }));
        if (!(back == net)) {
            std::fprintf(stderr, "round trip differs\n");
            return 1;
        }
        json_write.push_back(seconds([&] { write_json(net, json, {true}); }));
        json_read.push_back(seconds([&] { back = read_json(json); }));
        remove_store(bare);
        bare_save.push_back(seconds([&] { bare_sqlite_save(net, bare); }));
        bare_load.push_back(seconds([&] { (void)bare_sqlite_load(bare); }));
    }
    const double s = median(save_new), so = median(save_over), l = median(load_t);
    std::printf("file size: %.1f MB (store), %.1f MB (JSON)\n", static_cast<double>(fs::file_size(path)) / 1e6,
                static_cast<double>(fs::file_size(json)) / 1e6);
    std::printf("median of %d runs            seconds   target   verbind JSON   bare SQLite (ties only)\n", repeats);
    std::printf("save (new file)            %8.3f   < 3.0     %6.3f (x%.2f)   %6.3f (x%.2f)\n", s, median(json_write),
                s / median(json_write), median(bare_save), s / median(bare_save));
    std::printf("save (over an old state)   %8.3f   < 3.0\n", so);
    std::printf("load                       %8.3f   < 1.5     %6.3f (x%.2f)   %6.3f (x%.2f)\n", l, median(json_read),
                l / median(json_read), median(bare_load), l / median(bare_load));
    verbind::bench::Rows rows("store");
    auto wall = [](double x) { return verbind::bench::Times{x, 0.0}; };
    rows.add(
        "save (new file) 100k actors 1M ties" +
            std::string(actors == 100000 && ties == 1000000 ? "" : " (other size)"),
        {{"verbind", wall(s)}, {"verbind JSON", wall(median(json_write))}, {"bare SQLite", wall(median(bare_save))}});
    rows.add(
        "load 100k actors 1M ties" + std::string(actors == 100000 && ties == 1000000 ? "" : " (other size)"),
        {{"verbind", wall(l)}, {"verbind JSON", wall(median(json_read))}, {"bare SQLite", wall(median(bare_load))}});
    rows.write(json_out);
    fs::remove_all(dir);
    return 0;
}
