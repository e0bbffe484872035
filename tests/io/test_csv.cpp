#include "io_test_support.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace verbind_io_test;
using verbind::ActorType;
using verbind::Date;
using verbind::Network;

namespace {

const std::string actors_header = "key,type,kind,neighbourhood,municipality,talents,groups,key_figure,trained_on\n";

// A small valid folder; each error case below spoils one file of it.
void write_valid_folder(const TempFolder& folder) {
    folder.write("actors.csv", actors_header + "r1,resident,,Centrum,Lelystad,koken,,true,2022-03-05\n"
                                               "r2,resident,,,,,,false,\n"
                                               "bib,organisation,library,,,,,false,\n");
    folder.write("ties.csv", "a,b,kind,since,until,weight\n"
                             "r1,r2,knows,2022-01-01,,1\n"
                             "r2,bib,member_of,,,0.5\n");
    folder.write("events.csv", "key,date,kind,neighbourhood,municipality,organisers\n"
                               "e1,2022-05-05,breakfast,,,bib;r1\n");
    folder.write("attendance.csv", "event,actor,brought_by\n"
                                   "e1,r1,\n"
                                   "e1,r2,r1\n");
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("CSV round trip keeps every field and awkward text", "[io][csv]") {
    const Network original = awkward_network();
    TempFolder folder;
    verbind::write_csv(original, folder.str(), {/*include_sensitive=*/true});
    const Network back = verbind::read_csv(folder.str());
    REQUIRE(back == original);

    // Spot checks against values written by hand above, so that a bug shared
    // by writer and reader (both dropping a field, say) cannot hide.
    REQUIRE(back.actor("r1").neighbourhood == "Centrum, \"Oud\"");
    REQUIRE(back.actor("r1").talents == std::vector<std::string>{"koken", "schaak, \"blitz\""});
    REQUIRE(back.actor("r1").groups == std::vector<std::string>{sensitive_group, "Turks-Nederlands"});
    REQUIRE(back.actor("r1").trained_on == Date(2022, 3, 5));
    REQUIRE(back.actor("Zoë").municipality == "İstanbul");
    REQUIRE(back.actor("bib").type == ActorType::organisation);
    REQUIRE(back.actor("bib").kind == "library");
    REQUIRE(back.ties()[0].weight == 0.1);
    REQUIRE(back.ties()[1].weight == 1e-300);
    REQUIRE(back.ties()[2].weight == 3.0);
    REQUIRE(back.ties()[3].weight == 1.0 / 3.0);
    REQUIRE(back.tie_kind(back.ties()[2]) == "family, \"close\"");
    REQUIRE(!back.ties()[0].until);
    REQUIRE(back.ties()[1].until == Date(2022, 12, 31));
    REQUIRE(back.sensitive_groups().size() == 2);

    // RFC 4180 quoting, by hand: a field with a comma or quote is quoted and
    // its quotes doubled.
    const std::string actors = folder.read("actors.csv");
    REQUIRE_THAT(actors, Catch::StartsWith(actors_header));
    REQUIRE_THAT(actors, Catch::Contains("r1,resident,,\"Centrum, \"\"Oud\"\"\",Lelystad,"
                                         "\"koken;schaak, \"\"blitz\"\"\","));
    REQUIRE_THAT(folder.read("ties.csv"), Catch::Contains("\nZoë,bib,member_of,,2022-12-31,1e-300\n"));
    REQUIRE_THAT(folder.read("ties.csv"), Catch::Contains("\nr1,Zoë,knows,2021-01-01,,0.1\n"));
    REQUIRE_THAT(folder.read("events.csv"), Catch::Contains("\ne1,2022-05-05,5 May breakfast,"
                                                            "\"Centrum, \"\"Oud\"\"\",Lelystad,bib;r1\n"));
    REQUIRE_THAT(folder.read("attendance.csv"), Catch::Contains("\ne1,Zoë,r1\n"));

    // Nothing but the five files is left behind (no temporaries).
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.str())) {
        (void)entry;
        ++files;
    }
    REQUIRE(files == 5);

