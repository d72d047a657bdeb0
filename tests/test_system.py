"""The operating-system seam (`spa_pos.system`): the Windows branches taken on this machine
by setting `sys.platform`, and the whole till in a user folder with a Chinese name."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from spa_pos import paths, system
from spa_pos.cli import run
from spa_pos.services.backup.durable import Drive, fsync_dir


class CountingDrive(Drive):
    """A real drive that counts the fsyncs asked of it."""

    def __init__(self) -> None:
        self.fsyncs = 0

    def fsync(self, fd: int) -> None:
        self.fsyncs += 1
        super().fsync(fd)


def test_a_folder_is_fsynced_on_linux_and_left_to_ntfs_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = CountingDrive()
    fsync_dir(tmp_path, drive)
    assert drive.fsyncs == 1

    monkeypatch.setattr("sys.platform", "win32")
    assert not system.can_fsync_folder() and not system.can_unlink_in_folder()
    fsync_dir(tmp_path, drive)  # os.open of a folder fails on Windows: not even tried
    assert drive.fsyncs == 1


def _held_open_for(times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """os.replace refused `times` times (a scanner holding the file), then done."""
    real, calls = os.replace, [0]

    def replace(source: str | Path, target: str | Path) -> None:
        calls[0] += 1
        if calls[0] <= times:
            raise PermissionError(13, "The process cannot access the file", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(system, "REPLACE_PAUSE_S", 0.0)
    return calls


def test_replacing_a_file_held_open_a_moment_is_retried_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new", tmp_path / "db"
    source.write_text("new")
    target.write_text("old")
    monkeypatch.setattr("sys.platform", "win32")
    calls = _held_open_for(3, monkeypatch)

    system.replace_file(source, target)

    assert target.read_text() == "new" and not source.exists() and calls == [4]


def test_a_file_held_open_for_good_is_refused_after_the_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new", tmp_path / "db"
    source.write_text("new")
    target.write_text("old")
    monkeypatch.setattr("sys.platform", "win32")
    calls = _held_open_for(system.REPLACE_TRIES, monkeypatch)

    with pytest.raises(PermissionError):
        system.replace_file(source, target)
    assert calls == [system.REPLACE_TRIES] and target.read_text() == "old"


def test_on_linux_a_refused_replace_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new", tmp_path / "db"
    source.write_text("new")
    calls = _held_open_for(1, monkeypatch)

    with pytest.raises(PermissionError):
        system.replace_file(source, target)
    assert calls == [1]


def test_the_till_works_in_a_user_folder_with_a_chinese_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "用户" / "张三"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "数据"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "配置"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(home / "AppData" / "Local"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", str(home / "AppData" / "Roaming"))
    usb = tmp_path / "U盘"
    usb.mkdir()

    def spa_pos(*args: str) -> dict[str, object]:
        assert run([*args, "--json"]) == 0, capsys.readouterr().err
        data: dict[str, object] = json.loads(capsys.readouterr().out)
        return data

    spa_pos("init")  # the default database, in the data folder under 张三
    assert paths.default_db_path().is_file()
    assert home in paths.default_db_path().parents
    spa_pos("demo")
    spa_pos("member", "add", "--name", "王芳", "--phone", "13800000001")
    sale = spa_pos("sell", "--member", "13800000001", "--item", "AJ", "--pay", "cash:168")
    receipt = home / "收据.pdf"
    spa_pos("receipt", str(sale["sale_no"]), "--pdf", str(receipt))
    assert receipt.read_bytes().startswith(b"%PDF")
    before = spa_pos("member", "show", "13800000001")
    made = spa_pos("backup", "--to", str(usb))
    spa_pos("sell", "--item", "AJ", "--pay", "cash:168")
    restored = spa_pos("restore", str(made["file"]))
    assert Path(str(restored["safety_copy"])).is_file()
    assert spa_pos("audit", "verify")["ok"] is True
    assert spa_pos("member", "show", "13800000001") == before
