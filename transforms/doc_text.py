"""Values of a spaCy Doc computed once per Doc and shared by the extractors.

``Doc.text`` joins every token on each access, and iterating a Doc builds a new Token object
per token on every pass; the extractors make several passes, so both are cached in the Doc's
user data.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_TEXT = "newsledger.text"
_TOKENS = "newsledger.tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in the Doc's user data."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, cached in the Doc's user data (index it like the Doc: ``tokens[i]``)."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens
