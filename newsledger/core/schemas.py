"""The table contract: every table's shape, declared once as a pyarrow schema.

Parquet files, the DuckDB DDL, the Great Expectations suites and the docs are all generated
from (or checked against) the schemas below, so a renamed column is a red test.

Field metadata keys:
    description: one line for the docs and for DuckDB ``COMMENT ON COLUMN``.
    allowed: JSON list of the values a text column may hold.
    references: ``table.column`` this column is a foreign key to.
    span: ``true`` on the ``char_start`` of a span whose ``text`` must equal ``body[start:end]``.
Schema metadata keys:
    description: one line about the table.
    primary_key: comma-separated key columns.
    key_enforced: ``false`` when DuckDB does not enforce the key (the load keeps it unique and the
        suites check it): a primary-key index costs a lookup per insert and DuckDB rewrites it at
        every checkpoint, so on the tables that grow with the corpus it made each night's load
        grow with the warehouse (bench.night_at_scale). Ids there hash their article's id, and
        the load deletes an article's rows before it writes them again, so keys stay unique.
        Enforced only where a load relies on the key (INSERT OR IGNORE: entities, rejects,
        cluster_links) and on the small runs table.
    served: ``false`` for a table only the writer keeps (in ``DIR/.state/``), not in the served
        catalog nor the lake: ``cluster_index`` is the load's look-up structure (hashed keys, of
        no use in a query) and the largest table; publishing its month cost more than all the
        other tables together at 100,000 articles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = "6"

QUOTE_TYPES = ("direct", "indirect", "mixed")
# The quote rules (transforms.quotes: DIRECT_SPEAKER_RULES, then QUOTE_RULES) and the speaker
# rules (SPEAKER_RULES, plus the quote rules that name their speaker themselves), by name;
# tests/quotes checks these against the registries.
QUOTE_FOUND_BY = (
    "transcript_label", "dash_attribution", "name_beside_cue", "cue_beside_quote", "document_reads", "sign_reads_before_quote", "according_to_before_quote", "according_to_after_quote", "as_someone_put_it", "verb_before_colon",
    "main_clause_before_colon", "word_from_next_sentence", "person_introduced_after_quote", "reporter_of_paragraph_before", "continues_previous_speaker", "speaker_of_sentence_before", "unattributed_quote",
    "unsaid_clause", "reported_clause", "clause_before_cue", "clause_taken_for_subject", "naming_complement", "according_to", "claim_noun_clause", "labelled_paragraph",
)
QUOTE_SPEAKER_BY = (
    "subject_in_another_paragraph", "place_with_titled_apposition", "person_in_apposition_before_verb", "agent_of_the_words", "author_in_relative_clause", "participle_of_the_main_clause", "participle_of_the_sentence", "named_spokesperson", "spokesperson_for", "spokesperson_of_kind", "officials_of_kind", "named_organisation_spokesperson",
    "spokesperson_of_the_subject_before", "same_spokesperson_as_before", "person_in_apposition", "person_named_in_own_clause", "who_after_title", "person_before_own_title", "demonym_nominal", "named_subject", "name_after_role", "name_set_off_after_role", "titled_person", "age_nominal", "role_in_apposition",
    "named_in_next_sentence", "role_named_next", "person_named_after_description", "the_one_company", "pronoun_possessor", "person_before_relative_clause", "pronoun_after_unknown_name", "subject_before_pronoun", "described_person_before", "gendered_pronoun", "personal_pronoun", "body_of_organisation", "office_of_speaker",
    "its_spokesperson", "organisation_noun", "document_named_before", "document_noun", "ruling_of_the_court", "possessed_document", "it_after_organisation_noun", "same_noun_as_earlier_speaker", "organisation_by_kind", "company_by_legal_form", "described_organisation", "both_organisations",
    "organisations_in_apposition", "group_named_beside", "organisation_sign", "organisation_named_next", "only_organisation_nearby", "organisation_the_story_is_about", "nominal_by_evidence", "subject_as_written",
    "transcript_label", "dash_attribution", "name_beside_cue", "cue_beside_quote", "according_to_before_quote", "as_someone_put_it", "main_clause_before_colon", "word_from_next_sentence", "person_introduced_after_quote", "reported_clause", "labelled_paragraph",
)
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")
RUN_STATUSES = ("success", "failed")
REJECT_STAGES = ("discover", "read", "decode", "parse", "extract", "validate")

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")
# Pieces of a quote's text that are the speaker's words (a quote split by its attribution has two).
SEGMENTS = pa.list_(pa.struct([pa.field("char_start", pa.int32(), nullable=False), pa.field("char_end", pa.int32(), nullable=False)]))


def _field(
    name: str,
    type_: pa.DataType,
    description: str,
    *,
    nullable: bool = False,
    allowed: tuple[str, ...] | None = None,
    references: str | None = None,
) -> pa.Field:
    meta = {"description": description}
    if allowed is not None:
        meta["allowed"] = json.dumps(list(allowed))
    if references is not None:
        meta["references"] = references
    return pa.field(name, type_, nullable=nullable, metadata=meta)


def _schema(description: str, primary_key: str, fields: list[pa.Field], *, key_enforced: bool = True, served: bool = True) -> pa.Schema:
    metadata = {"description": description, "primary_key": primary_key}
    if not key_enforced:
        metadata["key_enforced"] = "false"
    if not served:
        metadata["served"] = "false"
    return pa.schema(fields, metadata=metadata)


def _span_fields(what: str) -> list[pa.Field]:
    return [
        _field("char_start", pa.int32(), f"Start of the {what} in articles.body (Python string index)."),
        _field("char_end", pa.int32(), f"End of the {what} in articles.body, exclusive."),
        _field("text", pa.string(), f"The {what} as written: always body[char_start:char_end]."),
    ]


ARTICLE_ID = _field("article_id", pa.string(), "The article the row belongs to.", references="articles.article_id")

ARTICLES = _schema(
    "One row per news article read from the input files.",
    "article_id",
    [
        _field("article_id", pa.string(), "Stable id: a hash of the source file and record with the article's body, date and title (a verbatim reprint in another file is an article of its own)."),
        _field("source_path", pa.string(), "File the article was read from, as given on the command line."),
        _field("source_record", pa.int32(), "Position of the article inside its file (0 for one-article files)."),
        _field("source_format", pa.string(), "Input format the article was read from.", allowed=("raw", "json", "html")),
        _field("file_sha256", pa.string(), "SHA-256 of the source file's bytes, for incremental runs."),
        _field("published_date", pa.date32(), "Publication date from the article; null when absent or invalid.", nullable=True),
        _field("crawled_at", UTC_TIMESTAMP, "When the crawler fetched the article (UTC); null when unknown.", nullable=True),
        _field("title", pa.string(), "Headline; null when the input has none.", nullable=True),
        _field("body", pa.string(), "Normalised article text; every char_start/char_end in the warehouse indexes it."),
        _field("word_count", pa.int32(), "Number of whitespace-separated words in the body."),
        _field("extractor_version", pa.string(), "Version of newsledger's extractors that produced the article's rows."),
        _field("repairs", pa.string(), "Repairs made to the text (mojibake, long_runs cut, repeated_paragraphs:N dropped copies, published_date_out_of_range kept but not used to resolve dates); null when none.", nullable=True),
        _field("original_text", pa.string(), "The text as written before the mojibake repair; null when nothing was repaired.", nullable=True),
        _field(
            "source",
            pa.string(),
            "Outlet that published the article, where the input says it: the record's site name or URL host, else the "
            "NEWSLEDGER_SOURCE_PATTERN match on the file path (default crawl/<source>/<date>/...); null otherwise.",
            nullable=True,
        ),
        _field(
            "story_id",
            pa.string(),
            "The story the article is a copy of: articles that are reprints, wire copies, trimmed or lightly edited versions of one "
            "text share it. A hash of the story's earliest article.",
            references="stories.story_id",
        ),
    ],
    key_enforced=False,
)

QUOTES = _schema(
    "Quotations (direct, indirect, mixed) with their speaker when one can be attributed.",
    "quote_id",
    [
        _field("quote_id", pa.string(), "Stable id of the quote: a hash of article and span."),
        ARTICLE_ID,
        *_span_fields("quoted content, without its outer quotation marks"),
        _field(
            "segments",
            SEGMENTS,
            "Spans of articles.body holding the speaker's own words: one, or several when an attribution splits the quote "
            "('\"A,\" she said. \"B.\"' gives A and B; text runs from A to B).",
        ),
        _field("content", pa.string(), "The speaker's words alone: the segments' text joined by a space; equals text for an unsplit quote."),
        _field("quote_type", pa.string(), "direct (in quotation marks), indirect (reported) or mixed.", allowed=QUOTE_TYPES),
        _field("speaker", pa.string(), "Canonical name of who said it; null when it cannot be attributed.", nullable=True),
        _field(
            "speaker_entity_id",
            pa.string(),
            "Entity of the speaker; null when unattributed or not a named entity.",
            nullable=True,
            references="entities.entity_id",
        ),
        _field("cue", pa.string(), "Reporting word that attributes the quote (said, tweeted, according to).", nullable=True),
        _field("is_uncertain", pa.bool_(), "True when the quote's marks are unbalanced and its end was guessed."),
        _field(
            "found_by",
            pa.string(),
            "Name of the quote rule that found the quote: a rule of DIRECT_SPEAKER_RULES (words in quotation marks) or "
            "QUOTE_RULES (indirect and mixed quotes) in transforms/quotes, described in docs/rules.md. A quote merged from "
            "two pieces keeps the first piece's rules.",
            allowed=QUOTE_FOUND_BY,
        ),
        _field(
            "speaker_by",
            pa.string(),
            "Name of the rule that named the speaker: a rule of SPEAKER_RULES (the cue's subject resolved) or a quote rule "
            "that names its speaker itself (docs/rules.md); null when there is no speaker.",
            nullable=True,
            allowed=QUOTE_SPEAKER_BY,
        ),
        _field(
            "quote_cluster_id",
            pa.string(),
            "The same words quoted in other articles share it (copies of one story or different stories; a part of a longer "
            "quote joins it). A hash of the cluster's earliest quote.",
            references="quote_clusters.quote_cluster_id",
        ),
    ],
    key_enforced=False,
)

ENTITIES = _schema(
    "People, organisations, places and other named things, one row per canonical name and type.",
    "entity_id",
    [
        _field("entity_id", pa.string(), "Stable id: a hash of entity_type and canonical_name, equal across runs."),
        _field("canonical_name", pa.string(), "The fullest proper name the text gives, never a title."),
        _field("entity_type", pa.string(), "Kind of entity (spaCy/OntoNotes labels).", allowed=ENTITY_TYPES),
    ],
)

ENTITY_ALIASES = _schema(
    "Other names an entity goes by in an article: surnames, titles, acronyms, alias-file entries.",
    "article_id,entity_id,alias",
    [
        ARTICLE_ID,
        _field("entity_id", pa.string(), "The entity the name was joined to.", references="entities.entity_id"),
        _field("alias", pa.string(), "The other name, as written (or as the text named it before the alias file)."),
        _field("source", pa.string(), "What joined it: the article's text, or the user's alias file.", allowed=("text", "alias_file")),
    ],
    key_enforced=False,
)

ENTITY_MENTIONS = _schema(
    "Each place an entity is mentioned in an article.",
    "mention_id",
    [
        _field("mention_id", pa.string(), "Stable id of the mention: a hash of article and span."),
        ARTICLE_ID,
        _field("entity_id", pa.string(), "The entity mentioned.", references="entities.entity_id"),
        *_span_fields("mention"),
        _field("role", pa.string(), "Title or role written with the mention (e.g. Union Defence Minister).", nullable=True),
        _field(
            "repaired_by",
            pa.string(),
            "The rule that made or changed this mention's span or label: a repair of ENTITY_REPAIRS (e.g. storm_name), a finder of MENTION_FINDERS (e.g. titled_name) or of PERSON_FINDERS (e.g. nominal_title), or a join of ENTITY_JOINS that moved it onto its entity (e.g. short_org_names); null where the model's own span and label stood. Per mention, not per entity: one entity may be repaired in one article and not in another.",
            nullable=True,
        ),
    ],
    key_enforced=False,
)

TEMPORAL_EXPRESSIONS = _schema(
    "Time expressions (TimeML TIMEX3), resolved against the publication date.",
    "timex_id",
    [
        _field("timex_id", pa.string(), "Stable id of the expression: a hash of article and span."),
        ARTICLE_ID,
        *_span_fields("time expression"),
        _field("timex_type", pa.string(), "TIMEX3 type.", allowed=TIMEX_TYPES),
        _field("value", pa.string(), "TIMEX3 value (2023-06-04, 2021-03, P2D, PAST_REF; X for unknown digits)."),
        _field("is_resolved", pa.bool_(), "False when the value needed a publication date the article lacks."),
        _field(
            "pattern",
            pa.string(),
            "The rule that found the expression and gave its value: a pattern of transforms.time.patterns.PATTERNS "
            "(e.g. month_day_year, weekday, duration_words), or the context pass of transforms.time.context.CONTEXT_PASSES "
            "that re-read it from the expressions around it (anchor_anaphora, day_before_after, coordinated_days, compare_quarters).",
        ),
    ],
    key_enforced=False,
)

EVENTS = _schema(
    "Clauses dated by a time expression, with the calendar interval of that date.",
    "event_id",
    [
        _field("event_id", pa.string(), "Stable id of the event: a hash of article, clause and time expression."),
        ARTICLE_ID,
        *_span_fields("clause the time expression dates"),
        _field("trigger", pa.string(), "The verb or event noun the time expression modifies (e.g. arrived)."),
        _field("trigger_char_start", pa.int32(), "Start of the trigger in articles.body."),
        _field("trigger_char_end", pa.int32(), "End of the trigger in articles.body, exclusive."),
        _field("timex_id", pa.string(), "The time expression that dates the event.", references="temporal_expressions.timex_id"),
        _field("date_value", pa.string(), "TIMEX3 value of the date; null when it is not a calendar date.", nullable=True),
        _field("date_start", pa.date32(), "First calendar day the date covers; null when unknown.", nullable=True),
        _field("date_end", pa.date32(), "Last calendar day the date covers; null when unknown.", nullable=True),
        _field(
            "event_cluster_id",
            pa.string(),
            "Mentions of one real-world event in different articles share it (same dates, same kind of happening, a shared "
            "participant). A hash of the cluster's earliest event.",
            references="event_clusters.event_cluster_id",
        ),
        _field(
            "trigger_by",
            pa.string(),
            "The rule that chose the trigger: nearest_verb (the verb or event noun the expression modifies) or a rule of "
            "transforms.time.event_rules.EVENT_TRIGGERS (e.g. implicative_head, figure_for_period).",
        ),
    ],
    key_enforced=False,
)

EVENT_PARTICIPANTS = _schema(
    "Entities mentioned inside an event's clause.",
    "event_id,entity_id",
    [
        _field("event_id", pa.string(), "The event.", references="events.event_id"),
        ARTICLE_ID,
        _field("entity_id", pa.string(), "An entity mentioned in the event's clause.", references="entities.entity_id"),
    ],
    key_enforced=False,
)

REJECTS = _schema(
    "Input files (or records) that could not be loaded, with the reason and what to fix.",
    "reject_id",
    [
        _field("reject_id", pa.string(), "Stable id: a hash of the path, record and file content."),
        _field("source_path", pa.string(), "The rejected file."),
        _field("source_record", pa.int32(), "Position of the rejected record inside its file (0 for the whole file)."),
        _field("file_sha256", pa.string(), "SHA-256 of the file's bytes; empty when it could not be read."),
        _field("stage", pa.string(), "Pipeline stage that rejected it.", allowed=REJECT_STAGES),
        _field("error_type", pa.string(), "Exception class that describes the problem."),
        _field("reason", pa.string(), "What is wrong, in words that say what to fix."),
        _field("rejected_at", UTC_TIMESTAMP, "When the file was first rejected (UTC)."),
    ],
)

RUNS = _schema(
    "One row per pipeline run: when, how it ended and what it loaded.",
    "run_id",
    [
        _field("run_id", pa.string(), "Id of the run (also the name of its validation folder)."),
        _field("started_at", UTC_TIMESTAMP, "When the run started (UTC)."),
        _field("finished_at", UTC_TIMESTAMP, "When the run finished (UTC)."),
        _field("status", pa.string(), "How the run ended.", allowed=RUN_STATUSES),
        _field("files_seen", pa.int64(), "Input files discovered."),
        _field("files_skipped", pa.int64(), "Files skipped: already loaded with the same content, or outside --since/--until."),
        _field("articles_loaded", pa.int64(), "Articles parsed and loaded by this run."),
        _field("files_rejected", pa.int64(), "Files or records rejected by this run."),
        _field("quotes", pa.int64(), "Quotes extracted by this run."),
        _field("entities", pa.int64(), "Distinct entities mentioned in this run's articles."),
        _field("entity_mentions", pa.int64(), "Entity mentions extracted by this run."),
        _field("temporal_expressions", pa.int64(), "Temporal expressions extracted by this run."),
        _field("events", pa.int64(), "Events extracted by this run."),
        _field("validation_passed", pa.bool_(), "True when every validation suite passed."),
        _field("stage_seconds", pa.string(), "Wall-clock seconds per stage (plan, extract, validate, and cluster: the load's clustering step), as JSON.", nullable=True),
        _field("extractor_version", pa.string(), "Version of newsledger that ran."),
        _field("message", pa.string(), "Why the run failed; null on success.", nullable=True),
    ],
)


STORIES = _schema(
    "One row per story: the articles that are copies of one text (reprints, wire copies, trimmed or edited versions).",
    "story_id",
    [
        _field("story_id", pa.string(), "Stable id of the story: a hash of its earliest article."),
        _field("first_article_id", pa.string(), "The story's earliest article (by publication date, crawl time, then id).", references="articles.article_id"),
        _field("title", pa.string(), "Headline of the earliest article that has one; null when none has.", nullable=True),
        _field("first_published_date", pa.date32(), "Earliest publication date of its articles; null when none is dated.", nullable=True),
        _field("last_published_date", pa.date32(), "Latest publication date of its articles; null when none is dated.", nullable=True),
        _field("articles", pa.int64(), "Number of articles (copies) in the story."),
        _field("sources", pa.int64(), "Number of distinct outlets (articles.source) that carried it; articles without a source are not counted."),
    ],
    key_enforced=False,
)

QUOTE_CLUSTERS = _schema(
    "One row per quote cluster: the same words quoted in one or many articles, counted once.",
    "quote_cluster_id",
    [
        _field("quote_cluster_id", pa.string(), "Stable id of the cluster: a hash of its earliest quote."),
        _field("content", pa.string(), "Canonical words: the longest content among the cluster's quotes (the most complete form)."),
        _field("quote_type", pa.string(), "Type of the quote giving the canonical content.", allowed=QUOTE_TYPES),
        _field("speaker", pa.string(), "The speaker most sources give (ties: most quotes, then name); null when no quote is attributed.", nullable=True),
        _field(
            "speaker_entity_id",
            pa.string(),
            "Entity of that speaker; null when not a named entity.",
            nullable=True,
            references="entities.entity_id",
        ),
        _field("first_quote_id", pa.string(), "The cluster's earliest quote.", references="quotes.quote_id"),
        _field("first_article_id", pa.string(), "Article of the earliest quote (first seen).", references="articles.article_id"),
        _field("first_seen_date", pa.date32(), "Earliest publication date among its articles; null when none is dated.", nullable=True),
        _field("quotes", pa.int64(), "Number of quotes in the cluster."),
        _field("articles", pa.int64(), "Number of articles quoting these words."),
        _field("stories", pa.int64(), "Number of distinct stories quoting these words (copies of one story count once)."),
        _field("sources", pa.int64(), "Number of distinct outlets quoting these words; articles without a source are not counted."),
    ],
    key_enforced=False,
)

EVENT_CLUSTERS = _schema(
    "One row per event cluster: mentions of one real-world event across articles.",
    "event_cluster_id",
    [
        _field("event_cluster_id", pa.string(), "Stable id of the cluster: a hash of its earliest event."),
        _field("date_start", pa.date32(), "First calendar day of the event's date; null when unresolved.", nullable=True),
        _field("date_end", pa.date32(), "Last calendar day of the event's date; null when unresolved.", nullable=True),
        _field("trigger", pa.string(), "Trigger of the representative (earliest) mention."),
        _field("text", pa.string(), "Clause of the representative (earliest) mention, as written."),
        _field("first_event_id", pa.string(), "The representative (earliest) mention.", references="events.event_id"),
        _field("participants", pa.string(), "Canonical names of every entity in any mention's clause, sorted, separated by '; '; null when none.", nullable=True),
        _field("events", pa.int64(), "Number of mentions (events rows) in the cluster."),
        _field("articles", pa.int64(), "Number of articles reporting it."),
        _field("stories", pa.int64(), "Number of distinct stories reporting it."),
    ],
    key_enforced=False,
)

CLUSTER_KINDS = ("story", "quote", "event")

CLUSTER_INDEX = _schema(
    "The persisted near-duplicate index: each article, quote and event's fingerprint (copies of one text share it), and the "
    "keys of each text under its representative (its member with the smallest id), so a new text is compared only with "
    "those sharing a key.",
    "kind,member_id,band",
    [
        _field("kind", pa.string(), "What is indexed: story (an article's text), quote or event.", allowed=CLUSTER_KINDS),
        _field("member_id", pa.string(), "The article_id, quote_id or event_id indexed."),
        ARTICLE_ID,
        _field(
            "band",
            pa.int32(),
            "Which key: -1 the member's fingerprint; below -1 keys that join without comparison (an event's actors, or its places when it names none); "
            "0 and up keys that make candidates: MinHash bands (a quote's anchor 4-grams from 1000, its near-identity keys "
            "from 5000, in speaker role r at r * 10000 + band; an event's date-and-trigger block at 0).",
        ),
        _field("band_key", pa.int64(), "Hash of the band's number and MinHash values (or of the fingerprint, anchor, block or participant); equal keys make two members candidates."),
    ],
    key_enforced=False,
    served=False,
)

CLUSTER_LINKS = _schema(
    "Verified pairs of texts (candidates that passed the comparison), between their representatives; with the copies that share a fingerprint in cluster_index, clusters are their connected components.",
    "kind,member_id,linked_member_id",
    [
        _field("kind", pa.string(), "What is linked: story (articles), quote or event.", allowed=CLUSTER_KINDS),
        _field("member_id", pa.string(), "The smaller id of the pair (article_id, quote_id or event_id)."),
        ARTICLE_ID,
        _field("linked_member_id", pa.string(), "The larger id of the pair."),
        _field("linked_article_id", pa.string(), "The article of the larger id.", references="articles.article_id"),
    ],
)


@dataclass(frozen=True)
class Table:
    """A warehouse table: its name and its schema."""

    name: str
    schema: pa.Schema

    @property
    def description(self) -> str:
        return self.schema.metadata[b"description"].decode()

    @property
    def primary_key(self) -> tuple[str, ...]:
        return tuple(self.schema.metadata[b"primary_key"].decode().split(","))

    @property
    def key_enforced(self) -> bool:
        return self.schema.metadata.get(b"key_enforced", b"true") != b"false"

    @property
    def served(self) -> bool:
        return self.schema.metadata.get(b"served", b"true") != b"false"


# Load order: a table comes after every table it references.
TABLES: tuple[Table, ...] = (
    Table("articles", ARTICLES),
    Table("entities", ENTITIES),
    Table("entity_mentions", ENTITY_MENTIONS),
    Table("entity_aliases", ENTITY_ALIASES),
    Table("quotes", QUOTES),
    Table("temporal_expressions", TEMPORAL_EXPRESSIONS),
    Table("events", EVENTS),
    Table("event_participants", EVENT_PARTICIPANTS),
    Table("rejects", REJECTS),
    Table("runs", RUNS),
    Table("stories", STORIES),
    Table("quote_clusters", QUOTE_CLUSTERS),
    Table("event_clusters", EVENT_CLUSTERS),
    Table("cluster_index", CLUSTER_INDEX),
    Table("cluster_links", CLUSTER_LINKS),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
# Tables readers see (the served catalog and the Parquet lake); the others are the writer's own.
SERVED_TABLES = tuple(t for t in TABLES if t.served)
# Tables the load derives across articles (clusters and their index), never staged by a run.
CORPUS_TABLES = ("stories", "quote_clusters", "event_clusters", "cluster_index", "cluster_links")
# Tables a run extracts from articles and stages as Parquet before validation and load.
EXTRACTED_TABLES = tuple(t for t in TABLES if t.name not in ("runs", *CORPUS_TABLES))


def field_meta(field: pa.Field, key: str) -> str | None:
    """Return one metadata value of a field, or None when the field does not carry it."""
    if not field.metadata or key.encode() not in field.metadata:
        return None
    return field.metadata[key.encode()].decode()


def allowed_values(field: pa.Field) -> list[str] | None:
    """Return the allowed values of an enumerated text column, or None."""
    raw = field_meta(field, "allowed")
    return None if raw is None else json.loads(raw)


def span_tables() -> tuple[Table, ...]:
    """Tables whose rows carry char_start/char_end/text spans into articles.body."""
    return tuple(t for t in TABLES if {"char_start", "char_end", "text", "article_id"} <= set(t.schema.names))
