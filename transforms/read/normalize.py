"""Text normalisers, each ``str -> str`` and idempotent, applied in the order of NORMALIZERS.

The normalised text is what the warehouse stores as ``articles.body``; every character offset
indexes it, so normalisation happens once, before any extraction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import ftfy

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

# Longest run of one repeated mark (a character neither letter, digit nor space) kept as it
# is: 80 leaves every typographic run news writes ("...", "!!!", a separator line of 60-80
# dashes or equals signs) and costs spaCy's tokenizer under a millisecond, where a run of
# thousands costs it seconds to minutes (quadratic: 5,000 quotation marks took 3.8 s, 50,000
# took 255 s).
MAX_MARK_RUN = 80
# Longest stretch without whitespace kept whole: longer than any word or ordinary URL, short
# enough that spaCy's per-token prefix/suffix search stays cheap (its cost grows with the
# square of a token's length: 200 characters of worst-case punctuation take 8 ms).
MAX_UNSPACED_RUN = 200
_MARK_RUN = re.compile(rf"(?P<mark>[^\w\s]|_)(?P=mark){{{MAX_MARK_RUN},}}")
_UNSPACED_RUN = re.compile(rf"\S{{{MAX_UNSPACED_RUN + 1},}}")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """Replace lone UTF-16 surrogates (a JSON "\\ud800" escape) by U+FFFD, the replacement character.

    Examples:
        'Caf\\ud800' -> 'Caf\ufffd'
    Notes:
        A Python str never holds a valid surrogate pair, so every surrogate is lone; Arrow and
        DuckDB cannot store one, and one would cost the article (or its batch) its load.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def unify_newlines(text: str) -> str:
    """Turn CRLF, CR and Unicode line/paragraph separators into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def repair_mojibake(text: str) -> str:
    """Repair mis-decoded text (``â€œ`` -> ``“``) with ftfy.

    Curly quotes and other typography are kept as written: quote extraction relies on them.
    """
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization=None,
        unescape_html=False,
    )


def compose_unicode(text: str) -> str:
    """Compose characters (NFC) so that ``é`` is one code point wherever it came from."""
    return unicodedata.normalize("NFC", text)


def strip_control_characters(text: str) -> str:
    """Drop C0/C1 control characters other than newline and tab (they break offsets in BI tools)."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def tidy_whitespace(text: str) -> str:
    """Drop trailing spaces on each line and collapse runs of blank lines to one blank line."""
    return _MANY_BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("", text))


def _spaced(match: re.Match[str]) -> str:
    run = match[0]
    return " ".join(run[i : i + MAX_UNSPACED_RUN] for i in range(0, len(run), MAX_UNSPACED_RUN))


def cut_long_runs(text: str) -> str:
    """Cut runs of one repeated mark to MAX_MARK_RUN characters and break any stretch without
    whitespace longer than MAX_UNSPACED_RUN with a space every MAX_UNSPACED_RUN characters.

    spaCy's tokenizer takes time quadratic in the length of a whitespace-free stretch: 50,000
    quotation marks in one article took over four minutes. Bounding both keeps the cost of an
    article linear in its length; the text around the runs is kept as written.

    Examples:
        'Yes' + '!' * 5000 + ' he said' -> 'Yes' + '!' * 80 + ' he said'
        'a' * 450 -> 'a' * 200 + ' ' + 'a' * 200 + ' ' + 'a' * 50

    Notes:
        Runs of whitespace are left to tidy_whitespace. Runs of a repeated letter or digit are
        not cut (only broken up), and neither are runs of alternating marks ('“”“”'): breaking
        them with spaces bounds their cost. A URL or a base64 blob longer than
        MAX_UNSPACED_RUN is broken up too: it reads as several tokens.
    """
    text = _MARK_RUN.sub(lambda m: m["mark"] * MAX_MARK_RUN, text)
    return _UNSPACED_RUN.sub(_spaced, text)


NORMALIZERS: tuple[Callable[[str], str], ...] = (
    replace_lone_surrogates,
    unify_newlines,
    repair_mojibake,
    compose_unicode,
    strip_control_characters,
    tidy_whitespace,
    cut_long_runs,
)


_MAX_PASSES = 5


def normalize_text(text: str, repair_encoding: bool = True) -> str:
    """Apply every normaliser in order, until the text no longer changes.

    One normaliser can uncover work for an earlier one (dropping a control character can
    complete a mojibake sequence), so the chain repeats; that makes the whole idempotent.
    ``repair_encoding=False`` skips the mojibake repair (to keep the text as it was written).
    """
    return normalize_text_noting_changes(text, repair_encoding)[0]


def normalize_text_noting_changes(text: str, repair_encoding: bool = True) -> tuple[str, frozenset[str]]:
    """``normalize_text``, and the names of the normalisers that changed the text.

    Examples:
        'Wow' + '!' * 500 -> ('Wow' + '!' * 80, frozenset({'cut_long_runs'}))
    """
    chain = NORMALIZERS if repair_encoding else tuple(n for n in NORMALIZERS if n is not repair_mojibake)
    changed: set[str] = set()
    for _ in range(_MAX_PASSES):
        before = text
        for normalizer in chain:
            result = normalizer(text)
            if result != text:
                changed.add(normalizer.__name__)
            text = result
        if text == before:
            break
    return text, frozenset(changed)


# A paragraph repeated back to back more often than this is a crawler loop, not writing.
MAX_PARAGRAPH_REPEATS = 3


def collapse_repeated_paragraphs(body: str, max_repeats: int = MAX_PARAGRAPH_REPEATS) -> tuple[str, int]:
    """Keep one copy of a paragraph repeated back to back more than ``max_repeats`` times.

    Only consecutive copies count: separators ("___") and photo credits recur all through
    live-blog articles, and dropping them would move every offset after them away from the
    text as written.

    Returns the new body and how many copies were dropped (0 leaves the body as it was).
    """
    paragraphs = body.split("\n\n")
    kept: list[str] = []
    run = 0
    for index, paragraph in enumerate(paragraphs):
        run = run + 1 if index and paragraph == paragraphs[index - 1] else 1
        kept.append(paragraph)
        if run == max_repeats + 1:
            del kept[-max_repeats:]  # a loop: keep its first copy only
        elif run > max_repeats + 1:
            kept.pop()
    if len(kept) == len(paragraphs):
        return body, 0
    return "\n\n".join(kept), len(paragraphs) - len(kept)
