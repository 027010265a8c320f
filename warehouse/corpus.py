"""Cluster a load's new articles, quotes and events against the warehouse's persisted index.

Runs inside the load's transaction (``warehouse.load``), so a killed load leaves index, links
and clusters as they were. For each kind ('story', 'quote', 'event'):

1. every member's fingerprint is in ``cluster_index`` (``TWIN_BAND``): members with one
   fingerprint are copies of one text (a reprint's quotes, a wire copy) and share a cluster
   with no comparison. Each text keeps its other keys and its links under one
   representative, its member with the smallest id, so a quote carried by thousands of
   copies costs one index row per copy, not one comparison or link per pair of copies;
2. a text the load creates or changes (a new text, a new representative, a copy that adds a
   speaker, a copy that left) gets its keys again, and the representatives sharing a key
   with it are its candidates (one SQL join: no all-pairs comparison; the cost follows the
   texts among the candidates, not the warehouse's size); a new copy of an unchanged text
   costs its fingerprint row only;
3. each candidate pair is compared (``transforms.corpus``) and kept in ``cluster_links``;
   keys in the bands below TWIN_BAND (an event's participants) join without comparison;
4. the clusters a new member joins, merges or a replaced article leaves are recomputed as
   connected components of their texts (SQL groups the copies; Python sees one node per
   text), each named by its earliest member; only members whose id changes are updated, and
   only those clusters' summary rows are rewritten.

Representatives are the smallest ids and links are all verified candidate pairs of texts,
whatever the order members arrived in, so loading the same files over two nights in either
order gives the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from newsledger.core.schemas import TABLES_BY_NAME
from transforms.corpus.components import cluster_roots
from transforms.corpus.events import WHO_TYPES, event_block_key, event_fingerprint, event_keys, event_mention_of, is_same_event
from transforms.corpus.ids import cluster_id
from transforms.corpus.quotes import is_same_quote, quote_fingerprint, quote_keys, quote_text_of, with_speakers
from transforms.corpus.signatures import TWIN_BAND, IndexKeys, symmetric_keys
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


def index_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """False when ``cluster_index`` holds keys but no fingerprints: an index newsledger 0.3.0 built
    before texts had representatives, which new keys would never meet."""
    return not con.execute(
        "SELECT EXISTS (SELECT 1 FROM cluster_index WHERE band <> $twin) AND NOT EXISTS (SELECT 1 FROM cluster_index WHERE band = $twin)",
        {"twin": TWIN_BAND},
    ).fetchone()[0]


def forget_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Before the articles in temp table ``replaced`` are deleted: note their clusters as dirty
    and the texts they leave as changed, and drop their index keys and links."""
    con.execute("CREATE OR REPLACE TEMP TABLE dirty_clusters (kind VARCHAR, cluster_id VARCHAR)")
    for kind in KINDS:
        con.execute(
            f"INSERT INTO dirty_clusters SELECT DISTINCT $kind, {kind.cluster} FROM {kind.table} "
            "WHERE article_id IN (SELECT article_id FROM replaced)",
            {"kind": kind.name},
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE forgotten_texts AS SELECT DISTINCT kind, band_key FROM cluster_index "
        "WHERE band = $twin AND article_id IN (SELECT article_id FROM replaced)",
        {"twin": TWIN_BAND},
    )
    con.execute("DELETE FROM cluster_index WHERE article_id IN (SELECT article_id FROM replaced)")
    con.execute("DELETE FROM cluster_links WHERE article_id IN (SELECT article_id FROM replaced) OR linked_article_id IN (SELECT article_id FROM replaced)")


# --- what each kind compares ---------------------------------------------------------------


