"""Suite of ``temporal_expressions``: spans inside their bodies, article exists."""

from expectations.checks import Check, references, spans_match_body

CHECKS: dict[str, Check] = {
    "span_matches_body": spans_match_body("temporal_expressions"),
    "article_exists": references("temporal_expressions", "article_id", "articles", "article_id"),
}
