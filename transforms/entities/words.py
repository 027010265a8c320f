"""What one token or word is, as the entity rules read it: a title, an office word, an
organisation noun (typos included), a capitalised word, the tail of a name.

Shared by the mention finders (``mentions``), the repairs of the model's entities
(``repairs``) and the grouping of mentions into entities (``grouping``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from transforms.lexicon import COMPANY_DESCRIPTORS, HOLDING_NOUNS, OFFICE_WORDS, ORG_NOUNS, PLACE_PREPOSITIONS, TITLE_WORDS
from transforms.lexicons import words

LEADING_WORDS = words("leading_words")
COMPASS_ADJECTIVES = words("compass_adjectives")
NAME_PARTICLES = words("name_particles")
_HYPHEN_ADJECTIVE_SUFFIXES = words("hyphen_adjective_suffixes")


def is_title_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def is_office_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in OFFICE_WORDS or is_title_word(token)


def written_lower(body: str, word: str) -> bool:
    """The article also writes the word in lower case: a common word ("correction", "plan"), no name."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", body) is not None


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def hyphen_tail(tokens: tuple[Token, ...] | Doc, i: int) -> bool:
    """Whether token ``i`` ends a word joined by a hyphen without spaces to a capitalised word
    before it ("operative" in "Co-operative"): a piece of that word, not a word of its own.
    Not: an adjective's ending ("Bucharest-based", "state-owned": ``hyphen_adjective_suffixes``)."""
    return (
        i >= 2 and tokens[i - 1].text in ("-", "–") and not tokens[i - 2].whitespace_ and not tokens[i - 1].whitespace_
        and is_capitalised(tokens[i - 2]) and tokens[i].lower_ not in _HYPHEN_ADJECTIVE_SUFFIXES
    )


def has_possessive(span: Span) -> bool:
    return any(t.lower_ in ("'s", "’s") for t in span)


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


_ORG_STEMS = {noun[:6]: noun for noun in ORG_NOUNS}


def org_noun_of(word: str) -> str | None:
    """The organisation noun a capitalised word spells, typos included ("Ministr" -> ministry)."""
    noun = _ORG_STEMS.get(word[:6].lower())  # cheapest test first: most words are no stem
    if noun is None or len(word) < 5 or not word[:1].isupper():
        return None
    return noun if _nearly(word.lower(), noun) else None


def org_noun(token: Token) -> str | None:
    return org_noun_of(token.text)


def _nearly(word: str, noun: str) -> bool:
    # The noun itself, cut short by a letter or two ("Ministr"), or one letter off; never a
    # different word of the same stem ("Minister", "Department's" aside).
    if word == noun or (noun.startswith(word) and len(word) >= len(noun) - 2):
        return True
    return len(word) == len(noun) and sum(a != b for a, b in zip(word, noun, strict=True)) == 1


def hyphenated_end(token: Token) -> int:
    """Where a name ends, a hyphenated part included ("Grande-Marlaska", "Choi Sang-mok")."""
    doc = token.doc
    while (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text in ("-", "–")
        and not doc[token.i + 1].whitespace_
        and (is_capitalised(doc[token.i + 2]) or (doc[token.i + 2].is_lower and doc[token.i + 2].is_alpha and len(doc[token.i + 2]) <= 6
                                                   and doc[token.i + 2].lower_ not in _HYPHEN_ADJECTIVE_SUFFIXES))
    ):
        token = doc[token.i + 2]
    return token.idx + len(token)


def particle_tail_end(token: Token) -> int | None:
    """End of "da Silva" / "do Sul" / "al-Burhan" after a name's last token, or None."""
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and doc[k].is_lower:
        # "al-Burhan": the particle joined to the name by a hyphen
        k += 2 if k + 1 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ else 1
    if k == token.i + 1 or k >= len(doc) or not is_capitalised(doc[k]):
        return None
    return doc[k].idx + len(doc[k])


def after_company_descriptor(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in COMPANY_DESCRIPTORS and token.doc[token.i - 1].is_lower


def is_place_object(token: Token) -> bool:
    if token.dep_ == "conj":
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in PLACE_PREPOSITIONS and not _after_holding_noun(prep)


def _after_holding_noun(prep: Token) -> bool:
    # "a stake in Vodafone": the parser may hang "in" on the verb, so look at the words too.
    before = prep.doc[max(0, prep.i - 2) : prep.i]
    return prep.head.lower_ in HOLDING_NOUNS or any(t.lower_ in HOLDING_NOUNS for t in before)


# Months, weekdays, seasons and their abbreviations: words of the calendar, never names.
CALENDAR_WORD = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)$"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$|day$|week$|year$|spring$|summer$|autumn$|fall$|winter$",
    re.IGNORECASE,
)
