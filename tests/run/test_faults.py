"""The fault boundary: what one input raises becomes its reject; every other input goes on."""

from datetime import UTC, datetime

import pytest

from transforms.read.articles import ReadOptions
from transforms.read.batch_reading import read_batch
from transforms.run.faults import Fault, contain, pipe_contained, reason_for

NOW = datetime(2024, 3, 11, tzinfo=UTC)
OPTIONS = ReadOptions("test", 1_000_000, NOW)


def _boom():
    raise ValueError("kaput")


@pytest.mark.parametrize(
    ("error", "stage", "says"),
    [
        (PermissionError(13, "Permission denied"), "read", "cannot read the file (Permission denied)"),
        (RecursionError("maximum recursion depth exceeded"), "parse", "nested too deeply"),
        (MemoryError(), "extract", "ran out of memory"),
        (ImportError("No module named 'lxml_html_clean'"), "parse", "reinstall with `make setup`"),
        (ValueError("year 10000 is out of range"), "extract", "unexpected ValueError while trying to extract this input (year 10000 is out of range)"),
    ],
)
def test_reasons_say_what_to_do(error, stage, says):
    assert says in reason_for(error, stage)


def test_contain_returns_the_value_or_the_fault():
    assert contain(lambda: 3, stage="read", source_path="a.txt") == 3
    fault = contain(_boom, stage="extract", source_path="a.txt", source_record=2, file_sha256="ab")
    assert isinstance(fault, Fault)
    assert (fault.stage, fault.error_type, fault.source_record) == ("extract", "ValueError", 2)
    assert "_boom" in fault.traceback  # the log keeps where it happened
    reject = fault.to_reject(NOW)
    assert reject.stage == "extract" and reject.source_path == "a.txt" and reject.rejected_at == NOW


def test_contain_lets_an_interrupt_through():
    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        contain(interrupted, stage="read", source_path="a.txt")


def test_a_broken_batch_is_retried_one_text_at_a_time():
    def pipe(texts):
        for text in texts:
            if text == "bad":
                raise RuntimeError("tokenizer died")
            yield text.upper()

    def one(text):
        if text == "bad":
            raise RuntimeError("tokenizer died")
        return text.upper()

    results = list(pipe_contained(pipe, one, ["a", "bad", "c"]))
    assert results[0] == "A" and isinstance(results[1], RuntimeError) and results[2] == "C"


def test_one_unreadable_file_does_not_stop_the_batch():
    files = {"good.txt": b" date 2024-03-11 The council met.\n", "locked.txt": None, "junk.bin": b"\x00\x01\x02" * 100}

    def read_bytes(path):
        if files[path] is None:
            raise PermissionError(13, "Permission denied", path)
        return files[path]

    batch = read_batch(list(files), read_bytes, OPTIONS)
    assert [a.source_path for a in batch.articles] == ["good.txt"]
    reasons = {r.source_path: (r.stage, r.error_type) for r in batch.rejects}
    assert reasons == {"locked.txt": ("read", "PermissionError"), "junk.bin": ("decode", "BadInputError")}
    assert [f.source_path for f in batch.faults] == ["locked.txt"]


def test_a_reader_crash_rejects_that_file_only(monkeypatch):
    import transforms.read.batch_reading as module

    real = module.read_articles

    def flaky(data, path, options):
        if path == "crash.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, path, options)

    monkeypatch.setattr(module, "read_articles", flaky)
    batch = read_batch(["crash.txt", "ok.txt"], lambda p: b"Body text here.", OPTIONS)
    assert [a.source_path for a in batch.articles] == ["ok.txt"]
    [reject] = batch.rejects
    assert (reject.source_path, reject.stage, reject.error_type) == ("crash.txt", "parse", "RecursionError")
    assert reject.file_sha256  # keyed by the bytes: a rerun over the same bytes skips the file


def test_a_non_utf8_name_is_stored_escaped():
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    batch = read_batch([name], lambda p: b"Body text here.", OPTIONS)
    assert batch.articles[0].source_path == "caf\\xe9.txt"


def test_an_article_arrow_cannot_hold_is_rejected_and_the_batch_kept():
    import dataclasses

    from transforms.run.tables import parsed_tables

    [good] = read_batch(["good.txt"], lambda p: b"Body text here.", OPTIONS).articles
    unstorable = dataclasses.replace(good, article_id="other", source_path="odd.txt", title="x\udc80")
    batch = parsed_tables([good, unstorable], [], NOW)
    assert batch.tables["articles"]["source_path"].to_pylist() == ["good.txt"]
    assert batch.tables["rejects"]["source_path"].to_pylist() == ["odd.txt"]
    assert "not valid Unicode" in batch.faults[0].reason


def test_an_article_whose_extraction_raises_is_rejected_alone(nlp, monkeypatch):
    from transforms import extract
    from transforms.run.tables import extracted_tables

    articles = read_batch(["a.txt", "b.txt"], lambda p: f"The council of {p[0].upper()}ville met on Monday.".encode(), OPTIONS).articles
    real = extract.extract_article

    def fragile(article, doc, base=0, aliases=None):
        if article.source_path == "b.txt":
            raise IndexError("a rule walked off the end of the Doc")
        return real(article, doc, base, aliases)

    monkeypatch.setattr(extract, "extract_article", fragile)
    results = list(extract.extract_articles(articles, nlp))
    assert isinstance(results[1][1], Fault) and results[1][1].error_type == "IndexError"
    from transforms.run.tables import parsed_tables

    parsed = parsed_tables(articles, [], NOW).tables
    batch = extracted_tables(results, parsed["articles"], parsed["rejects"], NOW)
    assert batch.tables["articles"]["source_path"].to_pylist() == ["a.txt"]
    [reject] = batch.tables["rejects"].to_pylist()
    assert (reject["source_path"], reject["stage"], reject["error_type"]) == ("b.txt", "extract", "IndexError")
    assert set(batch.tables["entity_mentions"]["article_id"].to_pylist()) <= {articles[0].article_id}


def test_a_tokenizer_crash_costs_only_its_article(nlp, monkeypatch):
    from transforms import extract

    articles = read_batch(["a.txt", "b.txt", "c.txt"], lambda p: f"Article {p} about the harbour.".encode(), OPTIONS).articles

    class Brittle:
        def __init__(self, real):
            self.real = real

        def __call__(self, text):
            if "b.txt" in text:
                raise RuntimeError("tokenizer died")
            return self.real(text)

        def pipe(self, texts, batch_size=16):
            for text in texts:
                yield self(text)

    results = list(extract.extract_articles(articles, Brittle(nlp)))
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["ArticleRows", "Fault", "ArticleRows"]
