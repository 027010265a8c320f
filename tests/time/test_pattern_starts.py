"""``TimexPattern.starts``: a pattern with a start regex is tried only where that regex matches,
so the regex must match wherever the pattern's own matches can begin. These tests hold every
such pattern to that, on every example text of the temporal registries and on generated text
made of the words the patterns open with; ``find_timexes`` must then find what a full scan finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.time.context import CONTEXT_PASSES
from transforms.time.expressions import _lower_keeping_offsets, _matches_at
from transforms.time.patterns import PATTERNS

STARTED = [entry for entry in PATTERNS if entry.starts is not None]
EXAMPLE_TEXTS = sorted({_lower_keeping_offsets(example.text) for entry in (*PATTERNS, *CONTEXT_PASSES) for example in entry.examples})

# Phrases are built of an opening (the words that may come before a date), a core and a tail,
# so that generated text is dense in what the started patterns match, with near misses.
OPENINGS = (
    "", "the ", "the fiscal ", "the financial ", "fiscal ", "financial ", "the past ", "the coming ", "the previous ",
    "early ", "earlier this ", "late ", "later this ", "mid-", "last ", "next ", "this ", "this coming ", "past ",
    "coming ", "previous ", "in ", "$", "on ", "nearly ", "more than ", "up to ", "at least ", "another ", "a ", "an ",
    "about ", "some ", "the next ", "the first ", "once ", "several ", "many ", "a few ", "multi-", "single-", "over ",
    "second ", "a third straight ", "the 4th ", "opening ",
)
CORES = (
    "year", "years", "week", "month", "quarter", "weekend", "monday", "friday", "january", "march", "may", "sept.",
    "dec", "market", "decided", "2019", "1990", "1990s", "12", "4th", "31", "twenty", "twenty-one", "two", "three",
    "eleven", "hundred", "1,000", "2.5", "10", "7:30", "days", "decades", "hours", "couple of", "twice", "few",
    "day", "week-long", "year-on-year",
)
TAILS = ("", " morning", " night", " 4", " 4-6", " 2019", ", 2019", " of 2020", "-88", "/89", "-06-04", " last year", " this year", " percent",
         " days", " years ago", "-day", "-year", " weeks earlier", " months later", " times a week", "s-long", " a.m.",
         " pm", " seconds", " to three years", " or four days", " 1/2 years")


def scanned(entry, text):
    return [match.span() for match in entry.regex.finditer(text)]


def started(entry, text):
    places = [match.start() for match in entry.starts.finditer(text)]
    return [match.span() for match in _matches_at(entry.regex, text, places)]


def test_some_patterns_are_started():
    assert len(STARTED) >= 10


@pytest.mark.parametrize("entry", STARTED, ids=lambda entry: entry.name)
def test_a_started_pattern_finds_in_every_example_what_a_full_scan_finds(entry):
    for text in EXAMPLE_TEXTS:
        assert started(entry, text) == scanned(entry, text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OPENINGS), st.sampled_from(CORES), st.sampled_from(TAILS), st.sampled_from((" ", ". ", "\n\n", "-", ""))), min_size=1, max_size=6))
def test_a_started_pattern_finds_in_generated_text_what_a_full_scan_finds(phrases):
    text = "".join(opening + core + tail + gap for opening, core, tail, gap in phrases)
    for entry in STARTED:
        assert started(entry, text) == scanned(entry, text), (entry.name, text)
