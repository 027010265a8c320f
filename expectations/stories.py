"""Suite of ``stories``: derived by the load (``warehouse.corpus``), not staged; checked on the
warehouse's tables: the first article exists and belongs to the story, every article's story
resolves (see ``articles_story_resolves``), counts are positive."""

from expectations.checks import Check, positive_counts, references, story_first_article_belongs

CHECKS: dict[str, Check] = {
    "first_article_exists": references("stories", "first_article_id", "articles", "article_id"),
    "first_article_belongs": story_first_article_belongs,
    "counts_positive": positive_counts("stories", ("articles",)),
}
