import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.read.normalize import MAX_MARK_RUN, MAX_UNSPACED_RUN, NORMALIZERS, cut_long_runs, normalize_text, normalize_text_noting_changes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Line one\r\nLine two", "Line one\nLine two"),
        ("“Curly” and ‘single’ stay", "“Curly” and ‘single’ stay"),
        ("The minister said â€œyesâ€\x9d", "The minister said “yes”"),
        ("cafe\u0301", "café"),
        ("a\x00b\x07c", "abc"),
        ("para  \n\n\n\nnext", "para\n\nnext"),
        ("Wow" + "!" * 5000 + " he said", "Wow" + "!" * MAX_MARK_RUN + " he said"),
        ("Caf\ud800 and \udc80", "Caf\ufffd and \ufffd"),
    ],
    ids=["crlf", "curly-kept", "mojibake", "nfc", "control-chars", "blank-lines", "long-run", "lone-surrogates"],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalizers_are_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    once.encode("utf-8")  # always storable by Arrow and DuckDB


def test_normalizers_are_str_to_str():
    assert all(callable(n) for n in NORMALIZERS)


A, B = "“We will rebuild,” she said.", "“Nobody expected it,” he said."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (A + " " + '"' * 50_000 + " " + B, A + " " + '"' * MAX_MARK_RUN + " " + B),
        (A + "\n\n" + "“" * 50_000 + "\n\n" + B, A + "\n\n" + "“" * MAX_MARK_RUN + "\n\n" + B),
        ("Stop" + "!" * 300 + "now", "Stop" + "!" * MAX_MARK_RUN + "now"),
        ("a" + "_" * 500, "a" + "_" * MAX_MARK_RUN),
        ("x " + "=" * MAX_MARK_RUN + " y", "x " + "=" * MAX_MARK_RUN + " y"),
        ("Wait... what?!", "Wait... what?!"),
        ("see " + "QUJD" * 100 + " end", "see " + "QUJD" * 50 + " " + "QUJD" * 50 + " end"),
        ("a" * 450, "a" * 200 + " " + "a" * 200 + " " + "a" * 50),
        ("b" * MAX_UNSPACED_RUN, "b" * MAX_UNSPACED_RUN),
        ("“”" * 150, "“”" * 100 + " " + "“”" * 50),
        ("spaces" + " " * 500 + "stay", "spaces" + " " * 500 + "stay"),
    ],
    ids=[
        "straight-quote-run", "curly-quote-run", "exclamations", "underscores", "separator-line-at-the-bound-kept", "ordinary-punctuation",
        "base64-split", "letter-run-split-not-cut", "unspaced-at-the-bound-kept", "alternating-marks-split-not-cut", "whitespace-left-alone",
    ],
)
def test_cut_long_runs(raw, expected):
    assert cut_long_runs(raw) == expected


def test_the_cut_is_reported_by_name():
    assert normalize_text_noting_changes("Wow" + "!" * 500) == ("Wow" + "!" * MAX_MARK_RUN, frozenset({"cut_long_runs"}))
    assert normalize_text_noting_changes("Plain text.") == ("Plain text.", frozenset())


# Text made of long runs, ordinary words and the characters other normalisers touch.
RUNNY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.tuples(st.characters(blacklist_categories=["Cs"]), st.integers(0, 2 * MAX_UNSPACED_RUN)).map(lambda p: p[0] * p[1]),
        st.sampled_from(["â€œ", "\x00", "\r\n", " ", "\n\n\n", "e\u0301" * 90]),
    ),
    max_size=10,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(RUNNY_TEXT)
def test_cut_long_runs_is_idempotent_and_bounds_every_run(text):
    cut = cut_long_runs(text)
    assert cut_long_runs(cut) == cut
    assert max((len(m[0]) for m in re.finditer(r"([^\w\s]|_)\1*", cut)), default=0) <= MAX_MARK_RUN
    assert max((len(word) for word in cut.split()), default=0) <= MAX_UNSPACED_RUN
    letters_and_digits = re.compile(r"[^\W_]")
    assert letters_and_digits.findall(cut) == letters_and_digits.findall(text)  # only marks and spaces change


@settings(max_examples=300, deadline=None)
@given(RUNNY_TEXT)
def test_normalize_text_is_idempotent_on_long_runs(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert max((len(word) for word in once.split()), default=0) <= MAX_UNSPACED_RUN
