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
