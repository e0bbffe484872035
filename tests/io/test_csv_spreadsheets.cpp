// A municipality's own spreadsheets: Excel's CSV dialects (delimiters,
// encodings, booleans, dates, decimal commas), extra columns and the
// municipality's own column names, read by read_csv/import_csv with
// CsvOptions. Every file here is written byte by byte in the test.
#include "io_test_support.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace verbind_io_test;
using verbind::CsvEncoding;
using verbind::CsvOptions;
using verbind::Date;
using verbind::Network;

namespace {

const std::string bom = "\xEF\xBB\xBF";

// The clean equivalent: verbind's own dialect, written by hand.
void write_clean(const TempFolder& folder) {
    folder.write("actors.csv", "key,type,kind,neighbourhood,municipality,talents,groups,key_figure,trained_on\n"
                               "r1,resident,,Centrum,Lelystad,koken;schaak,,true,2022-03-05\n"
                               "r2,resident,,Haven,Café de Hoek,,,false,\n"
                               "bib,organisation,library,,Almere,taalcafé,,false,\n");
    folder.write("ties.csv", "a,b,kind,since,until,weight\n"
                             "r1,r2,knows,2022-01-05,,1.5\n"
                             "r2,bib,member_of,2021-12-31,2022-03-05,2\n");
    folder.write("events.csv", "key,date,kind,neighbourhood,municipality,organisers\n"
                               "e1,2022-05-05,5 May breakfast,,Lelystad,bib;r1\n");
    folder.write("attendance.csv", "event,actor,brought_by\n"
                                   "e1,r1,\n"
                                   "e1,r2,r1\n");
}

// The same records as Dutch Excel writes them: ';' separated, TRUE/ONWAAR,
// dd-mm-yyyy and date-times, decimal commas, an extra note column.
// `cafe` is "Café" in the file's encoding; `start` what the file begins with.
void write_dutch(const TempFolder& folder, const std::string& start, const std::string& cafe,
                 const std::string& taalcafe) {
    folder.write("actors.csv",
                 start +
                     "key;type;kind;neighbourhood;municipality;talents;groups;key_figure;trained_on;note\r\n"
                     "r1;resident;;Centrum;Lelystad;\"koken;schaak\";;TRUE;05-03-2022;belt terug\r\n"
                     "r2;resident;;Haven;" +
                     cafe +
                     " de Hoek;;;ONWAAR;;\r\n"
                     "bib;organisation;library;;Almere;" +
                     taalcafe + ";;nee;;\r\n");
    folder.write("ties.csv", start + "a;b;kind;since;until;weight;note\r\n"
                                     "r1;r2;knows;2022-01-05 00:00:00;;1,5;\r\n"
                                     "r2;bib;member_of;2021-12-31 00:00:00;2022-03-05 00:00:00;2;x\r\n");
    // organisers hold a ';': quoted, as Excel does.
    folder.write("events.csv", start + "key;date;kind;neighbourhood;municipality;organisers\r\n"
                                       "e1;5-5-2022;5 May breakfast;;Lelystad;\"bib;r1\"\r\n");
    folder.write("attendance.csv", start + "event;actor;brought_by\r\n"
                                           "e1;r1;\r\n"
                                           "e1;r2;r1\r\n");
}

// Writes actors.csv with one resident whose trained_on cell is `date`
// (with the file's own header `header`), and reads it.
Network read_one_date(const TempFolder& folder, const std::string& date, const CsvOptions& options = {}) {
    folder.write("actors.csv", "key,type,trained_on\nr1,resident," + date + "\n");
    return verbind::read_csv(folder.str(), options);
}

}  // namespace

