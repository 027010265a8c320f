"""MinHash signatures cut into LSH bands: the keys the warehouse index stores.

Two members whose shingle sets have Jaccard similarity J share at least one of ``b`` bands of
``r`` rows with probability ``1 - (1 - J**r) ** b``; only members sharing a key are ever
compared, so the cost of a new member depends on its candidates, not on the warehouse's size.
Keys hash the band's number with its values, so keys of any band (and anchor keys) can be
matched in one join on the key alone.

Bands below zero hold keys whose sharing alone decides: members sharing one are in one cluster
without any comparison. ``TWIN_BAND`` is every member's fingerprint (two members with equal
fingerprints compare alike with everyone, so only one of them, the text's representative,
keeps the other keys and the links); events use the bands below it for their participants.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

TWIN_BAND = -1  # the fingerprint of what the comparison sees: equal fingerprints, one text

# MinHash as datasketch 2.0 computes it by default ("affine32", seed 1): the SHA-1 of each
# shingle (first 4 bytes, little-endian), mixed by MurmurHash3's 32-bit finalizer, then
# a * h + b modulo 2**32 per permutation, the minimum over the set. Computed here with numpy
# for a whole batch at once (tests/corpus/test_cluster_index.py checks it against datasketch), so
# the keys persisted in a warehouse never change with a library's default.
MINHASH_SEED = 1
_CHUNK_VALUES = 1 << 19  # shingles x permutations per numpy step: 2 MB, reused, not paged in afresh


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[Any, Any]:
    import numpy as np

    generator = np.random.RandomState(MINHASH_SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(values: Any) -> Any:
    import numpy as np

    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def minhash_signatures(sets: Sequence[Sequence[str]], num_perm: int) -> Any:
    """MinHash signatures of non-empty sets of strings: one row of ``num_perm`` uint32 each."""
    import numpy as np

    a, b = _permutations(num_perm)
    digests = b"".join(hashlib.sha1(item.encode("utf-8")).digest()[:4] for items in sets for item in items)
    hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    sizes = [len(items) for items in sets]
    signatures = np.empty((len(sets), num_perm), dtype=np.uint32)
    start = first_item = 0
    while start < len(sets):
        stop, size = start, 0
        while stop < len(sets) and (stop == start or (size + sizes[stop]) * num_perm <= _CHUNK_VALUES):
            size += sizes[stop]
            stop += 1
        with np.errstate(over="ignore"):
            permuted = hashed[first_item : first_item + size, None] * a[None, :]
            permuted += b[None, :]
        offsets = np.cumsum([0, *sizes[start : stop - 1]])
        signatures[start:stop] = np.minimum.reduceat(permuted, offsets, axis=0)
        start, first_item = stop, first_item + size
    return signatures


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


_MIX = 0x100000001B3  # FNV-1a's 64-bit prime: folds a band's values into one key


@dataclass(frozen=True)
class IndexKeys:
    """A text's rows in the index and the keys it looks up to find its candidates.

    Attributes:
        stored: ``(band, key)`` rows kept under the text's representative.
        probes: keys whose rows (in bands 0 and up) name its candidates. For most texts these
            are its own keys; a relation that is not symmetric in one attribute (a quote's
            speaker: a quote with none agrees with every speaker, two speakers do not agree)
            stores one key and looks up another.
    """

    stored: list[tuple[int, int]]
    probes: list[int]


def symmetric_keys(keys: list[tuple[int, int]]) -> IndexKeys:
    """Keys that find each other: a text looks up its own keys in bands 0 and up."""
    return IndexKeys(keys, [key for band, key in keys if band >= 0])


def _fold_bands(values: Any, banding: Banding) -> Any:
    """Fold each band's MinHash values, and the band's number, into one signed 64-bit key.

    ``values`` holds one signature a row; the result one row of ``banding.bands`` keys each.
    """
    import numpy as np

    rows = values[:, : banding.bands * banding.rows].astype(np.uint64).reshape(len(values), banding.bands, banding.rows)
    numbers = np.arange(banding.first_band, banding.first_band + banding.bands, dtype=np.uint64)
    with np.errstate(over="ignore"):
        keys = np.broadcast_to((numbers + np.uint64(0xCBF29CE484222325)) * np.uint64(_MIX), rows.shape[:2])
        for column in range(banding.rows):
            keys = (keys ^ rows[:, :, column]) * np.uint64(_MIX)
    return keys.view(np.int64)


def derived_keys(keys: Sequence[int], tags: Sequence[int]) -> list[list[int]]:
    """Keys of ``keys`` for each tag: one list per tag, each key mixed with the tag (splitmix64).

    The mix is a bijection of the 64-bit key for one tag, so distinct keys stay distinct; keys
    of different tags are equal only by chance (2**-64). Numpy does a whole text at once.
    """
    import numpy as np

    with np.errstate(over="ignore"):
        z = np.asarray(keys, dtype=np.int64).view(np.uint64)[None, :] ^ np.asarray(tags, dtype=np.int64).view(np.uint64)[:, None]
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z.view(np.int64).tolist()


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
    sets = [list(s) for s in shingle_sets]
    filled = [s for s in sets if s]
    if not filled:
        return [[] for _ in sets]
    folded = iter(_fold_bands(minhash_signatures(filled, banding.num_perm), banding).tolist())
    numbers = range(banding.first_band, banding.first_band + banding.bands)
    return [list(zip(numbers, next(folded), strict=True)) if items else [] for items in sets]
