"""Quote clusters: the same words quoted in different articles.

Direct and mixed quotes join by their quoted words: equal words, or the shorter one's words
almost all inside the longer one (a quote carrying part of another's words). Indirect quotes
are the reporter's words, so they join only when the wording is near-identical. Punctuation,
quotation marks and case never count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from transforms.corpus.signatures import Banding, IndexKeys, band_keys, derived_keys, text_key
from transforms.corpus.text import shingles, words

SHINGLE_WORDS = 3
BANDING = Banding(num_perm=64, bands=16, rows=2)
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
# A text's keys once per role: bands in role r are numbered r * ROLE_STRIDE + band.
ROLE_STRIDE = 10_000
ANY_SPEAKER, NAMED, UNNAMED, FIRST_SPEAKER_ROLE = 0, 1, 2, 3
NEAR_BAND = 5000  # near keys of a role: NEAR_BAND and up (MinHash bands below 32, anchors from 1000)


@dataclass(frozen=True)
class QuoteText:
    """A quote, or a group of copies of one quote, as the comparison sees it.

    Attributes:
        tokens: its words, normalised.
        shingles: word 3-grams of the tokens.
        quote_type: direct, mixed or indirect.
        speakers: who says it (entity id or name); None for an unattributed copy. One speaker
            for a single quote; a group of quoted words by several speakers has them all.
    """

    tokens: tuple[str, ...]
    shingles: frozenset[str]
    quote_type: str
    speakers: frozenset[str | None]

    @property
    def is_indirect(self) -> bool:
        return self.quote_type == INDIRECT

    @property
    def is_long_quoted(self) -> bool:
        """Quoted words long enough to join a longer quote whoever the speakers are."""
        return not self.is_indirect and len(self.tokens) >= SHORT_PART_WORDS


def quote_text_of(content: str, quote_type: str, speaker: str | None = None) -> QuoteText:
    """Normalised words and shingles of a quote's content."""
    tokens = tuple(words(content))
    return QuoteText(tokens, frozenset(shingles(list(tokens), SHINGLE_WORDS)), quote_type, frozenset({speaker}))


def with_speakers(text: QuoteText, speakers: frozenset[str | None]) -> QuoteText:
    """The text of a group of copies: one copy's words with every copy's speaker."""
    return QuoteText(text.tokens, text.shingles, text.quote_type, speakers)


def quote_fingerprint(text: QuoteText) -> int | None:
    """The key of a quote's group of copies: the quotes that are one quote with no comparison.

    Quoted (not indirect) words of MIN_CONTAINED_WORDS or more are one quote whoever says them
    (``is_same_quote``), so the group is their words; other quotes are one group per words,
    type (indirect or not) and speaker. None when the quote has no words (it joins nothing).

    Examples:
        'We will rebuild it' (Lund, direct) and 'we will REBUILD it' (Berg, mixed) -> one group
        'no comment' (Lund) and 'No comment.' (Berg) -> two groups (short: the speaker counts)
    """
    if not text.tokens:
        return None
    joined = " ".join(text.tokens)
    if not text.is_indirect and len(text.tokens) >= MIN_CONTAINED_WORDS:
        return text_key("quote", f"quoted\x1e{joined}")
    (speaker,) = text.speakers
    return text_key("quote", "\x1e".join((INDIRECT if text.is_indirect else "short", joined, "\x00" if speaker is None else speaker)))


def anchors(tokens: Sequence[str]) -> list[str]:
    """The word 4-grams of a quote that anchor it in the index.

    Examples:
        'we will not accept it' -> [] (function words only)
    """
    grams = {" ".join(tokens[i : i + ANCHOR_WORDS]) for i in range(len(tokens) - ANCHOR_WORDS + 1)}
    return sorted(g for g in grams if any(w not in _FUNCTION_WORDS and len(w) >= 4 for w in g.split()) and text_key("anchor", g) % 2 == 0)


def quote_bands(texts: Sequence[QuoteText]) -> list[list[tuple[int, int]]]:
    """The keys of each quote's words: MinHash bands of its shingles, then its anchors."""
    bands = band_keys((t.shingles for t in texts), BANDING)
    return [
        b + [(FIRST_ANCHOR_BAND + i, text_key("anchor", g)) for i, g in enumerate(anchors(t.tokens))] for b, t in zip(bands, texts, strict=True)
    ]


