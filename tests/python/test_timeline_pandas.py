"""Timeline.to_pandas(): ``period`` is a pandas Period column whose periods
start and end on verbind's own days (issue 13), so plots get a time axis.

Expected values: the timeline's own period_starts (each Period starts on its
period's start and ends the day before the next period starts), and
hand-computed first and last days of known periods.
"""

import datetime

import pytest

import verbind

pd = pytest.importorskip("pandas")

DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def net():
    return verbind.sample_programme(7, scale=0.15)


KINDS = {"week": "W-SUN", "month": "M", "quarter": "Q-DEC", "year": "A-DEC"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_period_column_is_periods_on_verbinds_days(net, kind):
    t = verbind.timeline(net, period=kind, start="2020-12-30", end="2023-02-01", permutations=5, seed=1)
    frame = t.to_pandas()
    assert list(frame.columns) == ["period", "area", "metric", "value", "status"]
    assert len(frame) == len(t)
    assert isinstance(frame["period"].dtype, pd.PeriodDtype)
    assert frame["period"].dtype.freq.freqstr == KINDS[kind]
    # Every record's Period starts on its period's first day.
    start_of = dict(zip(t.periods, t.period_starts))
    got = [p.start_time.date() for p in frame["period"]]
    assert got == [start_of[r["period"]] for r in t]
    # The other columns are as the records say.
    assert list(frame["area"]) == [r["area"] for r in t]
    assert list(frame["metric"]) == [r["metric"] for r in t]
    assert list(frame["status"]) == [r["status"] for r in t]
    # Consecutive periods: each ends the day before the next one starts.
    periods = list(dict.fromkeys(frame["period"]))
    assert [p.start_time.date() for p in periods] == t.period_starts
    for p, next_start in zip(periods, t.period_starts[1:]):
        assert p.end_time.date() == next_start - DAY


@pytest.mark.parametrize(
    "kind, label, first, last",
    [
        # ISO week 1 of 2022 is Monday 3 January to Sunday 9 January.
        ("week", "2022-W01", datetime.date(2022, 1, 3), datetime.date(2022, 1, 9)),
        # ISO week 53 of 2020 runs into 2021.
        ("week", "2020-W53", datetime.date(2020, 12, 28), datetime.date(2021, 1, 3)),
        ("month", "2022-02", datetime.date(2022, 2, 1), datetime.date(2022, 2, 28)),
        ("quarter", "2022-Q4", datetime.date(2022, 10, 1), datetime.date(2022, 12, 31)),
        ("year", "2022", datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)),
    ],
)
def test_known_periods(net, kind, label, first, last):
    t = verbind.timeline(net, period=kind, start="2020-12-30", end="2023-02-01", permutations=5, seed=1)
    assert label in t.periods
    frame = t.to_pandas()
    i = next(i for i, r in enumerate(t) if r["period"] == label)
    p = frame["period"].iloc[i]
    assert (p.start_time.date(), p.end_time.date()) == (first, last)
    assert t.period_starts[t.periods.index(label)] == first


def test_filtering_by_period(net):
    t = verbind.timeline(net, period="quarter", start="2022-01-01", end="2023-01-01", permutations=5, seed=1)
    frame = t.to_pandas()
    q2 = frame[(frame.period == pd.Period("2022Q2", freq="Q")) & (frame.area == "programme")]
    assert list(q2.metric) == [r["metric"] for r in t if r["period"] == "2022-Q2" and r["area"] == "programme"]


def test_a_plot_gets_a_time_axis(net):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = verbind.timeline(net, period="month", start="2022-01-01", end="2023-01-01", permutations=5, seed=1)
    frame = t.to_pandas()
    line = frame[(frame.area == "programme") & (frame.metric == "active_residents")]
    try:
        ax = line.plot(x="period", y="value")
        assert type(ax.xaxis.converter).__name__ == "PeriodConverter"
        assert type(ax.xaxis.get_major_formatter()).__name__ == "TimeSeries_DateFormatter"
        # The x data matplotlib draws are the months' ordinals (not the
        # positions 0..n-1 of categories): mapped back they are the months.
        xs = ax.get_lines()[0].get_xdata(orig=False)
        assert [pd.Period(ordinal=int(x), freq="M").start_time.date() for x in xs] == t.period_starts
        assert xs[0] != 0
    finally:
        plt.close("all")


def test_empty_timeline_has_an_empty_frame(net):
    empty = verbind.evaluate.Timeline()
    frame = empty.to_pandas()
    assert len(frame) == 0 and list(frame.columns) == ["period", "area", "metric", "value", "status"]


def test_records_without_period_starts_keep_text():
    # A Timeline made by hand from records alone has no period days to go by.
    t = verbind.evaluate.Timeline([{"period": "2022-05", "area": "x", "metric": "m", "value": 1.0, "status": "ok"}])
    assert list(t.to_pandas()["period"]) == ["2022-05"]
