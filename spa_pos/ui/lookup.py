"""Member lookup (会员查询): one field for typing and scanning, a live result list and the
member panel.

Typing updates the list after a short pause (members.hits on the worker); a change that
can move a member's points or tier (`Change.touches_members`) asks the service again for
the same text, so the list never shows an older balance than the panel beside it. A scanner
types into the same field and ends with Enter: a card number opens the member, a voucher
code or QR goes to the current sale.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.services import members, vouchers
from spa_pos.services.members import MemberHit
from spa_pos.ui.changes import Change
from spa_pos.ui.member_panel import MemberPanel
from spa_pos.ui.widgets import button, label
from spa_pos.ui.worker import DbWorker

DEBOUNCE_MS = 150
CARD_ROLE = Qt.ItemDataRole.UserRole


def is_card(text: str) -> bool:
    return bool(members.CARD.match(text.strip()))


class LookupPage(QWidget):
    member_requested = Signal(str)  # card number or phone
    voucher_scanned = Signal(str)  # code or QR payload
    new_member_requested = Signal()
    results_shown = Signal(int)  # how many hits the list now shows

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._generation = 0
        self._shown_for: str | None = None  # the text the list's results belong to
        self._open_when_found = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)

        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._on_enter)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.hint = label("", "muted")
        self.new_button = button("", "primary")
        self.new_button.clicked.connect(self.new_member_requested)
        self.panel = MemberPanel()
        worker.changed.connect(self._on_changed)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.search)
        left.addWidget(self.hint)
        left.addWidget(self.results, 1)
        left.addWidget(self.new_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(left, 4)
        layout.addWidget(self.panel, 7)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Phone, last 4 digits, card, name or pinyin"))
        self.new_button.setText(self.tr("New member (F2)"))
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()
        self.search_now()
        self.focus_search()

    # --- searching -------------------------------------------------------------------
    def search_now(self, keep: str | None = None) -> None:
        """Search for the field's text; `keep`: the card whose row stays chosen."""
        self._debounce.stop()
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text or vouchers.looks_like_voucher(text):
            self._show(generation, text, [])
            return
        self.worker.run(
            lambda ctx: members.hits(ctx, text),
            lambda hits: self._show(generation, text, hits, keep),
            owner=self,
        )

    def _on_changed(self, change: Change) -> None:
        """The rows shown, as the service has them now (the same search again)."""
        shown = self._shown_for
        if change.touches_members and shown and shown == self.search.text().strip():
            current = self.results.currentItem()
            self.search_now(current.data(CARD_ROLE) if current is not None else None)

    def _show(
        self, generation: int, text: str, hits: list[MemberHit], keep: str | None = None
    ) -> None:
        if generation != self._generation:
            return  # the cashier kept typing; a newer search is on its way
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(
                self.tr("{name}   {phone}\nCard {card}  ·  {points} points").format(
                    name=hit.name,
                    phone=hit.phone_masked,
                    card=hit.card_no,
                    points=f"{hit.balance:,}",
                )
            )
            item.setData(CARD_ROLE, hit.card_no)
            self.results.addItem(item)
        if hits:
            cards = [hit.card_no for hit in hits]
            self.results.setCurrentRow(cards.index(keep) if keep in cards else 0)
        self._shown_for = text
        self._update_hint()
        self.results_shown.emit(len(hits))
        if self._open_when_found and hits:
            self.member_requested.emit(hits[0].card_no)
        self._open_when_found = False

    def _update_hint(self) -> None:
        if not self._shown_for:
            self.hint.setText(
                self.tr("Type to search; a scanned card or voucher is recognised on its own.")
            )
        elif self.results.count():
            self.hint.setText(
                self.tr("{n} found — ↑↓ to choose, Enter to open").format(n=self.results.count())
            )
        else:
            self.hint.setText(self.tr("No member found. Register them with F2."))

    # --- Enter: a scan, or open the chosen result -------------------------------------
    def _on_enter(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if is_card(text):
            self._debounce.stop()
            self.search.selectAll()
            self.member_requested.emit(text)
        elif vouchers.looks_like_voucher(text):
            self._debounce.stop()
            self.search.clear()
            self.voucher_scanned.emit(text)
        elif self._shown_for == text and self.results.currentItem() is not None:
            self._open_item(self.results.currentItem())
        else:
            self._open_when_found = True
            self.search_now()

    def _open_item(self, item: QListWidgetItem) -> None:
        self.member_requested.emit(item.data(CARD_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓ in the search field move through the results."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                current = max(0, self.results.currentRow())
                self.results.setCurrentRow(min(self.results.count() - 1, max(0, current + step)))
                return True
        return super().eventFilter(watched, event)
