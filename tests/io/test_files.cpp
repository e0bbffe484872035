// Every writer under injected failures (the target is afterwards byte for
// byte the old content or the new, never a mix, and no temporary is left),
// the failed export of issue 11 item 3, paths with a NUL for every reader and
// writer, and the file helper's own rules (foreign files, stale temporaries,
// concurrent writers).

#include "io_test_support.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/graphml.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/report/report.hpp"
#include "verbind/store/store.hpp"
#include "verbind/util/files.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace verbind_io_test;
using verbind::Date;
using verbind::Network;
namespace fs = std::filesystem;
namespace files = verbind::files;

namespace {

// Every entry of `folder` (recursively), path relative to it -> bytes; a
// folder maps to "<dir>".
using Snapshot = std::map<std::string, std::string>;

Snapshot snapshot(const fs::path& folder) {
    Snapshot out;
    if (!fs::exists(folder)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const std::string name = fs::relative(entry.path(), folder).string();
        if (entry.is_directory()) {
            out[name] = "<dir>";
        } else {
            std::ifstream in(entry.path(), std::ios::binary);
            out[name] = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    }
    return out;
}

// Network A: sensitive groups, a sensitive tie kind and a sensitive event.
Network network_a() {
    Network net = awkward_network();
    net.mark_sensitive_tie_kind("member_of");
    net.mark_sensitive_event("e1");
    return net;
}

// Network B: different people, nothing sensitive.
Network network_b() {
    Network net;
    net.add_resident("b1", {"Noord", "Almere", {"fietsen"}, {}, false, {}});
    net.add_resident("b2");
    net.add_tie("b1", "b2", "knows", {});
    net.add_event("eb", {Date(2023, 1, 2), "iftar", "", "Almere", {}});
    net.attend("eb", "b1");
    return net;
}

// Runs `write` with the n-th file-system step failing, for n = 0, 1, ...
// until it succeeds. After each failed attempt the whole parent folder
// (target and any sibling) must be exactly `before`; after success exactly
// `after`. Returns how many attempts failed.
long enumerate_failures(const fs::path& parent, const Snapshot& before, const Snapshot& after,
                        const std::function<void()>& write, const std::function<void()>& restore) {
    long failures = 0;
    for (long n = 0;; ++n) {
        restore();
        REQUIRE(snapshot(parent) == before);
        files::testing::fail_step(n);
        bool failed = false;
        try {
            write();
        } catch (const verbind::io_error& e) {
            failed = true;
            INFO("step " << n << ": " << e.what());
            CHECK_THAT(e.what(), Catch::Contains("No space left on device"));
        }
        const long steps = files::testing::steps_taken();
        files::testing::fail_step(-1);
        const Snapshot now = snapshot(parent);
        INFO("failing step " << n << " of " << steps);
        if (failed) {
            ++failures;
            // Old or new, whole, and nothing else (no temporary).
            CHECK((now == before || now == after));
        } else {
            REQUIRE(now == after);
            REQUIRE(n >= steps);  // the failing step was never reached
            break;
        }
        REQUIRE(n < 10000);
    }
    return failures;
}

}  // namespace

TEST_CASE("write_csv under a failure at every step: old export or new, never a mix", "[io][files][faults]") {
    const Network a = network_a();
    const Network b = network_b();
    TempFolder scratch;
    const fs::path parent = fs::path(scratch.str()) / "exports";
    const fs::path target = parent / "e";
    const fs::path reference = fs::path(scratch.str()) / "reference";

    // The expected states, written without faults.
    verbind::write_csv(b, (reference / "e").string());
    const Snapshot after = snapshot(reference);
    fs::remove_all(reference);
    verbind::write_csv(a, (reference / "e").string(), {true});
    const Snapshot before = snapshot(reference);
    REQUIRE(before.count("e/sensitive_events.csv") == 1);
    REQUIRE(before.count("e/sensitive_tie_kinds.csv") == 1);
    REQUIRE(before != after);

    for (bool exchange : {true, false}) {
        INFO("RENAME_EXCHANGE " << exchange);
        files::testing::use_exchange(exchange);
        auto restore = [&] {
            fs::remove_all(parent);
            verbind::write_csv(a, target.string(), {true});
        };
        const long failures = enumerate_failures(
            parent, before, after, [&] { verbind::write_csv(b, target.string()); }, restore);
        CHECK(failures >= 19);  // every mkdir, create, write, fsync, close and the swap

        // Issue 11 item 3: whatever failed before the swap (the last step is
        // the fsync after it), what reads back is A, marks and all.
        restore();
        for (long n = 0; n < failures - 1; n += 3) {
            files::testing::fail_step(n);
            CHECK_THROWS_AS(verbind::write_csv(b, target.string()), verbind::io_error);
            files::testing::fail_step(-1);
            const Network back = verbind::read_csv(target.string());
            CHECK(back == a);
            CHECK(back.is_sensitive_event(back.event_id("e1")));
            CHECK(back.is_sensitive_tie_kind("member_of"));
        }
    }
    files::testing::use_exchange(true);

    // Into a folder that does not exist yet: nothing, or all of it.
    const Snapshot empty;
    enumerate_failures(
        parent, empty, after, [&] { verbind::write_csv(b, target.string()); }, [&] { fs::remove_all(parent); });
}

TEST_CASE("single-file writers under a failure at every step", "[io][files][faults]") {
    const Network a = network_a();
    const Network b = verbind::sample_programme({.seed = 7, .scale = 0.1});
    TempFolder scratch;
    const fs::path parent = fs::path(scratch.str()) / "out";
    const fs::path target = parent / "export.out";

    verbind::ReportOptions report;
    report.seed = 3;
    report.top = 3;
    report.train = 2;
    struct Writer {
        const char* name;
        std::function<void(const Network&, const std::string&)> write;
    };
    const std::vector<Writer> writers = {
        {"write_json", [](const Network& n, const std::string& p) { verbind::write_json(n, p); }},
        {"write_graphml", [](const Network& n, const std::string& p) { verbind::write_graphml(n, p); }},
        {"write_report", [&](const Network& n, const std::string& p) { verbind::write_report(n, report, p); }},
    };
    for (const auto& writer : writers) {
        INFO(writer.name);
        fs::remove_all(parent);
        fs::create_directories(parent);
        writer.write(b, target.string());
        const Snapshot after = snapshot(parent);
        fs::remove_all(parent);
        fs::create_directories(parent);
        writer.write(a, target.string());
        const Snapshot before = snapshot(parent);
        REQUIRE(before != after);
        REQUIRE(before.size() == 1);
        auto restore = [&] {
            fs::remove_all(parent);
            fs::create_directories(parent);
            writer.write(a, target.string());
        };
        // create, write, fsync, close, rename and the folder's fsync; the
        // last may fail after the new file is in place (the "after" state).
        CHECK(enumerate_failures(
                  parent, before, after, [&] { writer.write(b, target.string()); }, restore) >= 5);
    }
}

TEST_CASE("the file helper: atomic_write_file and atomic_write_folder directly", "[io][files][faults]") {
    TempFolder scratch;
    const fs::path parent = fs::path(scratch.str());
    const std::string big(3 << 20, 'x');  // three write calls of 1 MiB
    auto restore = [&] {
        fs::remove_all(parent);
        fs::create_directories(parent);
        files::atomic_write_file((parent / "f").string(), "old");
    };
    restore();
    const Snapshot before = snapshot(parent);
    files::atomic_write_file((parent / "f").string(), big);
    const Snapshot after = snapshot(parent);
    CHECK(after.at("f") == big);
    CHECK(enumerate_failures(
              parent, before, after, [&] { files::atomic_write_file((parent / "f").string(), big); }, restore) ==
          3 + 5);

    // A folder of files whose names are all owned.
    const std::string_view owned[] = {"x", "y", "z"};
    const std::vector<files::FolderFile> old_files = {{"x", "1"}, {"z", "3"}};
    const std::vector<files::FolderFile> new_files = {{"x", "one"}, {"y", ""}};
    auto restore_folder = [&] {
        fs::remove_all(parent);
        files::atomic_write_folder((parent / "d").string(), old_files, owned);
    };
    restore_folder();
    const Snapshot folder_before = snapshot(parent);
    CHECK(folder_before == Snapshot{{"d", "<dir>"}, {"d/x", "1"}, {"d/z", "3"}});
    files::atomic_write_folder((parent / "d/").string(), new_files, owned);  // a trailing slash names the same folder
    const Snapshot folder_after = snapshot(parent);
    CHECK(folder_after == Snapshot{{"d", "<dir>"}, {"d/x", "one"}, {"d/y", ""}});
    // mkdir; x: create, write, fsync, close; y: create, fsync, close; the
    // folder's fsync; the exchange; the parent's fsync.
    CHECK(enumerate_failures(
              parent, folder_before, folder_after,
              [&] { files::atomic_write_folder((parent / "d").string(), new_files, owned); }, restore_folder) == 11);
}

TEST_CASE("an export never replaces a folder holding other files", "[io][files]") {
    TempFolder scratch;
    const fs::path target = fs::path(scratch.str()) / "mine";
    fs::create_directories(target);
    std::ofstream(target / "notes.txt") << "my own notes";
    const Snapshot before = snapshot(scratch.str());
    REQUIRE_THROWS_WITH(verbind::write_csv(network_b(), target.string()),
                        Catch::Contains("notes.txt") && Catch::Contains("not part of this export"));
    CHECK(snapshot(scratch.str()) == before);
    fs::remove(target / "notes.txt");
    fs::create_directories(target / "sub");
    REQUIRE_THROWS_WITH(verbind::write_csv(network_b(), target.string()), Catch::Contains("'sub'"));
    fs::remove(target / "sub");
    // A temporary left by an earlier version's per-file writer goes with the
    // old folder.
    std::ofstream(target / "actors.csv.tmp-12-0") << "key,type\nold,resident\n";
    verbind::write_csv(network_b(), target.string());  // replaced
    CHECK(!fs::exists(target / "actors.csv.tmp-12-0"));
    CHECK(verbind::read_csv(target.string()) == network_b());

    // A file where the folder should be.
    std::ofstream(fs::path(scratch.str()) / "plain") << "x";
    CHECK_THROWS_WITH(verbind::write_csv(network_b(), (fs::path(scratch.str()) / "plain").string()),
                      Catch::Contains("not a folder"));
}

TEST_CASE("temporaries of a killed writer are removed by the next write, a live one's are not", "[io][files]") {
    TempFolder scratch;
    const fs::path dir(scratch.str());
    // A process id that is certainly not running: a child that has exited
    // and been reaped.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    const std::string dead = std::to_string(child);
    const std::string alive = std::to_string(::getppid());
    std::ofstream(dir / (".net.json." + dead + "-0.verbind-tmp")) << "{secret}";
    std::ofstream(dir / (".net.json." + alive + "-0.verbind-tmp")) << "{in progress}";
    fs::create_directories(dir / (".e." + dead + "-3.verbind-old"));
    std::ofstream(dir / (".e." + dead + "-3.verbind-old") / "actors.csv") << "secret";
    std::ofstream(dir / (".other." + dead + "-0.verbind-tmp")) << "not this target's";
    std::ofstream(dir / ("net.json.tmp-" + dead + "-4")) << "{an earlier version's}";
    std::ofstream(dir / ("net.json.tmp-" + alive + "-4")) << "{an earlier version's, running}";

    verbind::write_json(network_b(), (dir / "net.json").string());
    verbind::write_csv(network_b(), (dir / "e").string());
    CHECK(!fs::exists(dir / (".net.json." + dead + "-0.verbind-tmp")));
    CHECK(!fs::exists(dir / (".e." + dead + "-3.verbind-old")));
    CHECK(!fs::exists(dir / ("net.json.tmp-" + dead + "-4")));
    CHECK(fs::exists(dir / ("net.json.tmp-" + alive + "-4")));
    CHECK(fs::exists(dir / (".net.json." + alive + "-0.verbind-tmp")));
    CHECK(fs::exists(dir / (".other." + dead + "-0.verbind-tmp")));
}

TEST_CASE("writers running at once on one target leave one whole result", "[io][files]") {
    TempFolder scratch;
    const fs::path dir(scratch.str());
    std::vector<Network> networks;
    for (int i = 0; i < 4; ++i) {
        Network net;
        for (int k = 0; k <= i; ++k) net.add_resident("t" + std::to_string(i * 10 + k));
        networks.push_back(std::move(net));
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < 10; ++round) {
                verbind::write_json(networks[i], (dir / "net.json").string());
                verbind::write_csv(networks[i], (dir / "e").string());
            }
        });
    for (auto& thread : threads) thread.join();
    const Network json = verbind::read_json((dir / "net.json").string());
    const Network csv = verbind::read_csv((dir / "e").string());
    CHECK(std::count(networks.begin(), networks.end(), json) == 1);
    CHECK(std::count(networks.begin(), networks.end(), csv) == 1);
    // Nothing else: no temporary survived.
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        (void)entry;
        ++entries;
    }
    CHECK(entries == 2);
}

