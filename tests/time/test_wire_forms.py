"""Forms wire services and Wikinews write that the TIMEX3 guideline covers: 24-hour clock
times with a zone, sets and durations written as adjectives, and what each pattern leaves out
(invented sentences, published Monday 2023-06-05)."""

from datetime import date

import pytest

from transforms.time.expressions import find_timexes

PUBLISHED = date(2023, 6, 5)


def found(text, tense=""):
    return [(t.text, t.timex_type, t.value) for t in find_timexes(text, PUBLISHED, lambda _: tense)]


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("The blast was heard at 16:08 UTC.", "past", ("16:08 UTC", "TIME", "2023-06-05T16:08Z")),
        ("Markets reopen at 0900 GMT.", "future", ("0900 GMT", "TIME", "2023-06-05T09:00Z")),
        ("The ferry sank at 02:15 GMT yesterday.", "past", ("02:15 GMT yesterday", "TIME", "2023-06-04T02:15Z")),
        ("Shelling began at 14:30 local time.", "past", ("14:30 local time", "TIME", "2023-06-05T14:30")),
        ("The summit opens at 10:00 CET Thursday.", "future", ("10:00 CET Thursday", "TIME", "2023-06-08T10:00")),
        ("The curfew starts at 22:00.", "future", ("22:00", "TIME", "2023-06-05T22:00")),
    ],
)
def test_24_hour_clock_times(text, tense, expected):
    assert expected in found(text, tense)


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 2:1 after extra time.",
        "They held a 10:30 lead at half-time.",
        "The ratio was 3:1 in favour.",
        "Population was 1600 in 1900.",
    ],
)
def test_scores_and_counts_are_no_clock_times(text):
    assert not [t for t in found(text) if t[1] == "TIME"]
