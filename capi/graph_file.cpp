// The C ABI of the binary graph file (io/graph_file.hpp): save and load.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/io/graph_file.hpp"

using namespace verbind::capi;

extern "C" {

vb_status_t vb_graph_save(const vb_graph_t* graph, const char* path) {
    static const char fn[] = "vb_graph_save";
    return guarded(fn, [&] {
        require(graph, "graph");
        require(path, "path");
        verbind::save_graph(graph->graph, path);
    });
}

vb_status_t vb_graph_load(const char* path, vb_graph_t** out) {
    static const char fn[] = "vb_graph_load";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        *out = make_handle<vb_graph>(verbind::load_graph(path));
    });
}

vb_status_t vb_graph_load_unverified(const char* path, vb_graph_t** out) {
    static const char fn[] = "vb_graph_load_unverified";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        verbind::LoadGraphOptions options;
        options.verify_checksum = false;
        *out = make_handle<vb_graph>(verbind::load_graph(path, options));
    });
}

}  // extern "C"
