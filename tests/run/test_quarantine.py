"""Row-level validation failures quarantine their articles; structural ones block the night."""

from datetime import UTC, date, datetime

import pytest

from newsledger.core.schemas import TABLES_BY_NAME
from transforms.run.arrow import to_table
from transforms.run.quarantine import decide, quarantine_tables
from transforms.records import Article

NOW = datetime(2024, 3, 11, tzinfo=UTC)


def _article(article_id: str, path: str) -> Article:
    return Article(article_id, path, 0, "raw", "sha-" + path, date(2024, 3, 11), None, None, "Body.", 1, "v", None, None)


@pytest.mark.parametrize(
    ("offending", "articles", "share", "allowed"),
    [(1, 31, 0.05, True), (0, 0, 0.05, True), (2, 40, 0.05, True), (3, 31, 0.05, False), (1, 10, 0.05, False), (1, 10, 0.1, True)],
)
def test_decide(offending, articles, share, allowed):
    decision = decide(offending, articles, share)
    assert decision.allowed is allowed
    assert ("--max-quarantine-share" in decision.message) is (not allowed)


def test_quarantine_moves_an_article_and_all_its_rows_to_rejects():
    tables = {
        "articles": to_table([_article("a1", "good.txt"), _article("a2", "bad.txt")], TABLES_BY_NAME["articles"].schema),
        "rejects": TABLES_BY_NAME["rejects"].schema.empty_table(),
        "event_participants": to_table(
            [{"event_id": "e1", "article_id": "a1", "entity_id": "x"}, {"event_id": "e2", "article_id": "a2", "entity_id": "x"}],
            TABLES_BY_NAME["event_participants"].schema,
        ),
        "entities": to_table([{"entity_id": "x", "canonical_name": "X", "entity_type": "ORG"}], TABLES_BY_NAME["entities"].schema),
    }
    kept = quarantine_tables(tables, {"a2": ["events: check dates_sane"]}, NOW)
    assert kept["articles"]["article_id"].to_pylist() == ["a1"]
    assert kept["event_participants"]["article_id"].to_pylist() == ["a1"]
    assert kept["entities"].num_rows == 1  # shared by other articles: kept
    [reject] = kept["rejects"].to_pylist()
    assert (reject["source_path"], reject["stage"], reject["error_type"]) == ("bad.txt", "validate", "ValidationFailed")
    assert "bad.txt" in reject["reason"] and "events: check dates_sane" in reject["reason"]
