from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.incremental import date_in_path, in_window, plan_files


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
    ("total", "max_size", "workers", "expected"),
    [(200, 200, 2, 50), (10_000, 200, 2, 200), (3, 200, 2, 8), (0, 200, 2, 8), (40, 10, 1, 10)],
)
def test_balanced_batch_size(total, max_size, workers, expected):
    from transforms.batches import balanced_batch_size

    assert balanced_batch_size(total, max_size, workers) == expected


def test_validation_chunks_group_batches_by_files():
    from transforms.batches import validation_chunks

    assert validation_chunks([200] * 25) == [list(range(1, 11)), list(range(11, 21)), list(range(21, 26))]
    assert validation_chunks([]) == []
    assert validation_chunks([5000, 10]) == [[1], [2]]
