"""MinHash signatures (datasketch) cut into LSH bands: the keys the warehouse index stores.

Two members whose shingle sets have Jaccard similarity J share at least one of ``b`` bands of
``r`` rows with probability ``1 - (1 - J**r) ** b``; only members sharing a key are ever
compared, so the cost of a new member depends on its candidates, not on the warehouse's size.
Keys hash the band's number with its values, so keys of any band (and anchor keys) can be
matched in one join on the key alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# datasketch's default scheme and seed: the same signature for the same set on every machine.
MINHASH_SEED = 1


@dataclass(frozen=True)
class Banding:
    """How one signature is cut into bands.

    Attributes:
        num_perm: MinHash permutations.
        bands: bands per signature (``bands * rows <= num_perm``).
        rows: MinHash values per band.
        first_band: number of the first band (two bandings of one member must not collide).
    """

    num_perm: int
    bands: int
    rows: int
    first_band: int = 0

    def candidate_probability(self, jaccard: float) -> float:
        """Chance that two sets of this Jaccard similarity share a band."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


@lru_cache(maxsize=4)
def _template(num_perm: int) -> Any:
    from datasketch import MinHash  # imported on first use: it pulls in numpy and scipy

    return MinHash(num_perm=num_perm, seed=MINHASH_SEED)


_MIX = 0x100000001B3  # FNV-1a's 64-bit prime: folds a band's values into one key


def _band_keys_of(values: Any, banding: Banding) -> list[tuple[int, int]]:
    """Fold each band's MinHash values, and the band's number, into one signed 64-bit key."""
    import numpy as np

    rows = values[: banding.bands * banding.rows].astype(np.uint64).reshape(banding.bands, banding.rows)
    numbers = np.arange(banding.first_band, banding.first_band + banding.bands, dtype=np.uint64)
    with np.errstate(over="ignore"):
        keys = (numbers + np.uint64(0xCBF29CE484222325)) * np.uint64(_MIX)
        for column in range(banding.rows):
            keys = (keys ^ rows[:, column]) * np.uint64(_MIX)
    return [(int(n), int(k)) for n, k in zip(numbers, keys.view(np.int64), strict=True)]


def text_key(kind: str, text: str) -> int:
    """A 64-bit key of a piece of text (an anchor shingle), the same on every machine."""
    digest = hashlib.blake2b(f"{kind}\x1f{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def band_keys(shingle_sets: Iterable[set[str]], banding: Banding) -> list[list[tuple[int, int]]]:
    """``(band, band_key)`` pairs of each set's MinHash signature; an empty set has none.

    Args:
        shingle_sets: one set of shingles per member.
        banding: the permutations and the bands to cut.
    """
    from datasketch import MinHash

    template = _template(banding.num_perm)
    sets = [sorted(s) for s in shingle_sets]
    signatures = MinHash.bulk(
        [[shingle.encode("utf-8") for shingle in s] for s in sets], num_perm=banding.num_perm, seed=MINHASH_SEED, permutations=template.permutations, scheme=template.scheme
    )
    keys: list[list[tuple[int, int]]] = []
    for items, signature in zip(sets, signatures, strict=True):
        if not items:
            keys.append([])
            continue
        keys.append(_band_keys_of(signature.hashvalues, banding))
    return keys
