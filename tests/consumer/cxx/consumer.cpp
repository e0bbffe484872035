// An outside C++ program built against an installed verbind through
// find_package(verbind): the C++ API and the C API side by side, each
// checked against values worked out by hand.
#include <verbind.h>
#include <verbind/error.hpp>
#include <verbind/graph/view.hpp>
#include <verbind/model/network.hpp>
#include <verbind/version.hpp>

#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>

namespace {

int failures = 0;

void expect(bool condition, const std::string& what) {
    if (!condition) {
        ++failures;
        std::cerr << "consumer.cpp: FAILED: " << what << "\n";
    }
}

}  // namespace

int main() {
    // The C++ core: a triangle of three residents plus an organisation.
    verbind::Network network;
    verbind::ResidentInfo haven;
    haven.neighbourhood = "Haven";
    verbind::ResidentInfo centrum;
    centrum.neighbourhood = "Centrum";
    verbind::OrganisationInfo library;
    library.kind = "library";
    network.add_resident("anna", haven);
    network.add_resident("bram", haven);
    network.add_resident("cem", centrum);
    network.add_organisation("library", library);
    network.add_tie("anna", "bram");
    network.add_tie("bram", "cem");
    network.add_tie("cem", "anna");
    network.add_tie("library", "cem", "partner");
    expect(network.num_residents() == 3, "3 residents");
    expect(network.num_organisations() == 1, "1 organisation");
    expect(network.num_ties() == 4, "4 ties");

    bool refused = false;
    try {
        network.add_tie("anna", "anna");
    } catch (const verbind::input_error&) {
        refused = true;
    }
    expect(refused && network.num_ties() == 4, "a tie to oneself is refused");

    verbind::ViewOptions residents;
    residents.residents_only = true;
    const verbind::Graph triangle = verbind::build_graph(network, residents);
    expect(triangle.num_nodes() == 3 && triangle.num_edges() == 3, "the residents form a triangle");
    expect(triangle.degree(triangle.index("cem")) == 2, "cem has degree 2 among residents");
    const verbind::Graph all = verbind::build_graph(network);
    expect(all.degree(all.index("cem")) == 3, "cem has degree 3 with the library");

    // The C ABI from the same program: a star around node 0.
    const std::uint32_t src[] = {0, 0, 0};
    const std::uint32_t dst[] = {1, 2, 3};
    const double weights[] = {1.0, 2.0, 0.5};
    vb_graph_t* star = nullptr;
    expect(vb_graph_from_edges(4, 3, src, dst, weights, nullptr, &star) == VB_OK, "vb_graph_from_edges");
    std::size_t degree = 0;
    expect(vb_graph_degree(star, 0, &degree) == VB_OK && degree == 3, "the centre has degree 3");
    double weight = 0;
    expect(vb_graph_edge_weight(star, 2, 0, &weight) == VB_OK && weight == 2.0, "edge 0 - 2 weighs 2");
    vb_graph_free(star);
    expect(std::strcmp(vb_version(), verbind::version()) == 0, "the C and C++ versions agree");

    if (failures) return 1;
    std::cout << "consumer.cpp: all checks passed (verbind " << verbind::version() << ")\n";
    return 0;
}
