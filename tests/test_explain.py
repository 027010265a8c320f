"""`newsledger explain FILE`: each row of one article with the rule behind it; nothing written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES
from newsledger.explain import Explained, render_article
from transforms.extract import extract_article
from transforms.read.articles import ReadOptions, read_articles
from transforms.registries import rule_names

CLI = Path(sys.executable).parent / "newsledger"
SAMPLE = SAMPLES / "2024-03-11" / "harbour_council.txt"


def _sample_rows(nlp):
    from datetime import UTC, datetime

    [article] = read_articles(SAMPLE.read_bytes(), str(SAMPLE), ReadOptions("test", 10**7, datetime.now(UTC))).articles
    return article, extract_article(article, nlp(article.body))


def test_every_row_is_shown_with_its_rule(nlp):
    article, rows = _sample_rows(nlp)
    text = render_article(Explained(article, rows))
    assert f"Quotes ({len(rows.quotes)})" in text and f"Dates ({len(rows.temporal_expressions)})" in text
    assert f"Entity mentions ({len(rows.entity_mentions)})" in text and f"Events ({len(rows.events)})" in text
    found_by = re.findall(r"found by (\S+);", text)
    speaker_by = re.findall(r"speaker .+? by (\S+); cue", text)
    patterns = re.findall(r"; pattern (\S+)$", text, re.M)
    spans = re.findall(r"; span by (\S+?)(?:;|$)", text, re.M)
    assert len(found_by) == len(rows.quotes) > 0 and len(patterns) == len(rows.temporal_expressions) > 0
    assert set(found_by) <= rule_names("quotes.found_by")
    assert set(speaker_by) - {"-"} <= rule_names("quotes.speaker_by")
    assert set(patterns) <= rule_names("temporal_expressions.pattern")
    assert set(spans) - {"model"} <= rule_names("entity_mentions.repaired_by")
    triggers = re.findall(r"; trigger by (\S+?):", text)
    assert len(triggers) == len(rows.events) and set(triggers) <= rule_names("events.trigger_by") | {"nearest_verb"}


def test_the_command_prints_the_article_and_writes_nothing(tmp_path):
    result = subprocess.run([str(CLI), "explain", str(SAMPLE), "--warehouse", str(tmp_path / "wh")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "harbour_council.txt" in result.stdout and "Quotes (" in result.stdout and "docs/rules.md" in result.stdout
    assert not (tmp_path / "wh").exists()


def test_an_unreadable_input_is_one_line_and_exit_4(tmp_path):
    missing = subprocess.run([str(CLI), "explain", str(tmp_path / "nope.txt")], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 4
    assert "is not a file" in missing.stdout + missing.stderr and "Traceback" not in missing.stdout + missing.stderr
    broken = subprocess.run([str(CLI), "explain", str(SAMPLES / "2024-03-12" / "truncated_record.json")], capture_output=True, text=True, timeout=120)
    assert broken.returncode == 4
    assert "not read:" in broken.stdout and "truncated" in broken.stdout
