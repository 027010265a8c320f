from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.time.calendar_values import is_sane_value
from transforms.time.expressions import find_timexes

MONDAY = date(2023, 6, 5)


def only(text, reference=MONDAY, tense=""):
    found = find_timexes(text, reference, (lambda _offset: tense) if tense else None)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "timex_type", "value", "tense"),
    [
        ("He arrived on Sunday.", "Sunday", "DATE", "2023-06-04", "past"),
        ("They will meet on Tuesday.", "Tuesday", "DATE", "2023-06-06", "future"),
        ("It happened on Monday.", "Monday", "DATE", "2023-06-05", "past"),  # Monday in a Monday paper: that day
        ("The visit in March 2021 went well.", "March 2021", "DATE", "2021-03", ""),
        ("Signed on 4 June 2021.", "4 June 2021", "DATE", "2021-06-04", ""),
        ("Signed on June 4, 2021.", "June 4, 2021", "DATE", "2021-06-04", ""),
        ("Signed June 4.", "June 4", "DATE", "2023-06-04", ""),
        ("Filed 2021-06-04.", "2021-06-04", "DATE", "2021-06-04", ""),
        ("Popular in the 1990s.", "the 1990s", "DATE", "199", ""),
        ("It rained yesterday.", "yesterday", "DATE", "2023-06-04", ""),
        ("Prices rose last week.", "last week", "DATE", "2023-W22", ""),
        ("Talks resume next month.", "next month", "DATE", "2023-07", ""),
        ("Growth slowed this year.", "this year", "DATE", "2023", ""),
        ("He left two years ago.", "two years ago", "DATE", "2021", ""),
        ("Sales fell earlier this month.", "earlier this month", "DATE", "2023-06", ""),
        ("Profits in the third quarter.", "the third quarter", "DATE", "2023-Q3", ""),
        ("Built last summer.", "last summer", "DATE", "2022-SU", ""),
        ("Opens at 3 p.m. today", "3 p.m.", "TIME", "2023-06-05T15:00", ""),
        ("A two-day visit.", "two-day", "DURATION", "P2D", ""),
        ("Over the next few years.", "the next few years", "DURATION", "PXY", ""),
        ("It lasted three weeks.", "three weeks", "DURATION", "P3W", ""),
        ("Held every year.", "every year", "SET", "P1Y", ""),
        ("Talks held recently.", "recently", "DATE", "PAST_REF", ""),
        ("We are ready now.", "now", "DATE", "PRESENT_REF", ""),
        ("Now that he is here, he can stay.", "Now", "DATE", "PRESENT_REF", ""),
        ("For now, the embassy stays shut.", "now", "DATE", "PRESENT_REF", ""),
        ("The year ended March 31 was good.", "The year", "DURATION", "P1Y", ""),
        ("His current wife came too.", "current", "DATE", "PRESENT_REF", ""),
        ("The March accession will go ahead.", "March", "DATE", "2024-03", "future"),
        ("Net was $2 million for the corresponding period last year.", "the corresponding period last year", "DATE", "2022-Q1", ""),
        ("The offer expires at midnight Friday.", "midnight Friday", "TIME", "2023-06-09T24:00", "future"),
        ("The goal is 40,000 troops by the end of the month.", "the end of the month", "DATE", "2023-06", ""),
        ("Average hourly earnings rose.", "hourly", "SET", "PT1H", ""),
        ("Unisys pays $100 million in interest every quarter.", "every quarter", "SET", "P3M", ""),
        ("Sell programs hurt more these days.", "these days", "DATE", "PRESENT_REF", ""),
        ("We do not minimise the challenges of the near term.", "the near term", "DATE", "FUTURE_REF", ""),
        ("The company was bleeding just months ago.", "months ago", "DATE", "PAST_REF", ""),
        ("The index fell 4.5% from the previous Friday.", "the previous Friday", "DATE", "2023-05-26", ""),
        ("The vote is this coming Sunday.", "this coming Sunday", "DATE", "2023-06-11", ""),
        ("Women's Day is this coming Sunday, March eighth.", "this coming Sunday, March eighth", "DATE", "2024-03-08", "future"),
        ("Talks could take two more weeks.", "two more weeks", "DURATION", "P2W", ""),
        ("Shares fell for eight trading days.", "eight trading days", "DURATION", "P8D", ""),
        ("Sales will rise in the current fiscal year.", "the current fiscal year", "DATE", "2023", ""),
        ("Grunge was the music of the nineties.", "the nineties", "DATE", "199", ""),
        ("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2023-11-09T17:00", "future"),
        ("Talks resume the week of June 12.", "the week of June 12", "DATE", "2023-W24", "future"),
        ("Sales fell over the past two quarters.", "the past two quarters", "DURATION", "P2Q", ""),
        ("Profit was lower two quarters ago.", "two quarters ago", "DATE", "2022-Q4", ""),
        ("Crime fell over the past decade.", "the past decade", "DURATION", "P1DE", ""),
        ("The deal should close by year-end.", "year-end", "DATE", "2023", "future"),
        ("The index is up 5% since year-end.", "year-end", "DATE", "2022", ""),
        ("Kyiv was ruled from Moscow for centuries.", "centuries", "DURATION", "PXCE", ""),
        ("Prices will fall in the near future.", "the near future", "DATE", "FUTURE_REF", ""),
        ("Profit rose in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2", ""),
        ("Sales should pick up in the second half.", "the second half", "DATE", "2023-H2", ""),
        ("Orders rose in the current quarter.", "the current quarter", "DATE", "2023-Q2", ""),
        ("Work took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", ""),
        ("He spoke for a minute and a half.", "a minute and a half", "DURATION", "PT1M30S", ""),
        ("Prices rose in recent weeks.", "recent weeks", "DURATION", "PXW", ""),
        ("Prices rose in recent years.", "recent years", "DURATION", "PXY", ""),
        ("Music of the '90s sold well.", "the '90s", "DATE", "199", ""),
        ("The meeting lasted about five hours.", "about five hours", "DURATION", "PT5H", ""),
        ("It took a few days.", "a few days", "DURATION", "PXD", ""),
        ("They reported the third-quarter loss.", "third-quarter", "DATE", "2023-Q3", ""),
        ("Relatives have until 4 a.m. EDT Thursday to sign.", "4 a.m. EDT Thursday", "TIME", "2023-06-08T04:00", "future"),
        ("Profit fell from $5 million in the 1988 period.", "the 1988 period", "DATE", "1988", ""),
        ("The wall fell a decade ago.", "a decade ago", "DATE", "2013", "past"),
        ("He was found on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2022-11-24", "past"),
        ("Stores open on Labor Day.", "Labor Day", "DATE", "2023-09-04", "future"),
        ("They marched on Memorial Day.", "Memorial Day", "DATE", "2023-05-29", "past"),
        ("Mass was held on Easter Sunday 2024.", "Easter Sunday 2024", "DATE", "2024-03-31", "past"),
        ("He won on Election Day 1998.", "Election Day 1998", "DATE", "1998-11-03", "past"),
        ("Plans in the future.", "the future", "DATE", "FUTURE_REF", ""),
        ("It opened in 2019.", "2019", "DATE", "2019", ""),
        ("Sales rose 5% in 1998 and fell in 1999.", "1998", "DATE", "1998", ""),
        ("Profit rose in the quarter.", "the quarter", "DATE", "2023-Q1", ""),
        ("Third-quarter profit rose.", "Third-quarter", "DATE", "2023-Q3", ""),
        ("The fair closed last May.", "last May", "DATE", "2022-05", ""),
        ("It opens in early December.", "early December", "DATE", "2023-12", "future"),
        ("They met Thursday morning.", "Thursday morning", "TIME", "2023-06-01TMO", "past"),  # TIMEX3: the part-of-day code
        ("The fair closed last April.", "last April", "DATE", "2023-04", ""),
        ("Talks will begin in January.", "January", "DATE", "2024-01", "future"),
        ("Talks began in December.", "December", "DATE", "2022-12", "past"),
        ("Talks begin on Nov. 25.", "Nov. 25", "DATE", "2023-11-25", "future"),
        ("Saturday, April 25 is the deadline.", "Saturday, April 25", "DATE", "2023-04-25", ""),
        ("The board is scheduled to meet Thursday.", "Thursday", "DATE", "2023-06-08", "future"),
        ("It took nearly two years.", "nearly two years", "DURATION", "P2Y", ""),
        ("Prices rose for weeks.", "weeks", "DURATION", "PXW", ""),
        ("Sales were lower a year earlier.", "a year earlier", "DATE", "2022", ""),
        ("Two days later the talks resumed.", "Two days later", "DURATION", "P2D", ""),
        ("A month later the talks resumed.", "A month later", "DATE", "2023-07", ""),
        ("The day before last Tuesday's hearing, he left.", "day before last Tuesday", "DATE", "2023-05-29", ""),
        ("It was as cold as the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE", "1994-WI", ""),
        ("Compared with year-earlier sales.", "year-earlier", "DATE", "2022", ""),
        ("Profit in the first nine months rose.", "the first nine months", "DURATION", "P9M", ""),
        ("Growth over the past 20 years.", "the past 20 years", "DURATION", "P20Y", ""),
        ("Prices rose in recent years.", "recent years", "DURATION", "PXY", ""),
        ("Talks resume early next year.", "early next year", "DATE", "2024", ""),
        ("He arrived last Wednesday.", "last Wednesday", "DATE", "2023-05-31", ""),
        ("Votes are counted next Monday.", "next Monday", "DATE", "2023-06-12", ""),
        ("It opened in January this year.", "January this year", "DATE", "2023-01", ""),
        ("It closed in July last year.", "July last year", "DATE", "2022-07", ""),
        ("Polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2023-05-31T22:00", "past"),
        ("Talks end at noon Thursday.", "noon Thursday", "TIME", "2023-06-08T12:00", "future"),
        ("In 1998, sales rose.", "1998", "DATE", "1998", ""),
        ("The plant closed last fall.", "last fall", "DATE", "2022-FA", ""),
        ("Net income in the latest period rose.", "the latest period", "DATE", "2023-Q1", ""),
        ("Sales for fiscal 1989 rose.", "fiscal 1989", "DATE", "1989", ""),
        ("Net in this year's third quarter fell.", "this year's third quarter", "DATE", "2023-Q3", ""),
        ("Net in the year-ago third quarter fell.", "the year-ago third quarter", "DATE", "2022-Q3", ""),
        ("In the 1988 third quarter it lost money.", "the 1988 third quarter", "DATE", "1988-Q3", ""),
        ("Prices soared in the early 1990s.", "the early 1990s", "DATE", "199", ""),
        ("Profit fell in Q3.", "Q3", "DATE", "2023-Q3", ""),
        ("Profit fell in the fiscal first quarter.", "the fiscal first quarter", "DATE", "2023-Q1", ""),
        ("The fair is held each July.", "each July", "SET", "XXXX-07", ""),
        ("They meet every Thursday.", "every Thursday", "SET", "XXXX-WXX-4", ""),
        ("Troops left by the end of 1990.", "the end of 1990", "DATE", "1990", ""),
        ("Prices peaked in mid-1996.", "mid-1996", "DATE", "1996", ""),
        ("Plans for the year two thousand.", "the year two thousand", "DATE", "2000", ""),
        ("A 1980s hit.", "1980s", "DATE", "198", ""),
        ("The worst war of the 20th century.", "the 20th century", "DATE", "19", ""),
        ("It was built in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", ""),
        ("He left several years ago.", "several years ago", "DATE", "PAST_REF", ""),
        ("Results are due October, the board said.", "October", "DATE", "2023-10", ""),
    ],
)
def test_expression_span_type_and_value(text, span, timex_type, value, tense):
    found = [t for t in find_timexes(text, MONDAY, (lambda _o: tense) if tense else None) if t.text == span]
    assert found, find_timexes(text, MONDAY)
    timex = found[0]
    assert (timex.timex_type, timex.value, timex.is_resolved) == (timex_type, value, True)
    assert text[timex.char_start : timex.char_end] == span


