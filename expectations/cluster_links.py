"""Suite of ``cluster_links``: derived by the load, not staged; both articles exist and each pair
is stored once, smaller id first."""

from expectations.checks import Check, links_ordered, references

CHECKS: dict[str, Check] = {
    "article_exists": references("cluster_links", "article_id", "articles", "article_id"),
    "linked_article_exists": references("cluster_links", "linked_article_id", "articles", "article_id"),
    "pair_ordered": links_ordered,
}
