"""Events per construction of the news convention (one happening per DATE/TIME expression, its
trigger the main verb or event noun): invented sentences, one construction a group, each with
every (trigger, date value) the article's events should hold. Published Thursday 2024-03-14."""

from datetime import date

import pytest

from transforms.context import ArticleContext
from transforms.time.events import extract_events
from transforms.time.expressions import find_timexes
from transforms.time.tense import tense_function

PUBLISHED = date(2024, 3, 14)

LIGHT_VERBS = [
    ("The captain will stand trial in the autumn.", [("trial", "2024-FA")]),
    ("The two leaders held talks on Monday.", [("talks", "2024-03-11")]),
    ("The board will make a decision next week.", [("decision", "2024-W12")]),
    ("The minister paid a visit to the flooded town on Friday.", [("visit", "2024-03-08")]),
    ("The new mayor took office in June 2019.", [("took", "2019-06")]),
    ("The last recount took place in 2018.", [("recount", "2018")]),  # occurring_subject: the recount is the happening
    ("Nurses have held two strikes since last November.", [("held", "2023-11")]),
    ("The runner failed a test taken on May 9, 2023.", [("test", "2023-05-09")]),
]
ASPECTUAL = [
    ("Workers began to dismantle the bridge on Monday.", [("began to dismantle", "2024-03-11")]),
    ("The firm stopped selling the drug in 2021.", [("stopped selling", "2021")]),
    ("The team will start building the next rocket tomorrow.", [("start building", "2024-03-15")]),
    ("Construction will begin in the second half of 2025.", [("begin", "2025-H2")]),
    ("Talks will continue next week.", [("continue", "2024-W12")]),
]
COPULAS = [
    ("This is his second visit, the previous one being in March 2021.", [("visit", "2021-03")]),
    ("The meeting is on Monday.", [("meeting", "2024-03-18")]),
    ("The vote will be held on April 21.", [("held", "2024-04-21")]),
    ("Inflation is expected to peak in the third quarter.", [("peak", "2024-Q3")]),
    ("Last year's harvest was poor.", [("harvest", "2023")]),
    ("It was on Monday that the firm announced the cuts.", [("announced", "2024-03-11")]),
]
MODIFIERS = [
    ("Tuesday's vote was close.", [("vote", "2024-03-12")]),
    ("The 2019 election changed the country.", [("election", "2019")]),
    ("The March 3 referendum will decide the matter.", [("referendum", "2024-03-03")]),
    ("Tuesday's fire destroyed 30 homes.", [("fire", "2024-03-12")]),
    ("The ministry published a 2019 report on water.", []),
    ("He drove a 2015 model.", []),
]
QUOTES = [
    ('"We will open the bridge on Monday," the mayor said.', [("open", "2024-03-18")]),
    ('"On Monday nobody told us anything," she said on Tuesday.', [("told", "2024-03-11"), ("said", "2024-03-12")]),
    ('"Not before May," the minister said.', []),
]
TWO_DATES = [
    ("The plant, which opened in 1998, closed on Friday.", [("opened", "1998"), ("closed", "2024-03-08")]),
    ("The men were arrested on Monday and charged on Wednesday.", [("arrested", "2024-03-11"), ("charged", "2024-03-13")]),
    ("The strike began at 8 a.m. on Tuesday.", [("began", "2024-03-12T08:00"), ("began", "2024-03-12")]),
]
RANGES = [
    ("The festival runs from June 3 to June 9.", [("runs", "2024-06-03"), ("runs", "2024-06-09")]),
    ("The road will be closed from Monday until Friday.", [("closed", "2024-03-18"), ("closed", "2024-03-15")]),
    ("The items were shipped to Germany between 1902 and 1908.", [("shipped", "1902"), ("shipped", "1908")]),
    ("The ban runs until December 2029.", [("runs", "2029-12")]),
]
REPORTING = [
    ("The ministry said on Tuesday that the bridge would reopen.", [("said", "2024-03-12")]),
    ("The ministry said the bridge would reopen on Tuesday.", [("reopen", "2024-03-19")]),
    ("On Tuesday, the ministry said the bridge would reopen.", [("said", "2024-03-12")]),
    ("The regulator said Wednesday it had fined the bank in January.", [("said", "2024-03-13"), ("fined", "2024-01")]),
]
PARTICIPLES = [
    ("The painting, stolen in 2019, was found on Friday.", [("stolen", "2019"), ("found", "2024-03-08")]),
    ("Built in 1911, the hall will be demolished next year.", [("Built", "1911"), ("demolished", "2025")]),
    ("The results, published on Monday, show a loss.", [("published", "2024-03-11")]),
]
NOMINALS = [
    ("The sale of the club in 2009 saved it.", [("sale", "2009")]),
    ("The arrest of two men on Friday surprised the town.", [("arrest", "2024-03-08")]),
    ("The opening of the new wing is planned for next spring.", [("opening", "2025-SP")]),
    ("The closure of schools last week angered parents.", [("closure", "2024-W10")]),
    ("The hearing, originally set for May 3, 2023, was postponed.", [("hearing", "2023-05-03")]),
]
CASES = LIGHT_VERBS + ASPECTUAL + COPULAS + MODIFIERS + QUOTES + TWO_DATES + RANGES + REPORTING + PARTICIPLES + NOMINALS


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text for text, _ in CASES])
def test_construction(parse, text, expected):
    doc = parse(text)
    context = ArticleContext.build(doc, PUBLISHED, 0)
    timexes = find_timexes(context.text, PUBLISHED, tense_function(doc))
    assert [(e.trigger, e.date_value) for e in extract_events(context, timexes)] == expected
