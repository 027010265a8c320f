"""Coarse parts of speech from the pipeline's own attribute-ruler rules, without its Matcher.

en_core_web_sm sets ``Token.pos_`` with an ``attribute_ruler``: 179 Matcher patterns over the
fine tag, the lower-case form and the dependency label. Running them costs about 11% of the
whole parse, as much as the tagger and more than any of our extractors, for what is a
function of a few token features. This component reads the same rules from the (disabled)
attribute ruler, keeps those that set POS, and applies them through a lookup memoised on
those features: the same ``pos_`` on every token (a test checks it against the ruler), at a
fraction of the cost. MORPH and LEMMA, which the extractors do not read, are not set.

A pipeline whose rules use anything else than single-token or adjacent-token constraints on
TAG, LOWER, DEP and IS_SPACE is refused (:class:`UnsupportedRulesError`); the loader then
keeps the attribute ruler.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from newsledger.core.errors import NewsledgerError

FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ATTR_IDS = [TAG, LOWER, DEP, IS_SPACE]
COMPONENT = "newsledger_coarse_pos"
_MEMO_LIMIT = 200_000  # feature windows; keeps a worker's memory flat over any corpus


class UnsupportedRulesError(NewsledgerError):
    """The attribute ruler's patterns use constraints this component does not evaluate."""


@dataclass(frozen=True)
class _Rule:
    constraints: tuple[dict[str, Any], ...]  # one per token of the pattern
    index: int  # which token of the pattern gets the POS (0 or 1)
    pos: str


def compile_rules(patterns: Iterable[Mapping[str, Any]]) -> list[_Rule]:
    """The POS-setting rules of an attribute ruler, in its order (later rules win).

    Raises:
        UnsupportedRulesError: a pattern uses another feature, operator or shape.
    """
    rules = []
    for entry in patterns:
        pos = entry.get("attrs", {}).get("POS")
        if pos is None:
            continue
        index = entry.get("index", 0)
        for pattern in entry["patterns"]:
            if not 1 <= len(pattern) <= 2 or index not in range(len(pattern)):
                raise UnsupportedRulesError(f"pattern {pattern} (index {index}) spans more than two tokens")
            for token in pattern:
                unknown = set(token) - set(FEATURES)
                operators = {op for value in token.values() if isinstance(value, dict) for op in value} - {"IN", "NOT_IN"}
                if unknown or operators:
                    raise UnsupportedRulesError(f"pattern {pattern} uses {sorted(unknown | operators)}")
            rules.append(_Rule(tuple(pattern), index, pos))
    return rules


def _satisfies(features: Mapping[str, Any] | None, constraint: Mapping[str, Any]) -> bool:
    if features is None:
        return False
    for name, wanted in constraint.items():
        actual = features[name]
        if isinstance(wanted, dict):
            if "IN" in wanted and actual not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and actual in wanted["NOT_IN"]:
                return False
        elif actual != wanted:
            return False
    return True


def pos_for(rules: list[_Rule], previous: Mapping[str, Any] | None, current: Mapping[str, Any], following: Mapping[str, Any] | None) -> str:
    """The POS the rules give a token with these features (and its neighbours'); "" if none."""
    pos = ""
    for rule in rules:
        window = (current,) if len(rule.constraints) == 1 else ((previous, current) if rule.index == 1 else (current, following))
        if all(_satisfies(f, c) for f, c in zip(window, rule.constraints, strict=True)):
            pos = rule.pos
    return pos


class CoarsePos:
    """Sets ``Token.pos`` by the compiled rules, memoised on the token features they read.

    The last rule that matches wins. A rule reads the token alone, or the token with the one
    before it, or with the one after it; so the answer is the latest of three: the last
    one-token rule the token meets (memoised on its features), the last rule with the token
    before (on the pair's features) and the last rule with the token after. Memoising the
    three apart keeps the memos small and warm after a few articles; a memo on the whole
    window of three tokens met a new window on every other token of fresh text (about 30,000
    distinct windows in 80 articles, each a walk over every rule).
    """

    def __init__(self, nlp: Language, patterns: Iterable[Mapping[str, Any]]) -> None:
        self.rules = compile_rules(patterns)
        strings = nlp.vocab.strings
        # Only the lower-case forms the rules name can change the answer; any other word is
        # looked up as "" so that the memo stays small however large the vocabulary.
        named = {v for r in self.rules for c in r.constraints for k, v in c.items() if k == "LOWER" and isinstance(v, str)}
        named |= {w for r in self.rules for c in r.constraints for k, v in c.items() if k == "LOWER" and isinstance(v, dict) for ws in v.values() for w in ws}
        self._lower_names = {strings.add(w): w for w in named}
        self._strings = strings
        self._single = [i for i, r in enumerate(self.rules) if len(r.constraints) == 1]
        self._with_previous = [i for i, r in enumerate(self.rules) if len(r.constraints) == 2 and r.index == 1]
        self._with_following = [i for i, r in enumerate(self.rules) if len(r.constraints) == 2 and r.index == 0]
        # key -> (last one-token rule, rules with the token before whose own part it meets, the same after)
        self._token_memo: dict[tuple, tuple[int, tuple[int, ...], tuple[int, ...]]] = {}
        self._pair_memo: dict[tuple, int] = {}

    def _features(self, key: tuple) -> dict[str, Any]:
        tag, lower, dep, is_space = key
        return {
            "TAG": self._strings[tag] if tag else "",
            "LOWER": self._lower_names.get(lower, ""),
            "DEP": self._strings[dep] if dep else "",
            "IS_SPACE": bool(is_space),
        }

    def _key(self, row: np.ndarray) -> tuple:
        return (int(row[0]), int(row[1]) if int(row[1]) in self._lower_names else 0, int(row[2]), int(row[3]))

    def _token(self, key: tuple) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
        found = self._token_memo.get(key)
        if found is None:
            features = self._features(key)
            single = max((i for i in self._single if _satisfies(features, self.rules[i].constraints[0])), default=-1)
            previous_rules = tuple(i for i in self._with_previous if _satisfies(features, self.rules[i].constraints[1]))
            following_rules = tuple(i for i in self._with_following if _satisfies(features, self.rules[i].constraints[0]))
            found = self._token_memo[key] = (single, previous_rules, following_rules)
        return found

    def _pair(self, side: str, candidates: tuple[int, ...], neighbour: tuple) -> int:
        """The last of ``candidates`` whose neighbour part the neighbour token meets."""
        memo_key = (side, candidates, neighbour)
        found = self._pair_memo.get(memo_key)
        if found is None:
            features = self._features(neighbour)
            part = 0 if side == "previous" else 1
            found = self._pair_memo[memo_key] = max((i for i in candidates if _satisfies(features, self.rules[i].constraints[part])), default=-1)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self._pair_memo) > _MEMO_LIMIT:
            self._pair_memo.clear()
        keys = [self._key(row) for row in doc.to_array(_ATTR_IDS)]
        out = np.zeros((len(doc), 1), dtype="uint64")
        for i, key in enumerate(keys):
            single, previous_rules, following_rules = self._token(key)
            best = single
            if previous_rules and i:
                best = max(best, self._pair("previous", previous_rules, keys[i - 1]))
            if following_rules and i + 1 < len(keys):
                best = max(best, self._pair("following", following_rules, keys[i + 1]))
            out[i, 0] = POS_IDS[self.rules[best].pos] if best >= 0 and self.rules[best].pos else 0
        doc.from_array([POS], out)
        return doc


@Language.factory(COMPONENT, default_config={"patterns": []})
def make_coarse_pos(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> CoarsePos:
    return CoarsePos(nlp, patterns)
