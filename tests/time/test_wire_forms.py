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
        ("Markets reopen at 0900 GMT.", "future", ("0900 GMT", "TIME", "2023-06-05T09:00")),
        ("The ferry sank at 02:15 GMT yesterday.", "past", ("02:15 GMT yesterday", "TIME", "2023-06-04T02:15")),
        ("Flights resume at 05:30 BST.", "future", ("05:30 BST", "TIME", "2023-06-05T05:30")),
        ("Shelling began at 14:30 local time.", "past", ("14:30 local time", "TIME", "2023-06-05T14:30")),
        ("The summit opens at 10:00 CET Thursday.", "future", ("10:00 CET Thursday", "TIME", "2023-06-08T10:00")),
        ("The curfew starts at 22:00.", "future", ("22:00", "TIME", "2023-06-05T22:00")),
    ],
)
def test_24_hour_clock_times(text, tense, expected):
    assert expected in found(text, tense)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        (
            "The levee broke at 05:40 local time (03:40 GMT) on Saturday.",
            "past",
            [("05:40 local time", "TIME", "2023-06-03T05:40"), ("03:40 GMT", "TIME", "2023-06-03T03:40"), ("Saturday", "DATE", "2023-06-03")],
        ),
        ("The grid failed at 16:05 CEST on Friday.", "past", [("16:05 CEST", "TIME", "2023-06-02T16:05"), ("Friday", "DATE", "2023-06-02")]),
        ("The count closed at 21:00 on May 30.", "past", [("21:00", "TIME", "2023-05-30T21:00"), ("May 30", "DATE", "2023-05-30")]),
        ("Staff were told at 7.15 a.m. on Thursday.", "past", [("7.15 a.m.", "TIME", "2023-06-01T07:15"), ("Thursday", "DATE", "2023-06-01")]),
    ],
)
def test_a_clock_time_and_its_day_after_on_are_two_expressions(text, tense, expected):
    """The news convention: "16:05 CEST on Friday" is a TIME carrying Friday's date, and Friday."""
    assert found(text, tense) == expected


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


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Talks broke up late Sunday.", "past", ("late Sunday", "DATE", "2023-06-04")),
        ("The rebels attacked early Saturday.", "past", ("early Saturday", "DATE", "2023-06-03")),
        ("The mine reopened in late 2001.", "past", ("late 2001", "DATE", "2001")),
        ("Output rises in early 2024.", "future", ("early 2024", "DATE", "2024")),
        ("Results for the third quarter of 2022 were weak.", "past", ("the third quarter of 2022", "DATE", "2022-Q3")),
        ("Profit in the third quarter will rise.", "future", ("the third quarter", "DATE", "2023-Q3")),
        ("Talks end by the end of the year.", "future", ("the end of the year", "DATE", "2023")),
        ("The dam was finished by the middle of last year.", "past", ("the middle of last year", "DATE", "2022")),
    ],
)
def test_parts_of_periods_keep_their_modifier_in_the_span(text, tense, expected):
    assert expected in found(text, tense)


def test_a_quarter_keeps_of_only_with_its_year():
    assert [t[0] for t in found("Sales rose in the third quarter of this year.", "past")] == ["the third quarter of this year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ninety-nine-year lease ran out.", ("ninety-nine-year", "DURATION", "P99Y")),
        ("Shares had their worst single-day fall.", ("single-day", "DURATION", "P1D")),
        ("A years-long feud ended.", ("years-long", "DURATION", "PXY")),
        ("Police worked for decades on the case.", ("decades", "DURATION", "PXDE")),
        ("It was a 10-year plan.", ("10-year", "DURATION", "P10Y")),
        ("They fought for three years.", ("three years", "DURATION", "P3Y")),
    ],
)
def test_durations_written_as_adjectives(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", ["Annual growth slowed to 2%.", "Prices rose at an annual rate of 3%.", "A fifty-year-old man was hurt."])
def test_rates_and_ages_are_no_durations(text):
    assert not [t for t in found(text) if t[1] in ("SET", "DURATION")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The index fell 2% to finish the day at 5,210.", ("the day", "DATE", "2023-06-05")),
        ("Bonds recovered later in the day.", ("the day", "DATE", "2023-06-05")),
        ("He resigned earlier today.", ("earlier today", "DATE", "2023-06-05")),
    ],
)
def test_the_day_of_a_market_report(text, expected):
    assert expected in found(text, "past")


@pytest.mark.parametrize("text", ["On the day he arrived, it rained.", "He came the day before.", "It was closed during the day.", "He was sworn in earlier in the day."])
def test_the_day_of_an_event_is_left_out(text):
    assert not [t for t in found(text, "past") if t[0].lower() == "the day"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Rebels signed a truce in March.", date(2005, 12, 15), ("March", "DATE", "2005-03")),
        ("The board sold the unit in January.", date(2005, 12, 15), ("January", "DATE", "2006-01")),
        ("The deal closed in July.", date(2023, 6, 5), ("July", "DATE", "2023-07")),
        ("The plant shut in August.", date(2023, 6, 5), ("August", "DATE", "2022-08")),
    ],
)
def test_a_month_in_the_past_tense_is_at_most_the_next_one(text, published, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, published, lambda _: "past")]


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Prices fell for six straight days.", "past", ("six straight days", "DURATION", "P6D")),
        ("The economy shrank for two consecutive quarters.", "past", ("two consecutive quarters", "DURATION", "P2Q")),
        ("He served almost two and a half years.", "past", ("almost two and a half years", "DURATION", "P2Y6M")),
        ("The feud began decades ago.", "past", ("decades ago", "DATE", "PAST_REF")),
        ("They lived there for many years.", "past", ("many years", "DURATION", "PXY")),
        ("Troops entered the city in the morning.", "past", ("the morning", "TIME", "2023-06-05TMO")),
    ],
)
def test_durations_with_modifiers_and_parts_of_the_day(text, tense, expected):
    assert expected in found(text, tense)


@pytest.mark.parametrize("text", ["He reads the morning papers.", "She left the morning after the vote.", "It rained in the morning of June 4."])
def test_the_morning_as_a_modifier_is_left_to_other_rules(text):
    assert ("the morning", "TIME", "2023-06-05TMO") not in found(text, "past")


def test_the_past_week_keeps_its_determiner():
    assert ("the past week", "DURATION", "P1W") in found("Prices fell over the past week.", "past")


@pytest.mark.parametrize("text", ["Shareholders met at the annual meeting.", "The annual parade drew crowds.", "The annual report came out."])
def test_annual_is_left_out(text):
    assert not [t for t in found(text) if t[1] == "SET"]


def test_a_full_stop_after_a_month_name_ends_its_sentence():
    spans = found("We opened in early November. This year we waited.", "past")
    assert ("This year", "DATE", "2023") in spans and not any(text.startswith("November") for text, _, _ in spans)
