"""Durable writes (`durable`): `.part` files that vanish on failure, fsync errors that are
not lost in the worker thread, reading back from the drive, and errors the cashier can act
on."""

from __future__ import annotations

import errno
import hashlib
import json
import re
from pathlib import Path
from typing import IO

import pytest

from spa_pos.errors import BackupError
from spa_pos.messages import set_language
from spa_pos.services.backup import Drive, durable


class FailingDrive(Drive):
    def fsync(self, fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")


class FlippingDrive(Drive):
    def read_back(self, stream: IO[bytes], size: int) -> bytes:
        data = super().read_back(stream, size)
        return bytes([data[0] ^ 0x55]) + data[1:] if data else data


def test_a_failed_block_removes_the_part_and_sqlites_side_files(usb: Path) -> None:
    with (
        pytest.raises(BackupError, match="空间不足"),
        durable.part_file(usb, "b.sqlite3") as part,
    ):
        assert part == usb / "b.sqlite3.part"
        for suffix in ("", "-journal", "-wal", "-shm"):
            part.with_name(part.name + suffix).write_bytes(b"x")
        raise OSError(errno.ENOSPC, "No space left on device")

    assert list(usb.iterdir()) == []


def test_leftovers_of_the_same_name_are_removed_first(usb: Path) -> None:
    (usb / "b.sqlite3.part").write_bytes(b"half")
    (usb / "b.sqlite3.part-wal").write_bytes(b"old wal")

    with durable.part_file(usb, "b.sqlite3") as part:
        assert sorted(p.name for p in usb.iterdir()) == []
        part.write_bytes(b"new")

    assert (usb / "b.sqlite3.part").read_bytes() == b"new", "kept when the block succeeds"


def test_other_errors_pass_through_and_still_clean_up(usb: Path) -> None:
    with pytest.raises(KeyboardInterrupt), durable.part_file(usb, "b.sqlite3") as part:
        part.write_bytes(b"x")
        raise KeyboardInterrupt

    assert list(usb.iterdir()) == []


def test_the_flushers_fsync_error_reaches_the_writer(usb: Path) -> None:
    with (usb / "f").open("w+b") as handle, durable.Flusher(handle, FailingDrive()) as flusher:
        handle.write(b"data")
        with pytest.raises(OSError, match="Input/output"):
            flusher.wait()


def test_read_back_compares_with_what_was_written(usb: Path) -> None:
    data = b"spa_pos " * 10_000
    written = hashlib.sha256(data).hexdigest()
    with (usb / "f").open("w+b") as handle:
        handle.write(data)
        assert durable.read_back(handle, written, None) == len(data)
        with pytest.raises(BackupError, match="读回的校验和"):
            durable.read_back(handle, written, None, FlippingDrive())


def test_a_json_file_is_replaced_whole_or_not_at_all(usb: Path) -> None:
    path = usb / "m.json"
    durable.write_json_durably(path, {"a": "会员"})

    with pytest.raises(OSError):
        durable.write_json_durably(path, {"a": "new"}, FailingDrive())

    assert json.loads(path.read_text(encoding="utf-8")) == {"a": "会员"}
    assert [p.name for p in usb.iterdir()] == ["m.json"]


def test_copy_durably_returns_the_hash_of_what_it_wrote(tmp_path: Path) -> None:
    src, dest = tmp_path / "src", tmp_path / "dest"
    src.write_bytes(b"abc" * 1_000_000)
    seen: list[float] = []

    digest, size = durable.copy_durably(src, dest, seen.append)

    assert (digest, size) == (hashlib.sha256(src.read_bytes()).hexdigest(), 3_000_000)
    assert dest.read_bytes() == src.read_bytes() and seen[-1] == 1.0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "full"), "目标磁盘空间不足"),
        (OSError(errno.EFBIG, "too big"), "FAT32 单个文件最大 4GB"),
        (PermissionError(errno.EACCES, "denied"), "没有写入目标文件夹的权限"),
        (OSError(errno.EIO, "Input/output error"), "写入目标文件夹出错.*Input/output error"),
    ],
)
def test_write_failures_are_explained(usb: Path, error: OSError, expected: str) -> None:
    failure = durable.write_failure(error, usb)
    assert isinstance(failure, BackupError) and re.search(expected, str(failure))


def test_a_vanished_folder_is_explained_as_a_pulled_drive(tmp_path: Path) -> None:
    failure = durable.write_failure(OSError(errno.EIO, "gone"), tmp_path / "usb")

    assert "目标文件夹不可用（U盘被拔出？）" in str(failure)
    set_language("en")
    try:
        assert "USB drive pulled out?" in str(failure)
    finally:
        set_language("zh_CN")
