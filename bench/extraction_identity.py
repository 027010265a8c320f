"""Proof that a refactor did not move behaviour: every extracted row of a corpus, canonical and hashed.

    python -m bench.extraction_identity FOLDER [--save HASHES.json] [--expect HASHES.json] [--out ROWS.jsonl]

It runs the real command line, ``newsledger run --warehouse TMP/wh --workers 2 .``, in a fresh
process with FOLDER as its working directory (so the stored ``source_path``, and the ids built
from it, do not depend on where FOLDER lives) into a fresh temporary warehouse, then opens the
writer's database ``TMP/wh/.state/newsledger-state.duckdb`` (``TMP/wh/newsledger.duckdb`` before
0.5) read-only and writes every base table (``runs`` left out: it is
bookkeeping) as canonical JSON lines, ``{"row": {...}, "table": NAME}``: keys sorted, compact,
UTF-8; tables in name order, each table's rows sorted by their JSON text. It prints each table's
row count and SHA-256 and one SHA-256 over all lines. Nothing of the project is imported, so the
script works across a reorganisation of ``transforms/``.

Left out of every row, so that only behaviour is compared:

  volatile     run_id, rejected_at, started_at, finished_at, stage_seconds (differ between two
               runs of the same input) and extractor_version (a refactor may bump it)
  provenance   found_by, speaker_by, repaired_by, pattern: columns a refactor may add
               (``--ignore-column`` replaces this list; ``--keep-all-columns`` keeps everything)

Compared casefolded: entities.canonical_name and event_clusters.participants (the names in it
also re-sorted). The load keeps one row per entity_id (a hash of the casefolded name) out of
every article's, whichever DuckDB meets first, so "USA Today" and "USA TODAY" swap between two runs of
the same input (``--casefold-column`` replaces the list). A ``source_path`` that still comes out
absolute is made relative to FOLDER.

Before and after a refactor, on the same input folder (the before commit in a worktree):

    git worktree add /tmp/before BEFORE_COMMIT
    .venv/bin/python -m bench.extraction_identity CORPUS --code /tmp/before --save before.json --out before.jsonl
    .venv/bin/python -m bench.extraction_identity CORPUS --expect before.json --out after.jsonl

``--expect`` exits 1 when any table differs and names, per table, the row counts and the columns
whose values changed (from per-column digests kept in the hash file); ``--out`` keeps the rows,
so two dumps can be compared with ``diff``. The newsledger that runs is the one of the checkout
this script lives in, or of ``--code DIR`` (put first on PYTHONPATH); its folder and commit are
printed and saved. Each run starts its own
temporary Prefect server in a fresh PREFECT_HOME (``--prefect-home`` to reuse one and skip its
database migrations, ~10 s), and ignores ``NEWSLEDGER_*`` variables of the caller's environment,
so settings such as the batch size or an alias file cannot change the rows.

Exit codes: 0 hashes computed (and equal to ``--expect``), 1 they differ, 2 the run failed or
bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import duckdb

FORMAT = 1
VOLATILE_COLUMNS = ("run_id", "rejected_at", "started_at", "finished_at", "stage_seconds", "extractor_version")
PROVENANCE_COLUMNS = ("found_by", "speaker_by", "repaired_by", "pattern", "trigger_by")
SKIPPED_TABLES = ("runs",)
# The tables the comparison is about; a missing one is reported (the dump covers every base table).
EXPECTED_TABLES = (
    "articles", "quotes", "entities", "entity_aliases", "entity_mentions", "temporal_expressions", "events",
    "event_participants", "stories", "quote_clusters", "event_clusters", "cluster_links", "cluster_index", "rejects",
)
PATH_COLUMNS = ("source_path",)
# Values the pipeline picks arbitrarily among case variants: one entity_id ("usa today") gets the
# canonical_name of whichever article's row the load keeps ("USA Today" or "USA TODAY": DISTINCT ON
# in warehouse/load.py breaks the tie as it meets the rows), so two runs of one input differ.
# Compared casefolded; "; "-joined name lists also re-sorted, since the case moves a name in them.
CASE_UNSTABLE = ("entities.canonical_name", "event_clusters.participants")
CHECKOUT = Path(__file__).resolve().parents[1]


class RunFailedError(Exception):
    """``newsledger run`` exited with an error; its log tail says why."""

    def __init__(self, returncode: int, log: Path) -> None:
        self.returncode = returncode
        self.log = log
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        super().__init__(f"newsledger run exited {returncode} (log {log}):\n{tail}")


def canonical(value: object) -> object:
    """A JSON value that stands for ``value`` the same way on every run and platform."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.timezone.utc) if value.tzinfo else value).isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    raise TypeError(f"no canonical JSON form for {type(value).__name__}: {value!r}")


def dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256(lines: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def casefolded(value: object) -> object:
    """``value`` with its case folded; a "; "-joined list of names also sorted again."""
    if not isinstance(value, str):
        return value
    return "; ".join(sorted(part.casefold() for part in value.split("; ")))


def relative_path(value: object, folder: Path) -> object:
    """``value`` relative to ``folder`` when it is an absolute path inside it, else unchanged."""
    if isinstance(value, str) and os.path.isabs(value):
        for root in {str(folder), os.path.realpath(folder)}:
            if value.startswith(root.rstrip("/") + "/"):
                return value[len(root.rstrip("/")) + 1 :]
    return value


def input_fingerprint(folder: Path) -> dict[str, object]:
    """Files (hidden ones skipped, as newsledger does) and one SHA-256 over their paths and contents."""
    entries = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root, name)
                entries.append(f"{path.relative_to(folder).as_posix()}\t{hashlib.sha256(path.read_bytes()).hexdigest()}")
    return {"files": len(entries), "sha256": sha256(sorted(entries))}


def run_env(code: Path, prefect_home: Path, prefect_server: str) -> dict[str, str]:
    # The caller's NEWSLEDGER_* settings (batch size, aliases, source pattern...) could change the rows.
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLEDGER_")}
    env["NEWSLEDGER_PREFECT_SERVER"] = prefect_server
    env["PREFECT_HOME"] = str(prefect_home)
    env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def python_command() -> list[str]:
    # -P: the working directory (the corpus) must not shadow the code under test.
    return [sys.executable, "-P"] if sys.version_info >= (3, 11) else [sys.executable]


def code_under_test(env: dict[str, str], cwd: Path) -> dict[str, str | None]:
    """Where the ``newsledger`` that will run lives, and its git commit if it is a checkout."""
    found = subprocess.run([*python_command(), "-c", "import newsledger; print(newsledger.__file__)"],
                           capture_output=True, text=True, env=env, cwd=cwd, check=True)
    root = Path(found.stdout.strip()).parent.parent
    git = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True)
    commit = git.stdout.strip() if git.returncode == 0 else None
    dirty = None
    if commit:
        status = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
        dirty = "yes" if status.stdout.strip() else "no"
    return {"root": str(root), "commit": commit, "uncommitted_changes": dirty}


def run_newsledger(folder: Path, warehouse: Path, workers: int, env: dict[str, str], log: Path) -> float:
    """One ``newsledger run`` of ``folder`` (as ".") into ``warehouse``; its wall seconds."""
    command = [*python_command(), "-m", "newsledger.cli", "run", "--warehouse", str(warehouse), "--workers", str(workers), "."]
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RunFailedError(done.returncode, log)
    return seconds


def dump_tables(
    database: Path, folder: Path, ignored: frozenset[str], skipped: frozenset[str], folded: frozenset[str]
) -> dict[str, list[str]]:
    """Every base table's rows as sorted canonical JSON texts, by table name."""
    tables: dict[str, list[str]] = {}
    with duckdb.connect(str(database), read_only=True) as con:
        con.execute("set TimeZone = 'UTC'")
        listed = con.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_type = 'BASE TABLE' and table_catalog = current_database() order by 1, 2"
        ).fetchall()
        for schema, table in listed:
            name = table if schema == "main" else f"{schema}.{table}"
            if name in skipped:
                continue
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns"
                " where table_catalog = current_database() and table_schema = ? and table_name = ? order by ordinal_position",
                [schema, table],
            ).fetchall()]
            kept = [c for c in columns if c not in ignored and f"{name}.{c}" not in ignored]
            fold = [c for c in kept if c in folded or f"{name}.{c}" in folded]
            if not kept:
                tables[name] = []
                continue
            select = ", ".join(f'"{c}"' for c in kept)
            rows = con.execute(f'select {select} from "{schema}"."{table}"').fetchall()
            texts = []
            for row in rows:
                record = {c: canonical(v) for c, v in zip(kept, row)}
                for column in PATH_COLUMNS:
                    if column in record:
                        record[column] = relative_path(record[column], folder)
                for column in fold:
                    record[column] = casefolded(record[column])
                texts.append(dumps(record))
            tables[name] = sorted(texts)
    return tables