TEST_CASE("A Dutch Excel export loads to the same Network as its clean equivalent", "[io][csv][spreadsheet]") {
    TempFolder clean_folder;
    write_clean(clean_folder);
    const Network clean = verbind::read_csv(clean_folder.str());
    // The clean folder itself, checked by hand.
    REQUIRE(clean.actor("r1").key_figure);
    REQUIRE(clean.actor("r1").trained_on == Date(2022, 3, 5));
    REQUIRE(clean.actor("r2").municipality == "Café de Hoek");
    REQUIRE(clean.ties()[0].weight == 1.5);

    SECTION("CSV UTF-8 (with a byte order mark), ';'-separated") {
        TempFolder dutch;
        write_dutch(dutch, bom, "Café", "taalcafé");
        std::vector<std::string> warnings;
        const Network read = verbind::read_csv(dutch.str(), {}, &warnings);
        REQUIRE(read == clean);
        REQUIRE(read.actor("r1").trained_on == Date(2022, 3, 5));
        REQUIRE(read.ties()[0].weight == 1.5);
        REQUIRE(read.ties()[0].since == Date(2022, 1, 5));
        REQUIRE(read.event("e1").date == Date(2022, 5, 5));
        // The note columns: ignored, and named once per file.
        REQUIRE(warnings.size() == 2);
        REQUIRE_THAT(warnings[0],
                     Catch::Contains("actors.csv:1: column 'note' is not part of the layout and ignored"));
        REQUIRE_THAT(warnings[1], Catch::Contains("ties.csv:1: column 'note' is not part of the layout and ignored"));
        // No value of an ignored column is in a warning.
        for (const auto& warning : warnings) REQUIRE(warning.find("belt terug") == std::string::npos);
    }
    SECTION("CSV (puntkomma-gescheiden): Windows-1252, no byte order mark") {
        TempFolder dutch;
        write_dutch(dutch, "", "Caf\xE9", "taalcaf\xE9");
        CsvOptions options;
        options.encoding = CsvEncoding::cp1252;
        REQUIRE(verbind::read_csv(dutch.str(), options) == clean);
        // Read as UTF-8 it is refused, with the hint, and nothing is imported.
        Network target = import_target();
        REQUIRE_IMPORT_FAILS(verbind::import_csv(target, dutch.str()), target,
                             "actors.csv:3: field 'municipality': is not valid UTF-8 'Caf\\xE9 de Hoek'; if the file "
                             "comes from Excel on Windows, try encoding='cp1252'");
        // Imported into a network that has other records: they are kept.
        Network more = import_target();
        const Network before = more;
        verbind::import_csv(more, dutch.str(), options);
        REQUIRE(more.num_actors() == before.num_actors() + 3);
        REQUIRE(more.actor("r2").municipality == "Café de Hoek");
    }
}

TEST_CASE("CSV delimiters: found per file from the header row, outside quotes, or given", "[io][csv][spreadsheet]") {
    TempFolder folder;
    folder.write("actors.csv", "key\ttype\tmunicipality\nr1\tresident\tAlmere, Stad\nr2\tresident\t\n");
    folder.write("ties.csv", "a;b;weight\nr1;r2;0,25\n");  // each file its own
    Network network = verbind::read_csv(folder.str());
    REQUIRE(network.actor("r1").municipality == "Almere, Stad");
    REQUIRE(network.ties()[0].weight == 0.25);

    // A header with more ';' inside quotes than ',' outside: still ','.
    folder.write("ties.csv", "a,b,\"note; one; two; three\"\nr1,r2,x\n");
    std::vector<std::string> warnings;
    network = verbind::read_csv(folder.str(), {}, &warnings);
    REQUIRE(network.num_ties() == 1);
    REQUIRE(warnings.size() == 1);
    REQUIRE_THAT(warnings[0], Catch::Contains("column 'note; one; two; three' is not part of the layout"));

    // As many ',' as ';' outside quotes: refused, asking for the delimiter.
    folder.write("ties.csv", "a,b;weight\nr1,r2;1\n");
    Network target = import_target();
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "ties.csv:1: cannot tell the delimiter from the header row (1 ',', 1 ';', 0 tabs");
    // Given: every file is read with it.
    CsvOptions semicolon;
    semicolon.delimiter = ';';
    folder.write("actors.csv", "key;type\nr1;resident\nr2;resident\n");
    folder.write("ties.csv", "a;b\nr1;r2\n");
    REQUIRE(verbind::read_csv(folder.str(), semicolon).num_ties() == 1);
    folder.write("ties.csv", "a,b\nr1,r2\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), semicolon), target,
                         "ties.csv:1: missing column 'a'");
    CsvOptions bad;
    bad.delimiter = '|';
    REQUIRE_THROWS_AS(verbind::read_csv(folder.str(), bad), verbind::input_error);
    REQUIRE_THROWS_WITH(verbind::read_csv(folder.str(), bad), "delimiter: expected ',', ';' or a tab, got '|'");
    // A header read as one column when the delimiter is something else: the hint says so.
    folder.write("ties.csv", "a|b\nr1|r2\n");
    REQUIRE_IMPORT_FAILS(
        verbind::import_csv(target, folder.str()), target,
        "missing column 'a' (the header row is one column 'a|b': is the delimiter ',', ';' or a tab?)");
}