# Modifier + head pairs every pattern is built from: random sentences of them reach every
# resolver, which arbitrary text almost never does ("last fall" once crashed one).
TIME_MODIFIERS = "the last this next following previous that early late mid every each a two few recent current later earlier until since by in on at 4 12 25 nearly about".split()
TIME_HEADS = (
    "fall spring winter summer year years month months week weeks day days quarter quarters half decade century "
    "Monday Friday Sunday March May June December Jan. Sept. 1990 2021 '80s 1980s nineties Thanksgiving Easter "
    "year-end morning night noon midnight p.m. a.m. EST ago later earlier now today tomorrow yesterday of 1/2"
).split()


@pytest.mark.parametrize("reference", [MONDAY, None])
@pytest.mark.parametrize("tense", ["past", "future", ""])
def test_every_modifier_and_head_pair_resolves_without_error(reference, tense):
    for modifier in TIME_MODIFIERS:
        for head in TIME_HEADS:
            for text in (f"{modifier} {head}", f"It was {modifier} {head} of 1994, {modifier} {head}."):
                for timex in find_timexes(text, reference, lambda _o: tense):
                    assert text[timex.char_start : timex.char_end] == timex.text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(TIME_MODIFIERS), st.sampled_from(TIME_HEADS)).map(" ".join), min_size=1, max_size=6).map(" ".join),
    st.sampled_from([MONDAY, None]),
)
def test_sentences_of_time_words_never_break_a_resolver(text, reference):
    for timex in find_timexes(text, reference, lambda _o: "past"):
        assert text[timex.char_start : timex.char_end] == timex.text


