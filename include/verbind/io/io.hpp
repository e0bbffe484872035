// Import and export of a whole Network: a folder of CSV files and a JSON
// document, both round-tripping everything in the model. The layouts are
// documented in docs/data-formats.md.
//
// Imports are atomic: a bad record fails the whole import with a parse_error
// naming file, line, field and value, and the target Network is exactly as
// before. Exports leave special-category data (marked groups, events and
// tie kinds, and the lists of marks themselves) out unless include_sensitive
// is set. Exports are atomic too: the target is replaced as a whole or left
// exactly as it was (verbind/util/files.hpp). Every path holding a NUL is an
// input_error.
#pragma once

#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace verbind {

struct ExportOptions {
    // Write declared groups marked sensitive (special-category data). Off by
    // default: such data leave the library only when asked for by name.
    bool include_sensitive = false;

    // Every value is valid; each writer calls it first, like every Options
    // struct's validate() (the check a new field would add goes here).
    void validate() const {}
};

// CSV: folder/actors.csv, ties.csv, events.csv, attendance.csv, and with
// include_sensitive sensitive_groups.csv, sensitive_tie_kinds.csv and
// sensitive_events.csv when something is marked. The folder is created if
// missing and replaced as a whole (a sibling folder swapped in); an existing
// folder holding any other file is refused with io_error. The writer always
// writes the canonical dialect: ',' separated, UTF-8, ISO dates.
void write_csv(const Network& network, const std::string& folder, const ExportOptions& options = {});

// How the bytes of a CSV file are text. Windows-1252 is what Excel on a
// Dutch (or English) Windows writes for "CSV (puntkomma-gescheiden)";
// Latin-1 is ISO-8859-1 exactly (its bytes 0x80-0x9F are control characters
// and refused, with a hint to use cp1252).
enum class CsvEncoding { utf8, cp1252, latin1 };

// "utf-8" (also "utf8", "utf-8-sig"), "cp1252" ("windows-1252"), "latin-1"
// ("latin1", "iso-8859-1"), in any case; anything else is an input_error.
CsvEncoding parse_csv_encoding(std::string_view name);

// One of a municipality's own column names read as one of verbind's:
// `from` (the header in the file) is read as `to` (a column of the layout).
// With `file` empty the rename holds in every file that has a column `to`
// (and is otherwise not applied); with `file` set ("actors.csv" or
// "actors") only in that file, and there it wins over a rename for every
// file.
struct CsvColumn {
    std::string file;
    std::string from;
    std::string to;
};

// How read_csv and import_csv read a municipality's own spreadsheets
// (docs/data-formats.md, "Spreadsheets from Excel").
struct CsvOptions {
    // 0: each file's delimiter is found from its header row (',', ';' or a
    // tab, outside quotes); otherwise ',', ';' or '\t' for every file.
    char delimiter = 0;
    CsvEncoding encoding = CsvEncoding::utf8;
    // Renames of the file's headers; empty: the headers are verbind's own.
    std::vector<CsvColumn> columns;
    // Dates written with the day and month first or last (05-03-2022): true
    // reads them dd-mm-yyyy, false mm-dd-yyyy. ISO dates are not affected.
    bool dayfirst = true;
    // Called (from the calling thread, at most every ~0.1 s, and with 1 at
    // the end) with the fraction of the folder's bytes read; returning false
    // cancels: cancelled_error, and nothing is read (import_csv: the
    // Network is exactly as before). Empty: no progress.
    ProgressCallback progress;

    // input_error naming the field: a delimiter other than 0, ',', ';' or
    // '\t'; a rename whose `from` is empty, whose `file` is not a file of
    // the layout, whose `to` is no column of it, or that renames one column
    // twice. read_csv and import_csv call it before reading anything.
    void validate() const;
};

// Reads a folder (options: see CsvOptions). Columns the layout does not know
// are never an error: they are ignored, and each is named in one message
// appended to `warnings` when it is given.
Network read_csv(const std::string& folder, const CsvOptions& options = {},
                 std::vector<std::string>* warnings = nullptr);
// Adds the folder's records to `network`; all or nothing (warnings too are
// appended only when the import succeeds).
void import_csv(Network& network, const std::string& folder, const CsvOptions& options = {},
                std::vector<std::string>* warnings = nullptr);

// JSON: one document {"format": "verbind", "version": 1, ...}.
std::string to_json(const Network& network, const ExportOptions& options = {});
void write_json(const Network& network, const std::string& path, const ExportOptions& options = {});
Network parse_json(std::string_view text, std::string_view source = "<json>");
// `progress` (may be empty) is called from this thread with the fraction
// done (the first half: the text parsed; the second: the records added);
// returning false cancels: cancelled_error, and nothing is read.
Network read_json(const std::string& path, const ProgressCallback& progress = {});
// Adds the document's records to `network`; all or nothing (a cancelled
// import leaves it as it was).
void import_json(Network& network, const std::string& path, const ProgressCallback& progress = {});

// Reads a network from a path: a folder is read as CSV, anything else as JSON.
Network read_network(const std::string& path);

}  // namespace verbind
