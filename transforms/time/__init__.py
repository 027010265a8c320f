"""Time: temporal expressions normalised against the publication date, tense, and dated events."""