@pytest.mark.parametrize(
    ("text", "value", "resolved"),
    [
        ("He arrived on Sunday.", "XXXX-WXX-7", False),
        ("It rained yesterday.", "XXXX-XX-XX", False),
        ("The visit in March 2021.", "2021-03", True),
        ("Signed on 4 June 2021.", "2021-06-04", True),
    ],
)
def test_without_a_publication_date_relative_values_stay_unresolved(text, value, resolved):
    timex = only(text, reference=None)
    assert (timex.value, timex.is_resolved) == (value, resolved)


@pytest.mark.parametrize(
    "text",
    ["He may go.", "He left. Now, the talks resume.", "She scored 2019 points.", "The May family agreed.", "A 6-year-old boy won.", "It costs $1999 now"[:-4], "He scored in the first half of the game.", "Year-end results were strong.", "He sold a quarter of the shares.", "They may first consider it.", "Chips for today's personal computers.", "Baker said on ABC's \"This Week\" that talks go on.", "Mr. Reupke, 52 years old, left.", "The index closed at 2082.1 points.", "He was arrested at this march in Washington.", "The quarter-to-quarter comparison improved.", "Police watched the annual March for Life.", "The current account deficit grew.", "Buyers queued for the most recent model.", "The index fell 0.8 points.", "Between five to 10 people came.", "Nurses want to be paid for the hours they work.", "Critics say this may hurt sales.", "He opposed the now-cancelled deal.", "She worked with a team of three seconds.", "His two seconds argued with the referee.", "Gusts reached 60 kilometres an hour.", "The current there can reach seven knots."],
    ids=["may-verb", "now-comma-opening-a-sentence", "number-not-year", "may-as-name", "age-not-duration", "price-not-year", "half-of-a-game", "year-end-as-modifier", "a-quarter-as-fraction", "may-first-as-verb", "todays-world-generic", "tv-programme-title", "age-in-words", "index-level", "march-as-protest", "quarter-to-quarter", "march-for-life", "current-account", "most-recent-as-rank", "decimal-not-a-count", "count-range-of-people", "hours-of-work", "this-may-as-verb", "now-as-modifier", "chess-seconds-as-assistants", "boxing-seconds-as-assistants", "speed-not-duration", "current-as-a-noun"],
)
def test_not_a_time_expression(text):
    assert find_timexes(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [("The site was used for more than 2,000 years.", "more than 2,000 years", "P2000Y"), ("It rose in the last twenty four hours.", "the last twenty four hours", "PT24H"), ("It takes 10-15 years.", "10-15 years", "P15Y"), ("He averaged 30.8 minutes a game.", "30.8 minutes", "PT30.8M"), ("It took 2.0 years.", "2.0 years", "P2Y")],
    ids=["thousands-separator", "tens-and-units-in-words", "hyphenated-count-range", "decimal-count", "decimal-whole"],
)
def test_a_count_is_read_whole_not_its_tail(text, span, value):
    timex = only(text)
    assert (timex.text, timex.value) == (span, value)


