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
    MartView(
        "quote_clusters_by_speaker_month",
        "Quotes per speaker and month counted once per quote cluster (the same words carried by fifty outlets count once); month of first sighting.",
        (
            ("speaker", "The speaker most sources give for the quote."),
            ("speaker_entity_id", "Entity of the speaker; null when the speaker is not a named entity."),
            ("speaker_type", "Entity type of the speaker (PERSON, ORG, ...); null when not an entity."),
            ("month", "First day of the month the quote was first seen in."),
            ("quote_clusters", "Distinct quotes (clusters) of every type."),
            ("direct_quote_clusters", "Distinct quotes in quotation marks."),
            ("indirect_quote_clusters", "Distinct reported statements."),
            ("mixed_quote_clusters", "Distinct reported statements with a quoted fragment."),
            ("quotes", "Quote rows behind them (copies included)."),
            ("widest_sources", "Most outlets that carried one of these quotes."),
        ),
    ),
    MartView(
        "widely_carried_quotes",
        "Every quote cluster ranked by how widely it was carried: distinct stories, then outlets, then articles.",
        (
            ("quote_cluster_id", "The quote cluster."),
            ("content", "Its canonical (longest) words."),
            ("quote_type", "Type of the quote giving the canonical words."),
            ("speaker", "The speaker most sources give; null when unattributed."),
            ("speaker_entity_id", "Entity of the speaker; null when not a named entity."),
            ("first_seen_date", "Earliest publication date it appeared."),
            ("first_article_id", "Article it was first seen in."),
            ("stories", "Distinct stories quoting it."),
            ("sources", "Distinct outlets quoting it."),
            ("articles", "Articles quoting it."),
            ("quotes", "Quote rows in the cluster."),
            ("carried_rank", "1 for the most widely carried (ties share a rank)."),
        ),
    ),
    MartView(
        "story_sizes_daily",
        "Stories by the day they were first published, with how many copies carried them.",
        (
            ("published_date", "Day of the story's earliest article."),
            ("stories", "Stories first published that day."),
            ("articles", "Articles (copies) of those stories, whenever published."),
            ("syndicated_stories", "Stories carried by more than one article."),
            ("largest_story_articles", "Articles of the most widely copied story."),
            ("median_story_articles", "Median articles per story."),
            ("widest_story_sources", "Most distinct outlets that carried one of these stories."),
        ),
    ),
    MartView(
        "event_clusters_timeline",
        "Real-world events once each (mentions across articles clustered), with their date, participants and reach.",
        (
            ("event_cluster_id", "The event cluster."),
            ("date_start", "First day of the event's date; null when unresolved."),
            ("date_end", "Last day of the event's date; null when unresolved."),
            ("trigger", "Trigger of the earliest mention."),
            ("event_text", "Clause of the earliest mention, as written."),
            ("participants", "Entities named in any mention, sorted, separated by '; '."),
            ("mentions", "Event rows (mentions) in the cluster."),
            ("articles", "Articles reporting it."),
            ("stories", "Distinct stories reporting it."),
        ),
    ),
)
