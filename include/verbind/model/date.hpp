// Dates: boost::gregorian::date inside, ISO-8601 (YYYY-MM-DD) text at every
// boundary.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace verbind {

using Date = boost::gregorian::date;

// The supported range of dates, defined here once: every date that enters
// the library (Network::add_* for every date field, the readers, the store,
// the C API, Python, the options of an analysis) must lie in
// [first_supported_date, last_supported_date], or it is refused with an
// input_error naming the record and field and this range.
//
// Boost.Date_Time itself represents 1400-01-01 to 9999-12-31. The analyses
// compute dates from the ones they are given: the Monday of a week, the first
// day of a month, quarter or year, the start of the next period, the day
// after the last record, a friending window of up to
// max_supported_date_offset_days after a meeting. A century of headroom on
// either side keeps all of those inside what Boost can represent, so a date
// that was accepted never fails later in an analysis.
inline constexpr int first_supported_year = 1500;
inline constexpr int last_supported_year = 9899;
inline const Date first_supported_date{1500, 1, 1};
inline const Date last_supported_date{9899, 12, 31};
// The largest span in days an analysis may add to a supported date (a
// friending window): 36,000 days, just under a century, so that even a
// year-long period step after it stays inside what Boost represents.
inline constexpr unsigned max_supported_date_offset_days = 36000;

// "1500-01-01 to 9899-12-31", for messages and docs.
std::string supported_date_range();

// True when `date` is a calendar date in the supported range.
bool is_supported_date(const Date& date) noexcept;

// Throws input_error "<what>: <date> is outside the supported range of dates
// (1500-01-01 to 9899-12-31)" (or "not a calendar date" for a special value)
// unless is_supported_date(date).
void check_date(const Date& date, std::string_view what);
void check_date(const std::optional<Date>& date, std::string_view what);

// A date from its parts, checked like parse_date (a real calendar day in the
// supported range); throws input_error naming `what`.
Date make_date(int year, int month, int day, std::string_view what = "date");

// Parses a strict ISO-8601 calendar date "YYYY-MM-DD" in the supported range.
// Throws input_error naming `what` (for example "event 'e1' field 'date'")
// and the offending text.
Date parse_date(std::string_view text, std::string_view what = "date");

// Like parse_date, but an empty text is "no date".
std::optional<Date> parse_optional_date(std::string_view text, std::string_view what = "date");

// "YYYY-MM-DD".
std::string format_date(const Date& date);

// "YYYY-MM-DD", or "" for no date.
std::string format_date(const std::optional<Date>& date);

}  // namespace verbind
