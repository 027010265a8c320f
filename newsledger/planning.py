"""Which input files a run reads: the plan task's work, and the same answer before the flow starts.

The flow's ``plan-files`` task decides. The command line asks the same question before Prefect
has even been imported, to know how many worker processes to start while it imports and
plans (none for a rerun over unchanged files); only the flow's answer is acted upon.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from newsledger import __version__
from newsledger.inputs import discover_inputs, fingerprint_files, read_alias_file
from newsledger.core.settings import Settings
from transforms.entities.aliases import AliasMap, extractor_version
from transforms.run.batches import plan_batches
from transforms.run.faults import Fault
from transforms.run.incremental import FilePlan, plan_files


def plan_inputs(
    files: Sequence[str], database_path: Path, aliases: AliasMap, full_refresh: bool, reprocess: bool, since: date | None, until: date | None,
) -> tuple[FilePlan, list[Fault]]:
    """The files to read (new, changed, or from an older extractor when reprocessing) and the unreadable ones.

    Raises:
        WarehouseError: the served database cannot be read.
    """
    from warehouse.load import loaded_files

    found = fingerprint_files(files)
    loaded = {} if full_refresh else loaded_files(database_path)
    version = extractor_version(__version__, aliases)
    decided = plan_files(found.hashes, loaded, version, full_refresh=full_refresh, reprocess=reprocess, since=since, until=until, sizes=found.sizes)
    return decided, found.faults


def expected_batches(
    paths: Sequence[str], settings: Settings, full_refresh: bool, reprocess: bool, since: date | None, until: date | None, follow_symlinks: bool,
) -> int:
    """How many batches the flow's plan will make of these inputs (0: nothing to extract).

    Raises:
        NewsledgerError: an alias file or the warehouse cannot be read (the flow will say so).
    """
    found = discover_inputs(paths, follow_symlinks)
    plan, _ = plan_inputs(found.files, settings.loaded_database, read_alias_file(settings.aliases_path), full_refresh, reprocess, since, until)
    return len(plan_batches(plan.to_process, settings.batch_size, settings.workers, plan.sizes))
