"""Text as the near-duplicate comparison sees it: boilerplate dropped, words lower-cased, shingled.

Outlets that reprint a wire story add a dateline, a byline, a copyright line or a reporting
credit; those lines say nothing about which story it is, so they are dropped before
shingling. Rules are data in order: each takes one paragraph and returns what is left of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Rule = Callable[[str], str]

# "KELL, March 3 (Wire) -", "LONDON (Reuters) —", "PARIS, 3 March -": a capitalised place, an
# optional date and agency, then a dash, at the very start of a paragraph.
_DATELINE = re.compile(
    r"\A[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Za-z.]+\.?\s+\d{1,2}(?:,\s*\d{4})?|,\s*\d{1,2}\s+[A-Za-z]+\.?(?:\s+\d{4})?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014]+\s*"
)
# "By Jane Doe", "By Jane Doe and Omar Lund, Wire correspondents": names in capitals after "By".
_BYLINE = re.compile(r"\A(?i:by|written by)\s+[A-Z][\w.'\-]*(?:\s+(?:and\s+)?[A-Z][\w.'\-]*){0,5}(?:\s*[,|/\-]\s*[\w .'\-]{0,50})?\Z")
_CREDIT = re.compile(r"\A\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
_PROMO = re.compile(r"\A(?:read more|related|follow us|sign up|subscribe|advertisement|share this|click here)\b", re.IGNORECASE)
_SHORT = 30  # words: longer paragraphs are story text even if they match a pattern
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")


def _at_most(paragraph: str, words: int) -> bool:
    """Whether the paragraph has at most ``words`` words (without splitting all of a long one)."""
    return len(paragraph.split(None, words)) <= words


def drop_dateline(paragraph: str) -> str:
    """'KELL, March 3 (Wire) - The council...' -> 'The council...'."""
    return _DATELINE.sub("", paragraph, count=1)


def drop_byline(paragraph: str) -> str:
    """'By Jane Doe, Wire correspondent' -> ''; 'By Monday, Parliament had voted.' stays (a sentence)."""
    text = paragraph.strip()
    if not _at_most(text, 10):
        return paragraph
    sentence = text.endswith((".", "!", "?")) and not _at_most(text, 4)
    return "" if not sentence and _BYLINE.match(text) else paragraph


def drop_credit(paragraph: str) -> str:
    """'(Reporting by A; Editing by B)' -> ''."""
    return "" if _at_most(paragraph, _SHORT) and _CREDIT.match(paragraph.strip()) else paragraph


def drop_copyright(paragraph: str) -> str:
    """'© 2024 Wire. All rights reserved.' -> ''."""
    return "" if _at_most(paragraph, _SHORT) and _COPYRIGHT.search(paragraph) else paragraph


def drop_promo(paragraph: str) -> str:
    """'Read more: ...', 'Follow us on ...' -> ''."""
    return "" if _at_most(paragraph, _SHORT) and _PROMO.match(paragraph.strip()) else paragraph


BOILERPLATE_RULES: tuple[Rule, ...] = (
    drop_dateline,
    drop_byline,
    drop_credit,
    drop_copyright,
    drop_promo,
)


def story_text(body: str) -> str:
    """The body without boilerplate paragraphs and datelines, paragraphs joined by blank lines.

    Examples:
        'KELL, March 3 (Wire) - Rain fell.\\n\\n© 2024 Wire' -> 'Rain fell.'
    Notes:
        A dateline in the middle of a paragraph, or a copyright notice inside a long
        paragraph, stays: the rules look at paragraph starts and short paragraphs only.
    """
    kept = []
    for paragraph in body.split("\n\n"):
        for rule in BOILERPLATE_RULES:
            paragraph = rule(paragraph)
            if not paragraph.strip():
                break
        if paragraph.strip():
            kept.append(paragraph.strip())
    return "\n\n".join(kept)


def words(text: str) -> list[str]:
    """Lower-case words without punctuation or quotation marks (NFKC, curly apostrophes straight).

    Examples:
        '“We’ll WIN,” she said.' -> ['we'll', 'win', 'she', 'said']
    """
    folded = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return _WORD.findall(folded)


def shingles(tokens: list[str], size: int) -> set[str]:
    """Every run of ``size`` consecutive tokens; a shorter text is one shingle of all its tokens."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)))))
