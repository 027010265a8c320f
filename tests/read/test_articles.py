import codecs
import gzip
import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.read.articles import ReadOptions, ReadResult, read_articles

OPTIONS = ReadOptions(extractor_version="test", max_file_bytes=10_000, now=datetime(2024, 1, 1, tzinfo=UTC))
RAW = " date 2023-06-05 “Hello,” she said.\n\nSecond paragraph.\n\n20230605-144004\n"


def read_one(data: bytes, path: str = "a.txt"):
    result = read_articles(data, path, OPTIONS)
    assert not result.rejects, result.rejects
    assert len(result.articles) == 1
    return result.articles[0]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (RAW.encode("utf-8"), "plain.txt"),
        (codecs.BOM_UTF8 + RAW.encode("utf-8"), "bom.txt"),
        (RAW.encode("utf-16"), "utf16.txt"),
        (gzip.compress(RAW.encode("utf-8")), "zipped.txt.gz"),
        (RAW.replace("\n", "\r\n").encode("utf-8"), "crlf.txt"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gzip", "crlf"],
)
def test_raw_article_in_any_encoding_gives_the_same_article(data, path):
    article = read_one(data, path)
    assert article.published_date == date(2023, 6, 5)
    assert article.body == "“Hello,” she said.\n\nSecond paragraph."
    # The id hashes the file and record with the text: the same text read from this path in any
    # encoding is the same article; from another file it is another article (a reprint).
    assert article.article_id == read_one(RAW.encode("utf-8"), path).article_id
    assert article.article_id != read_one(RAW.encode("utf-8"), "reprint/" + path).article_id


def test_legacy_cp1252_is_detected():
    text = "date 2023-06-05 The café owner, José Müller, said the façade would be repainted before the summer season begins again."
    article = read_one(text.encode("cp1252"))
    assert "José Müller" in article.body


def test_json_record_with_common_field_names():
    record = {"headline": "Title here", "published": "2023-06-05T10:00:00Z", "content": "Body text.", "url": "u"}
    article = read_one(json.dumps(record).encode(), "a.json")
    assert (article.title, article.published_date, article.body, article.source_format) == ("Title here", date(2023, 6, 5), "Body text.", "json")


def test_jsonl_bad_line_rejects_only_that_line():
    data = b'{"text": "First."}\n{"text": "Sec\n{"body": "Third."}\n'
    result = read_articles(data, "wire.jsonl", OPTIONS)
    assert [a.body for a in result.articles] == ["First.", "Third."]
    assert [(r.source_record, r.stage) for r in result.rejects] == [(1, "parse")]
    assert "line 2" in result.rejects[0].reason


def test_html_page_main_text_and_metadata():
    html = (
        "<html><head><title>Storm closes port</title><meta name='date' content='2024-03-12'></head><body>"
        "<nav>Home | News</nav><article><h1>Storm closes port</h1>"
        "<p>The port closed on Tuesday after a storm damaged two cranes, the harbour master said in a statement.</p>"
        "<p>Repairs are expected to take at least a week, according to the port authority.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    article = read_one(html.encode(), "page.html")
    assert article.title == "Storm closes port"
    assert article.published_date == date(2024, 3, 12)
    assert article.body.startswith("The port closed on Tuesday")
    assert "Home" not in article.body and "Copyright" not in article.body


@pytest.mark.parametrize(
    ("data", "path", "stage", "words"),
    [
        (b"", "empty.txt", "decode", "empty"),
        (b"   \n\t\n", "blank.txt", "decode", "empty"),
        (bytes(range(256)) * 4, "junk.bin", "decode", "binary"),
        (b'{"text": "cut', "cut.json", "parse", "truncated"),
        (b'{"title": "no body"}', "nobody.json", "parse", "no article text"),
        (b"x" * 10_001, "big.txt", "read", "over the limit"),
        (b"date 2023-06-05\n\n20230605-144004", "only-prefix.txt", "parse", "no article text"),
        (gzip.compress(b"hello")[:-6], "broken.gz", "read", "gzip"),
    ],
    ids=["empty", "whitespace", "binary", "truncated-json", "json-without-text", "too-large", "prefix-only", "broken-gzip"],
)
def test_bad_files_become_rejects_with_a_reason(data, path, stage, words):
    result = read_articles(data, path, OPTIONS)
    assert result.articles == []
    assert len(result.rejects) == 1
    reject = result.rejects[0]
    assert (reject.source_path, reject.stage, reject.error_type) == (path, stage, "BadInputError")
    assert words in reject.reason


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_read_articles_never_raises_and_accounts_for_the_file(data):
    result = read_articles(data, "fuzz.txt", OPTIONS)
    assert result.articles or result.rejects
    for article in result.articles:
        assert article.body and article.body == article.body.strip()


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c), max_leaves=10))
def test_any_json_value_is_an_article_or_a_reject(value):
    result = read_articles(json.dumps(value).encode(), "fuzz.json", OPTIONS)
    assert result.articles or result.rejects or value == []


