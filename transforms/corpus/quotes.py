"""Quote clusters: the same words quoted in different articles.

Direct and mixed quotes join by their quoted words: equal words, or the shorter one's words
almost all inside the longer one (a quote carrying part of another's words). Indirect quotes
are the reporter's words, so they join only when the wording is near-identical. Punctuation,
quotation marks and case never count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transforms.corpus.signatures import Banding, band_keys, text_key
from transforms.corpus.text import shingles, words

SHINGLE_WORDS = 3
BANDING = Banding(num_perm=64, bands=32, rows=2)
# Anchors find a part inside a longer quote, where Jaccard (and so MinHash) is low: word
# 4-grams with a content word, kept when their hash is even. The choice depends on the 4-gram
# alone, so every anchor of a part is an anchor of the whole quote.
ANCHOR_WORDS = 4
FIRST_ANCHOR_BAND = 1000
_FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those "
    "we you they he she i me my our your their his her them us will would can could should must may might have has had do does "
    "did not no so than then there here what which who whom when where why how all any some more most very just also about".split()
)
CONTAINED = 0.75  # share of the shorter quote's shingles found in the longer one
NEAR_IDENTICAL = 0.8  # Jaccard of shingles for indirect quotes
MIN_CONTAINED_WORDS = 5  # shorter quotes must match word for word
SHORT_PART_WORDS = 10  # a part this short joins a longer quote only when the speakers agree
INDIRECT = "indirect"


@dataclass(frozen=True)
class QuoteText:
    """A quote as the comparison sees it."""

    tokens: tuple[str, ...]
    shingles: frozenset[str]
    quote_type: str
    speaker: str | None

    @property
    def is_indirect(self) -> bool:
        return self.quote_type == INDIRECT


def quote_text_of(content: str, quote_type: str, speaker: str | None = None) -> QuoteText:
    """Normalised words and shingles of a quote's content."""
    tokens = tuple(words(content))
    return QuoteText(tokens, frozenset(shingles(list(tokens), SHINGLE_WORDS)), quote_type, speaker)


def anchors(tokens: Sequence[str]) -> list[str]:
    """The word 4-grams of a quote that anchor it in the index.

    Examples:
        'we will not accept it' -> [] (function words only)
    """
    grams = {" ".join(tokens[i : i + ANCHOR_WORDS]) for i in range(len(tokens) - ANCHOR_WORDS + 1)}
    return sorted(g for g in grams if any(w not in _FUNCTION_WORDS and len(w) >= 4 for w in g.split()) and text_key("anchor", g) % 2 == 0)


def quote_bands(texts: Sequence[QuoteText]) -> list[list[tuple[int, int]]]:
    """The index keys of each quote: MinHash bands of its shingles, then its anchors."""
    bands = band_keys((t.shingles for t in texts), BANDING)
    return [
        b + [(FIRST_ANCHOR_BAND + i, text_key("anchor", g)) for i, g in enumerate(anchors(t.tokens))] for b, t in zip(bands, texts, strict=True)
    ]


def _speakers_agree(a: QuoteText, b: QuoteText) -> bool:
    return a.speaker is None or b.speaker is None or a.speaker == b.speaker


def is_same_quote(a: QuoteText, b: QuoteText) -> bool:
    """Whether two quotes carry the same words.

    Examples:
        '"We will rebuild it," she said.' / 'we will rebuild it' (other marks, case) -> True
        'the terminal will reopen in May' inside a longer quote of the same words -> True
        indirect 'the terminal would reopen' / indirect 'the ferry would be late' -> False
    Notes:
        Quotes shorter than MIN_CONTAINED_WORDS join only when equal word for word and their
        speakers do not disagree ("No comment" by two people is two quotes); so do indirect
        quotes and parts shorter than SHORT_PART_WORDS (a common phrase is not a quote). A
        misattributed long quote still joins: the cluster's speaker is the one most sources
        give. Speakers are compared by entity (or name), so 'Lund' and 'Clara Lund' agree only
        when extraction resolved both to one entity.
    """
    if not a.tokens or not b.tokens:
        return False
    indirect = a.is_indirect or b.is_indirect
    if a.tokens == b.tokens:
        return (len(a.tokens) >= MIN_CONTAINED_WORDS and not indirect) or _speakers_agree(a, b)
    shorter = min(len(a.tokens), len(b.tokens))
    if shorter < MIN_CONTAINED_WORDS:
        return False
    common = len(a.shingles & b.shingles)
    if not common:
        return False
    if indirect:
        return _speakers_agree(a, b) and common / (len(a.shingles) + len(b.shingles) - common) >= NEAR_IDENTICAL
    contained = common / min(len(a.shingles), len(b.shingles)) >= CONTAINED
    return contained and (shorter >= SHORT_PART_WORDS or _speakers_agree(a, b))
