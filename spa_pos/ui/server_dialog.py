"""Database server (数据库服务器), from the 管理 tab, behind a manager: point this till at a
PostgreSQL server (`spa_pos.services.server_link`).

The fields compose the URL (`spa_pos.server.compose`): nobody at a desk types URL syntax.
测试连接 tries the server off the UI thread and says what its database holds; 保存 tries it
again and saves it for the next start. The till keeps its database until it is restarted:
nothing switches under a sale in progress.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from spa_pos import server
from spa_pos.errors import DomainError
from spa_pos.services import server_link
from spa_pos.services.context import Ctx
from spa_pos.services.server_link import Current, Probe
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker


class ServerDialog(QDialog):
    def __init__(self, worker: DbWorker, now: Current, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Database server"))
        self.in_use = label(now.in_use, wrap=True)
        self.in_use.setObjectName("databaseInUse")
        self.host = QLineEdit(now.host)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(now.port)
        self.database = QLineEdit(now.database)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(now.user)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.outcome = label(wrap=True)
        self.outcome.setObjectName("serverOutcome")
        self.test_button = button(self.tr("Test connection"))
        self.test_button.setObjectName("testServer")
        self.test_button.clicked.connect(self.test)
        self.save_button = button(self.tr("Save"), "primary")
        self.save_button.setObjectName("saveServer")
        self.save_button.clicked.connect(self.save)
        close = button(self.tr("Close"))
        close.clicked.connect(self.reject)
        grid = form_grid()
        add_field(grid, self.tr("Database in use"), self.in_use)
        add_field(grid, self.tr("Server (host)"), self.host)
        add_field(grid, self.tr("Port"), self.port)
        add_field(grid, self.tr("Database name"), self.database)
        add_field(grid, self.tr("User"), self.user)
        add_field(grid, self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Several tills share one PostgreSQL server."), wrap=True))
        layout.addLayout(grid)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(button_bar(self.save_button, close, left=(self.test_button,)))
        resize_within_screen(self, QSize(560, 460))

    def _url(self) -> str:
        return server.compose(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.password.text(),
        )

    def _busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _refused(self, exc: Exception) -> bool:
        self._busy(False)
        if not isinstance(exc, DomainError):
            return False
        self.outcome.setText(str(exc))
        return True

    def _try(self, job: Callable[[str], Probe], done: Callable[[Probe], None]) -> None:
        """Compose the URL here (a refusal is shown below the fields at once), then run
        `job` on it off the UI thread: a server out of reach takes seconds to say so."""
        try:
            url = self._url()
        except DomainError as exc:
            self.outcome.setText(str(exc))
            return
        self._busy(True)
        self.outcome.setText(self.tr("Connecting to the server…"))
        self.worker.run(lambda _ctx: job(url), done, on_error=self._refused, owner=self)

    def test(self) -> None:
        self._try(server_link.probe, self._tested)

    def save(self) -> None:
        self._try(server_link.choose, self._saved)

    def _tested(self, found: Probe) -> None:
        self._busy(False)
        self.outcome.setText(self.state_text(found))

    def _saved(self, found: Probe) -> None:
        self._busy(False)
        self.outcome.setText(
            self.tr("Saved. Restart the till to work on %1.").replace("%1", found.place)
            + "\n"
            + self.state_text(found)
        )

    def state_text(self, found: Probe) -> str:
        if found.state == "empty":
            return self.tr("Connected. The database is empty: the till sets the clinic up there.")
        if found.state == "current":
            return self.tr("Connected. The database is at this till's version (%1).").replace(
                "%1", found.revision
            )
        if found.state == "older":
            return self.tr(
                "Connected. The database is at an older version (%1): the till upgrades it on "
                "its next start. Have the server backed up first."
            ).replace("%1", found.revision)
        return self.tr(
            "Connected, but the database was written by a newer spa-pos (%1): upgrade this "
            "till first."
        ).replace("%1", found.revision)


def load(ctx: Ctx) -> Current:
    """What the dialog opens with (loaded with the manager's approval)."""
    return server_link.current(ctx)
