#include "verbind/io/graphml.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/text.hpp"

#include <cstdio>

namespace verbind {

namespace {

// "U+FFFE"
std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

// XML 1.0's Char production: what a well-formed document may hold at all,
// literally or as a character reference.
bool is_xml_char(char32_t c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Appends `text` as XML character data or an attribute value: markup
// characters as entities, tab and line breaks as character references (so an
// attribute keeps them), everything else as UTF-8. A character XML 1.0 cannot
// hold (C0 controls, U+FFFE, U+FFFF) or bytes that are not UTF-8 are refused
// with an input_error naming the record and field (`where`), before anything
// is written.
template <class Where>
void append_xml(std::string& out, std::string_view text, Where&& where) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80           ? 1
                             : (byte >> 5) == 0x6  ? 2
                             : (byte >> 4) == 0xE  ? 3
                             : (byte >> 3) == 0x1E ? 4
                                                   : 0;
        if (length == 0 || i + length > text.size() || !is_valid_utf8(text.substr(i, length)))
            throw input_error("GraphML: " + where() + ": not valid UTF-8");
        char32_t c = length == 1 ? byte : length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
        for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (!is_xml_char(c))
            throw input_error("GraphML: " + where() + ": holds " + code_point_name(c) +
                              ", which an XML 1.0 document cannot hold");
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default: out.append(text.substr(i, length));
        }
        i += length;
    }
}

template <class Where>
void data(std::string& out, std::string_view key, std::string_view value, Where&& where) {
    if (value.empty()) return;
    out += "      <data key=\"";
    out += key;
    out += "\">";
    append_xml(out, value, where);
    out += "</data>\n";
}

std::string joined(const std::vector<std::string>& items) { return join(items, ";"); }

std::string number(double value) { return number_text(value, NumberFormat::significant(17)); }

}  // namespace

std::string to_graphml(const Network& network, const ExportOptions& options) {
    options.validate();
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
    const Visible visible(network, options.include_sensitive);
    for (const auto& actor : network.actors()) {
        // The record and field a refused character is in, for the message.
        auto field = [&](const char* name) {
            return [&actor, name] {
                return std::string(to_string(actor.type)) + " '" + actor.key + "' field '" + name + "'";
            };
        };
        out += "    <node id=\"";
        append_xml(out, actor.key, field("key"));
        out += "\">\n";
        data(out, "n_type", to_string(actor.type), field("type"));
        data(out, "n_kind", actor.kind, field("kind"));
        data(out, "n_neighbourhood", actor.neighbourhood, field("neighbourhood"));
        data(out, "n_municipality", actor.municipality, field("municipality"));
        data(out, "n_talents", joined(actor.talents), field("talents"));
        if (actor.is_resident()) {
            data(out, "n_groups", joined(visible.groups(actor)), field("groups"));
            data(out, "n_key_figure", actor.key_figure ? "true" : "false", field("key_figure"));
            data(out, "n_trained_on", format_date(actor.trained_on), field("trained_on"));
        }
        out += "    </node>\n";
    }
    std::size_t edge = 0;
    for (const auto& tie : network.ties()) {
        if (!visible.tie(tie)) continue;
        auto field = [&](const char* name) {
            return [&network, &tie, name] {
                return "tie '" + network.actor(tie.a).key + "' - '" + network.actor(tie.b).key + "' field '" + name +
                       "'";
            };
        };
        out += "    <edge id=\"t" + std::to_string(edge++) + "\" source=\"";
        append_xml(out, network.actor(tie.a).key, field("a"));
        out += "\" target=\"";
        append_xml(out, network.actor(tie.b).key, field("b"));
        out += "\">\n";
        data(out, "e_kind", network.tie_kind(tie), field("kind"));
        data(out, "e_since", format_date(tie.since), field("since"));
        data(out, "e_until", format_date(tie.until), field("until"));
        data(out, "e_weight", number(tie.weight + 0.0), field("weight"));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

void write_graphml(const Network& network, const std::string& path, const ExportOptions& options) {
    files::check_path(path);
    files::atomic_write_file(path, to_graphml(network, options));
}

}  // namespace verbind
