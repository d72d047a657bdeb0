"""Opening a first-release database from the window: the upgrade happens before the till is
usable, and a banner (not a dialog) says from which version to which, and where the copy
made before lies; the next start, on the now current database, says nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from spa_pos.clock import FixedClock
from spa_pos.db import Database, latest_revision
from spa_pos.services import upgrade
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n
from spa_pos.ui.app import CASHIER, build_window
from spa_pos.ui.main_window import MainWindow
from tests.test_upgrade import FIRST_RELEASES


def _open(qtbot: QtBot, path: Path, clock: FixedClock, translators: i18n.Translators) -> MainWindow:
    main = build_window(Ctx(Database(f"sqlite:///{path}"), CASHIER, clock), translators)
    qtbot.addWidget(main, before_close_func=lambda _: main.quit())
    main.show()
    main.start()
    return main


def _done(main: MainWindow) -> None:
    main.close()
    main.worker.wait_for_done()


def test_the_window_says_once_that_it_upgraded_the_database_and_where_the_copy_is(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, translators: i18n.Translators
) -> None:
    path = tmp_path / "clinic" / "clinic.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIRST_RELEASES["0003"], path)

    main = _open(qtbot, path, clock, translators)
    qtbot.waitUntil(lambda: main.upgrade_notice.isVisible(), timeout=20_000)
    copies = list(upgrade.backup_folder(main.worker.ctx.db).glob("*.sqlite3"))
    assert len(copies) == 1
    text = main.upgrade_notice.text.text()
    assert "0003" in text and latest_revision() in text and str(copies[0]) in text
    assert main.upgrade_notice.close_button.isVisible()  # it can be put away; it asks nothing
    _done(main)

    again = _open(qtbot, path, clock, translators)
    qtbot.waitUntil(lambda: again.tabs.isEnabled() or bool(again.dialog), timeout=20_000)
    again.worker.wait_for_done()
    assert not again.upgrade_notice.isVisible()
    _done(again)