def test_cyrillic_cp1251_is_not_read_as_western():
    text = "date 2023-06-05 Министр обороны заявил, что переговоры прошли успешно и конструктивно."
    article = read_one(text.encode("cp1251"))
    assert "Министр" in article.body


def test_mojibake_is_repaired_and_the_original_kept():
    written = "date 2023-06-05 The minister said â€œwe are readyâ€\x9d on Monday."
    article = read_one(written.encode("utf-8"))
    assert article.body == "The minister said “we are ready” on Monday."
    assert article.repairs == "mojibake"
    assert article.original_text == "The minister said â€œwe are readyâ€\x9d on Monday.".replace("\x9d", "")


def test_a_paragraph_repeated_thousands_of_times_is_kept_once():
    text = "date 2023-06-05 Opening paragraph.\n\n" + "Subscribe to our newsletter.\n\n" * 5000 + "Closing paragraph."
    roomy = ReadOptions(extractor_version="test", max_file_bytes=1_000_000, now=OPTIONS.now)
    [article] = read_articles(text.encode("utf-8"), "loop.txt", roomy).articles
    assert article.body == "Opening paragraph.\n\nSubscribe to our newsletter.\n\nClosing paragraph."
    assert article.repairs == "repeated_paragraphs:4999"
    assert article.original_text is None


def test_paragraphs_recurring_apart_are_not_a_loop():
    text = "date 2023-06-05 " + "".join(f"Update {i}.\n\n___.\n\n" for i in range(20)) + "End."
    article = read_one(text.encode("utf-8"))
    assert article.repairs is None
    assert article.body == text[len("date 2023-06-05 "):]


@pytest.mark.parametrize(("copies", "dropped"), [(3, 0), (4, 3), (10, 9)])
def test_only_runs_longer_than_three_collapse(copies, dropped):
    from transforms.read.normalize import collapse_repeated_paragraphs

    body = "A.\n\n" + "Loop.\n\n" * copies + "B."
    collapsed, count = collapse_repeated_paragraphs(body)
    assert count == dropped
    assert collapsed == (body if not dropped else "A.\n\nLoop.\n\nB.")


def test_clean_text_needs_no_repair():
    article = read_one(RAW.encode("utf-8"))
    assert (article.repairs, article.original_text) == (None, None)


PRETTY_CUT = b'[\n {\n  "title": "A",\n  "text": "Body"\n },\n {\n  "title": "B",'


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested.json", "nested deeper than 100 levels"),
        (b"[" * 100_000 + b"]" * 100_000, "nested.txt", "nested deeper than 100 levels"),
        (b'{"text": "x", "a": ' + b"[" * 101 + b"]" * 101 + b"}", "just-too-deep.json", "nested deeper than 100 levels"),
        (PRETTY_CUT, "pretty_cut.json", "invalid JSON at line 7 column"),
        (b'[\n {"text": "A"},\n {"text": "B",,}\n]', "typo.json", "invalid JSON at line 3 column 15"),
        (b'[\n {"text": "A"},\n {"text": "B"', "first-line-incomplete.txt", "truncated"),
    ],
    ids=["nesting-bomb", "nesting-bomb-any-name", "one-level-too-deep", "truncated-pretty-json", "typo-mid-file", "sniffed-json-cut"],
)
def test_a_broken_json_file_is_one_reject(data, path, words):
    result = read_articles(data, path, OPTIONS if len(data) <= OPTIONS.max_file_bytes else ROOMY)
    assert result.articles == []
    [reject] = result.rejects
    assert (reject.stage, reject.error_type) == ("parse", "BadInputError")
    assert words in reject.reason


