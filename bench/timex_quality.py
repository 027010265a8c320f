"""Time-expression quality, TempEval-3 style: strict and relaxed span F1, value F1.

    python -m bench.timex_quality ARTICLES_DIR GOLD.jsonl [--predictions OUT.jsonl] [--speed]

GOLD.jsonl has one TIMEX3 per line: doc, start, end (body offsets), type, value (the format
of the team's TimeML converter). Matching per document, one-to-one: identical spans first,
then each remaining gold expression takes the leftmost free prediction it overlaps. Value F1
= value accuracy on relaxed matches x relaxed F1. --speed also times the temporal step
alone (grammar + resolver, after the spaCy parse) per article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from bench.quality import extract_folder, prf
from bench.quality import gold_by_doc as group_gold


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    exact = {(p["start"], p["end"]): i for i, p in enumerate(predicted)}
    remaining = []
    for gi, g in enumerate(gold):
        pi = exact.get((g["start"], g["end"]))
        if pi is not None and pi not in used:
            pairs.append((gi, pi))
            used.add(pi)
        else:
            remaining.append(gi)
    for gi in sorted(remaining, key=lambda i: gold[i]["start"]):
        g = gold[gi]
        free = [i for i, p in enumerate(predicted) if i not in used and p["start"] < g["end"] and g["start"] < p["end"]]
        if free:
            pi = min(free, key=lambda i: predicted[i]["start"])
            pairs.append((gi, pi))
            used.add(pi)
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    gold_by_doc = group_gold(args.gold)
    pred_by_doc: dict[str, list[dict]] = defaultdict(list)
    extracted = list(extract_folder(args.articles))
    for name, _, rows in extracted:
        pred_by_doc[name] = [{"doc": name, "start": t.char_start, "end": t.char_end, "text": t.text, "type": t.timex_type, "value": t.value}
                             for t in rows.temporal_expressions]
    if args.predictions:
        args.predictions.write_text("".join(json.dumps(p) + "\n" for ps in pred_by_doc.values() for p in ps), encoding="utf-8")
    n_gold = sum(len(v) for v in gold_by_doc.values())
    n_pred = sum(len(pred_by_doc.get(d, [])) for d in gold_by_doc)
    strict = relaxed = value_ok = type_ok = 0
    for doc, gold in gold_by_doc.items():
        predicted = pred_by_doc.get(doc, [])
        for gi, pi in match(gold, predicted):
            g, p = gold[gi], predicted[pi]
            relaxed += 1
            strict += (g["start"], g["end"]) == (p["start"], p["end"])
            value_ok += g["value"] == p["value"]
            type_ok += g["type"] == p["type"]
    sp, sr, sf = prf(strict, n_pred, strict, n_gold)
    rp, rr, rf = prf(relaxed, n_pred, relaxed, n_gold)
    value_acc = value_ok / relaxed if relaxed else 0.0
    print(f"documents: {len(gold_by_doc)}, gold {n_gold}, predicted {n_pred}")
    print(f"strict  P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    print(f"relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    print(f"type accuracy {type_ok / relaxed if relaxed else 0:.3f}, value accuracy {value_acc:.3f}, value F1 {value_acc * rf:.3f}")
    if args.speed:
        from newsledger.model.pipeline import load_pipeline
        from newsledger.core.settings import DEFAULT_MODEL
        from transforms.time.tense import tense_function
        from transforms.time.expressions import find_timexes

        nlp = load_pipeline(DEFAULT_MODEL)
        articles = [a for _, a, _ in extracted]
        docs = list(nlp.pipe([a.body for a in articles]))
        words = sum(len(a.body.split()) for a in articles)
        started = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            find_timexes(article.body, article.published_date, tense_function(doc))
        seconds = time.perf_counter() - started
        per_600 = seconds / words * 600 * 1000
        print(f"temporal step: {seconds * 1000 / len(articles):.2f} ms per article, {per_600:.2f} ms per 600 words (target < 5)")


if __name__ == "__main__":
    main()
