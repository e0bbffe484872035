#include "verbind/model/text.hpp"

#include "verbind/error.hpp"

#include <string>

namespace verbind {

bool is_valid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) lo = 0xA0;       // no overlong forms
            else if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) lo = 0x90;       // no overlong forms
            else if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;
        }
        if (i + length > n) return false;
        if (s[i + 1] < lo || s[i + 1] > hi) return false;
        for (std::size_t k = 2; k < length; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
        i += length;
    }
    return true;
}

bool is_valid_label(std::string_view text, bool list_item) noexcept {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F || (list_item && c == ';')) return false;
    return is_valid_utf8(text);
}

void check_label(std::string_view text, std::string_view what, bool list_item) {
    auto fail = [&](std::string_view reason) {
        std::string message(what);
        message += ": ";
        message += reason;
        if (is_valid_utf8(text)) {
            message += " '";
            message += text;
            message += "'";
        }
        throw input_error(message);
    };
    if (text.empty()) fail("must not be empty");
    if (!is_valid_utf8(text)) fail("is not valid UTF-8");
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) fail("contains a control character");
    if (text.front() == ' ' || text.back() == ' ') fail("has leading or trailing blanks");
    if (list_item && text.find(';') != std::string_view::npos) fail("contains ';' (it separates list items)");
}

}  // namespace verbind
