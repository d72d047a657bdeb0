"""The manager PIN (店长密码) for privileged work such as refunds.

The dialog checks the PIN with `staff.manager` and runs the privileged action with the
manager actor in the same worker job, so the PIN never leaves the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.services import staff
from spa_pos.services.context import Ctx
from spa_pos.ui.widgets import button, button_bar, label
from spa_pos.ui.worker import DbWorker


class ManagerPinDialog(QDialog):
    succeeded = Signal(object)  # what the action returned

    def __init__(self, worker: DbWorker, what: str, action: Callable[[Ctx], Any], *,
                 changes: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.action = action
        self.changes = changes
        self.setWindowTitle(self.tr("Manager PIN"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.pin = QLineEdit()
        self.pin.setObjectName("managerPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("pinError")
        self.ok = button(self.tr("Confirm (Enter)"), "primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = button_bar(cancel, self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(label(what, wrap=True))
        layout.addWidget(label(self.tr("A manager enters the PIN to allow this."), "muted"))
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.pin.setFocus()

    def submit(self) -> None:
        pin = self.pin.text()
        action = self.action
        self.ok.setEnabled(False)
        self.error.clear()

        def job(ctx: Ctx) -> Any:
            manager = staff.manager(ctx, ctx.actor.name, pin)
            return action(replace(ctx, actor=manager))

        self.worker.run(job, self._done, on_error=self._refused, changes=self.changes,
                        owner=self)

    def _done(self, result: object) -> None:
        self.succeeded.emit(result)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        self.ok.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(str(exc))
            self.pin.selectAll()
            self.pin.setFocus()
            return True
        return False
