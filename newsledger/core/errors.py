"""The one exception tree of newsledger: every error we raise on purpose is a NewsledgerError."""

from __future__ import annotations


class NewsledgerError(Exception):
    """Root of every error newsledger raises on purpose."""


class BadInputError(NewsledgerError):
    """A source file is wrong; the file is rejected and never retried.

    Attributes:
        source_path: the file that was rejected.
        stage: pipeline stage that found the problem (``read``, ``decode``, ``parse``).
        reason: what is wrong and what to fix, in words a user can act on.
    """

    def __init__(self, source_path: str, stage: str, reason: str) -> None:
        self.source_path = source_path
        self.stage = stage
        self.reason = reason
        super().__init__(f"{source_path}: {reason}")


class ContractError(NewsledgerError):
    """A table breaks its schema or its validation suite; the load is stopped.

    Attributes:
        table: the table that broke its contract.
        failures: human-readable descriptions of each failed check.
    """

    def __init__(self, table: str, failures: list[str]) -> None:
        self.table = table
        self.failures = list(failures)
        listing = "\n  - ".join(self.failures)
        super().__init__(f"table {table!r} breaks its contract:\n  - {listing}")


class WarehouseError(NewsledgerError):
    """DuckDB could not be opened, written or read; may be transient (e.g. a lock).

    Attributes:
        database_path: the DuckDB file involved.
        is_transient: True when trying again later may succeed (a lock held by another process).
    """

    def __init__(self, database_path: str, message: str, *, is_transient: bool = False) -> None:
        self.database_path = database_path
        self.is_transient = is_transient
        super().__init__(f"{database_path}: {message}")


class BadArgumentError(NewsledgerError):
    """A command-line argument is wrong (a date window that ends before it starts, ...)."""


class WarehouseUnwritableError(WarehouseError):
    """The warehouse folder cannot be written (permissions, read-only or full file system); never transient."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, f"cannot be written ({problem}): free disk space, fix the folder's permissions or pass another --warehouse")


class WarehouseDamagedError(WarehouseError):
    """The DuckDB file is not a valid database (a disk fault or a foreign file); never transient."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "is not a valid DuckDB database (damaged or not ours): rebuild it with `newsledger run --full-refresh PATH...`")


DAMAGED_DATABASE_MARK = "not a valid DuckDB database file"
