"""Settings (设置): the printer part, saved with the rest in one write; the manager PIN."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos.services import jobs, maintenance, print_queue, staff
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ChangePinDialog, ManagerPinDialog
from spa_pos.ui.settings_dialog import SettingsDialog
from spa_pos.ui.widgets import alive
from tests.ui.conftest import MANAGER_PIN, press, wait_dialog


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    press(qtbot, window, Qt.Key.Key_F9)
    return wait_dialog(qtbot, SettingsDialog)


def approve(qtbot: QtBot) -> None:
    """Settings are a manager's: the PIN dialog over the settings asks for the PIN."""
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)


def saved_printer(ctx: Ctx) -> tuple[dict[str, object], int]:
    with ctx.db.read() as s:
        cfg = settings_svc.load(s, ctx.clock.now())
        return cfg.printer, cfg.receipt_width_mm


def choose_kind(dialog: SettingsDialog, kind: str) -> None:
    form = dialog.printer
    form.kind.setCurrentIndex(form.kind.findData(kind))


def test_a_network_printer_with_58mm_paper_is_saved(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    dialog = open_settings(qtbot, window)
    form = dialog.printer
    assert form.kind.currentText() == "PDF 文件夹"
    assert form.folder.placeholderText() == str(print_queue.default_pdf_folder())
    assert not form.kick.isVisibleTo(dialog)  # only thermal printers have a drawer
    choose_kind(dialog, "escpos_network")
    assert form.kind.currentText() == "网络热敏打印机" and form.kick.isVisibleTo(dialog)
    page = form.pages.currentWidget()
    assert page is not None and page.isAncestorOf(form.host)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请输入打印机的 IP 地址。"
    qtbot.keyClicks(form.host, "192.168.1.50")
    form.port.setText("9101")
    form.paper.setCurrentIndex(form.paper.findData(58))
    form.kick.setChecked(False)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)
    assert saved_printer(ctx) == (
        {"kind": "escpos_network", "host": "192.168.1.50", "port": 9101, "kick_drawer": False},
        58,
    )
    qtbot.waitUntil(lambda: not alive(window.dialog))
    again = open_settings(qtbot, window)
    assert again.printer.kind.currentData() == "escpos_network"
    assert (again.printer.host.text(), again.printer.port.text()) == ("192.168.1.50", "9101")
    assert again.printer.width_mm() == 58 and not again.printer.kick.isChecked()


@pytest.mark.parametrize(
    ("kind", "fill", "expected"),
    [
        ("pdf", {"folder": "/srv/小票"}, {"folder": "/srv/小票"}),
        (
            "escpos_usb",
            {"vendor": "0x0416", "product": "0x5011"},
            {"vendor_id": "0x0416", "product_id": "0x5011", "kick_drawer": True},
        ),
        (
            "escpos_serial",
            {"device": "COM3"},
            {"device": "COM3", "baudrate": 9600, "kick_drawer": True},
        ),
        ("system", {}, {"printer_name": ""}),
    ],
)
def test_each_kind_of_printer_is_saved_with_its_fields(
    qtbot: QtBot,
    window: MainWindow,
    ctx: Ctx,
    kind: str,
    fill: dict[str, str],
    expected: dict[str, object],
) -> None:
    dialog = open_settings(qtbot, window)
    choose_kind(dialog, kind)
    for name, text in fill.items():
        getattr(dialog.printer, name).setText(text)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)
    assert saved_printer(ctx) == ({"kind": kind, **expected}, 80)


def test_a_malformed_usb_id_is_refused(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    dialog = open_settings(qtbot, window)
    choose_kind(dialog, "escpos_usb")
    dialog.printer.vendor.setText("kingston")
    dialog.printer.product.setText("0x5011")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "USB 厂商 ID的格式应为 0x0416。"
    assert saved_printer(ctx)[0] == {"kind": "pdf", "folder": ""}


def test_the_manager_changes_the_pin_by_keyboard_with_errors_next_to_the_fields(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    settings = open_settings(qtbot, window)
    settings.change_pin.setFocus()
    press(qtbot, settings, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, ChangePinDialog)
    qtbot.keyClicks(dialog.fields["current"], "1111")  # not the PIN in force
    qtbot.keyClicks(dialog.fields["new"], "12")
    assert dialog.errors["new"].text() == "密码应为至少 6 位数字，或至少 8 个字符的口令"
    qtbot.keyClicks(dialog.fields["new"], "3579")
    qtbot.keyClicks(dialog.fields["repeat"], "12357")
    assert not dialog.errors["new"].isVisibleTo(dialog)
    assert dialog.errors["repeat"].text() == "两次输入的新密码不一致。"
    qtbot.keyClicks(dialog.fields["repeat"], "9")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors["current"].text() == "当前店长密码不对")
    assert staff.manager(ctx, "店长", MANAGER_PIN).approver is not None  # nothing changed

    dialog.fields["current"].setText(MANAGER_PIN)
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not alive(dialog) or not dialog.isVisible())
    assert settings.pin_note.text() == "店长密码已修改。"
    assert staff.manager(ctx, "店长", "123579").approver is not None


def test_the_backup_passphrase_is_set_in_settings(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    dialog = open_settings(qtbot, window)
    dialog.passphrase.setText("一二三四五六七八")
    dialog.passphrase_repeat.setText("一二三四五六七")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "两次输入的备份口令不一致。"
    dialog.passphrase.setText("short")
    dialog.passphrase_repeat.setText("short")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "备份口令太短：至少 8 个字符。"
    assert not maintenance.has_backup_passphrase(ctx)
    dialog.passphrase.setText("一二三四五六七八")
    dialog.passphrase_repeat.setText("一二三四五六七八")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)
    assert maintenance.has_backup_passphrase(ctx)


def test_the_backup_folder_the_job_log_sends_the_owner_to_is_in_settings(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    skipped = jobs.run_job(ctx, "backup")
    assert skipped.status == "skipped" and "设置" in skipped.detail["reason"]
    usb = tmp_path / "usb"
    usb.mkdir()

    dialog = open_settings(qtbot, window)
    assert dialog.backup_dir.text() == ""
    dialog.backup_dir.setText(str(usb))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)

    assert settings_svc.current(ctx).backup_dir == str(usb)
    ctx.clock.advance(days=1)  # type: ignore[attr-defined]
    done = jobs.run_job(ctx, "backup")
    assert done.status == "ok" and Path(done.detail["file"]).parent == usb
    qtbot.waitUntil(lambda: not alive(window.dialog))
    assert open_settings(qtbot, window).backup_dir.text() == str(usb)


def test_the_members_messages_language_is_chosen_in_settings(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    window_language = settings_svc.current(ctx).language
    dialog = open_settings(qtbot, window)
    assert dialog.message_language.currentData() == "zh_CN"
    dialog.message_language.setCurrentIndex(dialog.message_language.findData("en"))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)
    assert settings_svc.current(ctx).message_language == "en"
    assert settings_svc.current(ctx).language == window_language  # the staff's: unchanged
    qtbot.waitUntil(lambda: not alive(window.dialog))
    assert open_settings(qtbot, window).message_language.currentData() == "en"
