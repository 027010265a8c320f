"""One article (and its spaCy Doc) in, the rows of every extracted table out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from transforms.entities import ArticleEntity, extract_entities
from transforms.events import extract_events
from transforms.ids import stable_id
from transforms.quotes import extract_quotes
from transforms.records import Article, Entity, EntityMention, Event, EventParticipant, Quote, TemporalExpression
from transforms.timex import Tense, find_timexes

# spaCy components the extractors use: the parser (quotes, events, tense) and NER (entities).
# The lemmatizer is kept because reporting verbs are matched by lemma.
SPACY_BATCH_SIZE = 16


@dataclass
class ArticleRows:
    """Every row one article contributes, per table."""

    entities: list[Entity] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    temporal_expressions: list[TemporalExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_participants: list[EventParticipant] = field(default_factory=list)


def tense_function(doc: Doc):
    """Return a function from a character offset to the tense of the clause governing it."""

    def tense_at(offset: int) -> Tense:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return ""
        token = span[0]
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX"):
                children = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
                if children & {"will", "shall", "'ll", "wo"} or token.lower_ in ("will", "shall"):
                    return "future"
                if "Past" in token.morph.get("Tense") or children & {"did", "was", "were", "had", "has", "have"}:
                    return "past"
                if token.tag_ in ("VBZ", "VBP") and any(c.dep_ == "xcomp" for c in token.children):
                    return "future"  # "is going to meet", "plans to visit"
                return ""
            if token.head == token:
                return ""
            token = token.head
        return ""

    return tense_at


def _entity_rows(article: Article, entities: list[ArticleEntity], rows: ArticleRows) -> None:
    for entity in entities:
        rows.entities.append(Entity(entity.entity_id, entity.canonical_name, entity.entity_type))
        for mention in entity.mentions:
            rows.entity_mentions.append(
                EntityMention(
                    mention_id=stable_id(article.article_id, "mention", mention.char_start, mention.char_end),
                    article_id=article.article_id,
                    entity_id=entity.entity_id,
                    char_start=mention.char_start,
                    char_end=mention.char_end,
                    text=mention.text,
                    role=mention.role,
                )
            )


def extract_article(article: Article, doc: Doc) -> ArticleRows:
    """Extract entities, quotes, temporal expressions and events from one parsed article."""
    rows = ArticleRows()
    entities = extract_entities(doc)
    _entity_rows(article, entities, rows)
    for quote in extract_quotes(doc, entities):
        rows.quotes.append(
            Quote(
                quote_id=stable_id(article.article_id, "quote", quote.char_start, quote.char_end, quote.quote_type),
                article_id=article.article_id,
                char_start=quote.char_start,
                char_end=quote.char_end,
                text=quote.text,
                quote_type=quote.quote_type,
                speaker=quote.speaker,
                speaker_entity_id=quote.speaker_entity.entity_id if quote.speaker_entity else None,
                cue=quote.cue,
                is_uncertain=quote.is_uncertain,
            )
        )
    timexes = find_timexes(article.body, article.published_date, tense_function(doc))
    timex_ids = {}
    for timex in timexes:
        timex_id = stable_id(article.article_id, "timex", timex.char_start, timex.char_end)
        timex_ids[timex.char_start] = timex_id
        rows.temporal_expressions.append(
            TemporalExpression(timex_id, article.article_id, timex.char_start, timex.char_end, timex.text, timex.timex_type, timex.value, timex.is_resolved)
        )
    for event in extract_events(doc, timexes):
        timex_id = timex_ids[event.timex.char_start]
        event_id = stable_id(article.article_id, "event", event.char_start, event.char_end, timex_id)
        rows.events.append(
            Event(
                event_id=event_id,
                article_id=article.article_id,
                char_start=event.char_start,
                char_end=event.char_end,
                text=event.text,
                trigger=event.trigger,
                trigger_char_start=event.trigger_char_start,
                trigger_char_end=event.trigger_char_end,
                timex_id=timex_id,
                date_value=event.date_value,
                date_start=event.date_start,
                date_end=event.date_end,
            )
        )
        inside = {
            m.entity_id
            for m in rows.entity_mentions
            if event.char_start <= m.char_start and m.char_end <= event.char_end
        }
        rows.event_participants.extend(EventParticipant(event_id, article.article_id, entity_id) for entity_id in sorted(inside))
    return rows


def extract_articles(articles: Iterable[Article], nlp: Language) -> Iterator[tuple[Article, ArticleRows]]:
    """Parse bodies in batches with spaCy and extract every article's rows."""
    articles = list(articles)
    docs = nlp.pipe((a.body for a in articles), batch_size=SPACY_BATCH_SIZE)
    for article, doc in zip(articles, docs, strict=True):
        yield article, extract_article(article, doc)
