"""Cluster a load's new articles, quotes and events against the warehouse's persisted index.

Runs inside the load's transaction (``warehouse.load``), so a killed load leaves index, links
and clusters as they were. For each kind ('story', 'quote', 'event'):

1. the new members' band keys go into ``cluster_index``;
2. members sharing a key with a new member are its candidates (one SQL join: no
   all-pairs comparison, the cost follows the candidates, not the warehouse's size);
3. each candidate pair is compared (``transforms.corpus``) and kept in ``cluster_links``;
4. the clusters a new member joins, merges or a replaced article leaves are recomputed as
   connected components of their links, each named by its earliest member; only members whose
   id changes are updated, and only those clusters' summary rows are rewritten.

The links are all verified candidate pairs, whatever the order members arrived in, so loading
the same files over two nights in either order gives the same clusters and ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from newsledger.schemas import TABLES_BY_NAME
from transforms.corpus.components import assign_clusters
from transforms.corpus.events import event_block_key, event_mention_of, is_same_event
from transforms.corpus.quotes import is_same_quote, quote_bands, quote_text_of
from transforms.corpus.stories import is_same_story, story_bands, story_text_of

_FAR_FUTURE = date.max
_LATEST = datetime.max


@dataclass(frozen=True)
class Kind:
    """One kind of cluster: which table holds its members and how it is summarised."""

    name: str
    table: str
    member: str
    cluster: str
    summary: str
    # Order of members within a cluster (earliest first); the same order in SQL and Python.
    order_sql: str


STORY = Kind("story", "articles", "article_id", "story_id", "stories", "published_date NULLS LAST, crawled_at NULLS LAST, article_id")
QUOTE = Kind("quote", "quotes", "quote_id", "quote_cluster_id", "quote_clusters",
             "published_date NULLS LAST, crawled_at NULLS LAST, article_id, char_start, quote_id")
EVENT = Kind("event", "events", "event_id", "event_cluster_id", "event_clusters",
             "published_date NULLS LAST, crawled_at NULLS LAST, article_id, char_start, event_id")
KINDS = (STORY, QUOTE, EVENT)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    return con.execute(sql, params or {}).fetchall()


def _temp(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    """(Re)create a temporary table from an Arrow table."""
    con.register("_arrow_in", table)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _arrow_in")
    finally:
        con.unregister("_arrow_in")


def _ids(values: Iterable[str]) -> pa.Table:
    return pa.table({"id": pa.array(sorted(set(values)), type=pa.string())})


def forget_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Before the articles in temp table ``replaced`` are deleted: note their clusters as dirty
    and drop their index keys and links."""
    con.execute("CREATE OR REPLACE TEMP TABLE dirty_clusters (kind VARCHAR, cluster_id VARCHAR)")
    for kind in KINDS:
        con.execute(
            f"INSERT INTO dirty_clusters SELECT DISTINCT $kind, {kind.cluster} FROM {kind.table} "
            "WHERE article_id IN (SELECT article_id FROM replaced)",
            {"kind": kind.name},
        )
    con.execute("DELETE FROM cluster_index WHERE article_id IN (SELECT article_id FROM replaced)")
    con.execute("DELETE FROM cluster_links WHERE article_id IN (SELECT article_id FROM replaced) OR linked_article_id IN (SELECT article_id FROM replaced)")


# --- what each kind compares ---------------------------------------------------------------


def _story_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    return {a: story_text_of(body) for a, body in _rows(con, "SELECT article_id, body FROM articles WHERE article_id IN (SELECT id FROM _wanted)")}


def _quote_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    rows = _rows(con, "SELECT quote_id, content, quote_type, coalesce(speaker_entity_id, speaker) FROM quotes WHERE quote_id IN (SELECT id FROM _wanted)")
    return {q: quote_text_of(content, quote_type, speaker) for q, content, quote_type, speaker in rows}


def _event_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    rows = _rows(
        con,
        "SELECT e.event_id, e.text, list_sort(list(p.entity_id) FILTER (WHERE p.entity_id IS NOT NULL)) FROM events e "
        "LEFT JOIN event_participants p USING (event_id) WHERE e.event_id IN (SELECT id FROM _wanted) GROUP BY e.event_id, e.text",
    )
    return {e: event_mention_of(text, frozenset(who or ())) for e, text, who in rows}