def near_keys(text: QuoteText) -> list[int]:
    """Keys that any quote NEAR_IDENTICAL to this one (Jaccard of shingles) shares with it.

    Prefix filtering, exact: order shingles by a fixed hash. Two sets of n and m shingles with
    Jaccard >= t share at least ``ceil(t (n + m) / (1 + t))`` shingles, and m is at least
    ``t n``; so the first ``n - overlap + 2`` shingles of each, with ``overlap`` the least
    over the possible m, hold two shingles in common. Each pair of those first shingles is a
    key: two sets that share no such pair are never near-identical (no probability involved,
    unlike MinHash bands), and a template shared by many quotes rarely puts the same two
    shingles first in both.

    Examples:
        3 shingles -> 1 key (only an equal set is near-identical); 10 shingles -> 6 keys
    """
    ordered = sorted(text_key("near", shingle) for shingle in text.shingles)
    n = len(ordered)
    p, q = _NEAR.numerator, _NEAR.denominator  # integers: no rounding at the threshold
    smallest_partner = -(-p * n // q)
    overlap = -(-p * (n + smallest_partner) // (p + q))
    first = ordered[: n - overlap + 2]
    return [_pair_key(a, b) for a, b in combinations(first, 2)]


_NEAR = Fraction(NEAR_IDENTICAL).limit_denominator(100)
_MASK = (1 << 64) - 1


def _pair_key(a: int, b: int) -> int:
    """A signed 64-bit key of an ordered pair of keys (splitmix64 of their combination)."""
    z = ((a & _MASK) * 0x9E3779B97F4A7C15 + (b & _MASK)) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    z ^= z >> 31
    return z - (1 << 64) if z >= 1 << 63 else z


def quote_keys(texts: Sequence[QuoteText]) -> list[IndexKeys]:
    """The index rows and look-ups of each quote (or group of copies).

    Every pair that may be one quote (``is_same_quote``) shares a key:

    - quotes shorter than MIN_CONTAINED_WORDS are one only with the same words: their words
      are their one key;
    - quoted words (not indirect) find a part or a whole of them by MinHash bands and anchors;
    - an indirect quote is one only with a near-identical quote (Jaccard >= NEAR_IDENTICAL):
      ``near_keys`` find those, exactly, with a few keys instead of bands; quoted words keep
      their near keys too (stored apart, so only indirect quotes look them up).

    Long quoted words (``is_long_quoted``) find each other by their keys alone (role
    ANY_SPEAKER); every other pair needs speakers that agree, so keys are stored once per named
    speaker (equal only for the same speaker), once as NAMED when a copy names a speaker and
    once as UNNAMED when a copy names none: a named text looks up UNNAMED keys, an unnamed one
    NAMED and UNNAMED. "No comment" by a thousand different people is then no thousand
    candidates of each other. Bands in role r are numbered ``r * ROLE_STRIDE + band``.
    """
    similar = [t for t in texts if len(t.tokens) >= MIN_CONTAINED_WORDS and not t.is_indirect]
    similar_keys = iter(quote_bands(similar))
    keys: list[IndexKeys] = []
    for text in texts:
        # (band, key, looked up by this text) of the words, before roles.
        own: list[tuple[int, int, bool]] = []
        lookups: list[tuple[int, int]] = []  # (band, key) looked up, never stored
        if len(text.tokens) < MIN_CONTAINED_WORDS:
            own.append((0, text_key("quote-words", " ".join(text.tokens)), True))
        else:
            if not text.is_indirect:
                own += [(band, key, True) for band, key in next(similar_keys)]
            near_indirect, near_quoted = derived_keys(near_keys(text), [_NEAR_INDIRECT, _NEAR_QUOTED])
            if text.is_indirect:
                own += [(NEAR_BAND + i, key, True) for i, key in enumerate(near_indirect)]
                lookups += [(NEAR_BAND + i, key) for i, key in enumerate(near_quoted)]
            else:
                own += [(NEAR_BAND + i, key, False) for i, key in enumerate(near_quoted)]
                lookups += [(NEAR_BAND + i, key) for i, key in enumerate(near_indirect)]
        keys.append(_with_roles(text, own, lookups))
    return keys


def _with_roles(text: QuoteText, own: list[tuple[int, int, bool]], lookups: list[tuple[int, int]]) -> IndexKeys:
    """Store and look up a text's keys in the roles of its speakers (see ``quote_keys``)."""
    named = sorted(s for s in text.speakers if s is not None)
    stored_roles = [(FIRST_SPEAKER_ROLE + i, text_key("quote-by", speaker)) for i, speaker in enumerate(named)]
    stored_roles += [(NAMED, _NAMED)] if named else []
    stored_roles += [(UNNAMED, _UNNAMED)] if None in text.speakers else []
    probe_tags = [tag for role, tag in stored_roles if role != NAMED]
    probe_tags += [_UNNAMED] if named else []
    probe_tags += [_NAMED] if None in text.speakers else []
    probe_tags = sorted(set(probe_tags))
    base = [key for _, key, _ in own]
    stored_keys = derived_keys(base, [tag for _, tag in stored_roles])
    stored = [(role * ROLE_STRIDE + band, key) for (role, _), role_keys in zip(stored_roles, stored_keys, strict=True)
              for (band, _, _), key in zip(own, role_keys, strict=True)]
    looked_up = [key for key, (_, _, probed) in zip(base, own, strict=True) if probed] + [key for _, key in lookups]
    probes = [key for tag_keys in derived_keys(looked_up, probe_tags) for key in tag_keys]
    if text.is_long_quoted:
        similar = [(band, key) for band, key, _ in own if band < NEAR_BAND]
        any_keys = derived_keys([key for _, key in similar], [_ANY])[0]
        stored += [(ANY_SPEAKER * ROLE_STRIDE + band, key) for (band, _), key in zip(similar, any_keys, strict=True)]
        probes += any_keys
    return IndexKeys(stored, probes)


_ANY, _NAMED, _UNNAMED, _NEAR_INDIRECT, _NEAR_QUOTED = (text_key("quote-role", tag) for tag in ("any", "named", "unnamed", "near-indirect", "near-quoted"))


def _speakers_agree(a: QuoteText, b: QuoteText) -> bool:
    return None in a.speakers or None in b.speakers or bool(a.speakers & b.speakers)


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
