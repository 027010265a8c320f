"""Quote clusters: the same words quoted in different articles share a cluster, across nights."""

from __future__ import annotations

import itertools
from datetime import date

import duckdb
import pytest

from newsledger.core.schemas import TABLES_BY_NAME
from test_stories import article, load_night, snapshot, stage
from transforms.run.arrow import to_table
from transforms.corpus.events import is_same_event, event_mention_of, trigger_stem
from transforms.corpus.ids import cluster_id
from transforms.corpus.quotes import anchors, is_same_quote, quote_bands, quote_text_of
from transforms.run.ids import stable_id
from transforms.records import Quote

FULL = "We will rebuild the ferry terminal by the summer, and nobody in this city will be left waiting on the quay again."


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((FULL, "direct", "Elena Varga"), (FULL, "direct", "Elena Varga"), True),
        ((FULL, "direct", "Elena Varga"), (FULL.upper().replace(",", ""), "direct", None), True),
        ((FULL, "direct", "Elena Varga"), ("\u201c" + FULL.replace("We will", "We\u2019ll") + "\u201d", "direct", "Elena Varga"), True),
        ((FULL, "direct", "Elena Varga"), ("nobody in this city will be left waiting on the quay again", "direct", "Elena Varga"), True),
        ((FULL, "direct", "Elena Varga"), ("nobody in this city will be left waiting on the quay again", "mixed", None), True),
        ((FULL, "direct", "Elena Varga"), ("rebuild the ferry terminal by the summer", "direct", "Omar Lund"), False),
        ((FULL, "direct", "Elena Varga"), ("rebuild the ferry terminal by the summer", "direct", "Elena Varga"), True),
        ((FULL, "direct", "Elena Varga"), ("We will close the ferry terminal for the winter and move the buses to the quay.", "direct", "Elena Varga"), False),
        (("the city would rebuild the ferry terminal by the summer", "indirect", "Elena Varga"),
         ("the city would rebuild the ferry terminal by the summer", "indirect", "Elena Varga"), True),
        (("the city would rebuild the ferry terminal by the summer", "indirect", "Elena Varga"),
         ("the city would rebuild the ferry terminal by the summer", "indirect", "Port Authority"), False),
        (("the city would rebuild the ferry terminal by the summer", "indirect", "Elena Varga"),
         ("the ferry terminal would be ready by the summer", "indirect", "Elena Varga"), False),
        ((FULL, "direct", "Elena Varga"), ("the city would rebuild the ferry terminal by the summer", "indirect", "Elena Varga"), False),
        (("No comment.", "direct", "Elena Varga"), ("No comment", "direct", "Omar Lund"), False),
        (("No comment.", "direct", "Elena Varga"), ("no comment", "direct", "Elena Varga"), True),
    ],
    ids=[
        "equal", "case-and-punctuation", "contraction-still-contained", "part-of-a-longer-quote", "part-as-mixed-quote",
        "short-part-other-speaker", "short-part-same-speaker", "other-words-same-topic", "indirect-identical", "indirect-identical-other-speaker",
        "indirect-paraphrase", "direct-vs-indirect-paraphrase", "short-equal-other-speaker", "short-equal-same-speaker",
    ],
)
def test_same_quote(a, b, same):
    first, second = quote_text_of(*a), quote_text_of(*b)
    assert is_same_quote(first, second) == same
    assert is_same_quote(second, first) == same


def test_a_part_shares_an_index_key_with_the_whole():
    whole, part = quote_bands([quote_text_of(FULL, "direct"), quote_text_of("nobody in this city will be left waiting on the quay again", "direct")])
    assert {k for _, k in whole} & {k for _, k in part}


def test_anchors_skip_function_word_runs():
    assert anchors(["we", "will", "not", "do", "it"]) == []


@pytest.mark.parametrize(("trigger", "stem"), [("announced", "announc"), ("announces", "announc"), ("meeting", "meet"), ("Met", "met")])
def test_trigger_stem(trigger, stem):
    assert trigger_stem(trigger) == stem


def test_same_event_needs_a_shared_participant():
    council = frozenset({"e-council"})
    assert is_same_event(event_mention_of("the council met on Monday", council), event_mention_of("met Monday", council))
    assert not is_same_event(event_mention_of("the council met on Monday", council), event_mention_of("the union met on Monday", frozenset({"e-union"})))
    assert is_same_event(event_mention_of("storm hit the coast on Monday", frozenset()), event_mention_of("the storm hit the coast on Monday", frozenset()))


# --- the warehouse ---------------------------------------------------------------------------


