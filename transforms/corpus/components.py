"""Clusters as connected components of verified links, each named by its earliest member."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from transforms.corpus.ids import cluster_id

K = TypeVar("K", bound=Hashable)


def components(members: Iterable[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of ``members`` under ``links`` (links to non-members are ignored).

    The result does not depend on the order of members or links: components are sorted lists,
    in order of their smallest member.
    """
    parent = {m: m for m in members}

    def find(m: str) -> str:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for m in parent:
        groups.setdefault(find(m), []).append(m)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def cluster_roots(members: Iterable[str], links: Iterable[tuple[str, str]], order: Callable[[str], K]) -> dict[str, str]:
    """The root of every member: its component's earliest member by ``order``.

    Args:
        members: the members to cluster.
        links: verified pairs.
        order: sort key of a member; the smallest is the component's root. It must be a total
            order (end it with the member's id) so that the root is the same in every run.
    """
    roots: dict[str, str] = {}
    for group in components(members, links):
        root = min(group, key=order)
        for member in group:
            roots[member] = root
    return roots


def assign_clusters(kind: str, members: Iterable[str], links: Iterable[tuple[str, str]], order: Callable[[str], K]) -> dict[str, str]:
    """Cluster id of every member: the id of its component's earliest member by ``order``.

    Args:
        kind: 'story', 'quote' or 'event' (part of the id).
        members: the members to cluster.
        links: verified pairs.
        order: as in ``cluster_roots``.
    """
    return {member: cluster_id(kind, root) for member, root in cluster_roots(members, links, order).items()}
