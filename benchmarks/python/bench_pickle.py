#!/usr/bin/env python3
"""Pickle round trip (dumps + loads) of a 1,000,000-edge Graph (issue 13's
target: under 0.5 s), with text labels and with positions, weighted and not,
and of the sample programme's Network, Cascades and SocialMap.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python/bench_pickle.py [--edges 1000000] [--nodes 200000] [--repeats 5]

The graphs: --edges random pairs over --nodes nodes (duplicates and
self-loops dropped, so a few fewer edges), undirected; "labelled" has text
labels "u<i>". Times are medians of --repeats runs with protocol 5, the
default protocol (pickle.DEFAULT_PROTOCOL) and protocol 2; each round trip is
checked equal to the original outside the clock. A benchmark, never a test.
"""
import pathlib
import sys
import argparse
import pickle

import numpy as np

import verbind

# benchmarks/timing.py: what the Python benchmarks share.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from timing import median_time  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    rng = np.random.default_rng(13)
    src = rng.integers(0, args.nodes, args.edges)
    dst = rng.integers(0, args.nodes, args.edges)
    labels = np.array([f"u{i}" for i in range(args.nodes)], dtype=object)
    graphs = {
        "positions, unweighted": verbind.Graph.from_edges(src, dst, n=args.nodes, duplicates="first",
                                                          self_loops="drop"),
        "positions, weighted": verbind.Graph.from_edges(src, dst, n=args.nodes, weights=rng.random(args.edges),
                                                        duplicates="first", self_loops="drop"),
        "labelled, unweighted": verbind.Graph.from_edges(labels[src], labels[dst], duplicates="first",
                                                         self_loops="drop"),
    }
    net = verbind.sample_programme()
    others = {"Network (sample programme)": net, "Cascades (sample)": verbind.cascades(net),
              "SocialMap (sample)": verbind.social_map(net, seed=1)}

    print(f"{'object':40} {'protocol':>8} {'size MB':>8} {'dumps s':>8} {'loads s':>8} {'round trip s':>12}")
    for name, obj in {**graphs, **others}.items():
        for protocol in (5, pickle.DEFAULT_PROTOCOL, 2):
            data = pickle.dumps(obj, protocol=protocol)
            assert pickle.loads(data) == obj
            dumps, _ = median_time(lambda: pickle.dumps(obj, protocol=protocol), args.repeats, collect=True)
            loads, _ = median_time(lambda: pickle.loads(data), args.repeats, collect=True)
            label = name if not isinstance(obj, verbind.Graph) else f"{name} ({obj.num_edges:,} edges)"
            print(f"{label:40} {protocol:>8} {len(data) / 1e6:>8.1f} {dumps:>8.3f} {loads:>8.3f} "
                  f"{dumps + loads:>12.3f}")


if __name__ == "__main__":
    main()
