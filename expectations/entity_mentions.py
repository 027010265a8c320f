"""Suite of ``entity_mentions``: spans inside their bodies, article and entity exist."""

from expectations.checks import Check, references, spans_match_body

CHECKS: dict[str, Check] = {
    "span_matches_body": spans_match_body("entity_mentions"),
    "article_exists": references("entity_mentions", "article_id", "articles", "article_id"),
    "entity_exists": references("entity_mentions", "entity_id", "entities", "entity_id"),
}