    // Writing again over an existing export replaces it.
    verbind::write_csv(back, folder.str(), {true});
    REQUIRE(verbind::read_csv(folder.str()) == original);
    REQUIRE(verbind::read_network(folder.str()) == original);
}

TEST_CASE("CSV export leaves sensitive groups out unless asked", "[io][csv]") {
    const Network original = awkward_network();
    TempFolder folder;
    verbind::write_csv(original, folder.str());

    for (const char* name : {"actors.csv", "ties.csv", "events.csv", "attendance.csv"})
        REQUIRE(count(folder.read(name), sensitive_group) == 0);
    // Not even the names of the marked groups leave: no sensitive_groups.csv.
    REQUIRE(!std::filesystem::exists(folder.file("sensitive_groups.csv")));
    REQUIRE_THAT(folder.read("actors.csv"), Catch::Contains(",Turks-Nederlands,true,2022-03-05\n"));

    // What comes back is the network without the sensitive declarations and
    // without the marks (there is nothing left for them to mark).
    const Network back = verbind::read_csv(folder.str());
    REQUIRE(back.actor("r1").groups == std::vector<std::string>{"Turks-Nederlands"});
    REQUIRE(back.actor("Zoë").groups == std::vector<std::string>{"buurtvader"});
    REQUIRE(!back.is_sensitive(sensitive_group));
    REQUIRE(back.sensitive_groups().empty());
    REQUIRE(!(back == original));
}

TEST_CASE("CSV reader accepts BOM, CRLF, any column order, missing optional columns and files", "[io][csv]") {
    TempFolder folder;
    folder.write("actors.csv", "\xEF\xBB\xBFtype,key,municipality\r\n"
                               "resident,r1,Almere\r\n"
                               "\r\n"
                               "resident,\"r,2\",\"Amsterdam-West\"\r\n");
    folder.write("ties.csv", "b,a\nr1,\"r,2\"");  // no final line break
    const Network network = verbind::read_csv(folder.str());
    REQUIRE(network.num_actors() == 2);
    REQUIRE(network.actor("r1").municipality == "Almere");
    REQUIRE(network.actor("r1").neighbourhood.empty());
    REQUIRE(!network.actor("r1").key_figure);
    REQUIRE(network.actor("r,2").municipality == "Amsterdam-West");
    REQUIRE(network.num_ties() == 1);
    const auto& tie = network.ties()[0];
    REQUIRE(network.actor(tie.a).key == "r,2");
    REQUIRE(network.actor(tie.b).key == "r1");
    REQUIRE(network.tie_kind(tie) == "knows");  // kind column missing: the default
    REQUIRE(tie.weight == 1.0);
    REQUIRE(network.num_events() == 0);
    REQUIRE(network.num_attendances() == 0);
    REQUIRE(network.sensitive_groups().empty());
}

TEST_CASE("CSV import adds to a network", "[io][csv]") {
    TempFolder folder;
    write_valid_folder(folder);
    Network target = import_target();
    verbind::import_csv(target, folder.str());
    REQUIRE(target.num_actors() == 5);
    REQUIRE(target.num_ties() == 3);
    REQUIRE(target.num_events() == 2);
    REQUIRE(target.num_attendances() == 3);
    REQUIRE(target.actor("r1").key_figure);
    REQUIRE(target.ties()[2].weight == 0.5);
    const auto& organisers = target.event("e1").organisers;
    REQUIRE(organisers.size() == 2);
    REQUIRE(target.actor(organisers[0]).key == "bib");
    REQUIRE(target.attendance()[2].brought_by == target.actor_id("r1"));
    REQUIRE(target.is_sensitive("already marked"));
}

