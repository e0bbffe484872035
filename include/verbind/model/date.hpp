// Dates: boost::gregorian::date inside, ISO-8601 (YYYY-MM-DD) text at every
// boundary.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace verbind {

using Date = boost::gregorian::date;

// Parses a strict ISO-8601 calendar date "YYYY-MM-DD" (years 1400-9999, the
// range Boost.Date_Time supports). Throws input_error naming `what` (for
// example "event 'e1' field 'date'") and the offending text.
Date parse_date(std::string_view text, std::string_view what = "date");

// Like parse_date, but an empty text is "no date".
std::optional<Date> parse_optional_date(std::string_view text, std::string_view what = "date");

// "YYYY-MM-DD".
std::string format_date(const Date& date);

// "YYYY-MM-DD", or "" for no date.
std::string format_date(const std::optional<Date>& date);

}  // namespace verbind
