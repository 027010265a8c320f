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
# A line that ends so has ended its sentence.
_SENTENCE_ENDINGS = frozenset('.!?:;"”’»)')
# Headlines, datelines and bylines stand on short lines of their own; a hard-wrapped paragraph
# (some feeds cut lines at 60-80 characters, mid-sentence) has longer ones.
SHORT_LINE = 50


def ends_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether the line break ``text[start:end]`` (newlines and spaces) ends a sentence.

    A blank line always does; a single line break only after a line that ends a sentence or
    after a short line, so a hard-wrapped paragraph still reads as one.
    """
    if text.count("\n", start, end) >= 2:
        return True
    line = text[text.rfind("\n", 0, start) + 1:start].rstrip()
    return bool(line) and (line[-1] in _SENTENCE_ENDINGS or len(line) <= SHORT_LINE)


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """The first token after a paragraph break (``ends_a_sentence``) starts a sentence.

    Notes:
        Only the break positions are visited (a handful per article), not every token.
    """
    text = doc.text
    for match in _AFTER_BREAK.finditer(text):
        if not ends_a_sentence(text, match.start(), match.end()):
            continue
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            span[0].is_sent_start = True
    return doc