TEST_CASE("CSV bad input names file, line and field, and changes nothing", "[io][csv]") {
    TempFolder folder;
    write_valid_folder(folder);
    Network target = import_target();
    const std::string actors = folder.file("actors.csv");
    const std::string ties = folder.file("ties.csv");
    const std::string events = folder.file("events.csv");
    auto import = [&] { verbind::import_csv(target, folder.str()); };

    SECTION("malformed date") {
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,true,2022-01-01\n"
                                                   "r2,resident,,,,,,true,2022-13-01\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":3: field 'trained_on': malformed date '2022-13-01' (no such month)");
        // 1-2-2022 is a date now (day first, tests/io/test_csv_spreadsheets.cpp); 2022.02.01 is not.
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,true,2022.02.01\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'trained_on': malformed date '2022.02.01' (expected yyyy-mm-dd, "
                                      "dd-mm-yyyy, d-m-yyyy or dd/mm/yyyy)");
    }
    SECTION("unknown actor") {
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r2,knows,,,1\nr1,r-991,knows,,,1\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":3: tie 'r1' - 'r-991' field 'b': unknown actor 'r-991'");
    }
    SECTION("unknown organiser and unknown event") {
        folder.write("events.csv", "key,date,kind,neighbourhood,municipality,organisers\n"
                                   "e1,2022-05-05,breakfast,,,bib;nobody\n");
        REQUIRE_IMPORT_FAILS(import(), target, events + ":2: event 'e1' field 'organisers': unknown actor 'nobody'");
        write_valid_folder(folder);
        folder.write("attendance.csv", "event,actor,brought_by\ne1,r1,\ne9,r1,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             "attendance.csv:3: attendance of 'r1' at event 'e9' field 'event': unknown event 'e9'");
    }
    SECTION("duplicate key, in the file and against the target") {
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,,\nr1,resident,,,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":3: resident 'r1': key already exists");
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,,\nr2,resident,,,,,,,\n"
                                                   "bib,organisation,library,,,,,,\nr0,resident,,,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":5: resident 'r0': key already exists");
        // The same folder is fine on its own: only the target already has r0.
        REQUIRE_NOTHROW(verbind::read_csv(folder.str()));
    }
    SECTION("negative weight, not a number, out of range") {
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r2,knows,,,-0.5\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             ties + ":2: tie 'r1' - 'r2' field 'weight': must be a finite number >= 0");
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r2,knows,,,heavy\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":2: field 'weight': expected a number, got 'heavy'");
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r2,knows,,,1e999\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":2: field 'weight': number out of range '1e999'");
    }
    SECTION("self tie and until before since") {
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r1,knows,,,1\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":2: tie 'r1' - 'r1': a tie to oneself is not allowed");
        folder.write("ties.csv", "a,b,kind,since,until,weight\nr1,r2,knows,2022-05-01,2022-04-01,1\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":2: tie 'r1' - 'r2' field 'until': 2022-04-01 is not after");
    }
    SECTION("unterminated quote names the line where the quote opened") {
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,,\nr2,resident,,\"Centrum,,,,,\n\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors +
                                 ":3: field 'neighbourhood': unterminated quoted field (the file ends inside it)");
    }
    SECTION("lines inside a quoted field are counted") {
        // The quoted field spans lines 3-4; the stray text after it is on line 4.
        folder.write("actors.csv", actors_header + "r1,resident,,,,,,,\nr2,resident,,\"Centrum\nOud\"x,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":4: field 'neighbourhood': text after the closing quote");
        // A well-formed quoted line break reaches the model, which refuses it.
        folder.write("actors.csv", actors_header + "r1,resident,,\"Centrum\r\nOud\",,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: resident 'r1' field 'neighbourhood': contains a control character");
        // Blank lines count too.
        folder.write("actors.csv", actors_header + "\n\nr1,resident,,,,,,maybe,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":4: field 'key_figure': expected true or false (also 1/0, yes/no, ja/nee, "
                                      "waar/onwaar), got 'maybe'");
    }
    SECTION("quote inside an unquoted field, stray carriage return") {
        folder.write("actors.csv", actors_header + "r1,resident,,Cen\"trum,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'neighbourhood': a quote inside an unquoted field");
        folder.write("actors.csv", actors_header + "r1,resident,,Cen\rtrum,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'neighbourhood': a carriage return that does not end a line");
    }
    SECTION("bad UTF-8 byte") {
        folder.write("actors.csv", actors_header + "r1,resident,,,Lelystad\xFF,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'municipality': is not valid UTF-8 'Lelystad\\xFF'");
        folder.write("actors.csv", actors_header + "r1,resident,,,,,\"a;\xC3\x28\",,\n");  // broken 2-byte sequence
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":2: field 'groups': is not valid UTF-8 'a;\\xC3('");
    }
    SECTION("unknown, missing and repeated columns") {
        // An unknown column is ignored with a warning (tests/io/test_csv_spreadsheets.cpp); a
        // required one missing is an error.
        folder.write("actors.csv", "key,colour\nr1,blue\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":1: missing column 'type'");
        write_valid_folder(folder);
        folder.write("ties.csv", "a,kind\nr1,knows\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":1: missing column 'b'");
        folder.write("ties.csv", "a,b,a\nr1,r2,r1\n");
        REQUIRE_IMPORT_FAILS(import(), target, ties + ":1: column 'a' appears twice");
        write_valid_folder(folder);
        folder.write("events.csv", "");
        REQUIRE_IMPORT_FAILS(import(), target, events + ":1: no header row (expected the columns key, date, kind,");
    }
    SECTION("wrong field count") {
        folder.write("events.csv", "key,date,kind,neighbourhood,municipality,organisers\n"
                                   "e1,2022-05-05,breakfast,,,\n"
                                   "e2,2022-05-06,breakfast,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, events + ":3: 5 fields, but the header has 6 columns");
        folder.write("events.csv", "key,date,kind,neighbourhood,municipality,organisers\n"
                                   "e1,2022-05-05,breakfast,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, events + ":2: 7 fields, but the header has 6 columns");
    }
    SECTION("actor type and type-specific columns") {
        folder.write("actors.csv", actors_header + "r1,person,,,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'type': expected 'resident' or 'organisation', got 'person'");
        folder.write("actors.csv", actors_header + "bib,organisation,library,,,,lezers,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":2: field 'groups': an organisation has no declared groups");
        folder.write("actors.csv", actors_header + "bib,organisation,library,,,,,true,\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             actors + ":2: field 'key_figure': only a resident can be a key figure");
        folder.write("actors.csv", actors_header + "r1,resident,library,,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":2: field 'kind': only an organisation has a kind");
        folder.write("actors.csv", actors_header + "bib,organisation,,,,,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":2: organisation 'bib' field 'kind': must not be empty");
        folder.write("actors.csv", actors_header + "r1,resident,,,,a;;b,,,\n");
        REQUIRE_IMPORT_FAILS(import(), target, actors + ":2: resident 'r1' field 'talents': must not be empty");
    }
    SECTION("a bad sensitive group or attendance, after everything else was read") {
        folder.write("sensitive_groups.csv", "group\n\" LGBTI+\"\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             "sensitive_groups.csv:2: sensitive group: has leading or trailing blanks ' LGBTI+'");
        folder.write("sensitive_groups.csv", "group\nLGBTI+\n");
        folder.write("attendance.csv", "event,actor,brought_by\ne1,r1,\ne1,r2,r2\n");
        REQUIRE_IMPORT_FAILS(import(), target,
                             "attendance.csv:3: attendance of 'r2' at event 'e1' field "
                             "'brought_by': a person cannot bring themselves");
    }
}

TEST_CASE("CSV files that cannot be read or written are io_errors naming the path", "[io][csv]") {
    TempFolder folder;
    const std::string missing = folder.file("no-such-folder");
    REQUIRE_THROWS_AS(verbind::read_csv(missing), verbind::io_error);
    REQUIRE_THROWS_WITH(verbind::read_csv(missing),
                        Catch::Contains("no-such-folder/actors.csv': No such file or directory"));

    Network target = import_target();
    const Network before = target;
    REQUIRE_THROWS_AS(verbind::import_csv(target, missing), verbind::io_error);
    REQUIRE(target == before);

    // A folder where a file is: neither created nor written into.
    folder.write("occupied", "x");
    REQUIRE_THROWS_AS(verbind::write_csv(target, folder.file("occupied")), verbind::io_error);
    REQUIRE_THROWS_WITH(verbind::write_csv(target, folder.file("occupied")), Catch::Contains("occupied"));
    // A missing folder is created, parents too.
    verbind::write_csv(target, folder.file("new/deeper"), {/*include_sensitive=*/true});
    REQUIRE(verbind::read_csv(folder.file("new/deeper")) == target);
}