@pytest.mark.parametrize(("text", "span", "value"), [("Held June 4-6.", "June 4-6", "2023-06-04"), ("During the 1980-88 war.", "1980-88", "1980")], ids=["days", "years"])
def test_a_range_written_as_one_word_is_one_expression(text, span, value):
    timex = only(text)
    assert (timex.text, timex.value) == (span, value)


def test_a_range_written_in_words_is_two_expressions():
    assert [t.text for t in find_timexes("Held from June 4 to June 6.", MONDAY)] == ["June 4", "June 6"]


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day} {d.year}",
]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(FORMATS), st.sampled_from([MONDAY, None]))
def test_any_written_date_round_trips_to_its_value(day, render, reference):
    written = render(day)
    timex = only(f"It was signed on {written} in the capital.", reference=reference)
    assert (timex.text, timex.value, timex.timex_type) == (written, day.isoformat(), "DATE")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([MONDAY, None, date(2000, 2, 29)]))
def test_resolver_never_raises_and_offsets_are_valid(text, reference):
    previous_end = -1
    for timex in find_timexes(text, reference, lambda _o: "past"):
        assert text[timex.char_start : timex.char_end] == timex.text
        assert timex.char_start >= previous_end
        previous_end = timex.char_end


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("The vote on Nov. 25 was close.", date(2000, 1, 7), "1999-11-25"),  # ten months ahead is further than two back
        ("The new rules apply from Jan. 2.", date(1989, 11, 2), "1990-01-02"),
        ("Results are due in April.", date(1998, 12, 5), "1999-04"),
    ],
)
def test_a_month_without_a_year_is_the_nearest_one_across_new_year(text, reference, value):
    [timex] = find_timexes(text, reference)
    assert timex.value == value


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_before():
    text = "Net income in the third quarter rose to $5 million from $3 million a year ago."
    values = {t.text: t.value for t in find_timexes(text, date(1989, 11, 2))}
    assert values == {"the third quarter": "1989-Q3", "a year ago": "1988-Q3"}
    assert {t.value for t in find_timexes("Sales rose from a year ago.", date(1989, 11, 2))} == {"1988"}