def quote(article_id: str, body: str, content: str, speaker: str | None, quote_type: str = "direct") -> Quote:
    start = body.index(content)
    end = start + len(content)
    return Quote(stable_id(article_id, "quote", start, end, quote_type), article_id, start, end, content, [{"char_start": start, "char_end": end}],
                 content, quote_type, speaker, None, "said", False, found_by="cue_beside_quote", speaker_by="named_subject" if speaker else None)


def night(path: str, day: date, source: str, lead: str, content: str, speaker: str) -> tuple[list, list]:
    body = f"{lead} \u201c{content}\u201d {speaker} said."
    a = article(path, body, day, source)
    return [a], [quote(a.article_id, body, content, speaker)]


NIGHTS = {
    # Three different stories, three outlets, one statement (whole or in part).
    "one": night("a/1.txt", date(2024, 3, 11), "times", "The council met on Monday to vote on the harbour plan, which has divided the town for "
                 "six years and cost two mayors their seats. Engineers say the old piles will have to be replaced first.", FULL, "Elena Varga"),
    "two": night("b/2.txt", date(2024, 3, 12), "post", "Fishermen protested at the quay on Tuesday about the works, saying their boats would "
                 "have nowhere to land the catch while the cranes are in place. Police said the protest was peaceful.",
                 "nobody in this city will be left waiting on the quay again", "Elena Varga"),
    "three": night("c/3.txt", date(2024, 3, 10), "herald", "The opposition questioned the cost of the harbour plan in a heated debate on Sunday, "
                   "asking why the budget had doubled since the first estimate was published in the spring.", FULL.upper().replace(",", ""), "Elena Varga"),
}


def stage_night(tmp_path, name: str, names: list[str]):
    articles = [a for n in names for a in NIGHTS[n][0]]
    quotes = [q for n in names for q in NIGHTS[n][1]]
    return stage(tmp_path / name, articles, quotes=to_table(quotes, TABLES_BY_NAME["quotes"].schema))


def test_one_statement_in_three_stories_is_one_cluster_growing_night_by_night(tmp_path):
    db = tmp_path / "w.duckdb"
    load_night(db, stage_night(tmp_path, "n1", ["one"]), "r1")
    load_night(db, stage_night(tmp_path, "n2", ["two"]), "r2")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(DISTINCT quote_cluster_id) FROM quotes").fetchone()[0] == 1
    con.close()
    load_night(db, stage_night(tmp_path, "n3", ["three"]), "r3")
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT quote_cluster_id, content, speaker, first_seen_date, quotes, articles, stories, sources FROM quote_clusters").fetchall()
    con.close()
    earliest = NIGHTS["three"][1][0].quote_id
    assert row == [(cluster_id("quote", earliest), FULL, "Elena Varga", date(2024, 3, 10), 3, 3, 3, 3)]


@pytest.mark.parametrize("order", list(itertools.permutations(NIGHTS)), ids="-".join)
def test_any_order_gives_the_same_clusters_and_a_rerun_changes_nothing(tmp_path, order):
    reference = tmp_path / "ref.duckdb"
    load_night(reference, stage_night(tmp_path, "all", list(NIGHTS)), "all")
    db = tmp_path / "w.duckdb"
    for name in order:
        load_night(db, stage_night(tmp_path, f"n-{name}", [name]), name)
    assert snapshot(db) == snapshot(reference)
    load_night(db, stage_night(tmp_path, f"again-{order[-1]}", [order[-1]]), "again")
    assert snapshot(db) == snapshot(reference)


def test_cluster_suites_pass_on_a_loaded_warehouse_and_fail_on_a_broken_copy(tmp_path):
    import pyarrow as pa

    from expectations.runner import validate_tables

    db = tmp_path / "w.duckdb"
    load_night(db, stage_night(tmp_path, "all", list(NIGHTS)), "all")
    con = duckdb.connect(str(db), read_only=True)
    names = ("articles", "quotes", "entities", "events", "temporal_expressions", "stories", "quote_clusters", "event_clusters", "cluster_index", "cluster_links")
    tables = {n: con.sql(f"SELECT * FROM {n}").to_arrow_table().cast(TABLES_BY_NAME[n].schema) for n in names}
    con.close()
    report = validate_tables(tables)
    assert report.passed, report.failures
    clusters = tables["quote_clusters"]
    broken = clusters.set_column(clusters.schema.get_field_index("first_quote_id"), clusters.schema.field("first_quote_id"),
                                 pa.array(["no-such-quote"] * clusters.num_rows, pa.string()))
    report = validate_tables(dict(tables, quote_clusters=broken))
    assert any("check__first_quote_exists" in f for f in report.failures["quote_clusters"])
