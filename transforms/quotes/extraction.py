"""Quotes and their speakers: direct quotes from quotation marks, indirect and mixed quotes from
reporting verbs, speakers resolved to the article's entities.

Offsets are content spans (without the quotation marks) into the Doc's text. The rules live in
ordered registries, each entry a named rule whose name goes into the row:
``DIRECT_SPEAKER_RULES`` (``transforms.quotes.direct``) attribute the words in quotation marks,
``QUOTE_RULES`` (``transforms.quotes.indirect``) find reported content, ``SPEAKER_RULES``
(``transforms.quotes.speakers``) name the speaker behind a cue's subject. Quotation marks are
read in ``transforms.quotes.marks``, reported content in ``transforms.quotes.reported_speech``.

Notes:
    Not handled: quotes in single marks at the top level ('...' as the main quote mark is
    rare in running text and collides with apostrophes), a direct quote whose speaker is
    named only in a later sentence other than "That was the word from X" / "So said X"
    (``word_from_next_sentence``), and quotes attributed by a headline or byline. Beliefs,
    intentions, plans, votes, refusals to comment and actions are not quotes: no rule reads them.
"""

from __future__ import annotations

from transforms.context import ArticleContext
from transforms.quotes.direct import DIRECT_SPEAKER_RULES
from transforms.quotes.direct_spans import direct_quotes
from transforms.quotes.indirect import QUOTE_RULES, drop_sourceless_clauses_inside_quotes, indirect_quotes
from transforms.quotes.matches import QuoteMatch, QuoteState
from transforms.quotes.cues import cue_tokens
from transforms.quotes.speakers import SPEAKER_RULES, find_document_source

__all__ = ["FOUND_BY_VALUES", "SPEAKER_BY_VALUES", "QuoteMatch", "extract_quotes"]

# What quotes.found_by may hold: a rule of DIRECT_SPEAKER_RULES or of QUOTE_RULES.
FOUND_BY_VALUES: tuple[str, ...] = tuple(r.name for r in (*DIRECT_SPEAKER_RULES, *QUOTE_RULES))
# What quotes.speaker_by may hold: a rule of SPEAKER_RULES, or a quote rule that names its
# speaker itself (a label, a dash, a name beside the cue or after "according to" or "As").
SPEAKER_BY_VALUES: tuple[str, ...] = tuple(r.name for r in SPEAKER_RULES) + (
    "transcript_label",
    "dash_attribution",
    "name_beside_cue",
    "cue_beside_quote",
    "according_to_before_quote",
    "as_someone_put_it",
    "main_clause_before_colon",
    "word_from_next_sentence",
    "person_introduced_after_quote",
    "reported_clause",
    "labelled_paragraph",
)


def extract_quotes(context: ArticleContext) -> list[QuoteMatch]:
    """Every direct, indirect and mixed quote of one article, ordered by position.

    Direct quotes come first (DIRECT_SPEAKER_RULES), then QUOTE_RULES in order, each skipping
    content that a rule before it found; a sourceless clause inside an attributed quote is
    dropped at the end (``drop_sourceless_clauses_inside_quotes``).
    """
    state = QuoteState(context, cue_tokens(context), find_document_source(context))
    direct_quotes(state)
    state.found.extend(state.direct)
    indirect_quotes(state)
    return sorted(drop_sourceless_clauses_inside_quotes(state.found), key=lambda q: q.char_start)
