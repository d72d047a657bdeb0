"""The manager PIN (店长密码) for privileged work such as refunds, and changing it.

The dialog checks the PIN with `staff.manager` and runs the privileged action with the
manager actor in the same worker job, so the PIN never leaves the dialog. The person
signed in stays the actor and the manager is the approver: the row records both names.
With more than one manager account, the manager can pick their name first
(`staff.approved`: only that account's PIN is tried and counted).

`approve` is how a screen asks: a signed-in person whose role may do the action already
(a manager, the owner) is not asked for a PIN again; everyone else gets the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.services import permissions, staff
from spa_pos.services.context import Ctx
from spa_pos.services.staff import StaffView
from spa_pos.ui.changes import Change
from spa_pos.ui.widgets import (
    PickThenType,
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    open_dialog,
)
from spa_pos.ui.worker import DbWorker


class ManagerPinDialog(QDialog):
    succeeded = Signal(object)  # what the action returned

    def __init__(
        self,
        worker: DbWorker,
        what: str,
        action: Callable[[Ctx], Any],
        *,
        changes: Change | None,
        parent: QWidget | None = None,
    ) -> None:
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
        self.pin.setMaxLength(staff.MAX_PIN)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.approver = PickThenType(self.pin)
        self.approver.setObjectName("approverName")
        self.approver.hide()
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
        layout.addWidget(self.approver)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.pin.setFocus()
        worker.run(managers, self._listed, owner=self)

    def _listed(self, accounts: list[StaffView]) -> None:
        if len(accounts) < 2:
            return
        self.approver.addItem(self.tr("Any manager (by the PIN)"), "")
        for view in accounts:
            self.approver.addItem(view.name, view.name)
        self.approver.show()

    def submit(self) -> None:
        pin = self.pin.text()
        action = self.action
        name = self.approver.currentData()
        self.ok.setEnabled(False)
        self.error.clear()

        def job(ctx: Ctx) -> Any:
            if name:
                manager = staff.approved(ctx, name, pin)
            else:
                manager = staff.manager(ctx, ctx.actor.name, pin)
            return action(replace(ctx, actor=manager))

        self.worker.run(job, self._done, on_error=self._refused, changes=self.changes, owner=self)

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


def approve(
    worker: DbWorker,
    permission: str,
    what: str,
    action: Callable[[Ctx], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    changes: Change | None,
    parent: QWidget,
    on_error: Callable[[Exception], bool] | None = None,
) -> ManagerPinDialog | None:
    """Run `action` for a `permission` (`spa_pos.services.permissions`): straight away
    when the person signed in may do it, else after a manager's PIN. Returns the PIN
    dialog opened, or None when none was needed. The service checks again either way.
    `on_error` is for the run without the dialog (the dialog shows its own refusals)."""
    if permissions.allows(worker.ctx.actor, permission):
        worker.run(action, on_done, on_error=on_error, changes=changes, owner=parent)
        return None
    dialog = ManagerPinDialog(worker, what, action, changes=changes, parent=parent)
    if on_done is not None:
        dialog.succeeded.connect(on_done)
    open_dialog(dialog)
    return dialog


def managers(ctx: Ctx) -> list[StaffView]:
    """The active accounts that may approve (manager, owner), to pick from."""
    return [v for v in staff.listing(ctx) if v.active and v.role in ("manager", "owner")]


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(staff.MAX_PIN)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class ChangePinDialog(QDialog):
    """Settings → change the manager PIN: the PIN in force, then the new one twice. The new
    PIN's problems show next to its fields as it is typed; a wrong PIN in force, next to
    that field once the service refused it."""

    changed = Signal()

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Change the manager PIN"))
        self.setModal(True)
        self.setMinimumWidth(460)
        self.fields = {
            "current": _pin_field("currentPin"),
            "new": _pin_field("newPin"),
            "repeat": _pin_field("repeatPin"),
        }
        self.errors: dict[str, QLabel] = {}
        form = form_grid()
        for key, caption in (
            ("current", self.tr("PIN in force")),
            ("new", self.tr("New PIN (6+ digits or a passphrase)")),
            ("repeat", self.tr("New PIN again")),
        ):
            error = label("", "error", wrap=True)
            error.setObjectName(f"error_{key}")
            self.errors[key] = error
            add_field(form, caption, self.fields[key], error)
        for key in ("new", "repeat"):
            self.fields[key].textEdited.connect(lambda _text: self.show_errors(self.problems()))
        self.ok = button(self.tr("Change PIN (Enter)"), "primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addLayout(form)
        layout.addLayout(button_bar(cancel, self.ok))
        self.show_errors({})
        self.fields["current"].setFocus()

    def problems(self, *, submitting: bool = False) -> dict[str, str]:
        """What is wrong with the new PIN so far (all of it when `submitting`)."""
        new, repeat = self.fields["new"].text(), self.fields["repeat"].text()
        found: dict[str, str] = {}
        if submitting and not self.fields["current"].text():
            found["current"] = self.tr("Enter the PIN in force.")
        problem = staff.pin_problem(new)
        if (new or submitting) and problem:
            found["new"] = problem
        if (repeat or submitting) and repeat != new:
            found["repeat"] = self.tr("The two new PINs are not the same.")
        return found

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.setText(errors.get(key, ""))
            error.setVisible(key in errors)

    def submit(self) -> None:
        found = self.problems(submitting=True)
        self.show_errors(found)
        if found:
            self.fields[next(iter(found))].setFocus()
            return
        current, new = self.fields["current"].text(), self.fields["new"].text()
        self.ok.setEnabled(False)
        self.worker.run(
            lambda ctx: staff.change_manager_pin(ctx, current, new),
            self._done,
            on_error=self._refused,
            changes=Change.SETTINGS,
            owner=self,
        )

    def _done(self, _result: None) -> None:
        self.changed.emit()
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        """The new PIN was checked here already: a refusal is about the PIN in force."""
        self.ok.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        self.show_errors({"current": str(exc)})
        self.fields["current"].selectAll()
        self.fields["current"].setFocus()
        return True
