"""Semantic checks that need more than one column or table, as boolean columns.

Each check returns one bool per row of its table; the suites expect every value to be True,
so a failure names the check and GX shows example rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyarrow as pa

from transforms.time.calendar_values import EARLIEST_DATE, LATEST_DATE

Tables = Mapping[str, pa.Table]
Check = Callable[[Tables], list[bool]]


def spans_match_body(table: str) -> Check:
    """``0 <= char_start < char_end <= len(body)`` and ``body[char_start:char_end] == text``."""

    def check(tables: Tables) -> list[bool]:
        bodies = dict(zip(tables["articles"]["article_id"].to_pylist(), tables["articles"]["body"].to_pylist(), strict=True))
        rows = tables[table].select(["article_id", "char_start", "char_end", "text"]).to_pylist()
        results = []
        for row in rows:
            body = bodies.get(row["article_id"])
            start, end = row["char_start"], row["char_end"]
            results.append(body is not None and 0 <= start < end <= len(body) and body[start:end] == row["text"])
        return results

    return check


def references(table: str, column: str, target_table: str, target_column: str) -> Check:
    """Every non-null value of ``table.column`` exists in ``target_table.target_column``."""

    def check(tables: Tables) -> list[bool]:
        known = set(tables[target_table][target_column].to_pylist())
        return [value is None or value in known for value in tables[table][column].to_pylist()]

    return check


def segments_inside_quote(tables: Tables) -> list[bool]:
    """A quote's segments run in order inside its span, and its content is their text joined by spaces."""
    rows = tables["quotes"].select(["char_start", "char_end", "text", "segments", "content"]).to_pylist()
    results = []
    for r in rows:
        segments, start = r["segments"], r["char_start"]
        bounds = [start] + [b for seg in segments for b in (seg["char_start"], seg["char_end"])] + [r["char_end"]]
        in_order = bool(segments) and bounds == sorted(bounds) and all(seg["char_start"] < seg["char_end"] for seg in segments)
        joined = " ".join(r["text"][seg["char_start"] - start : seg["char_end"] - start] for seg in segments)
        results.append(in_order and joined == r["content"])
    return results


def speaker_named_when_entity(tables: Tables) -> list[bool]:
    """A quote attributed to an entity also carries the speaker's name."""
    rows = tables["quotes"].select(["speaker", "speaker_entity_id"]).to_pylist()
    return [r["speaker_entity_id"] is None or bool(r["speaker"]) for r in rows]


def event_dates_sane(tables: Tables) -> list[bool]:
    """Event intervals run forward and stay between 1800 and 2200; both ends or neither are set."""
    rows = tables["events"].select(["date_start", "date_end"]).to_pylist()
    results = []
    for r in rows:
        start, end = r["date_start"], r["date_end"]
        if start is None or end is None:
            results.append(start is None and end is None)
        else:
            results.append(EARLIEST_DATE <= start <= end <= LATEST_DATE)
    return results


def trigger_inside_clause(tables: Tables) -> list[bool]:
    """An event's trigger lies inside its clause."""
    rows = tables["events"].select(["char_start", "char_end", "trigger_char_start", "trigger_char_end"]).to_pylist()
    return [r["char_start"] <= r["trigger_char_start"] < r["trigger_char_end"] <= r["char_end"] for r in rows]


def positive_counts(table: str, columns: tuple[str, ...]) -> Check:
    """Every count column of a cluster table is at least 1."""

    def check(tables: Tables) -> list[bool]:
        rows = tables[table].select(list(columns)).to_pylist()
        return [all(r[c] is not None and r[c] >= 1 for c in columns) for r in rows]

    return check


def cluster_counts_ordered(table: str, members: str) -> Check:
    """A cluster has at least as many members as articles, and as many articles as stories."""

    def check(tables: Tables) -> list[bool]:
        rows = tables[table].select([members, "articles", "stories"]).to_pylist()
        return [r[members] >= r["articles"] >= r["stories"] for r in rows]

    return check


def story_first_article_belongs(tables: Tables) -> list[bool]:
    """A story's first article carries that story's id."""
    story_of = dict(zip(tables["articles"]["article_id"].to_pylist(), tables["articles"]["story_id"].to_pylist(), strict=True))
    rows = tables["stories"].select(["story_id", "first_article_id"]).to_pylist()
    return [story_of.get(r["first_article_id"]) == r["story_id"] for r in rows]


def links_ordered(tables: Tables) -> list[bool]:
    """A link is stored once, its smaller member id first."""
    rows = tables["cluster_links"].select(["member_id", "linked_member_id"]).to_pylist()
    return [r["member_id"] < r["linked_member_id"] for r in rows]


def cluster_resolves(table: str, column: str, summary: str) -> Check:
    """Every member's cluster id has its row in the cluster table (after the load)."""
    return references(table, column, summary, column)
