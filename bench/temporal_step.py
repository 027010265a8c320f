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
from datetime import UTC, datetime
from pathlib import Path

from newsledger.core.settings import DEFAULT_MODEL
from newsledger.model.pipeline import load_pipeline
from transforms.context import ArticleContext
from transforms.read.articles import ReadOptions, read_articles
from transforms.time.events import extract_events
from transforms.time.expressions import find_timexes
from transforms.time.tense import tense_function

DEFAULT_FOLDERS = (Path("/work/corpora/timebank-aquaint"), Path("/work/corpora/newsdev"))


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
    best, rules = float("inf"), Counter()
    for _ in range(args.passes):
        rules.clear()
        started = time.perf_counter()
        for context in contexts:
            timexes = find_timexes(context.text, context.published_date, tense_function(context.doc))
            rules.update(e.trigger_by for e in extract_events(context, timexes))
        best = min(best, time.perf_counter() - started)
    print(f"{len(articles)} articles, {words} words; best of {args.passes} passes {best:.3f} s")
    print(f"temporal step (timexes + events): {best / words * 600 * 1000:.2f} ms per 600 words (target < 5)")
    print("events by rule:", ", ".join(f"{name} {count}" for name, count in rules.most_common()))


if __name__ == "__main__":
    main()
