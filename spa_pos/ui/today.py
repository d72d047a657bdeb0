"""Today's sales (今日流水): the day's list, a sale's lines, reprint and refunds.

A refund made today is a row of its own (negative, on the time it was made), and the
header shows the day's money net of refunds per payment method: the figures of the Z
report (`sales.day_book` hands over `dayclose.takings`), never summed here. The search
takes a whole sale number or, for today's sales, just its last digits.

A refund (whole sale or the ticked lines) needs the manager PIN (a whole sale is asked
about first, with its amount, whoever is signed in); `refunds.refund` runs
with the manager actor that `staff.manager` gives back. Its receipt is printed from the
message that confirms it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spa_pos.money import format_fen
from spa_pos.services import refunds
from spa_pos.services import sales as sales_svc
from spa_pos.services.context import Ctx
from spa_pos.services.dayclose import Takings
from spa_pos.services.refunds import RefundResult
from spa_pos.services.sales import DayBook, RefundView, SaleView
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.widgets import button, card, confirm, inform, label
from spa_pos.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
Entry = SaleView | RefundView
LINE_ROLE = Qt.ItemDataRole.UserRole


def payments_text(payments: list[tuple[str, int]], sign: int = 1) -> str:
    return " + ".join(f"{i18n.method_name(m)} {format_fen(sign * a)}" for m, a in payments)


class SalesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sales: list[SaleView] = []
        self.rows: list[Entry] = []  # sales and refunds, newest first
        self._headers = self.headers()

    def set_book(self, book: DayBook) -> None:
        self.beginResetModel()
        self.sales = book.sales
        self.rows = sorted([*book.sales, *book.refunds], key=lambda e: e.at, reverse=True)
        self.endResetModel()

    def listed(self, sale_no: str) -> SaleView | None:
        return next((s for s in self.sales if s.sale_no == sale_no), None)

    def row_of(self, sale_no: str) -> int | None:
        sale = self.listed(sale_no)
        return None if sale is None else self.rows.index(sale)

    def headers(self) -> list[str]:
        return [
            self.tr("Sale no."),
            self.tr("Time"),
            self.tr("Member"),
            self.tr("Items"),
            self.tr("Amount"),
            self.tr("Paid by"),
            self.tr("Points"),
            self.tr("Status"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(self.rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cells(self, entry: Entry) -> list[str]:
        """A row's texts: a refund's money is negative, on the day it was paid back."""
        if isinstance(entry, RefundView):
            return [
                entry.refund_no,
                entry.at.strftime("%H:%M"),
                entry.member_name or self.tr("Walk-in"),
                self.tr("Refund of {sale}: {items}").format(
                    sale=entry.sale_no, items="、".join(entry.lines)
                ),
                format_fen(-entry.refunded_fen),
                payments_text(entry.payments, -1) or "—",
                str(-entry.points_reversed) if entry.points_reversed else "",
                self.tr("Refund"),
            ]
        return [
            entry.sale_no,
            entry.at.strftime("%H:%M"),
            entry.member_name or self.tr("Walk-in"),
            "、".join(line.name for line in entry.lines),
            format_fen(entry.due_fen),
            payments_text(entry.payments) or "—",
            str(entry.points_earned) if entry.member_name else "",
            i18n.sale_status(entry.status),
        ]

    def retranslate(self) -> None:
        self._headers = self.headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 7))


class TodayPage(QWidget):
    print_requested = Signal(str, bool)  # sale or refund number, reprint?
    refunded = Signal(object)  # RefundResult

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        worker.changed.connect(self._on_changed)
        self.model = SalesModel(self)
        self.current: SaleView | None = None
        self.pin_dialog: ManagerPinDialog | None = None
        self.refunds = 0
        self.takings: Takings | None = None

        self.summary = label("", "title")
        self.summary.setObjectName("todaySummary")
        self.by_method = label("", "muted", wrap=True)
        self.by_method.setObjectName("todayByMethod")
        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_sale)
        self.search.setMinimumWidth(360)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        detail, box = card()
        self.detail_title = label("", "section")
        self.lines = QListWidget()
        self.payments = label("", "muted", wrap=True)
        self.reprint = button()
        self.reprint.clicked.connect(self._reprint)
        self.refund_lines = button()
        self.refund_lines.clicked.connect(lambda: self.ask_refund(whole=False))
        self.refund_all = button()
        self.refund_all.clicked.connect(lambda: self.ask_refund(whole=True))
        box.addWidget(self.detail_title)
        box.addWidget(self.lines, 1)
        box.addWidget(self.payments)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint)
        actions.addStretch(1)
        actions.addWidget(self.refund_lines)
        actions.addWidget(self.refund_all)
        box.addLayout(actions)

        top = QHBoxLayout()
        sums = QVBoxLayout()
        sums.setSpacing(2)
        sums.addWidget(self.summary)
        sums.addWidget(self.by_method)
        top.addLayout(sums)
        top.addStretch(1)
        top.addWidget(self.search)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.table, 3)
        body.addWidget(detail, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Sale number or its last digits (e.g. 12), then Enter")
        )
        self.reprint.setText(self.tr("Reprint receipt"))
        self.refund_lines.setText(self.tr("Refund ticked lines"))
        self.refund_all.setText(self.tr("Refund whole sale"))
        self.model.retranslate()
        self._show_summary()
        self.show_sale(self.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the list --------------------------------------------------------------------
    def refresh(self) -> None:
        self.worker.run(sales_svc.day_book, self._loaded, owner=self)

    def _on_changed(self, change: Change) -> None:
        # DAY_CLOSE: also sent when this till is renamed, and the list is another till's
        if change in (Change.SALES, Change.REFUNDS, Change.DAY_CLOSE):
            self.refresh()

    def _loaded(self, book: DayBook) -> None:
        keep = self.current.sale_no if self.current else None
        self.model.set_book(book)
        self.refunds, self.takings = len(book.refunds), book.takings
        self._show_summary()
        fresh = next((s for s in book.sales if s.sale_no == keep), None)
        row = self.model.row_of(fresh.sale_no) if fresh else None
        if row is not None:
            self.table.selectRow(row)
        self.show_sale(fresh or self.current)

    def _show_summary(self) -> None:
        money = self.takings
        if money is None:
            self.summary.setText("")
            self.by_method.setText("")
            return
        self.summary.setText(
            self.tr("Today: {sales} sales, {refunds} refunds, net {amount}").format(
                sales=len(self.model.sales), refunds=self.refunds, amount=format_fen(money.net_fen)
            )
        )
        self.by_method.setText(
            " · ".join(
                f"{i18n.method_name(m)} {format_fen(net)}"
                for m, net in money.net_by_method.items()
                if money.sales_by_method[m] or money.refunds_by_method[m]
            )
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.rows[current.row()]
        if isinstance(entry, SaleView):
            self.show_sale(entry)
            return
        sale_no = entry.sale_no  # a refund row shows the sale it refunds
        listed = self.model.listed(sale_no)
        if listed is not None:
            self.show_sale(listed)
        else:  # a sale of an earlier day
            self.worker.run(
                lambda ctx: sales_svc.by_number(ctx, sale_no), self.show_sale, owner=self
            )

    def find_sale(self) -> None:
        text = self.search.text().strip()
        if text:
            self.worker.run(
                lambda ctx: sales_svc.by_number(ctx, text),
                lambda sale: self._found(text, sale),
                owner=self,
            )

    def _found(self, text: str, sale: SaleView | None) -> None:
        if sale is None:
            inform(
                self,
                self.tr("Sale not found"),
                self.tr("There is no sale {no}.").format(no=text),
                warning=True,
            )
            return
        row = self.model.row_of(sale.sale_no)
        if row is not None:
            self.table.selectRow(row)
        self.show_sale(sale)

    # --- one sale --------------------------------------------------------------------
    def show_sale(self, sale: SaleView | None) -> None:
        self.current = sale
        self.lines.clear()
        for widget in (self.reprint, self.refund_lines, self.refund_all):
            widget.setEnabled(sale is not None)
        if sale is None:
            self.detail_title.setText(self.tr("CHOOSE A SALE"))
            self.payments.setText("")
            return
        who = sale.member_name or self.tr("Walk-in")
        self.detail_title.setText(
            self.tr("SALE {no} · {who} · {time}").format(
                no=sale.sale_no, who=who, time=sale.at.strftime("%Y-%m-%d %H:%M")
            )
        )
        for line in sale.lines:
            text = self.tr("{no}. {name} × {qty}   {amount}").format(
                no=line.line_no, name=line.name, qty=line.qty, amount=format_fen(line.net_fen)
            )
            if line.therapist:
                text += "   " + self.tr("Therapist {name}").format(name=line.therapist)
            if line.refunded:
                text += "   " + self.tr("(refunded)")
            item = QListWidgetItem(text)
            item.setData(LINE_ROLE, line.line_no)
            if line.refunded:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.lines.addItem(item)
        paid = payments_text(sale.payments) or "—"
        self.payments.setText(
            self.tr("Paid: {paid} · change {change} · cashier {cashier}").format(
                paid=paid, change=format_fen(sale.change_fen), cashier=sale.cashier
            )
        )
        open_lines = [line for line in sale.lines if not line.refunded]
        self.refund_lines.setEnabled(bool(open_lines))
        self.refund_all.setEnabled(bool(open_lines))

    def ticked_lines(self) -> list[int]:
        out = []
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(LINE_ROLE)))
        return out

    def _reprint(self) -> None:
        if self.current is not None:
            self.print_requested.emit(self.current.sale_no, True)

    def ask_refund(self, *, whole: bool) -> None:
        sale = self.current
        if sale is None:
            return
        lines = None if whole else self.ticked_lines()
        if lines is not None and not lines:
            inform(self, self.tr("Refund"), self.tr("Tick the lines to refund first."))
            return
        what = (
            self.tr("Refund the whole sale {no}?")
            if whole
            else self.tr("Refund lines {lines} of sale {no}?")
        ).format(no=sale.sale_no, lines=", ".join(str(n) for n in lines or []))
        sale_no = sale.sale_no

        def action(ctx: Ctx) -> RefundResult:
            return refunds.refund(ctx, sale_no, lines)

        def go() -> None:
            self.pin_dialog = approve(
                self.worker,
                "refund",
                what,
                action,
                self._refunded,
                changes=Change.REFUNDS,
                parent=self,
            )

        if not whole:
            go()
            return
        # A manager signed in gets no PIN prompt: without this pause one click would pay
        # the whole sale back.
        confirm(
            self,
            self.tr("Refund whole sale"),
            self.tr("Refund the whole sale {no}: {amount} back?").format(
                no=sale_no, amount=format_fen(sale.open_fen)
            ),
            go,
        )

    def _refunded(self, result: RefundResult) -> None:
        text = self.tr("Refund {no}: {amount} back ({how}); {points} points taken back.").format(
            no=result.refund_no,
            amount=format_fen(result.refunded_fen),
            how=payments_text(result.by_method) or "—",
            points=result.points_reversed,
        )
        if result.balance is not None and result.balance < 0:
            text += "\n" + self.tr(
                "The member now owes {points} points; later earnings pay them off first."
            ).format(points=-result.balance)
        box = inform(self, self.tr("Refund done"), text)
        print_button = box.addButton(
            self.tr("Print refund receipt"), QMessageBox.ButtonRole.ActionRole
        )
        print_button.setObjectName("printRefund")
        print_button.clicked.connect(lambda: self.print_requested.emit(result.refund_no, False))
        self.refunded.emit(result)
