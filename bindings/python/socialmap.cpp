// Python bindings of verbind's socialmap capability: centralities, structure,
// communities, mixing and the social map report. Vectors come back as NumPy
// arrays indexed like Graph.keys; the GIL is released while C++ works.
#include "bindings.hpp"
#include "collective.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/socialmap/structure.hpp"
#include "verbind/util/random.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <limits>

namespace verbind::python {

namespace {

CommunityMethod method_arg(py::handle obj) {
    const std::string value = text_arg(obj, "communities", "method", "method");
    if (value == "leiden") return CommunityMethod::leiden;
    if (value == "louvain") return CommunityMethod::louvain;
    throw verbind::input_error("communities: method must be 'leiden' or 'louvain', got " + quoted(value));
}

// One value per node: a one-dimensional array-like of length n, converted
// by NumPy in one call.
template <class T>
py::array_t<T, py::array::c_style | py::array::forcecast> node_array(py::handle obj, const Graph& g,
                                                                     std::string_view function,
                                                                     std::string_view param) {
    py::array raw = py::module_::import("numpy").attr("asarray")(obj);
    if (raw.ndim() != 1)
        throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                                   " must be one-dimensional, got " + std::to_string(raw.ndim()) + " dimensions");
    if (static_cast<std::size_t>(raw.size()) != g.num_nodes())
        throw verbind::input_error(std::string(function) + ": " + std::string(param) + " has " +
                                   std::to_string(raw.size()) + " entries, the graph has " +
                                   std::to_string(g.num_nodes()) + " nodes");
    return py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(raw);
}

// Community labels: non-negative integers, one per node.
std::vector<std::uint32_t> labels_arg(py::handle obj, const Graph& g, std::string_view function) {
    py::array raw = py::module_::import("numpy").attr("asarray")(obj);
    const char kind = raw.dtype().kind();
    if (raw.size() > 0 && kind != 'i' && kind != 'u')
        throw py::type_error(std::string(function) + "(): labels must be integers, got an array of dtype " +
                             std::string(py::str(raw.dtype())));
    auto values = node_array<std::int64_t>(raw, g, function, "labels");
    std::vector<std::uint32_t> labels(g.num_nodes());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::int64_t l = values.at(static_cast<py::ssize_t>(i));
        if (l < 0 || l > std::numeric_limits<std::uint32_t>::max() - 1)
            throw verbind::input_error(std::string(function) + ": labels[" + std::to_string(i) + "] is " +
                                       std::to_string(l) + ", expected an integer in 0..2**32-2");
        labels[i] = static_cast<std::uint32_t>(l);
    }
    return labels;
}

std::optional<std::size_t> samples_arg(py::handle obj) {
    if (obj.is_none()) return std::nullopt;
    if (!PyIndex_Check(obj.ptr()) || PyBool_Check(obj.ptr()))
        throw py::type_error("betweenness(): samples must be int or None, not " + type_name(obj));
    return size_arg(obj, "betweenness", "samples", 1);
}

std::vector<std::uint32_t> codes_arg(py::handle obj, const Graph& g, std::string_view function) {
    auto values = node_array<std::int64_t>(obj, g, function, "groups");
    std::vector<std::uint32_t> codes(g.num_nodes());
    for (std::size_t i = 0; i < codes.size(); ++i)
        codes[i] = static_cast<std::uint32_t>(values.at(static_cast<py::ssize_t>(i)));
    return codes;
}

template <class Compute>
py::array_t<double> per_node(Compute&& compute) {
    std::vector<double> values;
    {
        py::gil_scoped_release no_gil;
        values = compute();
    }
    return to_numpy(std::move(values));
}

