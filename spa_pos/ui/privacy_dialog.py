"""Erasing a member's personal data on request (注销会员个人信息), from the profile.

The cashier or manager types the reason and the card number again to confirm (nothing
else enables the button); `privacy.erase` decides who may (`erase_member`, a manager):
anyone else is asked for a manager's PIN on the spot and the row records both names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QWidget

from spa_pos.services import permissions, privacy
from spa_pos.services.context import Ctx
from spa_pos.ui.adjust_dialog import _ReasonDialog
from spa_pos.ui.widgets import add_field, label, resize_within_screen
from spa_pos.ui.worker import DbWorker


class EraseDialog(_ReasonDialog):
    approval_codes = frozenset({"staff.not_allowed"})

    def __init__(
        self, worker: DbWorker, card_no: str, member: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, self.tr("Erase personal data"), parent)
        self.card_no = card_no
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmCard")
        self.confirm.setPlaceholderText(card_no)
        self.confirm.textChanged.connect(self._confirmed)
        warning = label(
            self.tr(
                "Name, phone, birthday, health needs, notes, feedback comments and contact "
                "notes are erased for good. Sales, points and totals stay; the member shows "
                "as an erased member."
            ),
            "error",
            wrap=True,
        )
        warning.setObjectName("eraseWarning")
        self.layout_.insertWidget(1, warning)
        add_field(self.form, self.tr("Member"), label(f"{member}  {card_no}"))
        add_field(self.form, self.tr("Reason"), self.reason)
        add_field(self.form, self.tr("Type the card number to confirm"), self.confirm)
        self.ok.setEnabled(False)
        resize_within_screen(self, QSize(520, 360))
        self.reason.setFocus()

    def _confirmed(self, text: str) -> None:
        self.ok.setEnabled(text.strip() == self.card_no)

    def action(self) -> Callable[[Ctx], Any] | None:
        card, reason = self.card_no, self.reason.text()
        return lambda ctx: privacy.erase(ctx, card, reason)

    def submit(self) -> None:
        """Someone who may not erase goes to the manager's PIN at once rather than being
        refused first (the service decides either way)."""
        if self.confirm.text().strip() != self.card_no:
            return
        if permissions.allows(self.worker.ctx.actor, "erase_member") or not (
            self.reason.text().strip()
        ):
            super().submit()
            return
        self.error.setText(self.tr("A manager approves erasing this member's personal data."))
        action = self.action()
        assert action is not None
        self.ask_manager(action)
