// The cells of a CSV file (csv_dialect.hpp): lists, booleans, dates and
// numbers as Excel writes them.

#include "csv_dialect.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::io_detail {

namespace {

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// A time of day after a date: h:mm, hh:mm:ss or hh:mm:ss.fff (24-hour).
bool is_time_of_day(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
    const std::string_view hours = text.substr(0, colon);
    std::string_view rest = text.substr(colon + 1);
    if (!all_digits(hours) || to_int(hours) > 23 || rest.size() < 2 || !all_digits(rest.substr(0, 2)) ||
        to_int(rest.substr(0, 2)) > 59)
        return false;
    rest.remove_prefix(2);
    if (rest.empty()) return true;
    if (rest[0] != ':' || rest.size() < 3 || !all_digits(rest.substr(1, 2)) || to_int(rest.substr(1, 2)) > 59)
        return false;
    rest.remove_prefix(3);
    if (rest.empty()) return true;
    return rest[0] == '.' && all_digits(rest.substr(1));
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    if (text.empty()) return items;
    for (;;) {
        const auto semicolon = text.find(';');
        items.emplace_back(text.substr(0, semicolon));
        if (semicolon == std::string_view::npos) return items;
        text.remove_prefix(semicolon + 1);
    }
}


bool parse_bool(std::string_view text, const std::string& what) {
    const std::string word = lower_ascii(text);
    for (std::string_view yes : {"true", "1", "yes", "ja", "waar"})
        if (word == yes) return true;
    for (std::string_view no : {"false", "0", "no", "nee", "onwaar", ""})
        if (word == no) return false;
    throw input_error(what + ": expected true or false (also 1/0, yes/no, ja/nee, waar/onwaar), got '" + shown(text) +
                      "'");
}

std::optional<Date> parse_cell_date(std::string_view text, const std::string& what, bool dayfirst, DateColumn& column,
                                    std::size_t line) {
    if (text.empty()) return std::nullopt;
    std::string_view date = text;
    const bool iso = text.size() >= 10 && all_digits(text.substr(0, 4)) && text[4] == '-';
    const auto cut = iso && text.size() > 10 && text[10] == 'T' ? std::size_t{10} : text.find(' ');
    if (cut != std::string_view::npos) {
        date = text.substr(0, cut);
        const std::string_view time = text.substr(cut + 1);
        if (!is_time_of_day(time))
            throw input_error(what + ": malformed date '" + shown(text) +
                              "' (a date may be followed by a time of day, hh:mm or hh:mm:ss, without a time zone)");
    }
    std::string_view format;
    Date value;
    if (iso) {
        format = "yyyy-mm-dd";
        value = parse_date(date, what);
    } else {
        const auto first = date.find_first_of("-/");
        const char separator = first == std::string_view::npos ? '-' : date[first];
        const auto second = first == std::string_view::npos ? first : date.find(separator, first + 1);
        if (first == std::string_view::npos || second == std::string_view::npos || first == 0 || first > 2 ||
            second - first - 1 == 0 || second - first - 1 > 2 || !all_digits(date.substr(0, first)) ||
            !all_digits(date.substr(first + 1, second - first - 1)) || date.size() - second - 1 != 4 ||
            !all_digits(date.substr(second + 1)))
            throw input_error(what + ": malformed date '" + shown(text) +
                              "' (expected yyyy-mm-dd, dd-mm-yyyy, d-m-yyyy or dd/mm/yyyy)");
        const int a = to_int(date.substr(0, first));
        const int b = to_int(date.substr(first + 1, second - first - 1));
        const int year = to_int(date.substr(second + 1));
        const int day = dayfirst ? a : b;
        const int month = dayfirst ? b : a;
        format =
            separator == '/' ? (dayfirst ? "dd/mm/yyyy" : "mm/dd/yyyy") : (dayfirst ? "dd-mm-yyyy" : "mm-dd-yyyy");
        if (month < 1 || month > 12)
            throw input_error(what + ": malformed date '" + shown(text) + "' (no month " + std::to_string(month) +
                              "; read as " + std::string(format) +
                              (dayfirst ? ", day first; for month first give dayfirst=false)"
                                        : ", month first; for day first give dayfirst=true)"));
        try {
            value = make_date(year, month, day, what);
        } catch (const input_error&) {
            char iso_text[16];
            std::snprintf(iso_text, sizeof iso_text, "%04d-%02d-%02d", year, month, day);
            // make_date's own wording, about the original text.
            try {
                parse_date(iso_text, what);
            } catch (const input_error& e) {
                std::string message = e.what();
                const auto at = message.find(iso_text);
                if (at != std::string::npos) message.replace(at, std::strlen(iso_text), shown(text));
                throw input_error(message);
            }
            throw;
        }
    }
    if (column.format.empty()) {
        column.format = format;
        column.first_line = line;
    } else if (column.format != format) {
        throw input_error(what + ": date '" + shown(text) + "' is written " + std::string(format) +
                          ", but the column's first date (line " + std::to_string(column.first_line) + ") is " +
                          std::string(column.format) + "; write every date of a column in one format");
    }
    return value;
}

double parse_cell_number(std::string_view text, const std::string& what, NumberColumn& column, std::size_t line) {
    const auto comma = text.find(',');
    const auto point = text.find('.');
    std::string number(text);
    char separator = 0;
    if (comma != std::string_view::npos) {
        if (point != std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos)
            throw input_error(what + ": expected a number, got '" + shown(text) +
                              "' (a decimal comma or a decimal point, without thousands separators)");
        number[comma] = '.';
        separator = ',';
    } else if (point != std::string_view::npos) {
        separator = '.';
    }
    const double value = parse_number(number, what);
    if (separator != 0) {
        if (column.separator == 0) {
            column.separator = separator;
            column.first_line = line;
        } else if (column.separator != separator) {
            throw input_error(what + ": '" + shown(text) + "' has a decimal " +
                              (separator == ',' ? "comma" : "point") + ", but the column's first (line " +
                              std::to_string(column.first_line) + ") has a decimal " +
                              (separator == ',' ? "point" : "comma") + "; write every number of a column one way");
        }
    }
    return value;
}

}  // namespace verbind::io_detail
