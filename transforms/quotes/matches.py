"""What the quote rules find and share: a found quote (``QuoteMatch``) and the per-article state
the rules read (``QuoteState``: the article's context, its cues, and the quotes found so far,
which later, lower-priority rules must not overlap), and the inverted subject of a cue."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from transforms.context import ArticleContext
from transforms.entities.extraction import ArticleEntity
from transforms.quotes.marks import QuoteSpan


@dataclass(frozen=True)
class QuoteMatch:
    """A quote found in an article, before it becomes a table row.

    ``found_by`` names the quote rule that found it (DIRECT_SPEAKER_RULES or QUOTE_RULES);
    ``speaker_by`` the rule that decided its speaker (set also when that rule decided that
    nobody can be named; the row keeps it only with a speaker).
    """

    char_start: int
    char_end: int
    text: str
    quote_type: str
    speaker: str | None
    speaker_entity: ArticleEntity | None
    cue: str | None
    is_uncertain: bool
    # Spans of the speaker's own words; empty means the one span (char_start, char_end).
    segments: tuple[tuple[int, int], ...] = ()
    found_by: str = ""
    speaker_by: str | None = None

    @property
    def word_spans(self) -> tuple[tuple[int, int], ...]:
        return self.segments or ((self.char_start, self.char_end),)


@dataclass
class QuoteState:
    """One article as the quote rules read it, with what the rules before have found.

    Attributes:
        context: the article's parse.
        cues: its reporting-verb tokens.
        source: the organisation behind the article's documents (``find_document_source``).
        direct: the direct quotes (found first, by DIRECT_SPEAKER_RULES).
        used_cues: token indexes of the cues that attributed a direct quote, or that
            ``unsaid_clause`` set aside (nothing was said under them).
        embedded: quotation marks run into a sentence (fragments of a mixed quote).
        found: every quote so far, direct ones first, then QUOTE_RULES' in registry order.
    """

    context: ArticleContext
    cues: tuple[Token, ...]
    source: ArticleEntity | None
    direct: list[QuoteMatch] = field(default_factory=list)
    used_cues: set[int] = field(default_factory=set)
    embedded: list[QuoteSpan] = field(default_factory=list)
    found: list[QuoteMatch] = field(default_factory=list)

    def overlaps_direct(self, start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in self.direct)

    def overlaps_found(self, start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in self.found)


def inverted_subject(cue: Token) -> Token | None:
    """'..., said the official statement': the parser may hang the subject as an object; in
    'Said Ellis: "..."' it makes the cue a compound of the name."""
    if cue.dep_ == "compound" and cue.head.pos_ in ("PROPN", "NOUN") and cue.head.text[:1].isupper() and cue.head.i > cue.i:
        return cue.head
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None
