"""Direct quotes, the walk over quotation marks: every span of the article
(``transforms.quotes.marks``) that is no title is attributed by the first of
DIRECT_SPEAKER_RULES (``transforms.quotes.direct``) that answers, and a quote split by its
attribution ('"A," she said. "B."') is merged into one, which keeps the first piece's rules.
"""

from __future__ import annotations

from transforms.lexicons import words
from transforms.quotes.direct import DIRECT_SPEAKER_RULES, Attribution, QuoteSite, _ends_its_clause, attribution_starts_after, cue_near
from transforms.quotes.marks import OPENING_MARKS, STRAIGHT_MARK, QuoteSpan
from transforms.quotes.matches import QuoteMatch, QuoteState

# A quoted fragment shorter than this (in words) and not attributed is a scare quote or title.
MIN_UNATTRIBUTED_WORDS = 5
# Longest attribution between two pieces of one quote ('"A," Mr. Trump said. "B."').
MAX_SPLITTING_ATTRIBUTION = 60
# Longest narration that may end the paragraph of a quote continued in the next paragraph.
MAX_TRAILING_ATTRIBUTION = 160


def _words(body: str, start: int, end: int) -> int:
    return len(body[start:end].split())


def _continues_previous(body: str, previous: QuoteMatch, span: QuoteSpan) -> bool:
    """True when this unattributed quote goes on with the previous one: one utterance.

    '"A," she said of the plan, in which... "B."' (its attribution, however long, in one
    paragraph) and '"A," she said.' followed by a paragraph '"B."' that is all quote are both
    one quote from "A" to "B" (the attribution between stays inside its text).

    Notes:
        A quote after a paragraph of narration, or after a longer attribution paragraph,
        starts a new quote (it still inherits the previous speaker).
    """
    gap = body[previous.char_end : span.char_start]
    if previous.quote_type != "direct" or previous.speaker is None:
        return False
    if "\n" not in gap:
        return True
    head, _, tail = gap.partition("\n\n")
    return span.opens_paragraph and "\n" not in head and not tail.strip(OPENING_MARKS + STRAIGHT_MARK + "`' \t") and len(head) <= MAX_TRAILING_ATTRIBUTION and not any(m in head for m in OPENING_MARKS)


_TITLE_SMALL_WORDS = words("title_small_words")


def looks_like_title(text: str) -> bool:
    """Two to seven words, every one but the small ones capitalised, and no question or
    exclamation: the title of a show, book, song or policy ("Morning Joe", "Grand Bargain").

    Notes:
        Not handled: a title in sentence case ("Make your kid a millionaire") still reads as a
        quote; a shouted all-capitals quote ("WE WANT JOBS") reads as a title.
    """
    words_ = [w.strip(",.;:'’\"“”") for w in text.split()]
    words_ = [w for w in words_ if w]
    if not 2 <= len(words_) <= 7 or text.rstrip().endswith(("?", "!")):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words_) and words_[0][0].isupper() and sum(w[0].isupper() for w in words_) >= 2


def direct_quotes(state: QuoteState) -> None:
    """Fill ``state.direct``, ``state.used_cues`` and ``state.embedded`` from the article's
    quotation marks, each attributed by the first of DIRECT_SPEAKER_RULES that answers."""
    context = state.context
    body, spans, paragraphs = context.text, context.quote_spans, context.paragraphs
    found = state.direct
    previous: QuoteMatch | None = None
    previous_cue: int | None = None
    for span in spans:
        if span.is_embedded:
            state.embedded.append(span)
            continue
        if looks_like_title(body[span.char_start : span.char_end]):
            continue  # “Fox News Sunday”, “A Change Is Gonna Come”: a name in quotes, not words said
        # A quote over several paragraphs looks for its cue before its start and after its end.
        p_start = next((a for a, b in paragraphs if a <= span.char_start < b), 0)
        p_end = next((b for a, b in paragraphs if a <= span.char_end <= b), len(body))
        cue = cue_near(state, span, spans, p_start, p_end)
        site = QuoteSite(span, cue, p_start, previous, previous is not None and previous.char_end >= p_start)
        found_by, attribution = _first_attribution(state, site)
        if attribution.used_cue is not None:
            state.used_cues.add(attribution.used_cue)
        speaker, cue_text = attribution.speaker, attribution.cue
        if cue_text is None and speaker.name is None and _words(body, span.char_start, span.char_end) < MIN_UNATTRIBUTED_WORDS:
            continue
        # '"A," he said, "B" - and vowed ...': the attribution between the two pieces is the
        # previous one's, and B has no attribution of its own right after it.
        shares_cue = (
            previous is not None
            and previous_cue is not None
            and previous.char_end <= context.tokens[previous_cue].idx < span.char_start
            and "\n" not in body[previous.char_end : span.char_start]
            and (
                cue is None
                or cue.i == previous_cue
                or (
                    cue.idx > span.char_end
                    and len(body[previous.char_end : span.char_start]) <= MAX_SPLITTING_ATTRIBUTION
                    and _ends_its_clause(body, span)
                    and not attribution_starts_after(state, span, cue)
                )
            )
        )
        # A quote whose own attribution names someone else ('"..." That was the warning from X')
        # is not the previous speaker's continuation.
        continues = cue_text is None and speaker.name in (None, previous.speaker if previous else None) and previous is not None and _continues_previous(body, previous, span)
        if previous is not None and (shares_cue or continues):
            # '"A," she said. "B."' and '"A," she said, "b."' are one utterance split by its
            # attribution: one quote whose segments leave the attribution out; it keeps the
            # first piece's rules.
            merged = QuoteMatch(
                previous.char_start, span.char_end, body[previous.char_start : span.char_end], "direct",
                previous.speaker, previous.speaker_entity, previous.cue, previous.is_uncertain or span.is_uncertain,
                previous.word_spans + (span.segments or ((span.char_start, span.char_end),)),
                previous.found_by, previous.speaker_by,
            )
            found[-1] = previous = merged
            continue
        match = QuoteMatch(
            span.char_start, span.char_end, body[span.char_start : span.char_end], "direct",
            speaker.name, speaker.entity, cue_text, span.is_uncertain, span.segments,
            found_by, speaker.by,
        )
        found.append(match)
        previous = match
        previous_cue = cue.i if cue is not None else None


def _first_attribution(state: QuoteState, site: QuoteSite) -> tuple[str, Attribution]:
    for entry in DIRECT_SPEAKER_RULES:
        answer = entry(state, site)
        if answer is not None:
            return entry.name, answer
    raise AssertionError("unattributed_quote always answers")  # pragma: no cover
