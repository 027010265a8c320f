"""The run report: what it gathers, that the page is self-contained and escaped, and the CLI around it."""

from __future__ import annotations

import re
import webbrowser
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pytest
from report_warehouse import FINISHED, HOSTILE_NAME, HOSTILE_SPEAKER, NIGHT, PREVIOUS_RUN_ID, RUN_ID, build_report_warehouse
from typer.testing import CliRunner

from newsledger import __version__
from newsledger.cli import app
from newsledger.report import write_run_report
from newsledger.core.schemas import SERVED_TABLES
from warehouse.marts import MART_VIEWS
from warehouse.report_data import gather_run_report, parse_stage_seconds, reason_kind

# Anything that would make a browser fetch: src/href/action/poster/srcset/xlink:href or CSS url()/@import to another host.
REMOTE_REFERENCE = re.compile(r"""(?:\b(?:src|href|action|poster|srcset|data|formaction|xlink:href)\s*=\s*["']?\s*(?:https?:)?//)|(?:url\(\s*["']?\s*(?:https?:)?//)|@import""", re.IGNORECASE)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return build_report_warehouse(tmp_path_factory.mktemp("report") / "wh")


@pytest.fixture(scope="module")
def page(warehouse) -> tuple[Path, str]:
    path = write_run_report(warehouse)
    return path, path.read_text(encoding="utf-8")


def test_gathers_the_runs_rejects_night_and_validation(warehouse):
    data = gather_run_report(warehouse, warehouse / "newsledger.duckdb")
    assert data.run_id == RUN_ID
    assert sorted(r.source_path for r in data.rejects) == sorted([HOSTILE_NAME, "crawl/2024-03-12/cut.json", "crawl/2024-03-12/cut2.json"])
    assert [(r.stage, r.reason, r.count) for r in data.reasons] == [
        ("parse", "invalid JSON at line N column N", 2), ("decode", "file is empty or only whitespace", 1)]
    assert data.night == NIGHT
    assert data.days[-1].day == NIGHT and (data.days[-1].articles, data.days[-1].quotes) == (4, 4)
    assert data.undated_articles == 1
    assert [(s.name, s.night) for s in data.speakers] == [("Mei Lin", 3), (HOSTILE_SPEAKER, 1)]
    assert data.speakers[0].previous_mean == pytest.approx(3 / 7)
    assert data.stage_seconds == {"plan": 0.2, "extract": 20.5, "validate": 4.25}
    by_table = {t.table: t for t in data.validation}
    assert by_table["quotes"].failed == 1 and by_table["quotes"].failures[0].column == "check__span_matches_body"
    assert by_table["articles"].passed and by_table["articles"].suite_page == "data_docs/expectations/articles.html"
    assert by_table["events"].unreadable == ("chunk-0001/events.json",)
    assert [r["run_id"] for r in data.recent_runs] == [RUN_ID, PREVIOUS_RUN_ID]


def test_an_older_run_by_id(warehouse):
    data = gather_run_report(warehouse, warehouse / "newsledger.duckdb", PREVIOUS_RUN_ID)
    assert data.run_id == PREVIOUS_RUN_ID
    assert [r.source_path for r in data.rejects] == ["crawl/old.bin"]
    assert data.night == date(2024, 3, 11)


def test_the_page_fetches_nothing_and_runs_no_script(page):
    path, text = page
    assert path == path.parent.parent / "reports" / f"{RUN_ID}.html"
    assert not REMOTE_REFERENCE.search(text), REMOTE_REFERENCE.search(text)
    assert "<script" not in text.lower()
    assert "<link" not in text.lower()
    assert "default-src 'none'" in text
    assert text.count("<svg") == 5  # rejects, daily, speakers, entities, stages


def test_hostile_text_is_escaped(page):
    _, text = page
    assert "<script>alert(" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in text
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text  # in the speakers' table and the chart's SVG text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in text  # a failed expectation's example value


