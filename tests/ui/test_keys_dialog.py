"""导出密钥… (管理, behind a manager) and 导入本店密钥 (offered by the sign-in of a new
till of a server clinic), on real widgets and a second config folder."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.services import keyring_transfer, keys, staff
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n
from spa_pos.ui.app import build_window
from spa_pos.ui.keys_dialog import KeysExportDialog, KeysImportDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.sign_in import SignInDialog
from tests.ui.conftest import MANAGER_PIN, child, open_dialogs, press, wait_dialog
from tests.ui.test_sign_in import type_in

PASS = "sesame-open-42"


def second_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "second" / "config"))


def clinic_of(ctx: Ctx) -> str:
    with ctx.db.read() as session:
        clinic = keys.clinic_id(session)
    assert clinic
    return clinic


def fill(qtbot: QtBot, dialog: KeysExportDialog | KeysImportDialog, file: Path, pw: str) -> None:
    child(dialog, QLineEdit, "keysFile").setText(str(file))
    passphrase = child(dialog, QLineEdit, "keysPassphrase")
    passphrase.clear()
    qtbot.keyClicks(passphrase, pw)


def test_a_manager_exports_the_keys_to_a_file(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentWidget(window.manage_tab)
    child(window.manage, QPushButton, "openExportKeys").click()
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, KeysExportDialog)
    file = tmp_path / "clinic.keys"
    fill(qtbot, dialog, file, PASS)
    qtbot.keyClicks(child(dialog, QLineEdit, "keysRepeat"), PASS + "x")
    child(dialog, QPushButton, "keysGo").click()
    assert dialog.form.outcome.text() == dialog.tr("The two passphrases differ.")
    assert not file.exists()
    child(dialog, QLineEdit, "keysRepeat").setText(PASS)
    child(dialog, QPushButton, "keysGo").click()
    qtbot.waitUntil(lambda: str(file) in dialog.form.outcome.text())

    second_terminal(monkeypatch, tmp_path)
    assert keyring_transfer.import_file(ctx, file, PASS) is True
    assert keys.keyring_path(clinic_of(ctx)).exists()


def test_the_import_dialog_says_why_it_refuses_and_keeps_the_keys(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "clinic.keys"
    keyring_transfer.export_file(ctx, PASS, file)
    second_terminal(monkeypatch, tmp_path)
    dialog = KeysImportDialog(window.worker, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, file, "not-the-passphrase")
    child(dialog, QPushButton, "keysGo").click()
    qtbot.waitUntil(lambda: "口令不对" in dialog.form.outcome.text())
    assert not keys.keyring_path(clinic_of(ctx)).exists()
    fill(qtbot, dialog, file, PASS)
    with qtbot.waitSignal(dialog.accepted):
        child(dialog, QPushButton, "keysGo").click()
    assert keys.keyring_path(clinic_of(ctx)).exists()


def test_a_new_till_of_a_server_clinic_imports_the_keys_from_the_sign_in(
    qtbot: QtBot,
    cashier: Ctx,
    ctx: Ctx,
    engine: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    translators: i18n.Translators,
) -> None:
    if engine != "postgresql":
        pytest.skip("a file has one terminal")
    staff.add(ctx, "小李", "cashier", "13572468")
    file = tmp_path / "clinic.keys"
    keyring_transfer.export_file(ctx, PASS, file)
    second_terminal(monkeypatch, tmp_path)
    main = build_window(cashier, translators)
    qtbot.addWidget(main, before_close_func=lambda _: main.quit())
    main.show()
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.start()  # the till starts without its keys
    dialog = wait_dialog(qtbot, SignInDialog)
    importing = child(dialog, QPushButton, "signInImportKeys")
    assert not importing.isHidden()
    assert "导出密钥" in dialog.error.text()

    importing.click()
    keys_dialog = wait_dialog(qtbot, KeysImportDialog)
    fill(qtbot, keys_dialog, file, PASS)
    child(keys_dialog, QPushButton, "keysGo").click()
    qtbot.waitUntil(lambda: importing.isHidden())
    type_in(qtbot, dialog, "小李", "13572468")
    qtbot.waitUntil(lambda: not open_dialogs(SignInDialog))
    assert main.actor is not None and main.actor.name == "小李"
    main.close()
    main.worker.wait_for_done()
    gc.collect()
