"""Quotes: quotation marks, the quote rules (direct, indirect, mixed) and the speaker rules."""
