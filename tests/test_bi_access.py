"""BI tools read the warehouse read-only through SQLAlchemy (duckdb-engine); the marts answer."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from transforms.run.runs import RunCounts, run_row
from warehouse import load, staging


def _stage(run_dir, tables):
    staging.write_batch(run_dir, 1, tables)
    return run_dir


@pytest.fixture(scope="module")
def database(sample_tables, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bi")
    now = datetime(2024, 3, 12, tzinfo=UTC)
    row = run_row("r1", now, now, RunCounts(), validation_passed=True, extractor_version="test")
    load.load_staged_run(folder / "newsledger.duckdb", _stage(folder / "run", sample_tables), row)
    return folder / "newsledger.duckdb"


@pytest.fixture(scope="module")
def engine(database):
    engine = sa.create_engine(f"duckdb:///{database}", connect_args={"read_only": True})
    yield engine
    engine.dispose()


def rows(engine, sql):
    with engine.connect() as con:
        return [dict(r._mapping) for r in con.execute(sa.text(sql))]


def test_quotes_by_speaker_month(engine):
    found = rows(engine, "select speaker, month, quotes, direct_quotes, indirect_quotes from mart.quotes_by_speaker_month where speaker = 'Elena Varga'")
    # '"A," Varga said. "B."' is one direct quote; her announcement is an indirect one.
    assert [(r["month"].isoformat(), r["direct_quotes"], r["indirect_quotes"]) for r in found] == [("2024-03-01", 1, 1)]


def test_entity_mentions_per_day(engine):
    found = rows(engine, "select published_date, mentions from mart.entity_mentions_daily where canonical_name = 'Elena Varga'")
    assert [(r["published_date"].isoformat(), r["mentions"]) for r in found] == [("2024-03-11", 2)]


def test_event_timeline(engine):
    found = rows(engine, "select trigger, date_start, participants from mart.event_timeline where date_value = '2024-03-10'")
    assert found and found[0]["trigger"] == "met" and "Northfield Orchard Cooperative" in found[0]["participants"]


def test_speaker_entity_cooccurrence(engine):
    found = rows(engine, "select canonical_name from mart.speaker_entity_cooccurrence where speaker = 'Elena Varga'")
    assert {"Port Authority", "Harbour Chamber of Commerce"} <= {r["canonical_name"] for r in found}


def test_speaker_entity_cooccurrence_counts_articles_as_written_out(engine):
    # The view counts rows (fast); this is the same count spelt out with DISTINCT.
    reference = """
        select q.speaker_entity_id, q.speaker, m.entity_id, count(distinct q.article_id) as articles,
               min(a.published_date) as first_date, max(a.published_date) as last_date
        from quotes q join entity_mentions m using (article_id) join articles a using (article_id)
        where q.speaker_entity_id is not null and m.entity_id <> q.speaker_entity_id
        group by all order by all"""
    view = "select speaker_entity_id, speaker, entity_id, articles, first_date, last_date from mart.speaker_entity_cooccurrence order by all"
    expected = rows(engine, reference)
    assert expected and rows(engine, view) == expected


def test_article_overview_counts_match_the_tables(engine):
    overview = rows(engine, "select sum(quotes) as q, count(*) as a from mart.article_overview")[0]
    totals = rows(engine, "select (select count(*) from quotes) as q, (select count(*) from articles) as a")[0]
    assert overview == totals


def test_read_only_connection_cannot_write(engine):
    with pytest.raises(sa.exc.DBAPIError, match="read-only"), engine.connect() as con:
        con.execute(sa.text("delete from articles"))


RECIPE_MARK = "# newsledger: pooled readers see each new night"


def _recipe_from_the_docs():
    """The pooled-reader recipe exactly as docs/operations.md gives it."""
    import textwrap
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "operations.md").read_text(encoding="utf-8")
    start = text.rfind("\n", 0, text.index(RECIPE_MARK)) + 1
    block = text[start : text.index("```", start)]
    namespace: dict = {}
    exec(textwrap.dedent(block), namespace)  # noqa: S102 - our own documentation, run to prove it works
    return namespace["newsledger_engine"]


def _publish(served, run_id):
    from warehouse import publish

    state = served.parent / ".state" / "newsledger-state.duckdb"
    publish.publish(served, state, state.parent / "segments", served.parent / "parquet", run_id, None)


def _publish_without_quotes(served):
    """A new night published as a run does it: the writer's database loaded (here: quotes
    deleted), new segments written and a new catalog renamed over the served one."""
    con = load.connect_writer(served.parent / ".state" / "newsledger-state.duckdb")
    con.execute("delete from quotes")
    con.close()
    _publish(served, "night2")


@pytest.fixture
def served(sample_tables, tmp_path):
    now = datetime(2024, 3, 12, tzinfo=UTC)
    row = run_row("r1", now, now, RunCounts(), validation_passed=True, extractor_version="test")
    database = tmp_path / "newsledger.duckdb"
    load.load_staged_run(tmp_path / ".state" / "newsledger-state.duckdb", _stage(tmp_path / "run", sample_tables), row)
    _publish(database, "r1")
    return database


def _quotes(engine):
    return rows(engine, "select count(*) as n from quotes")[0]["n"]


def test_a_plain_pooled_reader_keeps_the_old_night(served):
    engine = sa.create_engine(f"duckdb:///{served}", connect_args={"read_only": True}, pool_pre_ping=True)
    try:
        assert _quotes(engine) > 0
        _publish_without_quotes(served)
        assert _quotes(engine) > 0  # why the recipe exists: the pooled connection reads the replaced file
    finally:
        engine.dispose()


@pytest.mark.parametrize("options", [{"pool_pre_ping": True}, {}], ids=["pre-ping", "default-pool"])
def test_the_documented_pooled_reader_sees_the_new_night(served, options):
    engine = _recipe_from_the_docs()(str(served), **options)
    try:
        assert _quotes(engine) > 0
        _publish_without_quotes(served)
        assert _quotes(engine) == 0
        assert _quotes(engine) == 0  # and keeps pooling the new connection
    finally:
        engine.dispose()


def test_a_reader_without_a_pool_sees_the_new_night(served):
    engine = sa.create_engine(f"duckdb:///{served}", connect_args={"read_only": True}, poolclass=sa.pool.NullPool)
    try:
        assert _quotes(engine) > 0
        _publish_without_quotes(served)
        assert _quotes(engine) == 0
    finally:
        engine.dispose()