def test_a_longer_period_ends_the_quarter_comparison():
    text = "Net rose in the third quarter. For the first nine months, net fell from a year earlier."
    values = {t.text: t.value for t in find_timexes(text, date(1989, 11, 2))}
    assert values["a year earlier"] == "1988"


def test_a_year_ago_quarter_is_not_compared_again():
    text = "Coast earned $10 million in the year-ago quarter, and interest rates were lower than a year ago."
    values = {t.text: t.value for t in find_timexes(text, date(1989, 11, 1))}
    assert values == {"the year-ago quarter": "1988-Q3", "a year ago": "1988"}


def test_the_quarter_a_year_ago_is_one_expression():
    [timex] = find_timexes("For the quarter a year ago, Columbia earned $16 million.", date(1989, 10, 26))
    assert (timex.text, timex.value) == ("the quarter a year ago", "1988-Q3")


def test_a_quarter_not_yet_begun_in_past_tense_is_last_years():
    assert [t.value for t in find_timexes("Profit fell in the fourth quarter.", date(1998, 1, 26), lambda _o: "past")] == ["1997-Q4"]
    assert [t.value for t in find_timexes("Profit will rise in the fourth quarter.", date(1998, 1, 26), lambda _o: "future")] == ["1998-Q4"]


@pytest.mark.parametrize("text", ["The deal may close.", "Protesters march on the capital.", "An august institution.", "Nineteen people were hurt."])
def test_month_words_that_are_not_months(text):
    assert find_timexes(text, MONDAY) == []


