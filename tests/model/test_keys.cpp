// Keys and labels refuse every Unicode control, line break and noncharacter
// anywhere, and every white space, separator and invisible format character
// at the start or the end, as ASCII blanks and controls always were.
#include "verbind/error.hpp"
#include "verbind/model/network.hpp"
#include "verbind/model/text.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

// UTF-8 of a code point, written out here independently of text.cpp.
std::string utf8(std::uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::vector<std::uint32_t> range(std::uint32_t first, std::uint32_t last) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t cp = first; cp <= last; ++cp) out.push_back(cp);
    return out;
}

void append(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& more) {
    to.insert(to.end(), more.begin(), more.end());
}

// Refused anywhere: the Unicode general category Cc (C0, DEL, C1 with NEL),
// the line and paragraph separators (Zl, Zp), and the 66 noncharacters.
std::vector<std::uint32_t> refused_anywhere() {
    std::vector<std::uint32_t> out = range(0x00, 0x1F);
    append(out, range(0x7F, 0x9F));
    append(out, {0x2028, 0x2029});
    append(out, range(0xFDD0, 0xFDEF));
    for (std::uint32_t plane = 0; plane <= 0x10; ++plane) append(out, {plane << 16 | 0xFFFE, plane << 16 | 0xFFFF});
    return out;
}

// Refused at an edge (in addition): Unicode White_Space and the space
// separators (Zs), and invisible format characters.
std::vector<std::uint32_t> refused_at_edge_only() {
    std::vector<std::uint32_t> out = {0x0020, 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000};  // Zs besides 2000-200A
    append(out, range(0x2000, 0x200A));
    append(out, {0x00AD, 0x180E, 0xFEFF, 0x2060, 0x061C});  // soft hyphen, MVS, BOM, word joiner, ALM
    append(out, range(0x200B, 0x200F));                     // zero-width space/joiners, LRM, RLM
    append(out, range(0x202A, 0x202E));                     // bidirectional embeddings and overrides
    append(out, range(0x2066, 0x2069));                     // bidirectional isolates
    return out;
}

std::string hex(std::uint32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

}  // namespace

TEST_CASE("keys refuse every control, line break and noncharacter anywhere", "[model][keys]") {
    const auto table = refused_anywhere();
    REQUIRE(table.size() == 32 + 33 + 2 + 32 + 34);
    for (const std::uint32_t cp : table) {
        const std::string c = utf8(cp);
        INFO(hex(cp));
        REQUIRE(is_refused_anywhere(cp));
        for (const std::string& key : {c + "ab", "a" + c + "b", "ab" + c, c}) {
            REQUIRE_FALSE(is_valid_label(key));
            REQUIRE_THROWS_AS(check_label(key, "resident key"), input_error);
            REQUIRE_THROWS_WITH(check_label(key, "resident key"), Contains("resident key: ") && Contains(hex(cp)));
        }
    }
}

TEST_CASE("keys refuse white space, separators and invisible characters at the start and the end", "[model][keys]") {
    for (const std::uint32_t cp : refused_at_edge_only()) {
        const std::string c = utf8(cp);
        INFO(hex(cp));
        REQUIRE_FALSE(is_refused_anywhere(cp));
        REQUIRE(is_refused_at_edge(cp));
        for (const std::string& key : {c + "ab", "ab" + c, c, c + "ab" + c}) {
            REQUIRE_FALSE(is_valid_label(key));
            REQUIRE_THROWS_AS(check_label(key, "resident key"), input_error);
            if (cp != 0x20) REQUIRE_THROWS_WITH(check_label(key, "resident key"), Contains(hex(cp)));
        }
        // Inside a key they are text like any other (as an ASCII space is).
        const std::string inside = "a" + c + "b";
        REQUIRE(is_valid_label(inside));
        REQUIRE_NOTHROW(check_label(inside, "resident key"));
    }
}

