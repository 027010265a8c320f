"""Quote extraction quality: P/R/F1 per type and speaker accuracy over annotated articles.

    python -m bench.quote_quality ARTICLES_DIR GOLD.jsonl [--threshold 0.5] [--predictions OUT.jsonl]

GOLD.jsonl has one quote per line: doc (article file name), content_start, content_end
(offsets into the article body; or content_spans [[s, e], ...]), type (direct, indirect,
mixed) and source (speaker text, or null). The format is the one of the team's PolNeAR
converter. Matching: a predicted and a gold quote match when their content spans overlap by at
least the threshold of the longer span, one-to-one (best overlaps first); speaker accuracy
counts matched quotes with a gold speaker whose predicted speaker agrees (after dropping case,
punctuation, possessives and titles: equal, one inside the other, or the same last word); it is
also printed for gold speakers that are names, not pronouns.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from bench.quality import extract_folder, prf
from bench.quality import gold_by_doc as group_gold

TYPES = ("direct", "indirect", "mixed")
# Gold sources that are pronouns: newsledger names the person behind "he said" instead (by
# design), so these can never agree; the benchmark also reports accuracy without them.
PRONOUN_SOURCES = frozenset("he she they i we it you him her them who which his its their whom this that".split())
# Words dropped from the start of a speaker before comparing: the team scorer's list
# (../shared/eval/score_quotes.py), so both print the same speaker accuracy.
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sen senator rep representative "
    "congressman congresswoman gov governor lt col gen general maj capt cpt sgt adm admiral president vice prime "
    "minister secretary chancellor mayor judge justice chief spokesman spokeswoman spokesperson former the union state "
    "deputy speaker leader ambassador chairman chairwoman chair ceo hon honourable honorable shri smt st".split()
)


def _chars(record: dict) -> set[int]:
    spans = record.get("content_spans") or [[record["content_start"], record["content_end"]]]
    return {i for start, end in spans for i in range(start, end)}


def _raw_words(name: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", (name or "").lower())


def _words(name: str | None) -> list[str]:
    words = _raw_words(re.sub(r"'s\b", "", (name or "").lower().replace("\u2019", "'")))
    while words and words[0] in _TITLES:
        words = words[1:]
    return words


def _inside(short: list[str], long: list[str]) -> bool:
    return len(short) <= len(long) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def speakers_agree(predicted: str | None, gold: str | None) -> bool:
    """Equal, one inside the other, or the same last word, after dropping case, punctuation,
    possessives and leading titles; a speaker that is only a title ("the president") is
    compared as written."""
    a, b = _words(predicted), _words(gold)
    if not a or not b:
        a, b = a or _raw_words(predicted), b or _raw_words(gold)
        if not a or not b:
            return False
    return a == b or a[-1] == b[-1] or _inside(a, b) or _inside(b, a)


def match(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best overlaps first."""
    candidates = []
    gold_chars = [_chars(g) for g in gold]
    pred_chars = [_chars(p) for p in predicted]
    for gi, g in enumerate(gold_chars):
        for pi, p in enumerate(pred_chars):
            shared = len(g & p)
            if shared:
                ratio = shared / max(len(g), len(p))
                if ratio >= threshold:
                    candidates.append((ratio, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--predictions", type=Path, help="also write the predictions as JSONL")
    args = parser.parse_args()

    gold_by_doc = group_gold(args.gold)
    pred_by_doc: dict[str, list[dict]] = defaultdict(list)
    for name, _, rows in extract_folder(args.articles):
        for q in rows.quotes:
            pred_by_doc[name].append({"doc": name, "content_start": q.char_start, "content_end": q.char_end,
                                      "content_spans": [[seg["char_start"], seg["char_end"]] for seg in q.segments], "content": q.content,
                                      "type": q.quote_type, "speaker": q.speaker, "cue": q.cue})
    if args.predictions:
        args.predictions.write_text("".join(json.dumps(p) + "\n" for ps in pred_by_doc.values() for p in ps), encoding="utf-8")

    counts = {t: defaultdict(int) for t in (*TYPES, "all")}
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc)):
        gold, predicted = gold_by_doc.get(doc, []), pred_by_doc.get(doc, [])
        pairs = match(gold, predicted, args.threshold)
        for g in gold:
            counts[g["type"]]["gold"] += 1
            counts["all"]["gold"] += 1
        for p in predicted:
            counts[p["type"]]["pred"] += 1
            counts["all"]["pred"] += 1
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            for key in {g["type"], "all"}:
                counts[key]["matched_gold"] += 1
            for key in {p["type"], "all"}:
                counts[key]["matched_pred"] += 1
            if g.get("source"):
                for key in {g["type"], "all"}:
                    counts[key]["with_speaker"] += 1
                    counts[key]["speaker_ok"] += speakers_agree(p.get("speaker"), g["source"])
                    if g["source"].strip().lower() not in PRONOUN_SOURCES:
                        counts[key]["with_named_speaker"] += 1
                        counts[key]["named_speaker_ok"] += speakers_agree(p.get("speaker"), g["source"])
    print(f"documents: {len(gold_by_doc)}, overlap threshold {args.threshold} of the longer span")
    print(f"{'type':9s} {'gold':>6s} {'pred':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'speaker acc':>12s} {'named gold':>11s}")
    for t in (*TYPES, "all"):
        c = counts[t]
        p, r, f = prf(c["matched_pred"], c["pred"], c["matched_gold"], c["gold"])
        acc = c["speaker_ok"] / c["with_speaker"] if c["with_speaker"] else 0.0
        named = c["named_speaker_ok"] / c["with_named_speaker"] if c["with_named_speaker"] else 0.0
        print(f"{t:9s} {c['gold']:6d} {c['pred']:6d} {p:6.3f} {r:6.3f} {f:6.3f} {acc:12.3f} {named:11.3f}")
    print("speaker acc: all matched quotes with a gold speaker; named gold: those whose gold speaker is a name,")
    print("not a pronoun (newsledger resolves 'he said' to the person, so a gold 'he' never agrees).")


if __name__ == "__main__":
    main()