TEST_CASE("CSV booleans: true/false, 1/0, yes/no, ja/nee, waar/onwaar in any case", "[io][csv][spreadsheet]") {
    TempFolder folder;
    const std::vector<std::pair<std::string, bool>> words = {
        {"true", true}, {"TRUE", true}, {"True", true}, {"1", true},      {"yes", true},     {"YES", true},
        {"ja", true},   {"Ja", true},   {"WAAR", true}, {"false", false}, {"FALSE", false},  {"0", false},
        {"no", false},  {"No", false},  {"nee", false}, {"NEE", false},   {"ONWAAR", false}, {"", false}};
    std::string actors = "key,type,key_figure\n";
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < words.size(); ++i) {
        keys.push_back(std::to_string(100 + i));
        actors += keys.back();
        actors += ",resident,";
        actors += words[i].first;
        actors += '\n';
    }
    folder.write("actors.csv", actors);
    const Network network = verbind::read_csv(folder.str());
    for (std::size_t i = 0; i < words.size(); ++i) {
        INFO(words[i].first);
        REQUIRE(network.actor(keys[i]).key_figure == words[i].second);
    }
    Network target = import_target();
    for (const char* bad : {"maybe", "2", "t", "tru", "oui"}) {
        folder.write("actors.csv", std::string("key,type,key_figure\nr1,resident,") + bad + "\n");
        REQUIRE_IMPORT_FAILS(
            verbind::import_csv(target, folder.str()), target,
            std::string("actors.csv:2: field 'key_figure': expected true or false (also 1/0, yes/no, "
                        "ja/nee, waar/onwaar), got '") +
                bad + "'");
    }
}