GATE_TEXTS = [
    "On Saturday, April 25 at 10 p.m. Wednesday and noon Thursday, the 1988 third quarter, Q3 and "
    "this year's first quarter were compared with a year earlier, year-earlier and two years ago.",
    "Last fall, this spring, early next year, the early 1990s, the 20th century, nineteen ninety-six, "
    "several years ago, every week, daily, the next few years, a two-day visit, recently and now.",
    "It rained yesterday morning; in January this year and July last year; on 4 June 2021, "
    "2021-06-04 and June 4, 2021; the latest period; fiscal 1989; early December; last May.",
    "The day before last Tuesday, in the winter of nineteen ninety-four, on April 24 and 25, Thanksgiving Day, "
    "that same day, the following year, at 5 p.m. EST Nov. 9, the week of March 6, the past two quarters, "
    "the first half of 1990, by year-end, these days, hourly, the nineties, the corresponding period last year, "
    "current prices, three days later, a decade ago, this coming Sunday, March eighth.",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_key_word_gates_never_hide_a_match(monkeypatch, text):
    import dataclasses

    import transforms.time.expressions as timex

    gated = find_timexes(text, MONDAY)
    monkeypatch.setattr(timex, "PATTERNS", tuple(dataclasses.replace(p, needs=()) for p in timex.PATTERNS))
    assert find_timexes(text, MONDAY) == gated
    assert len(gated) >= 8


def test_anaphoric_expressions_take_the_story_date_before_them():
    text = "Slepian was killed on Oct. 23, 1998. Later that year, police found the car. The following month they searched it."
    values = {t.text: t.value for t in find_timexes(text, date(1999, 3, 1), lambda _o: "past")}
    assert values == {"Oct. 23, 1998": "1998-10-23", "Later that year": "1998", "The following month": "1998-11"}


def test_anaphoric_day_needs_a_day_anchor_else_reads_the_paper_date():
    values = [t.value for t in find_timexes("It rose in 1995. That same day, he left. The next morning he returned.", date(1999, 3, 1))]
    assert values == ["1995", "1999-03-01", "1999-03-02TMO"]


def test_the_next_year_is_not_anaphoric():
    assert [t.value for t in find_timexes("Sales will grow over the next year.", date(1999, 3, 1))] == ["2000"]


def test_a_bare_clock_time_takes_the_day_mentioned_before_it():
    text = "Slepian was shot on Oct. 23, 1998, at 10 p.m. in his kitchen."
    values = [t.value for t in find_timexes(text, date(1999, 4, 19), lambda _o: "past")]
    assert values == ["1998-10-23", "1998-10-23T22:00"]


@pytest.mark.parametrize("clock", ["7.15 a.m.", "noon"])
def test_a_dotted_or_spelled_clock_time_takes_the_story_day(clock):
    # Wednesday's news, published on Thursday: a clock time of a later sentence is that day's.
    text = f"The dam burst on Wednesday. Downstream, a bridge collapsed at about {clock} and roads closed."
    values = [t.value for t in find_timexes(text, date(2023, 6, 8), lambda _o: "past")]
    assert values[0] == "2023-06-07" and values[1].startswith("2023-06-07T")


def test_a_coordinated_day_shares_the_month():
    values = [(t.text, t.value) for t in find_timexes("The summit is on April 24 and 25.", date(1999, 2, 10), lambda _o: "future")]
    assert values == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    assert [t.text for t in find_timexes("Sales on April 24, 1999 and 25 stores.", date(1999, 2, 10))] == ["April 24, 1999"]


# Publication dates off the sane calendar (1800-01-01..2200-12-31), at and past Python's ends.
ABSURD_DATES = [date(9999, 12, 31), date(1, 1, 1), date(2350, 6, 5), date(1799, 12, 31), date(2201, 1, 1)]


@pytest.mark.parametrize("reference", ABSURD_DATES, ids=str)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It rained yesterday.", "XXXX-XX-XX"),
        ("They meet tomorrow.", "XXXX-XX-XX"),
        ("Talks resume next year.", "XXXX"),
        ("Prices rose last week.", "XXXX-WXX"),
        ("They will meet next weekend.", "XXXX-WXX-WE"),
        ("He left two years ago.", "XXXX"),
        ("The index fell from the previous Friday.", "XXXX-WXX-5"),
        ("Tonight the polls close.", "XXXX-XX-XX"),
    ],
)
def test_a_publication_date_off_the_calendar_anchors_nothing(text, value, reference):
    timex = only(text, reference=reference)
    assert (timex.value, timex.is_resolved) == (value, False)


@pytest.mark.parametrize("reference", [MONDAY, None, *ABSURD_DATES], ids=str)
@pytest.mark.parametrize(
    "text",
    [
        "He left 99999 years ago.",
        "It happened 9999999 days ago.",
        "It will be 99999 years later.",
        "It ended 99999999999 weeks ago.",
        "It began 10,000,000 days ago.",
        "The 9999th century.",
        "It lasted " + "9" * 200 + " years and ended " + "9" * 5000 + " days ago.",
        "the day after 9999-12-31 and the day before 0001-01-01",
        "In 2199; the following year, the next day, that same week.",
    ],
    ids=["years-ago", "days-ago", "years-later", "weeks-ago", "thousands-separators", "century", "digits-past-int-limit", "day-before-after-ends", "anaphora-at-the-end"],
)
def test_no_number_in_the_text_breaks_the_date_arithmetic(text, reference):
    for timex in find_timexes(text, reference):
        assert text[timex.char_start : timex.char_end] == timex.text
        if timex.is_resolved and timex.timex_type in ("DATE", "TIME"):
            assert is_sane_value(timex.value), timex


