"""Quarantine: articles whose rows failed a row-level validation check move to ``rejects``.

One article with an absurd date or a broken span must not block the night. Its rows leave every
table of the batch, and one ``rejects`` row (stage ``validate``) says which file, which table
and which check; the other articles load.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from newsledger.core.schemas import TABLES_BY_NAME
from transforms.run.arrow import to_table
from transforms.run.ids import stable_id
from transforms.records import Reject

_MAX_REASON_CHARS = 400


@dataclass(frozen=True)
class QuarantineDecision:
    """Whether the night may load with its offending articles quarantined.

    Attributes:
        allowed: True when the share of offending articles is at most the limit.
        share: offending articles / articles of the run.
        message: one line for the user when the load is blocked.
    """

    allowed: bool
    share: float
    message: str


def decide(offending: int, articles: int, max_share: float) -> QuarantineDecision:
    """Quarantine up to ``max_share`` of a run's articles; beyond that the night is blocked.

    Examples:
        decide(1, 31, 0.05) -> allowed (3.2% of the articles)
        decide(3, 31, 0.05) -> blocked (9.7% > 5%): a rule is broken, not three articles
    Notes:
        A small night is blocked by one bad article when one article exceeds the share
        (1 of 10 is 10%); raise ``--max-quarantine-share`` for small test runs.
    """
    share = offending / articles if articles else 0.0
    if share <= max_share:
        return QuarantineDecision(True, share, "")
    return QuarantineDecision(
        False,
        share,
        f"{offending} of {articles} articles ({share:.1%}) failed row-level checks, more than --max-quarantine-share {max_share:.1%}: "
        "a rule or the input is broken; read the validation report, fix, and run again (or raise the share)",
    )


def blamed_examples(failures: Mapping[str, Sequence[str]], limit: int = 5) -> list[str]:
    """A few offending articles with their failed checks, for the blocked-run message."""
    return [f"article {article_id}: {'; '.join(sorted(set(failures[article_id])))}" for article_id in sorted(failures)[:limit]]


def validation_reason(source_path: str, source_record: int, failures: Sequence[str]) -> str:
    """The reject reason of a quarantined article: the file, the table and the check."""
    checks = "; ".join(sorted(set(failures)))
    reason = f"{source_path} (record {source_record}) failed validation ({checks}): quarantined, the other articles loaded"
    return reason if len(reason) <= _MAX_REASON_CHARS else reason[: _MAX_REASON_CHARS - 1] + "…"


def quarantine_tables(tables: Mapping[str, pa.Table], failures: Mapping[str, Sequence[str]], now: datetime) -> dict[str, pa.Table]:
    """A batch's tables with the offending articles' rows removed and their rejects added.

    Args:
        tables: one batch's tables by name (must hold ``articles`` and ``rejects``).
        failures: per offending article id, the failed checks in words.
        now: written on the rejects.
    """
    offending = pa.array(sorted(failures), type=pa.string())
    articles = tables["articles"]
    bad = articles.filter(pc.is_in(articles["article_id"], value_set=offending)).to_pylist()
    rejects = [
        Reject(
            reject_id=stable_id(a["source_path"], a["source_record"], a["file_sha256"]),
            source_path=a["source_path"],
            source_record=a["source_record"],
            file_sha256=a["file_sha256"],
            stage="validate",
            error_type="ValidationFailed",
            reason=validation_reason(a["source_path"], a["source_record"], failures[a["article_id"]]),
            rejected_at=now,
        )
        for a in bad
    ]
    kept: dict[str, pa.Table] = {}
    for name, table in tables.items():
        if "article_id" in table.schema.names:
            kept[name] = table.filter(pc.invert(pc.is_in(table["article_id"], value_set=offending)))
        else:
            kept[name] = table
    added = to_table(rejects, TABLES_BY_NAME["rejects"].schema, "rejects")
    kept["rejects"] = pa.concat_tables([tables["rejects"].cast(added.schema), added])
    return kept
