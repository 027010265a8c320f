"""Suite of ``cluster_index``: derived by the load, not staged; every key's article exists."""

from expectations.checks import Check, references

CHECKS: dict[str, Check] = {
    "article_exists": references("cluster_index", "article_id", "articles", "article_id"),
}
