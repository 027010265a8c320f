import pytest

from transforms.lexicon import REPORTING_VERB_FORMS


@pytest.mark.parametrize("form", ["said", "says", "saying", "told", "tweeted", "tweets", "announced", "warned", "denied", "replies", "wrote", "stressed", "admitted", "criticised"])
def test_reporting_verb_forms_cover_inflections(form):
    assert form in REPORTING_VERB_FORMS


@pytest.mark.parametrize("form", ["sayed", "telled", "ran", "president"])
def test_non_forms_are_not_cues(form):
    assert form not in REPORTING_VERB_FORMS
