"""The per-file and per-article fault boundary: whatever one input raises stays with that input.

Rules and readers raise our own ``BadInputError`` for inputs they know to be wrong; those become
rejects where they are raised. Anything else one file or one article raises (a library bug, a
RecursionError, a MemoryError on one monster, an OSError reading one file) is caught *here and
only here*, turned into a ``Fault`` that names the input, the stage and a reason, and the run
goes on with the next input. The traceback travels with the fault so the run log keeps it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from transforms.run.ids import stable_id
from transforms.records import Reject

T = TypeVar("T")
D = TypeVar("D")

_MESSAGE_CHARS = 200


@dataclass(frozen=True)
class Fault:
    """One input that raised: where, at which stage, why (for users) and the traceback (for the log)."""

    source_path: str
    source_record: int
    file_sha256: str
    stage: str
    error_type: str
    reason: str
    traceback: str

    def to_reject(self, now: datetime) -> Reject:
        """The ``rejects`` row of this fault, keyed like every reject (path, record, content)."""
        return Reject(
            reject_id=stable_id(self.source_path, self.source_record, self.file_sha256),
            source_path=self.source_path,
            source_record=self.source_record,
            file_sha256=self.file_sha256,
            stage=self.stage,
            error_type=self.error_type,
            reason=self.reason,
            rejected_at=now,
        )


def reason_for(error: BaseException, stage: str) -> str:
    """A reason a user can act on, for an exception nobody planned for.

    Examples:
        PermissionError(13, "Permission denied") at read -> "cannot read the file (Permission denied): ..."
        RecursionError("maximum recursion depth exceeded") -> "... nested too deeply ..."
    """
    if isinstance(error, OSError):
        return f"cannot read the file ({error.strerror or error}): check that it still exists and that this user may read it"
    if isinstance(error, RecursionError):
        return f"the input is nested too deeply to {stage} (RecursionError): it is not a news article file"
    if isinstance(error, MemoryError):
        return f"ran out of memory while trying to {stage} this input: split the file or lower --max-file-bytes"
    if isinstance(error, ImportError):
        return f"a library needed to {stage} this input failed to import ({error}): reinstall with `make setup`"
    message = " ".join(str(error).split())[:_MESSAGE_CHARS]
    return f"unexpected {type(error).__name__} while trying to {stage} this input ({message}); the traceback is in the run log: please report it"


def contain(work: Callable[[], T], *, stage: str, source_path: str, source_record: int = 0, file_sha256: str = "") -> T | Fault:
    """Run ``work`` for one input; what it returns, or the Fault of what it raised.

    Notes:
        KeyboardInterrupt and SystemExit are not caught: an interrupt ends the run, not an input.
    """
    try:
        return work()
    except Exception as error:  # the one per-input fault boundary (STYLE: no other broad except)
        return fault_of(error, stage=stage, source_path=source_path, source_record=source_record, file_sha256=file_sha256)


def fault_of(error: BaseException, *, stage: str, source_path: str, source_record: int = 0, file_sha256: str = "") -> Fault:
    """The Fault of an exception one input raised (caught by ``contain`` or ``pipe_contained``)."""
    return Fault(
        source_path=source_path,
        source_record=source_record,
        file_sha256=file_sha256,
        stage=stage,
        error_type=type(error).__name__,
        reason=reason_for(error, stage),
        traceback="".join(traceback.format_exception(error)),
    )


def pipe_contained(pipe: Callable[[Iterable[str]], Iterable[D]], one: Callable[[str], D], texts: Sequence[str]) -> Iterator[D | BaseException]:
    """Every text's result from a batched ``pipe``; if the batch breaks, the rest one by one.

    A batched pipe (spaCy's ``nlp.pipe``) that raises cannot say which text broke it, and its
    generator is dead. The texts it did not yet return are then run alone with ``one``, so only
    the text that really fails yields its exception (the caller turns it into a Fault).
    """
    done = 0
    try:
        for result in pipe(texts):
            done += 1
            yield result
        return
    except Exception:  # the boundary again: the batch broke somewhere in texts[done:]
        pass
    for text in texts[done:]:
        try:
            yield one(text)
        except Exception as error:  # one text's failure, handed to the caller's boundary
            yield error