def test_every_link_is_a_file_beside_the_report(page):
    path, text = page
    links = [unquote(h) for h in re.findall(r'href="([^"#][^"]*)"', text)]
    assert links, "the validation section links Great Expectations' pages"
    for link in links:
        assert (path.parent / link).resolve().is_file(), link


@pytest.mark.parametrize(
    ("reason", "path", "kind"),
    [
        ("invalid JSON at line 1 column 66 (Unterminated string starting at): the file may be truncated", "x.json", "invalid JSON at line N column N"),
        ("a/b.txt (record 0) failed validation (quotes: span (x)): quarantined, the other articles loaded", "a/b.txt", "FILE failed validation"),
        ("file is 30000001 bytes, over the limit of 20000000: raise --max-file-bytes or split the file", "big.txt", "file is N bytes, over the limit of N"),
        ("", "x", "(no reason given)"),
    ],
)
def test_reason_kind(reason, path, kind):
    assert reason_kind(reason, path) == kind


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [('{"plan": 0.5, "extract": 3}', {"plan": 0.5, "extract": 3.0}), (None, {}), ("not json", {}), ("[1]", {}), ('{"a": "x", "b": true}', {})],
)
def test_parse_stage_seconds(raw, parsed):
    assert parse_stage_seconds(raw) == parsed


def test_report_command_prints_only_the_path(warehouse):
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{warehouse / 'reports' / (RUN_ID + '.html')}\n"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--run", "20990101T000000Z-000000"], 4, "no run '20990101T000000Z-000000'"),
        (["--run", "../../etc/passwd"], 4, "is not a run id"),
    ],
)
def test_report_command_bad_run(warehouse, args, code, says):
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse), *args])
    assert result.exit_code == code
    assert says in result.output


def test_report_command_without_warehouse(tmp_path):
    result = CliRunner().invoke(app, ["report", "-w", str(tmp_path)])
    assert result.exit_code == 3
    assert "newsledger run" in result.output


def test_open_without_a_browser_says_so_and_fails(warehouse, monkeypatch):
    def no_browser(*_args):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--open"])
    assert result.exit_code == 4
    assert "Cannot open the report: no web browser found" in result.output
    assert result.stdout.strip().endswith(f"{RUN_ID}.html")  # written all the same
    assert len([line for line in result.output.splitlines() if line.startswith("Cannot open")]) == 1


def test_open_with_a_browser(warehouse, monkeypatch):
    opened = []

    class Browser:
        name = "fake"

        def open(self, url):
            opened.append(url)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda *_args: Browser())
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [(warehouse / "reports" / f"{RUN_ID}.html").resolve().as_uri()]


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsledger {__version__}\n"


def test_sql_help_lists_the_tables_and_the_views():
    result = CliRunner().invoke(app, ["sql", "--help"], terminal_width=400)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for table in SERVED_TABLES:
        assert table.name in text
    for view in MART_VIEWS:
        assert f"mart.{view.name}" in text


def test_a_blocked_run_reports_why(tmp_path):
    root = build_report_warehouse(tmp_path / "wh")
    con = duckdb.connect(str(root / "newsledger.duckdb"))
    con.execute(
        "insert into runs by name select 'blocked-run' as run_id, $s as started_at, $f as finished_at, 'failed' as status, 5 as files_seen,"
        " 0 as files_skipped, 0 as articles_loaded, 0 as files_rejected, 0 as quotes, 0 as entities, 0 as entity_mentions,"
        " 0 as temporal_expressions, 0 as events, false as validation_passed, '0.3.0' as extractor_version,"
        " 'table ''quotes'' breaks its contract: <b>column missing</b>' as message",
        {"s": FINISHED + timedelta(hours=1), "f": FINISHED + timedelta(hours=1, seconds=9)},
    )
    con.close()
    text = write_run_report(root).read_text(encoding="utf-8")
    assert "Run blocked-run" in text
    assert "&lt;b&gt;column missing&lt;/b&gt;" in text
    assert "The run did not load" in text
    assert "No validation results were found" in text
    assert "This run recorded no stage timings." in text
