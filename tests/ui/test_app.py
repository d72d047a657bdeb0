"""Start-up: the first-run wizard on a new database, logging, the crash handler,
`spa-pos` with no arguments and the background jobs of a running window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos import cli, launch
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import JobRun
from spa_pos.paths import log_dir
from spa_pos.services import catalog, jobs, maintenance, staff
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui import app, i18n
from spa_pos.ui.background import BackgroundJobs
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.server_dialog import ServerDialog
from spa_pos.ui.wizard import SetupWizard
from tests.conftest import START
from tests.ui.conftest import MANAGER_PIN, activate, answer_yes, open_dialogs, wait_dialog


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Undo the handlers and level that `setup_logging` puts on the root logger."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_first_run_creates_the_database_and_asks_for_the_clinic(
    qtbot: QtBot, tmp_path: Path, translators: i18n.Translators
) -> None:
    # The folder exists (the data folder is made by `server.resolve_db`); the file does not.
    ctx = Ctx(Database(f"sqlite:///{tmp_path / 'clinic.sqlite3'}"), app.CASHIER, FixedClock(START))
    window = app.build_window(ctx, translators)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wizard = wait_dialog(qtbot, SetupWizard)
    assert not window.is_ready and not window.tabs.isEnabled()
    wizard.name.setText("康和理疗馆")
    wizard.address.setText("文三路 88 号")
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.pin_page
    page.pin.setText("12")
    assert "至少 6 位" in page.problem.text() and not page.isComplete()
    page.pin.setText(MANAGER_PIN)
    page.repeat.setText(MANAGER_PIN)
    assert page.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()
    where = wizard.folder_page
    assert where.isComplete()  # optional: set later in Settings
    where.folder.setText(str(tmp_path / "no-such-drive"))
    assert not where.isComplete() and where.problem.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    where.folder.setText(str(usb))
    assert where.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()
    secret = wizard.passphrase_page
    assert secret.isComplete()  # optional: empty is fine
    secret.passphrase.setText("short")
    assert not secret.isComplete()
    secret.passphrase.setText("一二三四五六七八")
    assert not secret.isComplete()  # not repeated yet
    secret.repeat.setText("一二三四五六七八")
    assert secret.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.demo.isChecked()  # an empty catalog offers the demo
    with qtbot.waitSignal(window.ready, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert window.tabs.isEnabled() and window.brand.text() == "康和理疗馆"
    assert len(window.checkout.matches("")) == 8
    with ctx.db.read() as s:
        cfg = settings_svc.load(s, ctx.clock.now())
        assert (cfg.clinic_name, cfg.clinic_address) == ("康和理疗馆", "文三路 88 号")
        assert cfg.backup_dir == str(usb)
        assert len(catalog.active_rewards(s)) == 6
    assert staff.manager(ctx, "店长", MANAGER_PIN).approver is not None
    assert maintenance.has_backup_passphrase(ctx)
    window.close()
    window.worker.wait_for_done()
    ctx.db.dispose()


def test_esc_on_the_wizards_first_page_asks_before_quitting(
    qtbot: QtBot, translators: i18n.Translators
) -> None:
    wizard = SetupWizard(catalog_empty=True)
    qtbot.addWidget(wizard)
    wizard.show()
    activate(qtbot, wizard)
    with qtbot.assertNotEmitted(wizard.rejected):
        qtbot.keyClick(wizard.name, Qt.Key.Key_Escape)
        box = wait_dialog(qtbot, QMessageBox)
        no = box.button(QMessageBox.StandardButton.No)
        assert no is not None
        qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not open_dialogs(QMessageBox))
    assert wizard.isVisible()
    with qtbot.waitSignal(wizard.rejected):
        qtbot.keyClick(wizard.name, Qt.Key.Key_Escape)
        answer_yes(qtbot)
    assert not wizard.isVisible()


def test_logging_goes_to_a_rotating_file_in_the_log_folder(root_logging: None) -> None:
    path = app.setup_logging()
    assert path.parent == log_dir()
    logging.getLogger("spa_pos.ui.test").info("收银台 上线")
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)
    )
    handler.flush()
    assert "收银台 上线" in path.read_text(encoding="utf-8")
    assert type(handler).__name__ == "RotatingFileHandler"


def test_uncaught_exceptions_are_logged_and_shown_not_raised(
    qtbot: QtBot, root_logging: None
) -> None:
    path = app.setup_logging()
    try:
        raise KeyError("lost")
    except KeyError as exc:
        app._excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(open_dialogs(QMessageBox)))
    box = open_dialogs(QMessageBox)[-1]
    assert "KeyError" in box.text() and "Traceback" not in box.text()
    box.close()
    logged = path.read_text(encoding="utf-8")
    assert "uncaught exception" in logged and "Traceback" in logged


def test_spa_pos_without_arguments_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    tills: list[str] = []

    def fake_main(url: str, *, till: str) -> int:
        opened.append(url)
        tills.append(till)
        return 0

    monkeypatch.setattr(app, "main", fake_main)
    monkeypatch.setenv("SPA_POS_DB", str(tmp_path / "till.sqlite3"))
    with pytest.raises(SystemExit) as ended:
        launch.main([])  # the console script
    assert ended.value.code == 0
    assert cli.run(["--db", str(tmp_path / "other.sqlite3"), "--till", "二楼"]) == 0
    assert opened == [
        f"sqlite:///{tmp_path / 'till.sqlite3'}",
        f"sqlite:///{tmp_path / 'other.sqlite3'}",
    ]
    assert tills == ["前台", "二楼"]  # this terminal's (never named), then --till


def test_main_runs_the_window_until_it_is_closed(
    qtbot: QtBot, cashier: Ctx, monkeypatch: pytest.MonkeyPatch, root_logging: None
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    closed: list[bool] = []

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].is_ready:
            closed.append(windows[0].close())
        else:
            QTimer.singleShot(20, close_when_ready)

    QTimer.singleShot(0, close_when_ready)
    assert app.main(cashier.db.url, clock=cashier.clock, background_jobs=False) == 0
    assert closed == [True]
    assert sys.excepthook is app._excepthook


def test_main_runs_the_background_jobs_while_the_window_is_open(
    qtbot: QtBot, cashier: Ctx, monkeypatch: pytest.MonkeyPatch, root_logging: None
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: list[BackgroundJobs] = []

    def close_after_the_catch_up() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(20, close_after_the_catch_up)
            return
        seen.append(windows[0].background)
        windows[0].background.run_finished.connect(lambda _: windows[0].close())
        QTimer.singleShot(30_000, windows[0], windows[0].close)  # fail below, never hang

    QTimer.singleShot(0, close_after_the_catch_up)
    assert app.main(cashier.db.url, clock=cashier.clock) == 0
    assert not seen[0].running  # shut down with the window
    with cashier.db.read() as s:
        assert s.scalar(select(func.count(JobRun.id))) == len(jobs.JOBS)


def test_a_new_till_of_a_clinic_on_a_server_joins_it_from_the_first_run(
    qtbot: QtBot, tmp_path: Path, translators: i18n.Translators
) -> None:
    """The second till of a clinic already on a PostgreSQL server: its first start offers to
    connect to that server, so nobody sets up a throwaway clinic (and a manager PIN) on the
    till only to reach 管理 → 数据库服务器."""
    ctx = Ctx(Database(f"sqlite:///{tmp_path / 'clinic.sqlite3'}"), app.CASHIER, FixedClock(START))
    window = app.build_window(ctx, translators)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wizard = wait_dialog(qtbot, SetupWizard)
    assert wizard.join_server.isVisibleTo(wizard)
    qtbot.mouseClick(wizard.join_server, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, ServerDialog)
    # the till's own file, until restarted
    assert dialog.in_use.text() == f"本机文件 {tmp_path / 'clinic.sqlite3'}"
    dialog.reject()
    assert open_dialogs(SetupWizard)  # the wizard is still there to set up or quit