ROOMY = ReadOptions(extractor_version="test", max_file_bytes=1_000_000, now=OPTIONS.now)


def test_brackets_inside_strings_do_not_count_as_nesting():
    record = {"text": "Body " + "[{" * 300, "tags": [[["a"]]]}
    article = read_one(json.dumps(record).encode(), "brackets.json")
    assert article.body.startswith("Body [{")


@pytest.mark.parametrize(
    ("data", "path", "bodies", "rejected_lines"),
    [
        (b'{"text": "First."}\n{"text": "Sec\n{"body": "Third."}\n', "wire.json", ["First.", "Third."], [2]),
        (b'{"text": "First."}\n' + b"[" * 200 + b"]" * 200 + b'\n{"text": "Third."}\n', "deep-line.jsonl", ["First.", "Third."], [2]),
        (b'{"text": "Fir\n{"text": "Second."}\n', "first-bad.ndjson", ["Second."], [1]),
    ],
    ids=["jsonl-content-named-json", "one-line-too-deep", "first-line-bad-but-named-ndjson"],
)
def test_json_lines_reject_only_their_bad_lines(data, path, bodies, rejected_lines):
    result = read_articles(data, path, OPTIONS)
    assert [a.body for a in result.articles] == bodies
    assert [int(r.reason.split()[2]) for r in result.rejects] == rejected_lines


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        (" date 9999-12-31 ", date(9999, 12, 31)),
        (" date 0001-01-01 ", date(1, 1, 1)),
        (" date 2350-06-05 ", date(2350, 6, 5)),
        (" date 1799-12-31 ", date(1799, 12, 31)),
    ],
    ids=["year-9999", "year-1", "year-2350", "day-before-1800"],
)
def test_an_absurd_publication_date_is_kept_and_flagged(prefix, published):
    article = read_one((prefix + "The council met yesterday and will vote next year.").encode())
    assert (article.published_date, article.repairs) == (published, "published_date_out_of_range")


@pytest.mark.parametrize("published", [" date 1800-01-01 ", " date 2200-12-31 "], ids=["first-sane-day", "last-sane-day"])
def test_the_ends_of_the_sane_range_need_no_flag(published):
    assert read_one((published + "The council met.").encode()).repairs is None


@pytest.mark.parametrize(
    ("record", "published", "crawled"),
    [
        ({"text": "Body.", "date": "9999-12-31", "crawled_at": "9999-12-31T23:00:00-05:00"}, date(9999, 12, 31), None),
        ({"text": "Body.", "date": "0000-01-01", "crawled_at": "0001-01-01T00:00:00+05:00"}, None, None),
        ({"text": "Body.", "date": "2023-06-05", "crawled_at": "2023-06-05T10:00:00+02:00"}, date(2023, 6, 5), datetime(2023, 6, 5, 8, tzinfo=UTC)),
    ],
    ids=["instant-past-year-9999-in-utc", "year-0-and-before-year-1-in-utc", "ordinary"],
)
def test_json_dates_at_the_ends_of_the_calendar(record, published, crawled):
    article = read_one(json.dumps(record).encode(), "edge.json")
    assert (article.published_date, article.crawled_at) == (published, crawled)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (('date 2023-06-05 “A,” she said. ' + '"' * 50_000 + ' “B,” he said.').encode(), "run.txt"),
        (json.dumps({"text": "“A,” she said. " + "!" * 5_000}).encode(), "run.json"),
        (("<html><body><article><p>The port closed on Tuesday after a storm damaged two cranes, the harbour master said. "
          + "“" * 50_000 + "</p></article></body></html>").encode(), "run.html"),
    ],
    ids=["raw", "json", "html"],
)
def test_long_runs_are_cut_and_flagged(data, path):
    [article] = read_articles(data, path, ROOMY).articles
    assert article.repairs == "long_runs"
    assert len(article.body) < 500


