"""Fixtures for the window: the real database of `ctx`, a cashier's context on it and a
started main window (Chinese). Helpers type, press keys, find open dialogs and read PDFs."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from spa_pos.services import settings as settings_svc
from spa_pos.services import staff
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui import i18n
from spa_pos.ui.app import CASHIER, build_window, setup_application
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.sign_in import SignedIn, SignInDialog

MANAGER_PIN = "246813"
W = TypeVar("W", bound=QWidget)


@pytest.fixture(scope="session", autouse=True)
def _styled_app(qapp: QApplication) -> Iterator[None]:
    """The application as the till sets it up: font, stylesheet and the guards (garbage is
    collected on the UI thread only, never by the DB worker)."""
    setup_application(qapp)
    yield
    gc.enable()


@pytest.fixture
def cashier(ctx: Ctx) -> Ctx:
    """The till's context on the test database: a manager PIN is set, Chinese is on."""
    staff.set_manager_pin(ctx, MANAGER_PIN)
    with ctx.db.write() as s:
        settings_svc.save(s, clinic_name="测试理疗馆", language=i18n.ZH_CN)
    return Ctx(ctx.db, CASHIER, ctx.clock)


@pytest.fixture
def translators() -> Iterator[i18n.Translators]:
    installed = i18n.Translators()
    yield installed
    installed.remove()


@pytest.fixture
def window(qtbot: QtBot, cashier: Ctx, translators: i18n.Translators) -> Iterator[MainWindow]:
    main = build_window(cashier, translators)
    qtbot.addWidget(main, before_close_func=lambda _: main.quit())  # a cart may be left open
    main.show()
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.start()
    sign_in(qtbot, main, CASHIER)
    activate(qtbot, main)
    yield main
    main.close()
    main.worker.wait_for_done()
    gc.collect()


def sign_in(qtbot: QtBot, main: MainWindow, actor: Actor, idle_minutes: int = 0) -> None:
    """Past the sign-in dialog as `actor`, without typing a PIN (each costs 0.3 s of
    scrypt; tests/ui/test_sign_in.py types them)."""
    dialog = wait_dialog(qtbot, SignInDialog)
    dialog.signed_in.emit(SignedIn(actor, idle_minutes))
    dialog.accept()
    qtbot.waitUntil(lambda: not open_dialogs(SignInDialog))


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make the widget's window active: shortcuts (F-keys) only reach an active window."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)


def press(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """Press a key where the keyboard is now, as the cashier would."""
    activate(qtbot, window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Chinese too) as an input method commits it; keyClicks would abort
    on non-ASCII characters."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def open_dialogs(kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def wait_dialog(qtbot: QtBot, kind: type[W]) -> W:
    """The dialog of this kind once it is open and has the keyboard."""
    qtbot.waitUntil(lambda: bool(open_dialogs(kind)))
    dialog = open_dialogs(kind)[-1]
    activate(qtbot, dialog)
    return dialog


def child(parent: QWidget, kind: type[W], name: str) -> W:
    """A named child widget that must exist."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} {name!r}"
    return found


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table cell that must exist."""
    item = table.item(row, column)
    assert item is not None, f"no cell ({row}, {column})"
    return item.text()


def message_texts() -> list[str]:
    return [box.text() for box in open_dialogs(QMessageBox)]


def answer_yes(qtbot: QtBot) -> None:
    box = wait_dialog(qtbot, QMessageBox)
    button = box.button(QMessageBox.StandardButton.Yes)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> str:
    """The text of a printed PDF (poppler's pdftotext, laid out)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pick(qtbot: QtBot, names: QComboBox, name: str) -> None:
    """Drop the list of names down and click `name` in it, as with a mouse."""
    names.setFocus()
    names.showPopup()
    view = names.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a click too soon is ignored
    spot = view.visualRect(names.model().index(names.findData(name), 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: not view.isVisible())
