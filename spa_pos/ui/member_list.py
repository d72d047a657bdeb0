"""The member list (会员列表) in 管理, behind the manager PIN: a filter bar, a sortable
table that fetches its rows a page at a time through the DB worker (100,000 members never
come into the window at once), export of the whole filter, and a targeted coupon (发券) or
a message (发消息) to everyone in it after a confirmation naming how many.

Every figure, the filter's rules and the count come from `services.member_list`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services import member_list
from spa_pos.services.context import Ctx
from spa_pos.services.exports import ExportResult
from spa_pos.services.member_list import Batch, Choices, Filter, Page, Row
from spa_pos.ui.changes import Change
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import (
    Button,
    add_field,
    button,
    button_bar,
    confirm,
    form_grid,
    label,
    open_dialog,
    resize_within_screen,
    row,
)
from spa_pos.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
PAGE = member_list.PAGE_SIZE
ANY = None  # the "全部" choice of a filter combo
VISITS = (30, 90, 180)  # "came within N days" / "not for N days" choices
TAGS_COLUMN = 4
SORT_OF_COLUMN = (
    "card",
    "name",
    None,  # the phone: not sortable
    "tier",
    None,  # tags
    "balance",
    "last_visit",
    "spend",
    "favourite",
)


class MemberTableModel(QAbstractTableModel):
    """As many rows as the filter holds; a row's page is asked of the worker the first
    time the view shows it."""

    page_loaded = Signal(int)  # the total after a page arrived

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.flt = Filter()
        self.sort_key = "card"
        self.descending = False
        self.total = 0
        self.pages: dict[int, list[Row]] = {}
        self._asked: set[int] = set()
        self._generation = 0  # answers to an older filter or sort are dropped
        self._headers = self.headers()

    def headers(self) -> list[str]:
        return [
            self.tr("Card"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Tier"),
            self.tr("Tags"),
            self.tr("Points"),
            self.tr("Last visit"),
            self.tr("Spend (12 months)"),
            self.tr("Favourite"),
        ]

    def load(self, flt: Filter) -> None:
        self.flt = flt
        self._reload()

    def _reload(self) -> None:
        self._generation += 1
        self._asked.clear()
        self.beginResetModel()
        self.pages.clear()
        self.endResetModel()
        self._fetch(0)

    def _fetch(self, number: int) -> None:
        if number in self._asked:
            return
        self._asked.add(number)
        flt, key, desc, generation = self.flt, self.sort_key, self.descending, self._generation
        self.worker.run(
            lambda ctx: member_list.page(
                ctx, flt, sort=key, descending=desc, offset=number * PAGE, limit=PAGE
            ),
            lambda page: self._arrived(generation, number, page),
            owner=self,
        )

    def _arrived(self, generation: int, number: int, page: Page) -> None:
        if generation != self._generation:
            return
        if page.total != self.total:
            self.beginResetModel()
            self.total = page.total
            self.pages[number] = page.rows
            self.endResetModel()
        elif page.rows:  # a later page came in (an empty one changes nothing shown)
            self.pages[number] = page.rows
            first = number * PAGE
            self.dataChanged.emit(
                self.index(first, 0), self.index(first + len(page.rows) - 1, self.columnCount() - 1)
            )
        self.page_loaded.emit(page.total)

    def row_at(self, index: int) -> Row | None:
        rows = self.pages.get(index // PAGE)
        if rows is None:
            self._fetch(index // PAGE)
            return None
        return rows[index % PAGE] if index % PAGE < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

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
            found = self.row_at(index.row())
            return "…" if found is None else self.cells(found)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cells(self, r: Row) -> list[str]:
        return [
            r.card_no,
            r.name,
            r.phone,
            r.tier,
            " ".join(r.tags),
            str(r.balance),
            r.last_visit.isoformat() if r.last_visit else self.tr("Never"),
            format_fen(r.spend_fen),
            r.favourite,
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN[column]
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self._reload()


class MemberListDialog(QDialog):
    """The list, acting as the manager who opened it."""

    def __init__(
        self, worker: DbWorker, manager: Ctx, choices: Choices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker, self.manager, self.choices = worker, manager, choices
        self.setWindowTitle(self.tr("Member list"))
        resize_within_screen(self, QSize(1300, 700))
        self.tag = self._combo(
            "filterTag", [(self.tr("Any tag"), ANY), *((t, t) for t in choices.tags)]
        )
        self.tier = self._combo(
            "filterTier", [(self.tr("Any tier"), ANY), *((t, t) for t in choices.tiers)]
        )
        self.month = self._combo(
            "filterMonth",
            [
                (self.tr("Any birthday"), ANY),
                *((self.tr("Born in month {m}").format(m=m), m) for m in range(1, 13)),
            ],
        )
        self.favourite = self._combo(
            "filterFavourite",
            [(self.tr("Any favourite"), ANY), *((c, c) for c in choices.categories)],
        )
        self.visit = self._combo(
            "filterVisit",
            [
                (self.tr("Any last visit"), ANY),
                *((self.tr("Came within {n} days").format(n=n), n) for n in VISITS),
                *((self.tr("Not for {n} days").format(n=n), -n) for n in VISITS),
            ],
        )
        self.spend_min = named(QLineEdit(), "filterSpendMin")
        self.spend_min.setPlaceholderText(self.tr("Spend from ¥"))
        self.spend_max = named(QLineEdit(), "filterSpendMax")
        self.spend_max.setPlaceholderText(self.tr("to ¥"))
        for edit in (self.spend_min, self.spend_max):
            edit.setMaximumWidth(110)
            edit.returnPressed.connect(self.apply)
        self.search = button(self.tr("Filter"), "primary")
        self.search.setObjectName("applyFilter")
        self.search.clicked.connect(self.apply)
        self.total = label("", "muted")
        self.total.setObjectName("memberTotal")
        self.problem = label("", "error")
        self.model = MemberTableModel(worker, self)
        self.model.page_loaded.connect(self._counted)
        self.table = named(QTableView(), "memberTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Fixed, not fitted to contents: fitting would read (fetch) a thousand rows.
        header.setSectionResizeMode(TAGS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(TAGS_COLUMN, 260)
        self.export_button = button(self.tr("Export…"))
        self.export_button.setObjectName("exportList")
        self.export_button.clicked.connect(self.ask_export)
        self.coupon_button = button(self.tr("Give a coupon…"))
        self.coupon_button.setObjectName("giveCoupon")
        self.coupon_button.clicked.connect(self.ask_coupon)
        self.message_button = button(self.tr("Send a message…"))
        self.message_button.setObjectName("sendMessage")
        self.message_button.clicked.connect(self.ask_message)
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row(self.tag, self.tier, self.visit, self.month, self.favourite))
        second = row(self.spend_min, self.spend_max, self.search, self.problem)
        second.addStretch(1)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addLayout(
            button_bar(
                self.export_button,
                self.coupon_button,
                self.message_button,
                close,
                left=(self.total,),
            )
        )
        self.filter_now = Filter()
        for combo in (self.tag, self.tier, self.visit, self.month, self.favourite):
            combo.currentIndexChanged.connect(lambda _: self.apply())
        self.apply()

    def _combo(self, name: str, entries: list[tuple[str, object]]) -> QComboBox:
        combo = named(QComboBox(), name)
        for text, value in entries:
            combo.addItem(text, value)
        return combo

    def current_filter(self) -> Filter:
        """The filter the bar shows (DomainError: a spend that is not an amount)."""
        visit = self.visit.currentData()
        today = self.choices.today
        return Filter(
            tag=self.tag.currentData(),
            tier=self.tier.currentData(),
            visited_from=today - timedelta(days=visit) if visit and visit > 0 else None,
            visited_to=today - timedelta(days=-visit) if visit and visit < 0 else None,
            birthday_month=self.month.currentData(),
            spend_min_fen=parse_yuan(self.spend_min.text())
            if self.spend_min.text().strip()
            else None,
            spend_max_fen=parse_yuan(self.spend_max.text())
            if self.spend_max.text().strip()
            else None,
            favourite=self.favourite.currentData(),
        )

    def apply(self) -> None:
        try:
            self.filter_now = self.current_filter()
        except DomainError as exc:
            self._tell(str(exc), refused=True)
            return
        self._tell("")
        self.total.setText(self.tr("Counting…"))
        self.model.load(self.filter_now)

    def _counted(self, total: int) -> None:
        self.total.setText(self.tr("{count} members").format(count=total))
        for widget in (self.export_button, self.coupon_button, self.message_button):
            widget.setEnabled(total > 0)

    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self._tell(str(exc), refused=True)
            return True
        return False

    def _tell(self, text: str, *, refused: bool = False) -> None:
        """One line next to the filter: a refusal in red, what was done (exported, coupons
        given, messages queued) in grey."""
        set_role(self.problem, "error" if refused else "muted")
        self.problem.setText(text)

    # --- export ----------------------------------------------------------------------
    def ask_export(self) -> None:
        picker = QFileDialog(self, self.tr("Export to"))
        picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        picker.setNameFilters(["Excel (*.xlsx)", "CSV (*.csv)"])
        picker.setDefaultSuffix("xlsx")
        picker.fileSelected.connect(lambda path: self.export_to(Path(path)))
        picker.open()

    def export_to(self, path: Path) -> None:
        """As the manager who opened the list (`export_data`, like its coupons and
        messages): they typed their PIN for this list of members, so none is asked again."""
        flt, key, desc, manager = (
            self.filter_now,
            self.model.sort_key,
            self.model.descending,
            self.manager,
        )
        self.worker.run(
            lambda _: member_list.export(manager, flt, path, sort=key, descending=desc),
            self._exported,
            on_error=self._refused,
            owner=self,
        )

    def _exported(self, result: ExportResult) -> None:
        self._tell(
            self.tr("Exported {rows} members to {file}.").format(rows=result.rows, file=result.file)
        )

    # --- a coupon or a message to everyone in the filter -------------------------------
    def ask_coupon(self) -> None:
        dialog = CouponDialog(self.choices.rewards, self)
        dialog.chosen.connect(self._confirm_coupon)
        open_dialog(dialog)

    def _confirm_coupon(self, reward: str, name: str, reason: str) -> None:
        flt, count = self.filter_now, self.model.total
        manager = self.manager
        self.confirmation = confirm(
            self,
            self.tr("Give a coupon"),
            self.tr(
                "Give one “{reward}” voucher, at no points, to each of the {count} members "
                "in this list?"
            ).format(reward=name, count=count),
            lambda: self.worker.run(
                lambda _: member_list.issue_coupon(manager, flt, reward, reason),
                lambda batch: self._done(
                    self.tr("Gave {count} vouchers of “{reward}”.").format(
                        count=batch.count, reward=name
                    )
                ),
                on_error=self._refused,
                changes=Change.REDEMPTIONS,
                owner=self,
            ),
        )

    def ask_message(self) -> None:
        dialog = MessageDialog(self)
        dialog.written.connect(self._count_for_message)
        open_dialog(dialog)

    def _count_for_message(self, text: str) -> None:
        flt = self.filter_now
        self.worker.run(
            lambda ctx: member_list.count(ctx, flt, with_consent=True),
            lambda consenting: self._confirm_message(text, consenting),
            on_error=self._refused,
            owner=self,
        )

    def _confirm_message(self, text: str, consenting: int) -> None:
        flt, manager, count = self.filter_now, self.manager, self.model.total
        self.confirmation = confirm(
            self,
            self.tr("Send a message"),
            self.tr(
                "Queue this message for the {consenting} members who agreed to receive "
                "messages? ({others} others in the list did not and get nothing.)"
            ).format(consenting=consenting, others=count - consenting),
            lambda: self.worker.run(
                lambda _: member_list.queue_message(manager, flt, text),
                lambda batch: self._done(self._queued_text(batch)),
                on_error=self._refused,
                owner=self,
            ),
        )

    def _queued_text(self, batch: Batch) -> str:
        return self.tr("Queued {count} messages in the outbox.").format(count=batch.count)

    def _done(self, text: str) -> None:
        self._tell(text)
        self.model.load(self.filter_now)


class CouponDialog(QDialog):
    chosen = Signal(str, str, str)  # reward code, reward name, reason

    def __init__(self, rewards: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Give a coupon"))
        self.reward = named(QComboBox(), "couponReward")
        for code, name in rewards:
            self.reward.addItem(f"{name} ({code})", code)
        self.reason = named(QLineEdit(), "couponReason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. neck and shoulder care month"))
        grid = form_grid()
        add_field(grid, self.tr("Reward"), self.reward)
        add_field(grid, self.tr("Reason"), self.reason)
        ok = button(self.tr("Next…"), "primary")
        ok.setObjectName("couponNext")
        ok.clicked.connect(self._next)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(button_bar(ok, cancel))

    def _next(self) -> None:
        code = self.reward.currentData()
        if code is None:
            return
        self.accept()
        self.chosen.emit(str(code), self.reward.currentText(), self.reason.text())


class MessageDialog(QDialog):
    written = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send a message"))
        self.text = named(QPlainTextEdit(), "messageText")
        self.text.setPlaceholderText(self.tr("{姓名} becomes each member's name"))
        ok = button(self.tr("Next…"), "primary")
        ok.setObjectName("messageNext")
        ok.clicked.connect(self._next)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(button_bar(ok, cancel))

    def _next(self) -> None:
        self.accept()
        self.written.emit(self.text.toPlainText())


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def load_choices(manager: Ctx) -> Choices:
    return member_list.choices(manager)


T = TypeVar("T")


class Office(Protocol):
    """What the button needs of 管理 (`ManagePage`): its worker, and opening a screen
    after the manager PIN."""

    worker: DbWorker

    def _as_manager(
        self, what: str, load: Callable[[Ctx], T], screen: Callable[[Ctx, T], QDialog]
    ) -> None: ...


class MemberListButton(Button):
    """管理's way in (one line there): asks the manager PIN, then opens the list."""

    def __init__(self, page: Office) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("openMemberList")
        self.clicked.connect(self.open_list)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Member list…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_list(self) -> None:
        page = self.page
        page._as_manager(
            self.tr("Open the member list: filter, export, coupons and messages."),
            load_choices,
            lambda manager, choices: MemberListDialog(
                page.worker, manager, choices, parent=self.window()
            ),
        )
