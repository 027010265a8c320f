"""Suite of ``quotes``: spans inside their bodies, segments inside their quote, article and
speaker entity exist, a speaker entity always comes with the speaker's name."""

from expectations.checks import Check, references, segments_inside_quote, speaker_named_when_entity, spans_match_body

CHECKS: dict[str, Check] = {
    "span_matches_body": spans_match_body("quotes"),
    "segments_inside_quote": segments_inside_quote,
    "article_exists": references("quotes", "article_id", "articles", "article_id"),
    "speaker_entity_exists": references("quotes", "speaker_entity_id", "entities", "entity_id"),
    "speaker_named_when_entity": speaker_named_when_entity,
}
