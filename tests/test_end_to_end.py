"""The real flow end to end: Prefect, Parquet, Great Expectations and DuckDB, no mocks."""

import json
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from conftest import SAMPLES, SEEDS
from newsledger.core.errors import ContractError
from newsledger.core.schemas import SERVED_TABLES, TABLES, span_tables
from newsledger.core.settings import Settings
from warehouse.query import run_query

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("shared_prefect_api")]
DATA_TABLES = [t.name for t in SERVED_TABLES if t.name != "runs"]
HOSTILE = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n  ",
    "junk.bin": bytes(range(256)) * 8,
    "cut off.json": b'{"title": "x", "text": "never ends',
    "ünïcode name.txt": "date 2024-03-12\nA short article about the Millbrook bakery, which opened on Monday.\n".encode(),
}


def counts(db: Path) -> dict[str, int]:
    return {name: run_query(db, f"select count(*) as n from {name}")["n"][0].as_py() for name in DATA_TABLES}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SAMPLES, folder / "samples")
    for name, data in HOSTILE.items():
        (folder / "samples" / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def first_run(inputs, tmp_path_factory):
    from flows.ingest import ingest_news

    settings = Settings(warehouse_dir=tmp_path_factory.mktemp("warehouse"), batch_size=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSLEDGER_BATCH_SIZE", "3")  # several batches, as in a real crawl
        result = ingest_news([str(inputs / "samples")], warehouse=str(settings.warehouse_dir))
    return settings, result


def test_good_articles_load_and_bad_files_are_rejected_with_reasons(first_run):
    settings, result = first_run
    db = settings.database_path
    paths = {r["source_path"] for r in run_query(db, "select source_path from articles").to_pylist()}
    assert any(p.endswith("ünïcode name.txt") for p in paths)
    assert len(run_query(db, "select * from articles")) == 7  # 3 raw + 1 HTML sample, 2 JSONL records, 1 non-ASCII name
    rejects = {Path(r["source_path"]).name: r["reason"] for r in run_query(db, "select source_path, reason from rejects").to_pylist()}
    assert set(rejects) == {"empty.txt", "blank.txt", "junk.bin", "cut off.json", "truncated_record.json"}
    assert "binary" in rejects["junk.bin"] and "truncated" in rejects["cut off.json"]
    assert result.counts.files_seen == 11
    assert result.counts.files_rejected == 5


def test_every_span_obeys_the_offset_rule(first_run):
    db = first_run[0].database_path
    for table in span_tables():
        bad = run_query(
            db,
            f"select count(*) as n from {table.name} t join articles a using (article_id) "
            "where substring(a.body, t.char_start + 1, t.char_end - t.char_start) <> t.text",
        )
        assert bad["n"][0].as_py() == 0, table.name
        # DuckDB counts characters like Python, so the check above is the Python rule; spot-check in Python too.
    rows = run_query(db, "select q.char_start, q.char_end, q.text, a.body from quotes q join articles a using (article_id)").to_pylist()
    assert rows and all(r["body"][r["char_start"] : r["char_end"]] == r["text"] for r in rows)


def test_known_quote_entity_and_event(first_run):
    db = first_run[0].database_path
    quote = run_query(db, "select speaker, cue, quote_type from quotes where text like 'We have waited far too long%'").to_pylist()
    assert quote == [{"speaker": "Elena Varga", "cue": "said", "quote_type": "direct"}]
    person = run_query(db, "select entity_type from entities where canonical_name = 'Elena Varga'").to_pylist()
    assert person == [{"entity_type": "PERSON"}]
    event = run_query(
        db,
        "select e.trigger, e.date_value, e.date_start from events e join temporal_expressions t using (timex_id) where t.text = 'Sunday'",
    ).to_pylist()
    assert event == [{"trigger": "met", "date_value": "2024-03-10", "date_start": date(2024, 3, 10)}]


def test_bad_date_prefix_loads_with_null_date(first_run):
    db = first_run[0].database_path
    rows = run_query(db, "select published_date from articles where source_path like '%bad_date_prefix.txt'").to_pylist()
    assert rows == [{"published_date": None}]


def test_parquet_tables_and_validation_results_are_written(first_run):
    settings, result = first_run
    for table in SERVED_TABLES:
        assert pq.read_table(settings.parquet_dir / table.name).num_rows == result.warehouse_row_counts[table.name]
    assert not (settings.parquet_dir / "cluster_index").exists()  # the writer's own index
    assert (settings.validation_dir / result.run_id / "chunk-0001" / "quotes.json").exists()
    assert (result.report_dir / "data_docs" / "index.html").exists()
    assert not any(settings.staging_dir.iterdir())


def test_second_run_changes_no_row_count(first_run, inputs):
    from flows.ingest import ingest_news

    settings, _ = first_run
    before = counts(settings.database_path)
    ids_before = run_query(settings.database_path, "select article_id from articles order by 1").to_pylist()
    second = ingest_news([str(inputs / "samples")], warehouse=str(settings.warehouse_dir))
    assert (second.counts.files_skipped, second.counts.articles_loaded) == (11, 0)
    assert counts(settings.database_path) == before
    assert run_query(settings.database_path, "select article_id from articles order by 1").to_pylist() == ids_before
    runs = run_query(settings.database_path, "select status from runs order by started_at").to_pylist()
    assert runs == [{"status": "success"}, {"status": "success"}]


def _bad_spans_for(monkeypatch, corrupt):
    """Make the extractor emit quotes whose text does not match their span, for articles ``corrupt`` picks."""
    import pyarrow as pa

    from transforms.run import tables

    real_build = tables.build_extracted_tables

    def build_with_a_bad_span(rows):
        built = real_build(rows)
        quotes = built["quotes"]
        texts = ["WRONG" + t if corrupt(a) else t for t, a in zip(quotes["text"].to_pylist(), quotes["article_id"].to_pylist())]
        built["quotes"] = quotes.set_column(quotes.schema.get_field_index("text"), quotes.schema.field("text"), pa.array(texts, type=pa.string()))
        return built

    monkeypatch.setattr(tables, "build_extracted_tables", build_with_a_bad_span)


def test_failed_validation_of_many_articles_blocks_the_load_and_leaves_the_warehouse(first_run, inputs, monkeypatch):
    """A defect in an extractor (every quote's text off its span) is a broken rule, not bad articles: no load."""
    from flows import ingest

    settings, _ = first_run
    before = counts(settings.database_path)
    _bad_spans_for(monkeypatch, lambda article_id: True)
    in_process = ingest.ingest_news.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))  # so the patch applies
    with pytest.raises(ContractError, match="span_matches_body") as caught:
        in_process([str(inputs / "samples")], warehouse=str(settings.warehouse_dir), full_refresh=True)
    assert "--max-quarantine-share" in str(caught.value)
    assert counts(settings.database_path) == before
    last = run_query(settings.database_path, "select status, validation_passed, message from runs order by started_at desc limit 1").to_pylist()[0]
    assert (last["status"], last["validation_passed"]) == ("failed", False)
    assert "span_matches_body" in last["message"]


