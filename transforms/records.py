"""Frozen record types, one per table row; their fields match the table schemas (a test checks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from transforms.corpus.ids import cluster_id


@dataclass(frozen=True)
class Article:
    article_id: str
    source_path: str
    source_record: int
    source_format: str
    file_sha256: str
    published_date: date | None
    crawled_at: datetime | None
    title: str | None
    body: str
    word_count: int
    extractor_version: str
    repairs: str | None
    original_text: str | None
    source: str | None = None
    # Before the load links it to its copies, an article is a story of its own.
    story_id: str = ""

    def __post_init__(self) -> None:
        if not self.story_id:
            object.__setattr__(self, "story_id", cluster_id("story", self.article_id))


@dataclass(frozen=True)
class Reject:
    reject_id: str
    source_path: str
    source_record: int
    file_sha256: str
    stage: str
    error_type: str
    reason: str
    rejected_at: datetime


@dataclass(frozen=True)
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str


@dataclass(frozen=True)
class EntityMention:
    mention_id: str
    article_id: str
    entity_id: str
    char_start: int
    char_end: int
    text: str
    role: str | None
    repaired_by: str | None


@dataclass(frozen=True)
class EntityAlias:
    article_id: str
    entity_id: str
    alias: str
    source: str


@dataclass(frozen=True)
class Quote:
    quote_id: str
    article_id: str
    char_start: int
    char_end: int
    text: str
    segments: list[dict[str, int]]
    content: str
    quote_type: str
    speaker: str | None
    speaker_entity_id: str | None
    cue: str | None
    is_uncertain: bool
    # The rules behind the row (defaults keep older positional constructors working).
    found_by: str = ""
    speaker_by: str | None = None
    quote_cluster_id: str = ""

    def __post_init__(self) -> None:
        if not self.quote_cluster_id:
            object.__setattr__(self, "quote_cluster_id", cluster_id("quote", self.quote_id))


@dataclass(frozen=True)
class TemporalExpression:
    timex_id: str
    article_id: str
    char_start: int
    char_end: int
    text: str
    timex_type: str
    value: str
    is_resolved: bool
    pattern: str


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    char_start: int
    char_end: int
    text: str
    trigger: str
    trigger_char_start: int
    trigger_char_end: int
    timex_id: str
    date_value: str | None
    date_start: date | None
    date_end: date | None
    event_cluster_id: str = ""
    # The rule that chose the trigger (transforms.time.event_rules; "nearest_verb": the climb's word).
    trigger_by: str = "nearest_verb"

    def __post_init__(self) -> None:
        if not self.event_cluster_id:
            object.__setattr__(self, "event_cluster_id", cluster_id("event", self.event_id))


@dataclass(frozen=True)
class EventParticipant:
    event_id: str
    article_id: str
    entity_id: str
