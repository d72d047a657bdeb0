"""Backup (备份): to a folder standing in for the USB drive, with progress; a drive pulled
out before the start; passphrases; which mounted volumes are offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos.services import backup
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui.backup_dialog import BackupDialog, human_size, is_removable
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.ui.conftest import MANAGER_PIN, press, wait_dialog


def open_backup(qtbot: QtBot, window: MainWindow) -> BackupDialog:
    press(qtbot, window, Qt.Key.Key_F10)
    return wait_dialog(qtbot, BackupDialog)


def test_backup_to_the_usb_folder_with_progress(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = open_backup(qtbot, window)
    dialog.folder.setText(str(usb))
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    press(qtbot, dialog, Qt.Key.Key_Return)
    # A new folder is a settings change: the cashier's backup asks for the manager's PIN.
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    with qtbot.waitSignal(dialog.finished_backup, timeout=20_000) as done:
        press(qtbot, pin, Qt.Key.Key_Return)
    result = done.args[0]
    assert result.file.parent == usb and result.file.is_file() and result.manifest.is_file()
    assert not result.encrypted
    assert dialog.progress.value() == 100 and len(seen) > 2  # it moved on the way
    assert result.sha256[:12] in dialog.message.text()
    assert "备份完成" in dialog.message.text()
    assert [info.file for info in backup.list_backups(usb)] == [result.file]
    with ctx.db.read() as s:  # remembered for the nightly backup
        assert settings_svc.detail(s, "backup_dir") == str(usb)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_passphrase_encrypts_and_must_be_typed_twice(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    settings_svc.update(ctx, backup_dir=str(tmp_path))  # the folder in force: no PIN
    dialog = open_backup(qtbot, window)
    dialog.folder.setText(str(tmp_path))
    qtbot.keyClicks(dialog.passphrase, "secret-1")
    qtbot.keyClicks(dialog.repeat, "secret-2")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "两次输入的口令不一致。"
    assert not dialog.running
    dialog.repeat.setText("secret-1")
    with qtbot.waitSignal(dialog.finished_backup, timeout=30_000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert done.args[0].encrypted and done.args[0].file.name.endswith(".sqlite3.enc")
    assert "已加密" in dialog.message.text()


def test_a_drive_pulled_out_before_the_start_gives_a_clear_error(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = open_backup(qtbot, window)
    dialog.folder.setText(str(usb))
    usb.rmdir()  # pulled out
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "目标文件夹不可用" in dialog.message.text())
    assert dialog.progress.value() == 0 and not dialog.running
    assert dialog.start_button.isEnabled() and dialog.close_button.isEnabled()
    assert not usb.exists()
    with ctx.db.read() as s:
        assert settings_svc.detail(s, "backup_dir") == ""
    dialog.folder.clear()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "请先选择 U 盘或文件夹。"


@pytest.mark.parametrize(
    ("root", "ready", "read_only", "is_root", "offered"),
    [
        ("/media/clinic/KINGSTON", True, False, False, True),
        ("/run/media/clinic/U盘", True, False, False, True),
        ("/mnt/usb", True, False, False, True),
        ("/Volumes/BACKUP", True, False, False, True),
        ("E:/", True, False, False, True),
        ("C:/", True, False, True, False),
        ("c:\\", True, False, False, False),
        ("/", True, False, True, False),
        ("/home", True, False, False, False),
        ("/media/clinic/CDROM", True, True, False, False),
        ("/media/clinic/CARD", False, False, False, False),
    ],
)
def test_only_ready_writable_removable_volumes_are_offered(
    root: str, ready: bool, read_only: bool, is_root: bool, offered: bool
) -> None:
    assert is_removable(root, ready=ready, read_only=read_only, is_root=is_root) is offered


def test_sizes_read_like_a_file_manager() -> None:
    assert [human_size(n) for n in (512, 2048, 5 * 1024 * 1024, 3 * 1024**3)] == [
        "512 B",
        "2.0 KB",
        "5.0 MB",
        "3.0 GB",
    ]
