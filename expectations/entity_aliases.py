"""Suite of ``entity_aliases``: every article and entity exists."""

from expectations.checks import Check, references

CHECKS: dict[str, Check] = {
    "article_exists": references("entity_aliases", "article_id", "articles", "article_id"),
    "entity_exists": references("entity_aliases", "entity_id", "entities", "entity_id"),
}
