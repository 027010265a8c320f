"""Hostile inputs through the pure core: absurd dates, runaway counts and 50,000-mark runs
become loaded articles with bounded cost and sane dates (the whole-run version is
tests/test_hostile_inputs.py)."""

import time
from datetime import UTC, date, datetime

import pytest

from transforms.read.articles import ReadOptions, read_articles
from transforms.time.calendar_values import EARLIEST_DATE, LATEST_DATE, calendar_interval, is_sane_date, is_sane_value, shift_days
from transforms.entities.extraction import extract_entities
from transforms.time.events import extract_events, value_interval
from transforms.read.normalize import MAX_MARK_RUN
from transforms.quotes.extraction import extract_quotes
from transforms.context import ArticleContext
from transforms.time.tense import tense_function
from transforms.time.expressions import find_timexes

OPTIONS = ReadOptions(extractor_version="test", max_file_bytes=1_000_000, now=datetime(2024, 1, 1, tzinfo=UTC))
FIRST = "“We will rebuild the terminal,” said Mayor Elena Varga."
SECOND = "“Nobody expected a landslide,” said Priya Raman."


@pytest.mark.parametrize(
    ("value", "sane"),
    [
        ("2023-06-04", True),
        ("2023-W22", True),
        ("1800-01-01", True),
        ("2200-12-31T23:59", True),
        ("20", True),  # the 21st century
        ("199", True),
        ("PAST_REF", True),
        ("XXXX-06", True),
        ("1799-12-31", False),
        ("2201", False),
        ("1523", False),
        ("9999-12-31", False),
        ("0001-01-01", False),
        ("17", False),  # the 18th century
        ("-97976", None),
        ("102022", None),
    ],
)
def test_is_sane_value(value, sane):
    assert is_sane_value(value) is sane


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [(date(2023, 6, 5), -1, date(2023, 6, 4)), (date(9999, 12, 31), 1, None), (date(1, 1, 1), -1, None), (date(2023, 6, 5), 10**12, None)],
    ids=["ordinary", "past-9999", "before-year-1", "beyond-timedelta"],
)
def test_shift_days(day, days, expected):
    assert shift_days(day, days) == expected


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("1523", None),
        ("9999-12-31", None),
        ("0001-01-01", None),
        ("1800-01-01", (date(1800, 1, 1), date(1800, 1, 1))),
        ("2200-W52", (date(2200, 12, 22), date(2200, 12, 28))),
        ("9999-W53", None),  # no such week
        ("000", None),  # no year zero
    ],
)
def test_event_intervals_stay_on_the_sane_calendar(value, interval):
    assert value_interval(value) == interval


def test_calendar_interval_keeps_real_dates_off_the_sane_calendar():
    assert calendar_interval("1523") == (date(1523, 1, 1), date(1523, 12, 31))


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(1, 1, 1), date(2350, 6, 5)], ids=str)
def test_an_absurdly_dated_article_gives_events_on_the_sane_calendar_only(parse, published):
    doc = parse(
        "The council met yesterday and will vote next year. The report was filed on 9999-12-31. "
        "It was founded 500 years ago, and in 2150 the port opened."
    )
    events = extract_events(doc, find_timexes(doc.text, published, tense_function(doc)))
    dated = [(e.date_value, e.date_start, e.date_end) for e in events if e.date_start is not None]
    assert dated == [("2150", date(2150, 1, 1), date(2150, 12, 31))]
    assert all(EARLIEST_DATE <= start <= end <= LATEST_DATE for _, start, end in dated)


@pytest.mark.parametrize("mark", ['"', "“", "!"], ids=["straight", "curly", "exclamation"])
def test_fifty_thousand_marks_between_two_quotes_cost_little_and_hide_neither(nlp, mark):
    data = f" date 2023-06-05 {FIRST}\n\n{mark * 50_000}\n\n{SECOND}\n".encode()
    [article] = read_articles(data, "run.txt", OPTIONS).articles
    assert len(article.body) == len(FIRST) + len(SECOND) + MAX_MARK_RUN + 4  # the cut, not the run, reaches spaCy
    assert article.repairs == "long_runs"
    started = time.monotonic()
    doc = nlp(article.body)
    quotes = extract_quotes(ArticleContext.build(doc).with_entities(extract_entities(doc)))
    assert time.monotonic() - started < 10  # uncut, this took over four minutes
    # An unclosed opening mark in the paragraph before a quote (one is enough) makes
    # quote_marks read the next quote as its continuation, opening mark included: lstrip.
    assert [(q.text.lstrip(mark), q.speaker) for q in quotes if q.quote_type == "direct"] == [
        ("We will rebuild the terminal,", "Elena Varga"),
        ("Nobody expected a landslide,", "Priya Raman"),
    ]
    for quote in quotes:
        assert article.body[quote.char_start : quote.char_end] == quote.text


def test_a_long_unspaced_token_is_broken_up_and_the_quotes_kept(nlp):
    data = f" date 2023-06-05 {FIRST} {'QUJD' * 15_000} {SECOND}\n".encode()
    [article] = read_articles(data, "base64.txt", OPTIONS).articles
    assert max(len(word) for word in article.body.split()) <= 200
    doc = nlp.make_doc(article.body)
    assert len(doc) < 400  # 300 pieces of 200 characters plus the sentences
    assert article.body.startswith(FIRST) and article.body.endswith(SECOND)


def test_the_sane_calendar_is_the_one_the_checks_use():
    assert (EARLIEST_DATE, LATEST_DATE) == (date(1800, 1, 1), date(2200, 12, 31))
    assert is_sane_date(EARLIEST_DATE) and is_sane_date(LATEST_DATE) and not is_sane_date(date(2201, 1, 1))