TEST_CASE("CSV dates: ISO, day first or month first, date-times; one format per column", "[io][csv][spreadsheet]") {
    TempFolder folder;
    // 5 March 2022, written every accepted way (day first, the default).
    for (const char* text : {"2022-03-05", "05-03-2022", "5-3-2022", "05/03/2022", "5/3/2022", "2022-03-05 00:00:00",
                             "2022-03-05T00:00:00", "2022-03-05 00:00", "05-03-2022 00:00:00",
                             "2022-03-05T00:00:00.000", "5-3-2022 0:00"}) {
        INFO(text);
        REQUIRE(read_one_date(folder, text).actor("r1").trained_on == Date(2022, 3, 5));
    }
    // A time of day other than midnight: the date part is taken.
    REQUIRE(read_one_date(folder, "2022-03-05 19:30:00").actor("r1").trained_on == Date(2022, 3, 5));
    REQUIRE(read_one_date(folder, "2022-03-05T23:59:59").actor("r1").trained_on == Date(2022, 3, 5));
    // dayfirst=false: month first; ISO dates are not affected.
    CsvOptions us;
    us.dayfirst = false;
    REQUIRE(read_one_date(folder, "03/05/2022", us).actor("r1").trained_on == Date(2022, 3, 5));
    REQUIRE(read_one_date(folder, "12-25-2022", us).actor("r1").trained_on == Date(2022, 12, 25));
    REQUIRE(read_one_date(folder, "2022-03-05", us).actor("r1").trained_on == Date(2022, 3, 5));

    Network target = import_target();
    const auto fails = [&](const std::string& date, const std::string& fragment, const CsvOptions& options = {}) {
        INFO(date);
        folder.write("actors.csv", "key,type,trained_on\nr1,resident," + date + "\n");
        REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), options), target, fragment);
    };
    fails("12/25/2022", "actors.csv:2: field 'trained_on': malformed date '12/25/2022' (no month 25; read as "
                        "dd/mm/yyyy, day first; for month first give dayfirst=false)");
    fails("25-12-2022",
          "malformed date '25-12-2022' (no month 25; read as mm-dd-yyyy, month first; for day first "
          "give dayfirst=true)",
          us);
    fails("31-02-2022", "actors.csv:2: field 'trained_on': malformed date '31-02-2022' (no such day)");
    fails("05-03-1499", "field 'trained_on': 05-03-1499 is outside the supported range");
    fails("2022-03-05+01:00", "malformed date");
    fails("2022-03-05 19:30+01:00", "malformed date '2022-03-05 19:30+01:00' (a date may be followed by a time of "
                                    "day, hh:mm or hh:mm:ss, without a time zone)");
    fails("2022-03-05 24:00:00", "without a time zone");
    fails("5.3.2022", "malformed date '5.3.2022' (expected yyyy-mm-dd, dd-mm-yyyy, d-m-yyyy or dd/mm/yyyy)");
    fails("05-03-22", "expected yyyy-mm-dd, dd-mm-yyyy");
    fails("5-3/2022", "expected yyyy-mm-dd, dd-mm-yyyy");
    fails("2022/03/05", "expected yyyy-mm-dd, dd-mm-yyyy");

    // A column that mixes formats: the row and the column named, and the first date's line.
    folder.write("actors.csv", "key,type,trained_on\nr1,resident,05-03-2022\nr2,resident,\nr3,resident,2022-03-06\n");
    REQUIRE_IMPORT_FAILS(
        verbind::import_csv(target, folder.str()), target,
        "actors.csv:4: field 'trained_on': date '2022-03-06' is written yyyy-mm-dd, but the column's "
        "first date (line 2) is dd-mm-yyyy; write every date of a column in one format");
    folder.write("actors.csv", "key,type,trained_on\nr1,resident,05-03-2022\nr2,resident,06/03/2022\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "actors.csv:3: field 'trained_on': date '06/03/2022' is written dd/mm/yyyy");
    // Each column has its own format; with and without a time is one format.
    folder.write("actors.csv", "key,type\nr1,resident\nr2,resident\n");
    folder.write("ties.csv", "a,b,since,until\nr1,r2,05-03-2022,2023-01-01\nr2,r1,2022-01-05 00:00:00,2023-01-01\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "ties.csv:3: field 'since': date '2022-01-05 00:00:00' is written yyyy-mm-dd, but the "
                         "column's first date (line 2) is dd-mm-yyyy");
    folder.write("ties.csv", "a,b,since,until\nr1,r2,05-03-2022,2023-01-01\nr2,r1,6-3-2022 00:00,2023-01-01 12:00\n");
    const Network network = verbind::read_csv(folder.str());
    REQUIRE(network.ties()[1].since == Date(2022, 3, 6));
    REQUIRE(network.ties()[1].until == Date(2023, 1, 1));
    // A missing event date is still an error.
    folder.write("ties.csv", "a,b\n");
    folder.write("events.csv", "key,date,kind\ne1,,breakfast\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "events.csv:2: field 'date': malformed date ''");
}

TEST_CASE("CSV weights: a decimal comma or a decimal point, one per column", "[io][csv][spreadsheet]") {
    TempFolder folder;
    folder.write("actors.csv", "key,type\nr1,resident\nr2,resident\nr3,resident\n");
    folder.write("ties.csv", "a;b;weight\nr1;r2;1,5\nr2;r3;0,125\nr1;r3;3\n");
    Network network = verbind::read_csv(folder.str());
    REQUIRE(network.ties()[0].weight == 1.5);
    REQUIRE(network.ties()[1].weight == 0.125);
    REQUIRE(network.ties()[2].weight == 3.0);
    // In a ','-separated file the cell is quoted.
    folder.write("ties.csv", "a,b,weight\nr1,r2,\"1,5\"\nr2,r3,2\n");
    network = verbind::read_csv(folder.str());
    REQUIRE(network.ties()[0].weight == 1.5);
    REQUIRE(network.ties()[1].weight == 2.0);
    // The writer still writes the canonical format.
    TempFolder out;
    verbind::write_csv(network, out.str());
    REQUIRE_THAT(out.read("ties.csv"), Catch::Contains("\nr1,r2,knows,,,1.5\n"));

    Network target = import_target();
    folder.write("ties.csv", "a;b;weight\nr1;r2;1.234,5\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "ties.csv:2: field 'weight': expected a number, got '1.234,5' (a decimal comma or a decimal "
                         "point, without thousands separators)");
    folder.write("ties.csv", "a;b;weight\nr1;r2;1,2,3\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target, "got '1,2,3'");
    folder.write("ties.csv", "a;b;weight\nr1;r2;1,5\nr2;r3;2\nr1;r3;2.5\n");
    REQUIRE_IMPORT_FAILS(
        verbind::import_csv(target, folder.str()), target,
        "ties.csv:4: field 'weight': '2.5' has a decimal point, but the column's first (line 2) has a "
        "decimal comma");
    folder.write("ties.csv", "a;b;weight\nr1;r2;-1,5\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target, "ties.csv:2:");
}

TEST_CASE("CSV encodings: UTF-8, Windows-1252 and Latin-1 decoded to UTF-8", "[io][csv][spreadsheet]") {
    REQUIRE(verbind::parse_csv_encoding("utf-8") == CsvEncoding::utf8);
    REQUIRE(verbind::parse_csv_encoding("UTF8") == CsvEncoding::utf8);
    REQUIRE(verbind::parse_csv_encoding("utf-8-sig") == CsvEncoding::utf8);
    REQUIRE(verbind::parse_csv_encoding("cp1252") == CsvEncoding::cp1252);
    REQUIRE(verbind::parse_csv_encoding("Windows-1252") == CsvEncoding::cp1252);
    REQUIRE(verbind::parse_csv_encoding("latin-1") == CsvEncoding::latin1);
    REQUIRE(verbind::parse_csv_encoding("ISO-8859-1") == CsvEncoding::latin1);
    REQUIRE_THROWS_WITH(verbind::parse_csv_encoding("utf-16"),
                        "encoding: expected 'utf-8', 'cp1252' or 'latin-1', got 'utf-16'");

    TempFolder folder;
    CsvOptions cp1252;
    cp1252.encoding = CsvEncoding::cp1252;
    CsvOptions latin1;
    latin1.encoding = CsvEncoding::latin1;
    // Hand-checked against the Windows-1252 table: 0x80 euro sign, 0x8A S
    // caron, 0x93/0x94 curly double quotes, 0x9F Y diaeresis, 0xE9 e acute,
    // 0xFF y diaeresis; the header is decoded too.
    folder.write("actors.csv", "key,type,talents\nr1,resident,\x80"
                               "5;\x8A"
                               "a\x93"
                               "b\x94"
                               ";\x9F"
                               "e\xE9"
                               "y\xFF\n");
    Network network = verbind::read_csv(folder.str(), cp1252);
    REQUIRE(network.actor("r1").talents ==
            std::vector<std::string>{"\u20AC5", "\u0160a\u201Cb\u201D", "\u0178e\u00E9y\u00FF"});

    Network target = import_target();
    // Bytes Windows-1252 leaves undefined.
    for (const char* byte : {"\x81", "\x8D", "\x8F", "\x90", "\x9D"}) {
        folder.write("actors.csv", std::string("key,type,talents\nr1,resident,a") + byte + "\n");
        REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), cp1252), target,
                             "actors.csv:2: field 'talents': byte 0x");
        REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), cp1252), target,
                             "is not a character in Windows-1252 (cp1252); is the file UTF-8?");
    }
    // Latin-1: the upper half is U+00A0..U+00FF; 0x80-0x9F are control characters.
    folder.write("actors.csv", "key,type,municipality\nr1,resident,Caf\xE9\n");
    REQUIRE(verbind::read_csv(folder.str(), latin1).actor("r1").municipality == "Café");
    folder.write("actors.csv", "key,type,municipality\nr1,resident,\x80"
                               "5\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), latin1), target,
                         "actors.csv:2: field 'municipality': byte 0x80 is a control character in Latin-1 "
                         "(ISO-8859-1); if the file comes from Excel on Windows, try encoding='cp1252'");
    // A byte order mark says UTF-8: not read as a single-byte encoding.
    folder.write("actors.csv", bom + "key,type\nr1,resident\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), cp1252), target,
                         "actors.csv:1: the file starts with a UTF-8 byte order mark, so it is UTF-8: read it with "
                         "encoding='utf-8'");
    REQUIRE(verbind::read_csv(folder.str()).num_actors() == 1);
    // UTF-16 (Excel's "Unicode Text"): refused as what it is, in every encoding.
    folder.write("actors.csv", std::string("\xFF\xFEk\0e\0y\0", 8));
    for (const CsvOptions& options : {CsvOptions{}, cp1252, latin1})
        REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), options), target,
                             "actors.csv:1: the file is UTF-16 (it starts with a UTF-16 byte order mark, as Excel's "
                             "\"Unicode Text\" does); save it as \"CSV UTF-8\" instead");
    // UTF-8 that does not decode, in a header too.
    folder.write("actors.csv", "key,type,m\xFCnicipality\nr1,resident,x\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str()), target,
                         "actors.csv:1: header column 3: is not valid UTF-8 'm\\xFCnicipality'; if the file comes "
                         "from Excel on Windows, try encoding='cp1252'");
    // A NUL is a control character in every encoding; the model refuses it.
    folder.write("actors.csv", std::string("key,type,municipality\nr1,resident,a\0b\n", 38));
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, folder.str(), cp1252), target, "actors.csv:2:");
}

