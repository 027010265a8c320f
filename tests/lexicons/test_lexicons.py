"""Word lists as data: every list says why it exists, holds entries, and repeats none."""

from __future__ import annotations

from importlib import resources

import pytest

from transforms import lexicon
from transforms.lexicons import LexiconError, why, words

LISTS = sorted(p.name[:-4] for p in resources.files("transforms.lexicons").iterdir() if p.name.endswith(".txt"))


def test_there_are_lists():
    assert len(LISTS) >= 25


@pytest.mark.parametrize("name", LISTS)
def test_each_list_says_why_and_holds_unique_entries(name):
    text = resources.files("transforms.lexicons").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("# ") and len(why(name)) > 15, f"{name}.txt: the first line must say why the list exists"
    entries = [line.strip() for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]
    assert entries, f"{name}.txt is empty"
    assert len(entries) == len(set(entries)), f"{name}.txt repeats {sorted({e for e in entries if entries.count(e) > 1})}"
    assert all(e == e.strip() and "\t" not in e for e in entries)


def test_the_old_constants_are_the_lists():
    assert lexicon.TITLE_WORDS == words("title_words") | words("occupation_titles")
    assert "minister" in lexicon.TITLE_WORDS and "said" in lexicon.REPORTING_VERB_FORMS
    assert "united nations" in lexicon.KNOWN_ORGS and "unicef" in lexicon.KNOWN_ORGS


def test_a_missing_list_says_how_to_fix():
    with pytest.raises(LexiconError, match="reinstall newsledger"):
        words("no_such_list")
