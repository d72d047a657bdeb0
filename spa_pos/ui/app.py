"""Bootstrap: the one place the window is wired together (nothing is built at import).

`main(db_url)` sets up logging and the crash handler, the Qt application (font, look,
language), the database context and its worker, then shows the window. The database is
opened (created and migrated on first run) by the worker, so the window paints at once;
once it is open, the background jobs (scheduler) start, and they stop when the window
closes.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from spa_pos.clock import Clock, SystemClock
from spa_pos.db import Database
from spa_pos.paths import log_dir, resources_dir
from spa_pos.services import clinic
from spa_pos.services.context import Actor, Ctx
from spa_pos.till import DEFAULT as DEFAULT_TILL
from spa_pos.ui import guards, i18n
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.style import STYLESHEET
from spa_pos.ui.worker import DbWorker

log = logging.getLogger("spa_pos.ui")
CASHIER = Actor("收银台")  # the till; manager actions ask for the PIN
FONT_FILE = resources_dir() / "fonts" / "wqy-microhei.ttc"
ICON_FILE = resources_dir() / "icons" / "spa_pos.svg"
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


def setup_logging(folder: Path | None = None) -> Path:
    """A rotating log file in the user's log folder; returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spa_pos.log"
    handler = RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def setup_application(app: QApplication) -> None:
    """Font (bundled WenQuanYi Micro Hei, a warning when missing), look and icon, Qt's own
    dialogs, and garbage collected on the UI thread only (see `guards`). Safe to call
    again."""
    if app.property("spa_pos_ready"):
        return
    app.setProperty("spa_pos_ready", True)
    guards.collect_on_ui_thread(app)
    app.setApplicationName("spa-pos")
    app.setApplicationDisplayName("spa-pos")
    use_bundled_font(app)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
    # Qt's own folder and file pickers rather than the system's: styled like the app and
    # in its language (the system's follow the desktop's).
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    if ICON_FILE.exists():
        app.setWindowIcon(QIcon(str(ICON_FILE)))


def use_bundled_font(app: QApplication, font_file: Path = FONT_FILE) -> None:
    """Set the window's font to the bundled one. Without it Qt falls back to the
    system's fonts, which on a machine without a Chinese font draw boxes: that is logged,
    so the log says why a till shows □□□."""
    font_id = QFontDatabase.addApplicationFont(str(font_file)) if font_file.is_file() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning(
            "Chinese font %s is missing or unreadable: Chinese text shows as boxes (□) "
            "unless the system has a Chinese font",
            font_file,
        )
        return
    app.setFont(QFont(families[0], 11))


_crash_boxes: list[QMessageBox] = []


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an uncaught exception and tell the cashier, instead of a traceback or a crash."""
    log.critical("uncaught exception", exc_info=(kind, exc, tb))
    if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "Unexpected error"),
        QCoreApplication.translate(
            "App",
            "Something went wrong and has been logged. You can go on "
            "working; if it happens again, call support.\n\n{error}",
        ).format(error=f"{kind.__name__}: {exc}"),
    )
    box.finished.connect(lambda _: _crash_boxes.remove(box))
    _crash_boxes.append(box)
    box.open()


def build_window(ctx: Ctx, translators: i18n.Translators) -> MainWindow:
    worker = DbWorker(ctx)
    # Open (create, migrate) the database on the worker while the window is being built;
    # `start()` then finds it open. A failure here comes back, and is shown, in start().
    # Its result reaches the window (built by then: results come back through the event
    # loop) to tell of an upgrade from an earlier release.
    worker.run(clinic.init, lambda opened: window.database_opened(opened), on_error=lambda _: True)
    window = MainWindow(worker, translators)
    worker.setParent(window)
    return window


def main(
    db_url: str,
    clock: Clock | None = None,
    *,
    background_jobs: bool = True,
    till: str = DEFAULT_TILL,
) -> int:
    """Open the reception window on `db_url` as the till `till` and run until it is
    closed; the scheduled jobs run meanwhile unless `background_jobs` is false."""
    log_file = setup_logging()
    log.info("starting on %s (log %s)", db_url, log_file)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app)
    translators = i18n.Translators()
    translators.apply(i18n.resolve(""))
    sys.excepthook = _excepthook
    ctx = Ctx(Database(db_url), CASHIER, clock or SystemClock(), till)
    window = build_window(ctx, translators)
    window.background.enabled = background_jobs  # started once the database is open
    window.show()
    # The keyboard (and a card scanner, which types like one) goes to the till from the
    # start, also on a till whose X server runs no window manager to hand it over.
    window.activateWindow()
    window.start()
    try:
        return app.exec()
    finally:
        window.background.stop()
        window.worker.wait_for_done()
        translators.remove()
        ctx.db.dispose()
        log.info("closed")