def test_one_failing_article_is_quarantined_and_the_rest_load(inputs, tmp_path, monkeypatch):
    from flows import ingest

    chosen: set[str] = set()

    def corrupt(article_id):
        # The first article seen with quotes is the one that goes wrong.
        if not chosen:
            chosen.add(article_id)
        return article_id in chosen

    _bad_spans_for(monkeypatch, corrupt)
    monkeypatch.setenv("NEWSLEDGER_MAX_QUARANTINE_SHARE", "0.2")
    warehouse = tmp_path / "wh"
    in_process = ingest.ingest_news.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))
    result = in_process([str(inputs / "samples")], warehouse=str(warehouse))
    db = warehouse / "newsledger.duckdb"
    assert result.counts.articles_loaded == 6  # 7 articles, 1 quarantined
    [reject] = run_query(db, "select source_path, stage, error_type, reason from rejects where stage = 'validate'").to_pylist()
    assert reject["error_type"] == "ValidationFailed"
    assert reject["source_path"] in reject["reason"] and "quotes: check span_matches_body" in reject["reason"]
    assert run_query(db, "select count(*) as n from quotes where text like 'WRONG%'")["n"][0].as_py() == 0
    last = run_query(db, "select status, validation_passed, message from runs").to_pylist()[0]
    assert (last["status"], last["validation_passed"]) == ("success", False) and "quarantined" in last["message"]
    # The validation report still shows the failure.
    report = json.loads((warehouse / "validation" / result.run_id / "chunk-0001" / "quotes.json").read_text())
    assert not report["success"]


