"""The clustering index: MinHash keys as datasketch computes them, copies grouped by fingerprint,
and quote keys that find every pair the comparison would join (and only speakers that agree)."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime

import duckdb
import pytest

from newsledger.core.errors import WarehouseError
from test_stories import ORIGINAL, article, load_night, stage
from transforms.corpus.quotes import QuoteText, near_keys, quote_bands, quote_fingerprint, quote_keys, quote_text_of, is_same_quote, with_speakers
from transforms.corpus.signatures import Banding, band_keys, derived_keys, minhash_signatures
from transforms.run.runs import RunCounts, run_row, with_stage_seconds


def test_minhash_signatures_equal_datasketch():
    """The keys persisted in a warehouse must not change: numpy reproduces datasketch 2.0's default MinHash."""
    from datasketch import MinHash

    rng = random.Random(3)
    sets = [[f"w{rng.randint(0, 500)} w{rng.randint(0, 500)}" for _ in range(rng.randint(1, 700))] for _ in range(60)]
    for num_perm in (48, 64):
        expected = [list(m.hashvalues) for m in MinHash.bulk([[x.encode() for x in s] for s in sets], num_perm=num_perm, seed=1)]
        assert minhash_signatures(sets, num_perm).tolist() == expected


def test_band_keys_of_an_empty_set_are_none():
    assert band_keys([set(), {"a b c"}], Banding(64, 32, 2))[0] == []


def test_derived_keys_keep_keys_apart():
    """Keys are 64-bit hashes: one key in two roles, or two keys in one role, never meet."""
    rng = random.Random(1)
    base, tags = [rng.getrandbits(63) for _ in range(200)], [rng.getrandbits(63) for _ in range(5)]
    keys = derived_keys(base, tags)
    assert len({k for row in keys for k in row}) == 1000 and derived_keys(base, tags[:1]) == keys[:1]


@pytest.mark.parametrize(
    ("a", "b", "same_fingerprint"),
    [
        (("We will rebuild the terminal", "direct", "Lund"), ("we will REBUILD the terminal", "mixed", "Berg"), True),
        (("We will rebuild the terminal", "direct", "Lund"), ("We will rebuild the terminal", "indirect", "Lund"), False),
        (("No comment.", "direct", "Lund"), ("no comment", "direct", "Berg"), False),
        (("No comment.", "direct", "Lund"), ("no comment", "direct", "Lund"), True),
        (("the city would rebuild it", "indirect", "Lund"), ("the city would rebuild it", "indirect", None), False),
    ],
    ids=["quoted-words-any-speaker", "indirect-apart", "short-other-speaker", "short-same-speaker", "indirect-other-speaker"],
)
def test_quote_fingerprint(a, b, same_fingerprint):
    assert (quote_fingerprint(quote_text_of(*a)) == quote_fingerprint(quote_text_of(*b))) == same_fingerprint


def _found(a, b) -> bool:
    ka, kb = quote_keys([a, b])
    return bool(set(ka.probes) & {k for _, k in kb.stored}) or bool(set(kb.probes) & {k for _, k in ka.stored})


@pytest.mark.parametrize("seed", range(6))
def test_quote_keys_find_every_pair_the_old_bands_found_and_agree_both_ways(seed):
    """Keys by speaker role lose no pair that MinHash bands and anchors alone found (0.3.0's
    candidates), and a pair found
    from one side is found from the other (so links do not depend on which arrived first)."""
    rng = random.Random(seed)
    vocab = "we will rebuild the ferry terminal by summer and nobody in this city wait quay again port money".split()
    base = [[rng.choice(vocab) for _ in range(rng.randint(1, 16))] for _ in range(20)]
    texts = []
    for _ in range(90):
        tokens = list(rng.choice(base))
        if rng.random() < 0.3 and len(tokens) > 3:
            start = rng.randint(0, len(tokens) - 2)
            tokens = tokens[start : start + rng.randint(2, len(tokens) - start)]
        text = quote_text_of(" ".join(tokens), rng.choice(["direct", "mixed", "indirect"]), rng.choice([None, "A", "B"]))
        if rng.random() < 0.3 and not text.is_indirect and len(text.tokens) >= 5:
            text = with_speakers(text, frozenset(rng.sample([None, "A", "B", "C"], 2)))
        texts.append(text)
    keys = quote_keys(texts)
    old = [{k for _, k in bands} for bands in quote_bands(texts)]
    for i, j in itertools.combinations(range(len(texts)), 2):
        if quote_fingerprint(texts[i]) == quote_fingerprint(texts[j]):
            continue  # copies of one text: one group in the index, never compared
        found_ij = bool(set(keys[i].probes) & {k for _, k in keys[j].stored})
        assert found_ij == bool(set(keys[j].probes) & {k for _, k in keys[i].stored})
        if is_same_quote(texts[i], texts[j]) and old[i] & old[j]:
            assert found_ij, (texts[i], texts[j])


def test_no_comment_by_two_speakers_is_no_candidate_pair():
    assert not _found(quote_text_of("No comment", "direct", "Lund"), quote_text_of("No comment", "direct", "Berg"))
    assert _found(quote_text_of("No comment", "direct", "Lund"), quote_text_of("No comment", "direct", None))


def test_near_keys_find_every_near_identical_pair():
    rng = random.Random(5)
    for _ in range(3000):
        a = {str(rng.randint(0, 10**6)) for _ in range(rng.randint(3, 40))}
        b = set(a)
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.5 and len(b) > 1:
                b.remove(rng.choice(sorted(b)))
            else:
                b.add(str(rng.randint(0, 10**6)))
        if len(a & b) / len(a | b) >= 0.8:
            as_text = [QuoteText((), frozenset(s), "indirect", frozenset({None})) for s in (a, b)]
            assert set(near_keys(as_text[0])) & set(near_keys(as_text[1]))


def test_a_run_row_records_the_clustering_seconds():
    now = datetime(2024, 3, 14, tzinfo=UTC)
    row = run_row("r", now, now, RunCounts(), validation_passed=True, extractor_version="t", stage_seconds={"extract": 9.0})
    assert with_stage_seconds(row, "cluster", 0.4)["stage_seconds"] == '{"extract": 9.0, "cluster": 0.4}'
    assert with_stage_seconds(run_row("r", now, now, RunCounts(), validation_passed=True, extractor_version="t"), "cluster", 1.0)["stage_seconds"] is None


def test_an_index_without_fingerprints_is_refused(tmp_path):
    """A warehouse whose index an earlier 0.3.0 built: its keys would never meet the new ones."""
    db = tmp_path / "w.duckdb"
    load_night(db, stage(tmp_path / "n1", [article("a/1.txt", ORIGINAL, date(2024, 3, 11))]), "r1")
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM cluster_index WHERE band = -1")
    con.close()
    with pytest.raises(WarehouseError, match="full-refresh"):
        load_night(db, stage(tmp_path / "n2", [article("b/2.txt", ORIGINAL, date(2024, 3, 12))]), "r2")
