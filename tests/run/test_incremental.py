from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.run.incremental import date_in_path, in_window, plan_files


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("crawl/2024-03-11/a.txt", date(2024, 3, 11)),
        ("crawl/2024/03/11/a.txt", date(2024, 3, 11)),
        ("crawl/20240311-article.txt", date(2024, 3, 11)),
        ("crawl/2023-01-01/2024-03-11/a.txt", date(2024, 3, 11)),
        ("crawl/latest/a.txt", None),
        ("crawl/2024-13-45/a.txt", None),
        ("crawl/id_123456789012/a.txt", None),
    ],
)
def test_date_in_path(path, day):
    assert date_in_path(path) == day


@given(st.dates())
def test_any_day_folder_round_trips(day):
    assert date_in_path(f"in/{day.isoformat()}/file.txt") == day


def test_in_window():
    assert in_window(None, date(2024, 1, 1), date(2024, 1, 2))
    assert in_window(date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 1))
    assert not in_window(date(2024, 1, 3), None, date(2024, 1, 2))


HASHES = {"a.txt": "h1", "b.txt": "h2", "c.txt": "h3", "bad.txt": "h4"}
LOADED = {"a.txt": {("h1", "1.0")}, "b.txt": {("old", "1.0")}, "c.txt": {("h3", "0.9")}, "bad.txt": {("h4", "")}}


@pytest.mark.parametrize(
    ("options", "expected", "unchanged"),
    [
        ({}, ["b.txt"], 3),
        ({"reprocess": True}, ["b.txt", "c.txt"], 2),
        ({"full_refresh": True}, ["a.txt", "b.txt", "bad.txt", "c.txt"], 0),
    ],
    ids=["changed-only", "reprocess-old-version", "full-refresh"],
)
def test_plan_files(options, expected, unchanged):
    plan = plan_files(HASHES, LOADED, "1.0", **options)
    assert (plan.to_process, plan.unchanged) == (expected, unchanged)


def test_new_files_are_read_and_window_applies():
    plan = plan_files({"x/2024-01-01/n.txt": "h", "x/2024-02-01/m.txt": "h"}, {}, "1.0", since=date(2024, 1, 15))
    assert (plan.to_process, plan.outside_window) == (["x/2024-02-01/m.txt"], 1)


@pytest.mark.parametrize(
    ("total", "max_size", "workers", "expected_sizes"),
    [
        (1000, 200, 2, [167, 167, 166, 167, 167, 166]),  # not 5 x 200: the fifth would run on one core
        (10, 200, 2, [5, 5]),
        (3, 200, 2, [2, 1]),
        (1, 200, 2, [1]),
        (0, 200, 2, []),
        (40, 10, 1, [10, 10, 10, 10]),
    ],
)
def test_batches_come_in_multiples_of_workers_and_equal_sizes(total, max_size, workers, expected_sizes):
    from transforms.run.batches import plan_batches

    batches = plan_batches(list(range(total)), max_size, workers)
    assert [len(b) for b in batches] == expected_sizes
    assert [i for b in batches for i in b] == list(range(total))


def test_batches_cut_at_equal_shares_of_weight():
    from transforms.run.batches import plan_batches

    # one long file carries half the work: it gets a batch to itself
    batches = plan_batches(["long", "a", "b", "c", "d"], 200, 2, weights=[400, 100, 100, 100, 100])
    assert batches == [["long"], ["a", "b", "c", "d"]]


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=300),
    st.integers(min_value=1, max_value=50),
    st.integers(min_value=1, max_value=8),
)
def test_batches_keep_order_and_limits(weights, max_size, workers):
    from transforms.run.batches import plan_batches

    items = list(range(len(weights)))
    batches = plan_batches(items, max_size, workers, weights)
    assert [i for b in batches for i in b] == items
    assert all(0 < len(b) <= max_size for b in batches)
    assert len(batches) >= min(len(items), workers)


def test_validation_chunks_group_batches_by_files():
    from transforms.run.batches import validation_chunks

    assert validation_chunks([200] * 25) == [list(range(1, 11)), list(range(11, 21)), list(range(21, 26))]
    assert validation_chunks([]) == []
    assert validation_chunks([5000, 10]) == [[1], [2]]
