"""Stories: articles that are copies of one text.

Kinds of copy handled (each a test row): a verbatim reprint; wire copy with a dateline,
byline, copyright line or reporting credit added; a version trimmed to its first paragraphs;
a paragraph dropped or moved; a few words changed. Different stories on one topic, one day,
quoting the same people share a few sentences at most and stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transforms.corpus.signatures import Banding, band_keys, text_key
from transforms.corpus.text import shingles, story_text, words

SHINGLE_WORDS = 5
# The whole text: near-identical copies (Jaccard >= 0.5 found with probability >= 0.94).
WHOLE = Banding(num_perm=64, bands=21, rows=3, first_band=0)
# The first LEAD_WORDS words: a trimmed copy keeps the lead even when its Jaccard with the whole is low.
LEAD = Banding(num_perm=48, bands=16, rows=3, first_band=100)
LEAD_WORDS = 60
# A pair is one story when their shingles overlap this much (Jaccard), or when the smaller is
# almost all inside the larger (containment) and long enough for that to mean something.
SAME_JACCARD = 0.5
SAME_CONTAINMENT = 0.7
MIN_CONTAINED_SHINGLES = 10


@dataclass(frozen=True)
class StoryText:
    """An article's text as the comparison sees it.

    Attributes:
        shingles: 5-word shingles of the text without boilerplate.
        lead: shingles of its first LEAD_WORDS words.
        fingerprint: a key of its words: articles with equal fingerprints (a verbatim reprint,
            wire copy that differs only in boilerplate) are one story with no comparison, and
            compare alike with every other article. None for an empty text (no story).
    """

    shingles: frozenset[str]
    lead: frozenset[str]
    fingerprint: int | None = None


def story_text_of(body: str) -> StoryText:
    """Shingles of the whole text and of its lead, boilerplate dropped, and its fingerprint."""
    tokens = words(story_text(body))
    whole = frozenset(shingles(tokens, SHINGLE_WORDS))
    return StoryText(whole, frozenset(shingles(tokens[:LEAD_WORDS], SHINGLE_WORDS)), text_key("story", " ".join(tokens)) if whole else None)


def story_bands(texts: Sequence[StoryText]) -> list[list[tuple[int, int]]]:
    """The index keys of each article: bands of the whole text, then bands of the lead."""
    whole = band_keys((t.shingles for t in texts), WHOLE)
    lead = band_keys((t.lead for t in texts), LEAD)
    return [w + l for w, l in zip(whole, lead, strict=True)]


def is_same_story(a: StoryText, b: StoryText) -> bool:
    """Whether two articles are copies of one story.

    Examples:
        a reprint with a dateline and copyright line -> True (Jaccard 1 after boilerplate)
        the first two of eight paragraphs -> True (containment 1)
        another story quoting the same two sentences -> False
    Notes:
        A copy trimmed to fewer than MIN_CONTAINED_SHINGLES shingles (a one-line brief) joins
        only by Jaccard, so mostly not; a rewrite that keeps the facts but not the words is
        another story.
    """
    if not a.shingles or not b.shingles:
        return False
    common = len(a.shingles & b.shingles)
    if not common:
        return False
    smaller = min(len(a.shingles), len(b.shingles))
    jaccard = common / (len(a.shingles) + len(b.shingles) - common)
    return jaccard >= SAME_JACCARD or (smaller >= MIN_CONTAINED_SHINGLES and common / smaller >= SAME_CONTAINMENT)