TEST_CASE("a path with a NUL is refused by every reader and writer, naming the argument", "[io][files]") {
    TempFolder scratch;
    const std::string good = scratch.file("t.db");
    const std::string evil = good + std::string(1, '\0') + ".evil";
    const Network net = network_b();
    verbind::write_json(net, good);  // so a reader that cut the path would find a file
    verbind::ReportOptions report;
    report.top = 3;
    report.train = 2;
    const std::vector<std::pair<const char*, std::function<void()>>> calls = {
        {"path", [&] { verbind::write_json(net, evil); }},
        {"path", [&] { verbind::read_json(evil); }},
        {"path",
         [&] {
             Network target;
             verbind::import_json(target, evil);
         }},
        {"path", [&] { verbind::read_network(evil); }},
        {"folder", [&] { verbind::write_csv(net, evil); }},
        {"folder", [&] { verbind::read_csv(evil); }},
        {"folder",
         [&] {
             Network target;
             verbind::import_csv(target, evil);
         }},
        {"path", [&] { verbind::write_graphml(net, evil); }},
        {"path", [&] { verbind::write_report(net, report, evil); }},
        {"path", [&] { verbind::read_edgelist(evil); }},
        {"path", [&] { verbind::read_contacts(evil); }},
        {"path", [&] { verbind::save(net, evil); }},
        {"path", [&] { verbind::load(evil); }},
        {"path", [&] { verbind::Store::open(evil); }},
    };
    for (const auto& [argument, call] : calls) {
        try {
            call();
            FAIL("accepted a path with a NUL");
        } catch (const verbind::parse_error&) {
            FAIL("read a file by a cut path");
        } catch (const verbind::input_error& e) {
            CHECK_THAT(e.what(), Catch::StartsWith(std::string(argument) + ": ") && Catch::Contains("NUL") &&
                                     Catch::Contains("t.db\\x00.evil"));
        }
    }
    // Nothing was written at the cut path, or anywhere else.
    CHECK(snapshot(scratch.str()).size() == 1);
    CHECK(verbind::read_json(good) == net);
}

TEST_CASE("a replaced export keeps its permission bits", "[io][files]") {
    TempFolder scratch;
    const fs::path dir(scratch.str());
    const auto json = dir / "net.json";
    verbind::write_json(network_b(), json.string());
    fs::permissions(json, fs::perms::owner_read | fs::perms::owner_write);
    verbind::write_json(network_a(), json.string());
    CHECK(fs::status(json).permissions() == (fs::perms::owner_read | fs::perms::owner_write));

    const auto folder = dir / "e";
    verbind::write_csv(network_b(), folder.string());
    fs::permissions(folder, fs::perms::owner_all);
    fs::permissions(folder / "actors.csv", fs::perms::owner_read | fs::perms::owner_write);
    verbind::write_csv(network_a(), folder.string(), {true});
    CHECK(fs::status(folder).permissions() == fs::perms::owner_all);
    CHECK(fs::status(folder / "actors.csv").permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(verbind::read_csv(folder.string()) == network_a());
}
