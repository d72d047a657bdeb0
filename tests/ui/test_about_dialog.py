"""About (关于) on the manage tab: the app's version, this release's schema and the open
database's schema and file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos import __version__
from spa_pos.db import latest_revision
from spa_pos.ui.about_dialog import AboutDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.widgets import Button
from tests.ui.conftest import child, press, wait_dialog


def test_about_shows_the_app_and_schema_versions_and_the_database(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(child(window.manage, Button, "openAbout"), Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, AboutDialog)

    qtbot.waitUntil(lambda: dialog.app_version.text() == __version__)
    assert dialog.schema_version.text() == latest_revision()
    assert dialog.database_schema.text() == latest_revision()
    assert dialog.database.text() == str(db_path)
    assert child(window.manage, Button, "openAbout").text() == "关于…"
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
