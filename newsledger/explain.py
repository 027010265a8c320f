"""``newsledger explain FILE``: one file's articles with every extracted row and the rule behind it.

For a reader who asks "why is this quote given to her?" or "where did this date come from?":
each quote, speaker, entity mention and date is printed with its provenance column
(``quotes.found_by``, ``quotes.speaker_by``, ``entity_mentions.repaired_by``,
``temporal_expressions.pattern``, ``events.trigger_by``), which names one entry of one registry (docs/rules.md).
Nothing is written to a warehouse.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsledger import __version__
from newsledger.core.errors import BadArgumentError
from transforms.extract import ArticleRows
from transforms.records import Article, Reject
from transforms.run.faults import Fault

WIDTH = 100
# The model's own span and label stood: no repair rule touched the mention.
MODEL_SPAN = "model"


@dataclass(frozen=True)
class Explained:
    """One article of the file: its rows, or why it could not be extracted."""

    article: Article
    rows: ArticleRows | None
    problem: str | None = None


def read_file(path: Path, max_file_bytes: int, source_pattern: str | None) -> tuple[list[Article], list[Reject]]:
    """The articles and rejects of one file, read as a run reads it."""
    from transforms.read.articles import ReadOptions, read_articles

    if not path.is_file():
        raise BadArgumentError(f"{path} is not a file: give the path of one article file (.txt, .json, .jsonl, .html)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadArgumentError(f"cannot read {path} ({error.strerror or error}): check the path and its permissions") from None
    result = read_articles(data, str(path), ReadOptions(__version__, max_file_bytes, datetime.now(UTC), source_pattern))
    return result.articles, result.rejects


def explain_articles(articles: list[Article], model: str, aliases_path: Path | None) -> Iterator[Explained]:
    """Parse and extract each article as a run does."""
    from newsledger.inputs import read_alias_file
    from newsledger.model.pipeline import load_pipeline
    from transforms.extract import extract_articles

    nlp = load_pipeline(model)
    for article, rows in extract_articles(articles, nlp, read_alias_file(aliases_path)):
        if isinstance(rows, Fault):
            yield Explained(article, None, f"{rows.error_type}: {rows.reason}")
        else:
            yield Explained(article, rows)


def _excerpt(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _rule(row: object, column: str, default: str = "-") -> str:
    value = getattr(row, column, None)
    return str(value) if value else default


def _section(title: str, count: int, lines: list[str]) -> list[str]:
    return [f"{title} ({count})", *(lines or ["  (none)"]), ""]


def render_article(explained: Explained) -> str:
    """The text block for one article."""
    article, rows = explained.article, explained.rows
    record = f" record {article.source_record}" if article.source_record else ""
    head = [
        "=" * WIDTH,
        f"{article.source_path}{record}: {_excerpt(article.title or article.body, 80)}",
        f"published {article.published_date or 'unknown'} · source {article.source or 'unknown'} · {article.word_count} words · article_id {article.article_id}",
    ]
    if article.repairs:
        head.append(f"text repairs: {article.repairs}")
    head.append("")
    if rows is None:
        return "\n".join([*head, f"not extracted: {explained.problem}", ""])
    names = {e.entity_id: e.canonical_name for e in rows.entities}
    types = {e.entity_id: e.entity_type for e in rows.entities}
    quotes = []
    for quote in rows.quotes:
        speaker = quote.speaker or "(no speaker)"
        quotes.append(
            f"  [{quote.char_start}-{quote.char_end}] {quote.quote_type:<8} found by {_rule(quote, 'found_by')}; "
            f"speaker {speaker} by {_rule(quote, 'speaker_by')}; cue {quote.cue or '-'}"
        )
        quotes.append(textwrap.indent(textwrap.fill(_excerpt(quote.text, 300), WIDTH - 6), "      "))
    mentions = [
        f"  [{m.char_start}-{m.char_end}] {m.text!r} -> {names.get(m.entity_id, m.entity_id)} ({types.get(m.entity_id, '?')}); "
        f"span by {_rule(m, 'repaired_by', MODEL_SPAN)}" + (f"; role {m.role}" if m.role else "")
        for m in rows.entity_mentions
    ]
    dates = [
        f"  [{t.char_start}-{t.char_end}] {t.text!r} -> {t.timex_type} {t.value or '(unresolved)'}; pattern {_rule(t, 'pattern')}"
        for t in rows.temporal_expressions
    ]
    events = [
        f"  [{e.char_start}-{e.char_end}] {e.trigger} on {e.date_value or '?'}; trigger by {_rule(e, 'trigger_by')}: {_excerpt(e.text, 60)}"
        for e in rows.events
    ]
    return "\n".join([
        *head,
        *_section("Quotes", len(rows.quotes), quotes),
        *_section("Entity mentions", len(mentions), mentions),
        *_section("Dates", len(dates), dates),
        *_section("Events", len(events), events),
    ])


def render_rejects(rejects: Iterable[Reject]) -> str:
    """The reasons a file (or a record of it) was not read."""
    return "\n".join(f"not read: {r.source_path} record {r.source_record}: {r.reason}" for r in rejects)


def rule_legend() -> str:
    """Where the rule names come from."""
    return "Rule names are entries of the registries in docs/rules.md (`model`: the language model's own span stood)."
