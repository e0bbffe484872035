#include "verbind/model/date.hpp"

#include "verbind/error.hpp"

#include <cstdio>
#include <string>

namespace verbind {

namespace {

[[noreturn]] void bad_date(std::string_view text, std::string_view what, std::string_view why) {
    std::string message(what);
    message += ": malformed date '";
    message += text;
    message += "' (";
    message += why;
    message += ")";
    throw input_error(message);
}

int digits(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string out_of_range(std::string_view what, const std::string& date) {
    return std::string(what) + ": " + date + " is outside the supported range of dates (" + supported_date_range() +
           ")";
}

}  // namespace

std::string supported_date_range() {
    return format_date(first_supported_date) + " to " + format_date(last_supported_date);
}

bool is_supported_date(const Date& date) noexcept {
    return !date.is_special() && date >= first_supported_date && date <= last_supported_date;
}

void check_date(const Date& date, std::string_view what) {
    if (date.is_special()) throw input_error(std::string(what) + ": not a calendar date");
    if (!is_supported_date(date)) throw input_error(out_of_range(what, format_date(date)));
}

void check_date(const std::optional<Date>& date, std::string_view what) {
    if (date) check_date(*date, what);
}

Date make_date(int year, int month, int day, std::string_view what) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    if (month < 1 || month > 12) bad_date(text, what, "no such month");
    if (year < first_supported_year || year > last_supported_year) throw input_error(out_of_range(what, text));
    if (day < 1 || day > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                                static_cast<unsigned short>(month)))
        bad_date(text, what, "no such day");
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

Date parse_date(std::string_view text, std::string_view what) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') bad_date(text, what, "expected YYYY-MM-DD");
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) bad_date(text, what, "expected YYYY-MM-DD");
    if (month < 1 || month > 12) bad_date(text, what, "no such month");
    if (year < first_supported_year || year > last_supported_year)
        throw input_error(out_of_range(what, std::string(text)));
    if (day < 1 || day > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                                static_cast<unsigned short>(month)))
        bad_date(text, what, "no such day");
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

std::optional<Date> parse_optional_date(std::string_view text, std::string_view what) {
    if (text.empty()) return std::nullopt;
    return parse_date(text, what);
}

std::string format_date(const Date& date) {
    if (date.is_special()) return {};
    const auto ymd = date.year_month_day();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    return buffer;
}

std::string format_date(const std::optional<Date>& date) { return date ? format_date(*date) : std::string(); }

}  // namespace verbind
