#include "io_test_support.hpp"

#include "verbind/datasets/davis.hpp"
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace verbind_io_test;
using verbind::ActorType;
using verbind::Date;
using verbind::Network;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Line 1 of every hand-written document below.
const std::string head = "{\"format\": \"verbind\", \"version\": 1,\n";

}  // namespace

TEST_CASE("JSON round trip keeps every field and awkward text", "[io][json]") {
    const Network original = awkward_network();
    const std::string text = verbind::to_json(original, {/*include_sensitive=*/true});
    const Network back = verbind::parse_json(text);
    REQUIRE(back == original);

    REQUIRE(back.actor("r1").neighbourhood == "Centrum, \"Oud\"");
    REQUIRE(back.actor("r1").groups == std::vector<std::string>{sensitive_group, "Turks-Nederlands"});
    REQUIRE(back.actor("Zoë").municipality == "İstanbul");
    REQUIRE(back.actor("Zoë").talents[1] == "🌈 regenboog");
    REQUIRE(back.actor("cod").kind == "anti-discrimination \"bureau\"");
    REQUIRE(back.ties()[0].weight == 0.1);
    REQUIRE(back.ties()[1].weight == 1e-300);
    REQUIRE(back.ties()[2].weight == 3.0);
    REQUIRE(back.ties()[3].weight == 1.0 / 3.0);
    REQUIRE(back.attendance()[1].brought_by == back.actor_id("r1"));

    // Escaping by hand: quotes are backslashed, non-ASCII is written as is.
    REQUIRE_THAT(text, Catch::Contains("{\"key\": \"r1\", \"type\": \"resident\", \"neighbourhood\": "
                                       "\"Centrum, \\\"Oud\\\"\", \"municipality\": \"Lelystad\""));
    REQUIRE_THAT(text, Catch::Contains("{\"a\": \"Zoë\", \"b\": \"bib\", \"kind\": \"member_of\", "
                                       "\"until\": \"2022-12-31\", \"weight\": 1e-300}"));
    // Deterministic: the same network gives the same bytes.
    REQUIRE(verbind::to_json(back, {true}) == text);

    TempFolder folder;
    const std::string path = folder.file("net.json");
    verbind::write_json(original, path, {true});
    REQUIRE(folder.read("net.json") == text);
    REQUIRE(verbind::read_json(path) == original);
    REQUIRE(verbind::read_network(path) == original);
}

TEST_CASE("JSON layout, written by hand", "[io][json]") {
    Network network;
    network.mark_sensitive("s");
    network.add_resident("r1", {"", "", {}, {"s", "g"}, true, Date(2022, 1, 2)});
    network.add_organisation("o", {"library", "", "", {}});
    network.add_tie("r1", "o", "member_of", {std::nullopt, std::nullopt, 0.5});
    network.add_event("e", {Date(2022, 5, 4), "commemoration", "", "", {"o"}});
    network.attend("e", "r1");
    REQUIRE(verbind::to_json(network) ==
            "{\n"
            "  \"format\": \"verbind\",\n"
            "  \"version\": 1,\n"
            "  \"actors\": [\n"
            "    {\"key\": \"r1\", \"type\": \"resident\", \"groups\": [\"g\"], \"key_figure\": true, "
            "\"trained_on\": \"2022-01-02\"},\n"
            "    {\"key\": \"o\", \"type\": \"organisation\", \"kind\": \"library\"}\n"
            "  ],\n"
            "  \"ties\": [\n"
            "    {\"a\": \"r1\", \"b\": \"o\", \"kind\": \"member_of\", \"weight\": 0.5}\n"
            "  ],\n"
            "  \"events\": [\n"
            "    {\"key\": \"e\", \"date\": \"2022-05-04\", \"kind\": \"commemoration\", \"organisers\": [\"o\"]}\n"
            "  ],\n"
            "  \"attendance\": [\n"
            "    {\"event\": \"e\", \"actor\": \"r1\"}\n"
            "  ]\n"
            "}\n");
    REQUIRE(verbind::to_json(Network{}) == "{\n  \"format\": \"verbind\",\n  \"version\": 1,\n  \"actors\": [],\n"
                                           "  \"ties\": [],\n  \"events\": [],\n  \"attendance\": []\n}\n");
}

