"""One article (and its spaCy Doc) in, the rows of every extracted table out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from transforms.context import ArticleContext
from transforms.entities.extraction import ArticleEntity, extract_entities
from transforms.time.events import extract_events
from transforms.run.faults import Fault, contain, fault_of, pipe_contained
from transforms.run.ids import stable_id
from transforms.quotes.extraction import extract_quotes
from transforms.entities.aliases import AliasMap
from transforms.records import Article, Entity, EntityAlias, EntityMention, Event, EventParticipant, Quote, TemporalExpression
from transforms.time.tense import tense_function
from transforms.time.expressions import find_timexes

SPACY_BATCH_SIZE = 16
# Longest text handed to spaCy at once; longer bodies are parsed in pieces.
PIECE_CHARS = 50_000


@dataclass
class ArticleRows:
    """Every row one article contributes, per table."""

    entities: list[Entity] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    entity_aliases: list[EntityAlias] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    temporal_expressions: list[TemporalExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_participants: list[EventParticipant] = field(default_factory=list)


def _entity_rows(article: Article, entities: list[ArticleEntity], rows: ArticleRows, base: int) -> None:
    for entity in entities:
        rows.entities.append(Entity(entity.entity_id, entity.canonical_name, entity.entity_type))
        rows.entity_aliases.extend(EntityAlias(article.article_id, entity.entity_id, name, source) for name, source in sorted(entity.alias_names().items()))
        for mention in entity.mentions:
            start, end = mention.char_start + base, mention.char_end + base
            rows.entity_mentions.append(
                EntityMention(
                    mention_id=stable_id(article.article_id, "mention", start, end),
                    article_id=article.article_id,
                    entity_id=entity.entity_id,
                    char_start=start,
                    char_end=end,
                    text=mention.text,
                    role=mention.role,
                    repaired_by=mention.repaired_by,
                )
            )


def extract_article(article: Article, doc: Doc, base: int = 0, aliases: AliasMap | None = None) -> ArticleRows:
    """Extract entities, quotes, temporal expressions and events from one parsed article.

    Args:
        article: the article.
        doc: the parse of ``article.body`` (or of the piece starting at ``base``).
        base: where the Doc's text starts in the body; every offset is shifted by it.
        aliases: the user's alias file, applied to canonical names.
    """
    rows = ArticleRows()
    context = ArticleContext.build(doc, article.published_date, base)
    entities = extract_entities(context, aliases)
    context = context.with_entities(entities)
    _entity_rows(article, entities, rows, base)
    for quote in extract_quotes(context):
        start, end = quote.char_start + base, quote.char_end + base
        rows.quotes.append(
            Quote(
                quote_id=stable_id(article.article_id, "quote", start, end, quote.quote_type),
                article_id=article.article_id,
                char_start=start,
                char_end=end,
                text=quote.text,
                segments=[{"char_start": a + base, "char_end": b + base} for a, b in quote.word_spans],
                content=" ".join(quote.text[a - quote.char_start : b - quote.char_start] for a, b in quote.word_spans),
                quote_type=quote.quote_type,
                speaker=quote.speaker,
                speaker_entity_id=quote.speaker_entity.entity_id if quote.speaker_entity else None,
                cue=quote.cue,
                is_uncertain=quote.is_uncertain,
                found_by=quote.found_by,
                speaker_by=quote.speaker_by if quote.speaker is not None else None,
            )
        )
    _time_rows(article, context, rows)
    return rows


def _time_rows(article: Article, context: ArticleContext, rows: ArticleRows) -> None:
    """The article's temporal expressions, the events they date and those events' participants
    (the entities mentioned inside each event's clause), with offsets into the body."""
    timexes = find_timexes(context.text, context.published_date, tense_function(context.doc))
    timex_ids = {}
    for timex in timexes:
        start, end = context.in_body(timex.char_start, timex.char_end)
        timex_id = stable_id(article.article_id, "timex", start, end)
        timex_ids[timex.char_start] = timex_id
        rows.temporal_expressions.append(
            TemporalExpression(timex_id, article.article_id, start, end, timex.text, timex.timex_type, timex.value, timex.is_resolved, timex.pattern)
        )
    # The article's mentions by position, so each event finds the ones inside it by bisection.
    mentions = sorted((m.char_start, m.char_end, m.entity_id) for m in rows.entity_mentions)
    mention_starts = [start for start, _, _ in mentions]
    for event in extract_events(context, timexes):
        timex_id = timex_ids[event.timex.char_start]
        start, end = context.in_body(event.char_start, event.char_end)
        trigger_start, trigger_end = context.in_body(event.trigger_char_start, event.trigger_char_end)
        event_id = stable_id(article.article_id, "event", start, end, timex_id)
        rows.events.append(
            Event(
                event_id=event_id,
                article_id=article.article_id,
                char_start=start,
                char_end=end,
                text=event.text,
                trigger=event.trigger,
                trigger_char_start=trigger_start,
                trigger_char_end=trigger_end,
                trigger_by=event.trigger_by,
                timex_id=timex_id,
                date_value=event.date_value,
                date_start=event.date_start,
                date_end=event.date_end,
            )
        )
        inside = {entity_id for m_start, m_end, entity_id in mentions[bisect_left(mention_starts, start) : bisect_right(mention_starts, end)] if m_end <= end}
        rows.event_participants.extend(EventParticipant(event_id, article.article_id, entity_id) for entity_id in sorted(inside))


def split_into_pieces(body: str, max_chars: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut a long body into pieces of at most ``max_chars`` at paragraph (else sentence, else
    space) boundaries; returns ``(offset, text)`` pairs that cover the body in order.

    Notes:
        A quote or a name cut by a piece boundary is seen as two; pieces are large enough
        that this is rare.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(body) - start > max_chars:
        window = body[start : start + max_chars]
        # Prefer a paragraph break, then a sentence end, then any space, in the second half of the window.
        cut = next((c for c in (window.rfind("\n\n"), window.rfind(". "), window.rfind(" ")) if c > max_chars // 2), -1)
        end = start + (cut + 1 if cut > 0 else max_chars)
        pieces.append((start, body[start:end]))
        start = end
    pieces.append((start, body[start:]))
    return pieces


def _merge(parts: list[ArticleRows]) -> ArticleRows:
    merged = ArticleRows()
    for part in parts:
        for name in ("entities", "entity_mentions", "entity_aliases", "quotes", "temporal_expressions", "events", "event_participants"):
            getattr(merged, name).extend(getattr(part, name))
    return merged


def extract_articles(articles: Iterable[Article], nlp: Language, aliases: AliasMap | None = None) -> Iterator[tuple[Article, ArticleRows | Fault]]:
    """Parse bodies in batches with spaCy and extract every article's rows.

    Long articles are parsed in pieces (spaCy's memory grows with the length of one text), and
    their rows are merged with offsets into the whole body. An article whose parse or
    extraction raises yields a Fault instead of rows; every other article is unaffected.
    Articles come out in order, each as soon as its last piece is parsed (so a caller can
    report progress while spaCy works through the batch).
    """
    articles = list(articles)
    pieces = [(index, offset, text) for index, article in enumerate(articles) for offset, text in split_into_pieces(article.body, PIECE_CHARS)]
    last_piece = {index: position for position, (index, _, _) in enumerate(pieces)}
    docs = pipe_contained(lambda texts: nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE), nlp, [text for _, _, text in pieces])
    parts: dict[int, list[ArticleRows | Fault]] = {}
    finished = 0  # articles yielded so far
    for position, ((index, offset, _), doc) in enumerate(zip(pieces, docs, strict=True)):
        article = articles[index]
        where = {"stage": "extract", "source_path": article.source_path, "source_record": article.source_record, "file_sha256": article.file_sha256}
        if isinstance(doc, BaseException):
            parts.setdefault(index, []).append(fault_of(doc, **where))
        else:
            parts.setdefault(index, []).append(contain(lambda doc=doc, offset=offset, article=article: extract_article(article, doc, offset, aliases), **where))
        if last_piece[index] == position:
            for done in range(finished, index + 1):
                yield articles[done], _article_result(parts.pop(done, []))
            finished = index + 1
    for done in range(finished, len(articles)):
        yield articles[done], _article_result(parts.pop(done, []))


def _article_result(parts: list[ArticleRows | Fault]) -> ArticleRows | Fault:
    """An article's rows merged from its pieces, or the first piece's fault."""
    fault = next((part for part in parts if isinstance(part, Fault)), None)
    return fault if fault is not None else _merge([part for part in parts if isinstance(part, ArticleRows)])