def column_digests(rows: list[str]) -> dict[str, str]:
    """Per column, a SHA-256 of its values as a sorted multiset: tells which columns changed."""
    values: dict[str, list[str]] = {}
    for text in rows:
        for column, value in json.loads(text).items():
            values.setdefault(column, []).append(dumps(value))
    return {column: sha256(sorted(texts)) for column, texts in sorted(values.items())}


def table_lines(name: str, rows: list[str]) -> list[str]:
    # The row texts are already canonical: splice them instead of dumping twice.
    return [f'{{"row":{row},"table":{dumps(name)}}}' for row in rows]


def summarise(tables: dict[str, list[str]]) -> tuple[dict[str, dict[str, object]], str, list[str]]:
    summary: dict[str, dict[str, object]] = {}
    every_line: list[str] = []
    for name in sorted(tables):
        lines = table_lines(name, tables[name])
        summary[name] = {"rows": len(lines), "sha256": sha256(lines), "columns": column_digests(tables[name])}
        every_line.extend(lines)
    return summary, sha256(every_line), every_line


def differences(expected: dict[str, object], actual: dict[str, object]) -> list[str]:
    """One line per table that differs, naming row counts and changed, added and dropped columns."""
    lines = []
    before, after = expected["tables"], actual["tables"]  # type: ignore[index]
    for name in sorted(set(before) | set(after)):
        if name not in after:
            lines.append(f"{name}: missing (expected {before[name]['rows']} rows)")
            continue
        if name not in before:
            lines.append(f"{name}: new table ({after[name]['rows']} rows)")
            continue
        old, new = before[name], after[name]
        if old["sha256"] == new["sha256"]:
            continue
        cols_old, cols_new = old.get("columns", {}), new.get("columns", {})
        changed = sorted(c for c in set(cols_old) & set(cols_new) if cols_old[c] != cols_new[c])
        parts = [f"rows {old['rows']} -> {new['rows']}"]
        if changed:
            parts.append("values changed in " + ", ".join(changed))
        if set(cols_new) - set(cols_old):
            added = ", ".join(sorted(set(cols_new) - set(cols_old)))
            parts.append(f"new columns {added} (add them with --ignore-column if they are provenance)")
        if set(cols_old) - set(cols_new):
            parts.append("dropped columns " + ", ".join(sorted(set(cols_old) - set(cols_new))))
        if not changed and old["rows"] == new["rows"] and cols_old.keys() == cols_new.keys():
            parts.append("same values per column, paired differently across rows")
        lines.append(f"{name}: " + "; ".join(parts))
    return lines


