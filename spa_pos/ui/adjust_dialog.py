"""Adjusting a member's points (调整积分) and cancelling a voucher (作废兑换券) from the
member panel, each with a reason.

The limits are the services': `adjustments.allowance` says what is left of today's limit
(shown, never recomputed here) and `adjustments.adjust` refuses past it; the refusal
then asks for a manager's PIN (`ManagerPinDialog`), and the row records both names. A
voucher cancellation is a manager's (`cancel_voucher`): a cashier's asks for the PIN
straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.services import adjustments, permissions, vouchers
from spa_pos.services.adjustments import Allowance
from spa_pos.services.context import Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.widgets import add_field, button, button_bar, form_grid, label, open_dialog
from spa_pos.ui.worker import DbWorker


class _ReasonDialog(QDialog):
    """A form with a reason, an error line and 确定/取消; the action runs as the person
    signed in, and once more with a manager's PIN when the service asks for one."""

    completed = Signal(object)  # what the action returned

    def __init__(self, worker: DbWorker, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.pin_dialog: ManagerPinDialog | None = None
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(440)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("adjustError")
        self.ok = button(self.tr("Confirm (Enter)"), "primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        self.form = form_grid()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(12)
        self.layout_.addWidget(label(title, "title"))
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addLayout(button_bar(cancel, self.ok))

    def action(self) -> Callable[[Ctx], Any] | None:
        """The service call for what was entered; None (with the error shown) if the form
        is not complete."""
        raise NotImplementedError

    changes = Change.MEMBERS
    approval_codes: frozenset[str] = frozenset()  # refusals a manager's PIN lifts

    def submit(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Give a reason."))
            self.reason.setFocus()
            return
        action = self.action()
        if action is None:
            return
        self.error.clear()
        self.ok.setEnabled(False)
        self.worker.run(
            action,
            self._finished,
            on_error=lambda exc: self._refused(exc, action),
            changes=self.changes,
            owner=self,
        )

    def _refused(self, exc: Exception, action: Callable[[Ctx], Any]) -> bool:
        self.ok.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        self.error.setText(str(exc))
        if exc.code in self.approval_codes:
            self.ask_manager(action)
        return True

    def ask_manager(self, action: Callable[[Ctx], Any]) -> None:
        self.pin_dialog = ManagerPinDialog(
            self.worker, self.error.text(), action, changes=self.changes, parent=self
        )
        self.pin_dialog.succeeded.connect(self._finished)
        open_dialog(self.pin_dialog)

    def _finished(self, result: object) -> None:
        self.completed.emit(result)
        self.accept()


class AdjustDialog(_ReasonDialog):
    """调整积分: points in (+) or out (−) for one member, with a reason."""

    approval_codes = frozenset({"points.adjust_over_limit"})

    def __init__(
        self, worker: DbWorker, card_no: str, member: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, self.tr("Adjust points"), parent)
        self.card_no = card_no
        self.points = QSpinBox()
        self.points.setObjectName("adjustPoints")
        self.points.setRange(-limits.MAX_POINTS, limits.MAX_POINTS)
        self.allowance = label("", "muted", wrap=True)
        self.allowance.setObjectName("allowance")
        add_field(self.form, self.tr("Member"), label(member))
        add_field(self.form, self.tr("Points (+ add, − take)"), self.points)
        add_field(self.form, self.tr("Reason"), self.reason)
        self.layout_.insertWidget(2, self.allowance)
        self.points.setFocus()
        worker.run(lambda ctx: adjustments.allowance(ctx, card_no), self._allowed, owner=self)

    def _allowed(self, allowance: Allowance) -> None:
        self.allowance.setText(
            self.tr(
                "Today {used} of {limit} points adjusted for this member; "
                "{left} more without a manager."
            ).format(used=allowance.used, limit=allowance.limit, left=allowance.left)
        )

    def action(self) -> Callable[[Ctx], Any] | None:
        delta = self.points.value()
        if delta == 0:
            self.error.setText(self.tr("Enter the points to add or take."))
            self.points.setFocus()
            return None
        card, reason = self.card_no, self.reason.text()
        return lambda ctx: adjustments.adjust(ctx, card, delta, reason)


class CancelVoucherDialog(_ReasonDialog):
    """作废兑换券: the points go back to the member; a manager approves."""

    changes = Change.REDEMPTIONS  # the reward's stock comes back too
    approval_codes = frozenset({"staff.not_allowed"})

    def __init__(
        self, worker: DbWorker, code: str, reward: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, self.tr("Cancel a voucher"), parent)
        self.code = code
        add_field(self.form, self.tr("Voucher"), label(f"{reward}  {code}"))
        add_field(self.form, self.tr("Reason"), self.reason)
        self.reason.setFocus()

    def action(self) -> Callable[[Ctx], Any] | None:
        code, reason = self.code, self.reason.text()
        return lambda ctx: vouchers.cancel(ctx, code, reason)

    def submit(self) -> None:
        """A cashier's cancellation goes to the manager's PIN at once rather than being
        refused first (the service decides either way)."""
        if permissions.allows(self.worker.ctx.actor, "cancel_voucher"):
            super().submit()
        elif not self.reason.text().strip():
            super().submit()  # says the reason is missing
        else:
            self.error.setText(
                self.tr("A manager approves the cancellation of voucher {code}.").format(
                    code=self.code
                )
            )
            action = self.action()
            assert action is not None
            self.ask_manager(action)
