"""Finding input files: any mix of files and folders, folders read recursively."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsledger.core.errors import NewsledgerError
from transforms.entities.aliases import AliasMap, parse_alias_csv
from transforms.run.faults import Fault, contain
from transforms.run.ids import sha256_hex, stable_id
from transforms.records import Reject
from transforms.read.source_paths import display_path

# Files a crawl or an editor leaves behind that are never articles.
_IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class InputPathError(NewsledgerError):
    """A path given on the command line does not exist."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"input path {path!r} does not exist: check the spelling or the current folder")


@dataclass(frozen=True)
class InputProblem:
    """A path under the inputs that is not a readable article file; it becomes a ``rejects`` row."""

    path: str
    error_type: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    """The regular files to read, and the paths that cannot be read as files."""

    files: list[str]
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.files) + len(self.problems)


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "FifoInput", "is a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "SocketInput", "is a socket, not a file"),
    (stat.S_ISCHR, "DeviceInput", "is a character device, not a file"),
    (stat.S_ISBLK, "DeviceInput", "is a block device, not a file"),
)


def _inside(target: Path, roots: Sequence[Path]) -> bool:
    return any(target == root or root in target.parents for root in roots)


class _Walker:
    """Walks the input folders without ever opening a file (a FIFO would block the run)."""

    def __init__(self, roots: Sequence[Path], follow_symlinks: bool) -> None:
        self.roots = roots
        self.follow_symlinks = follow_symlinks
        self.files: set[str] = set()
        self.problems: dict[str, InputProblem] = {}
        self.walked: set[Path] = set()

    def problem(self, path: Path, error_type: str, reason: str) -> None:
        self.problems[str(path)] = InputProblem(str(path), error_type, reason)

    def visit(self, path: Path, given: bool = False) -> None:
        try:
            info = path.lstat()
        except OSError as exc:
            self.problem(path, type(exc).__name__, f"cannot be examined ({exc.strerror}): check its permissions")
            return
        if stat.S_ISLNK(info.st_mode):
            self._visit_link(path, given)
        elif stat.S_ISDIR(info.st_mode):
            self._walk(path)
        elif stat.S_ISREG(info.st_mode):
            self.files.add(str(path))
        else:
            kind = next(((t, r) for test, t, r in _SPECIAL_KINDS if test(info.st_mode)), ("SpecialInput", "is not a regular file"))
            self.problem(path, kind[0], f"{kind[1]}: remove it from the input folder")

    def _visit_link(self, path: Path, given: bool) -> None:
        try:
            target = path.resolve(strict=True)
        except RuntimeError:
            self.problem(path, "SymlinkLoop", "is a symbolic link loop: remove or fix the link")
            return
        except FileNotFoundError:
            self.problem(path, "DanglingSymlink", f"is a symbolic link to {os.readlink(path)}, which does not exist: remove or fix the link")
            return
        except OSError as exc:
            kind = "SymlinkLoop" if exc.errno == errno.ELOOP else type(exc).__name__
            self.problem(path, kind, f"is a symbolic link that cannot be followed ({exc.strerror}): remove or fix the link")
            return
        if not (given or self.follow_symlinks or _inside(target, self.roots)):
            self.problem(path, "SymlinkOutsideInputs", f"is a symbolic link to {target}, outside the input folders: not read (pass --follow-symlinks to read it)")
            return
        if target.is_dir():
            if self.follow_symlinks or given:
                self._walk(path, real=target)
            return  # a link to a folder inside the inputs: its files are read where they are
        self.visit_target(path, target)

    def visit_target(self, link: Path, target: Path) -> None:
        info = target.stat()
        if stat.S_ISREG(info.st_mode):
            self.files.add(str(link))
        else:
            self.problem(link, "SpecialInput", f"is a symbolic link to {target}, which is not a regular file: remove it from the input folder")

    def _walk(self, folder: Path, real: Path | None = None) -> None:
        real = real or folder.resolve()
        if real in self.walked:
            return  # a folder reached twice (through links): read once, and no loop
        self.walked.add(real)
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            self.problem(folder, type(exc).__name__, f"folder cannot be listed ({exc.strerror}): check its permissions")
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name in _IGNORED_NAMES:
                continue
            self.visit(entry)


def discover_inputs(paths: Sequence[str | Path], follow_symlinks: bool = False) -> Discovery:
    """Every regular file under the given paths, sorted, each once; hidden files and folders skipped.

    Nothing is opened. FIFOs, sockets, devices, dangling links, link loops, folders that
    cannot be listed, and links pointing outside the given folders (unless ``follow_symlinks``)
    are problems, not files. A path given by name is read even if it is a link.

    Raises:
        InputPathError: a given path does not exist.
    """
    for raw in paths:
        if not os.path.lexists(raw):
            raise InputPathError(str(raw))
    roots = [Path(raw).resolve() for raw in paths]
    walker = _Walker(roots, follow_symlinks)
    for raw in paths:
        walker.visit(Path(raw), given=True)
    return Discovery(sorted(walker.files), [walker.problems[k] for k in sorted(walker.problems)])


def discover_files(paths: Sequence[str | Path]) -> list[str]:
    """The regular files under the given paths (see ``discover_inputs``)."""
    return discover_inputs(paths).files


def has_any_input(paths: Sequence[str | Path]) -> bool:
    """True when the paths hold at least one non-hidden entry (a quick check before a run)."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            return True
        if any(not entry.name.startswith(".") for entry in path.rglob("*")):
            return True
    return False


@dataclass(frozen=True)
class Fingerprints:
    """Each readable file's SHA-256 and size; the files that could not be read, as faults."""

    hashes: dict[str, str]
    sizes: dict[str, int]
    faults: list[Fault]


def _fingerprint(path: str) -> tuple[str, int]:
    content = Path(path).read_bytes()
    return sha256_hex(content), len(content)


def fingerprint_files(paths: Sequence[str]) -> Fingerprints:
    """Hash every file; a file that cannot be read (permissions, vanished) becomes a fault, not an error."""
    hashes, sizes, faults = {}, {}, []
    for path in paths:
        outcome = contain(lambda path=path: _fingerprint(path), stage="read", source_path=display_path(path))
        if isinstance(outcome, Fault):
            faults.append(outcome)
        else:
            hashes[path], sizes[path] = outcome
    return Fingerprints(hashes, sizes, faults)


def problem_rejects(problems: Sequence[InputProblem], faults: Sequence[Fault], now: datetime) -> list[Reject]:
    """The ``rejects`` rows of paths that are not readable files."""
    rows = [f.to_reject(now) for f in faults]
    for problem in problems:
        shown = display_path(problem.path)
        rows.append(Reject(stable_id(shown, 0, ""), shown, 0, "", "discover", problem.error_type, problem.reason, now))
    return rows


def read_alias_file(path: Path | None) -> AliasMap:
    """The alias file's map; an empty map when there is no file.

    Raises:
        AliasFileError: the file exists but is malformed.
    """
    if path is None or not path.exists():
        return AliasMap()
    return parse_alias_csv(path.read_text(encoding="utf-8-sig"), str(path))
