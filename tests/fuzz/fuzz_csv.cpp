// libFuzzer target: the CSV folder reader, with its spreadsheet options
// (encoding, dayfirst, delimiter) drawn from the input's size. The input is the folder's five
// files separated by form feeds ('\f'), in the order actors, ties, events,
// attendance, sensitive_groups; they are written to a scratch folder of this
// process and read back. A folder that reads must survive a round trip.
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("verbind-fuzz-csv-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const files[] = {"actors.csv", "ties.csv", "events.csv", "attendance.csv",
                                        "sensitive_groups.csv"};
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (const char* name : files) {
        const auto cut = rest.find('\f');
        const std::string_view part = rest.substr(0, cut);
        std::ofstream(scratch() / name, std::ios::binary | std::ios::trunc)
            .write(part.data(), static_cast<std::streamsize>(part.size()));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    }
    try {
        // The spreadsheet options, drawn from the input's size so that the
        // corpus format stays five files: each encoding, day or month
        // first, and each delimiter (0: found per file) in turn.
        verbind::CsvOptions options;
        options.encoding = static_cast<verbind::CsvEncoding>(size % 3);
        options.dayfirst = (size / 3) % 2 == 0;
        static const char delimiters[] = {0, ',', ';', '\t'};
        options.delimiter = delimiters[(size / 6) % 4];
        std::vector<std::string> warnings;
        const verbind::Network net = verbind::read_csv(scratch().string(), options, &warnings);
        const verbind::Network again = verbind::parse_json(verbind::to_json(net, {true}), "<round trip>");
        if (!(again == net)) std::abort();
    } catch (const verbind::error&) {
    }
    return 0;
}
