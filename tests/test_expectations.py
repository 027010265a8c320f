"""Each suite passes on good tables and fails, naming the check, on a deliberately broken copy."""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from expectations.runner import validate_tables
from newsledger.core.errors import ContractError


def replace_column(table: pa.Table, name: str, values) -> pa.Table:
    index = table.schema.get_field_index(name)
    return table.set_column(index, table.schema.field(name), pa.array(values, type=table.schema.field(name).type))


@pytest.fixture(scope="module")
def good_report(sample_tables, tmp_path_factory):
    return validate_tables(sample_tables, tmp_path_factory.mktemp("validation"))


def test_good_tables_pass_and_results_are_kept(good_report, sample_tables):
    assert good_report.passed, good_report.failures
    assert {p.stem for p in (good_report.results_dir / "chunk-0001").glob("*.json")} == set(sample_tables)
    from expectations.runner import data_docs_index

    index = data_docs_index(good_report.results_dir)
    assert index.exists() and "quotes" in index.read_text(encoding="utf-8")
    assert all(t.num_rows for name, t in sample_tables.items() if name != "rejects")


def test_chunks_are_validated_each_and_failures_name_their_chunk(sample_tables, tmp_path):
    from expectations.runner import validate_chunks

    broken = _broken(sample_tables, "quotes", "text", lambda v: [t + "!" for t in v])
    report = validate_chunks([sample_tables, broken], tmp_path)
    assert report.failures["quotes"] and all(f.startswith("chunk 2:") for f in report.failures["quotes"])
    assert (tmp_path / "chunk-0002" / "quotes.json").exists()
    index = (tmp_path / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert index.count("quotes") >= 2  # both chunks are listed in one Data Docs site


def _broken(tables, name, column, transform):
    broken = dict(tables)
    broken[name] = replace_column(tables[name], column, transform(tables[name][column].to_pylist()))
    return broken


@pytest.mark.parametrize(
    ("table", "column", "transform", "expected_failure"),
    [
        ("quotes", "text", lambda v: [t + "!" for t in v], "check__span_matches_body"),
        ("quotes", "quote_type", lambda v: ["rumour"] + v[1:], "expect_column_values_to_be_in_set on column 'quote_type'"),
        ("quotes", "speaker_entity_id", lambda v: ["no-such-entity"] + v[1:], "check__speaker_entity_exists"),
        ("quotes", "content", lambda v: [t + " and more" for t in v], "check__segments_inside_quote"),
        ("quotes", "segments", lambda v: [[{"char_start": s[0]["char_end"], "char_end": s[0]["char_start"]}] for s in v], "check__segments_inside_quote"),
        ("entity_mentions", "entity_id", lambda v: ["no-such-entity"] + v[1:], "check__entity_exists"),
        ("entity_mentions", "char_end", lambda v: [10**6] + v[1:], "check__span_matches_body"),
        ("temporal_expressions", "timex_type", lambda v: ["WHEN"] + v[1:], "column 'timex_type'"),
        ("events", "article_id", lambda v: ["missing"] + v[1:], "check__article_exists"),
        ("articles", "article_id", lambda v: [v[1]] + v[1:], "expect_column_values_to_be_unique on column 'article_id'"),
        ("entities", "canonical_name", lambda v: [None] + v[1:], "expect_column_values_to_not_be_null on column 'canonical_name'"),
    ],
    ids=["span-text", "quote-type", "speaker-fk", "quote-content", "segment-reversed", "mention-fk", "span-out-of-body", "timex-type", "event-article-fk", "duplicate-key", "null"],
)
def test_broken_copy_fails_and_names_the_check(sample_tables, table, column, transform, expected_failure):
    report = validate_tables(_broken(sample_tables, table, column, transform))
    assert not report.passed
    assert any(expected_failure in failure for failure in report.failures[table]), report.failures[table]
    with pytest.raises(ContractError) as caught:
        report.raise_for_failures()
    assert expected_failure in str(caught.value)


def test_dates_out_of_range_fail(sample_tables):
    events = sample_tables["events"]
    dated = pc.is_valid(events["date_start"])
    index = dated.to_pylist().index(True)
    starts = events["date_start"].to_pylist()
    import datetime

    starts[index] = datetime.date(1066, 10, 14)
    broken = dict(sample_tables, events=replace_column(events, "date_start", starts))
    report = validate_tables(broken)
    assert any("check__dates_sane" in f for f in report.failures["events"])


def test_row_failures_name_their_articles_and_structural_ones_block(sample_tables):
    events = sample_tables["events"]
    index = pc.is_valid(events["date_start"]).to_pylist().index(True)
    starts = events["date_start"].to_pylist()
    import datetime

    starts[index] = datetime.date(2350, 6, 5)
    report = validate_tables(dict(sample_tables, events=replace_column(events, "date_start", starts)))
    bad_article = events["article_id"][index].as_py()
    assert report.offending == {bad_article: ["events: check dates_sane"]}
    assert not report.structural
    report.raise_for_structural()  # quarantine, not a block
    assert "quarantined" in report.quarantine_note


def test_an_entity_failure_blames_the_articles_that_mention_it(sample_tables):
    entities = sample_tables["entities"]
    names = entities["canonical_name"].to_pylist()
    names[0] = None
    report = validate_tables(dict(sample_tables, entities=replace_column(entities, "canonical_name", names)))
    mentions = sample_tables["entity_mentions"]
    owners = {a for a, e in zip(mentions["article_id"].to_pylist(), mentions["entity_id"].to_pylist()) if e == entities["entity_id"][0].as_py()}
    assert set(report.offending) == owners and owners


def test_a_missing_column_is_structural(sample_tables):
    quotes = sample_tables["quotes"]
    report = validate_tables(dict(sample_tables, quotes=quotes.drop_columns(["cue"])))
    assert report.structural["quotes"]
    with pytest.raises(ContractError):
        report.raise_for_structural()


def test_data_docs_render_in_the_background_until_the_run_waits_for_them(sample_tables, tmp_path):
    from expectations.runner import data_docs_index, validate_chunks, wait_for_data_docs

    report = validate_chunks([sample_tables], tmp_path, docs_in_background=True)
    assert report.passed and (tmp_path / "chunk-0001" / "quotes.json").exists()
    wait_for_data_docs(tmp_path)
    assert "quotes" in data_docs_index(tmp_path).read_text(encoding="utf-8")
    wait_for_data_docs(tmp_path)  # a second wait has nothing left to wait for


class _BrokenDocs:
    def build_data_docs(self, site_names):
        raise OSError("disk full")


def test_a_data_docs_error_reaches_the_run_unless_another_error_is_already_on_its_way(tmp_path, caplog):
    from expectations.runner import _start_data_docs, wait_for_data_docs

    _start_data_docs(tmp_path / "a", _BrokenDocs())
    with pytest.raises(OSError, match="disk full"):
        wait_for_data_docs(tmp_path / "a")
    _start_data_docs(tmp_path / "b", _BrokenDocs())
    wait_for_data_docs(tmp_path / "b", quietly=True)
    assert "were not rendered" in caplog.text


def test_great_expectations_imports_without_the_modules_no_suite_uses_and_still_renders(sample_tables, tmp_path):
    tables_dir = tmp_path / "tables"
    tables_dir.mkdir()
    for name, table in sample_tables.items():
        pq.write_table(table, tables_dir / f"{name}.parquet")
    # A process of its own: this one may have imported them already.
    script = (
        "import sys; from pathlib import Path; import pyarrow.parquet as pq\n"
        "from expectations.runner import import_great_expectations, validate_tables, data_docs_index\n"
        "import_great_expectations()\n"
        "real = [m for m in ('scipy.stats._stats_py', 'altair.vegalite') if m in sys.modules]\n"
        "tables = {p.stem: pq.read_table(p) for p in Path(sys.argv[1]).glob('*.parquet')}\n"
        "report = validate_tables(tables, Path(sys.argv[2]))\n"
        "print(real, report.passed, data_docs_index(Path(sys.argv[2])).is_file())\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tables_dir), str(tmp_path / "results")],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1])
    assert done.stdout.splitlines()[-1] == "[] True True"


def test_a_failed_suite_keeps_one_result_with_the_rows_that_failed(sample_tables, tmp_path):
    # Suites run pass-or-fail first; a failed one runs again with its rows, under the same run id.
    broken = _broken(sample_tables, "quotes", "text", lambda v: [t + "!" for t in v])
    report = validate_tables(broken, tmp_path)
    assert not report.passed
    kept = json.loads((tmp_path / "chunk-0001" / "quotes.json").read_text(encoding="utf-8"))
    failed = [r for r in kept["results"] if not r["success"]]
    assert failed and all(r["result"].get("unexpected_index_list") for r in failed)
    passed_page = list((tmp_path / "data_docs" / "validations" / "articles").rglob("*.html"))
    failed_pages = list((tmp_path / "data_docs" / "validations" / "quotes").rglob("*.html"))
    assert len(passed_page) == 1 and len(failed_pages) == 1


def test_a_failed_background_import_prints_nothing_and_numpy_ma_is_imported_first(monkeypatch, capsys):
    """A background import that fails must not put a traceback on the screen (validation
    imports again and reports there), and numpy.ma is imported in the caller's thread first:
    two threads importing it at once recurse and can leave an import lock held for ever."""
    import sys
    import threading

    from expectations import runner

    def broken():
        raise RuntimeError("import failed")

    monkeypatch.setattr(runner, "import_great_expectations", broken)
    before = {t.name for t in threading.enumerate()}
    runner.warm_up()
    assert "numpy.ma" in sys.modules
    for thread in threading.enumerate():
        if thread.name == "gx-import" and thread.name not in before:
            thread.join(timeout=10)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "import failed" not in captured.err
