"""Checkout (收银): the catalog as large buttons and a search, the cart, vouchers and pay.

The search takes a code, a name or its pinyin; Enter adds the best match and `ZJTN*2`
adds two. A scanned card or voucher typed into it is recognised as in the lookup.

When today's business day is already closed (日结), a sale would land in no Z report, so
the till refuses it (`checkout.sell`) rather than booking it on the next day: the page
says so in a banner, F12 is refused before any money is taken (`dayclose.check_open`),
and a manager can reopen the day on the spot with the PIN (audited; the next close
records the Z report afresh).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import (
    catalog,
    checkout,
    dayclose,
    drafts,
    members,
    permissions,
    therapists,
    vouchers,
)
from spa_pos.services.catalog import CatalogEntry, categories
from spa_pos.services.checkout import PriceOverride, SaleRequest, SaleResult
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.drafts import Restored
from spa_pos.services.pricing import PricedCart
from spa_pos.services.profile import MemberView
from spa_pos.services.vouchers import VoucherCheck
from spa_pos.ui.cart_model import CartModel, Column
from spa_pos.ui.changes import Change
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.price_dialog import PriceDialog
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import alive, button, card, clear, label, open_dialog
from spa_pos.ui.widgets import tile as make_tile
from spa_pos.ui.worker import DbWorker

TILE_COLUMNS = 3
TILE_HEIGHT = 92  # px: the code, the name and the price
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
        self.model.changed.connect(self.save_draft)
        worker.changed.connect(self._prices_changed)
        self._catalog: list[CatalogEntry] = []
        # Vouchers just added, by code, with the item they make free: the item comes into
        # the cart when the quote shows that no line of it had a unit to make free.
        self._bring: dict[str, CatalogEntry] = {}
        self._category = ""
        self._member: MemberView | None = None
        self.payment: PaymentDialog | None = None
        self.discard_box: QMessageBox | None = None
        self.summary: SaleSummaryDialog | None = None
        self.closed_day: date | None = None  # today's business date once it is closed
        self.pin_dialog: ManagerPinDialog | None = None
        self.price_dialog: PriceDialog | None = None
        worker.changed.connect(self._on_changed)
        self.therapist_names: list[str] = []  # who may serve, for the 技师 cell
        self.therapist_menu: QMenu | None = None
        self.load_therapists()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(self._build_catalog(), 9)
        layout.addLayout(self._build_cart(), 11)
        self.retranslate()

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
        self.points_preview = label("", "muted")
        self.points_preview.setObjectName("pointsToEarn")
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
        due_box.addWidget(self.points_preview, 0, Qt.AlignmentFlag.AlignRight)
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

        self.closed_banner, banner = card(margins=12, spacing=8)
        self.closed_banner.setObjectName("dayClosedBanner")
        self.closed_text = label("", "error", wrap=True)
        self.reopen_button = button("", "primary")
        self.reopen_button.setObjectName("reopenToday")
        self.reopen_button.clicked.connect(self.ask_reopen)
        banner.addWidget(self.closed_text)
        banner.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignRight)
        self.closed_banner.hide()

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.closed_banner)
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
        self.reopen_button.setText(self.tr("Reopen the day (manager)"))
        self._show_day_state(self.closed_day)
        self.model.retranslate()
        self._show_totals()
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
            tile = make_tile(
                [
                    (item.code, "muted"),  # what to type next time
                    (item.name, "tileTitle"),
                    (format_fen(item.price_fen), "tilePrice"),
                ],
                height=TILE_HEIGHT,
            )
            tile.setObjectName(f"tile_{item.code}")
            tile.setToolTip(f"{item.name}\n{item.code}")  # the whole name, elided on the tile
            tile.clicked.connect(lambda _=False, it=item: self._tile_clicked(it))
            self.tiles.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)

    def _tile_clicked(self, item: CatalogEntry) -> None:
        """Into the cart, and the keyboard back to the search for the next scan or F12."""
        self.add_item(item)
        self.search.setFocus()

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
            self.search.selectAll()  # the next scan replaces it
            return
        self.add_item(found[0], qty)
        self.search.clear()

    # --- cart keys -------------------------------------------------------------------
    def _on_cell_clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.REMOVE:
            self.model.remove(index.row())
        elif index.column() == Column.THERAPIST:
            self.pick_therapist(index.row())
        elif index.column() == Column.PRICE:
            self.ask_price(index.row())

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
            if key == Qt.Key.Key_T and row >= 0:
                self.cycle_therapist(row)
                return True
            if key == Qt.Key.Key_P and row >= 0:
                self.ask_price(row)
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
        """Esc: clear the search first, then (once the cashier says so) the cart."""
        if self.search.text():
            self.search.clear()
        elif self.model.is_empty():
            self.hide_notice()
        else:
            self.ask_discard()

    # --- the cart kept as a draft ----------------------------------------------------
    def ask_discard(self) -> None:
        """A full cart is given up only when the cashier says so: Enter and Esc keep it."""
        if self.discard_box and alive(self.discard_box) and self.discard_box.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard the cart"),
            self.tr("Discard the current cart ({n} items)?").format(n=self.model.units()),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep checking out"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def clicked(choice: QAbstractButton) -> None:
            if choice is discard:
                self.discard_cart()

        box.buttonClicked.connect(clicked)
        self.discard_box = box
        open_dialog(box)

    def discard_cart(self) -> None:
        """Empty the cart; its draft goes with it (an empty cart is saved as none)."""
        self.model.clear()
        self.hide_notice()

    def save_draft(self) -> None:
        """Keep the cart as the till's draft, on the DB worker: after every change, so a
        crash or a closed window never loses it."""
        draft = self.model.draft(self._member.card_no if self._member else None)
        self.worker.run(lambda ctx: drafts.save(ctx, draft))

    def restore(self, restored: Restored) -> None:
        """Put a draft loaded at start-up back in the cart, with its quote and what changed."""
        self.model.load(restored.lines, restored.vouchers, restored.therapists, restored.overrides)
        self.model.set_quote(self.model.revision, restored.quote)
        self._show_totals()
        if restored.notes:
            self.show_notice("\n".join(restored.notes))

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
        self._suggest_therapist()
        self._request_quote()  # the member's points (and tier) change the quote
        if not self.model.is_empty():  # the draft keeps whose cart it is
            self.save_draft()

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

    # --- who serves each line (技师) -------------------------------------------------
    def load_therapists(self) -> None:
        """Who may serve (`therapists.choices`), for the 技师 cell's picker."""
        self.worker.run(therapists.choices, self._set_therapist_names, owner=self)

    def _set_therapist_names(self, names: list[str]) -> None:
        self.therapist_names = names

    def _suggest_therapist(self) -> None:
        """New service lines default to the member's usual therapist."""
        if self._member is None:
            self.model.suggest(None)
            return
        card = self._member.card_no
        self.worker.run(
            lambda ctx: therapists.suggestion(ctx, card), self.model.suggest, owner=self
        )

    def cycle_therapist(self, row: int) -> None:
        """T on a service line: the next therapist, then nobody, then the first again."""
        if not self.model.takes_therapist(row) or not self.therapist_names:
            return
        choices: list[str | None] = [*self.therapist_names, None]
        current = self.model.lines[row].therapist
        at = choices.index(current) if current in choices else -1
        self.model.set_therapist(row, choices[(at + 1) % len(choices)])

    def pick_therapist(self, row: int) -> None:
        """A click on the 技师 cell: the names in a small menu under it."""
        if not self.model.takes_therapist(row):
            return
        menu = QMenu(self)
        for name in self.therapist_names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, who=name: self.model.set_therapist(row, who))
        menu.addSeparator()
        nobody = menu.addAction(self.tr("Nobody"))
        nobody.triggered.connect(lambda _=False: self.model.set_therapist(row, None))
        self.therapist_menu = menu
        cell = self.table.visualRect(self.model.index(row, Column.THERAPIST))
        menu.popup(self.table.viewport().mapToGlobal(cell.bottomLeft()))

    # --- a closed day ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_day()  # the day may have been closed, or turned, since last shown
        self.load_therapists()  # staff may have been added or disabled meanwhile
        super().showEvent(event)

    def _on_changed(self, change: Change) -> None:
        if change is Change.DAY_CLOSE:
            self.refresh_day()

    def refresh_day(self) -> None:
        self.worker.run(dayclose.closed_today, self._show_day_state, owner=self)

    def _show_day_state(self, closed: date | None) -> None:
        if self.closed_day is not None and closed is None:
            self.hide_notice()  # the refusal of F12 no longer holds
        self.closed_day = closed
        self.closed_banner.setVisible(closed is not None)
        if closed is not None:
            self.closed_text.setText(
                self.tr(
                    "Today ({date}) is already closed: a sale now would be in no Z report, "
                    "so none can be taken. A manager can reopen the day; close it again "
                    "at the end of the day."
                ).format(date=closed.isoformat())
            )

    def ask_reopen(self) -> None:
        day = self.closed_day
        if day is None:
            return
        self.pin_dialog = approve(
            self.worker,
            "reopen_day",
            self.tr("Reopen the close of {date} to take sales again?").format(date=day.isoformat()),
            lambda ctx: dayclose.reopen_day(ctx, day),
            changes=Change.DAY_CLOSE,
            parent=self,
        )

    # --- a price changed at the till (改价) ------------------------------------------
    def ask_price(self, row: int) -> None:
        """P or a click on the price: the line's new price and why. A cashier then needs
        a manager's PIN on the spot (`override_price`); a manager signed in does not."""
        if not 0 <= row < len(self.model.lines):
            return
        line = self.model.lines[row]
        code = line.item.code
        self.price_dialog = PriceDialog(
            self.worker,
            self._request(),
            code,
            line.item.name,
            line.item.price_fen,
            line.override,
            parent=self,
        )
        name = line.item.name
        self.price_dialog.chosen.connect(lambda change: self._price_chosen(code, name, change))
        open_dialog(self.price_dialog)

    def _price_chosen(self, code: str, name: str, change: PriceOverride | None) -> None:
        if change is None:  # back to the list price: nobody needs to allow that
            self._set_price(code, None, None)
            return
        what = self.tr("Change the price of {item} to {price}?").format(
            item=name, price=format_fen(change.unit_fen)
        )
        self.pin_dialog = approve(
            self.worker,
            "override_price",
            what,
            lambda ctx: ctx.actor,
            lambda actor: self._set_price(code, change, actor.approver),
            changes=None,
            parent=self,
        )

    def _set_price(self, code: str, change: PriceOverride | None, approver: Actor | None) -> None:
        row = next((n for n, x in enumerate(self.model.lines) if x.item.code == code), -1)
        self.model.set_override(row, change, approver)

    def _needs_price_approval(self) -> bool:
        """A cart with changed prices and nobody yet who may allow them (a draft brought
        back, or another cashier signed in since)."""
        return (
            bool(self.model.overrides())
            and self.model.approver is None
            and not permissions.allows(self.worker.ctx.actor, "override_price")
        )

    # --- totals and paying -----------------------------------------------------------
    def _request(self) -> SaleRequest:
        return self.model.request(
            self._member.card_no if self._member else None, till=drafts.MAIN_TILL
        )

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

    def _prices_changed(self, change: Change) -> None:
        """An item, a loyalty rule or a promotion changed in the back office: the open cart
        shows the items as they are now and is quoted again by the service; an item
        retired meanwhile leaves the cart, and the cashier is told which."""
        if (
            change not in (Change.CATALOG, Change.SETTINGS, Change.PROMOTIONS)
            or self.model.is_empty()
        ):
            return

        def refresh(found: tuple[list[CatalogEntry], object]) -> None:
            on_sale = {entry.code: entry for entry in found[0]}
            retired = [line.item.name for line in self.model.lines if line.item.code not in on_sale]
            for line in self.model.lines:
                line.item = on_sale.get(line.item.code, line.item)
            for row in reversed(range(len(self.model.lines))):
                if self.model.lines[row].item.code not in on_sale:
                    self.model.remove(row)
            self._request_quote()
            if retired:
                self.show_notice(
                    self.tr("No longer on sale, taken out of the cart: {items}").format(
                        items="、".join(retired)
                    ),
                    error=True,
                )

        self.worker.run(catalog.entries, refresh, owner=self)

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
        self.points_preview.setText(
            self.tr("This sale earns {points} points").format(points=f"{quote.points_earned:,}")
        )
        self.points_preview.setVisible(self._member is not None and not self.model.is_empty())

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
        if self.payment and alive(self.payment) and self.payment.isVisible():
            return
        if self.model.is_empty():
            self.show_notice(self.tr("The cart is empty: add an item first, then F12 pays"))
            self.search.setFocus()
            return
        if self._needs_price_approval():
            self.pin_dialog = approve(
                self.worker,
                "override_price",
                self.tr("Sell with the changed prices?"),
                lambda ctx: ctx.actor,
                self._prices_approved,
                changes=None,
                parent=self,
            )
            return
        request = self._request()

        def quote_if_open(ctx: Ctx) -> PricedCart:
            dayclose.check_open(ctx)
            return checkout.quote(ctx, request)

        self.worker.run(
            quote_if_open,
            lambda quote: self._open_payment(request, quote),
            on_error=self._pay_refused,
            owner=self,
        )

    def _prices_approved(self, actor: Actor) -> None:
        self.model.approver = actor.approver
        self.pay()

    def _pay_refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError) and exc.code == "dayclose.day_closed":
            self.refresh_day()
        return self._quote_refused(exc)

    def _open_payment(self, request: SaleRequest, quote: PricedCart) -> None:
        """The dialog charges the service's quote of exactly the request it will send."""
        if self.payment and alive(self.payment) and self.payment.isVisible():
            return
        self.payment = PaymentDialog(self.worker, request, quote, self, self.model.approver)
        self.payment.paid.connect(self._paid)
        open_dialog(self.payment)

    def _paid(self, result: SaleResult) -> None:
        self.model.clear()
        self.hide_notice()
        self.summary = SaleSummaryDialog(result, self)
        self.summary.print_requested.connect(self.print_receipt_requested)
        open_dialog(self.summary)
        self.sale_completed.emit(result)