def _once(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make`` called once per distinct arguments: copies carry the same text many times."""
    made: dict[tuple[Any, ...], Any] = {}

    def cached(*args: Any) -> Any:
        if args not in made:
            made[args] = make(*args)
        return made[args]

    return cached


def _story_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    text_of = _once(story_text_of)
    return {a: text_of(body) for a, body in _rows(con, "SELECT article_id, body FROM articles WHERE article_id IN (SELECT id FROM _wanted)")}


def _quote_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    rows = _rows(con, "SELECT quote_id, content, quote_type, coalesce(speaker_entity_id, speaker) FROM quotes WHERE quote_id IN (SELECT id FROM _wanted)")
    text_of = _once(quote_text_of)
    return {q: text_of(content, quote_type, speaker) for q, content, quote_type, speaker in rows}


def _event_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Any]:
    _temp(con, "_wanted", _ids(ids))
    rows = _rows(
        con,
        "SELECT e.event_id, e.text, e.date_start, e.date_end, e.trigger, "
        "list(p.entity_id) FILTER (WHERE p.entity_id IS NOT NULL AND en.entity_type IN $who), "
        "list(p.entity_id) FILTER (WHERE p.entity_id IS NOT NULL AND en.entity_type NOT IN $who) "
        "FROM events e LEFT JOIN event_participants p USING (event_id) LEFT JOIN entities en USING (entity_id) "
        "WHERE e.event_id IN (SELECT id FROM _wanted) GROUP BY e.event_id, e.text, e.date_start, e.date_end, e.trigger",
        {"who": sorted(WHO_TYPES)},
    )
    block_of, mention_of = _once(event_block_key), _once(event_mention_of)
    return {e: mention_of(text, frozenset(who or ()), block_of(start, end, trigger), frozenset(where or ()))
            for e, text, start, end, trigger, who, where in rows}


def _story_keys(texts: Sequence[Any]) -> list[IndexKeys]:
    return [symmetric_keys(keys) for keys in story_bands(texts)]


def _event_keys(texts: Sequence[Any]) -> list[IndexKeys]:
    return [event_keys(t) for t in texts]


@dataclass(frozen=True)
class Comparison:
    """How one kind reads, groups, keys and compares its members.

    Attributes:
        texts: the texts of some members, read from the warehouse.
        fingerprint: the key of a member's group of copies (None: a group of its own).
        keys: the index rows and look-ups of each text.
        same: whether two texts are one cluster.
        attribute_sql: a member column that may differ between copies of one text (a quote's
            speaker); a text's value is then the set over its copies, given by ``with_attribute``.
        with_attribute: a text with the set of its copies' attribute values.
    """

    texts: Callable[[duckdb.DuckDBPyConnection, Sequence[str]], dict[str, Any]]
    fingerprint: Callable[[Any], int | None]
    keys: Callable[[Sequence[Any]], list[IndexKeys]]
    same: Callable[[Any, Any], bool]
    attribute_sql: str | None = None
    with_attribute: Callable[[Any, frozenset[Any]], Any] | None = None


COMPARISONS = {
    "story": Comparison(_story_texts, lambda text: text.fingerprint, _story_keys, is_same_story),
    "quote": Comparison(_quote_texts, quote_fingerprint, quote_keys, is_same_quote, "coalesce(t.speaker_entity_id, t.speaker)", with_speakers),
    "event": Comparison(_event_texts, event_fingerprint, _event_keys, is_same_event),
}


# --- one kind --------------------------------------------------------------------------------

_INDEX_SCHEMA = TABLES_BY_NAME["cluster_index"].schema


def _insert_index(con: duckdb.DuckDBPyConnection, kind: str, members: list[str], articles: list[str], bands: list[int], keys: list[int]) -> None:
    """Insert rows into ``cluster_index``, given column by column."""
    if not members:
        return
    columns = {"kind": [kind] * len(members), "member_id": members, "article_id": articles, "band": bands, "band_key": keys}
    _temp(con, "_new_index", pa.table({name: pa.array(columns[name], type=_INDEX_SCHEMA.field(name).type) for name in _INDEX_SCHEMA.names}))
    con.execute("INSERT INTO cluster_index SELECT * FROM _new_index")


def _attribute_sets(con: duckdb.DuckDBPyConnection, kind: Kind, comparison: Comparison) -> dict[int, tuple[frozenset[Any], frozenset[Any]]]:
    """Per text in temp table ``_texts_wanted`` (by fingerprint): the set of its copies' attribute
    values, and that set without this load's new members."""
    rows = _rows(
        con,
        f"SELECT w.band_key, list(DISTINCT {comparison.attribute_sql}) FILTER (WHERE {comparison.attribute_sql} IS NOT NULL), "
        f"bool_or({comparison.attribute_sql} IS NULL), "
        f"list(DISTINCT {comparison.attribute_sql}) FILTER (WHERE {comparison.attribute_sql} IS NOT NULL AND t.{kind.member} NOT IN (SELECT id FROM _members)), "
        f"bool_or({comparison.attribute_sql} IS NULL AND t.{kind.member} NOT IN (SELECT id FROM _members)) "
        f"FROM _texts_wanted w JOIN cluster_index i ON i.kind = $kind AND i.band = $twin AND i.band_key = w.band_key "
        f"JOIN {kind.table} t ON t.{kind.member} = i.member_id GROUP BY w.band_key",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    return {key: (frozenset(now or ()) | ({None} if now_null else set()), frozenset(before or ()) | ({None} if before_null else set()))
            for key, now, now_null, before, before_null in rows}


@dataclass(frozen=True)
class Indexed:
    """What indexing a load's new members of one kind did."""

    texts: dict[str, Any]  # texts (of members and of representatives with their copies' attributes)
    changed: list[str]  # representatives of texts keyed again (compared with their candidates)


def _index_new_members(con: duckdb.DuckDBPyConnection, kind: Kind, new_ids: Sequence[str]) -> Indexed:
    """Put the new members' fingerprints into the index and key again the texts that changed."""
    comparison = COMPARISONS[kind.name]
    texts = comparison.texts(con, new_ids)
    _temp(con, "_members", _ids(new_ids))
    owners = dict(_rows(con, f"SELECT {kind.member}, article_id FROM {kind.table} WHERE {kind.member} IN (SELECT id FROM _members)"))
    fingerprints = {m: comparison.fingerprint(texts[m]) for m in sorted(texts)}
    copies = [m for m, f in fingerprints.items() if f is not None]
    _insert_index(con, kind.name, copies, [owners[m] for m in copies], [TWIN_BAND] * len(copies), [fingerprints[m] for m in copies])
    # Each text a new member joins or a replaced article left: its representative (smallest
    # id), the member holding its keys, whether it has members from before this load.
    # (The new members' fingerprints are known here: reading them back would scan the index.)
    _temp(con, "_new_fingerprints", pa.table({"band_key": pa.array(sorted({fingerprints[m] for m in copies}), pa.int64())}))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _texts_wanted AS "
        "SELECT band_key FROM _new_fingerprints UNION SELECT band_key FROM forgotten_texts WHERE kind = $kind",
        {"kind": kind.name},
    )
    state = _rows(
        con,
        "WITH copies AS (SELECT i.band_key, i.member_id FROM cluster_index i WHERE i.kind = $kind AND i.band = $twin "
        "                AND i.band_key IN (SELECT band_key FROM _texts_wanted)), "
        "holders AS (SELECT DISTINCT member_id FROM cluster_index WHERE kind = $kind AND band <> $twin AND member_id IN (SELECT member_id FROM copies)) "
        "SELECT c.band_key, min(c.member_id), min(h.member_id), min(c.member_id) FILTER (WHERE c.member_id NOT IN (SELECT id FROM _members)), "
        "       c.band_key IN (SELECT band_key FROM forgotten_texts WHERE kind = $kind) "
        "FROM copies c LEFT JOIN holders h USING (member_id) GROUP BY c.band_key",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    attributes = _attribute_sets(con, kind, comparison) if comparison.attribute_sql else {}
    stale = {key: (representative, holder) for key, representative, holder, _, forgotten in state
             if forgotten or holder != representative or (key in attributes and attributes[key][0] != attributes[key][1])}
    known = sorted(earlier for _, _, _, earlier, _ in state if earlier is not None)
    changed = sorted(representative for representative, _ in stale.values())
    # Texts keyed again lose their old rows and links; their new keys follow their copies.
    _temp(con, "_holders", _ids(holder for _, holder in stale.values() if holder is not None))
    con.execute("DELETE FROM cluster_index WHERE kind = $kind AND band <> $twin AND member_id IN (SELECT id FROM _holders)", {"kind": kind.name, "twin": TWIN_BAND})
    con.execute(
        "DELETE FROM cluster_links WHERE kind = $kind AND (member_id IN (SELECT id FROM _holders) OR linked_member_id IN (SELECT id FROM _holders))",
        {"kind": kind.name},
    )
    missing = [m for m in changed if m not in texts]
    if missing:
        texts.update(comparison.texts(con, missing))
        _temp(con, "_owners_wanted", _ids(missing))
        owners.update(_rows(con, f"SELECT {kind.member}, article_id FROM {kind.table} WHERE {kind.member} IN (SELECT id FROM _owners_wanted)"))
    if comparison.with_attribute is not None:
        for key, (representative, _) in stale.items():
            texts[representative] = comparison.with_attribute(texts[representative], attributes[key][0])
    keys = comparison.keys([texts[m] for m in changed])
    rows: dict[str, list[Any]] = {"members": [], "articles": [], "bands": [], "keys": [], "probers": [], "probes": []}
    for member, own in zip(changed, keys, strict=True):
        rows["members"] += [member] * len(own.stored)
        rows["articles"] += [owners[member]] * len(own.stored)
        rows["bands"] += [band for band, _ in own.stored]
        rows["keys"] += [key for _, key in own.stored]
        rows["probers"] += [member] * len(own.probes)
        rows["probes"] += own.probes
    _insert_index(con, kind.name, rows["members"], rows["articles"], rows["bands"], rows["keys"])
    _temp(con, "_probes", pa.table({"member_id": pa.array(rows["probers"], pa.string()), "band_key": pa.array(rows["probes"], pa.int64())}))
    _temp(con, "_changed_texts", _ids(changed))
    _temp(con, "_known", _ids(known))
    return Indexed(texts, changed)


def _text_of_representatives(con: duckdb.DuckDBPyConnection, kind: Kind, representatives: Sequence[str]) -> dict[str, Any]:
    """Texts of representatives, with their copies' attribute values when the kind has one."""
    comparison = COMPARISONS[kind.name]
    texts = comparison.texts(con, representatives)
    if comparison.attribute_sql is None or comparison.with_attribute is None or not texts:
        return texts
    _temp(con, "_representatives", _ids(texts))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _texts_wanted AS SELECT band_key, member_id FROM cluster_index "
        "WHERE kind = $kind AND band = $twin AND member_id IN (SELECT id FROM _representatives)",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    representative_of = dict(_rows(con, "SELECT band_key, member_id FROM _texts_wanted"))
    attributes = _attribute_sets(con, kind, comparison)
    for key, (values, _) in attributes.items():
        member = representative_of[key]
        texts[member] = comparison.with_attribute(texts[member], values)
    return texts


def _link_candidates(con: duckdb.DuckDBPyConnection, kind: Kind, indexed: Indexed) -> int:
    """Compare each text keyed again with the representatives its look-ups find; keep the pairs that match."""
    pairs = _rows(
        con,
        "SELECT DISTINCT least(p.member_id, o.member_id), greatest(p.member_id, o.member_id) FROM _probes p "
        "JOIN cluster_index o ON o.kind = $kind AND o.band_key = p.band_key AND o.band >= 0 AND o.member_id <> p.member_id ORDER BY 1, 2",
        {"kind": kind.name},
    )
    if not pairs:
        return 0
    comparison = COMPARISONS[kind.name]
    texts = {m: indexed.texts[m] for m in indexed.changed}
    missing = sorted({m for pair in pairs for m in pair} - texts.keys())
    if missing:
        texts.update(_text_of_representatives(con, kind, missing))
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


def _member_sql(kind: Kind) -> str:
    """Members with their cluster and the columns of Kind.order_sql."""
    if kind is STORY:
        return f"SELECT t.{kind.member} AS member, t.{kind.cluster} AS cluster, t.published_date, t.crawled_at, t.article_id FROM {kind.table} t"
    return (f"SELECT t.{kind.member} AS member, t.{kind.cluster} AS cluster, a.published_date, a.crawled_at, t.article_id, t.char_start, "
            f"t.{kind.member} FROM {kind.table} t JOIN articles a USING (article_id)")


def _recluster(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    """Recompute the clusters touched by new members, new links and replaced articles.

    Leaves temp table ``_summarise_ids`` with the cluster ids whose summary rows must be
    rewritten (before and after), and ``_changed`` with the members whose id changed.
    """
    # A member of each cluster a new member reaches: the earlier copies of its text, the texts
    # linked to a text keyed again, one member per participant key such a text shares (all
    # members sharing a key are in one cluster already).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _reached AS SELECT id FROM _known "
        "UNION SELECT linked_member_id FROM cluster_links WHERE kind = $kind AND member_id IN (SELECT id FROM _changed_texts) "
        "UNION SELECT member_id FROM cluster_links WHERE kind = $kind AND linked_member_id IN (SELECT id FROM _changed_texts) "
        "UNION SELECT min(member_id) FROM cluster_index WHERE kind = $kind AND band < $twin "
        "AND band_key IN (SELECT band_key FROM cluster_index WHERE kind = $kind AND band < $twin AND member_id IN (SELECT id FROM _changed_texts)) "
        "AND member_id NOT IN (SELECT id FROM _changed_texts) GROUP BY band_key",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _affected_clusters AS "
        f"SELECT cluster_id FROM dirty_clusters WHERE kind = $kind "
        f"UNION SELECT {kind.cluster} FROM {kind.table} WHERE {kind.member} IN (SELECT id FROM _members) OR {kind.member} IN (SELECT id FROM _reached)",
        {"kind": kind.name},
    )
    # Every member of those clusters with its text's representative (the smallest id among its copies).
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _affected_members AS "
        f"WITH m AS ({_member_sql(kind)} WHERE t.{kind.cluster} IN (SELECT cluster_id FROM _affected_clusters) OR t.{kind.member} IN (SELECT id FROM _members)), "
        f"f AS (SELECT m.*, i.band_key AS fingerprint FROM m LEFT JOIN cluster_index i ON i.kind = $kind AND i.band = $twin AND i.member_id = m.member) "
        f"SELECT *, CASE WHEN fingerprint IS NULL THEN member ELSE min(member) OVER (PARTITION BY fingerprint) END AS representative FROM f",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    columns = "published_date, crawled_at, article_id" + ("" if kind is STORY else f", char_start, {kind.member}")
    earliest = {r[0]: r[1:] for r in _rows(
        con,
        f"SELECT representative, member, {columns} FROM _affected_members QUALIFY row_number() OVER (PARTITION BY representative ORDER BY {kind.order_sql}) = 1",
    )}
    order = {rep: _order_key((*row[1:], row[0])) if kind is STORY else _order_key(row[1:]) for rep, row in earliest.items()}
    links = _rows(
        con,
        "SELECT member_id, linked_member_id FROM cluster_links WHERE kind = $kind AND member_id IN (SELECT representative FROM _affected_members)",
        {"kind": kind.name},
    )
    shared = _rows(
        con,
        "SELECT list(member_id ORDER BY member_id) FROM cluster_index WHERE kind = $kind AND band < $twin "
        "AND member_id IN (SELECT representative FROM _affected_members) GROUP BY band_key HAVING count(*) > 1",
        {"kind": kind.name, "twin": TWIN_BAND},
    )
    links += [(first, other) for (members,) in shared for first, *others in [members] for other in others]
    roots = cluster_roots(earliest, links, order.__getitem__)
    representatives = sorted(roots)
    _temp(con, "_text_clusters", pa.table({
        "representative": pa.array(representatives, pa.string()),
        "new_cluster": pa.array([cluster_id(kind.name, earliest[roots[r]][0]) for r in representatives], pa.string()),
    }))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _changed AS SELECT m.member, c.new_cluster FROM _affected_members m JOIN _text_clusters c USING (representative) "
        "WHERE m.cluster IS DISTINCT FROM c.new_cluster"
    )
    con.execute(f"UPDATE {kind.table} SET {kind.cluster} = c.new_cluster FROM _changed c WHERE {kind.table}.{kind.member} = c.member")
    con.execute("CREATE OR REPLACE TEMP TABLE _summarise_ids AS SELECT cluster_id AS id FROM _affected_clusters UNION SELECT new_cluster FROM _text_clusters")
    if kind is STORY:
        con.execute("CREATE OR REPLACE TEMP TABLE _story_changed AS SELECT member AS id FROM _changed")


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


def _summarise(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    """Rewrite the summary rows of the clusters in temp table ``_summarise`` (a cluster left
    without members loses its row)."""
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
    clusters that replaced articles left (``forget_articles`` noted them). Leaves temp table
    ``load_clusters`` (kind, id): every cluster whose summary row this load rewrote or removed.

    Args:
        con: the load's connection, inside its transaction.
        new_articles: ids of the articles this load inserted.
        month_sql: SQL expression of an article's lake partition (over ``articles``).

    Returns:
        Links made per kind, and the publication months whose rows changed.
    """
    con.execute("CREATE TEMP TABLE IF NOT EXISTS dirty_clusters (kind VARCHAR, cluster_id VARCHAR)")
    con.execute("CREATE TEMP TABLE IF NOT EXISTS forgotten_texts (kind VARCHAR, band_key BIGINT)")
    _temp(con, "_new_articles", _ids(new_articles))
    _temp(con, "_story_changed", _ids(()))
    con.execute("CREATE OR REPLACE TEMP TABLE _touched (article_id VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE load_clusters (kind VARCHAR, id VARCHAR)")
    links: dict[str, int] = {}
    for kind in KINDS:
        new_ids = [m for (m,) in _rows(con, f"SELECT {kind.member} FROM {kind.table} WHERE article_id IN (SELECT id FROM _new_articles)")]
        indexed = _index_new_members(con, kind, new_ids)
        links[kind.name] = _link_candidates(con, kind, indexed)
        _recluster(con, kind)
        # A story merge changes the story count of the quotes and events in its articles.
        story_merges = "" if kind is STORY else f" UNION SELECT {kind.cluster} FROM {kind.table} WHERE article_id IN (SELECT id FROM _story_changed)"
        con.execute(f"CREATE OR REPLACE TEMP TABLE _summarise AS SELECT id FROM _summarise_ids{story_merges}")
        _summarise(con, kind)
        con.execute("INSERT INTO load_clusters SELECT $kind, id FROM _summarise", {"kind": kind.name})
        con.execute(f"INSERT INTO _touched SELECT article_id FROM {kind.table} WHERE {kind.cluster} IN (SELECT id FROM _summarise)")
    months = frozenset(m for (m,) in _rows(con, f"SELECT DISTINCT {month_sql} FROM articles WHERE article_id IN (SELECT article_id FROM _touched)"))
    con.execute("DELETE FROM dirty_clusters")
    con.execute("DELETE FROM forgotten_texts")
    return ClusterSummary(links, months)
