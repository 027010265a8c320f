"""Entity quality over annotated articles: recall and precision by canonical name per article
(PERSON, ORG, GPE, LOC), and the share of gold entities whose found mentions sit on one entity.

    python -m bench.entity_quality [ARTICLES_DIR GOLD.jsonl]     # default: bench/data/entities

GOLD.jsonl: one entity per line: doc, canonical_name, entity_type, mentions (the surface forms,
e.g. ["Rajnath Singh", "Singh", "Union Minister"]). The bundled articles are invented and
annotated by us, with the quirks the extractor must handle (titles, surnames, acronyms,
nominal titles, possessives).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from bench.quality import extract_folder, prf, read_gold
from transforms.entities.aliases import alias_key

TYPES = ("PERSON", "ORG", "GPE", "LOC")
DEFAULT_DIR = Path(__file__).parent / "data" / "entities"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("gold", type=Path, nargs="?", default=DEFAULT_DIR / "gold.jsonl")
    args = parser.parse_args()
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for record in read_gold(args.gold):
        if record["entity_type"] in TYPES:
            gold_by_doc[record["doc"]].append(record)
    n_gold = n_pred = hits = together = 0
    misses, extras = [], []
    for name, _, rows in extract_folder(args.articles):
        names = {e.entity_id: e for e in rows.entities if e.entity_type in TYPES}
        predicted = {(e.entity_type, alias_key(e.canonical_name)) for e in names.values()}
        gold = gold_by_doc.get(name, [])
        wanted = {(g["entity_type"], alias_key(g["canonical_name"])) for g in gold}
        n_gold += len(wanted)
        n_pred += len(predicted)
        hits += len(wanted & predicted)
        misses += [f"{name}: {t} {n}" for t, n in sorted(wanted - predicted)]
        extras += [f"{name}: {t} {n}" for t, n in sorted(predicted - wanted)]
        for g in gold:
            forms = {alias_key(m) for m in g["mentions"]}
            ids = {m.entity_id for m in rows.entity_mentions if alias_key(m.text) in forms}
            together += len(ids) <= 1
    precision, recall, f1 = prf(hits, n_pred, hits, n_gold)
    n_entities = sum(len(v) for v in gold_by_doc.values())
    print(f"articles: {len(gold_by_doc)}, gold entities: {n_gold}, predicted: {n_pred}")
    print(f"recall {recall:.3f} (target >= 0.90), precision {precision:.3f} (target >= 0.85), F1 {f1:.3f}")
    print(f"gold entities with all found mentions on one entity_id: {together / n_entities if n_entities else 0:.3f} (target >= 0.90)")
    for line in misses:
        print("  missed:", line)
    for line in extras:
        print("  extra: ", line)


if __name__ == "__main__":
    main()