TEST_CASE("JSON export leaves sensitive groups out unless asked", "[io][json]") {
    const Network original = awkward_network();
    const std::string text = verbind::to_json(original);
    // Nowhere, not even the names of the marked groups.
    REQUIRE(count(text, sensitive_group) == 0);
    REQUIRE(count(text, "never used") == 0);
    REQUIRE(count(text, "sensitive_groups") == 0);
    REQUIRE_THAT(text, Catch::Contains("\"groups\": [\"Turks-Nederlands\"], \"key_figure\": true"));
    // Asked for: in the list of marks and in r1's groups.
    REQUIRE_THAT(verbind::to_json(original, {true}),
                 Catch::Contains("\"sensitive_groups\": [\"" + sensitive_group + "\", \"never used\"]"));
    REQUIRE(count(verbind::to_json(original, {true}), sensitive_group) == 2);

    const Network back = verbind::parse_json(text);
    REQUIRE(back.actor("r1").groups == std::vector<std::string>{"Turks-Nederlands"});
    REQUIRE(!back.is_sensitive(sensitive_group));

    TempFolder folder;
    verbind::write_json(original, folder.file("net.json"));
    REQUIRE(count(folder.read("net.json"), sensitive_group) == 0);
}

TEST_CASE("JSON reader accepts what RFC 8259 allows", "[io][json]") {
    const std::string text =
        "\xEF\xBB\xBF\r\n\t{ \"version\" : 1 , \"format\":\"verbind\",\r\n"
        "\"actors\": [{\"key\": \"Zo\\u00EB\", \"type\": \"resident\", \"talents\": [\"\\ud83c\\udf08\", \"a\\/b\"],"
        " \"neighbourhood\": null, \"trained_on\": null, \"key_figure\": false},\n"
        " {\"key\": \"o\", \"type\": \"organisation\", \"kind\": \"welfare\", \"groups\": null}],\n"
        "\"ties\": [{\"a\": \"o\", \"b\": \"Zoë\", \"weight\": 25E-1}, {\"a\": \"o\", \"b\": \"Zoë\", \"kind\": \"partner\","
        " \"since\": \"2022-02-28\", \"until\": null, \"weight\": -0.0}],\n"
        "\"events\": [], \"sensitive_groups\": null}";
    const Network network = verbind::parse_json(text);
    REQUIRE(network.num_actors() == 2);
    REQUIRE(network.actor("Zoë").talents == std::vector<std::string>{"🌈", "a/b"});
    REQUIRE(network.actor("Zoë").neighbourhood.empty());
    REQUIRE(!network.actor("Zoë").trained_on);
    REQUIRE(network.actor("o").kind == "welfare");
    REQUIRE(network.num_ties() == 2);
    REQUIRE(network.tie_kind(network.ties()[0]) == "knows");
    REQUIRE(network.ties()[0].weight == 2.5);
    REQUIRE(network.ties()[1].since == Date(2022, 2, 28));
    REQUIRE(network.ties()[1].weight == 0.0);
    REQUIRE(network.num_events() == 0);
}

TEST_CASE("JSON import adds to a network", "[io][json]") {
    TempFolder folder;
    folder.write("net.json",
                 head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\"}],\n"
                        "\"ties\": [{\"a\": \"r0\", \"b\": \"r1\", \"kind\": \"buddy\"}],\n"
                        "\"attendance\": [{\"event\": \"e0\", \"actor\": \"r1\", \"brought_by\": \"r0\"}]}\n");
    Network target = import_target();
    verbind::import_json(target, folder.file("net.json"));
    REQUIRE(target.num_actors() == 3);
    REQUIRE(target.tie_kind(target.ties()[1]) == "buddy");
    REQUIRE(target.attendance()[1].brought_by == target.actor_id("r0"));
}

