"""Sentences end at paragraph breaks, not at the line breaks of a hard-wrapped paragraph."""

import pytest

from newsledger.model.paragraphs import ends_a_sentence


def _break_after(text: str, line: str) -> tuple[int, int]:
    start = text.index(line) + len(line)
    end = start
    while text[end] in " \n":
        end += 1
    return start, end


@pytest.mark.parametrize(
    "text, line, expected",
    [
        ("\"We will close,\" she said.\n\nThe port reopened.", "she said.", True),  # a blank line
        ("The mayor, who has led the city since 2019, said on Tuesday that the\nbudget would pass.", "said on Tuesday that the", False),
        ("The mayor said on Tuesday that the new budget would pass without cuts.\nIt did.", "without cuts.", True),
        ("Port closes after cyber attack\nFELIXSTOWE (Wire) - The port closed.", "Port closes after cyber attack", True),  # a headline
        ("\"We are ready,\" the minister told reporters outside the building on Monday\"\nShe left.", "Monday\"", True),
    ],
    ids=["blank-line", "hard-wrapped", "sentence-end", "short-headline", "closing-mark"],
)
def test_which_line_breaks_end_a_sentence(text, line, expected):
    assert ends_a_sentence(text, *_break_after(text, line)) is expected


def test_a_hard_wrapped_paragraph_keeps_its_sentences_whole(parse):
    text = ("Finance minister Ana Costa said on Tuesday that the government would not\n"
            "raise the tax on fuel this year, despite the warnings of the central bank.\n\n"
            "\"We will not do it,\" she said.")
    sentences = [s.text.strip() for s in parse(text).sents]
    assert sentences[0].startswith("Finance minister") and sentences[0].endswith("central bank.")
    assert all("\n\n" not in s for s in sentences)
