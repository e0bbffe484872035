"""Issue 11 in Python: expected_ei_index's progress and its result without
ties; influence_max at the edges of epsilon and delta (certified, finite) and
refusing, with a clear error, what it cannot certify within its memory."""
import math

import pytest

import verbind


def two_triangles():
    return verbind.Graph.from_edges([0, 0, 1, 3, 3, 4, 2], [1, 2, 2, 4, 5, 5, 3])


def test_expected_ei_index_progress_and_cancel():
    g = two_triangles()
    groups = ["a", "a", "a", "b", "b", "b"]
    seen = []
    r = verbind.expected_ei_index(g, groups, permutations=500, seed=3, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    # The same numbers without a callback; observed by hand: (1 - 6) / 7.
    plain = verbind.expected_ei_index(g, groups, permutations=500, seed=3)
    assert r == plain
    assert r["observed"] == pytest.approx(-5 / 7)
    assert r["analytic"] == pytest.approx(1 - 2 * 12 / 30)
    calls = []

    def stop(fraction):
        calls.append(fraction)
        return len(calls) < 2

    with pytest.raises(verbind.CancelledError):
        verbind.expected_ei_index(g, groups, permutations=10**12, progress=stop)
    assert len(calls) == 2
    with pytest.raises(TypeError):
        verbind.expected_ei_index(g, groups, progress=3)


def test_expected_ei_index_without_ties_is_nan_throughout():
    g = verbind.Graph.from_edges([], [], n=3)
    r = verbind.expected_ei_index(g, [0, 1, 1])
    for key in ("observed", "expected", "std", "analytic", "p_value"):
        assert math.isnan(r[key]), key
    assert r["permutations"] == 0


@pytest.mark.parametrize("options", [{"epsilon": 1e-10}, {"epsilon": 1e-300}, {"delta": 5e-324},
                                     {"delta": 1 - 1e-16}, {"epsilon": 1 - 1e-16}])
def test_influence_max_edges_of_the_ranges_are_certified(options):
    star = verbind.Graph.from_edges([0, 0, 0, 0], [1, 2, 3, 4], directed=True)
    r = verbind.influence_max(star, 1, **options)
    assert list(r.seeds) == [0]
    epsilon = options.get("epsilon", 0.1)
    assert 1 - 1 / math.e - epsilon <= r.approximation <= 1
    assert 0 < r.spread_lower_bound <= 5
    assert r.rr_sets > 0


def test_influence_max_out_of_range_names_the_parameter():
    star = verbind.Graph.from_edges([0, 0, 0, 0], [1, 2, 3, 4], directed=True)
    with pytest.raises(verbind.InputError, match="epsilon must be in"):
        verbind.influence_max(star, 1, epsilon=0.0)
    with pytest.raises(ValueError, match="delta must be in"):
        verbind.influence_max(star, 1, delta=0.0)


def test_influence_max_max_memory_bytes():
    # 2000 people without ties: certifying epsilon = 1e-9 needs ~10^6 RR sets
    # per half, more than 16 MB; the message suggests an epsilon that fits.
    g = verbind.Graph.from_edges([], [], n=2000)
    with pytest.raises(verbind.InputError, match="max_memory_bytes = 16777216") as caught:
        verbind.influence_max(g, 1, epsilon=1e-9, max_memory_bytes=16 << 20)
    suggested = float(str(caught.value).split("Use epsilon >= ")[1].split()[0])
    r = verbind.influence_max(g, 1, epsilon=suggested, max_memory_bytes=16 << 20)
    assert r.approximation >= 1 - 1 / math.e - suggested
    # The fair variant: 200 groups refused at once, with the estimate.
    ring = verbind.Graph.from_edges(list(range(1000)), [(v + 1) % 1000 for v in range(1000)])
    with pytest.raises(ValueError, match="200 groups need"):
        verbind.influence_max(ring, 3, epsilon=0.05, groups=[v // 5 for v in range(1000)], max_memory_bytes=64 << 20)
    with pytest.raises(ValueError):
        verbind.influence_max(g, 1, max_memory_bytes=0)