TEST_CASE("JSON bad input names file, line and field, and changes nothing", "[io][json]") {
    TempFolder folder;
    const std::string path = folder.file("net.json");
    Network target = import_target();
    auto import = [&] { verbind::import_json(target, path); };
    auto fails = [&](const std::string& text, const std::string& fragment) {
        folder.write("net.json", text);
        INFO(text);
        REQUIRE_IMPORT_FAILS(import(), target, path + fragment);
    };

    SECTION("truncated") {
        fails(head + "\"actors\": [\n{\"key\": \"r1\", \"type\": \"resident\"},\n",
              ":4: unexpected end of input (the document is truncated)");
        fails(head + "\"actors\": [{\"key\": \"r1", ":2: unterminated string (the document is truncated)");
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\", \"key_figure\": tr",
              ":2: unexpected end of input");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": 1e", ":2: unexpected end of input");
        fails(head + "\"actors\": [{\"key\": \"\\u00", ":2: unexpected end of input");
        fails("", ":1: empty document");
    }
    SECTION("duplicate key") {
        fails(head + "\"actors\": [\n{\"key\": \"r1\", \"type\": \"resident\", \"key\": \"r2\"}]}",
              ":3: duplicate key 'key' in an object");
        fails(head + "\"version\": 1}", ":2: duplicate key 'version' in an object");
        // Many members: found without comparing every pair.
        std::string wide = head + "\"x\": {";
        for (int i = 0; i < 100000; ++i) wide += "\"k" + std::to_string(i) + "\": 0, ";
        fails(wide + "\n\"k5\": 1}}", ":3: duplicate key 'k5' in an object");
    }
    SECTION("too deep nesting") {
        const std::string deep = head + "\"actors\": " + std::string(70, '[') + std::string(70, ']') + "}";
        fails(deep, ":2: nesting deeper than 64 levels");
        // Far deeper than any stack could recurse: still just an error.
        fails(head + "\"actors\": " + std::string(1000000, '['), ":2: nesting deeper than 64 levels");
    }
    SECTION("wrong format or version") {
        fails("{\"format\": \"gephi\", \"version\": 1}", ":1: format: expected \"verbind\"");
        fails("{\"version\": 2,\n\"format\": \"verbind\"}", ":1: version: unsupported version 2 "
                                                            "(this library reads version 1)");
        fails("{\"format\": \"verbind\", \"version\": \"1\"}", ":1: version: expected the number 1, got a string");
        fails("{\"format\": \"verbind\"}", ":1: document: missing field 'version'");
        fails("[]", ":1: expected an object at the top level, got an array");
    }
    SECTION("unknown fields") {
        fails(head + "\"actors\": [\n{\"key\": \"r1\", \"type\": \"resident\"},\n"
                     "{\"key\": \"r2\", \"type\": \"resident\", \"neighborhood\": \"Noord\"}]}",
              ":4: actors[1]: unknown field 'neighborhood' (expected key, type, kind, neighbourhood,");
        fails(head + "\"actor\": []}", ":2: document: unknown field 'actor'");
    }
    SECTION("malformed date") {
        fails(head + "\"actors\": [\n{\"key\": \"r1\", \"type\": \"resident\", \"trained_on\": \"2022-13-01\"}]}",
              ":3: actors[0].trained_on: malformed date '2022-13-01' (no such month)");
        fails(head + "\"events\": [{\"key\": \"e1\", \"kind\": \"iftar\", \"date\": \"\"}]}",
              ":2: events[0].date: malformed date '' (expected YYYY-MM-DD)");
    }
    SECTION("unknown actor, unknown event") {
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\"}],\n"
                     "\"ties\": [{\"a\": \"r0\", \"b\": \"r1\"},\n{\"a\": \"r1\", \"b\": \"r-991\"}]}",
              ":4: ties[1]: tie 'r1' - 'r-991' field 'b': unknown actor 'r-991'");
        fails(head + "\"attendance\": [{\"event\": \"e9\", \"actor\": \"r0\"}]}",
              ":2: attendance[0]: attendance of 'r0' at event 'e9' field 'event': unknown event 'e9'");
    }
    SECTION("duplicate record key") {
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\"},\n"
                     "{\"key\": \"r1\", \"type\": \"resident\"}]}",
              ":3: actors[1]: resident 'r1': key already exists");
        fails(head + "\"actors\": [{\"key\": \"o0\", \"type\": \"resident\"}]}",
              ":2: actors[0]: resident 'o0': key already exists");
    }
    SECTION("weights") {
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": -1}]}",
              ":2: ties[0]: tie 'r0' - 'o0' field 'weight': must be a finite number >= 0");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": \"1\"}]}",
              ":2: ties[0].weight: expected a number, got a string");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": 1e999}]}",
              ":2: ties[0].weight: number out of range '1e999'");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": 01}]}", ":2: malformed number '01'");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"o0\", \"weight\": .5}]}",
              ":2: unexpected character '.' (expected a value)");
    }
    SECTION("self tie, missing field") {
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": \"r0\"}]}",
              ":2: ties[0]: tie 'r0' - 'r0': a tie to oneself is not allowed");
        fails(head + "\"ties\": [\n{\"a\": \"r0\"}]}", ":3: ties[0]: missing field 'b'");
        fails(head + "\"ties\": [{\"a\": \"r0\", \"b\": null}]}", ":2: ties[0].b: expected a string, got null");
    }
    SECTION("bad UTF-8, surrogates, escapes, control characters") {
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\", \"municipality\": \"Lelystad\xFF\"}]}",
              ":2: string is not valid UTF-8 'Lelystad\\xFF'");
        fails(head + "\"actors\": [{\"key\": \"\\ud800\", \"type\": \"resident\"}]}",
              ":2: lone high surrogate \\uD800 in a string");
        fails(head + "\"actors\": [{\"key\": \"\\udc00\", \"type\": \"resident\"}]}",
              ":2: lone low surrogate \\uDC00 in a string");
        fails(head + "\"actors\": [{\"key\": \"\\ud800\\u0041\", \"type\": \"resident\"}]}",
              ":2: high surrogate \\uD800 followed by \\u0041, not by a low surrogate");
        fails(head + "\"actors\": [{\"key\": \"\\x41\", \"type\": \"resident\"}]}",
              ":2: invalid escape '\\x' in a string");
        fails(head + "\"actors\": [{\"key\": \"\\u12G4\", \"type\": \"resident\"}]}",
              ":2: invalid \\u escape '\\u12G4' (expected 4 hex digits)");
        fails(head + "\"actors\": [{\"key\": \"r\t1\", \"type\": \"resident\"}]}",
              ":2: control character inside a string");
        fails(head + "\"actors\": [{\"key\": \"r\n1\", \"type\": \"resident\"}]}",
              ":2: line break inside a string (write it as \\n)");
        // Escaped, a line break is valid JSON; the model refuses it.
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\", \"neighbourhood\": \"a\\nb\"}]}",
              ":2: actors[0]: resident 'r1' field 'neighbourhood': contains a control character");
        fails(head + "\"actors\": [\xC3\xA9]}", ":2: unexpected byte 0xC3 (expected a value)");
    }
    SECTION("trailing garbage and other syntax errors") {
        fails(head + "\"actors\": []}\nx", ":3: unexpected character 'x' after the end of the document");
        fails(head + "\"actors\": []}{}", ":2: unexpected character '{' after the end of the document");
        fails(head + "\"actors\": [],}", ":2: expected a string key, found character '}'");
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\"},]}",
              ":2: unexpected character ']' (expected a value)");
        fails(head + "\"actors\" []}", ":2: expected ':' after the key 'actors', found character '['");
        fails(head + "'actors': []}", ":2: expected a string key, found character '''");
        fails(head + "\"actors\": [{\"key\": \"r1\" \"type\": \"resident\"}]}",
              ":2: expected ',' or '}' in an object, found character '\"'");
        fails(head + "\"actors\": [True]}", ":2: unexpected character 'T' (expected a value)");
    }
    SECTION("wrong types and type-specific fields") {
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\", \"key_figure\": \"yes\"}]}",
              ":2: actors[0].key_figure: expected a boolean, got a string");
        fails(head + "\"actors\": [{\"key\": \"r1\", \"type\": \"resident\", \"talents\": [\"a\", 2]}]}",
              ":2: actors[0].talents[1]: expected a string, got a number");
        fails(head + "\"actors\": {}}", ":2: actors: expected an array, got an object");
        fails(head + "\"actors\": [[]]}", ":2: actors[0]: expected an object, got an array");
        fails(head +
                  "\"actors\": [{\"key\": \"o\", \"type\": \"organisation\", \"kind\": \"x\", \"groups\": [\"g\"]}]}",
              ":2: actors[0].groups: an organisation has no declared groups");
        fails(head + "\"actors\": [{\"key\": \"o\", \"type\": \"club\"}]}",
              ":2: actors[0].type: expected 'resident' or 'organisation', got 'club'");
        fails(head + "\"sensitive_groups\": [\"a;b\"]}",
              ":2: sensitive_groups[0]: sensitive group: contains ';' (it separates list items) 'a;b'");
    }
}

