"""The text of a spaCy Doc, computed once: ``Doc.text`` joins every token on each access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsledger.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in the Doc's user data."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