// Per-node centralities: degree, betweenness, closeness and harmonic, PageRank, eigenvector.
void register_centrality(py::module_& m) {
    m.def(
        "degree_centrality", [](const Graph& g) { return per_node([&] { return verbind::degree_centrality(g); }); },
        py::arg("g"), "As networkx.degree_centrality: degree / (n - 1) (directed: in + out), a float64 array.");

    m.def(
        "betweenness",
        [](const Graph& g, bool normalized, bool weighted, OptionalInt samples, OptionalInt seed, Int threads,
           ProgressArg progress) {
            BetweennessOptions options;
            options.normalized = normalized;
            options.weighted = weighted;
            options.samples = samples_arg(samples);
            options.seed = seed_arg(seed, "betweenness");
            options.threads = threads_arg(threads, "betweenness");
            auto values = with_progress(std::move(progress), "betweenness", [&](ProgressCallback cb) {
                options.progress = std::move(cb);
                return verbind::betweenness(g, options, take_collective());
            });
            return to_numpy(std::move(values));
        },
        py::arg("g"), py::kw_only(), py::arg("normalized") = option_default("BetweennessOptions", "normalized"),
        py::arg("weighted") = option_default("BetweennessOptions", "weighted"),
        py::arg("samples") = option_default("BetweennessOptions", "samples"),
        py::arg("seed") = option_default("BetweennessOptions", "seed"),
        py::arg("threads") = option_default("BetweennessOptions", "threads"),
        py::arg("progress") = option_default("BetweennessOptions", "progress"),
        R"doc(Betweenness (Brandes 2001), as networkx.betweenness_centrality: endpoints
excluded; normalized by 1/((n-1)(n-2)), unnormalized undirected values halved.
weighted: weights as distances. samples=k: the estimate from k sources drawn
from `seed` (scaled by n/k, as networkx); betweenness_sources(n, k, seed) tells
which. Parallel over sources; identical results for any `threads`.)doc");

    m.def(
        "betweenness_sources",
        [](Int n, Int samples, OptionalInt seed) {
            constexpr std::string_view fn = "betweenness_sources";
            return to_numpy(verbind::betweenness_sources(size_arg(n, fn, "n"), size_arg(samples, fn, "samples"),
                                                         verbind::seed_or_default(seed_arg(seed, fn))));
        },
        py::arg("n"), py::arg("samples"), py::arg("seed") = py::none(),
        "The source nodes betweenness(samples=samples, seed=seed) uses on a graph of n nodes.");

    auto distance_measure = [&m](const char* name, auto function, const char* doc) {
        m.def(
            name,
            [function, name](const Graph& g, bool weighted, Int threads, ProgressArg progress) {
                DistanceOptions options;
                options.weighted = weighted;
                options.threads = threads_arg(threads, name);
                auto values = with_progress(std::move(progress), name, [&](ProgressCallback cb) {
                    options.progress = std::move(cb);
                    return function(g, options, take_collective());
                });
                return to_numpy(std::move(values));
            },
            py::arg("g"), py::kw_only(), py::arg("weighted") = option_default("DistanceOptions", "weighted"),
            py::arg("threads") = option_default("DistanceOptions", "threads"),
            py::arg("progress") = option_default("DistanceOptions", "progress"), doc);
    };
    distance_measure(
        "closeness",
        [](const Graph& g, const DistanceOptions& o, Collective& c) { return verbind::closeness(g, o, c); },
        R"doc(Closeness as networkx.closeness_centrality (wf_improved=True): for the r nodes
that reach u, (r-1)/sum d(v,u) * (r-1)/(n-1); directed graphs use incoming
distances. weighted: weights as distances.)doc");
    distance_measure(
        "harmonic",
        [](const Graph& g, const DistanceOptions& o, Collective& c) { return verbind::harmonic(g, o, c); },
        R"doc(Harmonic centrality as networkx.harmonic_centrality: sum of 1/d(v,u) over
the other nodes v (incoming distances on directed graphs).)doc");

    m.def(
        "_pagerank",
        [](const Graph& g, Float damping, OptionalArrayLike personalization, bool weighted, Float tol, Int max_iter,
           Int threads) {
            PageRankOptions options;
            options.damping = float_arg(damping, "pagerank", "damping");
            if (!personalization.is_none()) {
                auto values = node_array<double>(personalization, g, "pagerank", "personalization");
                options.personalization.assign(values.data(), values.data() + values.size());
            }
            options.weighted = weighted;
            options.tol = float_arg(tol, "pagerank", "tol");
            options.max_iter = size_arg(max_iter, "pagerank", "max_iter");
            options.threads = threads_arg(threads, "pagerank");
            return per_node([&] { return verbind::pagerank(g, options); });
        },
        py::name("pagerank"), py::arg("g"), py::arg("damping"), py::arg("personalization"), py::arg("weighted"),
        py::arg("tol"), py::arg("max_iter"), py::arg("threads"));

    m.def(
        "eigenvector",
        [](const Graph& g, bool weighted, Float tol, Int max_iter) {
            EigenvectorOptions options;
            options.weighted = weighted;
            options.tol = float_arg(tol, "eigenvector", "tol");
            options.max_iter = size_arg(max_iter, "eigenvector", "max_iter");
            return per_node([&] { return verbind::eigenvector(g, options); });
        },
        py::arg("g"), py::kw_only(), py::arg("weighted") = option_default("EigenvectorOptions", "weighted"),
        py::arg("tol") = option_default("EigenvectorOptions", "tol"),
        py::arg("max_iter") = option_default("EigenvectorOptions", "max_iter"),
        R"doc(Eigenvector centrality as networkx.eigenvector_centrality: power iteration on
(A + I) from the uniform vector, Euclidean norm 1, stopping when the L1 change
is below n * tol; directed graphs score in-arcs. Raises InputError when it does
not converge in max_iter iterations.)doc");
}

