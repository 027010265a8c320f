"""The coarse-POS component gives exactly the attribute ruler's parts of speech, cheaper."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.model.coarse_pos import UnsupportedRulesError, compile_rules, pos_for

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

SENTENCES = [
    "There is a man who has said that nothing was done.",
    "But the Minister did not say whether the talks had been held; that is what she does.",
    "They have it, and I'd say everyone knows those who were there.",
    "Here and then, once well, it isn't what we're told: 'Twas all he'd had.",
]


def test_same_pos_as_the_attribute_ruler(nlp):
    import spacy

    from newsledger.core.settings import DEFAULT_MODEL

    reference = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    assert "newsledger_coarse_pos" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
        assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]


def test_later_rules_win_and_two_token_rules_look_at_the_neighbour():
    rules = compile_rules(
        [
            {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
            {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is"]}}]], "attrs": {"POS": "AUX"}},
            {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
            {"patterns": [[{"TAG": "DT"}]], "attrs": {"MORPH": "Definite=Def"}},  # no POS: ignored
        ]
    )
    is_ = {"TAG": "VBZ", "LOWER": "is", "DEP": "ROOT", "IS_SPACE": False}
    there = {"TAG": "EX", "LOWER": "", "DEP": "expl", "IS_SPACE": False}
    it = {"TAG": "PRP", "LOWER": "", "DEP": "nsubj", "IS_SPACE": False}
    assert len(rules) == 3
    assert pos_for(rules, it, is_, None) == "AUX"
    assert pos_for(rules, there, is_, None) == "VERB"
    assert pos_for(rules, None, {**is_, "LOWER": ""}, None) == "VERB"
    assert pos_for(rules, None, {**is_, "TAG": "NN"}, None) == ""


@pytest.mark.parametrize(
    "pattern",
    [
        {"patterns": [[{"ORTH": "is"}]], "attrs": {"POS": "AUX"}},
        {"patterns": [[{"LOWER": {"REGEX": "^is$"}}]], "attrs": {"POS": "AUX"}},
        {"patterns": [[{"TAG": "A"}, {"TAG": "B"}, {"TAG": "C"}]], "attrs": {"POS": "X"}},
    ],
)
def test_rules_it_cannot_evaluate_are_refused(pattern):
    with pytest.raises(UnsupportedRulesError):
        compile_rules([pattern])
