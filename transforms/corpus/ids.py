"""Cluster ids: a hash of the cluster's root member, so the id depends on the members alone."""

from __future__ import annotations

from transforms.run.ids import stable_id


def cluster_id(kind: str, root_member_id: str) -> str:
    """The id of a cluster of ``kind`` ('story', 'quote', 'event') whose earliest member is ``root_member_id``.

    A member alone in its cluster gets ``cluster_id(kind, its own id)``, the id extraction
    writes before the load links it to others.

    Examples:
        cluster_id("story", "a1") == cluster_id("story", "a1") != cluster_id("quote", "a1")
    """
    return stable_id(kind, root_member_id)
