"""Paying (结账): split payment with cash tendered and change, then the sale's summary."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services import checkout, pricing
from spa_pos.services.checkout import PAYMENT_METHODS, SaleRequest, SaleResult
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.pricing import PricedCart
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import button, button_bar, card, label
from spa_pos.ui.worker import DbWorker

# The letter that pays what is still due with a method, wherever the focus is in the
# dialog (a money field takes no letters): F12, W, Enter is a whole WeChat payment.
METHOD_KEYS = {"cash": "C", "card": "K", "wechat": "W", "alipay": "A"}


class PaymentDialog(QDialog):
    """Takes the amounts by method and runs `checkout.sell`; `paid` carries the result.

    `quote` is the service's quote of `request`: the sum due and, for a member, the points
    the sale earns. What is still due and the change are `pricing.tender`'s, the sum
    `checkout.sell` settles with. A method's letter (`METHOD_KEYS`) pays the rest with it."""

    paid = Signal(object)  # SaleResult

    def __init__(
        self,
        worker: DbWorker,
        request: SaleRequest,
        quote: PricedCart,
        parent: QWidget | None = None,
        approver: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.request = request
        self.approver = approver  # the manager who allowed the cart's changed prices
        self.due_fen = quote.due_fen
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self.setMinimumWidth(520)

        due = label(format_fen(quote.due_fen), "big")
        due.setObjectName("due")
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(10)
        rest_buttons = []
        for row_no, method in enumerate(PAYMENT_METHODS):
            name = self.tr("Cash tendered") if method == "cash" else i18n.method_name(method)
            field = QLineEdit()
            field.setObjectName(f"pay_{method}")
            field.setProperty("role", "money")
            field.setPlaceholderText("0.00")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            field.textChanged.connect(self._update)
            rest = button(self.tr("Rest ({key})").format(key=METHOD_KEYS[method]))
            rest.setObjectName(f"rest_{method}")
            rest.setToolTip(self.tr("Put the amount still due here"))
            rest.clicked.connect(lambda _=False, m=method: self.fill_rest(m))
            rest_buttons.append(rest)
            self.fields[method] = field
            grid.addWidget(label(name), row_no, 0)
            grid.addWidget(field, row_no, 1)
            grid.addWidget(rest, row_no, 2)
        grid.setColumnStretch(1, 1)

        self.paid_label = label("", "muted")
        self.status = label("", "amount")
        self.status.setObjectName("paymentStatus")
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("paymentError")
        self.confirm = button(self.tr("Confirm payment (Enter)"), "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)

        head, head_box = card()
        head_box.addWidget(label(self.tr("Amount due"), "section"))
        head_box.addWidget(due)
        if request.member is not None:
            points = label(
                self.tr("This sale earns {points} points").format(
                    points=f"{quote.points_earned:,}"
                ),
                "muted",
            )
            points.setObjectName("pointsToEarn")
            head_box.addWidget(points)
        buttons = button_bar(cancel, self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(head)
        layout.addLayout(grid)
        layout.addWidget(self.paid_label)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        # Tab goes through the amounts first, then the buttons.
        chain: list[QWidget] = [*self.fields.values(), self.confirm, cancel, *rest_buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for widget in chain:
            widget.installEventFilter(self)
        self.fields["cash"].setFocus()
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A method's letter pays the rest with it (a money field would drop the letter)."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            no_modifier = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
            for method, letter in METHOD_KEYS.items():
                if no_modifier and event.key() == ord(letter):
                    self.fill_rest(method)
                    return True
        return super().eventFilter(watched, event)

    def amounts(self) -> list[tuple[str, int]]:
        """(method, fen) of every filled field; raises DomainError on a malformed one."""
        out = []
        for method, field in self.fields.items():
            if field.text().strip():
                fen = parse_yuan(field.text())
                if fen:
                    out.append((method, fen))
        return out

    def fill_rest(self, method: str) -> None:
        self.fields[method].clear()
        try:
            rest = pricing.tender(self.due_fen, self.amounts()).short_fen
        except DomainError:
            return
        self.fields[method].setText(f"{rest // 100}.{rest % 100:02d}")
        self.fields[method].setFocus()

    def _update(self) -> None:
        try:
            money = pricing.tender(self.due_fen, self.amounts())
        except DomainError as exc:
            self.status.setText("")
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.paid_label.setText(self.tr("Paid {amount}").format(amount=format_fen(money.paid_fen)))
        if money.short_fen:
            set_role(self.status, "amountShort")  # not the green of the change
            self.status.setText(
                self.tr("Still due {amount}").format(amount=format_fen(money.short_fen))
            )
        else:
            set_role(self.status, "amount")
            self.status.setText(
                self.tr("Change {amount}").format(amount=format_fen(money.change_fen))
            )

    def submit(self) -> None:
        try:
            request = replace(self.request, payments=self.amounts())
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.confirm.setEnabled(False)
        approver = self.approver

        def sell(ctx: Ctx) -> SaleResult:
            """As the person signed in, with the manager who allowed the changed prices."""
            if approver is not None:
                ctx = replace(ctx, actor=replace(ctx.actor, approver=approver))
            return checkout.sell(ctx, request)

        self.worker.run(
            sell,
            self._done,
            on_error=self._refused,
            changes=Change.SALES,
            owner=self,
        )

    def _done(self, result: SaleResult) -> None:
        self.paid.emit(result)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        self.confirm.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(str(exc))
            return True
        return False


class SaleSummaryDialog(QDialog):
    """What the sale came to: money by method, change and the points with their
    breakdown. P prints the receipt, Enter ends the sale."""

    print_requested = Signal(str)  # sale number

    def __init__(self, result: SaleResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sale = result
        self.setWindowTitle(self.tr("Sale {no}").format(no=result.sale_no))
        self.setMinimumWidth(480)

        money, money_box = card()
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        rows = [
            ("total", self.tr("Total"), result.total_fen),
            *((f"paid_{m}", i18n.method_name(m), fen) for m, fen in result.payments),
            ("paid", self.tr("Paid"), result.paid_fen),
        ]
        for row_no, (name, text, fen) in enumerate(rows):
            grid.addWidget(label(text, "muted"), row_no, 0)
            amount = label(format_fen(fen))
            amount.setObjectName(name)
            grid.addWidget(amount, row_no, 1, Qt.AlignmentFlag.AlignRight)
        money_box.addLayout(grid)
        change = label(
            self.tr("Change {amount}").format(amount=format_fen(result.change_fen)), "amount"
        )
        change.setObjectName("change")
        money_box.addWidget(change)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Sale {no} is paid").format(no=result.sale_no), "title"))
        layout.addWidget(money)
        if result.balance is not None:
            layout.addWidget(self._points(result))
        print_button = button(self.tr("Print receipt (P)"))
        print_button.setObjectName("printReceipt")
        # A click does not take the focus from 完成: Enter still ends the sale afterwards.
        print_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        print_button.clicked.connect(lambda: self.print_requested.emit(result.sale_no))
        QShortcut(QKeySequence(Qt.Key.Key_P), self, print_button.click)
        done = button(self.tr("Done (Enter)"), "primary")
        done.setDefault(True)
        done.clicked.connect(self.accept)
        buttons = button_bar(done, left=(print_button,))
        layout.addLayout(buttons)
        done.setFocus()

    def _points(self, result: SaleResult) -> QWidget:
        frame, box = card()
        earned = label(
            self.tr("+{points} points").format(points=f"{result.points_earned:,}"), "amount"
        )
        earned.setObjectName("pointsEarned")
        box.addWidget(label(self.tr("POINTS EARNED"), "section"))
        box.addWidget(earned)
        grid = QGridLayout()
        for row_no, (rule, pts) in enumerate(result.points_breakdown):
            name = result.promotions.get(rule) or i18n.rule_name(rule)  # a promotion by name
            grid.addWidget(label(name, "muted"), row_no, 0)
            grid.addWidget(label(f"{pts:+,}"), row_no, 1, Qt.AlignmentFlag.AlignRight)
        box.addLayout(grid)
        if result.referrer_award:
            referrer = label(
                self.tr("Referrer {name} gets {points} points").format(
                    name=result.referrer_name, points=result.referrer_award[1]
                ),
                "muted",
            )
            referrer.setObjectName("referrerAward")
            box.addWidget(referrer)
        balance = label(self.tr("New balance {points}").format(points=f"{result.balance:,}"))
        balance.setObjectName("newBalance")
        box.addWidget(balance)
        return frame
