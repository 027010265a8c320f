"""Bytes to text: BOMs first, then strict UTF-8, then a detected legacy encoding."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsledger.core.errors import BadInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control bytes above which a file without a BOM is taken for binary, not text.
_BINARY_CONTROL_SHARE = 0.10
# cp1252 punctuation outside Latin-1 that Western news uses (curly quotes, dashes, euro...).
_CP1252_EXTRAS = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
# In Western text accented letters are a minority; text from another script decoded as
# cp1252 is mostly "accented letters" ("Ïðèâåò" for Cyrillic).
_MAX_ACCENTED_SHARE = 0.3


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from a file, with the encoding that was used."""

    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > _BINARY_CONTROL_SHARE


def _as_western_cp1252(data: bytes) -> str | None:
    """Decode as cp1252 when the result reads as Western European text, else None.

    charset-normalizer alone often calls a short English text with a few accents Baltic or
    Central European; cp1252 is by far the most common legacy encoding of English news.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = [ch for ch in letters if not ch.isascii()]
    if any(not ch.isascii() and not ("\u00a0" <= ch <= "\u00ff") and ch not in _CP1252_EXTRAS for ch in text):
        return None
    if letters and len(accented) / len(letters) > _MAX_ACCENTED_SHARE:
        return None
    return text


def decode_bytes(data: bytes, source_path: str) -> DecodedText:
    """Decode a file's bytes to text.

    Args:
        data: the file's raw bytes.
        source_path: used in error messages only.

    Raises:
        BadInputError: the file is empty, binary, or in no encoding we can recognise.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise BadInputError(
                    source_path, "decode", f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason})"
                ) from exc
    if not data.strip():
        raise BadInputError(source_path, "decode", "file is empty or only whitespace: nothing to load")
    if _looks_binary(data):
        raise BadInputError(source_path, "decode", "file looks binary (NUL or control bytes), not an article: remove it from the input")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    western = _as_western_cp1252(data)
    if western is not None:
        return DecodedText(western, "cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInputError(source_path, "decode", "text encoding not recognised: re-save the file as UTF-8")
    return DecodedText(str(best), best.encoding)
