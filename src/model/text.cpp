#include "verbind/model/text.hpp"

#include "verbind/error.hpp"

#include <cstdio>
#include <string>

namespace verbind {

namespace {

struct Range {
    std::uint32_t first, last;
};

// Refused anywhere in a key or label (besides the noncharacters U+xFFFE and
// U+xFFFF of every plane, tested arithmetically).
constexpr Range refused_anywhere[] = {
    {0x0000, 0x001F},  // C0 controls (tab, line feed, carriage return, ...)
    {0x007F, 0x009F},  // DEL and the C1 controls (NEL U+0085 among them)
    {0x2028, 0x2029},  // line separator, paragraph separator
    {0xFDD0, 0xFDEF},  // noncharacters
};

// Refused at the start or the end: white space, separators and invisible
// format characters (besides everything refused anywhere).
constexpr Range refused_at_edge[] = {
    {0x0020, 0x0020},    // space
    {0x00A0, 0x00A0},    // no-break space
    {0x00AD, 0x00AD},    // soft hyphen
    {0x034F, 0x034F},    // combining grapheme joiner
    {0x061C, 0x061C},    // Arabic letter mark
    {0x115F, 0x1160},    // Hangul fillers
    {0x1680, 0x1680},    // Ogham space mark
    {0x17B4, 0x17B5},    // Khmer inherent vowels (invisible)
    {0x180B, 0x180E},    // Mongolian variation selectors, vowel separator
    {0x2000, 0x200F},    // en quad ... hair space, zero-width space/joiners, LRM, RLM
    {0x202A, 0x202F},    // bidirectional embeddings, narrow no-break space
    {0x205F, 0x206F},    // medium mathematical space, word joiner, invisible operators, isolates
    {0x3000, 0x3000},    // ideographic space
    {0x3164, 0x3164},    // Hangul filler
    {0xFE00, 0xFE0F},    // variation selectors
    {0xFEFF, 0xFEFF},    // byte order mark / zero-width no-break space
    {0xFFA0, 0xFFA0},    // halfwidth Hangul filler
    {0xFFF9, 0xFFFB},    // interlinear annotation controls
    {0x1D173, 0x1D17A},  // musical symbol format controls
    {0xE0000, 0xE0FFF},  // tags and variation selectors supplement
};

bool in(const Range* ranges, std::size_t count, std::uint32_t cp) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
    return false;
}

// Decodes the code point at `i` of well-formed UTF-8 and advances `i`.
std::uint32_t decode(std::string_view text, std::size_t& i) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char c = s[i];
    if (c < 0x80) return s[i++];
    if (c < 0xE0) {
        const std::uint32_t cp = (std::uint32_t{c & 0x1Fu} << 6) | (s[i + 1] & 0x3Fu);
        i += 2;
        return cp;
    }
    if (c < 0xF0) {
        const std::uint32_t cp =
            (std::uint32_t{c & 0x0Fu} << 12) | (std::uint32_t{s[i + 1] & 0x3Fu} << 6) | (s[i + 2] & 0x3Fu);
        i += 3;
        return cp;
    }
    const std::uint32_t cp = (std::uint32_t{c & 0x07u} << 18) | (std::uint32_t{s[i + 1] & 0x3Fu} << 12) |
                             (std::uint32_t{s[i + 2] & 0x3Fu} << 6) | (s[i + 3] & 0x3Fu);
    i += 4;
    return cp;
}

enum class Problem { none, empty, utf8, line_break, control, noncharacter, edge, semicolon };

struct Finding {
    Problem problem = Problem::none;
    std::uint32_t code_point = 0;
};

bool is_noncharacter(std::uint32_t cp) noexcept { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

// The one check behind is_valid_label and check_label.
Finding inspect(std::string_view text, bool list_item) noexcept {
    if (text.empty()) return {Problem::empty, 0};
    // Fast path: plain ASCII (most keys) needs no decoding.
    bool ascii = true;
    for (unsigned char c : text) {
        if (c >= 0x80) {
            ascii = false;
            continue;
        }
        if (c < 0x20 || c == 0x7F) return {Problem::control, c};
        if (list_item && c == ';') return {Problem::semicolon, c};
    }
    if (ascii) {
        if (text.front() == ' ' || text.back() == ' ') return {Problem::edge, 0x20};
        return {};
    }
    if (!is_valid_utf8(text)) return {Problem::utf8, 0};
    std::uint32_t first = 0, last = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const std::uint32_t cp = decode(text, i);
        if (at == 0) first = cp;
        last = cp;
        if (is_refused_anywhere(cp)) {
            if (cp == 0x2028 || cp == 0x2029) return {Problem::line_break, cp};
            if (is_noncharacter(cp)) return {Problem::noncharacter, cp};
            return {Problem::control, cp};  // C0, DEL, C1 (NEL U+0085 among them)
        }
    }
    if (is_refused_at_edge(first)) return {Problem::edge, first};
    if (is_refused_at_edge(last)) return {Problem::edge, last};
    return {};
}

std::string code_point_name(std::uint32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

}  // namespace

bool is_refused_anywhere(std::uint32_t cp) noexcept {
    return in(refused_anywhere, std::size(refused_anywhere), cp) || (cp & 0xFFFE) == 0xFFFE;
}

bool is_refused_at_edge(std::uint32_t cp) noexcept {
    return is_refused_anywhere(cp) || in(refused_at_edge, std::size(refused_at_edge), cp);
}

bool is_valid_label(std::string_view text, bool list_item) noexcept {
    return inspect(text, list_item).problem == Problem::none;
}

void check_label(std::string_view text, std::string_view what, bool list_item) {
    const Finding found = inspect(text, list_item);
    if (found.problem == Problem::none) return;
    std::string reason;
    switch (found.problem) {
        case Problem::none: break;
        case Problem::empty: reason = "must not be empty"; break;
        case Problem::utf8: reason = "is not valid UTF-8"; break;
        case Problem::line_break: reason = "contains a line break (" + code_point_name(found.code_point) + ")"; break;
        case Problem::control:
            reason =
                "contains a control character (" + code_point_name(found.code_point) +
                (found.code_point == 0x0A || found.code_point == 0x0D || found.code_point == 0x85 ? ", a line break)"
                                                                                                  : ")");
            break;
        case Problem::noncharacter: reason = "contains the noncharacter " + code_point_name(found.code_point); break;
        case Problem::edge:
            reason = found.code_point == 0x20 ? std::string("has leading or trailing blanks")
                                              : "has leading or trailing white space or an invisible character (" +
                                                    code_point_name(found.code_point) + ")";
            break;
        case Problem::semicolon: reason = "contains ';' (it separates list items)"; break;
    }
    std::string message(what);
    message += ": ";
    message += reason;
    // The text itself is quoted only when it is printable as it stands: no
    // invalid bytes, no controls or line breaks that would garble a log line.
    if (found.problem == Problem::edge || found.problem == Problem::semicolon ||
        found.problem == Problem::noncharacter) {
        message += " '";
        message += text;
        message += "'";
    }
    throw input_error(message);
}

}  // namespace verbind
