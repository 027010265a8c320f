"""Verb forms from lemmas: the one inflection rule of the extractors (the lemmatizer is not run).

``verb_forms("say", ("said",))`` -> say, says, saying, said. Irregular forms are passed in (a
list's own data); a regular past ("sayed") is then dropped unless listed. ``form_lemmas`` maps
every form of some lemmas back to its lemma.
"""

from __future__ import annotations

from collections.abc import Iterable

# Verbs that double their last consonant before -ed and -ing.
_DOUBLING = ("admit", "regret", "commit", "slam")


def verb_forms(lemma: str, irregular: Iterable[str] = (), *, double_final: bool = False) -> frozenset[str]:
    """The lemma, its third person, -ing and -ed forms, and the ``irregular`` forms given.

    ``double_final`` also doubles the last consonant ("plan" -> planned, planning; "set" ->
    setting) for lists that must not miss a doubled form and can bear a few non-words.

    Notes:
        Only ``_DOUBLING`` verbs double their consonant ("admitted"); "refer" gives "refered"
        (list "referred" as irregular). With irregular forms a lemma's plain "+ed" is dropped,
        but not its "e"-dropped "-ed" ("writed" stays): word lists keep those as they were.
    """
    irregular = tuple(irregular)
    forms = {lemma, *irregular}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma + "ing", lemma[:-1] + "ied"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ing", lemma + "ed"}
    else:
        forms |= {lemma + "s", stem + "ing", stem + "ed" if lemma.endswith("e") else lemma + "ed"}
    if lemma.endswith("o"):
        forms.add(lemma + "es")  # "echoes"
    if lemma in _DOUBLING or double_final:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if irregular and lemma + "ed" not in irregular:
        forms.discard(lemma + "ed")
    return frozenset(forms)


def form_lemmas(lemmas: Iterable[str]) -> dict[str, str]:
    """{form: lemma} for every form (``verb_forms``) of regular verbs."""
    return {form: lemma for lemma in lemmas for form in verb_forms(lemma)}
