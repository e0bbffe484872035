// Text in and out, the one place for the whole library (issue 14): UTF-8
// checks and error-message text, numbers as text, JSON and markup escapes,
// joining lists. Every reader, writer, report, the CLI and the bindings call
// these; none keeps its own copy. util uses nothing else of the library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace verbind {

// --- UTF-8 -----------------------------------------------------------------------

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

// `text` as it may appear in an error message: valid UTF-8 as it is, every
// byte that is not (and every control character, NUL included) as \xNN, so
// no message carries raw invalid bytes into a log, a C caller or a Python
// str. Every message that quotes outside text goes through this one.
std::string printable(std::string_view text);

// --- numbers ---------------------------------------------------------------------

// How a double is written. Each output keeps the format it has always had:
// - shortest: the shortest text that reads back as exactly the value
//   (std::to_chars; "0.1", "1e+300"): the CSV and JSON exports;
// - significant(d): printf's "%.*g" with d significant digits; 17 reads back
//   exactly too ("0.10000000000000001"): GraphML, the social map's JSON,
//   messages;
// - fixed(d): printf's "%.*f", d digits after the point: tables and reports.
// Not-a-number and infinities are written as printf and to_chars write them
// ("nan", "inf", "-inf"); a writer whose format has no such value (JSON)
// decides before calling.
struct NumberFormat {
    enum class Style : unsigned char { shortest, significant, fixed };
    Style style = Style::shortest;
    int digits = 0;

    static constexpr NumberFormat shortest() noexcept { return {Style::shortest, 0}; }
    static constexpr NumberFormat significant(int digits) noexcept { return {Style::significant, digits}; }
    static constexpr NumberFormat fixed(int digits) noexcept { return {Style::fixed, digits}; }
};

// Appends `value` as `format` says.
void append_number(std::string& out, double value, NumberFormat format = NumberFormat::shortest());
std::string number_text(double value, NumberFormat format = NumberFormat::shortest());

// --- escapes ---------------------------------------------------------------------

// Appends `text` as a JSON string, quotes included: '"' and '\' escaped,
// \n \r \t by name, other control characters as \u00XX (lowercase hex);
// everything else as it is (the text is UTF-8).
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

// Appends `text` for XML and HTML (the report's HTML and SVG): the five
// characters & < > " ' as entities both languages read.
void append_markup_escaped(std::string& out, std::string_view text);

// --- lists -----------------------------------------------------------------------

// The items with `separator` between each two ({"a", "b"}, ";" -> "a;b";
// none -> ""). `text_of(item)` gives an item's text (default: the item, a
// string or string_view).
template <class Range, class TextOf>
std::string join(const Range& items, std::string_view separator, TextOf&& text_of) {
    std::string out;
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += separator;
        first = false;
        out += text_of(item);
    }
    return out;
}

template <class Range>
std::string join(const Range& items, std::string_view separator) {
    return join(items, separator, [](const auto& item) -> std::string_view { return item; });
}

}  // namespace verbind