@pytest.mark.skipif(not SEEDS.exists(), reason="the shared seed article is not beside this checkout")
def test_seed_article_acceptance(tmp_path):
    from flows.ingest import ingest_news

    settings = Settings(warehouse_dir=tmp_path / "wh")
    ingest_news([str(SEEDS)], warehouse=str(settings.warehouse_dir))
    db = settings.database_path
    article = run_query(db, "select published_date, crawled_at, body from articles").to_pylist()
    assert len(article) == 1
    assert article[0]["published_date"] == date(2023, 6, 5)
    assert article[0]["crawled_at"].replace(tzinfo=None) == datetime(2023, 6, 5, 14, 40, 4)
    assert not article[0]["body"].startswith("date") and not article[0]["body"].endswith("144004")
    direct = run_query(db, "select text, speaker, cue from quotes where quote_type = 'direct' order by char_start").to_pylist()
    assert len(direct) >= 3
    delighted = next(q for q in direct if q["text"].startswith("Delighted to meet my friend"))
    assert (delighted["speaker"], delighted["cue"]) == ("Rajnath Singh", "said")
    great = next(q for q in direct if q["text"].startswith("Great to meet again"))
    assert (great["speaker"], great["cue"]) == ("Lloyd Austin", "tweeted")
    assert "His leadership" in great["text"]
    people = {r["canonical_name"] for r in run_query(db, "select canonical_name from entities where entity_type = 'PERSON'").to_pylist()}
    assert {"Rajnath Singh", "Lloyd Austin"} <= people
    named = {(r["canonical_name"], r["entity_type"]) for r in run_query(db, "select canonical_name, entity_type from entities").to_pylist()}
    assert {("India", "GPE"), ("New Delhi", "GPE"), ("US", "GPE"), ("Defence Ministry", "ORG")} <= named
    ministry = run_query(db, "select list_sort(list(m.text)) as texts from entity_mentions m join entities e using (entity_id) where e.canonical_name = 'Defence Ministry'").to_pylist()
    assert ministry[0]["texts"] == ["Defence Ministr", "Ministry", "Ministry", "Ministry"]
    timexes = {(r["text"], r["value"]) for r in run_query(db, "select text, value from temporal_expressions").to_pylist()}
    assert {("Sunday", "2023-06-04"), ("March 2021", "2021-03"), ("two-day", "P2D"), ("recently", "PAST_REF")} <= timexes
    assert ("the next few years", "PXY") in timexes or ("the next few years", "FUTURE_REF") in timexes
    arrived = run_query(
        db,
        "select e.date_start, list_sort(list(en.canonical_name)) as who from events e "
        "join event_participants p using (event_id) join entities en using (entity_id) where e.trigger = 'arrived' group by all",
    ).to_pylist()
    assert arrived[0]["date_start"] == date(2023, 6, 4)
    assert {"Lloyd Austin", "New Delhi"} <= set(arrived[0]["who"])


def test_cli_run_and_sql(tmp_path):
    """The console script as a user runs it: exit codes, summary and query output."""
    cli = Path(sys.executable).parent / "newsledger"
    warehouse = tmp_path / "wh"
    run = subprocess.run([cli, "run", "--warehouse", warehouse, SAMPLES], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "articles loaded" in run.stdout and "rejected" in run.stdout and "time taken" in run.stdout
    query = subprocess.run([cli, "sql", "-w", warehouse, "-f", "json", "select count(*) as n from quotes"], capture_output=True, text=True, timeout=120)
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout)[0]["n"] > 0
    as_csv = subprocess.run([cli, "sql", "-w", warehouse, "-f", "csv", "select canonical_name from entities order by 1 limit 2"], capture_output=True, text=True, timeout=120)
    assert as_csv.stdout.splitlines()[0] == "canonical_name"
    missing = subprocess.run([cli, "run", "--warehouse", warehouse, tmp_path / "nope"], capture_output=True, text=True, timeout=600)
    assert missing.returncode == 4 and "does not exist" in missing.stderr
    report = subprocess.run([cli, "report", "-w", warehouse], capture_output=True, text=True, timeout=120)
    assert report.returncode == 0 and Path(report.stdout.strip().splitlines()[-1]).exists()


READER = """
import sys, duckdb
path = sys.argv[1]
con = duckdb.connect(path, read_only=True)
count = lambda c: c.execute("select count(*) from articles").fetchone()[0]
print("before", count(con), flush=True)
sys.stdin.readline()
print("during", count(con), flush=True)
con.close()
con = duckdb.connect(path, read_only=True)
print("after", count(con), flush=True)
"""


