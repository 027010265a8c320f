"""Validate a run's tables with Great Expectations and keep the results as JSON.

Great Expectations is imported here only (it costs seconds at import), and only when a run
has rows to validate.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
import threading
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from expectations.suites import CHECK_PREFIX, build_expectations, table_checks
from newsledger.core.errors import ContractError
from newsledger.core.schemas import TABLES_BY_NAME

log = logging.getLogger(__name__)
_EXAMPLES = 3
DOCS_SITE = "newsledger_run"


@dataclass
class ValidationReport:
    """Outcome of validating one run.

    Attributes:
        failures: per table, every failed expectation in words (row-level and structural).
        structural: per table, the failures no row can be blamed for (a column missing, a
            check of the whole table): these block the load.
        offending: article ids whose rows broke a row-level expectation, each with the
            failures in words (``table: check``); these articles are quarantined.
        results_dir: where results and Data Docs were written.
    """

    failures: dict[str, list[str]] = field(default_factory=dict)
    structural: dict[str, list[str]] = field(default_factory=dict)
    offending: dict[str, list[str]] = field(default_factory=dict)
    results_dir: Path | None = None

    @property
    def passed(self) -> bool:
        return not any(self.failures.values())

    @property
    def quarantine_note(self) -> str | None:
        """One line for ``runs.message`` when articles were quarantined, else None."""
        if not self.offending:
            return None
        return f"{len(self.offending)} article(s) failed row-level checks and were quarantined: see rejects where stage = 'validate'"

    def raise_for_failures(self) -> None:
        """Raise a ContractError naming the first failing table and all of its failures.

        Raises:
            ContractError: at least one suite failed.
        """
        _raise_first(self.failures)

    def raise_for_structural(self) -> None:
        """Raise a ContractError when a failure cannot be pinned on articles.

        Raises:
            ContractError: at least one structural failure.
        """
        _raise_first(self.structural)


def _raise_first(failures_by_table: dict[str, list[str]]) -> None:
    for table, failures in failures_by_table.items():
        if failures:
            others = [t for t, f in failures_by_table.items() if f and t != table]
            extra = [f"(also failing: {', '.join(others)})"] if others else []
            raise ContractError(table, failures + extra)


def _row_key(table_name: str) -> str | None:
    """The column that ties a table's rows to articles (entities through their mentions)."""
    names = TABLES_BY_NAME[table_name].schema.names
    return "article_id" if "article_id" in names else "entity_id" if "entity_id" in names else None


def _offending_articles(name: str, result: Any, tables: Mapping[str, pa.Table]) -> set[str] | None:
    """The articles behind a failed row-level expectation; None when no row can be blamed."""
    key = _row_key(name)
    rows = (result.result or {}).get("unexpected_index_list")
    if key is None or not rows:
        return None
    values = {row.get(key) for row in rows if isinstance(row, dict)}
    if key == "article_id":
        return {v for v in values if isinstance(v, str)} or None
    mentions = tables.get("entity_mentions")
    if mentions is None:
        return None
    owners = {a for a, e in zip(mentions["article_id"].to_pylist(), mentions["entity_id"].to_pylist(), strict=True) if e in values}
    return owners or None


def _frame(name: str, tables: Mapping[str, pa.Table]) -> Any:
    frame = tables[name].to_pandas()
    for check_name, check in table_checks(TABLES_BY_NAME[name]).items():
        frame[CHECK_PREFIX + check_name] = check(tables)
    return frame


def _describe(result: Any) -> str:
    config = result.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k in ("column", "column_list", "value_set", "min_value") and k != "batch_id"}
    outcome = result.result or {}
    examples = outcome.get("partial_unexpected_list") or []
    count = outcome.get("unexpected_count")
    where = f" on column {kwargs['column']!r}" if "column" in kwargs else ""
    detail = f"{count} unexpected rows" if count is not None else "failed"
    shown = f", e.g. {examples[:_EXAMPLES]}" if examples else ""
    if "observed_value" in outcome and not examples:
        shown = f", observed {outcome['observed_value']}"
    return f"{config.type}{where}: {detail}{shown}"


def _check_name(result: Any) -> str:
    """The failed expectation in a few words: a semantic check by its name, else type and column."""
    config = result.expectation_config
    column = config.kwargs.get("column")
    if isinstance(column, str) and column.startswith(CHECK_PREFIX):
        return f"check {column.removeprefix(CHECK_PREFIX)}"
    return f"{config.type} on {column}" if column else config.type


def _quiet_context(gx: Any) -> Any:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX announces its temporary docs folder at INFO on every run: noise for our users.
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


# Modules Great Expectations imports at import time for expectations no suite here uses: the
# KL-divergence and KS tests (scipy.stats, 0.7 s of CPU) and the KL-divergence chart (altair,
# 0.2-0.4 s). Each gets a stand-in that imports the real module on first use.
_DEFERRED_IMPORTS = ("scipy.stats", "altair")