TEST_CASE("ordinary letters, marks, emoji and private-use characters stay valid", "[model][keys]") {
    // One code point of each ordinary kind, at the start, inside and at the end.
    const std::uint32_t fine[] = {'a',    0xE9,   0x130,  0x3B1,   0x5D0,   0x627,    0x4E2D, 0x1F308,
                                  0xE000, 0xFFFD, 0xFB01, 0x10000, 0x1FFFD, 0x10FFFD, 0x0301 /* combining acute */};
    for (const std::uint32_t cp : fine) {
        const std::string c = utf8(cp);
        INFO(hex(cp));
        REQUIRE_FALSE(is_refused_at_edge(cp));
        for (const std::string& key : {c, c + "x", "x" + c, "x" + c + "x"}) {
            REQUIRE(is_valid_label(key));
            REQUIRE_NOTHROW(check_label(key, "resident key"));
        }
    }
    // A family emoji joins its parts with U+200D inside: allowed there.
    REQUIRE(is_valid_label(utf8(0x1F469) + utf8(0x200D) + utf8(0x1F467)));
}

TEST_CASE("the whole code space: is_valid_label agrees with check_label and with the classes", "[model][keys]") {
    // An independent oracle for every code point from the tables above.
    std::vector<char> anywhere(0x110000, 0), edge(0x110000, 0);
    for (std::uint32_t cp : refused_anywhere()) anywhere[cp] = 1;
    for (std::uint32_t cp : refused_at_edge_only()) edge[cp] = 1;
    std::size_t checked = 0;
    for (std::uint32_t cp = 0; cp < 0x110000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not UTF-8 at all
        const std::string key = "k" + utf8(cp) + "k";
        const bool valid = is_valid_label(key);
        bool thrown = false;
        try {
            check_label(key, "key");
        } catch (const input_error&) {
            thrown = true;
        }
        if (valid == thrown) FAIL("is_valid_label and check_label disagree at " << hex(cp));
        if (anywhere[cp] && valid) FAIL(hex(cp) << " is accepted inside a key");
        if (edge[cp] && !valid) FAIL(hex(cp) << " is refused inside a key");
        if (anywhere[cp] != is_refused_anywhere(cp)) FAIL(hex(cp) << ": is_refused_anywhere disagrees");
        if ((edge[cp] || anywhere[cp]) && !is_refused_at_edge(cp)) FAIL(hex(cp) << ": is_refused_at_edge misses it");
        ++checked;
    }
    REQUIRE(checked == 0x110000 - 0x800);
}

TEST_CASE("the Network refuses such keys and labels everywhere, changing nothing", "[model][keys]") {
    Network net;
    net.add_resident("ann");
    net.add_resident("bob");
    net.add_event("e1", {.date = Date(2022, 5, 4), .kind = "iftar"});
    const Network before = net;
    const std::string nel = utf8(0x85), ls = utf8(0x2028), ps = utf8(0x2029), nbsp = utf8(0xA0),
                      nonchar = utf8(0xFFFE);
    REQUIRE_THROWS_WITH(net.add_resident("r" + nel + "1"),
                        Contains("resident key: contains a control character (U+0085"));
    REQUIRE_THROWS_WITH(net.add_resident("r" + ls + "1"), "resident key: contains a line break (U+2028)");
    REQUIRE_THROWS_WITH(net.add_resident(nbsp + "r1"),
                        Contains("resident key: has leading or trailing white space") && Contains("U+00A0"));
    REQUIRE_THROWS_WITH(net.add_resident("r" + nonchar), Contains("resident key: contains the noncharacter U+FFFE"));
    REQUIRE_THROWS_WITH(net.add_organisation("lib" + ps, {.kind = "library"}), Contains("organisation key"));
    REQUIRE_THROWS_WITH(net.add_organisation("lib", {.kind = nbsp + "library"}),
                        Contains("organisation 'lib' field 'kind'"));
    REQUIRE_THROWS_WITH(net.add_resident("cem", {.neighbourhood = "Centrum" + ls}),
                        Contains("resident 'cem' field 'neighbourhood'"));
    REQUIRE_THROWS_WITH(net.add_resident("cem", {.groups = {"youth" + utf8(0x3000)}}),
                        Contains("resident 'cem' field 'groups'"));
    REQUIRE_THROWS_WITH(net.add_tie("ann", "bob", "knows" + nel), Contains("field 'kind'"));
    REQUIRE_THROWS_WITH(net.add_event("e" + utf8(0xFEFF), {.date = Date(2022, 5, 4), .kind = "iftar"}),
                        Contains("event key"));
    REQUIRE_THROWS_AS(net.attend("e1", utf8(0x2007) + "ann"), not_found_error);
    REQUIRE(net == before);
}