def context_notes(expected: dict[str, object], actual: dict[str, object]) -> list[str]:
    """Differences of setting rather than of rows: worth knowing when the hashes differ."""
    notes = []
    if expected.get("input") != actual.get("input"):
        notes.append(f"the input folder is not the same: expected {expected.get('input')}, got {actual.get('input')}")
    if sorted(expected.get("ignored_columns", [])) != sorted(actual.get("ignored_columns", [])):  # type: ignore[call-overload]
        notes.append(f"other columns left out: expected {expected.get('ignored_columns')}, got {actual.get('ignored_columns')}")
    if sorted(expected.get("casefolded_columns", [])) != sorted(actual.get("casefolded_columns", [])):  # type: ignore[call-overload]
        notes.append(f"other columns casefolded: expected {expected.get('casefolded_columns')}, got {actual.get('casefolded_columns')}")
    if sorted(expected.get("skipped_tables", [])) != sorted(actual.get("skipped_tables", [])):  # type: ignore[call-overload]
        notes.append(f"other tables left out: expected {expected.get('skipped_tables')}, got {actual.get('skipped_tables')}")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the corpus: a folder of article files (read recursively)")
    parser.add_argument("--out", type=Path, help="write the canonical rows here (JSONL)")
    parser.add_argument("--save", type=Path, help="write the hashes (overall, per table, per column) here (JSON)")
    parser.add_argument("--expect", type=Path, help="hashes saved by an earlier --save: exit 1 with a per-table summary if any differ")
    provenance = " ".join(PROVENANCE_COLUMNS)
    parser.add_argument("--ignore-column", action="append", metavar="COLUMN",
                        help=f"leave this column out (COLUMN or TABLE.COLUMN; repeatable; replaces the default: {provenance})")
    parser.add_argument("--casefold-column", action="append", metavar="TABLE.COLUMN",
                        help=f"compare this column casefolded (repeatable; replaces the default {' '.join(CASE_UNSTABLE)})")
    parser.add_argument("--keep-all-columns", action="store_true",
                        help="leave out and fold nothing, volatile columns included (to see what varies)")
    parser.add_argument("--skip-table", action="append", metavar="TABLE",
                        help=f"leave this table out (repeatable; default {' '.join(SKIPPED_TABLES)})")
    parser.add_argument("--workers", type=int, default=2, help="newsledger worker processes (default 2)")
    parser.add_argument("--code", type=Path, default=CHECKOUT,
                        help="run the newsledger of this checkout or worktree, first on PYTHONPATH (default: the one holding this script)")
    parser.add_argument("--prefect-home", type=Path, help="PREFECT_HOME of the runs (default: a fresh one per run)")
    parser.add_argument("--prefect-server", choices=("temporary", "shared"), default="temporary",
                        help="Prefect server of the run (default temporary)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary warehouse and log (their folder is printed)")
    args = parser.parse_args(argv)

    folder = args.folder.resolve()
    if not folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    if args.keep_all_columns:
        ignored: tuple[str, ...] = ()
    else:
        ignored = VOLATILE_COLUMNS + tuple(args.ignore_column if args.ignore_column is not None else PROVENANCE_COLUMNS)
    skipped = tuple(args.skip_table if args.skip_table is not None else SKIPPED_TABLES)
    folded = () if args.keep_all_columns else tuple(args.casefold_column if args.casefold_column is not None else CASE_UNSTABLE)
    expected = json.loads(args.expect.read_text(encoding="utf-8")) if args.expect else None

    tmp = Path(tempfile.mkdtemp(prefix="extraction-identity-"))
    try:
        env = run_env(args.code.resolve(), (args.prefect_home or tmp / "prefect-home").resolve(), args.prefect_server)
        code = code_under_test(env, folder)
        print(f"newsledger from {code['root']} (commit {code['commit']}, uncommitted changes: {code['uncommitted_changes']})", flush=True)
        print(f"running newsledger on {folder} ...", flush=True)
        wall = run_newsledger(folder, tmp / "wh", args.workers, env, tmp / "run.log")
        # From 0.5 the served file is a catalog of views; the rows are in the writer's database.
        writer = tmp / "wh" / ".state" / "newsledger-state.duckdb"
        database = writer if writer.exists() else tmp / "wh" / "newsledger.duckdb"
        tables = dump_tables(database, folder, frozenset(ignored), frozenset(skipped), frozenset(folded))
    except RunFailedError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"kept {tmp} (warehouse wh/, run.log)")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    summary, overall, lines = summarise(tables)
    missing = [t for t in EXPECTED_TABLES if t not in tables]
    result = {
        "format": FORMAT,
        "overall_sha256": overall,
        "rows": len(lines),
        "tables": summary,
        "ignored_columns": sorted(ignored),
        "skipped_tables": sorted(skipped),
        "casefolded_columns": sorted(folded),
        "input": input_fingerprint(folder),
        # Context, not compared:
        "folder": str(folder),
        "code": code,
        "run_seconds": round(wall, 1),
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    if args.out:
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    if args.save:
        args.save.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    width = max((len(name) for name in summary), default=5)
    for name, table in summary.items():
        print(f"  {name:<{width}} {table['rows']:>8} rows  sha256 {table['sha256']}")
    print(f"  {'all':<{width}} {len(lines):>8} rows  sha256 {overall}")
    fingerprint = result["input"]
    print(f"input {fingerprint['files']} files, sha256 {fingerprint['sha256']}; newsledger run took {wall:.1f} s")  # type: ignore[index]
    if missing:
        print(f"warning: no table {', '.join(missing)} in the warehouse", file=sys.stderr)
    if expected is None:
        return 0
    diff = differences(expected, result)
    notes = context_notes(expected, result)
    if expected.get("overall_sha256") == overall and not diff:
        print(f"identical to {args.expect}")
        for note in notes:
            print(f"  note: {note}")
        return 0
    print(f"DIFFERENT from {args.expect} (expected overall {expected.get('overall_sha256')}):")
    for line in [*(diff or ["overall hash differs"]), *(f"note: {note}" for note in notes)]:
        print(f"  {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