TEST_CASE("JSON parse errors without a file name, and files that cannot be read or written", "[io][json]") {
    REQUIRE_THROWS_AS(verbind::parse_json("{"), verbind::parse_error);
    REQUIRE_THROWS_WITH(verbind::parse_json("{"), "<json>:1: unexpected end of input (the document is truncated)");
    REQUIRE_THROWS_WITH(verbind::parse_json("{\n\n", "upload"),
                        "upload:3: unexpected end of input (the document is truncated)");

    TempFolder folder;
    const std::string missing = folder.file("missing.json");
    REQUIRE_THROWS_AS(verbind::read_json(missing), verbind::io_error);
    REQUIRE_THROWS_WITH(verbind::read_json(missing), "cannot open '" + missing + "': No such file or directory");
    Network target = import_target();
    const Network before = target;
    REQUIRE_THROWS_AS(verbind::import_json(target, missing), verbind::io_error);
    REQUIRE(target == before);
    REQUIRE_THROWS_AS(verbind::read_network(missing), verbind::io_error);

    const std::string nowhere = folder.file("no-such-folder/net.json");
    REQUIRE_THROWS_AS(verbind::write_json(target, nowhere), verbind::io_error);
    REQUIRE_THROWS_WITH(verbind::write_json(target, nowhere), Catch::Contains("No such file or directory"));
}

TEST_CASE("The sample programme and Davis's Southern Women survive CSV and JSON", "[io][json][csv]") {
    const Network sample = verbind::sample_programme();
    REQUIRE(!sample.sensitive_groups().empty());
    const Network davis = verbind::davis_southern_women();
    for (const Network* network : {&sample, &davis}) {
        REQUIRE(verbind::parse_json(verbind::to_json(*network, {/*include_sensitive=*/true})) == *network);
        TempFolder folder;
        verbind::write_csv(*network, folder.str(), {true});
        REQUIRE(verbind::read_csv(folder.str()) == *network);
    }

    // By default no resident's sensitive declaration leaves, nor the names
    // of the sensitive groups.
    const std::string text = verbind::to_json(sample);
    for (const auto& group : sample.sensitive_groups()) REQUIRE(count(text, "\"" + group + "\"") == 0);
    std::size_t declared = 0;
    for (const auto& actor : sample.actors())
        for (const auto& group : actor.groups) declared += sample.is_sensitive(group);
    REQUIRE(declared > 0);  // so the check above had something to leave out
    const Network back = verbind::parse_json(text);
    REQUIRE(back.num_actors() == sample.num_actors());
    REQUIRE(back.num_attendances() == sample.num_attendances());
    for (const auto& actor : back.actors())
        for (const auto& group : actor.groups) REQUIRE(!back.is_sensitive(group));
}
