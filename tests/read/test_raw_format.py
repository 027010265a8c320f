from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.read.raw_format import parse_crawl_stamp, parse_iso_date, parse_raw_article


@pytest.mark.parametrize(
    ("text", "published", "crawled", "body"),
    [
        (" date 2023-06-05 First para.\n\nSecond.\n\n20230605-144004\n", date(2023, 6, 5), datetime(2023, 6, 5, 14, 40, 4, tzinfo=UTC), "First para.\n\nSecond."),
        ("date 2023-06-05\nFirst para on its own line.\n", date(2023, 6, 5), None, "First para on its own line."),
        ("date 2023-02-30\nBad date, still an article.\n\n20230301-000000", None, datetime(2023, 3, 1, tzinfo=UTC), "Bad date, still an article."),
        ("No prefix at all.\n\n20230605-144004", None, datetime(2023, 6, 5, 14, 40, 4, tzinfo=UTC), "No prefix at all."),
        ("date 2023/6/5 Slashes are not our format.", None, None, "Slashes are not our format."),
        ("date night was fun.", None, None, "date night was fun."),
        ("date 2023-06-05 Stamp on the same line 20230605-144004", date(2023, 6, 5), None, "Stamp on the same line 20230605-144004"),
        ("date 2023-06-05 Bad stamp.\n\n20231399-999999", date(2023, 6, 5), None, "Bad stamp."),
        (" date 9999-12-31 Far future.\n\n99991231-235959", date(9999, 12, 31), datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), "Far future."),
        (" date 0001-01-01 Year one.", date(1, 1, 1), None, "Year one."),
        (" date 0000-01-01 No year zero.", None, None, "No year zero."),
    ],
    ids=[
        "same-line", "own-line", "invalid-date", "no-prefix", "slash-date", "not-a-prefix", "stamp-not-own-line", "invalid-stamp",
        "last-day-python-holds", "first-day-python-holds", "year-zero",
    ],
)
def test_parse_raw_article(text, published, crawled, body):
    parsed = parse_raw_article(text)
    assert (parsed.published_date, parsed.crawled_at, parsed.body) == (published, crawled, body)


@given(st.dates(min_value=date(1000, 1, 1)), st.booleans(), st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1).filter(lambda t: t.strip() and not t.strip()[0].isdigit()))
def test_any_valid_date_prefix_round_trips(day, own_line, text):
    separator = "\n" if own_line else " "
    parsed = parse_raw_article(f"date {day.isoformat()}{separator}{text}")
    assert parsed.published_date == day


@given(st.text())
def test_parse_never_raises_and_body_is_stripped(text):
    parsed = parse_raw_article(text)
    assert parsed.body == parsed.body.strip()


@pytest.mark.parametrize(
    ("token", "expected"),
    [("2024-02-29", date(2024, 2, 29)), ("2023-02-29", None), ("2023-13-01", None), ("23-1-1", None), ("9999-12-31", date(9999, 12, 31)), ("0000-12-31", None)],
)
def test_parse_iso_date(token, expected):
    assert parse_iso_date(token) == expected


def test_crawl_stamp_is_utc():
    assert parse_crawl_stamp("20230605-144004") == datetime(2023, 6, 5, 14, 40, 4, tzinfo=UTC)
