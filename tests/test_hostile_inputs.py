"""A night of hostile inputs in one real `newsledger run`: every good article loads, every bad
path ends in `rejects` with a reason, the run takes bounded time, and a rerun changes nothing.

The committed files are in tests/hostile/; what git cannot hold (a FIFO, symbolic links, a
non-UTF-8 file name) or should not (a 200 KB nesting bomb, a 50,000-mark quote run, binary
junk) is made here. The input and warehouse folders carry glob characters on purpose.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from bench.generate_corpus import generate
from test_crash_safety import snapshot

pytestmark = pytest.mark.e2e
CLI = Path(sys.executable).parent / "newsledger"
HOSTILE = Path(__file__).resolve().parent / "hostile"
GOOD_ARTICLES = 30
QUOTE_RUN = 50_000


def _make_night(root: Path) -> Path:
    night = root / "night[1]"
    generate(night / "wire", GOOD_ARTICLES, words=120)
    shutil.copytree(HOSTILE, night / "hostile")
    odd = night / "odd"
    odd.mkdir()
    (odd / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    (odd / "junk.bin").write_bytes(bytes(range(256)) * 4)
    (odd / "empty.txt").write_bytes(b"")
    (odd / "quote_run.txt").write_text(
        ' date 2024-03-12 "The bridge opens today," said Ruth Amadi, the chief engineer.\n\n'
        + '"' * QUOTE_RUN
        + '\n\n"We are proud of the crews," said mayor Piet Kolar on Tuesday.\n'
    )
    blob = "QUJD" * 15_000  # a 60,000-character 'word' (an inlined image) inside real text
    (odd / "inline_blob.txt").write_text(f" date 2024-03-12 The museum posted its new logo on Monday.\n\n{blob}\n\nVisitors liked it, curator Ada Berg said.\n")
    (odd / os.fsdecode(b"caf\xe9_opening.txt")).write_text(" date 2024-03-12 A cafe opened in Kell on Monday, its owner said.\n")
    os.mkfifo(odd / "pipe.txt")
    os.symlink(odd / "missing.txt", odd / "dangling.txt")
    os.symlink(odd / "loop_b.txt", odd / "loop_a.txt")
    os.symlink(odd / "loop_a.txt", odd / "loop_b.txt")
    outside = root / "secret.txt"
    outside.write_text("a file outside the inputs that must never become an article")
    os.symlink(outside, odd / "escape.txt")
    return night


def _run(night: Path, warehouse: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run([CLI, "run", "--batch-size", "16", "--warehouse", warehouse, night], capture_output=True, text=True, timeout=600, env=env)
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def night_run(tmp_path_factory, prefect_server):
    root = tmp_path_factory.mktemp("hostile")
    night = _make_night(root)
    warehouse = root / "wh[*]"
    first, seconds = _run(night, warehouse, prefect_server)
    return night, warehouse, first, seconds, prefect_server


def _query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "newsledger.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_night_loads(night_run):
    _, warehouse, first, seconds, _ = night_run
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Traceback" not in first.stderr
    assert seconds < 300, f"the hostile night took {seconds:.0f} s"


def test_every_good_article_loads(night_run):
    _, warehouse, *_ = night_run
    paths = [Path(p).name for (p,) in _query(warehouse, "select source_path from articles")]
    assert sum(name.startswith("article_") for name in paths) == GOOD_ARTICLES
    expected = {"date_9999-12-31.txt", "date_0001-01-01.txt", "date_2350-06-05.txt", "page.html", "quote_run.txt", "inline_blob.txt", "caf\\xe9_opening.txt"}
    assert expected <= set(paths)
    assert paths.count("records_one_cut.jsonl") == 2


def test_every_bad_path_is_rejected_with_a_reason(night_run):
    _, warehouse, *_ = night_run
    rejects = {Path(p).name: (stage, kind, reason) for p, stage, kind, reason in _query(warehouse, "select source_path, stage, error_type, reason from rejects")}
    assert set(rejects) == {
        "pipe.txt", "dangling.txt", "loop_a.txt", "loop_b.txt", "escape.txt",
        "nested.json", "junk.bin", "empty.txt", "truncated_pretty.json", "records_one_cut.jsonl",
    }
    assert rejects["pipe.txt"][:2] == ("discover", "FifoInput")
    assert rejects["escape.txt"][1] == "SymlinkOutsideInputs" and "--follow-symlinks" in rejects["escape.txt"][2]
    assert rejects["dangling.txt"][1] == "DanglingSymlink" and rejects["loop_a.txt"][1] == "SymlinkLoop"
    assert "nest" in rejects["nested.json"][2]
    assert "truncated" in rejects["truncated_pretty.json"][2]
    assert all(reason for _, _, reason in rejects.values())
    outside = _query(warehouse, "select count(*) from articles where body like '%must never become an article%'")
    assert outside == [(0,)]


def test_absurd_dates_never_resolve_outside_the_sane_range(night_run):
    _, warehouse, *_ = night_run
    assert _query(warehouse, "select count(*) from events where date_start < date '1800-01-01' or date_end > date '2200-12-31'") == [(0,)]
    repairs = _query(warehouse, "select repairs from articles where source_path like '%date_9999%'")
    assert repairs and "date" in (repairs[0][0] or "")


def test_the_quote_run_is_cut_and_its_real_quotes_kept(night_run):
    _, warehouse, *_ = night_run
    [(body_length,)] = _query(warehouse, "select length(body) from articles where source_path like '%quote_run.txt'")
    assert body_length < 1_000
    speakers = {s for (s,) in _query(warehouse, "select speaker from quotes join articles using (article_id) where source_path like '%quote_run.txt'")}
    assert {"Ruth Amadi", "Piet Kolar"} <= speakers


def test_a_rerun_changes_nothing(night_run):
    night, warehouse, _, _, env = night_run
    before = snapshot(warehouse)
    again, _ = _run(night, warehouse, env)
    assert again.returncode == 0, again.stderr[-3000:]
    assert snapshot(warehouse) == before
