"""改价: change the price of one cart line at the till, with a reason.

The dialog only asks for the new unit price and why. Whether it is allowed (from 0 up to
the list price, with a reason) is the pricing service's rule: the dialog quotes the cart
with the change (`checkout.quote`) and shows the refusal, if any, under the fields. Who
may change a price (`override_price`) is the checkout screen's to ask, once the dialog
has given the change.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services import checkout
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.pricing import PricedCart
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker

REASON_MAX = 100


class PriceDialog(QDialog):
    chosen = Signal(object)  # PriceOverride, or None: back to the list price

    def __init__(
        self,
        worker: DbWorker,
        request: SaleRequest,
        code: str,
        name: str,
        list_fen: int,
        current: PriceOverride | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.request = request
        self.code = code
        self.setWindowTitle(self.tr("Change the price"))
        self.setModal(True)
        self.price = QLineEdit()
        self.price.setObjectName("overridePrice")
        self.price.setMaxLength(12)
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(REASON_MAX)
        if current is not None:
            self.price.setText(f"{current.unit_fen // 100}.{current.unit_fen % 100:02d}")
            self.reason.setText(current.reason)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("overrideError")
        form = form_grid()
        add_field(form, self.tr("Item"), label(name))
        add_field(form, self.tr("List price"), label(format_fen(list_fen)))
        add_field(form, self.tr("New price (yuan)"), self.price)
        add_field(form, self.tr("Reason"), self.reason)
        self.ok = button(self.tr("Confirm (Enter)"), "primary")
        self.ok.setObjectName("overrideConfirm")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        back = button(self.tr("List price"))
        back.setObjectName("overrideUndo")
        back.clicked.connect(self.undo)
        back.setVisible(current is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(button_bar(cancel, self.ok, left=(back,)))
        resize_within_screen(self, QSize(460, 320))
        self.price.setFocus()

    def submit(self) -> None:
        try:
            fen = parse_yuan(self.price.text())
        except DomainError as exc:
            self.error.setText(str(exc))
            self.price.setFocus()
            return
        change = PriceOverride(fen, self.reason.text().strip())
        request = replace(self.request, overrides={**self.request.overrides, self.code: change})
        self.ok.setEnabled(False)
        self.error.clear()

        def check(ctx: Ctx) -> PricedCart:
            return checkout.quote(ctx, request)

        self.worker.run(
            check, lambda _quote: self._chosen(change), on_error=self._refused, owner=self
        )

    def undo(self) -> None:
        self._chosen(None)

    def _chosen(self, change: PriceOverride | None) -> None:
        self.chosen.emit(change)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        self.ok.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        self.error.setText(str(exc))
        field = self.reason if exc.code == "checkout.override_needs_reason" else self.price
        field.selectAll()
        field.setFocus()
        return True
