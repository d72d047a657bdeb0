"""Restore (恢复): a backup made before a later sale is put back with the manager PIN; the
later sale is gone, the earlier data is there and the window works on; refusals change
nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.models import Sale
from spa_pos.services import backup, checkout, maintenance
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.restore_dialog import RestoreDialog
from tests.conftest import register
from tests.services.backup.helpers import TZ
from tests.ui.conftest import MANAGER_PIN, answer_yes, message_texts, press, wait_dialog


def sale_numbers(ctx: Ctx) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(Sale.sale_no).order_by(Sale.id)))


def open_restore(qtbot: QtBot, window: MainWindow, folder: Path) -> RestoreDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(window.manage.restore, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, RestoreDialog)
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(
        dialog.findChild(type(dialog.start_button), "listBackups"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.list.count() > 0 or bool(dialog.error.text()))
    return dialog


def enter_pin(qtbot: QtBot) -> None:
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)


def test_restore_brings_back_the_backup_and_the_window_works_on(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    card = register(ctx, "张三", "13800000001")
    before = checkout.sell(
        ctx, SaleRequest(items=[("AJ", 1)], member=card, payments=[("cash", 16800)])
    )
    maintenance.backup_now(ctx, tmp_path)
    # backup_now remembered tmp_path; forget it, or the scheduler's end-of-day backup below
    # (with the later sale) would be the newest backup in the list.
    settings_svc.update(ctx, backup_dir="")
    ctx.clock.advance(minutes=5)  # type: ignore[attr-defined]
    later = checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", 3900)]))
    window.background.enabled = True  # the scheduler stops for the restore and comes back
    with qtbot.waitSignal(window.background.run_finished, timeout=30_000):
        window.background.start()
    dialog = open_restore(qtbot, window, tmp_path)
    assert dialog.list.count() == 1 and "测试理疗馆" in dialog.list.item(0).text()
    assert not dialog.passphrase.isEnabled()  # not encrypted
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot)
    box = wait_dialog(qtbot, QMessageBox)
    assert "安全副本" in box.text()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        answer_yes(qtbot)
    assert sale_numbers(ctx) == [before.sale_no]
    assert later.sale_no not in sale_numbers(ctx)
    qtbot.waitUntil(lambda: any("已恢复备份" in t for t in message_texts()))
    assert ctx.db.path is not None
    assert list((ctx.db.path.parent / "safety").glob("*.sqlite3")), "the data before it"
    qtbot.waitUntil(lambda: window.background.running)
    # the window works on the restored data
    qtbot.waitUntil(lambda: [s.sale_no for s in window.today.model.sales] == [before.sale_no])
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    assert window.member is not None and window.member.profile.balance == 100
    checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", 3900)]))


def test_a_wrong_passphrase_restores_nothing(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    checkout.sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))
    maintenance.backup_now(ctx, tmp_path, passphrase="right horse")
    ctx.clock.advance(minutes=5)  # type: ignore[attr-defined]
    checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", 3900)]))
    dialog = open_restore(qtbot, window, tmp_path)
    assert dialog.passphrase.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "请输入备份口令" in dialog.error.text()
    qtbot.keyClicks(dialog.passphrase, "wrong horse")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot)
    with qtbot.waitSignal(dialog.abandoned, timeout=30_000):
        answer_yes(qtbot)
    assert "口令" in dialog.error.text()
    assert len(sale_numbers(ctx)) == 2
    assert dialog.isVisible() and dialog.close_button.isEnabled()


def test_a_folder_without_backups_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_restore(qtbot, window, tmp_path)
    assert dialog.error.text() == "这个文件夹里没有备份。"
    assert not dialog.start_button.isEnabled()
    dialog.folder.setText(str(tmp_path / "gone"))
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不可用" in dialog.error.text())


def test_another_clinics_backup_restores_once_its_name_is_typed(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    assert ctx.db.path is not None
    other = tmp_path / "other" / "spa_pos.db"
    other.parent.mkdir()
    ctx.db.dispose()
    shutil.copyfile(ctx.db.path, other)
    con = sqlite3.connect(other, isolation_level=None)
    for key, value in (("clinic_name", "别家理疗馆"), ("voucher_secret", "ab" * 32)):
        con.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (key, json.dumps(value, ensure_ascii=False)),
        )
    con.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    backup.backup_database(other, folder, clinic_name="别家理疗馆", now=ctx.clock.now(), tz=TZ)
    dialog = open_restore(qtbot, window, folder)
    assert not dialog.clinic_row.isVisible()

    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot)
    with qtbot.waitSignal(dialog.abandoned, timeout=30_000):
        answer_yes(qtbot)
    assert "另一家店「别家理疗馆」" in dialog.error.text()
    assert dialog.clinic_row.isVisible() and dialog.clinic_name.hasFocus()
    assert settings_svc.current(ctx).clinic_name == "测试理疗馆"

    dialog.clinic_name.setText("别家理疗馆")  # QTest types ASCII only
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot)
    wait_dialog(qtbot, QMessageBox)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        answer_yes(qtbot)
    assert settings_svc.current(ctx).clinic_name == "别家理疗馆"
