"""Finding input files: any mix of files and folders, folders read recursively."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsledger.errors import NewsledgerError
from transforms.aliases import AliasMap, parse_alias_csv

# Files a crawl or an editor leaves behind that are never articles.
_IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class InputPathError(NewsledgerError):
    """A path given on the command line does not exist."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"input path {path!r} does not exist: check the spelling or the current folder")


def discover_files(paths: Sequence[str | Path]) -> list[str]:
    """Every file under the given paths, sorted, each once; hidden files and folders skipped.

    Raises:
        InputPathError: a given path does not exist.
    """
    found: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputPathError(str(raw))
        if path.is_file():
            found.add(str(path))
            continue
        for candidate in path.rglob("*"):
            relative = candidate.relative_to(path).parts
            if candidate.is_file() and not any(part.startswith(".") for part in relative) and candidate.name not in _IGNORED_NAMES:
                found.add(str(candidate))
    return sorted(found)


def read_alias_file(path: Path | None) -> AliasMap:
    """The alias file's map; an empty map when there is no file.

    Raises:
        AliasFileError: the file exists but is malformed.
    """
    if path is None or not path.exists():
        return AliasMap()
    return parse_alias_csv(path.read_text(encoding="utf-8-sig"), str(path))
