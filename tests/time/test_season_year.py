"""The year of a season named without one: by its modifier, else by a past clause's tense."""

from datetime import date

import pytest

from transforms.time.calendar_values import season_year

OCTOBER = date(2015, 10, 20)
JANUARY = date(2019, 1, 16)


@pytest.mark.parametrize(
    ("code", "which", "tense", "published", "year"),
    [
        ("SP", "last", "", OCTOBER, 2015),  # the latest spring over (TimeBank once wrote 2014)
        ("SP", "last", "past", date(2016, 11, 22), 2016),
        ("SU", "last", "", date(2016, 7, 10), 2015),  # this summer is not over yet
        ("FA", "last", "", date(1998, 2, 6), 1997),
        ("SP", "next", "", OCTOBER, 2016),
        ("FA", "next", "", JANUARY, 2019),  # the next autumn to begin: this year's
        ("FA", "next", "", date(2022, 3, 9), 2022),
        ("FA", "next", "", date(2024, 10, 29), 2025),  # this autumn has begun
        ("SP", "next", "", date(2023, 5, 3), 2024),
        ("SP", "", "future", OCTOBER, 2016),  # a future clause: the next spring not yet over
        ("SU", "", "future", date(2016, 5, 10), 2016),  # this summer is still ahead
        ("SP", "this", "future", OCTOBER, 2015),  # "this spring" keeps the publication year
        ("FA", "", "past", JANUARY, 2018),  # "since the autumn"
        ("SU", "", "past", OCTOBER, 2015),
        ("FA", "", "past", date(2022, 8, 30), 2022),  # "was advertising cheap autumn fares"
        ("SP", "", "past", date(2024, 1, 29), 2023),  # "moved to new premises in the spring": not yet begun
        ("SP", "", "past", date(2024, 2, 20), 2024),  # on its eve: this spring's
        ("SP", "", "", OCTOBER, 2015),  # untensed: the publication year's
        ("WI", "last", "", JANUARY, 2018),  # winter keeps the plain step
        ("WI", "", "past", JANUARY, 2019),
        ("WI", "next", "", date(2025, 3, 20), 2025),  # the winter of 2025-26, the next to begin
        ("WI", "next", "", date(2025, 12, 10), 2026),  # this December's has begun
    ],
)
def test_season_year(code: str, which: str, tense: str, published: date, year: int) -> None:
    assert season_year(code, which, tense, published) == year
