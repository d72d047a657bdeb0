"""Sign-in at the till (登录): pick your name, type your PIN.

The window opens on this dialog once the database is ready, and comes back to it when the
cashier presses 切换 (F11) or nobody touched the till for `idle_sign_out_minutes`. It is
a dialog over the window, so the cart, the member and the page stay as they were for
whoever signs in next. After 切换 the person signed in is still at the till: 取消 (Esc,
closing the dialog) gives the till back to them, as a cashier who pressed 切换 by
mistake or changed their mind expects; the till closing there lost their place (a
customer waiting at the counter, the app to start again). At start-up and after the idle
time nobody is signed in to go back to, so there the button is 退出 (close the till;
an open cart stays as the till's draft) and Esc does nothing. The PIN is checked by
`staff.sign_in` (wrong tries count towards the lockout there); the window then acts as
the person it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.services import permissions, staff
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.staff import StaffView
from spa_pos.ui.keys_dialog import KeysImportDialog
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


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    idle_minutes: int  # `idle_sign_out_minutes` when they signed in; 0: never


def sign_in(ctx: Ctx, name: str, pin: str) -> SignedIn:
    """The worker job: the PIN checked, and the idle time in force."""
    actor = staff.sign_in(ctx, name, pin)
    return SignedIn(actor, settings_svc.current(ctx).idle_sign_out_minutes)


def active_staff(ctx: Ctx) -> list[StaffView]:
    return [view for view in staff.listing(ctx) if view.active]


class SignInDialog(QDialog):
    """`rejected` when closed without signing in: with `cancellable` (切换) the caller
    keeps `current` signed in; else (退出) it closes the till. The list starts on
    `current`, the person signed in until now, so signing back in is just the PIN."""

    signed_in = Signal(object)  # SignedIn
    keys_imported = Signal()

    def __init__(
        self,
        worker: DbWorker,
        current: str | None = None,
        parent: QWidget | None = None,
        *,
        cancellable: bool = False,
        keys_missing: str = "",
    ) -> None:
        """`keys_missing`: why this till cannot write yet (`clinic.Startup.keys_missing`):
        shown with the button that imports the clinic's keys."""
        super().__init__(parent)
        self.worker = worker
        self.current = current
        self.cancellable = cancellable
        self.setWindowTitle(self.tr("Sign in"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.pin = QLineEdit()
        self.pin.setObjectName("signInPin")
        self.name = PickThenType(self.pin)
        self.name.setObjectName("staffName")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(staff.MAX_PIN)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin.returnPressed.connect(self.submit)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("signInError")
        # A new till of a clinic on a server has no keys yet: its first write (this
        # sign-in's audit row) is refused until they are imported.
        self.import_keys = button(self.tr("Import the clinic's keys…"))
        self.import_keys.setObjectName("signInImportKeys")
        self.import_keys.clicked.connect(self.open_import_keys)
        self.import_keys.hide()
        self.ok = button(self.tr("Sign in (Enter)"), "primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        leave = button(self.tr("Cancel (Esc)") if cancellable else self.tr("Quit"))
        leave.setObjectName("signInLeave")
        leave.clicked.connect(self.reject)
        form = form_grid()
        add_field(form, self.tr("Name"), self.name)
        add_field(form, self.tr("PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.import_keys)
        layout.addLayout(button_bar(leave, self.ok))
        self.error.setText(keys_missing)
        self.import_keys.setVisible(bool(keys_missing))
        self.ok.setEnabled(False)
        worker.run(active_staff, self._listed, owner=self)

    def _listed(self, accounts: list[StaffView]) -> None:
        for view in accounts:
            self.name.addItem(f"{view.name} · {permissions.role_name(view.role)}", view.name)
        if self.current is not None and (at := self.name.findData(self.current)) >= 0:
            self.name.setCurrentIndex(at)
        self.ok.setEnabled(bool(accounts))
        self.pin.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc cancels a 切换; otherwise it is kept from closing the dialog (and with it
        the till)."""
        if self.cancellable or event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def submit(self) -> None:
        name = self.name.currentData()
        if not self.ok.isEnabled() or not isinstance(name, str):
            return
        pin = self.pin.text()
        if not pin:
            self.error.setText(self.tr("Type your PIN."))
            self.pin.setFocus()
            return
        self.ok.setEnabled(False)
        self.error.clear()
        self.worker.run(
            lambda ctx: sign_in(ctx, name, pin), self._done, on_error=self._refused, owner=self
        )

    def _done(self, result: SignedIn) -> None:
        self.signed_in.emit(result)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        self.ok.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        self.error.setText(str(exc))
        self.import_keys.setVisible(exc.code == "audit.keys_missing")
        self.pin.clear()
        self.pin.setFocus()
        return True

    def open_import_keys(self) -> None:
        dialog = KeysImportDialog(self.worker, parent=self)
        dialog.accepted.connect(self._keys_imported)
        open_dialog(dialog)

    def _keys_imported(self) -> None:
        self.keys_imported.emit()
        self.import_keys.hide()
        self.error.setText(self.tr("The clinic's keys are imported: sign in."))
        self.pin.setFocus()


class IdleWatch(QObject):
    """`idle` once nobody pressed a key, clicked or scrolled anywhere in the app for the
    set time; every such input starts the count again."""

    idle = Signal()
    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.minutes = 0

    def watch(self, app: QObject) -> None:
        app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Count `minutes` of no input from now (0: never sign out)."""
        self.minutes = minutes
        self.timer.stop()
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        """Count again from now, for the minutes last set (a 切换 that was cancelled)."""
        self.set_minutes(self.minutes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and self.timer.interval() and self.timer.isActive():
            self.timer.start()
        return False
