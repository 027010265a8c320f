"""A paragraph break ends a sentence: set before the parser, which keeps preset boundaries.

Without it the parser runs a sentence on across a blank line (most often after a closing
quotation mark: '..." ⏎⏎ The principal said ...'), and a speaker, entity or date is read
from the neighbouring paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newsledger_paragraph_breaks"


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """The first token after a whitespace token holding a line break starts a sentence.

    Notes:
        A single line break counts too (headlines, datelines and list items stand on lines of
        their own in the raw format); a break inside a token cannot happen (spaCy splits on it).
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and (previous.is_space and "\n" in previous.text or "\n" in previous.whitespace_):
            token.is_sent_start = True
    return doc
