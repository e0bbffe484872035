// pseudonym() refuses keys the Network refuses (issue 11: pseudonym("")
// pseudonymised an empty key), and never puts the secret in a message.
#include "verbind/error.hpp"
#include "verbind/model/network.hpp"
#include "verbind/privacy/pseudonymise.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

const std::string secret = "\xc0\xff"
                           "0123456789abcdefghijklmnopqrstuvwxyz";  // 38 bytes

// True when the Network takes `key` as a resident key.
bool network_takes(const std::string& key) {
    verbind::Network net;
    try {
        net.add_resident(key, {});
        return true;
    } catch (const verbind::input_error&) {
        return false;
    }
}

}  // namespace

TEST_CASE("pseudonym refuses exactly the keys the Network refuses", "[privacy][pseudonym]") {
    const std::string keys[] = {"",     " ",        "a ",    " a",  "a\tb", std::string("a\0b", 3),
                                "\xff", "\xc0\xaf", "a\x7f", "r-1", "Zuid", "\xc3\xa9t\xc3\xa9",
                                "a b",  "x;y"};
    for (const std::string& key : keys) {
        CAPTURE(key);
        const bool taken = network_takes(key);
        for (auto domain : {verbind::KeyDomain::actor, verbind::KeyDomain::event}) {
            if (taken) {
                CHECK(verbind::pseudonym(secret, key, domain).size() == 64);
            } else {
                try {
                    verbind::pseudonym(secret, key, domain);
                    FAIL("pseudonym accepted a key the Network refuses");
                } catch (const verbind::input_error& e) {
                    const std::string message = e.what();
                    CHECK(message.rfind("pseudonym: ", 0) == 0);
                    CHECK(message.find("key") != std::string::npos);
                    CHECK(message.find(secret.substr(2, 10)) == std::string::npos);
                }
            }
        }
    }
    CHECK_FALSE(network_takes(""));  // the case the issue found
    CHECK_THROWS_WITH(verbind::pseudonym(secret, ""), "pseudonym: actor key: must not be empty");
}

TEST_CASE("pseudonymise keeps working on every key a Network holds", "[privacy][pseudonym]") {
    verbind::Network net;
    net.add_resident("r-1", {});
    net.add_resident("\xc3\xa9t\xc3\xa9", {});
    const verbind::Network out = verbind::pseudonymise(net, secret);
    REQUIRE(out.num_actors() == 2);
    CHECK(out.actors()[0].key == verbind::pseudonym(secret, "r-1"));
    CHECK(out.actors()[1].key == verbind::pseudonym(secret, "\xc3\xa9t\xc3\xa9"));
}