def _defer_import(name: str) -> None:
    """Put a stand-in for module ``name`` in ``sys.modules`` (PEP 562 ``__getattr__``): the real
    module imports on the first attribute anyone asks of it."""
    if name in sys.modules:
        return
    stand_in = types.ModuleType(name, f"Stand-in: the real {name} imports on first use (expectations.runner).")

    def load(attribute: str) -> Any:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = load  # type: ignore[method-assign]
    sys.modules[name] = stand_in


def import_great_expectations() -> Any:
    """``import great_expectations``, with the modules in ``_DEFERRED_IMPORTS`` imported only
    when something uses them (a third of the import's time)."""
    for name in _DEFERRED_IMPORTS:
        _defer_import(name)
    return importlib.import_module("great_expectations")


def _import_in_background() -> None:
    try:
        import_great_expectations()
    except Exception:  # the validation step imports it again and reports the error to the user there
        logging.getLogger(__name__).debug("background import of Great Expectations failed", exc_info=True)


def warm_up() -> None:
    """Start importing Great Expectations in the background (it takes seconds).

    A run calls this before extraction, so the import overlaps with the workers' parsing
    instead of adding to the run's wall-clock time; Python's import lock makes the later
    import wait for this one.

    Notes:
        numpy's submodules import lazily, and two threads importing ``numpy.ma`` at once
        recurse until the stack runs out, which can leave an import lock held for ever (a run
        then hung in Prefect's ``import pandas``). So ``numpy.ma`` is imported here, in the
        calling thread, before the background import starts.
    """
    importlib.import_module("numpy.ma")
    threading.Thread(target=_import_in_background, daemon=True, name="gx-import").start()


def _add_docs_site(context: Any, site_dir: Path) -> None:
    context.add_data_docs_site(
        site_name=DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )


def _columns_result(name: str, table: pa.Table) -> dict[str, Any]:
    """The result of an empty table's one meaningful check, its columns, in Great Expectations' JSON shape."""
    expected = list(TABLES_BY_NAME[name].schema.names)
    success = table.schema.names == expected
    return {
        "success": success,
        "statistics": {"evaluated_expectations": 1, "successful_expectations": int(success), "unsuccessful_expectations": int(not success),
                       "success_percent": 100.0 if success else 0.0},
        "results": [{
            "success": success,
            "expectation_config": {"type": "expect_table_columns_to_match_ordered_list", "kwargs": {"column_list": expected}},
            "result": {"observed_value": table.schema.names},
        }],
        "meta": {"checked_by": "newsledger: no rows, so no row can fail an expectation; only the columns were checked, without Great Expectations"},
    }


class _Validator:
    """One Great Expectations context for a run, made on first use: a run with no rows to check never imports GX."""

    def __init__(self, results_dir: Path | None) -> None:
        self.results_dir = results_dir
        self.context: Any = None
        self._gx: Any = None
        self._source: Any = None
        self._definitions: dict[str, tuple[Any, dict[str, Any]]] = {}

    def validate(self, name: str, frame: Any) -> Any:
        """Run a table's suite on one chunk's frame; the result is kept in the context's store (Data Docs read it).

        The validation definition runs directly: through a Checkpoint (no actions here), Great
        Expectations first compared the whole checkpoint with its stored copy on every run, a
        third of a small run's validation time.
        """
        definition, result_format = self._definition(name)
        return definition.run(batch_parameters={"dataframe": frame}, result_format=result_format)

    def _definition(self, name: str) -> tuple[Any, dict[str, Any]]:
        if self.context is None:
            gx = import_great_expectations()
            self._gx = gx
            self.context = _quiet_context(gx)
            if self.results_dir is not None:
                _add_docs_site(self.context, self.results_dir / "data_docs")
            self._source = self.context.data_sources.add_pandas("newsledger")
        if name not in self._definitions:
            gx, context = self._gx, self.context
            batch_definition = self._source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe(f"{name}_chunk")
            suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=build_expectations(TABLES_BY_NAME[name], gx)))
            definition = context.validation_definitions.add(gx.ValidationDefinition(name=f"validate_{name}", data=batch_definition, suite=suite))
            key = _row_key(name)
            # COMPLETE results name the article (or entity) of every failing row, so a bad
            # article can be quarantined instead of blocking the night.
            result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": [key]} if key else {"result_format": "SUMMARY"}
            self._definitions[name] = (definition, result_format)
        return self._definitions[name]