TEST_CASE("CSV extra columns are ignored with a warning, never an error", "[io][csv][spreadsheet]") {
    TempFolder plain;
    plain.write("actors.csv", "key,type\nr1,resident\nr2,resident\n");
    plain.write("ties.csv", "a,b\nr1,r2\n");
    TempFolder extra;
    extra.write("actors.csv", "note,key,type,Opmerking\nhi,r1,resident,x\n,r2,resident,\n");
    extra.write("ties.csv", "a,b\nr1,r2\n");
    std::vector<std::string> warnings{"earlier"};
    REQUIRE(verbind::read_csv(extra.str(), {}, &warnings) == verbind::read_csv(plain.str()));
    REQUIRE(warnings.size() == 2);  // appended
    REQUIRE(warnings[0] == "earlier");
    REQUIRE_THAT(warnings[1],
                 Catch::EndsWith("actors.csv:1: columns 'note', 'Opmerking' are not part of the layout "
                                 "and ignored (its columns: key, type, kind, neighbourhood, municipality, "
                                 "talents, groups, key_figure, trained_on)"));
    // Warnings only from an import that succeeds.
    extra.write("ties.csv", "a,b,note\nr1,r9,x\n");
    Network target = import_target();
    std::vector<std::string> none;
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, extra.str(), {}, &none), target, "unknown actor 'r9'");
    REQUIRE(none.empty());
    // A required column missing, with a hint when only its case differs.
    extra.write("actors.csv", "Key,type\nr1,resident\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, extra.str()), target,
                         "actors.csv:1: missing column 'key' (the header has 'Key': names are case-sensitive)");
}

