"""The cart (购物车) as a Qt table model, showing the service's quote of it.

The model holds what the cashier chose (items, quantities, vouchers, who does each line,
a price changed at the till); every figure it shows comes from `checkout.quote` (set with
`set_quote`), priced by the same function that `checkout.sell` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from spa_pos.money import format_fen
from spa_pos.services import pricing, therapists
from spa_pos.services.catalog import CatalogEntry
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import Actor
from spa_pos.services.drafts import Draft, DraftLine
from spa_pos.services.pricing import MAX_QTY, PricedCart
from spa_pos.services.vouchers import VoucherCheck

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    PRICE = 1
    QTY = 2
    DISCOUNT = 3
    AMOUNT = 4
    THERAPIST = 5
    REMOVE = 6


@dataclass
class CartLine:
    item: CatalogEntry
    qty: int
    therapist: str | None = None  # who does it (技师): services and courses only
    override: PriceOverride | None = None  # the price changed at the till (改价)


class CartModel(QAbstractTableModel):
    changed = Signal()  # lines, quantities or vouchers changed: the quote is out of date

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[CartLine] = []
        self.vouchers: list[VoucherCheck] = []
        self.revision = 0  # counts the changes; a quote is for one revision
        self._quote = pricing.EMPTY
        self._quote_revision = 0
        self.suggested: str | None = None  # the member's usual therapist, for new lines
        # The manager who approved the cart's changed prices with their PIN; the sale is
        # made with them as its approver. None: nobody yet (or no PIN was needed).
        self.approver: Actor | None = None

    # --- editing ---------------------------------------------------------------------
    def add(self, item: CatalogEntry, qty: int = 1) -> int:
        """Add `qty` of an item (to its line if there is one); returns the row."""
        for row, line in enumerate(self.lines):
            if line.item.code == item.code:
                self.set_qty(row, line.qty + qty)
                return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        therapist = self.suggested if self._served(item) else None
        self.lines.append(CartLine(item, min(max(qty, 1), MAX_QTY), therapist))
        self.endInsertRows()
        self._update()
        return row

    def set_qty(self, row: int, qty: int) -> bool:
        if not 0 <= row < len(self.lines) or not 1 <= qty <= MAX_QTY:
            return False
        self.lines[row].qty = qty
        self._update()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self._update()

    def add_voucher(self, voucher: VoucherCheck) -> None:
        self.vouchers.append(voucher)
        self._update()

    def remove_voucher(self, code: str) -> None:
        self.vouchers = [v for v in self.vouchers if v.code != code]
        self._update()

    def has_voucher(self, code: str) -> bool:
        return any(v.code == code for v in self.vouchers)

    def clear(self) -> None:
        self.beginResetModel()
        self.lines.clear()
        self.vouchers.clear()
        self.approver = None
        self.endResetModel()
        self._update()

    def is_empty(self) -> bool:
        return not self.lines and not self.vouchers

    def units(self) -> int:
        """How many things the cart holds: the items' units and the vouchers."""
        return sum(line.qty for line in self.lines) + len(self.vouchers)

    def load(
        self,
        lines: list[tuple[CatalogEntry, int]],
        vouchers: list[VoucherCheck],
        therapists: dict[str, str] | None = None,
        overrides: dict[str, PriceOverride] | None = None,
    ) -> None:
        """Replace the cart with these lines and vouchers (a restored draft), each line
        with its therapist and changed price (by item code): one change. A changed price
        restored has no approver: paying asks for one again."""
        served, changed = therapists or {}, overrides or {}
        self.beginResetModel()
        self.lines = [
            CartLine(
                item,
                qty,
                served.get(item.code) if self._served(item) else None,
                changed.get(item.code),
            )
            for item, qty in lines
        ]
        self.vouchers = list(vouchers)
        self.approver = None
        self.endResetModel()
        self._update()

    @property
    def quote(self) -> PricedCart:
        """The last quote received: the figures shown until the next one arrives."""
        return self._quote

    @property
    def quote_is_current(self) -> bool:
        return self._quote_revision == self.revision

    def set_quote(self, revision: int, quote: PricedCart) -> bool:
        """Show the service's quote of `revision`; a quote of an older cart is dropped."""
        if revision != self.revision:
            return False
        self._quote, self._quote_revision = quote, revision
        self._refresh()
        return True

    def items(self) -> list[tuple[str, int]]:
        return [(line.item.code, line.qty) for line in self.lines]

    def request(self, member: str | None, till: str | None = None) -> SaleRequest:
        """The sale this cart asks for (no payments yet); selling it ends `till`'s draft."""
        return SaleRequest(
            items=self.items(),
            member=member,
            vouchers=[v.text for v in self.vouchers],
            till=till,
            therapists=self.therapists(),
            overrides=self.overrides(),
        )

    # --- a price changed at the till (改价) ------------------------------------------
    def set_override(
        self, row: int, change: PriceOverride | None, approver: Actor | None = None
    ) -> bool:
        """Change the line's price (None: back to the list price); `approver` is the
        manager who allowed it on the spot, if one had to."""
        if not 0 <= row < len(self.lines):
            return False
        self.lines[row].override = change
        if approver is not None:
            self.approver = approver
        self._update()
        return True

    def overrides(self) -> dict[str, PriceOverride]:
        """Item code -> the changed price, for the lines that have one."""
        return {x.item.code: x.override for x in self.lines if x.override is not None}

    # --- who serves each line (技师) -------------------------------------------------
    @staticmethod
    def _served(item: CatalogEntry) -> bool:
        return item.kind in therapists.SERVED_KINDS

    def takes_therapist(self, row: int) -> bool:
        return 0 <= row < len(self.lines) and self._served(self.lines[row].item)

    def set_therapist(self, row: int, name: str | None) -> bool:
        """Name who does this line; a product takes nobody. The price does not change, so
        the quote stands."""
        if not self.takes_therapist(row):
            return False
        self.lines[row].therapist = name
        cell = self.index(row, Column.THERAPIST)
        self.dataChanged.emit(cell, cell)
        return True

    def suggest(self, name: str | None) -> None:
        """The member's usual therapist (`therapists.suggestion`): new service lines take
        it, and so do those in the cart that name nobody yet."""
        self.suggested = name
        for row, line in enumerate(self.lines):
            if line.therapist is None and name is not None:
                self.set_therapist(row, name)

    def therapists(self) -> dict[str, str]:
        """Item code -> therapist, for the lines that name one (`SaleRequest.therapists`)."""
        return {x.item.code: x.therapist for x in self.lines if x.therapist}

    def draft(self, member: str | None) -> Draft:
        """What the cart holds, to keep as the till's draft (vouchers by code)."""
        lines = [
            DraftLine(x.item.code, x.qty, x.item.price_fen, x.therapist, x.override)
            for x in self.lines
        ]
        return Draft(lines, member, [v.code for v in self.vouchers])

    def _update(self) -> None:
        self.revision += 1
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(Column) - 1)
            )

    # --- the Qt model ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(Column(section))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.NAME: self.tr("Item"),
            Column.PRICE: self.tr("Price"),
            Column.QTY: self.tr("Qty"),
            Column.DISCOUNT: self.tr("Voucher"),
            Column.AMOUNT: self.tr("Amount"),
            Column.THERAPIST: self.tr("Therapist"),
            Column.REMOVE: "",
        }[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = Column(index.column())
        priced = self._quote.line_for(line.item.code)  # None until the line's first quote
        free = priced.free_units if priced else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.NAME: line.item.name,
                Column.PRICE: self._price_text(line, priced),
                Column.QTY: str(line.qty),
                Column.DISCOUNT: (self.tr("{n} free").format(n=free) if free else ""),
                Column.AMOUNT: format_fen(priced.payable_fen) if priced else "",
                Column.THERAPIST: self._therapist_text(index.row()),
                Column.REMOVE: "✕",
            }[column]
        if role == Qt.ItemDataRole.EditRole and column == Column.QTY:
            return line.qty
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.REMOVE:
            return self.tr("Remove (Delete)")
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == Column.THERAPIST
            and self.takes_therapist(index.row())
        ):
            return self.tr("Who does it: click, or select the line and press T")
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.PRICE:
            return self._price_tip(line)
        return None

    def _price_text(self, line: CartLine, priced: pricing.PricedLine | None) -> str:
        """The price the quote charges; a changed one is marked."""
        if priced is None or not priced.overridden:
            return format_fen(line.item.price_fen)
        return self.tr("{price} (changed)").format(price=format_fen(priced.item.price_fen))

    def _price_tip(self, line: CartLine) -> str:
        if line.override is None:
            return self.tr("Change the price: click, or select the line and press P")
        return self.tr("List price {price}; changed because: {reason}").format(
            price=format_fen(line.item.price_fen), reason=line.override.reason
        )

    def _therapist_text(self, row: int) -> str:
        if not self.takes_therapist(row):
            return ""
        return self.lines[row].therapist or self.tr("choose")

    @staticmethod
    def _alignment(column: Column) -> int:
        if column == Column.NAME:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if column in (Column.QTY, Column.THERAPIST, Column.REMOVE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == Column.QTY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Column.QTY:
            return False
        try:
            qty = int(str(value))
        except ValueError:
            return False
        return self.set_qty(index.row(), qty)

    def retranslate(self) -> None:
        """Models get no LanguageChange event; the view's owner calls this."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._refresh()
