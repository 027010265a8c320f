"""``named_before``: an organisation counts as named before a quote when a mention lies there or
one of its mentions' names is written there (a first mention the entity tagger missed)."""

import pytest

from transforms.entities.grouping import ArticleEntity
from transforms.entities.mentions import Mention
from transforms.quotes.speakers import named_before

BODY = "Crypto exchange Nuvexa froze withdrawals. The company said funds were safe. Nuvexa shares fell."
LATER = BODY.index("Nuvexa shares")
QUOTE = BODY.index("The company")


def _entity(*mentions: tuple[int, str]) -> ArticleEntity:
    return ArticleEntity("Nuvexa", "ORG", [Mention(start, start + len(text), text, "ORG") for start, text in mentions])


@pytest.mark.parametrize(
    ("entity", "offset", "expected"),
    [
        (_entity((BODY.index("Nuvexa"), "Nuvexa")), QUOTE, True),  # a mention before
        (_entity((LATER, "Nuvexa")), QUOTE, True),  # only a later mention, but the name is written before
        (_entity((LATER, "Nuvexa")), BODY.index("Nuvexa"), False),  # nothing written before the offset
        (_entity((LATER, "Nux")), QUOTE, False),  # "Nux" is no whole word before
        (_entity((LATER, "ne")), QUOTE, False),  # short or lower-case forms are not looked for
    ],
)
def test_named_before(entity, offset, expected):
    assert named_before(entity, BODY, offset) is expected
