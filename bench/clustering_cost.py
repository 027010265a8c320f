"""Clustering cost: what stories, quote and event clusters add to a run, and whether it grows.

    python -m bench.clustering_cost [--sizes 200 1000] [--more 100] [--words 600]
    python -m bench.clustering_cost --news BASE_FOLDER NEW_FOLDER   # real articles

Runs `newsledger run` (a fresh process each time, as in production) over invented articles of
``--words`` words (``bench.generate_corpus``) and reads each run's ``runs.stage_seconds``,
where the run records its extraction (``extract``) and the load's clustering step
(``cluster``) side by side:

1. the ratio cluster / extract of a first run of each size into a fresh warehouse (target:
   at most 10%);
2. the growth check: ``--more`` other articles loaded into an empty warehouse and into each
   of those warehouses; the clustering seconds per new article must not grow with the
   warehouse's size (the index is persisted and a new article meets its candidates only).

With ``--news``, real articles instead: BASE_FOLDER (e.g. PolNeAR train, 840 articles) into a
fresh warehouse (its cluster / extract share), then NEW_FOLDER (e.g. PolNeAR dev, 84 other
articles) into an empty warehouse and into that one: the per-new-article clustering seconds
with 0 and with len(BASE) articles already loaded.

The invented articles repeat their phrases and quotes far more than news does (every article
draws from a few templates and gives the same words to many speakers), so the index meets
large groups of copies and many speakers per text: a hard case for the cost, not a typical one.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from bench.generate_corpus import generate
from bench.measure import run_cli

PER_DAY = 100
TARGET_SHARE = 0.10
# Timings on a shared machine wander by tens of percent; more than this is growth.
GROWTH_TOLERANCE = 1.5


@dataclass(frozen=True)
class RunCost:
    """One run: its articles, the warehouse's articles before it, and its recorded seconds."""

    articles: int
    warehouse_before: int
    extract_seconds: float
    cluster_seconds: float
    wall_seconds: float

    @property
    def share(self) -> float:
        return self.cluster_seconds / self.extract_seconds if self.extract_seconds else 0.0

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.cluster_seconds / self.articles if self.articles else 0.0


def run_and_read(paths: list[Path], warehouse: Path, workers: int) -> RunCost:
    """One `newsledger run`, and the seconds it recorded in its ``runs`` row."""
    database = warehouse / "newsledger.duckdb"
    before = _articles(database)
    wall = run_cli(["run", "--workers", workers, "--warehouse", warehouse, *paths]).seconds
    con = duckdb.connect(str(database), read_only=True)
    try:
        raw, loaded = con.execute("SELECT stage_seconds, articles_loaded FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    finally:
        con.close()
    stages = json.loads(raw)
    return RunCost(loaded, before, stages.get("extract", 0.0), stages.get("cluster", 0.0), wall)


def unrelated_similarity(paths: list[Path], sample: int = 120) -> tuple[float, float]:
    """Mean Jaccard of the story shingles of two different invented articles, and the chance that
    such a pair shares an index key (a candidate each new article must be compared with)."""
    from datetime import UTC, datetime

    from transforms.read.articles import ReadOptions, read_articles
    from transforms.corpus.stories import LEAD, WHOLE, story_text_of

    options = ReadOptions("bench", 10**8, datetime.now(UTC))
    texts = [story_text_of(a.body) for p in paths[:sample] for a in read_articles(p.read_bytes(), str(p), options).articles]
    pairs = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]]
    whole = [len(a.shingles & b.shingles) / len(a.shingles | b.shingles) for a, b in pairs]
    lead = [len(a.lead & b.lead) / max(1, len(a.lead | b.lead)) for a, b in pairs]
    chance = sum(1 - (1 - WHOLE.candidate_probability(w)) * (1 - LEAD.candidate_probability(x)) for w, x in zip(whole, lead, strict=True)) / len(pairs)
    return sum(whole) / len(whole), chance


