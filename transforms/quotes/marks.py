"""Quotation marks in running text: where each quote opens and closes (straight, curly and
ASCII ``...'' marks, quotes continued over paragraphs, unbalanced marks), and the trimming of a
content span to its words and closing mark."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.lexicon import REPORTING_VERB_FORMS


OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


@dataclass(frozen=True)
class QuoteSpan:
    """Content of one pair of quotation marks (or a run of them over paragraphs)."""

    char_start: int
    char_end: int
    is_uncertain: bool
    opens_paragraph: bool
    is_embedded: bool
    # The quoted words: one piece, or one per paragraph of a quote continued over paragraphs
    # (the paragraph break and the next paragraph's opening mark are not words said).
    segments: tuple[tuple[int, int], ...] = ()


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH.finditer(body)]


def _opens_straight(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;:")


def trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


# Two-character marks of ASCII copy: ``opening'' and ''straight'' (wire services, old NYT text).
DOUBLED_OPENING = "``"
DOUBLED_STRAIGHT = "''"
# Every character a quotation mark (of any kind above) can start with: the scan below jumps
# from one to the next, since at any other character it does nothing but move on.
_MARK_START = re.compile("[" + re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK + DOUBLED_OPENING[0] + DOUBLED_STRAIGHT[0]) + "]")


def _opens_here(body: str, i: int) -> int:
    """Length of an opening quotation mark at i (0 when there is none)."""
    if body.startswith(DOUBLED_OPENING, i) or (body.startswith(DOUBLED_STRAIGHT, i) and _opens_straight(body, i)):
        return 2
    ch = body[i]
    return 1 if ch in OPENING_MARKS or (ch == STRAIGHT_MARK and _opens_straight(body, i)) else 0


def _closes_here(body: str, i: int) -> int:
    """Length of a closing quotation mark at i (0 when there is none)."""
    if body.startswith(DOUBLED_STRAIGHT, i):
        return 2
    return 1 if body[i] in CLOSING_MARKS or body[i] == STRAIGHT_MARK else 0


def _reversed_opening(body: str, i: int, p_start: int) -> bool:
    """A closing mark that opens its paragraph before a word ('”Fear. I am afraid ...'): an
    opening mark typed the wrong way round."""
    return i == p_start and body[i] in CLOSING_MARKS and i + 1 < len(body) and body[i + 1].isalnum()


def _starts_with_mark(body: str, i: int) -> int:
    """Length of any opening-style mark at i, as a continuation paragraph starts."""
    if body.startswith((DOUBLED_OPENING, DOUBLED_STRAIGHT), i):
        return 2
    return 1 if i < len(body) and (body[i] in OPENING_MARKS or body[i] == STRAIGHT_MARK) else 0


def find_quote_spans(body: str) -> list[QuoteSpan]:
    """Scan quotation marks paragraph by paragraph.

    A quote left open at a paragraph's end continues when the next paragraph opens with a
    quotation mark (news convention); otherwise it ends with its paragraph and is marked
    uncertain. Stray closing marks are ignored; a second opening mark before any closing one
    ends the first quote there, uncertain. Never raises on unbalanced marks. Curly, straight
    and the ASCII pairs ``...'' and ''...'' are quotation marks.

    A closing mark that opens a paragraph before a word opens a quote (a mark typed the wrong
    way round: '”Fear. I am afraid ...”').

    Notes:
        Not handled: single quotation marks ('...') as the outer quote (British style); they
        read as apostrophes.
    """
    spans: list[QuoteSpan] = []
    paragraphs = paragraph_spans(body)
    open_at: int | None = None
    mark_at = 0
    open_para_start = 0
    carried = False
    breaks: list[tuple[int, int]] = []  # (end of a paragraph, start of its continuation's words)
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if carried:
            # Skip the continuation paragraph's own opening mark: the quote is already open.
            while i < p_end and body[i].isspace():
                i += 1
            if i < p_end:
                i += _starts_with_mark(body, i)
            breaks.append((paragraphs[index - 1][1], i))
        carried = False
        while i < p_end:
            if (mark := _MARK_START.search(body, i, p_end)) is None:
                break
            i = mark.start()
            if open_at is None and ((length := _opens_here(body, i)) or _reversed_opening(body, i, p_start)):
                length = length or 1
                mark_at, open_at, open_para_start = i, i + length, p_start
                i += length
                continue
            if open_at is not None and body[i] in OPENING_MARKS and open_para_start == p_start:
                # A second opening mark before any closing one: the first was never closed
                # (a typo); it ends here, uncertain, and the new quote starts.
                spans.append(_span(body, open_at, i, open_para_start, mark_at, uncertain=True, breaks=breaks))
                breaks = []
                mark_at, open_at = i, i + 1
                i += 1
                continue
            if open_at is not None and (length := _closes_here(body, i)):
                spans.append(_span(body, open_at, i, open_para_start, mark_at, uncertain=False, breaks=breaks))
                breaks = []
                open_at = None
                i += length
                continue
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_mark(body, nxt):
                carried = True
            else:
                spans.append(_span(body, open_at, p_end, open_para_start, mark_at, uncertain=True, breaks=breaks))
                breaks = []
                open_at = None
    return [s for s in spans if s.char_start < s.char_end]


def _continues_reported_clause(sentence_before: str, after_close: str) -> bool:
    if any(m in sentence_before for m in "\u201c\u201d\"") or not re.match(r"[\u201d\"\u2019']?[.!?]", after_close.lstrip("\u201d\"") or "."):
        return False
    words_before = sentence_before.lower().replace(",", " ").split()
    cue = next((k for k, w in enumerate(words_before) if w in REPORTING_VERB_FORMS), None)
    return cue is not None and len(words_before) - cue - 1 >= 3


# 'placards reading "No clean art"', 'a banner that read "Thank you"': a sign's words, introduced as a cue would.
_READ_FORMS = frozenset(("read", "reads", "reading"))


def _span(body: str, open_at: int, close_at: int, para_start: int, mark_at: int, uncertain: bool, breaks: list[tuple[int, int]]) -> QuoteSpan:
    start, end = trimmed(body, open_at, close_at)
    before = body[para_start:mark_at].rstrip()
    # A quote run into the sentence with no comma or colon before it is a fragment of that
    # sentence ('represents "New York values"'), unless a reporting verb introduces it
    # ('he said "We will win."', loose copy for 'said: "..."').
    word_before = before.rsplit(None, 1)[-1].lower() if before else ""
    after_word = bool(before) and before[-1].isalnum()
    embedded = (after_word or before[-1:] == "-") and (body[start : start + 1].islower() or (after_word and word_before not in REPORTING_VERB_FORMS | _READ_FORMS))
    # 'Police said they had received 30 calls, “most of them about cats”.': a lower-case
    # fragment after a comma that closes a sentence whose reporting verb already has a clause
    # of three words or more continues that clause (not '“A,” she said, “and B.”', nor
    # 'According to Raman, “the wall ...”').
    if before.endswith(",") and body[start : start + 1].islower() and _continues_reported_clause(re.split(r"[.!?]\s", before)[-1], body[close_at : close_at + 3]):
        embedded = True
    pieces, piece_start = [], open_at
    for para_end, resume in breaks:
        pieces.append(trimmed(body, piece_start, para_end))
        piece_start = resume
    pieces.append(trimmed(body, piece_start, close_at))
    segments = tuple(p for p in pieces if p[0] < p[1]) if len(pieces) > 1 else ()
    return QuoteSpan(start, end, uncertain, opens_paragraph=not before, is_embedded=embedded, segments=segments)


MAX_FRAGMENT_TAIL = 200


def trimmed_punct(body: str, start: int, end: int) -> tuple[int, int]:
    # Reported content never runs over a paragraph break (the parser may glue two paragraphs).
    paragraph_break = body.find("\n\n", start, end)
    if paragraph_break > start:
        end = paragraph_break
    while end > start and body[end - 1] in ".,;: \n":
        end -= 1
    # A quoted fragment at the end of the content runs to its closing mark, even when the
    # parser hung its tail elsewhere ('called him "a hero, not only to me but..."').
    inner = body[start:end]
    unclosed = CLOSING_MARKS if sum(inner.count(c) for c in OPENING_MARKS) > sum(inner.count(c) for c in CLOSING_MARKS) else STRAIGHT_MARK if inner.count(STRAIGHT_MARK) % 2 else ""
    if unclosed:
        paragraph_end = body.find("\n", end) % (len(body) + 1)
        closing = [j for j in (body.find(mark, end, paragraph_end) for mark in unclosed) if j >= 0]
        if closing and min(closing) - end <= MAX_FRAGMENT_TAIL:
            end = min(closing) + 1
    elif body.startswith(DOUBLED_STRAIGHT, end) and (inner.count(DOUBLED_OPENING) + inner.count(DOUBLED_STRAIGHT)) % 2 == 1:
        end += 2
    return start, end
