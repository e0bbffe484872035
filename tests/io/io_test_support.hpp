// Shared by tests/io: a scratch folder that cleans up after itself, a
// network that uses every field with awkward text, and the check that a
// failed import names the problem and changes nothing.
#pragma once

#include "verbind/error.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace verbind_io_test {

using verbind::Date;
using verbind::Network;

class TempFolder {
public:
    TempFolder() {
        std::random_device entropy;
        const auto tag = std::to_string(entropy()) + "-" + std::to_string(entropy());
        path_ = std::filesystem::temp_directory_path() / ("verbind-io-test-" + tag);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    std::string str() const { return path_.string(); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream out(path_ / name, std::ios::binary);
        out << bytes;
        REQUIRE(out.good());
    }

    std::string read(const std::string& name) const {
        std::ifstream in(path_ / name, std::ios::binary);
        REQUIRE(in.good());
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

private:
    std::filesystem::path path_;
};

// The special-category group in awkward_network().
inline const std::string sensitive_group = "LGBTI+ (zelf opgegeven)";

// Every field of the model in use, with text that needs quoting or escaping,
// non-ASCII text, weights that have no short exact decimal form, open and
// closed dates.
inline Network awkward_network() {
    Network network;
    network.mark_sensitive(sensitive_group);
    network.mark_sensitive("never used");
    network.add_resident("r1", {"Centrum, \"Oud\"",
                                "Lelystad",
                                {"koken", "schaak, \"blitz\""},
                                {sensitive_group, "Turks-Nederlands"},
                                true,
                                Date(2022, 3, 5)});
    network.add_resident("Zoë", {"Kanaleneiland", "İstanbul", {"muziek", "🌈 regenboog"}, {"buurtvader"}, false, {}});
    network.add_resident("r3");
    network.add_organisation("bib", {"library", "Stad", "Almere", {"taalcafé", "ruimte, gratis"}});
    network.add_organisation("cod", {"anti-discrimination \"bureau\"", "", "", {}});
    network.add_tie("r1", "Zoë", "knows", {Date(2021, 1, 1), std::nullopt, 0.1});
    network.add_tie("Zoë", "bib", "member_of", {std::nullopt, Date(2022, 12, 31), 1e-300});
    network.add_tie("r1", "r3", "family, \"close\"", {Date(2020, 2, 29), Date(2023, 1, 1), 3});
    network.add_tie("Zoë", "r1", "knows", {Date(2022, 6, 1), std::nullopt, 1.0 / 3.0});
    network.add_tie("bib", "cod", "partner", {});
    network.add_event("e1", {Date(2022, 5, 5), "5 May breakfast", "Centrum, \"Oud\"", "Lelystad", {"bib", "r1"}});
    network.add_event("Keti Koti, 2022", {Date(2022, 7, 1), "Keti Koti", "", "", {}});
    network.attend("e1", "r1");
    network.attend("e1", "Zoë", "r1");
    network.attend("e1", "r3", "Zoë");
    network.attend("Keti Koti, 2022", "bib");
    network.attend("Keti Koti, 2022", "r1", "bib");
    return network;
}

// The network an import is tried on: not empty, so that "unchanged" means
// something.
inline Network import_target() {
    Network network;
    network.mark_sensitive("already marked");
    network.add_resident("r0", {"Noord", "Almere", {"fietsen"}, {"already marked"}, true, Date(2021, 9, 1)});
    network.add_organisation("o0", {"welfare", "Noord", "Almere", {}});
    network.add_tie("r0", "o0", "member_of", {Date(2021, 1, 1), std::nullopt, 2.5});
    network.add_event("e0", {Date(2021, 10, 1), "dialogue evening", "Noord", "Almere", {"o0"}});
    network.attend("e0", "r0");
    return network;
}

}  // namespace verbind_io_test

// Runs `import` (a call that imports into `target`) and requires a
// parse_error whose message contains `fragment`, with `target` as before.
#define REQUIRE_IMPORT_FAILS(import_call, target, fragment) \
  do { \
    const ::verbind::Network before_import = (target); \
    REQUIRE_THROWS_AS(import_call, ::verbind::parse_error); \
    REQUIRE_THROWS_WITH(import_call, Catch::Contains(fragment, Catch::CaseSensitive::Yes)); \
    REQUIRE((target) == before_import); \
  } while (false)
