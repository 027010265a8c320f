"""A paragraph break ends a sentence: set before the parser, which keeps preset boundaries.

Without it the parser runs a sentence on across a blank line (most often after a closing
quotation mark: '..." ⏎⏎ The principal said ...'), and a speaker, entity or date is read
from the neighbouring paragraph.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newsledger_paragraph_breaks"


_AFTER_BREAK = re.compile(r"\n\s*(?=\S)")


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """The first token after a line break starts a sentence.

    Notes:
        A single line break counts too (headlines, datelines and list items stand on lines of
        their own in the raw format). Only the break positions are visited (a handful per
        article), not every token.
    """
    for match in _AFTER_BREAK.finditer(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            span[0].is_sent_start = True
    return doc
