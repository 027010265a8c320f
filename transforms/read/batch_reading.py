"""Reading one batch of files into articles and rejects, each file behind the fault boundary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from transforms.read.articles import ReadOptions, read_articles
from transforms.run.faults import Fault, contain
from transforms.run.ids import sha256_hex
from transforms.records import Article, Reject
from transforms.read.source_paths import display_path


@dataclass
class BatchRead:
    """What a batch of files yields: articles, rejects, and the faults behind some rejects."""

    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)


def read_batch(paths: Sequence[str], read_bytes: Callable[[str], bytes], options: ReadOptions) -> BatchRead:
    """Read every file of a batch; a file that raises becomes one reject, the others load.

    Args:
        paths: the files, as found on disk (names may hold surrogate escapes).
        read_bytes: how to get a file's bytes (the caller's I/O).
        options: what the reader needs besides the bytes.
    """
    batch = BatchRead()
    for path in paths:
        shown = display_path(path)
        raw = contain(lambda path=path: read_bytes(path), stage="read", source_path=shown)
        # Keyed by the bytes' hash, so a rerun over the same bytes skips the file as rejected.
        outcome = raw if isinstance(raw, Fault) else contain(
            lambda raw=raw, shown=shown: read_articles(raw, shown, options), stage="parse", source_path=shown, file_sha256=sha256_hex(raw)
        )
        if isinstance(outcome, Fault):
            batch.faults.append(outcome)
            batch.rejects.append(outcome.to_reject(options.now))
        else:
            batch.articles += outcome.articles
            batch.rejects += outcome.rejects
    return batch
