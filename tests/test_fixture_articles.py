"""Fixture articles with their expected rows: tests/fixtures/articles/NAME.txt and NAME.expected.json.

Each expected file lists what a reader checks by eye: every quote (type, words, speaker, cue and
the rules behind it), every entity mention (text, entity, the repair rule), every date (text,
value, pattern) and every event (trigger, date). After a deliberate change in behaviour,
regenerate with ``NEWSLEDGER_UPDATE_FIXTURES=1 pytest tests/test_fixture_articles.py``, read the
diff and commit it with the change.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from transforms.extract import ArticleRows, extract_article
from transforms.read.articles import ReadOptions, read_articles

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
CASES = sorted(ARTICLES.glob("*.txt"))


def expected_rows(rows: ArticleRows) -> dict[str, list[dict[str, object]]]:
    """The rows of one article as a reader checks them (offsets left out: the text is there)."""
    names = {e.entity_id: f"{e.canonical_name} ({e.entity_type})" for e in rows.entities}
    return {
        "quotes": [
            {"type": q.quote_type, "text": q.text, "speaker": q.speaker, "cue": q.cue,
             "found_by": getattr(q, "found_by", None), "speaker_by": getattr(q, "speaker_by", None)}
            for q in rows.quotes
        ],
        "entity_mentions": [
            {"text": m.text, "entity": names[m.entity_id], "role": m.role, "repaired_by": getattr(m, "repaired_by", None)}
            for m in rows.entity_mentions
        ],
        "dates": [
            {"text": t.text, "type": t.timex_type, "value": t.value, "pattern": getattr(t, "pattern", None)}
            for t in rows.temporal_expressions
        ],
        "events": [{"trigger": e.trigger, "date": e.date_value, "text": e.text} for e in rows.events],
    }


def test_there_are_fixture_articles():
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fixture_article_gives_its_expected_rows(path, nlp):
    [article] = read_articles(path.read_bytes(), path.name, ReadOptions("test", 10**7, datetime.now(UTC))).articles
    found = expected_rows(extract_article(article, nlp(article.body)))
    expected_file = path.with_suffix(".expected.json")
    if os.environ.get("NEWSLEDGER_UPDATE_FIXTURES") == "1":
        expected_file.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for table in expected:
        assert found[table] == expected[table], f"{path.name}: {table} differ from {expected_file.name}"