TEST_CASE("CSV columns: a municipality's own column names", "[io][csv][spreadsheet]") {
    TempFolder own;
    own.write("actors.csv", "bewoner;soort;wijk\nr1;resident;Haven\nr2;resident;\n");
    own.write("ties.csv", "van;naar;gewicht\nr1;r2;2,5\n");
    own.write("events.csv", "code;datum;soort\ne1;05-05-2022;ontbijt\n");
    own.write("attendance.csv", "bijeenkomst;bewoner\ne1;r1\n");
    TempFolder clean;
    clean.write("actors.csv", "key,type,neighbourhood\nr1,resident,Haven\nr2,resident,\n");
    clean.write("ties.csv", "a,b,weight\nr1,r2,2.5\n");
    clean.write("events.csv", "key,date,kind\ne1,2022-05-05,ontbijt\n");
    clean.write("attendance.csv", "event,actor\ne1,r1\n");

    CsvOptions options;
    // For every file: applied where the file has the target column.
    options.columns = {{"", "wijk", "neighbourhood"},
                       {"", "van", "a"},
                       {"", "naar", "b"},
                       {"", "gewicht", "weight"},
                       {"", "datum", "date"},
                       {"", "bijeenkomst", "event"},
                       {"", "code", "key"},
                       {"", "ongebruikt", "kind"},
                       // Per file: "bewoner" is the key of actors.csv but the actor of attendance.csv;
                       // "soort" is the type of an actor but the kind of an event.
                       {"actors.csv", "bewoner", "key"},
                       {"actors", "soort", "type"},
                       {"attendance.csv", "bewoner", "actor"},
                       {"events", "soort", "kind"}};
    std::vector<std::string> warnings;
    REQUIRE(verbind::read_csv(own.str(), options, &warnings) == verbind::read_csv(clean.str()));
    REQUIRE(warnings ==
            std::vector<std::string>{"columns: 'ongebruikt' -> 'kind' matched no header of the files read"});

    Network target = import_target();
    // Messages name the file's own column, and verbind's.
    own.write("ties.csv", "van;naar;gewicht\nr1;r2;veel\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, own.str(), options), target,
                         "ties.csv:2: field 'gewicht' (weight): expected a number, got 'veel'");
    // Two headers read as one column.
    own.write("ties.csv", "van;naar;a\nr1;r2;r1\n");
    REQUIRE_IMPORT_FAILS(verbind::import_csv(target, own.str(), options), target,
                         "ties.csv:1: column 'a' appears twice (as 'van' and 'a')");
    // Renames that cannot apply are refused before anything is read.
    const auto refused = [&](verbind::CsvColumn rename, const std::string& message) {
        CsvOptions bad;
        bad.columns = {std::move(rename)};
        const Network before = target;
        REQUIRE_THROWS_AS(verbind::import_csv(target, own.str(), bad), verbind::input_error);
        REQUIRE_THROWS_WITH(verbind::import_csv(target, own.str(), bad), message);
        REQUIRE(target == before);
    };
    refused({"", "x", "kee"}, "columns: 'x' -> 'kee': no file of the CSV layout has a column 'kee'");
    refused({"ties.csv", "x", "key"},
            "columns: 'x' -> 'key': ties.csv has no column 'key' (its columns: a, b, kind, since, until, weight)");
    refused({"people.csv", "x", "key"}, "columns: 'x' -> 'key': no file 'people.csv' in the CSV layout");
    refused({"", "", "key"}, "columns: '' -> 'key': the file's column name is empty");
    CsvOptions twice;
    twice.columns = {{"", "x", "key"}, {"", "x", "a"}};
    REQUIRE_THROWS_WITH(verbind::read_csv(own.str(), twice), "columns: 'x' -> 'a': 'x' is renamed twice");
}