def test_repairs_are_listed_in_order():
    text = " date 9999-12-31 The minister said â€œyesâ€\x9d" + "!" * 200 + "\n\n" + "Loop.\n\n" * 5 + "End."
    article = read_one(text.encode("utf-8"))
    assert article.repairs == "mojibake,long_runs,repeated_paragraphs:4,published_date_out_of_range"


def _is_an_empty_json_list(data: bytes) -> bool:
    """An empty JSON list holds no article and is no error: the one file that yields nothing."""
    try:
        return json.loads(gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data) == []
    except (ValueError, OSError, EOFError):
        return False


HOSTILE_TOKENS = [
    "{", "}", "[", "]", '"', "\\", "text", "date", ":", ",", " ", "\n", "9999-12-31", "0001-01-01T00:00+05:00", "20230605-144004",
    "date ", "<html>", "<p>", "“", '"' * 90, "!" * 300, "x" * 250, "\x00", "\r", "â€œ", "é",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(st.sampled_from(HOSTILE_TOKENS), max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
        st.lists(st.sampled_from(HOSTILE_TOKENS), max_size=40).map(lambda parts: gzip.compress("".join(parts).encode("utf-8"))),
    ),
    st.sampled_from(["fuzz.txt", "fuzz.json", "fuzz.jsonl", "fuzz.html", "fuzz.json.gz", "fuzz"]),
)
def test_read_articles_on_any_bytes_and_name_returns_a_result(data, path):
    result = read_articles(data, path, OPTIONS)
    assert isinstance(result, ReadResult)
    assert result.articles or result.rejects or _is_an_empty_json_list(data)
    for article in result.articles:
        assert article.body and article.body == article.body.strip()


def test_a_verbatim_reprint_in_another_file_is_its_own_article_in_the_same_story_text():
    original, reprint = read_one(RAW.encode("utf-8"), "wire/a.txt"), read_one(RAW.encode("utf-8"), "outlet/a.txt")
    assert original.article_id != reprint.article_id
    assert original.body == reprint.body
    assert original.story_id != reprint.story_id  # until the load links them into one story


@pytest.mark.parametrize(
    ("data", "path", "pattern", "source"),
    [
        (json.dumps({"text": "Body.", "site_name": "Harbour Times"}).encode(), "a.json", None, "Harbour Times"),
        (json.dumps({"text": "Body.", "source": {"name": "Kell Wire"}}).encode(), "a.json", None, "Kell Wire"),
        (json.dumps({"text": "Body.", "url": "https://www.harbourtimes.example/x/1"}).encode(), "a.json", None, "harbourtimes.example"),
        (json.dumps({"text": "Body.", "url": "not a url"}).encode(), "a.json", None, None),
        (b"Body.", "crawl/kell-wire/2024-03-11/a.txt", "DEFAULT", "kell-wire"),
        (b"Body.", "samples/2024-03-11/a.txt", "DEFAULT", None),
        (b"Body.", "feeds/outlet-9/a.txt", r"feeds/(?P<source>[^/]+)/", "outlet-9"),
        (b"Body.", "feeds/outlet-9/a.txt", r"feeds/([^/]+)/", None),  # no group named source
        (json.dumps({"text": "Body.", "site_name": "Harbour Times"}).encode(), "crawl/other/2024-03-11/a.json", "DEFAULT", "Harbour Times"),
    ],
    ids=["json-site-name", "json-nested-name", "json-url-host", "json-bad-url", "path-default", "path-no-match", "path-custom", "path-no-group", "record-beats-path"],
)
def test_source_comes_from_the_record_else_the_path(data, path, pattern, source):
    from dataclasses import replace

    from transforms.read.sources import DEFAULT_SOURCE_PATTERN

    options = replace(OPTIONS, source_pattern=DEFAULT_SOURCE_PATTERN if pattern == "DEFAULT" else pattern)
    [article] = read_articles(data, path, options).articles
    assert article.source == source
