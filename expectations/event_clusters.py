"""Suite of ``event_clusters``: derived by the load (``warehouse.corpus``), not staged; checked on
the warehouse's tables: the representative event exists, counts are positive and ordered."""

from expectations.checks import Check, cluster_counts_ordered, positive_counts, references

CHECKS: dict[str, Check] = {
    "first_event_exists": references("event_clusters", "first_event_id", "events", "event_id"),
    "counts_positive": positive_counts("event_clusters", ("events", "articles", "stories")),
    "counts_ordered": cluster_counts_ordered("event_clusters", "events"),
}
