#!/usr/bin/env python3
"""Network.from_pandas of 100,000 actors and 1,000,000 ties (issue 12's
target: under 3 s), against the same records through verbind.read_csv (the
C++ CSV reader, from files pandas wrote) and through a per-row loop of
add_resident/add_tie calls, in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/model/bench_from_pandas.py [--actors 100000] [--ties 1000000] [--repeats 3]

The frames are what a user would have: string keys ('r0000042'), a
neighbourhood and municipality per actor, key_figure bool, a since column
of datetime64 (a third missing), weights float64. Times are medians of
--repeats runs; ratios are peer time / from_pandas time (above 1: from_pandas
is faster). to_pandas of the result is timed too.
"""
import pathlib
import sys
import argparse
import os
import tempfile

import numpy as np
import pandas as pd

import verbind

# benchmarks/timing.py: what the Python benchmarks share.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from timing import median_time  # noqa: E402


def frames(n, m, seed):
    rng = np.random.default_rng(seed)
    keys = np.array([f"r{i:07d}" for i in range(n)], dtype=object)
    actors = pd.DataFrame({
        "key": keys,
        "type": "resident",
        "neighbourhood": rng.choice(np.array(["Centrum", "Noord", "Haven", "Stad"], dtype=object), n),
        "municipality": rng.choice(np.array(["Lelystad", "Almere", "Groningen"], dtype=object), n),
        "key_figure": rng.random(n) < 0.05,
    })
    # m distinct unordered pairs.
    u = rng.integers(0, n, size=int(m * 1.1), dtype=np.int64)
    v = rng.integers(0, n, size=int(m * 1.1), dtype=np.int64)
    keep = u != v
    lo, hi = np.minimum(u[keep], v[keep]), np.maximum(u[keep], v[keep])
    pairs = np.unique(lo * n + hi)[:m]
    rng.shuffle(pairs)
    days = rng.integers(0, 3650, size=len(pairs))
    since = pd.to_datetime("2012-01-01") + pd.to_timedelta(days, unit="D")
    since = since.where(rng.random(len(pairs)) < 0.66)
    ties = pd.DataFrame({
        "a": keys[pairs // n],
        "b": keys[pairs % n],
        "kind": "knows",
        "since": since,
        "weight": rng.integers(1, 5, size=len(pairs)).astype(np.float64),
    })
    return actors, ties


def per_row(actors, ties):
    net = verbind.Network()
    for key, nb, mu, kf in zip(actors["key"], actors["neighbourhood"], actors["municipality"], actors["key_figure"]):
        net.add_resident(key, neighbourhood=nb, municipality=mu, key_figure=bool(kf))
    since = [None if pd.isna(s) else s.date() for s in ties["since"]]
    for a, b, s, w in zip(ties["a"], ties["b"], since, ties["weight"]):
        net.add_tie(a, b, "knows", since=s, weight=w)
    return net


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    actors, ties = frames(args.actors, args.ties, args.seed)
    print(f"{len(actors):,} actors, {len(ties):,} ties")
    t_fp, net = median_time(lambda: verbind.Network.from_pandas(actors, ties), args.repeats)
    print(f"from_pandas      {t_fp:7.3f} s   (target: < 3 s)")

    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "csv")
        os.mkdir(folder)
        actors.to_csv(os.path.join(folder, "actors.csv"), index=False)
        ties.assign(since=ties["since"].dt.strftime("%Y-%m-%d")).to_csv(os.path.join(folder, "ties.csv"),
                                                                        index=False)
        t_csv, from_csv = median_time(lambda: verbind.read_csv(folder), args.repeats)
    print(f"read_csv (C++)   {t_csv:7.3f} s   ratio {t_csv / t_fp:5.2f}")
    assert from_csv == net, "read_csv and from_pandas disagree"

    t_rows, by_rows = median_time(lambda: per_row(actors, ties), 1)
    print(f"per-row add_*    {t_rows:7.3f} s   ratio {t_rows / t_fp:5.2f}")
    assert by_rows == net, "the per-row loop and from_pandas disagree"

    t_out, _ = median_time(lambda: net.to_pandas(), args.repeats)
    print(f"to_pandas        {t_out:7.3f} s")


if __name__ == "__main__":
    main()
