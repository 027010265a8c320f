"""Trigger rules of ``transforms.time.event_clauses`` on parses the examples cannot pin down."""

from spacy.tokens import Doc

from transforms.time.event_clauses import split_sentence
from transforms.time.event_site import EventSite


def _doc(nlp, words, heads, deps, pos):
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], heads=heads, deps=deps, pos=pos)


def test_split_sentence_dates_the_verb_before_the_split(nlp):
    # "the centre, which was added to the UNESCO | World Heritage list in 1997": the parser
    # ends a sentence after "UNESCO" and heads the rest by "list".
    words = ["The", "centre", "was", "added", "to", "the", "UNESCO", "World", "Heritage", "list", "in", "1997", "."]
    heads = [1, 3, 3, 3, 3, 6, 4, 9, 9, 9, 9, 10, 9]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "compound", "compound", "ROOT", "prep", "pobj", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "PROPN", "PROPN", "PROPN", "NOUN", "ADP", "NUM", "PUNCT"]
    doc = _doc(nlp, words, heads, deps, pos)
    answer = split_sentence(EventSite(doc[11], None, doc.text, "1997"))
    assert answer is not None and answer.text == "added"


def test_split_sentence_leaves_a_full_stop_alone(nlp):
    words = ["The", "centre", "was", "added", ".", "World", "Heritage", "list", "in", "1997"]
    heads = [1, 3, 3, 3, 3, 7, 7, 7, 7, 8]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "punct", "compound", "compound", "ROOT", "prep", "pobj"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PUNCT", "PROPN", "PROPN", "NOUN", "ADP", "NUM"]
    doc = _doc(nlp, words, heads, deps, pos)
    assert split_sentence(EventSite(doc[9], None, doc.text, "1997")) is None