def _articles(database: Path) -> int:
    if not database.exists():
        return 0
    con = duckdb.connect(str(database), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def news_growth(base: Path, new: Path, workers: int) -> None:
    """The --news mode: the share on a real corpus, and the per-new-article cost at 0 and N."""
    with tempfile.TemporaryDirectory(prefix="clustering-cost-news-") as tmp:
        root = Path(tmp)
        first = run_and_read([base], root / "wh-base", workers)
        print(f"{first.articles} articles of {base} into a fresh warehouse: extract {first.extract_seconds:.1f} s, "
              f"cluster {first.cluster_seconds:.2f} s, cluster/extract {first.share:.1%} (target <= {TARGET_SHARE:.0%})")
        empty = run_and_read([new], root / "wh-empty", workers)
        grown = run_and_read([new], root / "wh-base", workers)
        for label, cost in (("an empty warehouse", empty), (f"a warehouse of {grown.warehouse_before}", grown)):
            print(f"{cost.articles} articles of {new} into {label}: cluster {cost.cluster_seconds:.2f} s, {cost.ms_per_article:.1f} ms per new article")
        ratio = grown.ms_per_article / empty.ms_per_article if empty.ms_per_article else 0.0
        print(f"per-new-article clustering at {grown.warehouse_before} vs 0 existing articles: {ratio:.2f}x "
              f"({'GROWS' if ratio > GROWTH_TOLERANCE else 'flat'}: tolerance {GROWTH_TOLERANCE}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000], help="articles of the first runs (each into a fresh warehouse)")
    parser.add_argument("--more", type=int, default=100, help="articles loaded afterwards into each warehouse, and into an empty one")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--news", nargs=2, type=Path, metavar=("BASE_FOLDER", "NEW_FOLDER"), help="real article folders instead of invented articles")
    args = parser.parse_args()
    if args.news:
        news_growth(*args.news, args.workers)
        return
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="clustering-cost-") as tmp:
        root = Path(tmp)
        corpus = generate(root / "corpus", sizes[-1], args.words, per_day=PER_DAY)
        later = date(2024, 1, 1) + timedelta(days=sizes[-1] // PER_DAY + 1)
        more = generate(root / "more", args.more, args.words, seed=8, start=later, per_day=PER_DAY)

        print(f"articles of ~{args.words} words (bench.generate_corpus), {args.workers} workers; seconds from runs.stage_seconds")
        print(f"{'first run':>18} {'extract s':>10} {'cluster s':>10} {'cluster/extract':>16}   target <= {TARGET_SHARE:.0%}")
        for size in sizes:
            cost = run_and_read(corpus[:size], root / f"wh-{size}", args.workers)
            verdict = "OK" if cost.share <= TARGET_SHARE else "MISSED"
            print(f"{cost.articles:>9} articles {cost.extract_seconds:>10.1f} {cost.cluster_seconds:>10.2f} {cost.share:>16.1%}   {verdict}")

        print(f"\n{args.more} more articles into a warehouse of N articles: clustering per new article")
        print(f"{'N':>18} {'cluster s':>10} {'ms/article':>11} {'vs N=0':>8}")
        baseline = None
        growth = []
        for size in [0, *sizes]:
            warehouse = root / f"wh-{size}"
            cost = run_and_read(more, warehouse, args.workers)
            baseline = baseline or cost
            relative = cost.ms_per_article / baseline.ms_per_article if baseline.ms_per_article else 0.0
            growth.append(relative)
            print(f"{cost.warehouse_before:>18} {cost.cluster_seconds:>10.2f} {cost.ms_per_article:>11.1f} {relative:>7.2f}x")
        grows = max(growth) > GROWTH_TOLERANCE
        print(f"per-article cost at the largest warehouse vs an empty one: {growth[-1]:.2f}x "
              f"({'GROWS' if grows else 'flat'}: tolerance {GROWTH_TOLERANCE}x for a shared machine's noise)")
        mean, chance = unrelated_similarity(corpus)
        print(f"two unrelated invented articles: story Jaccard {mean:.3f} on average, so {chance:.1%} of them share an index key "
              f"(news: about 0); a new article meets about {chance * sizes[-1]:.0f} such candidates in a warehouse of {sizes[-1]}")


if __name__ == "__main__":
    main()
