import pyarrow as pa
import pytest

from newsledger.core.errors import ContractError
from transforms.run.arrow import to_table

SCHEMA = pa.schema([pa.field("a", pa.string(), nullable=False), pa.field("b", pa.int32(), nullable=True)])


def test_good_records_convert():
    assert to_table([{"a": "x", "b": 1}, {"a": "y", "b": None}], SCHEMA).num_rows == 2


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"a": "x", "b": 1, "c": 2}, "unknown columns ['c']"),
        ({"a": "x"}, "missing columns ['b']"),
        ({"a": None, "b": 1}, "'a' is null but not nullable"),
        ({"a": "x", "b": "not a number"}, "do not fit the column types"),
    ],
    ids=["unknown-key", "missing-key", "null-in-required", "wrong-type"],
)
def test_what_from_pylist_lets_through_is_refused(record, words):
    with pytest.raises(ContractError) as caught:
        to_table([record], SCHEMA, "demo")
    assert caught.value.table == "demo"
    assert words in str(caught.value)
