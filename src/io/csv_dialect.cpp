// The CSV dialect: encodings and byte order marks, the delimiter of a file
// (csv_dialect.hpp; the lexer is inline there).

#include "csv_dialect.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace verbind {

namespace io_detail {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string hex_byte(unsigned char byte) {
    static constexpr char hex[] = "0123456789ABCDEF";
    return std::string("0x") + hex[byte >> 4] + hex[byte & 0xF];
}

namespace {

// Windows-1252's bytes 0x80-0x9F (0: not a character); the rest of the
// upper half is Latin-1, U+00A0..U+00FF.
constexpr char32_t cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::string decode_single_byte(std::string_view bytes, CsvEncoding encoding, std::string_view what) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char raw : bytes) {
        const auto byte = static_cast<unsigned char>(raw);
        if (byte < 0x80) {
            out += raw;
        } else if (byte >= 0xA0) {
            append_utf8(out, byte);
        } else if (encoding == CsvEncoding::latin1) {
            throw input_error(std::string(what) + ": byte " + hex_byte(byte) +
                              " is a control character in Latin-1 (ISO-8859-1)" + std::string(cp1252_hint));
        } else if (const char32_t c = cp1252_high[byte - 0x80]) {
            append_utf8(out, c);
        } else {
            throw input_error(std::string(what) + ": byte " + hex_byte(byte) +
                              " is not a character in Windows-1252 (cp1252); is the file UTF-8?");
        }
    }
    return out;
}

std::string file_text(std::string bytes, const std::string& source, CsvEncoding encoding) {
    // Excel's "Unicode Text" is UTF-16 with a byte order mark: no encoding
    // option reads it, so say what to do instead of showing its bytes.
    const std::string_view start = std::string_view(bytes).substr(0, 2);
    if (start == "\xFF\xFE" || start == "\xFE\xFF")
        fail_at(source, 1,
                "the file is UTF-16 (it starts with a UTF-16 byte order mark, as Excel's \"Unicode Text\" does); "
                "save it as \"CSV UTF-8\" instead");
    if (std::string_view(bytes).substr(0, utf8_bom.size()) == utf8_bom) {
        if (encoding != CsvEncoding::utf8)
            fail_at(source, 1,
                    "the file starts with a UTF-8 byte order mark, so it is UTF-8: read it with encoding='utf-8'");
        bytes.erase(0, utf8_bom.size());
    }
    return bytes;
}


char find_delimiter(std::string_view text, const std::string& source, char forced) {
    if (forced != 0) return forced;
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size() &&
           (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n'))) {
        pos += text[pos] == '\r' ? 2 : 1;
        ++line;
    }
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            quoted = !quoted;  // a doubled quote toggles twice
        } else if (!quoted) {
            if (c == '\n' || c == '\r') break;
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    const std::size_t most = std::max({commas, semicolons, tabs});
    if (most == 0) return ',';
    if ((commas == most) + (semicolons == most) + (tabs == most) > 1)
        fail_at(source, line,
                "cannot tell the delimiter from the header row (" + std::to_string(commas) + " ',', " +
                    std::to_string(semicolons) + " ';', " + std::to_string(tabs) +
                    " tabs outside quotes); give the delimiter");
    return most == semicolons ? ';' : most == tabs ? '\t' : ',';
}

}  // namespace io_detail

CsvEncoding parse_csv_encoding(std::string_view name) {
    const std::string lower = io_detail::lower_ascii(name);
    if (lower == "utf-8" || lower == "utf8" || lower == "utf-8-sig" || lower == "utf_8") return CsvEncoding::utf8;
    if (lower == "cp1252" || lower == "windows-1252" || lower == "windows1252") return CsvEncoding::cp1252;
    if (lower == "latin-1" || lower == "latin1" || lower == "iso-8859-1" || lower == "iso8859-1")
        return CsvEncoding::latin1;
    throw input_error("encoding: expected 'utf-8', 'cp1252' or 'latin-1', got '" + io_detail::shown(name) + "'");
}

}  // namespace verbind
