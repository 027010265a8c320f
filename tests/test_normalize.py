import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.normalize import NORMALIZERS, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Line one\r\nLine two", "Line one\nLine two"),
        ("“Curly” and ‘single’ stay", "“Curly” and ‘single’ stay"),
        ("The minister said â€œyesâ€\x9d", "The minister said “yes”"),
        ("cafe\u0301", "café"),
        ("a\x00b\x07c", "abc"),
        ("para  \n\n\n\nnext", "para\n\nnext"),
    ],
    ids=["crlf", "curly-kept", "mojibake", "nfc", "control-chars", "blank-lines"],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalizers_are_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_normalizers_are_str_to_str():
    assert all(callable(n) for n in NORMALIZERS)