def test_a_reader_holding_the_database_neither_blocks_a_run_nor_sees_half_of_it(tmp_path):
    from flows.ingest import ingest_news

    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES / "2024-03-11", inputs / "2024-03-11")
    warehouse = tmp_path / "wh"
    ingest_news([str(inputs)], warehouse=str(warehouse))
    db = warehouse / "newsledger.duckdb"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().split() == ["before", "2"]
        shutil.copytree(SAMPLES / "2024-03-12", inputs / "2024-03-12")
        result = ingest_news([str(inputs)], warehouse=str(warehouse))  # the reader is still connected
        assert result.warehouse_row_counts["articles"] == 6
        reader.stdin.write("go\n")
        reader.stdin.flush()
        assert reader.stdout.readline().split() == ["during", "2"]  # its snapshot stayed whole
        assert reader.stdout.readline().split() == ["after", "6"]  # a new connection sees the new load
    finally:
        reader.kill()
        reader.wait()


def test_a_second_run_at_the_same_time_fails_clearly(tmp_path):
    from flows.ingest import ingest_news
    from warehouse.publish import RunInProgressError

    warehouse = tmp_path / "wh"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from pathlib import Path; from warehouse.publish import run_lock; import time\nwith run_lock(Path({str(warehouse)!r})):\n    print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(RunInProgressError, match="another newsledger run is loading this warehouse"):
            ingest_news([str(SAMPLES)], warehouse=str(warehouse))
    finally:
        holder.kill()
        holder.wait()
    assert not (warehouse / "newsledger.duckdb").exists()


def test_a_changed_file_replaces_only_its_rows(tmp_path):
    from flows.ingest import ingest_news

    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES / "2024-03-11", inputs)
    warehouse = tmp_path / "wh"
    ingest_news([str(inputs)], warehouse=str(warehouse))
    db = warehouse / "newsledger.duckdb"
    other = run_query(db, "select article_id from articles where source_path like '%orchard%'").to_pylist()
    changed = inputs / "harbour_council.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("40 million euros", "45 million euros"), encoding="utf-8")
    result = ingest_news([str(inputs)], warehouse=str(warehouse))
    assert (result.counts.files_skipped, result.counts.articles_loaded) == (1, 1)
    assert run_query(db, "select article_id from articles where source_path like '%orchard%'").to_pylist() == other
    bodies = run_query(db, "select body from articles where source_path like '%harbour%'").to_pylist()
    assert len(bodies) == 1 and "45 million euros" in bodies[0]["body"]
    orphans = run_query(db, "select count(*) as n from quotes where article_id not in (select article_id from articles)")
    assert orphans["n"][0].as_py() == 0


def test_dask_runner_gives_the_same_rows_as_the_default_runner(first_run, inputs, tmp_path):
    """A local 2-worker Dask cluster, as a team would point --dask-address at a real one."""
    from test_crash_safety import snapshot

    from flows.ingest import ingest_news
    from flows.runners import RunnerKind, build_task_runner

    on_dask = ingest_news.with_options(task_runner=build_task_runner(RunnerKind.dask, workers=2))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSLEDGER_BATCH_SIZE", "3")
        on_dask([str(inputs / "samples")], warehouse=str(tmp_path / "dask"))
    assert snapshot(tmp_path / "dask") == snapshot(first_run[0].warehouse_dir)


def test_alias_file_merges_names_across_articles_and_shows_what_merged(tmp_path):
    from flows.ingest import ingest_news

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("date 2024-03-11\nOfficials in the United States met on Monday to discuss the harbour plan.\n", encoding="utf-8")
    (inputs / "b.txt").write_text("date 2024-03-12\nThe U.S. said on Tuesday it would help pay for the harbour plan.\n", encoding="utf-8")
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    (warehouse / "aliases.csv").write_text("alias,canonical_name,entity_type\nU.S.,United States,GPE\n", encoding="utf-8")
    ingest_news([str(inputs)], warehouse=str(warehouse))
    db = warehouse / "newsledger.duckdb"
    ids = run_query(db, "select distinct m.entity_id from entity_mentions m join entities e using (entity_id) where e.entity_type = 'GPE'").to_pylist()
    assert len(ids) == 1
    merged = run_query(db, "select alias, source from entity_aliases").to_pylist()
    assert {"alias": "U.S.", "source": "alias_file"} in merged
    versions = run_query(db, "select distinct extractor_version from articles").to_pylist()
    assert versions[0]["extractor_version"].split("+")[1].startswith("aliases.")
