"""Documentation of the BI views in the ``mart`` schema: one description per view and column.

The views themselves are the ``sql/1x0_mart_*.sql`` files; ``sql/190_mart_comments.sql`` is
generated from this module (``python -m warehouse.ddl``), and a test checks that every view's
columns are exactly the documented ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MartView:
    """A documented BI view."""

    name: str
    description: str
    columns: tuple[tuple[str, str], ...]


MART_VIEWS: tuple[MartView, ...] = (
    MartView(
        "quotes_by_speaker_month",
        "Attributed quotes per speaker and publication month (undated articles left out).",
        (
            ("speaker", "Canonical name of the speaker."),
            ("speaker_entity_id", "Entity of the speaker; null when the speaker is not a named entity."),
            ("speaker_type", "Entity type of the speaker (PERSON, ORG, ...); null when not an entity."),
            ("month", "First day of the publication month."),
            ("quotes", "Quotes of every type."),
            ("direct_quotes", "Quotes in quotation marks."),
            ("indirect_quotes", "Reported speech."),
            ("mixed_quotes", "Reported speech containing a quoted fragment."),
            ("articles", "Articles the speaker is quoted in."),
        ),
    ),
    MartView(
        "entity_mentions_daily",
        "Mentions of each entity per publication day.",
        (
            ("published_date", "Publication day."),
            ("entity_id", "The entity."),
            ("canonical_name", "The entity's canonical name."),
            ("entity_type", "The entity's type."),
            ("mentions", "Mentions that day."),
            ("articles", "Articles mentioning it that day."),
        ),
    ),
    MartView(
        "event_timeline",
        "Dated events with their calendar interval, trigger, participants and source article.",
        (
            ("event_id", "The event."),
            ("article_id", "The article it was found in."),
            ("date_start", "First day of the event's date; null when it could not be resolved."),
            ("date_end", "Last day of the event's date; null when it could not be resolved."),
            ("date_value", "TIMEX3 value of the date."),
            ("trigger", "The verb or event noun that was dated."),
            ("event_text", "The clause, as written."),
            ("participants", "Canonical names of the entities in the clause, separated by '; '."),
            ("participant_count", "Number of entities in the clause."),
            ("published_date", "Publication date of the article."),
            ("title", "Title of the article, when it has one."),
            ("source_path", "File the article came from."),
        ),
    ),
    MartView(
        "speaker_entity_cooccurrence",
        "Entities mentioned in the articles where a speaker is quoted (the speaker itself left out).",
        (
            ("speaker_entity_id", "Entity of the speaker."),
            ("speaker", "Canonical name of the speaker."),
            ("entity_id", "An entity mentioned alongside."),
            ("canonical_name", "Its canonical name."),
            ("entity_type", "Its type."),
            ("articles", "Articles with both."),
            ("first_date", "Earliest publication date of such an article."),
            ("last_date", "Latest publication date of such an article."),
        ),
    ),
    MartView(
        "article_overview",
        "One row per article with counts of what was extracted from it.",
        (
            ("article_id", "The article."),
            ("published_date", "Publication date; null when unknown."),
            ("crawled_at", "When it was crawled (UTC); null when unknown."),
            ("title", "Headline, when the input has one."),
            ("source_path", "File it came from."),
            ("source_format", "Input format (raw, json, html)."),
            ("word_count", "Words in the body."),
            ("lede", "First 200 characters of the body."),
            ("quotes", "Quotes found."),
            ("attributed_quotes", "Quotes with a speaker."),
            ("entities", "Distinct entities mentioned."),
            ("entity_mentions", "Entity mentions."),
            ("temporal_expressions", "Time expressions."),
            ("events", "Dated events."),
        ),
    ),
)
