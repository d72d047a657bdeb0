"""The reward catalog (积分商城) in 管理: a table of rewards with the chosen one's stock
history, a dialog to add or edit a reward (checked next to each field as it is typed, by
`rewards.validate_reward` on the worker) and one to restock with a reason.

Like the catalog screen it opens after the manager PIN and acts with the manager's
context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services import catalog, rewards
from spa_pos.services.catalog import FieldProblems
from spa_pos.services.context import Ctx
from spa_pos.services.rewards import RewardForm, RewardRow, StockChange
from spa_pos.ui.catalog_screen import whole_number
from spa_pos.ui.changes import Change
from spa_pos.ui.live_form import Check, LiveChecks, set_invalid
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    open_dialog,
    read_only_table,
    resize_within_screen,
    row,
)
from spa_pos.ui.worker import DbWorker

COUPON = ""  # the "gives" choice of a coupon (the others are item codes)


@dataclass(frozen=True)
class _Draft:
    form: RewardForm
    local_errors: dict[str, str]


@dataclass(frozen=True)
class Offer:
    """An item a reward may give: a service or product on sale."""

    code: str
    name: str


def offers(ctx: Ctx) -> list[Offer]:
    return [
        Offer(i.code, i.name)
        for i in catalog.list_items(ctx)
        if i.kind in rewards.REWARD_KIND_OF_ITEM
    ]


class RewardDialog(QDialog):
    saved = Signal(object)  # RewardRow
    validated = Signal(dict)

    def __init__(
        self,
        worker: DbWorker,
        manager: Ctx,
        items: list[Offer],
        existing: RewardRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker, self.manager = worker, manager
        self.editing = existing.code if existing else None
        self.live = LiveChecks(
            self, worker, self._check, self.validated.emit, (self.tr("Save (Enter)"), self.save)
        )
        self.errors = self.live.errors
        self.setWindowTitle(
            self.tr("Edit {name}").format(name=existing.name) if existing else self.tr("New reward")
        )
        self.setModal(True)
        self.setMinimumWidth(600)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Letters and digits, e.g. RJJ1"))
        self.name = QLineEdit()
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(self.tr("Points, e.g. 300"))
        self.gives = QComboBox()
        self.gives.addItem(self.tr("A coupon"), COUPON)
        for item in items:
            self.gives.addItem(f"{item.name} ({item.code})", item.code)
        self.coupon = QLineEdit()
        self.coupon.setPlaceholderText(self.tr("Yuan, e.g. 20"))
        self.stock = QLineEdit()
        self.stock.setPlaceholderText(self.tr("Empty: unlimited"))
        self.active = QCheckBox(self.tr("Offered (can be redeemed)"))
        self.active.setChecked(True)
        self.fields: dict[str, QWidget] = {
            "code": self.code,
            "name": self.name,
            "points_cost": self.cost,
            "item_code": self.gives,
            "coupon_fen": self.coupon,
            "stock": self.stock,
            "active": self.active,
        }
        captions = {
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "points_cost": self.tr("Cost in points"),
            "item_code": self.tr("The voucher gives"),
            "coupon_fen": self.tr("Coupon amount"),
            "stock": self.tr("Stock"),
            "active": self.tr("Status"),
        }
        form = form_grid()
        for key, widget in self.fields.items():
            widget.setObjectName(f"field_{key}")
            add_field(form, captions[key], widget, self.live.error_label(key, widget))
        self.live.lay_out(form, self.tr("Cancel (Esc)"))
        if existing:
            self._fill(existing)
        for key, edit in (
            ("code", self.code),
            ("name", self.name),
            ("points_cost", self.cost),
            ("coupon_fen", self.coupon),
            ("stock", self.stock),
        ):
            edit.textEdited.connect(lambda _=None, key=key: self.live.changed(key))
        self.gives.currentIndexChanged.connect(self._gives_changed)
        self.active.toggled.connect(lambda _: self.live.changed("active"))
        self._show_coupon()
        (self.name if existing else self.code).setFocus()

    def _fill(self, reward: RewardRow) -> None:
        self.code.setText(reward.code)
        self.code.setReadOnly(True)
        self.name.setText(reward.name)
        self.cost.setText(str(reward.points_cost))
        if reward.item_code:
            index = self.gives.findData(reward.item_code)
            if index < 0:  # a retired item: shown, so the reward's own value stays visible
                self.gives.addItem(reward.gives or reward.item_code, reward.item_code)
                index = self.gives.count() - 1
            self.gives.setCurrentIndex(index)
        if reward.coupon_fen is not None:
            self.coupon.setText(f"{reward.coupon_fen / 100:.2f}")
        self.stock.setText("" if reward.stock is None else str(reward.stock))
        self.active.setChecked(reward.active)

    def _gives_changed(self) -> None:
        self._show_coupon()
        self.live.changed("item_code")

    def _show_coupon(self) -> None:
        self.coupon.setEnabled(self.gives.currentData() == COUPON)

    def draft(self) -> _Draft:
        local: dict[str, str] = {}
        not_whole = self.tr("Enter a whole number")
        cost, problem = whole_number(self.cost.text(), not_whole)
        if problem:
            local["points_cost"] = problem
        stock, problem = whole_number(self.stock.text(), not_whole)
        if problem:
            local["stock"] = problem
        item_code = self.gives.currentData()
        coupon: int | None = None
        if item_code == COUPON:
            try:
                coupon = parse_yuan(self.coupon.text() or "0")
            except DomainError as exc:
                local["coupon_fen"] = str(exc)
        form = RewardForm(
            code=self.code.text(),
            name=self.name.text(),
            points_cost=cost or 0,
            item_code=None if item_code == COUPON else str(item_code),
            coupon_fen=coupon if item_code == COUPON else None,
            stock=stock,
            active=self.active.isChecked(),
        )
        return _Draft(form, local)

    def _check(self) -> Check:
        draft = self.draft()
        manager, editing = self.manager, self.editing
        return (
            lambda _: rewards.check_reward(manager, draft.form, editing=editing),
            draft.local_errors,
        )

    def save(self) -> None:
        draft = self.draft()
        if not self.live.ready(draft.local_errors):
            return
        manager, editing, form = self.manager, self.editing, draft.form

        def job(_: Ctx) -> RewardRow:
            if editing:
                return rewards.edit_reward(manager, editing, form)
            return rewards.add_reward(manager, form)

        self.live.save(job, self.saved.emit, changes=Change.CATALOG)


class RestockDialog(QDialog):
    """Add to the stock (a delivery) or take from it (breakage, a count), with why."""

    saved = Signal(object)  # RewardRow

    def __init__(
        self, worker: DbWorker, manager: Ctx, reward: RewardRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker, self.manager, self.code = worker, manager, reward.code
        self.setWindowTitle(self.tr("Restock {name}").format(name=reward.name))
        self.setModal(True)
        self.setMinimumWidth(520)
        self.delta = QLineEdit()
        self.delta.setObjectName("field_delta")
        self.delta.setPlaceholderText(self.tr("e.g. 10, or -2 for breakage"))
        self.reason = QLineEdit()
        self.reason.setObjectName("field_reason")
        self.reason.setPlaceholderText(self.tr("e.g. delivery, breakage, stock count"))
        self.errors = {
            "delta": label("", "error", wrap=True),
            "reason": label("", "error", wrap=True),
        }
        form = form_grid()
        add_field(form, self.tr("Change"), self.delta, self.errors["delta"])
        add_field(form, self.tr("Reason"), self.reason, self.errors["reason"])
        for error in self.errors.values():
            error.hide()
        now = self.tr("Unlimited") if reward.stock is None else str(reward.stock)
        self.save_button = button(self.tr("Save (Enter)"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(label(self.tr("In stock now: {stock}").format(stock=now), "muted"))
        layout.addLayout(form)
        layout.addLayout(button_bar(cancel, self.save_button))
        self.delta.setFocus()

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.setText(errors.get(key, ""))
            error.setVisible(key in errors)
        set_invalid(self.delta, "delta" in errors)
        set_invalid(self.reason, "reason" in errors)

    def save(self) -> None:
        delta, problem = whole_number(self.delta.text(), self.tr("Enter a whole number"))
        if problem or delta is None:
            self.show_errors({"delta": problem or self.tr("Enter a whole number")})
            return
        self.save_button.setEnabled(False)
        manager, code, reason = self.manager, self.code, self.reason.text()
        self.worker.run(
            lambda _: rewards.restock(manager, code, delta, reason),
            self._saved,
            on_error=self._refused,
            changes=Change.CATALOG,
            owner=self,
        )

    def _saved(self, reward: RewardRow) -> None:
        self.saved.emit(reward)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(exc, FieldProblems):
            self.show_errors(exc.problems)
            return True
        if isinstance(exc, DomainError):  # the stock it would leave
            self.show_errors({"delta": str(exc)})
            return True
        return False


class RewardsDialog(QDialog):
    """The rewards and the chosen one's stock history; Enter edits, Ctrl+N adds, Ctrl+R
    restocks."""

    loaded = Signal()
    history_loaded = Signal()

    def __init__(self, worker: DbWorker, manager: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.manager = worker, manager
        self.rewards: list[RewardRow] = []
        self.moves: list[StockChange] = []
        self.child: QDialog | None = None
        self.setModal(True)
        resize_within_screen(self, QSize(1080, 720))
        self.heading = label("", "title")
        self.table = read_only_table(6)
        self.table.setObjectName("rewardsTable")
        self.table.activated.connect(lambda _: self.edit_selected())
        self.table.itemSelectionChanged.connect(self.load_history)
        self.history_title = label("", "section")
        self.history = read_only_table(6)
        self.history.setObjectName("stockHistory")
        self.add_button = button("", "primary")
        self.add_button.clicked.connect(self.add_reward)
        self.edit_button = button()
        self.edit_button.clicked.connect(self.edit_selected)
        self.restock_button = button()
        self.restock_button.setObjectName("restock")
        self.restock_button.clicked.connect(self.restock_selected)
        self.close_button = button()
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_reward)
        QShortcut(QKeySequence("Ctrl+R"), self, self.restock_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(row(self.heading))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 2)
        left = (self.add_button, self.edit_button, self.restock_button)
        layout.addLayout(button_bar(self.close_button, left=left))
        self.retranslate()
        self.reload()
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rewards"))
        self.heading.setText(self.tr("Rewards for points"))
        self.add_button.setText(self.tr("New reward (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit (Enter)"))
        self.restock_button.setText(self.tr("Restock (Ctrl+R)"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.history_title.setText(self.tr("Stock history"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Cost"),
                self.tr("The voucher gives"),
                self.tr("Stock"),
                self.tr("Status"),
            ]
        )
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Change"),
                self.tr("Stock after"),
                self.tr("Reason"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self, select: str | None = None) -> None:
        manager = self.manager
        self.worker.run(
            lambda _: rewards.list_rewards(manager),
            lambda found: self.show_rewards(found, select),
            owner=self,
        )

    def show_rewards(self, found: list[RewardRow], select: str | None = None) -> None:
        self.rewards = found
        self.table.setRowCount(len(found))
        for n, r in enumerate(found):
            gives = (
                r.gives
                if r.item_code
                else self.tr("Coupon {amount}").format(amount=format_fen(r.coupon_fen or 0))
            )
            cells = (
                r.code,
                r.name,
                self.tr("{points} points").format(points=r.points_cost),
                gives,
                self.tr("Unlimited") if r.stock is None else str(r.stock),
                self.tr("Offered") if r.active else self.tr("Retired"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        codes = [r.code for r in found]
        if found:
            with QSignalBlocker(self.table):
                self.table.selectRow(codes.index(select) if select in codes else 0)
            self.load_history()  # the same row may stay selected: its stock moved
        self.loaded.emit()

    def selected(self) -> RewardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rewards[rows[0].row()] if rows and self.rewards else None

    def load_history(self) -> None:
        reward = self.selected()
        if reward is None:
            return
        manager, code = self.manager, reward.code
        self.worker.run(
            lambda _: rewards.stock_history(manager, code), self.show_history, owner=self
        )

    def show_history(self, moves: list[StockChange]) -> None:
        self.moves = moves
        self.history.setRowCount(len(moves))
        for n, m in enumerate(moves):
            cells = (
                f"{m.at:%Y-%m-%d %H:%M}",
                m.actor,
                m.kind_text,
                f"{m.delta:+d}",
                self.tr("Unlimited") if m.stock_after is None else str(m.stock_after),
                m.reason,
            )
            for column, text in enumerate(cells):
                self.history.setItem(n, column, QTableWidgetItem(text))
        self.history_loaded.emit()

    def _child_open(self) -> bool:
        return self.child is not None and self.child.isVisible()

    def add_reward(self) -> None:
        self._open_reward(None)

    def edit_selected(self) -> None:
        reward = self.selected()
        if reward is not None:
            self._open_reward(reward)

    def _open_reward(self, reward: RewardRow | None) -> None:
        if self._child_open():
            return
        manager = self.manager

        def show(items: list[Offer]) -> None:
            dialog = RewardDialog(self.worker, manager, items, reward, parent=self)
            dialog.saved.connect(lambda saved: self.reload(saved.code))
            self.child = open_dialog(dialog)

        self.worker.run(lambda _: offers(manager), show, owner=self)

    def restock_selected(self) -> None:
        reward = self.selected()
        if reward is None or self._child_open():
            return
        dialog = RestockDialog(self.worker, self.manager, reward, parent=self)
        dialog.saved.connect(lambda saved: self.reload(saved.code))
        self.child = open_dialog(dialog)