@pytest.mark.parametrize(
    ("text", "reference", "value", "resolved"),
    [
        ("He left 500 years ago.", MONDAY, "1523", False),  # a real year, off the sane calendar: kept, unresolved
        ("He left 99999 years ago.", MONDAY, "XXXX", False),  # no calendar year at all: the placeholder
        ("Filed 9999-12-31.", MONDAY, "9999-12-31", False),
        ("Filed 2200-12-31.", MONDAY, "2200-12-31", True),
        ("Talks resume next year.", date(2200, 12, 31), "2201", False),
        ("Talks resumed last year.", date(1800, 1, 1), "1799", False),
        ("It rained yesterday.", date(1800, 1, 2), "1800-01-01", True),
    ],
    ids=["500-years-ago", "99999-years-ago", "iso-9999", "iso-last-sane-day", "next-year-after-2200", "last-year-before-1800", "first-sane-day"],
)
def test_values_off_the_sane_calendar_are_unresolved(text, reference, value, resolved):
    timex = only(text, reference=reference)
    assert (timex.value, timex.is_resolved) == (value, resolved)


@pytest.mark.parametrize("reference", ABSURD_DATES, ids=str)
@pytest.mark.parametrize("tense", ["past", "future", ""])
def test_every_modifier_and_head_pair_survives_an_absurd_publication_date(reference, tense):
    for modifier in TIME_MODIFIERS:
        for head in TIME_HEADS:
            text = f"It was {modifier} {head} of 1994, {modifier} {head}."
            assert find_timexes(text, reference, lambda _o: tense) == find_timexes(text, None, lambda _o: tense)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([*TIME_MODIFIERS, "99999", "9999999", "10,000,000"]), st.sampled_from(TIME_HEADS)).map(" ".join), min_size=1, max_size=6).map(" ".join),
    st.dates(),
    st.sampled_from(["past", "future", ""]),
)
def test_any_publication_date_and_any_count_resolve_on_the_calendar(text, reference, tense):
    for timex in find_timexes(text, reference, lambda _o: tense):
        assert text[timex.char_start : timex.char_end] == timex.text
        if timex.is_resolved and timex.timex_type in ("DATE", "TIME"):
            assert is_sane_value(timex.value), timex


def test_an_expression_never_spans_a_paragraph_break():
    body = "Talks extended until Friday\n\nSeptember 18, 2008 - Negotiators agreed on Thursday to keep talking."
    found = [(body[t.char_start : t.char_end], t.value) for t in find_timexes(body, date(2008, 9, 18), lambda _: "past")]
    assert ("September 18, 2008", "2008-09-18") in found
    assert all("\n" not in text for text, _ in found)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a month before "the same period last year" is the period compared (compare_months)
        ("Sales rose 43% in February compared to the same period last year.", "the same period last year", "2022-02"),
        ("Sales fell 35% in January, compared to the same month a year ago.", "the same month a year ago", "2022-01"),
        # a comparison period is not itself the quarter a later "a year ago" compares with
        ("Sales rose from the same period last year. Its share rose to 17%, up from 14% a year ago.", "a year ago", "2022"),
        # after a day, the period is not that day ("the nine months to Sept. 30")
        ("Profit in the nine months to Sept. 30 rose from the same period of last year.", "the same period of last year", "2022-Q1"),
        # without a month before it, the reporting period of earnings news
        ("Net rose from the same period last year.", "the same period last year", "2022-Q1"),
    ],
)
def test_the_same_period_a_year_back_compares_with_the_month_told(text, span, value):
    found = {t.text: t.value for t in find_timexes(text, MONDAY, lambda _offset: "past")}
    assert found[span] == value


@pytest.mark.parametrize(
    ("text", "tenses", "value"),
    [
        # the date just told is the anchor (count_after_anchor)
        ("Talks resumed on May 2. A week later they failed.", {}, "2023-05-09"),
        # a date two sentences back is too far: the paper's date stays the anchor
        ("Talks resumed on May 2. Nothing moved. A week later they failed.", {}, "2023-W24"),
        # a date ahead in a clause of the future is no anchor for a past happening
        ("He is due to testify on Wednesday. He inspected it four days later.", {"Wednesday": "future", "four days later": "past"}, "P4D"),
    ],
)
def test_a_count_later_counts_from_the_date_just_told(text, tenses, value):
    starts = {text.index(span): tense for span, tense in tenses.items()}
    [timex] = [t for t in find_timexes(text, MONDAY, lambda offset: starts.get(offset, "")) if t.text.lower().endswith("later")]
    assert timex.value == value


