// A small, strict RFC 8259 parser: enough JSON for the verbind document and
// nothing more lenient. It is meant to meet hostile input (the readers are
// fuzzed): nesting is capped so the stack cannot overflow, strings must be
// UTF-8 without lone surrogates, and every error names the line.
#pragma once

#include "files.hpp"

#include "verbind/model/text.hpp"
#include "verbind/util/progress.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::io_detail {

struct JsonMember;

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    std::size_t line = 0;  // where the value starts
    bool boolean = false;
    // A string's decoded text, or a number exactly as written (so a weight
    // converts to the double it was written from, with no detour).
    std::string text;
    std::vector<JsonValue> items;
    std::vector<JsonMember> members;  // in document order, keys unique
};

struct JsonMember {
    std::string key;
    std::size_t line = 0;
    JsonValue value;
};

inline std::string_view type_name(JsonValue::Type type) noexcept {
    switch (type) {
        case JsonValue::Type::null: return "null";
        case JsonValue::Type::boolean: return "a boolean";
        case JsonValue::Type::number: return "a number";
        case JsonValue::Type::string: return "a string";
        case JsonValue::Type::array: return "an array";
        case JsonValue::Type::object: return "an object";
    }
    return "a value";
}

class JsonParser {
public:
    // Deep enough for any verbind document (which needs 3), shallow enough
    // that recursion stays far from the stack's end.
    static constexpr int max_depth = 64;

    JsonParser(std::string_view text, std::string_view source) : text_(strip_bom(text)), source_(source) {}

    // Reports `share` times the fraction of the text parsed to `progress`
    // (every 1024 array items; may throw cancelled_error).
    void report_to(Progress* progress, double share) noexcept {
        progress_ = progress;
        share_ = share;
    }

    JsonValue parse_document() {
        skip_blanks();
        if (at_end()) fail("empty document (expected a JSON object)");
        JsonValue value = parse_value(1);
        skip_blanks();
        if (!at_end()) fail("unexpected " + describe_here() + " after the end of the document");
        return value;
    }

private:
    [[noreturn]] void fail(std::string_view message) const { fail_at(source_, line_, message); }

    [[noreturn]] void fail_truncated() const { fail("unexpected end of input (the document is truncated)"); }

    bool at_end() const noexcept { return pos_ >= text_.size(); }

    char peek() const noexcept { return text_[pos_]; }

    void skip_blanks() noexcept {
        while (!at_end()) {
            const char c = peek();
            if (c == '\n')
                ++line_;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++pos_;
        }
    }

