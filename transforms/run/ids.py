"""Deterministic ids: the same inputs give the same id in every run and on every machine."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    """Return a 16-hex-digit id hashed from the parts' text forms.

    The unit separator between parts keeps ``("ab", "c")`` and ``("a", "bc")`` apart.
    """
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def sha256_hex(data: bytes) -> str:
    """Return the full SHA-256 of raw bytes (used to recognise a file already loaded)."""
    return hashlib.sha256(data).hexdigest()
