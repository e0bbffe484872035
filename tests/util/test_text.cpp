// The one place for text in and out (verbind/util/text.hpp): numbers, JSON
// and markup escapes, joins. Expected values are written out by hand; the
// round trips are checked against the C library's own readers (strtod).
#include "verbind/util/text.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using verbind::number_text;
using verbind::NumberFormat;

TEST_CASE("number_text: shortest, significant and fixed, by hand", "[util][text]") {
    // shortest: the fewest digits that read back exactly.
    CHECK(number_text(0.1) == "0.1");
    CHECK(number_text(1.0) == "1");
    CHECK(number_text(-2.5) == "-2.5");
    CHECK(number_text(1e300) == "1e+300");
    CHECK(number_text(0.0) == "0");
    CHECK(number_text(-0.0) == "-0");
    CHECK(number_text(123456789.0) == "123456789");
    // %.17g: 17 significant digits, trailing zeros dropped.
    CHECK(number_text(0.1, NumberFormat::significant(17)) == "0.10000000000000001");
    CHECK(number_text(1.0, NumberFormat::significant(17)) == "1");
    CHECK(number_text(0.5, NumberFormat::significant(17)) == "0.5");
    CHECK(number_text(1e300, NumberFormat::significant(17)) == "1.0000000000000001e+300");
    CHECK(number_text(1234.5678, NumberFormat::significant(6)) == "1234.57");
    CHECK(number_text(0.000012345, NumberFormat::significant(3)) == "1.23e-05");
    // %.*f
    CHECK(number_text(3.14159, NumberFormat::fixed(2)) == "3.14");
    CHECK(number_text(2.0, NumberFormat::fixed(3)) == "2.000");
    CHECK(number_text(-0.25, NumberFormat::fixed(1)) == "-0.2");  // the tie goes to the even digit, as printf does
    CHECK(number_text(7.6, NumberFormat::fixed(0)) == "8");
    // A number wider than any small buffer.
    const std::string huge = number_text(1e308, NumberFormat::fixed(2));
    CHECK(huge.size() == 309 + 3);
    CHECK(huge.substr(0, 4) == "1000");
    CHECK(huge.substr(huge.size() - 3) == ".00");
    CHECK(number_text(1.0, NumberFormat::fixed(600)).size() == 602);
    // Not finite: as printf and to_chars write it.
    CHECK(number_text(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(number_text(-std::numeric_limits<double>::infinity(), NumberFormat::significant(17)) == "-inf");
    std::string out = "w=";
    verbind::append_number(out, 0.75);
    CHECK(out == "w=0.75");
}

TEST_CASE("number_text: shortest and %.17g read back exactly (strtod)", "[util][text]") {
    std::mt19937_64 random(20261130);
    std::uniform_int_distribution<std::uint64_t> bits;
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t word = bits(random);
        double value;
        static_assert(sizeof value == sizeof word);
        std::memcpy(&value, &word, sizeof value);
        if (!std::isfinite(value)) continue;
        for (auto format : {NumberFormat::shortest(), NumberFormat::significant(17)}) {
            const std::string text = number_text(value, format);
            char* end = nullptr;
            const double back = std::strtod(text.c_str(), &end);
            REQUIRE(end == text.c_str() + text.size());
            REQUIRE(std::memcmp(&back, &value, sizeof value) == 0);
        }
        // The shortest is never longer than 17 significant digits.
        CHECK(number_text(value).size() <= number_text(value, NumberFormat::significant(17)).size());
        ++checked;
    }
    CHECK(checked > 19000);
}

TEST_CASE("append_json_string: quotes, backslashes, control characters", "[util][text]") {
    CHECK(verbind::json_string("") == "\"\"");
    CHECK(verbind::json_string("plain é ✓") == "\"plain é ✓\"");
    CHECK(verbind::json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(verbind::json_string("\n\r\t") == "\"\\n\\r\\t\"");
    CHECK(verbind::json_string(std::string_view("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\x7f\"");
    CHECK(verbind::json_string("\x08\x0c") == "\"\\u0008\\u000c\"");
    std::string out = "{";
    verbind::append_json_string(out, "k");
    CHECK(out == "{\"k\"");
}

TEST_CASE("append_markup_escaped: the five characters", "[util][text]") {
    std::string out;
    verbind::append_markup_escaped(out, "<a href=\"x\">Tom & Jerry's</a>");
    CHECK(out == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("join: separators between items only", "[util][text]") {
    const std::vector<std::string> none, one{"a"}, three{"a", "b", "c"};
    CHECK(verbind::join(none, ";").empty());
    CHECK(verbind::join(one, ";") == "a");
    CHECK(verbind::join(three, ";") == "a;b;c");
    CHECK(verbind::join(three, ", ") == "a, b, c");
    // Empty items keep their separators (a naive "separator unless the text
    // so far is empty" would drop the first).
    CHECK(verbind::join(std::vector<std::string>{"", "b"}, ";") == ";b");
    CHECK(verbind::join(std::vector<std::string_view>{"x", "y"}, "") == "xy");
    struct Item {
        int n;
    };
    const std::vector<Item> items{{1}, {22}};
    CHECK(verbind::join(items, " + ", [](const Item& item) { return std::to_string(item.n); }) == "1 + 22");
}

TEST_CASE("printable and is_valid_utf8 live in util (below the model)", "[util][text]") {
    CHECK(verbind::is_valid_utf8("héllo"));
    CHECK_FALSE(verbind::is_valid_utf8("\xC0\xAF"));  // overlong '/'
    CHECK(verbind::printable("a\x01"
                             "b") == "a\\x01b");
    CHECK(verbind::printable("\xFFok") == "\\xFFok");
    CHECK(verbind::printable("ok é") == "ok é");
}
