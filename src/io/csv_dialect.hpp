// Internal: the CSV dialect of a municipality's own spreadsheets, below the
// layout (csv.cpp): how a file's bytes are text (encodings, byte order
// marks), which delimiter it uses, the RFC 4180 lexer, and how one cell reads
// as a list, a boolean, a date or a number. csv_dialect.cpp and
// csv_cells.cpp implement it; the layout's reader and writer stay in csv.cpp.
#pragma once

#include "files.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/date.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verbind::io_detail {

inline std::string field_label(std::string_view column) { return "field '" + std::string(column) + "'"; }

// `text` with A-Z as a-z (other bytes as they are).
std::string lower_ascii(std::string_view text);

// "0x9D"
std::string hex_byte(unsigned char byte);

inline constexpr std::string_view cp1252_hint = "; if the file comes from Excel on Windows, try encoding='cp1252'";

// --- encodings (csv_dialect.cpp) ------------------------------------------------

// One cell's bytes as UTF-8 text, from a single-byte encoding; throws
// input_error naming `what` for a byte that is not a character there.
std::string decode_single_byte(std::string_view bytes, CsvEncoding encoding, std::string_view what);

// A file's text without a UTF-8 byte order mark; a file read as a
// single-byte encoding that starts with one is UTF-8, and refused.
std::string file_text(std::string bytes, const std::string& source, CsvEncoding encoding);

// --- delimiter and lexer ----------------------------------------------------------

// The delimiter of a file: forced, or the one of ',' ';' and tab that
// occurs most often outside quotes in the header row (',' when none does).
char find_delimiter(std::string_view text, const std::string& source, char forced);

// Splits an RFC 4180 text into records, one at a time. Quoted fields may hold
// the delimiter, doubled quotes and line breaks; records end in LF or CRLF.
// Lines are counted so that every message can name the one it is about.
// Works on bytes: every encoding read is ASCII-compatible, so the delimiter,
// quotes and line ends are the same bytes in all of them.
class CsvLexer {
public:
    CsvLexer(std::string_view text, std::string source, char delimiter)
        : text_(text), source_(std::move(source)), delimiter_(delimiter) {}

    const std::string& source() const noexcept { return source_; }
    // Bytes of the text read so far.
    std::size_t position() const noexcept { return pos_; }

    // Column names from the header, so that later messages name the column.
    void name_columns(const std::vector<std::string>& columns) { columns_ = columns; }

    // Reads the next record into `fields`; false at the end of the text.
    // Blank lines between records are skipped.
    bool next(std::vector<std::string>& fields, std::size_t& line) {
        fields.clear();
        while (at_line_end()) skip_line_end();
        if (pos_ >= text_.size()) return false;
        line = line_;
        for (;;) {
            fields.emplace_back();
            std::string& field = fields.back();
            if (pos_ < text_.size() && text_[pos_] == '"')
                read_quoted(field, fields.size() - 1);
            else
                read_plain(field, fields.size() - 1);
            if (pos_ >= text_.size()) return true;
            if (text_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            skip_line_end();
            return true;
        }
    }

private:
    bool at_line_end() const noexcept {
        if (pos_ >= text_.size()) return false;
        return text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    }

    void skip_line_end() noexcept {
        pos_ += text_[pos_] == '\r' ? 2 : 1;
        ++line_;
    }

    std::string name(std::size_t index) const {
        if (index < columns_.size()) return field_label(shown(columns_[index]));
        return "field " + std::to_string(index + 1);
    }

    void read_plain(std::string& field, std::size_t index) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end()) {
            if (text_[pos_] == '"')
                fail_at(source_, line_,
                        name(index) + ": a quote inside an unquoted field (quote the whole field "
                                      "and double the quote: \"a \"\"b\"\"\")");
            if (text_[pos_] == '\r')
                fail_at(source_, line_, name(index) + ": a carriage return that does not end a line");
            ++pos_;
        }
        field.assign(text_.substr(start, pos_ - start));
    }

    void read_quoted(std::string& field, std::size_t index) {
        const std::size_t opened = line_;
        ++pos_;
        for (;;) {
            if (pos_ >= text_.size())
                fail_at(source_, opened, name(index) + ": unterminated quoted field (the file ends inside it)");
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (c == '\n') ++line_;
            field += c;
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end())
            fail_at(source_, line_, name(index) + ": text after the closing quote");
    }

    std::string_view text_;
    std::string source_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::vector<std::string> columns_;
};

// --- cells (csv_cells.cpp) --------------------------------------------------------

// "a;b;c" -> {a, b, c}; "" -> {}. Empty items are kept so that the model
// refuses them ("a;;b" is a mistake, not two items).
std::vector<std::string> split_list(std::string_view text);

// true/false, 1/0, yes/no, ja/nee, waar/onwaar (Dutch Excel's TRUE/FALSE),
// in any case; an empty cell is false.
bool parse_bool(std::string_view text, const std::string& what);

// The date format of one column, fixed by its first date: a column that
// mixes formats is refused (02-03-2022 next to 2022-03-02 says the cells
// came from different places, and their days and months may not agree).
struct DateColumn {
    std::string_view format;  // empty until the first date
    std::size_t first_line = 0;
};

// A date cell: yyyy-mm-dd, dd-mm-yyyy or d-m-yyyy, dd/mm/yyyy or d/m/yyyy
// (mm-dd-yyyy and mm/dd/yyyy with dayfirst false), each optionally followed
// by a time of day (after 'T' for ISO dates, or a space), whose date part is
// taken. An empty cell is no date.
std::optional<Date> parse_cell_date(std::string_view text, const std::string& what, bool dayfirst, DateColumn& column,
                                    std::size_t line);

// A weight cell: a number with a decimal point or a decimal comma (1,5; in a
// ','-separated file the cell is quoted, "1,5"), not both, and the same
// separator in the whole column.
struct NumberColumn {
    char separator = 0;  // '.' or ',' once seen
    std::size_t first_line = 0;
};

double parse_cell_number(std::string_view text, const std::string& what, NumberColumn& column, std::size_t line);

}  // namespace verbind::io_detail
