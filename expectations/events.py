"""Suite of ``events``: clause spans inside their bodies, trigger inside the clause, dates in a
sane range, article and time expression exist."""

from expectations.checks import Check, event_dates_sane, references, spans_match_body, trigger_inside_clause

CHECKS: dict[str, Check] = {
    "span_matches_body": spans_match_body("events"),
    "article_exists": references("events", "article_id", "articles", "article_id"),
    "timex_exists": references("events", "timex_id", "temporal_expressions", "timex_id"),
    "trigger_inside_clause": trigger_inside_clause,
    "dates_sane": event_dates_sane,
}
