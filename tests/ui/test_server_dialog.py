"""数据库服务器 from 管理: behind a manager, the database in use shown without its password,
the fields tried off the UI thread with a clear answer, and the choice saved for the next
start (spa_pos/ui/server_dialog.py). The tries that succeed need a server: with
`pytest --engine=postgresql`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from spa_pos import server
from spa_pos.db import latest_revision
from spa_pos.services import server_link
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.server_dialog import ServerDialog
from tests.ui.conftest import MANAGER_PIN, child, press, wait_dialog


def _open(qtbot: QtBot, window: MainWindow) -> ServerDialog:
    qtbot.mouseClick(child(window.manage, QPushButton, "openServer"), Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    return wait_dialog(qtbot, ServerDialog)


def _click(qtbot: QtBot, dialog: ServerDialog, name: str) -> None:
    qtbot.mouseClick(child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def test_fields_the_url_cannot_carry_are_refused_at_once(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    dialog = _open(qtbot, window)
    # where it is in words (the file or the server), not its URL
    assert dialog.in_use.text() == server_link.place(ctx.db.url)
    assert "://" not in dialog.in_use.text()
    dialog.database.clear()
    _click(qtbot, dialog, "testServer")
    assert "服务器地址不对" in dialog.outcome.text()
    assert dialog.test_button.isEnabled()
    _click(qtbot, dialog, "saveServer")
    assert server.saved() is None


def test_a_server_out_of_reach_is_said_so_and_not_saved(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _open(qtbot, window)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there: refused at once
    dialog.database.setText("clinic")
    dialog.user.setText("spa")
    dialog.password.setText("s3cret")
    _click(qtbot, dialog, "saveServer")
    assert not dialog.save_button.isEnabled()  # while the worker tries
    qtbot.waitUntil(lambda: "连接不上数据库服务器" in dialog.outcome.text(), timeout=10_000)
    assert "s3cret" not in dialog.outcome.text()
    assert dialog.save_button.isEnabled()
    assert server.saved() is None


def test_the_server_in_use_tests_current_and_is_saved_for_the_next_start(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, engine: str
) -> None:
    if engine != "postgresql":
        pytest.skip("connects to a database server: PostgreSQL only (--engine=postgresql)")
    dialog = _open(qtbot, window)
    assert dialog.database.text() == make_url(ctx.db.url).database  # filled in
    _click(qtbot, dialog, "testServer")
    qtbot.waitUntil(lambda: latest_revision() in dialog.outcome.text(), timeout=10_000)
    assert server.saved() is None  # a test saves nothing
    _click(qtbot, dialog, "saveServer")
    qtbot.waitUntil(lambda: server.saved() is not None, timeout=10_000)
    saved = server.saved() or ""
    assert server.fields(saved) == server.fields(ctx.db.url)
    # the message names where the saved server is (composed from the fields), no password
    qtbot.waitUntil(lambda: server_link.place(saved) in dialog.outcome.text())
