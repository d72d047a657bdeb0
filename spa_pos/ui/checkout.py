"""Checkout (收银): the catalog as large buttons and a search, the cart, vouchers and pay.

The search takes a code, a name or its pinyin; Enter adds the best match and `ZJTN*2`
adds two. A scanned card or voucher typed into it is recognised as in the lookup.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import checkout, members, vouchers
from spa_pos.services.catalog import CatalogEntry, categories
from spa_pos.services.checkout import SaleRequest, SaleResult
from spa_pos.services.pricing import PricedCart
from spa_pos.services.profile import MemberView
from spa_pos.services.vouchers import VoucherCheck
from spa_pos.ui.cart_model import CartModel, Column
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import alive, button, card, clear, label, open_dialog
from spa_pos.ui.widgets import tile as make_tile
from spa_pos.ui.worker import DbWorker

TILE_COLUMNS = 3
VOUCHER_ROW = 40  # px per voucher line, the list shows up to three


def split_quantity(text: str) -> tuple[str, int]:
    """'zjtn*2' or '2*zjtn' -> ('zjtn', 2); anything else is one unit."""
    left, star, right = text.strip().partition("*")
    if star:
        if right.strip().isdigit():
            return left.strip(), int(right)
        if left.strip().isdigit():
            return right.strip(), int(left)
    return text.strip(), 1


class CheckoutPage(QWidget):
    member_requested = Signal(str)  # a scanned card, or the owner of a scanned voucher
    use_course_requested = Signal(str)  # course item code
    print_receipt_requested = Signal(str)  # sale number
    sale_completed = Signal(object)  # SaleResult

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.model = CartModel(self)
        self.model.changed.connect(self._request_quote)
        self._catalog: list[CatalogEntry] = []
        # Vouchers just added, by code, with the item they make free: the item comes into
        # the cart when the quote shows that no line of it had a unit to make free.
        self._bring: dict[str, CatalogEntry] = {}
        self._category = ""
        self._member: MemberView | None = None
        self.payment: PaymentDialog | None = None
        self.summary: SaleSummaryDialog | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(self._build_catalog(), 9)
        layout.addLayout(self._build_cart(), 11)
        self.retranslate()
        self._show_totals()

    # --- layout ----------------------------------------------------------------------
    def _build_catalog(self) -> QVBoxLayout:
        self.chips = QHBoxLayout()
        self.chips.setSpacing(8)
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self._fill_tiles())
        self.search.returnPressed.connect(self._on_enter)
        self.search.installEventFilter(self)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(10)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.tiles)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addLayout(self.chips)
        column.addWidget(self.search)
        column.addWidget(scroll, 1)
        return column

    def _build_cart(self) -> QVBoxLayout:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.REMOVE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(Column.REMOVE, 52)
        self.table.clicked.connect(self._on_cell_clicked)
        self.table.installEventFilter(self)

        self.vouchers_title = label("", "section")
        self.pick_voucher = button()
        self.pick_voucher.setMenu(QMenu(self.pick_voucher))
        self.remove_voucher = button()
        self.remove_voucher.clicked.connect(self._remove_selected_voucher)
        voucher_bar = QHBoxLayout()
        voucher_bar.addWidget(self.vouchers_title)
        voucher_bar.addStretch(1)
        voucher_bar.addWidget(self.pick_voucher)
        voucher_bar.addWidget(self.remove_voucher)
        self.voucher_list = QListWidget()
        self.voucher_list.setObjectName("voucherList")
        self.voucher_list.installEventFilter(self)
        self.voucher_list.hide()

        self.notice = label("", "warn", wrap=True)
        self.notice.setObjectName("checkoutNotice")
        self.notice.hide()

        totals, tbox = card(margins=14, spacing=2)
        self.subtotal_caption, self.discount_caption = label("", "muted"), label("", "muted")
        self.subtotal, self.discount = label("", "muted"), label("", "muted")
        self.due_caption = label("", "section")
        self.due = label("", "big")
        self.due.setObjectName("dueTotal")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.subtotal_caption, 0, 0)
        grid.addWidget(self.subtotal, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.discount_caption, 1, 0)
        grid.addWidget(self.discount, 1, 1, Qt.AlignmentFlag.AlignRight)
        due_box = QVBoxLayout()
        due_box.setSpacing(0)
        due_box.addWidget(self.due_caption, 0, Qt.AlignmentFlag.AlignRight)
        due_box.addWidget(self.due, 0, Qt.AlignmentFlag.AlignRight)
        sums = QHBoxLayout()
        sums.addLayout(grid)
        sums.addStretch(1)
        sums.addLayout(due_box)
        tbox.addLayout(sums)

        self.course_button = button()
        self.course_button.setMenu(QMenu(self.course_button))
        self.clear_button = button()
        self.clear_button.clicked.connect(self.clear_sale)
        self.pay_button = button("", "pay")
        self.pay_button.clicked.connect(self.pay)
        actions = QHBoxLayout()
        actions.addWidget(self.course_button)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.pay_button, 1)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.table, 1)
        column.addLayout(voucher_bar)
        column.addWidget(self.voucher_list)
        column.addWidget(self.notice)
        column.addWidget(totals)
        column.addLayout(actions)
        return column

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Code, name or pinyin — Enter adds, ZJTN*2 adds two")
        )
        self.vouchers_title.setText(self.tr("VOUCHERS"))
        self.pick_voucher.setText(self.tr("Member's vouchers"))
        self.remove_voucher.setText(self.tr("Remove voucher"))
        self.subtotal_caption.setText(self.tr("Subtotal"))
        self.discount_caption.setText(self.tr("Vouchers"))
        self.due_caption.setText(self.tr("AMOUNT DUE"))
        self.course_button.setText(self.tr("Use course session"))
        self.clear_button.setText(self.tr("Clear (Esc)"))
        self.pay_button.setText(self.tr("Pay (F12)"))
        self.model.retranslate()
        self._fill_chips()
        self._fill_vouchers()
        self._fill_member_menus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- catalog ---------------------------------------------------------------------
    def set_catalog(self, items: list[CatalogEntry]) -> None:
        self._catalog = items
        self._fill_chips()
        self._fill_tiles()

    def _fill_chips(self) -> None:
        clear(self.chips)
        for b in self.chip_group.buttons():
            self.chip_group.removeButton(b)
        if self._category not in categories(self._catalog):
            self._category = ""  # its last item was retired
        for category in ["", *categories(self._catalog)]:
            chip = button(category or self.tr("All"), "chip")
            chip.setCheckable(True)
            chip.setChecked(category == self._category)
            chip.clicked.connect(lambda _=False, c=category: self._choose_category(c))
            self.chip_group.addButton(chip)
            self.chips.addWidget(chip)
        self.chips.addStretch(1)

    def _choose_category(self, category: str) -> None:
        self._category = category
        self.search.clear()
        self._fill_tiles()

    def matches(self, text: str) -> list[CatalogEntry]:
        """Items for a search (all categories), exact code first; or the chosen category."""
        query = text.strip().lower()
        if not query:
            return [i for i in self._catalog if not self._category or i.category == self._category]

        def hit(item: CatalogEntry) -> bool:
            return (
                item.code.lower().startswith(query)
                or query in item.name.lower()
                or item.pinyin.startswith(query)
                or item.initials.startswith(query)
            )

        found = [i for i in self._catalog if hit(i)]
        return sorted(found, key=lambda i: (i.code.lower() != query, i.initials != query))

    def _fill_tiles(self) -> None:
        clear(self.tiles)
        items = self.matches(split_quantity(self.search.text())[0])
        for n, item in enumerate(items):
            tile = make_tile([(item.name, "tileTitle"), (format_fen(item.price_fen), "tilePrice")])
            tile.setObjectName(f"tile_{item.code}")
            tile.setToolTip(f"{item.name}\n{item.code}")  # the whole name, elided on the tile
            tile.clicked.connect(lambda _=False, it=item: self.add_item(it))
            self.tiles.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)

    def add_item(self, item: CatalogEntry, qty: int = 1) -> None:
        row = self.model.add(item, qty)
        self.table.selectRow(row)
        self.hide_notice()

    def _on_enter(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if members.CARD.match(text):
            self.search.clear()
            self.member_requested.emit(text)
            return
        if vouchers.looks_like_voucher(text):
            self.search.clear()
            self.add_voucher(text)
            return
        query, qty = split_quantity(text)
        found = self.matches(query)
        if not found:
            self.show_notice(self.tr("No item matches “{text}”").format(text=query))
            return
        self.add_item(found[0], qty)
        self.search.clear()

    # --- cart keys -------------------------------------------------------------------
    def _on_cell_clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.REMOVE:
            self.model.remove(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.table:
            row = self.table.currentIndex().row()
            if key == Qt.Key.Key_Delete and row >= 0:
                self.model.remove(row)
                return True
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and row >= 0:
                step = 1 if key == Qt.Key.Key_Plus else -1
                self.model.set_qty(row, self.model.lines[row].qty + step)
                return True
        if watched is self.voucher_list and key == Qt.Key.Key_Delete:
            self._remove_selected_voucher()
            return True
        if watched is self.search and key == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def clear_sale(self) -> None:
        """Esc: clear the search first, then the cart."""
        if self.search.text():
            self.search.clear()
            return
        self.model.clear()
        self.hide_notice()

    # --- vouchers --------------------------------------------------------------------
    def add_voucher(self, text: str) -> None:
        """Check a scanned or picked voucher and put it in the sale if it can be used."""
        self.worker.run(lambda ctx: vouchers.preview(ctx, text), self._voucher_checked, owner=self)

    def _voucher_checked(self, check: VoucherCheck) -> None:
        member = self._member
        if not check.valid:
            self.show_notice(
                self.tr("Voucher refused: {reason}").format(reason=check.reason), error=True
            )
        elif self.model.has_voucher(check.code):
            self.show_notice(
                self.tr("Voucher {code} is already in this sale").format(code=check.code)
            )
        elif member is not None and check.member_card != member.card_no:
            self.show_notice(
                self.tr("Voucher refused: {reason}").format(
                    reason=vouchers.reason_text("other_member")
                ),
                error=True,
            )
        else:
            if check.item is not None:
                self._bring[check.code] = check.item
            self.model.add_voucher(check)
            self.show_notice(
                self.tr("Voucher {code} added: {reward}").format(
                    code=check.code, reward=check.reward
                )
            )
            if member is None:
                self.member_requested.emit(check.member_card)

    def _fill_vouchers(self) -> None:
        self.voucher_list.clear()
        for v in self.model.vouchers:
            if v.kind == "coupon":
                effect = self.tr("takes {amount} off").format(amount=format_fen(v.coupon_fen))
            else:
                effect = self.tr("makes one {item} free").format(
                    item=v.item.name if v.item else v.reward
                )
            item = QListWidgetItem(f"{v.reward}  {v.code}  —  {effect}")
            item.setData(Qt.ItemDataRole.UserRole, v.code)
            self.voucher_list.addItem(item)
        count = len(self.model.vouchers)
        self.voucher_list.setVisible(bool(count))
        self.voucher_list.setFixedHeight(min(count, 3) * VOUCHER_ROW + 4)
        self.remove_voucher.setEnabled(bool(count))

    def _remove_selected_voucher(self) -> None:
        item = self.voucher_list.currentItem() or self.voucher_list.item(0)
        if item is not None:
            self.model.remove_voucher(item.data(Qt.ItemDataRole.UserRole))

    # --- member ----------------------------------------------------------------------
    def set_member(self, view: MemberView | None) -> None:
        self._member = view
        stale = [
            v.code for v in self.model.vouchers if view is None or v.member_card != view.card_no
        ]
        for code in stale:
            self.model.remove_voucher(code)
        self._fill_member_menus()

    def _fill_member_menus(self) -> None:
        voucher_menu, course_menu = self.pick_voucher.menu(), self.course_button.menu()
        voucher_menu.clear()
        course_menu.clear()
        view = self._member
        for v in view.unused_vouchers if view else []:
            action = voucher_menu.addAction(f"{v.reward}  {v.code}")
            action.triggered.connect(lambda _=False, code=v.code: self.add_voucher(code))
        for c in view.courses if view else []:
            action = course_menu.addAction(
                self.tr("{course}: {left} left").format(course=c.name, left=c.sessions_left)
            )
            action.triggered.connect(
                lambda _=False, code=c.code: self.use_course_requested.emit(code)
            )
        self.pick_voucher.setEnabled(not voucher_menu.isEmpty())
        self.course_button.setEnabled(not course_menu.isEmpty())

    # --- totals and paying -----------------------------------------------------------
    def _request(self) -> SaleRequest:
        return self.model.request(self._member.card_no if self._member else None)

    def _request_quote(self) -> None:
        """The cart changed: ask the service what it costs now (on the DB worker)."""
        self._fill_vouchers()
        self.pay_button.setEnabled(not self.model.is_empty())
        revision, request = self.model.revision, self._request()
        self.worker.run(
            lambda ctx: checkout.quote(ctx, request),
            lambda quote: self._quoted(revision, quote),
            on_error=self._quote_refused,
            owner=self,
        )

    def _quoted(self, revision: int, quote: PricedCart) -> None:
        if not self.model.set_quote(revision, quote):
            return  # the cart changed since: a newer quote is on its way
        self._show_totals()
        bring, self._bring = self._bring, {}
        for line in quote.lines:
            for code in line.vouchers if line.from_voucher else ():
                if code in bring:
                    self.table.selectRow(self.model.add(bring.pop(code)))

    def _show_totals(self) -> None:
        quote = self.model.quote
        self.subtotal.setText(format_fen(quote.gross_fen))
        self.discount.setText(format_fen(-quote.discount_fen))
        self.due.setText(format_fen(quote.due_fen))
        self.pay_button.setEnabled(not self.model.is_empty())

    def _quote_refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.show_notice(str(exc), error=True)
            return True
        return False

    def show_notice(self, text: str, *, error: bool = False) -> None:
        set_role(self.notice, "error" if error else "warn")
        self.notice.setText(text)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()

    def pay(self) -> None:
        """F12: take the money for the cart (the member, if any, earns the points)."""
        if self.model.is_empty() or (
            self.payment and alive(self.payment) and self.payment.isVisible()
        ):
            return
        request = self._request()
        self.worker.run(
            lambda ctx: checkout.quote(ctx, request),
            lambda quote: self._open_payment(request, quote),
            on_error=self._quote_refused,
            owner=self,
        )

    def _open_payment(self, request: SaleRequest, quote: PricedCart) -> None:
        """The dialog charges the service's quote of exactly the request it will send."""
        if self.payment and alive(self.payment) and self.payment.isVisible():
            return
        self.payment = PaymentDialog(self.worker, request, quote.due_fen, self)
        self.payment.paid.connect(self._paid)
        open_dialog(self.payment)

    def _paid(self, result: SaleResult) -> None:
        self.model.clear()
        self.hide_notice()
        self.summary = SaleSummaryDialog(result, self)
        self.summary.print_requested.connect(self.print_receipt_requested)
        open_dialog(self.summary)
        self.sale_completed.emit(result)
