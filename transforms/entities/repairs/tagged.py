"""One entity the model tagged, as the repairs read it, and what a repair answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from transforms.entities.places import Place, known_place

# The spans and labels a repair gives for one model entity: (char_start, char_end, label).
Repair = list[tuple[int, int, str]]


@dataclass(frozen=True)
class TaggedEntity:
    """One entity the model tagged, with what the repairs read of it."""

    ent: Span
    body: str  # the article's text (the Doc's), offsets as the Doc's
    label: str  # the model's label, a place named by an organisation noun already an ORG
    words: tuple[Token, ...]  # its tokens without punctuation
    speakers: frozenset[str] | set[str]  # one-word subjects of reporting verbs ("Alves said")
    surnames: frozenset[str] | set[str]  # last words of the article's people, and speakers
    tokens: tuple[Token, ...] = ()  # the Doc's tokens (``ArticleContext.tokens``): ``doc[i]`` builds a new Token each time

    @property
    def doc(self) -> Doc:
        return self.ent.doc

    @property
    def start(self) -> int:
        return self.ent.start_char

    @property
    def end(self) -> int:
        return self.ent.end_char

    @cached_property
    def name(self) -> str:
        return re.sub(r"\s*['’]s$", "", self.ent.text)  # as written, hyphens kept ("the Indo-Pacific")

    @cached_property
    def place(self) -> Place | None:
        return known_place(self.name)

    @property
    def last(self) -> str:
        return self.words[-1].lower_

    @property
    def following(self) -> Token | None:
        return self.tokens[self.ent.end] if self.ent.end < len(self.tokens) else None

    def whole(self, label: str) -> Repair:
        return [(self.start, self.end, label)]
