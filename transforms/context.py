"""One article's parse, as every rule reads it: built once per article (or piece), never mutated.

The extractors used to cache these values on ``doc.user_data`` from wherever they were first
needed; a context holds them instead, computed once when it is built, so a rule is a function of
the context and its arguments alone and following a row back to its rule never leads through
another module's cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from transforms.quotes.marks import QuoteSpan, find_quote_spans, paragraph_spans

if TYPE_CHECKING:
    from transforms.entities.extraction import ArticleEntity


@dataclass(frozen=True)
class ArticleContext:
    """The parse of one article (or of one piece of a long one) and what the rules share.

    Attributes:
        doc: the spaCy parse.
        text: ``doc.text`` (which spaCy rebuilds on every access).
        tokens: ``list(doc)`` (iterating a Doc builds new Token objects on every pass).
        sentences: the parser's sentences.
        paragraphs: (start, end) of each paragraph of ``text``.
        quote_spans: the spans inside quotation marks (``transforms.quotes.marks``).
        quoted_ranges: (start, end) of each of ``quote_spans``.
        published_date: the article's publication date (anchors relative dates), if known.
        base: where ``text`` starts in the article's body: add it to every offset of a row.
        entities: the article's entities, once they are found (``with_entities``).
    """

    doc: Doc
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    paragraphs: tuple[tuple[int, int], ...]
    quote_spans: tuple[QuoteSpan, ...]
    quoted_ranges: tuple[tuple[int, int], ...]
    published_date: date | None = None
    base: int = 0
    entities: tuple[ArticleEntity, ...] = field(default=())

    @classmethod
    def build(cls, doc: Doc, published_date: date | None = None, base: int = 0) -> ArticleContext:
        """The context of a parsed article (``base``: where the Doc's text starts in the body)."""
        tokens = tuple(doc)
        text = "".join(t.text_with_ws for t in tokens)  # what ``doc.text`` does, without building the tokens again
        spans = tuple(find_quote_spans(text))
        return cls(
            doc=doc,
            text=text,
            tokens=tokens,
            sentences=tuple(doc.sents) if doc.has_annotation("SENT_START") else (doc[:],),
            paragraphs=tuple(paragraph_spans(text)),
            quote_spans=spans,
            quoted_ranges=tuple((s.char_start, s.char_end) for s in spans),
            published_date=published_date,
            base=base,
        )

    def with_entities(self, entities: list[ArticleEntity] | tuple[ArticleEntity, ...]) -> ArticleContext:
        """This context with the article's entities."""
        return replace(self, entities=tuple(entities))

    def in_body(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into the Doc's text as offsets into the article's body."""
        return start + self.base, end + self.base