def _story_keys(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    texts = _story_texts(con, ids)
    members = sorted(texts)
    return dict(zip(members, story_bands([texts[m] for m in members]), strict=True))


def _quote_keys(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    texts = _quote_texts(con, ids)
    members = sorted(texts)
    return dict(zip(members, quote_bands([texts[m] for m in members]), strict=True))


def _event_keys(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    _temp(con, "_wanted", _ids(ids))
    rows = _rows(con, "SELECT event_id, date_start, date_end, trigger FROM events WHERE event_id IN (SELECT id FROM _wanted)")
    keys = {}
    for event_id, start, end, trigger in rows:
        key = event_block_key(start, end, trigger)
        keys[event_id] = [] if key is None else [(0, key)]
    return keys


@dataclass(frozen=True)
class Comparison:
    """How one kind finds its keys, reads what it compares and compares a pair."""

    keys: Callable[[duckdb.DuckDBPyConnection, Sequence[str]], dict[str, list[tuple[int, int]]]]
    texts: Callable[[duckdb.DuckDBPyConnection, Sequence[str]], dict[str, Any]]
    same: Callable[[Any, Any], bool]


COMPARISONS = {
    "story": Comparison(_story_keys, _story_texts, is_same_story),
    "quote": Comparison(_quote_keys, _quote_texts, is_same_quote),
    "event": Comparison(_event_keys, _event_texts, is_same_event),
}


# --- one kind --------------------------------------------------------------------------------


def _index_new_members(con: duckdb.DuckDBPyConnection, kind: Kind, new_ids: Sequence[str]) -> None:
    keys = COMPARISONS[kind.name].keys(con, new_ids)
    _temp(con, "_members", _ids(new_ids))
    owners = dict(_rows(con, f"SELECT {kind.member}, article_id FROM {kind.table} WHERE {kind.member} IN (SELECT id FROM _members)"))
    rows = [(kind.name, m, owners[m], band, key) for m in sorted(keys) for band, key in keys[m]]
    index = pa.table(
        {name: pa.array([r[i] for r in rows], type=TABLES_BY_NAME["cluster_index"].schema.field(name).type) for i, name in enumerate(TABLES_BY_NAME["cluster_index"].schema.names)}
    )
    _temp(con, "_new_index", index)
    con.execute("INSERT OR IGNORE INTO cluster_index SELECT * FROM _new_index")


def _link_candidates(con: duckdb.DuckDBPyConnection, kind: Kind) -> int:
    """Compare each new member with the members sharing a band key; keep the pairs that match."""
    pairs = _rows(
        con,
        "SELECT DISTINCT least(n.member_id, o.member_id), greatest(n.member_id, o.member_id) FROM cluster_index n "
        "JOIN cluster_index o ON o.kind = n.kind AND o.band_key = n.band_key AND o.member_id <> n.member_id "
        "WHERE n.kind = $kind AND n.member_id IN (SELECT id FROM _members) ORDER BY 1, 2",
        {"kind": kind.name},
    )
    if not pairs:
        return 0
    comparison = COMPARISONS[kind.name]
    texts = comparison.texts(con, sorted({m for pair in pairs for m in pair}))
    kept = [(a, b) for a, b in pairs if a in texts and b in texts and comparison.same(texts[a], texts[b])]
    _temp(con, "_links", pa.table({"a": pa.array([a for a, _ in kept], pa.string()), "b": pa.array([b for _, b in kept], pa.string())}))
    con.execute(
        f"INSERT OR IGNORE INTO cluster_links SELECT $kind, l.a, ta.article_id, l.b, tb.article_id FROM _links l "
        f"JOIN {kind.table} ta ON ta.{kind.member} = l.a JOIN {kind.table} tb ON tb.{kind.member} = l.b",
        {"kind": kind.name},
    )
    return len(kept)


def _order_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Python's twin of Kind.order_sql: nulls last, then the remaining columns as they are."""
    published, crawled, *rest = row
    return (published is None, published or _FAR_FUTURE, crawled is None, crawled or _LATEST, *rest)


def _recluster(con: duckdb.DuckDBPyConnection, kind: Kind) -> list[str]:
    """Recompute the clusters touched by new members, new links and replaced articles.

    Returns the cluster ids whose summary rows must be rewritten (before and after).
    """
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _affected_clusters AS "
        f"SELECT cluster_id FROM dirty_clusters WHERE kind = $kind "
        f"UNION SELECT {kind.cluster} FROM {kind.table} WHERE {kind.member} IN (SELECT id FROM _members) "
        f"UNION SELECT t.{kind.cluster} FROM cluster_links l JOIN {kind.table} t ON t.{kind.member} IN (l.member_id, l.linked_member_id) "
        f"WHERE l.kind = $kind AND (l.member_id IN (SELECT id FROM _members) OR l.linked_member_id IN (SELECT id FROM _members))",
        {"kind": kind.name},
    )
    base = "" if kind is STORY else " JOIN articles a USING (article_id)"
    extra = "" if kind is STORY else ", t.char_start"
    prefix = "" if kind is STORY else "a."
    rows = _rows(
        con,
        f"SELECT t.{kind.member}, t.{kind.cluster}, {prefix}published_date, {prefix}crawled_at, t.article_id{extra} FROM {kind.table} t{base} "
        f"WHERE t.{kind.cluster} IN (SELECT cluster_id FROM _affected_clusters) OR t.{kind.member} IN (SELECT id FROM _members)",
    )
    current = {r[0]: r[1] for r in rows}
    order = {r[0]: _order_key((*r[2:], r[0])) for r in rows}
    _temp(con, "_affected_members", _ids(current))
    links = _rows(
        con,
        "SELECT member_id, linked_member_id FROM cluster_links WHERE kind = $kind AND member_id IN (SELECT id FROM _affected_members)",
        {"kind": kind.name},
    )
    assigned = assign_clusters(kind.name, current, links, order.__getitem__)
    changed = {m: c for m, c in assigned.items() if current[m] != c}
    if changed:
        members = sorted(changed)
        _temp(con, "_reassigned", pa.table({"member": pa.array(members, pa.string()), "cluster": pa.array([changed[m] for m in members], pa.string())}))
        con.execute(f"UPDATE {kind.table} SET {kind.cluster} = r.cluster FROM _reassigned r WHERE {kind.table}.{kind.member} = r.member")
    before = {c for (c,) in _rows(con, "SELECT cluster_id FROM _affected_clusters")}
    if kind is STORY:
        _temp(con, "_story_changed", _ids(changed))
    return sorted(before | set(assigned.values()))


# --- summaries -------------------------------------------------------------------------------

_SUMMARY_SQL = {
    "stories": f"""
        WITH members AS (
            SELECT * FROM articles WHERE story_id IN (SELECT id FROM _summarise)
        )
        SELECT
            story_id,
            first(article_id ORDER BY {STORY.order_sql}) AS first_article_id,
            first(title ORDER BY {STORY.order_sql}) FILTER (WHERE title IS NOT NULL) AS title,
            min(published_date) AS first_published_date,
            max(published_date) AS last_published_date,
            count(*) AS articles,
            count(DISTINCT source) AS sources
        FROM members
        GROUP BY story_id
    """,
    "quote_clusters": f"""
        WITH members AS (
            SELECT q.*, a.published_date, a.crawled_at, a.source, a.story_id
            FROM quotes q JOIN articles a USING (article_id)
            WHERE q.quote_cluster_id IN (SELECT id FROM _summarise)
        ),
        votes AS (
            SELECT quote_cluster_id, speaker, speaker_entity_id,
                   count(DISTINCT coalesce(source, 'article:' || article_id)) AS outlets, count(*) AS quotes
            FROM members WHERE speaker IS NOT NULL
            GROUP BY ALL
        ),
        speakers AS (
            SELECT quote_cluster_id,
                   first(speaker ORDER BY outlets DESC, quotes DESC, speaker, speaker_entity_id NULLS LAST) AS speaker,
                   first(speaker_entity_id ORDER BY outlets DESC, quotes DESC, speaker, speaker_entity_id NULLS LAST) AS speaker_entity_id
            FROM votes GROUP BY quote_cluster_id
        ),
        clusters AS (
            SELECT
                quote_cluster_id,
                first(content ORDER BY length(content) DESC, {QUOTE.order_sql}) AS content,
                first(quote_type ORDER BY length(content) DESC, {QUOTE.order_sql}) AS quote_type,
                first(quote_id ORDER BY {QUOTE.order_sql}) AS first_quote_id,
                first(article_id ORDER BY {QUOTE.order_sql}) AS first_article_id,
                min(published_date) AS first_seen_date,
                count(*) AS quotes,
                count(DISTINCT article_id) AS articles,
                count(DISTINCT story_id) AS stories,
                count(DISTINCT source) AS sources
            FROM members GROUP BY quote_cluster_id
        )
        SELECT c.quote_cluster_id, c.content, c.quote_type, s.speaker, s.speaker_entity_id, c.first_quote_id, c.first_article_id,
               c.first_seen_date, c.quotes, c.articles, c.stories, c.sources
        FROM clusters c LEFT JOIN speakers s USING (quote_cluster_id)
    """,
    "event_clusters": f"""
        WITH members AS (
            SELECT e.*, a.published_date, a.crawled_at, a.story_id
            FROM events e JOIN articles a USING (article_id)
            WHERE e.event_cluster_id IN (SELECT id FROM _summarise)
        ),
        names AS (
            SELECT m.event_cluster_id, string_agg(DISTINCT en.canonical_name, '; ' ORDER BY en.canonical_name) AS participants
            FROM members m JOIN event_participants p USING (event_id) JOIN entities en USING (entity_id)
            GROUP BY m.event_cluster_id
        ),
        clusters AS (
            SELECT
                event_cluster_id,
                first(date_start ORDER BY {EVENT.order_sql}) AS date_start,
                first(date_end ORDER BY {EVENT.order_sql}) AS date_end,
                first(trigger ORDER BY {EVENT.order_sql}) AS trigger,
                first(text ORDER BY {EVENT.order_sql}) AS text,
                first(event_id ORDER BY {EVENT.order_sql}) AS first_event_id,
                count(*) AS events,
                count(DISTINCT article_id) AS articles,
                count(DISTINCT story_id) AS stories
            FROM members GROUP BY event_cluster_id
        )
        SELECT c.event_cluster_id, c.date_start, c.date_end, c.trigger, c.text, c.first_event_id, n.participants, c.events, c.articles, c.stories
        FROM clusters c LEFT JOIN names n USING (event_cluster_id)
    """,
}


def _summarise(con: duckdb.DuckDBPyConnection, kind: Kind, cluster_ids: Sequence[str]) -> None:
    """Rewrite the summary rows of these clusters (a cluster left without members loses its row)."""
    _temp(con, "_summarise", _ids(cluster_ids))
    key = TABLES_BY_NAME[kind.summary].primary_key[0]
    con.execute(f"DELETE FROM {kind.summary} WHERE {key} IN (SELECT id FROM _summarise)")
    columns = ", ".join(TABLES_BY_NAME[kind.summary].schema.names)
    con.execute(f"INSERT INTO {kind.summary} ({columns}) {_SUMMARY_SQL[kind.summary]}")


@dataclass(frozen=True)
class ClusterSummary:
    """What clustering did in one load."""

    links: dict[str, int]
    touched_months: frozenset[str]


def cluster_new_articles(con: duckdb.DuckDBPyConnection, new_articles: Sequence[str], month_sql: str) -> ClusterSummary:
    """Index, link and cluster the members of ``new_articles`` (already inserted) and repair the
    clusters that replaced articles left (``forget_articles`` noted them).

    Args:
        con: the load's connection, inside its transaction.
        new_articles: ids of the articles this load inserted.
        month_sql: SQL expression of an article's lake partition (over ``articles``).

    Returns:
        Links made per kind, and the publication months whose rows changed.
    """
    con.execute("CREATE TEMP TABLE IF NOT EXISTS dirty_clusters (kind VARCHAR, cluster_id VARCHAR)")
    _temp(con, "_new_articles", _ids(new_articles))
    _temp(con, "_story_changed", _ids(()))
    links: dict[str, int] = {}
    touched_articles: set[str] = set()
    for kind in KINDS:
        new_ids = [m for (m,) in _rows(con, f"SELECT {kind.member} FROM {kind.table} WHERE article_id IN (SELECT id FROM _new_articles)")]
        _index_new_members(con, kind, new_ids)
        links[kind.name] = _link_candidates(con, kind)
        summarise = set(_recluster(con, kind))
        if kind is not STORY:
            # A story merge changes the story count of the quotes and events in its articles.
            summarise |= {c for (c,) in _rows(con, f"SELECT DISTINCT {kind.cluster} FROM {kind.table} WHERE article_id IN (SELECT id FROM _story_changed)")}
        _summarise(con, kind, sorted(summarise))
        _temp(con, "_summarised", _ids(summarise))
        touched_articles |= {a for (a,) in _rows(con, f"SELECT DISTINCT article_id FROM {kind.table} WHERE {kind.cluster} IN (SELECT id FROM _summarised)")}
    _temp(con, "_touched", _ids(touched_articles))
    months = frozenset(m for (m,) in _rows(con, f"SELECT DISTINCT {month_sql} FROM articles WHERE article_id IN (SELECT id FROM _touched)"))
    con.execute("DELETE FROM dirty_clusters")
    return ClusterSummary(links, months)