def validate_chunks(chunks: Iterable[Mapping[str, pa.Table]], results_dir: Path | None = None, *,
                    docs_in_background: bool = False) -> ValidationReport:
    """Validate a run chunk by chunk, so memory stays bounded whatever the run's size.

    Each chunk holds complete batches (its articles with all of their rows and entities), so
    every cross-table check is answered inside the chunk. One GX context serves the whole run,
    so its Data Docs site lists every chunk. A table without rows cannot fail a row's
    expectation: only its columns are checked, without Great Expectations, and it gets no
    Data Docs pages (a rerun over unchanged files validates, and renders, nothing).

    Args:
        chunks: one mapping of table name to Arrow table per chunk (read lazily by the caller).
        results_dir: where to keep the results: ``chunk-NNNN/<table>.json`` and the Data Docs
            HTML site (``data_docs/index.html``) of the tables that had rows; None keeps nothing.
        docs_in_background: render the Data Docs site in a thread and return at once; the
            caller waits for it with ``wait_for_data_docs(results_dir)`` (a run renders while
            it loads and publishes: the pages are its report, not its data).
    """
    if results_dir is not None:
        results_dir.mkdir(parents=True, exist_ok=True)
    validator = _Validator(results_dir)
    report = ValidationReport(results_dir=results_dir)
    for number, tables in enumerate(chunks, start=1):
        for name in tables:
            if tables[name].num_rows == 0:
                raw = _columns_result(name, tables[name])
                failures = [] if raw["success"] else [f"expect_table_columns_to_match_ordered_list: failed, observed {tables[name].schema.names}"]
                report.failures.setdefault(name, []).extend(f"chunk {number}: {f}" if number > 1 else f for f in failures)
                report.structural.setdefault(name, []).extend(f"chunk {number}: {f}" if number > 1 else f for f in failures)
                _keep_result(results_dir, number, name, raw)
                continue
            result = validator.validate(name, _frame(name, tables))
            failed = [r for r in result.results if not r.success]
            failures = [_describe(r) for r in failed]
            report.failures.setdefault(name, []).extend(f"chunk {number}: {f}" if number > 1 else f for f in failures)
            for expectation, described in zip(failed, failures, strict=True):
                articles = _offending_articles(name, expectation, tables)
                if articles is None:
                    report.structural.setdefault(name, []).append(f"chunk {number}: {described}" if number > 1 else described)
                    continue
                for article_id in articles:
                    report.offending.setdefault(article_id, []).append(f"{name}: {_check_name(expectation)}")
            _keep_result(results_dir, number, name, result.to_json_dict())
            log.info("validated %s (chunk %d): %d rows, %d failed expectations", name, number, tables[name].num_rows, len(failures))
    if results_dir is not None and validator.context is not None:
        # Once at the end: a data-docs action on every checkpoint re-renders every result so far
        # (quadratic in tables x chunks; it was most of a small run's validation time).
        if docs_in_background:
            _start_data_docs(results_dir, validator.context)
        else:
            validator.context.build_data_docs(site_names=[DOCS_SITE])
    return report


class _DocsBuild(threading.Thread):
    """Renders a run's Data Docs site; keeps what went wrong for the one who waits."""

    def __init__(self, results_dir: Path, context: Any) -> None:
        # Not a daemon: an interpreter that exits before anyone waited still finishes the pages.
        super().__init__(name="gx-data-docs")
        self.results_dir = results_dir
        self.context = context
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.context.build_data_docs(site_names=[DOCS_SITE])
        except BaseException as error:  # handed to wait_for_data_docs, which raises it in the run's thread
            self.error = error


_DOCS_BUILDS: dict[Path, _DocsBuild] = {}


def _start_data_docs(results_dir: Path, context: Any) -> None:
    """Render the Data Docs site in a thread of its own; nothing else touches the context after validation."""
    build = _DocsBuild(results_dir, context)
    _DOCS_BUILDS[results_dir] = build
    build.start()


def wait_for_data_docs(results_dir: Path, *, quietly: bool = False) -> None:
    """Wait until the Data Docs pages started by ``validate_chunks(..., docs_in_background=True)``
    are written; an error of theirs is raised here, as it would have been in validation, or
    only logged when ``quietly``."""
    build = _DOCS_BUILDS.pop(results_dir, None)
    if build is None:
        return
    build.join()
    if build.error is None:
        return
    if quietly:
        log.warning("the Data Docs pages in %s were not rendered", results_dir, exc_info=build.error)
        return
    raise build.error


def _keep_result(results_dir: Path | None, number: int, name: str, result: Mapping[str, Any]) -> None:
    if results_dir is None:
        return
    folder = results_dir / f"chunk-{number:04d}"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


def validate_tables(tables: Mapping[str, pa.Table], results_dir: Path | None = None) -> ValidationReport:
    """Validate one set of tables (a run small enough to be one chunk)."""
    return validate_chunks([tables], results_dir)


def data_docs_index(results_dir: Path) -> Path:
    """Where a run's Data Docs HTML report starts."""
    return results_dir / "data_docs" / "index.html"