// Structure and brokerage: cores, components, cut points, bridges, constraint, effective size.
void register_structure(py::module_& m) {
    m.def(
        "core_number",
        [](const Graph& g) {
            std::vector<std::uint32_t> values;
            {
                py::gil_scoped_release no_gil;
                values = verbind::core_number(g);
            }
            return to_numpy(std::move(values));
        },
        py::arg("g"), "As networkx.core_number (directed graphs: in + out arcs), a uint32 array.");
    m.def(
        "components",
        [](const Graph& g) {
            std::vector<std::uint32_t> values;
            {
                py::gil_scoped_release no_gil;
                values = verbind::components(g);
            }
            return to_numpy(std::move(values));
        },
        py::arg("g"),
        "Connected (directed: weakly connected) components: a uint32 label per node, numbered by lowest node.");
    m.def(
        "articulation_points",
        [](const Graph& g) {
            std::vector<NodeId> values;
            {
                py::gil_scoped_release no_gil;
                values = verbind::articulation_points(g);
            }
            return to_numpy(std::move(values));
        },
        py::arg("g"), "As networkx.articulation_points, as sorted node indices. Undirected graphs only.");
    m.def(
        "bridges",
        [](const Graph& g) {
            std::vector<std::pair<NodeId, NodeId>> pairs;
            {
                py::gil_scoped_release no_gil;
                pairs = verbind::bridges(g);
            }
            py::array_t<NodeId> out({static_cast<py::ssize_t>(pairs.size()), py::ssize_t{2}});
            auto view = out.mutable_unchecked<2>();
            for (std::size_t i = 0; i < pairs.size(); ++i) {
                view(static_cast<py::ssize_t>(i), 0) = pairs[i].first;
                view(static_cast<py::ssize_t>(i), 1) = pairs[i].second;
            }
            return out;
        },
        py::arg("g"),
        "As networkx.bridges: a (k, 2) uint32 array of index pairs, smaller index first, sorted. Undirected only.");

    m.def(
        "constraint",
        [](const Graph& g, bool weighted, Int threads) {
            BrokerageOptions options{weighted, threads_arg(threads, "constraint")};
            return per_node([&] { return verbind::constraint(g, options); });
        },
        py::arg("g"), py::kw_only(), py::arg("weighted") = option_default("BrokerageOptions", "weighted"),
        py::arg("threads") = option_default("BrokerageOptions", "threads"),
        "Burt's constraint, as networkx.constraint (NaN for nodes without neighbours).");
    m.def(
        "effective_size",
        [](const Graph& g, bool weighted, Int threads) {
            BrokerageOptions options{weighted, threads_arg(threads, "effective_size")};
            return per_node([&] { return verbind::effective_size(g, options); });
        },
        py::arg("g"), py::kw_only(), py::arg("weighted") = option_default("BrokerageOptions", "weighted"),
        py::arg("threads") = option_default("BrokerageOptions", "threads"),
        "Burt's effective size, as networkx.effective_size (NaN for nodes without neighbours).");
}

// Mixing: the E-I index, its expectation by chance, assortativity.
void register_mixing(py::module_& m) {
    m.def(
        "_ei_index",
        [](const Graph& g, ArrayLike codes) {
            const auto groups = codes_arg(codes, g, "ei_index");
            py::gil_scoped_release no_gil;
            return verbind::ei_index(g, groups);
        },
        py::name("ei_index"), py::arg("g"), py::arg("groups"));
    m.def(
        "_ei_index_per_group",
        [](const Graph& g, ArrayLike codes) {
            const auto groups = codes_arg(codes, g, "ei_index");
            return per_node([&] { return verbind::ei_index_per_group(g, groups); });
        },
        py::name("ei_index"), py::arg("g"), py::arg("groups"));
    m.def(
        "_expected_ei_index",
        [](const Graph& g, ArrayLike codes, Int permutations, OptionalInt seed, Int threads, ProgressArg progress) {
            const auto groups = codes_arg(codes, g, "expected_ei_index");
            ExpectedEIOptions options;
            options.permutations = size_arg(permutations, "expected_ei_index", "permutations", 1);
            options.seed = seed_arg(seed, "expected_ei_index");
            options.threads = threads_arg(threads, "expected_ei_index");
            // progress: a callable or None, reported at least every ~0.1 s.
            const ExpectedEI r = with_progress(std::move(progress), "expected_ei_index", [&](ProgressCallback cb) {
                options.progress = std::move(cb);
                return verbind::expected_ei_index(g, groups, options);
            });
            py::dict out;
            out["observed"] = r.observed;
            out["expected"] = r.expected;
            out["std"] = r.std_dev;
            out["analytic"] = r.analytic;
            out["p_value"] = r.p_value;
            out["permutations"] = r.permutations;
            return out;
        },
        py::name("expected_ei_index"), py::arg("g"), py::arg("groups"), py::arg("permutations"), py::arg("seed"),
        py::arg("threads"), py::arg("progress"));
    m.def(
        "_assortativity",
        [](const Graph& g, ArrayLike codes) {
            const auto groups = codes_arg(codes, g, "assortativity");
            py::gil_scoped_release no_gil;
            return verbind::assortativity(g, groups);
        },
        py::name("assortativity"), py::arg("g"), py::arg("groups"));
}

