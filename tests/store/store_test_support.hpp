// What the store tests share: a small network with a row in every table,
// the bytes of a file, raw SQL on a store file.
#pragma once

#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace verbind::store_test {

inline Date day(const char* text) { return parse_date(text); }

// Every table has a row: residents, an organisation, two tie kinds, events
// with organisers and attendance, every kind of sensitive mark.
inline Network small_network() {
    Network net;
    net.add_resident("ann", {"Noord", "Lelystad", {"cooking"}, {"lgbti", "choir"}, false, std::nullopt});
    net.add_resident("bob", {"Noord", "Lelystad", {"football", "cooking"}, {}, true, day("2022-02-01")});
    net.add_resident("cem", {"", "", {}, {"choir"}, false, std::nullopt});
    net.add_organisation("lib", {"library", "Noord", "Lelystad", {"books"}});
    net.add_tie("ann", "bob", "knows", {day("2022-01-01"), std::nullopt, 1.0});
    net.add_tie("ann", "bob", "neighbour", {day("2022-03-01"), day("2022-09-01"), 3.5});
    net.add_tie("cem", "lib", "member_of", {});
    net.add_event("e1", {day("2022-05-04"), "commemoration", "Noord", "Lelystad", {"lib", "bob"}});
    net.add_event("pride", {day("2022-06-25"), "Pride breakfast", "", "", {}});
    net.attend("e1", "ann");
    net.attend("e1", "cem", "ann");
    net.attend("pride", "ann");
    net.mark_sensitive("lgbti");
    net.mark_sensitive_event("pride");
    net.mark_sensitive_tie_kind("member_of");
    return net;
}

inline std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void sql(const std::string& path, const std::string& statements) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &message);
    INFO(statements << ": " << (message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// As verbind wrote files before version 3 (no checksum): rows can then be
// edited by hand to test the row checks.
inline void unseal(const std::string& path) {
    sql(path, "DELETE FROM verbind_meta WHERE name = 'checksum'; PRAGMA user_version = 2;");
}

}  // namespace verbind::store_test