    // The character at the current position, for a message.
    std::string describe_here() const {
        if (at_end()) return "end of input";
        const auto c = static_cast<unsigned char>(peek());
        if (c >= 0x20 && c < 0x7F) return std::string("character '") + static_cast<char>(c) + "'";
        static constexpr char hex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 0xF];
    }

    void expect(char wanted, std::string_view context) {
        skip_blanks();
        if (at_end()) fail_truncated();
        if (peek() != wanted)
            fail(std::string("expected '") + wanted + "' " + std::string(context) + ", found " + describe_here());
        ++pos_;
    }

    JsonValue parse_value(int depth) {
        if (depth > max_depth) fail("nesting deeper than " + std::to_string(max_depth) + " levels");
        skip_blanks();
        if (at_end()) fail_truncated();
        JsonValue value;
        value.line = line_;
        const char c = peek();
        if (c == '{') {
            value.type = JsonValue::Type::object;
            parse_object(value, depth);
        } else if (c == '[') {
            value.type = JsonValue::Type::array;
            parse_array(value, depth);
        } else if (c == '"') {
            value.type = JsonValue::Type::string;
            value.text = parse_string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value.type = JsonValue::Type::number;
            value.text = parse_number_text();
        } else if (c == 't' || c == 'f' || c == 'n') {
            parse_literal(value);
        } else {
            fail("unexpected " + describe_here() + " (expected a value)");
        }
        return value;
    }

    void parse_literal(JsonValue& value) {
        for (std::string_view word : {"true", "false", "null"}) {
            if (text_.substr(pos_, word.size()) == word) {
                pos_ += word.size();
                value.type = word == "null" ? JsonValue::Type::null : JsonValue::Type::boolean;
                value.boolean = word == "true";
                return;
            }
            if (word.substr(0, text_.size() - pos_) == text_.substr(pos_)) fail_truncated();
        }
        fail("unexpected " + describe_here() + " (expected a value)");
    }

    void parse_object(JsonValue& object, int depth) {
        ++pos_;  // '{'
        skip_blanks();
        if (!at_end() && peek() == '}') {
            ++pos_;
            return;
        }
        for (;;) {
            skip_blanks();
            if (at_end()) fail_truncated();
            if (peek() != '"') fail("expected a string key, found " + describe_here());
            JsonMember member;
            member.line = line_;
            member.key = parse_string();
            expect(':', "after the key '" + member.key + "'");
            member.value = parse_value(depth + 1);
            object.members.push_back(std::move(member));
            skip_blanks();
            if (at_end()) fail_truncated();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                refuse_duplicate_keys(object);
                return;
            }
            fail("expected ',' or '}' in an object, found " + describe_here());
        }
    }

    // Sorting rather than comparing every pair keeps a hostile object with a
    // million members from taking quadratic time.
    void refuse_duplicate_keys(const JsonValue& object) const {
        const auto& members = object.members;
        if (members.size() < 2) return;
        std::vector<std::size_t> order(members.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return members[x].key < members[y].key; });
        // Of all repeated keys, report the first repeat in the document.
        std::size_t first_repeat = members.size();
        for (std::size_t i = 1; i < order.size(); ++i)
            if (members[order[i]].key == members[order[i - 1]].key && order[i] < first_repeat)
                first_repeat = order[i];
        if (first_repeat < members.size())
            fail_at(source_, members[first_repeat].line,
                    "duplicate key '" + members[first_repeat].key + "' in an object");
    }

    void parse_array(JsonValue& array, int depth) {
        ++pos_;  // '['
        skip_blanks();
        if (!at_end() && peek() == ']') {
            ++pos_;
            return;
        }
        for (;;) {
            array.items.push_back(parse_value(depth + 1));
            if (progress_ != nullptr && (++items_ & 1023u) == 0)
                progress_->report(share_ * static_cast<double>(pos_) / static_cast<double>(text_.size()));
            skip_blanks();
            if (at_end()) fail_truncated();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return;
            }
            fail("expected ',' or ']' in an array, found " + describe_here());
        }
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    std::string parse_number_text() {
        const std::size_t start = pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ > from;
        };
        auto malformed = [&] {
            if (at_end()) fail_truncated();
            fail("malformed number '" + shown(text_.substr(start, pos_ + 1 - start)) + "'");
        };
        if (peek() == '-') ++pos_;
        if (at_end()) malformed();
        if (peek() == '0') {
            ++pos_;
        } else if (!digits()) {
            malformed();
        }
        if (!at_end() && peek() == '.') {
            ++pos_;
            if (!digits()) malformed();
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            if (!digits()) malformed();
        }
        // "01" or "1x": a number runs straight into something else.
        if (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.'))
            fail("malformed number '" + shown(text_.substr(start, pos_ + 1 - start)) + "'");
        return std::string(text_.substr(start, pos_ - start));
    }

    unsigned parse_hex4() {
        if (text_.size() - pos_ < 4) fail_truncated();
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_ + static_cast<std::size_t>(i)];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail("invalid \\u escape '\\u" + shown(text_.substr(pos_, 4)) + "' (expected 4 hex digits)");
        }
        pos_ += 4;
        return value;
    }

    static void append_utf8(std::string& out, std::uint32_t code_point) {
        if (code_point < 0x80) {
            out += static_cast<char>(code_point);
        } else if (code_point < 0x800) {
            out += static_cast<char>(0xC0 | (code_point >> 6));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        } else if (code_point < 0x10000) {
            out += static_cast<char>(0xE0 | (code_point >> 12));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code_point >> 18));
            out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        }
    }

    std::string parse_string() {
        ++pos_;  // opening quote
        std::string out;
        for (;;) {
            if (at_end()) fail("unterminated string (the document is truncated)");
            const char c = peek();
            if (c == '"') {
                ++pos_;
                break;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                fail(c == '\n' ? "line break inside a string (write it as \\n)"
                               : "control character inside a string (escape it as \\u00XX)");
            if (c != '\\') {
                out += c;
                ++pos_;
                continue;
            }
            ++pos_;
            if (at_end()) fail("unterminated string (the document is truncated)");
            const char escape = peek();
            ++pos_;
            switch (escape) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    std::uint32_t code_point = parse_hex4();
                    if (code_point >= 0xDC00 && code_point <= 0xDFFF)
                        fail("lone low surrogate \\u" + hex4(code_point) + " in a string");
                    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
                        if (text_.substr(pos_, 2) != "\\u")
                            fail("lone high surrogate \\u" + hex4(code_point) +
                                 " in a string (expected a low surrogate \\uDC00-\\uDFFF after it)");
                        pos_ += 2;
                        const std::uint32_t low = parse_hex4();
                        if (low < 0xDC00 || low > 0xDFFF)
                            fail("high surrogate \\u" + hex4(code_point) + " followed by \\u" + hex4(low) +
                                 ", not by a low surrogate");
                        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, code_point);
                    break;
                }
                default: --pos_; fail("invalid escape '\\" + shown(text_.substr(pos_, 1)) + "' in a string");
            }
        }
        // Escapes only ever add well-formed UTF-8, so a failure here is raw
        // bytes from the document.
        if (!is_valid_utf8(out)) fail("string is not valid UTF-8 '" + shown(out) + "'");
        return out;
    }

    static std::string hex4(std::uint32_t value) {
        static constexpr char hex[] = "0123456789ABCDEF";
        std::string out(4, '0');
        for (int i = 3; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = hex[value & 0xF];
        return out;
    }

    std::string_view text_;
    std::string_view source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    Progress* progress_ = nullptr;
    double share_ = 0;
    std::size_t items_ = 0;
};

}  // namespace verbind::io_detail
