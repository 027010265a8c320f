"""Speed of the temporal step alone: find_timexes + extract_events on parsed Docs.

    python -m bench.temporal_step [FOLDER ...] [--passes 5]

Default folders: the TimeBank + AQUAINT articles and newsdev (docs/benchmarks.md). Every
article is parsed once with the pinned spaCy pipeline (not timed); then each pass runs the
temporal expressions and the events of every article, as ``transforms.extract`` does, and the
best pass is reported in ms per 600 words (target < 5 ms). The events counted per rule show
that a run reached the event code.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from newsledger.core.settings import DEFAULT_MODEL
from newsledger.model.pipeline import load_pipeline
from transforms.context import ArticleContext
from transforms.read.articles import ReadOptions, read_articles
from transforms.time import expressions
from transforms.time.events import extract_events
from transforms.time.expressions import find_timexes
from transforms.time.tense import tense_function

DEFAULT_FOLDERS = (Path("/work/corpora/timebank-aquaint"), Path("/work/shared/eval/newsdev"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="*", default=list(DEFAULT_FOLDERS))
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    options = ReadOptions("temporal-step-bench", 10**9, datetime.now(UTC))
    articles = [a for folder in args.folders for path in sorted(folder.glob("*.txt")) for a in read_articles(path.read_bytes(), path.name, options).articles]
    nlp = load_pipeline(DEFAULT_MODEL)
    docs = list(nlp.pipe([a.body for a in articles]))
    contexts = [ArticleContext.build(doc, a.published_date, 0) for a, doc in zip(articles, docs, strict=True)]
    words = sum(len(a.body.split()) for a in articles)
    full_scan = tuple(replace(entry, starts=None) for entry in expressions.PATTERNS)
    best = {"start places": float("inf"), "full scans": float("inf")}
    found: dict[str, list] = {}
    rules: Counter[str] = Counter()
    for _ in range(args.passes):
        for mode, patterns in (("start places", expressions.PATTERNS), ("full scans", full_scan)):
            rules.clear()
            with _patterns(patterns):
                started = time.perf_counter()
                timexes = [find_timexes(context.text, context.published_date, tense_function(context.doc)) for context in contexts]
                for context, theirs in zip(contexts, timexes, strict=True):
                    rules.update(e.trigger_by for e in extract_events(context, theirs))
                best[mode] = min(best[mode], time.perf_counter() - started)
            found[mode] = timexes
    if found["start places"] != found["full scans"]:
        raise SystemExit("the start places found other expressions than full scans: a pattern's starts misses where it can match")
    print(f"{len(articles)} articles, {words} words; best of {args.passes} passes {best['start places']:.3f} s")
    print(f"temporal step (timexes + events): {best['start places'] / words * 600 * 1000:.2f} ms per 600 words (target < 5)")
    print(f"  every pattern scanning the whole text: {best['full scans'] / words * 600 * 1000:.2f} ms per 600 words; "
          f"ratio {best['start places'] / best['full scans']:.2f} (same expressions)")
    print("events by rule:", ", ".join(f"{name} {count}" for name, count in rules.most_common()))


@contextmanager
def _patterns(patterns: tuple) -> Iterator[None]:
    """Run find_timexes with another registry for a while (the bench's full-scan passes)."""
    kept = expressions.PATTERNS
    expressions.PATTERNS = patterns
    try:
        yield
    finally:
        expressions.PATTERNS = kept


if __name__ == "__main__":
    main()
