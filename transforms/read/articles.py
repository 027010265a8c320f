"""From a file's bytes to Article records (or Reject records): format sniffing and parsing.

Formats: the raw crawl format, JSON (one record or a list), JSONL, HTML pages, and any of
these gzip-compressed. One file may hold many articles (JSONL); one bad record rejects that
record only.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import accumulate
from typing import Any

from newsledger.core.errors import BadInputError
from transforms.time.calendar_values import CALENDAR_ERRORS, is_sane_date
from transforms.read.decode import decode_bytes
from transforms.run.ids import sha256_hex, stable_id
from transforms.read.normalize import collapse_repeated_paragraphs, cut_long_runs, normalize_text, normalize_text_noting_changes
from transforms.read.raw_format import parse_crawl_stamp, parse_iso_date, parse_raw_article
from transforms.records import Article, Reject
from transforms.read.sources import DEFAULT_SOURCE_PATTERN, host_of, source_from_path, source_from_record

_GZIP_MAGIC = b"\x1f\x8b"
_BODY_KEYS = ("body", "text", "content", "article", "maintext")
_DATE_KEYS = ("published_date", "date", "published", "publish_date", "date_publish", "pubdate")
_TITLE_KEYS = ("title", "headline")
_CRAWL_KEYS = ("crawled_at", "date_download", "crawled", "fetched_at")
_LEADING_ISO_DATE = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})")
_HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<article|<\?xml)", re.IGNORECASE)
_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
# Deepest JSON nesting read. Article records nest a few levels (a list of records holding a
# list of authors); Python's decoder gives up near its recursion limit (about 1,000 levels,
# fewer inside a deep call stack) with a RecursionError, so deeper files are refused first.
MAX_JSON_DEPTH = 100
# A JSON string, or an unterminated one up to the end of its line (JSON strings hold no raw
# newline): what the decoder skips over when it counts brackets.
_JSON_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class ReadOptions:
    """What a reader needs besides the bytes.

    Attributes:
        extractor_version: stamped on every article.
        max_file_bytes: larger files (after decompression) are rejected.
        now: the instant written on rejects (a parameter, never read from the clock here).
        source_pattern: regex with a group named ``source`` read from the file path when the
            record names no outlet; None or "" reads none.
    """

    extractor_version: str
    max_file_bytes: int
    now: datetime
    source_pattern: str | None = DEFAULT_SOURCE_PATTERN


@dataclass(frozen=True)
class ReadResult:
    """What one file yields: its articles and its rejects (a file may yield both)."""

    articles: list[Article]
    rejects: list[Reject]


@dataclass(frozen=True)
class _Fields:
    body: str
    published_date: date | None
    crawled_at: datetime | None
    title: str | None
    original_body: str | None = None  # the body before mojibake repair, when that changed it
    runs_cut: bool = False  # normalisation cut long runs of marks or unspaced text (cut_long_runs)
    source: str | None = None  # the outlet the record or page names


def _repaired(text: str) -> tuple[str, str | None, bool]:
    """Normalised text, the text without the mojibake repair when the repair changed it, and
    whether long runs were cut."""
    fixed, changed = normalize_text_noting_changes(text)
    fixed = fixed.strip()
    plain = normalize_text(text, repair_encoding=False).strip()
    return fixed, (plain if plain != fixed else None), cut_long_runs.__name__ in changed


def make_reject(error: BadInputError, file_sha256: str, now: datetime, record: int = 0) -> Reject:
    """Turn a BadInputError into a rejects row keyed by path, record and content."""
    return Reject(
        reject_id=stable_id(error.source_path, record, file_sha256),
        source_path=error.source_path,
        source_record=record,
        file_sha256=file_sha256,
        stage=error.stage,
        error_type=type(error).__name__,
        reason=error.reason,
        rejected_at=now,
    )


def _decompress(data: bytes, source_path: str, limit: int) -> bytes:
    try:
        # Reading one byte past the limit tells "too large" without inflating a bomb.
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            inflated = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise BadInputError(source_path, "read", f"gzip file is corrupt or truncated ({exc}): re-download it") from exc
    if len(inflated) > limit:
        raise BadInputError(source_path, "read", f"decompressed size exceeds the limit of {limit} bytes: raise --max-file-bytes or split the file")
    return inflated


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _coerce_date(value: Any) -> date | None:
    if isinstance(value, str):
        match = _LEADING_ISO_DATE.match(value)
        return parse_iso_date(match[1]) if match else None
    return None


def _coerce_instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    stamp = parse_crawl_stamp(value.strip())
    if stamp is not None:
        return stamp
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except CALENDAR_ERRORS:  # not an instant, or one that leaves year 1-9999 in UTC
        return None


def fields_from_json_record(record: Any, source_path: str) -> _Fields:
    """Map a JSON article record with common field names onto our fields.

    Raises:
        BadInputError: the record is not an object or has no text field.
    """
    if not isinstance(record, dict):
        raise BadInputError(source_path, "parse", f"JSON record is a {type(record).__name__}, expected an object with a 'text' or 'body' field")
    body = _first(record, _BODY_KEYS)
    if not isinstance(body, str) or not body.strip():
        raise BadInputError(source_path, "parse", f"JSON record has no article text: expected one of the fields {', '.join(_BODY_KEYS)}")
    title = _first(record, _TITLE_KEYS)
    body, original, runs_cut = _repaired(body)
    return _Fields(
        body=body,
        original_body=original,
        runs_cut=runs_cut,
        published_date=_coerce_date(_first(record, _DATE_KEYS)),
        crawled_at=_coerce_instant(_first(record, _CRAWL_KEYS)),
        title=normalize_text(title).strip() if isinstance(title, str) and title.strip() else None,
        source=source_from_record(record),
    )


def _nested_too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text opens more than ``limit`` arrays or objects inside one another.

    Brackets inside strings do not count. Linear in the text; free for text with fewer
    brackets than the limit.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    return any(depth > limit for depth in accumulate(map(_DEPTH_STEP.__getitem__, brackets)))


def _too_deep_error(source_path: str, what: str) -> BadInputError:
    remedy = "not an article file" if what == "JSON" else "not an article record: fix or drop that line"
    return BadInputError(source_path, "parse", f"{what} is nested deeper than {MAX_JSON_DEPTH} levels, the most newsledger reads: {remedy}")


def _decode_json(text: str, source_path: str, what: str) -> Any:
    """``json.loads`` with the nesting guarded.

    Raises:
        BadInputError: the text is nested deeper than MAX_JSON_DEPTH.
        json.JSONDecodeError: the text is not valid JSON (the caller words the reason).
    """
    if _nested_too_deep(text):
        raise _too_deep_error(source_path, what)
    try:
        return json.loads(text)
    except RecursionError as exc:  # the guard counts like the decoder; this is a backstop
        raise _too_deep_error(source_path, what) from exc


def _is_json_lines(lines: list[str], source_path: str) -> bool:
    """Whether a file that is not one JSON value should be read line by line as JSONL.

    Notes:
        Only a file named .jsonl/.ndjson, or one whose first line is a whole JSON value, is:
        a pretty-printed JSON file cut short is one reject, not one per line.
    """
    if len(lines) < 2:
        return False
    if source_path.lower().removesuffix(".gz").endswith(_JSON_LINES_SUFFIXES):
        return True
    try:
        _decode_json(lines[0], source_path, "JSON")
    except (json.JSONDecodeError, BadInputError):
        return False
    return True


def _json_records(text: str, source_path: str) -> list[Any]:
    stripped = text.strip()
    try:
        parsed = _decode_json(stripped, source_path, "JSON")
    except (json.JSONDecodeError, BadInputError) as whole_error:
        lines = [line for line in stripped.split("\n") if line.strip()]
        if _is_json_lines(lines, source_path):
            return [_JsonLine(line, number) for number, line in enumerate(lines, start=1)]
        if isinstance(whole_error, BadInputError):
            raise
        raise BadInputError(
            source_path, "parse", f"invalid JSON at line {whole_error.lineno} column {whole_error.colno} ({whole_error.msg}): the file may be truncated"
        ) from whole_error
    return parsed if isinstance(parsed, list) else [parsed]


@dataclass(frozen=True)
class _JsonLine:
    """A JSONL line parsed lazily, so that one bad line rejects that line only."""

    line: str
    number: int


def _html_fields(text: str, source_path: str) -> _Fields:
    import trafilatura  # heavy import: only when an HTML file shows up

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    if document is None or not (document.text or "").strip():
        raise BadInputError(source_path, "parse", "HTML page has no main article text that could be extracted")
    paragraphs = [p.strip() for p in document.text.split("\n") if p.strip()]
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph
    body, original, runs_cut = _repaired("\n\n".join(paragraphs))
    site = document.sitename or (host_of(document.url) if document.url else None) or document.hostname
    return _Fields(
        body=body, published_date=_coerce_date(document.date), crawled_at=None, title=(document.title or None), original_body=original, runs_cut=runs_cut,
        source=(" ".join(site.split()) or None) if isinstance(site, str) else None,
    )


def _article(fields: _Fields, source_path: str, record: int, source_format: str, file_sha256: str, options: ReadOptions) -> Article:
    if not fields.body:
        raise BadInputError(source_path, "parse", "no article text after the date prefix and crawl stamp")
    body, dropped = collapse_repeated_paragraphs(fields.body)
    repairs = [
        name
        for name, done in (
            ("mojibake", fields.original_body is not None),
            ("long_runs", fields.runs_cut),
            (f"repeated_paragraphs:{dropped}", dropped > 0),
            # Kept as the source wrote it, but anchors no relative time expression (transforms.time.expressions).
            ("published_date_out_of_range", fields.published_date is not None and not is_sane_date(fields.published_date)),
        )
        if done
    ]
    return Article(
        # The file and record are part of the id: a verbatim reprint in another file is another
        # outlet carrying the story, an article of its own (its story_id joins them).
        article_id=stable_id(source_path, record, body, fields.published_date, fields.title),
        source_path=source_path,
        source_record=record,
        source_format=source_format,
        file_sha256=file_sha256,
        published_date=fields.published_date,
        crawled_at=fields.crawled_at,
        title=fields.title,
        body=body,
        word_count=len(body.split()),
        extractor_version=options.extractor_version,
        repairs=",".join(repairs) or None,
        original_text=fields.original_body,
        source=fields.source or source_from_path(source_path, options.source_pattern),
    )


def _sniff_format(text: str, source_path: str) -> str:
    lowered = source_path.lower().removesuffix(".gz")
    if lowered.endswith((".json", ".jsonl", ".ndjson")) or text.lstrip()[:1] in ("{", "["):
        return "json"
    if lowered.endswith((".html", ".htm", ".xhtml")) or _HTML_START.match(text):
        return "html"
    return "raw"


def read_articles(data: bytes, source_path: str, options: ReadOptions) -> ReadResult:
    """Read every article a file holds; anything wrong becomes a Reject, never an exception."""
    file_sha256 = sha256_hex(data)
    try:
        if len(data) > options.max_file_bytes:
            raise BadInputError(source_path, "read", f"file is {len(data)} bytes, over the limit of {options.max_file_bytes}: raise --max-file-bytes or split the file")
        if data.startswith(_GZIP_MAGIC):
            data = _decompress(data, source_path, options.max_file_bytes)
        text = decode_bytes(data, source_path).text
        file_format = _sniff_format(text, source_path)
        if file_format == "raw":
            normalized, changed = normalize_text_noting_changes(text)
            raw = parse_raw_article(normalized)
            plain = parse_raw_article(normalize_text(text, repair_encoding=False)).body
            original = plain if plain != raw.body else None
            runs_cut = cut_long_runs.__name__ in changed
            fields = _Fields(body=raw.body, published_date=raw.published_date, crawled_at=raw.crawled_at, title=None, original_body=original, runs_cut=runs_cut)
            return ReadResult([_article(fields, source_path, 0, "raw", file_sha256, options)], [])
        if file_format == "html":
            return ReadResult([_article(_html_fields(text, source_path), source_path, 0, "html", file_sha256, options)], [])
        records = _json_records(text, source_path)
    except BadInputError as error:
        return ReadResult([], [make_reject(error, file_sha256, options.now)])
    articles: list[Article] = []
    rejects: list[Reject] = []
    for index, record in enumerate(records):
        try:
            if isinstance(record, _JsonLine):
                try:
                    record = _decode_json(record.line, source_path, f"JSONL line {record.number}")
                except json.JSONDecodeError as exc:
                    raise BadInputError(source_path, "parse", f"JSONL line {record.number} is not valid JSON ({exc.msg}): fix or drop that line") from exc
            articles.append(_article(fields_from_json_record(record, source_path), source_path, index, "json", file_sha256, options))
        except BadInputError as error:
            rejects.append(make_reject(error, file_sha256, options.now, record=index))
    return ReadResult(articles, rejects)
