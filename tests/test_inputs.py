"""Discovery: regular files are read; everything else under the inputs is a reason, never a hang."""

import os
import socket
from pathlib import Path

import pytest

from newsledger.inputs import InputPathError, discover_inputs, fingerprint_files, has_any_input, problem_rejects
from newsledger.preflight import check_run_arguments
from newsledger.core.errors import BadArgumentError, WarehouseUnwritableError
from transforms.read.source_paths import display_path


def _tree(root: Path) -> Path:
    inputs = root / "in"
    (inputs / "day").mkdir(parents=True)
    (inputs / "day" / "a.txt").write_text(" date 2024-03-11 Text.\n")
    (inputs / ".hidden.txt").write_text("x")
    outside = root / "outside.txt"
    outside.write_text("a system file")
    return inputs


def _problems(found):
    return {Path(p.path).name: p.error_type for p in found.problems}


def test_regular_files_are_found_and_hidden_ones_skipped(tmp_path):
    found = discover_inputs([_tree(tmp_path)])
    assert [Path(f).name for f in found.files] == ["a.txt"]
    assert found.problems == []


@pytest.mark.parametrize(
    ("make", "error_type"),
    [
        (lambda d, root: os.mkfifo(d / "pipe"), "FifoInput"),
        (lambda d, root: os.symlink(d / "missing.txt", d / "dangling"), "DanglingSymlink"),
        (lambda d, root: (os.symlink(d / "loop2", d / "loop1"), os.symlink(d / "loop1", d / "loop2")), "SymlinkLoop"),
        (lambda d, root: os.symlink(root / "outside.txt", d / "escape.txt"), "SymlinkOutsideInputs"),
        (lambda d, root: socket.socket(socket.AF_UNIX).bind(str(d / "sock")), "SocketInput"),
    ],
    ids=["fifo", "dangling-link", "link-loop", "link-outside", "socket"],
)
def test_special_paths_become_problems(tmp_path, make, error_type):
    inputs = _tree(tmp_path)
    make(inputs, tmp_path)
    found = discover_inputs([inputs])
    assert [Path(f).name for f in found.files] == ["a.txt"]
    assert set(_problems(found).values()) == {error_type}


def test_follow_symlinks_reads_a_link_outside(tmp_path):
    inputs = _tree(tmp_path)
    os.symlink(tmp_path / "outside.txt", inputs / "escape.txt")
    assert sorted(Path(f).name for f in discover_inputs([inputs], follow_symlinks=True).files) == ["a.txt", "escape.txt"]


def test_a_link_inside_the_inputs_is_read(tmp_path):
    inputs = _tree(tmp_path)
    os.symlink(inputs / "day" / "a.txt", inputs / "alias.txt")
    os.symlink(inputs / "day", inputs / "day-link")  # a folder seen twice is read once
    found = discover_inputs([inputs])
    assert sorted(Path(f).name for f in found.files) == ["a.txt", "alias.txt"]
    assert found.problems == []


def test_a_missing_path_is_an_argument_error(tmp_path):
    with pytest.raises(InputPathError, match="does not exist"):
        discover_inputs([tmp_path / "nope"])


def test_non_utf8_names_are_found_and_stored_escaped(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Text.")
    [found] = discover_inputs([tmp_path]).files
    assert display_path(found).endswith("caf\\xe9.txt")
    display_path(found).encode("utf-8")  # storable


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_fault_not_an_error(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    found = fingerprint_files([str(locked)])
    assert found.hashes == {} and found.faults[0].error_type == "PermissionError"


def test_a_vanished_file_is_a_fault(tmp_path):
    found = fingerprint_files([str(tmp_path / "gone.txt")])
    assert found.hashes == {}
    [fault] = found.faults
    assert fault.error_type == "FileNotFoundError" and "cannot read the file" in fault.reason


def test_problems_become_discover_rejects(tmp_path):
    from datetime import UTC, datetime

    inputs = _tree(tmp_path)
    os.mkfifo(inputs / "pipe")
    [reject] = problem_rejects(discover_inputs([inputs]).problems, [], datetime(2024, 1, 1, tzinfo=UTC))
    assert reject.stage == "discover" and reject.error_type == "FifoInput" and "named pipe" in reject.reason


def test_preflight(tmp_path):
    inputs = _tree(tmp_path)
    assert check_run_arguments([inputs], tmp_path / "wh", None, None) is True
    empty = tmp_path / "empty"
    empty.mkdir()
    assert has_any_input([empty]) is False
    with pytest.raises(InputPathError):
        check_run_arguments([tmp_path / "nope"], tmp_path / "wh", None, None)
    from datetime import datetime

    with pytest.raises(BadArgumentError, match="swap"):
        check_run_arguments([inputs], tmp_path / "wh", datetime(2024, 3, 2), datetime(2024, 3, 1))
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(WarehouseUnwritableError, match="cannot be written"):
        check_run_arguments([inputs], blocker / "wh", None, None)