@pytest.mark.parametrize(
    ("text", "sets"),
    [
        ("He told the Porto daily Jornal do Norte that the board would meet.", []),
        ("The director told the Nairobi Daily Ledger there was no evidence.", []),
        ("A helpline will be staffed daily.", ["daily"]),
        ("Daily, the rallies grew.", ["Daily"]),
        ("Rallies are held daily Monday to Friday.", ["daily"]),
    ],
)
def test_a_newspaper_named_daily_is_no_set(text, sets):
    assert [t.text for t in find_timexes(text, MONDAY) if t.timex_type == "SET"] == sets


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He told the website Baltic Chess Today about it.", []),
        ("The Riga Winter Open drew 312 players.", []),
        ("The IMF held their Autumn meetings.", ["Autumn"]),
        ("Since Autumn, prices have risen.", ["Autumn"]),
        ('"Today Lin Dan is out of order," he said.', ["Today"]),
        ("They flew in Spring 2021.", ["Spring 2021"]),
        ("She won gold at the Summer Olympics.", []),
        ("They flew home in the Spring.", ["the Spring"]),
        ('The park was the setting for the film "Caribou Summer".', []),
        ("“Summer is over,” he said.", ["Summer"]),
    ],
)
def test_a_season_or_today_inside_a_name_is_no_timex(text, spans):
    assert [t.text for t in find_timexes(text, MONDAY)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Children aged from nine months to 14 years are eligible.", []),
        ("Girls aged 9 to 14 years get the jab.", []),
        ("Pupils aged between 6 and 11 years took part.", []),
        ("Men aged 40 spent two years in jail.", ["two years"]),
    ],
)
def test_an_age_after_aged_is_no_duration(text, spans):
    assert [t.text for t in find_timexes(text, MONDAY)] == spans


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a clause ahead is never dated before the paper's day, though the story's day is earlier
        ("Etna erupted late on June 1. The observatory said it would issue a forecast at 6 p.m.", "6 p.m.", "2023-06-05T18:00"),
        # a day named for the future in an earlier paragraph is not the day of this clock time
        ('Pilots walked out on June 5. The minister will meet both sides on June 8.\n\n"I have an interview at noon," one said.', "noon", "2023-06-05T12:00"),
        # ... but one named in its own paragraph is ("ahead of Wednesday's final ... at 8 p.m.")
        ("Pilots walked out on June 5. The minister will meet both sides on June 8. Talks will start at noon.", "noon", "2023-06-08T12:00"),
    ],
    ids=["never-before-the-paper", "earlier-paragraph", "same-paragraph"],
)
def test_a_clock_time_ahead_takes_the_paper_s_day_or_its_paragraph_s(text, span, value):
    found = {t.text: t for t in find_timexes(text, MONDAY, lambda _offset: "future")}
    assert found[span].value == value


def test_after_the_midnight_that_ends_a_day_comes_the_next_day():
    text = "Etna erupted late on June 1. The runway was shut at midnight and would not reopen before 4 p.m."
    found = {t.text: t for t in find_timexes(text, date(2023, 6, 2), lambda _offset: "past")}
    assert (found["midnight"].value, found["4 p.m."].value) == ("2023-06-01T24:00", "2023-06-02T16:00")


def test_a_quoted_story_date_stays_the_anchor_of_the_writer_s_anaphor():
    text = '"The 2021 budget was wrong," he said. Compared with the previous year, it improved.'
    found = {t.text: t for t in find_timexes(text, MONDAY, lambda _offset: "past")}
    assert found["the previous year"].value == "2020"


def test_a_possessive_day_before_a_quote_is_not_the_day_it_was_spoken():
    text = 'An inquiry into Tuesday\'s runoff began. "Hearings have been held today," she said.'
    found = {t.text: t for t in find_timexes(text, MONDAY, lambda _offset: "past")}
    assert found["today"].value == "2023-06-05"


def test_count_before_this_morning_is_no_clock_time():
    """'met five this morning': a count, not five o'clock ('at six this morning' is one)."""
    found = [(t.text, t.value) for t in find_timexes("He met five this morning.", date(2023, 6, 5), None)]
    assert found == [("this morning", "2023-06-05TMO")]