// Communities, modularity and the social map as JSON.
void register_communities_and_map(py::module_& m) {
    m.def(
        "communities",
        [](const Graph& g, CommunityMethodName method, Float resolution, OptionalInt seed, Int threads,
           ProgressArg progress) {
            CommunityOptions options;
            options.method = method_arg(method);
            options.resolution = float_arg(resolution, "communities", "resolution");
            options.seed = seed_arg(seed, "communities");
            options.threads = threads_arg(threads, "communities");
            auto labels = with_progress(std::move(progress), "communities", [&](ProgressCallback cb) {
                options.progress = std::move(cb);
                return verbind::communities(g, options);
            });
            return to_numpy(std::move(labels));
        },
        py::arg("g"), py::kw_only(), py::arg("method") = option_default("CommunityOptions", "method"),
        py::arg("resolution") = option_default("CommunityOptions", "resolution"),
        py::arg("seed") = option_default("CommunityOptions", "seed"),
        py::arg("threads") = option_default("CommunityOptions", "threads"),
        py::arg("progress") = option_default("CommunityOptions", "progress"),
        R"doc(Communities by modularity: a uint32 label per node (0..k-1, numbered in order
of each community's lowest node index). method: 'leiden' (Traag, Waltman & van
Eck 2019, with the refinement phase, repeated until a pass changes nothing) or
'louvain' (Blondel et al. 2008). Undirected graphs; weights are used when the
graph has them. The same seed gives the same labels whatever `threads` is
(the algorithms run sequentially; threads is accepted for symmetry).)doc");

    m.def(
        "modularity",
        [](const Graph& g, ArrayLike labels, Float resolution_arg) {
            const auto values = labels_arg(labels, g, "modularity");
            const double resolution = float_arg(resolution_arg, "modularity", "resolution");
            py::gil_scoped_release no_gil;
            return verbind::modularity(g, values, resolution);
        },
        py::arg("g"), py::arg("labels"), py::kw_only(), py::arg("resolution") = 1.0,
        R"doc(Modularity of a labelling (one non-negative int per node), as
networkx.community.modularity: weighted when the graph is, the directed
formula for directed graphs.)doc");

    m.def(
        "_social_map_json",
        [](const std::shared_ptr<NetworkHandle>& net, OptionalText municipality, OptionalText neighbourhood,
           OptionalDate start, OptionalDate end, Int top, OptionalInt seed, Int threads, Int min_cell,
           bool include_sensitive, ProgressArg progress) {
            constexpr std::string_view fn = "social_map";
            if (!net) throw py::type_error("social_map(): net must be a Network, not None");
            SocialMapOptions options;
            options.municipality = optional_text_arg(municipality, fn, "municipality", "municipality");
            options.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", "neighbourhood");
            options.start = optional_date_arg(start, fn, "start", "start");
            options.end = optional_date_arg(end, fn, "end", "end");
            options.top = size_arg(top, fn, "top", 1);
            options.seed = seed_arg(seed, "social_map");
            options.threads = threads_arg(threads, "social_map");
            options.min_cell = min_cell_arg(min_cell, fn);
            options.include_sensitive = include_sensitive;
            return read_network(*net, fn, [&](const Network& network) {
                return with_progress(std::move(progress), fn, [&](ProgressCallback cb) {
                    options.progress = std::move(cb);
                    return verbind::to_json(verbind::social_map(network, options));
                });
            });
        },
        py::name("social_map"), py::arg("net"), py::arg("municipality"), py::arg("neighbourhood"), py::arg("start"),
        py::arg("end"), py::arg("top"), py::arg("seed"), py::arg("threads"), py::arg("min_cell"),
        py::arg("include_sensitive"), py::arg("progress"));
}

}  // namespace

void register_socialmap(py::module_& m) {
    register_centrality(m);
    register_structure(m);
    register_mixing(m);
    register_communities_and_map(m);
}

}  // namespace verbind::python