TEST_CASE("CSV templates in docs/templates read back; the filled example is the network it describes",
          "[io][csv][spreadsheet]") {
    const std::string templates = std::string(VERBIND_TEST_DATA) + "/../docs/templates";
    std::vector<std::string> warnings;
    const Network empty = verbind::read_csv(templates, {}, &warnings);
    REQUIRE(empty == Network());
    REQUIRE(warnings.empty());
    // Each template is one header row in verbind's own dialect.
    TempFolder written;
    verbind::write_csv(Network(), written.str());
    for (const char* name : {"actors.csv", "ties.csv", "events.csv", "attendance.csv"}) {
        INFO(name);
        std::ifstream in(templates + "/" + name, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(text == written.read(name));
    }

    // The example: Dutch Excel's "CSV (puntkomma-gescheiden)" from the guide.
    CsvOptions options;
    options.encoding = CsvEncoding::cp1252;
    const Network example = verbind::read_csv(templates + "/example", options);
    Network expected;
    expected.add_organisation("bibliotheek", {"library", "Centrum", "Lelystad", {"taalcafé", "ruimte"}});
    expected.add_resident("r-001", {"Centrum", "Lelystad", {"koken", "muziek"}, {}, true, Date(2022, 3, 5)});
    expected.add_resident("r-002", {"Haven", "Lelystad", {"schaak"}, {}, false, std::nullopt});
    expected.add_resident("r-003", {"Haven", "Lelystad", {}, {}, false, std::nullopt});
    verbind::TieInfo knows;
    knows.since = Date(2021, 9, 1);
    knows.weight = 1.5;
    expected.add_tie("r-001", "r-002", "knows", knows);
    verbind::TieInfo member;
    member.since = Date(2022, 1, 5);
    expected.add_tie("r-002", "bibliotheek", "member_of", member);
    expected.add_event("e-2022-05-05",
                       {Date(2022, 5, 5), "5 mei ontbijt", "Centrum", "Lelystad", {"bibliotheek", "r-001"}});
    expected.attend("e-2022-05-05", "r-001", "");
    expected.attend("e-2022-05-05", "r-002", "r-001");
    expected.attend("e-2022-05-05", "r-003", "r-002");
    REQUIRE(example == expected);
}
