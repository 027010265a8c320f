"""Suite of ``event_participants``: every event, article and entity exists."""

from expectations.checks import Check, references

CHECKS: dict[str, Check] = {
    "event_exists": references("event_participants", "event_id", "events", "event_id"),
    "article_exists": references("event_participants", "article_id", "articles", "article_id"),
    "entity_exists": references("event_participants", "entity_id", "entities", "entity_id"),
}
