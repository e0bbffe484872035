#include "verbind/privacy/graphml.hpp"

#include "verbind/error.hpp"
#include "../util/markup.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace verbind {

namespace {

void data(std::string& out, std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += "      <data key=\"";
    out += key;
    out += "\">";
    append_markup_escaped(out, value);
    out += "</data>\n";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ';';
        out += item;
    }
    return out;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

}  // namespace

std::string to_graphml(const Network& network, const ExportOptions& options) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"n_neighbourhood\" for=\"node\" attr.name=\"neighbourhood\" attr.type=\"string\"/>\n"
        "  <key id=\"n_municipality\" for=\"node\" attr.name=\"municipality\" attr.type=\"string\"/>\n"
        "  <key id=\"n_talents\" for=\"node\" attr.name=\"talents\" attr.type=\"string\"/>\n"
        "  <key id=\"n_groups\" for=\"node\" attr.name=\"groups\" attr.type=\"string\"/>\n"
        "  <key id=\"n_key_figure\" for=\"node\" attr.name=\"key_figure\" attr.type=\"boolean\"/>\n"
        "  <key id=\"n_trained_on\" for=\"node\" attr.name=\"trained_on\" attr.type=\"string\"/>\n"
        "  <key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"e_since\" for=\"edge\" attr.name=\"since\" attr.type=\"string\"/>\n"
        "  <key id=\"e_until\" for=\"edge\" attr.name=\"until\" attr.type=\"string\"/>\n"
        "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <graph id=\"verbind\" edgedefault=\"undirected\">\n";
    for (const auto& actor : network.actors()) {
        out += "    <node id=\"";
        append_markup_escaped(out, actor.key);
        out += "\">\n";
        data(out, "n_type", to_string(actor.type));
        data(out, "n_kind", actor.kind);
        data(out, "n_neighbourhood", actor.neighbourhood);
        data(out, "n_municipality", actor.municipality);
        data(out, "n_talents", joined(actor.talents));
        if (actor.is_resident()) {
            data(out, "n_groups", joined(network.declared_groups(actor, options.include_sensitive)));
            data(out, "n_key_figure", actor.key_figure ? "true" : "false");
            data(out, "n_trained_on", format_date(actor.trained_on));
        }
        out += "    </node>\n";
    }
    std::size_t edge = 0;
    for (const auto& tie : network.ties()) {
        if (!options.include_sensitive && network.is_sensitive(tie)) continue;
        out += "    <edge id=\"t" + std::to_string(edge++) + "\" source=\"";
        append_markup_escaped(out, network.actor(tie.a).key);
        out += "\" target=\"";
        append_markup_escaped(out, network.actor(tie.b).key);
        out += "\">\n";
        data(out, "e_kind", network.tie_kind(tie));
        data(out, "e_since", format_date(tie.since));
        data(out, "e_until", format_date(tie.until));
        data(out, "e_weight", number(tie.weight));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

void write_graphml(const Network& network, const std::string& path, const ExportOptions& options) {
    const std::string text = to_graphml(network, options);
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) throw io_error(path + ": cannot write: " + std::strerror(errno));
        file.write(text.data(), static_cast<std::streamsize>(text.size()));
        file.flush();
        if (!file) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw io_error(path + ": cannot write (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw io_error(path + ": cannot write: " + ec.message());
    }
}

}  // namespace verbind
