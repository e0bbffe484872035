// libFuzzer target: the JSON reader. A document that parses must survive a
// round trip through the writer unchanged.
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const verbind::Network net = verbind::parse_json(text, "<fuzz>");
        const verbind::Network again = verbind::parse_json(verbind::to_json(net, {true}), "<round trip>");
        if (!(again == net)) std::abort();
    } catch (const verbind::error&) {
    }
    return 0;
}
