"""newsledger: raw news articles in, an analytics warehouse of quotes, entities and events out."""

__version__ = "0.6.11"
