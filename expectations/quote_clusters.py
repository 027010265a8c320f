"""Suite of ``quote_clusters``: derived by the load (``warehouse.corpus``), not staged; checked on
the warehouse's tables: first quote, article and speaker entity exist, counts are positive and
ordered (quotes >= articles >= stories)."""

from expectations.checks import Check, cluster_counts_ordered, positive_counts, references

CHECKS: dict[str, Check] = {
    "first_quote_exists": references("quote_clusters", "first_quote_id", "quotes", "quote_id"),
    "first_article_exists": references("quote_clusters", "first_article_id", "articles", "article_id"),
    "speaker_entity_exists": references("quote_clusters", "speaker_entity_id", "entities", "entity_id"),
    "counts_positive": positive_counts("quote_clusters", ("quotes", "articles", "stories")),
    "counts_ordered": cluster_counts_ordered("quote_clusters", "quotes"),
}
