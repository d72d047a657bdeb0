"""Promotions (限时活动): the list (current, upcoming, past), a new one with each problem
next to its field, and ending one early. Opened from 管理 after the manager PIN; the
manager actor the PIN gave acts for every change made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.services import promotions, tags
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.promotions import InvalidPromotion, PromotionForm, PromotionView
from spa_pos.ui.changes import Change
from spa_pos.ui.live_form import LiveChecks
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    confirm,
    form_grid,
    label,
    read_only_table,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker

# The form's two columns: when and for whom, then what and on what.
LEFT = ("name", "starts", "ends", "tag")
RIGHT = ("multiplier", "bonus", "items", "category")
FIELDS = LEFT + RIGHT
DEFAULT_DAYS = 7  # a new promotion runs a week unless changed


@dataclass(frozen=True)
class PromotionsState:
    promos: list[PromotionView]
    today: date  # the clinic's business date, for the new promotion's default period


def load(ctx: Ctx) -> PromotionsState:
    today = clk.local_date(ctx.clock.now(), settings_svc.current(ctx).timezone)
    return PromotionsState(promotions.listing(ctx), today)


class PromotionsDialog(QDialog):
    changed = Signal()  # a promotion was added or ended

    def __init__(
        self,
        worker: DbWorker,
        manager: Actor,
        state: PromotionsState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.manager = manager
        self.promos: list[PromotionView] = []
        self.setWindowTitle(self.tr("Promotions"))
        self.setModal(True)
        resize_within_screen(self, QSize(960, 720))

        self.table = read_only_table(6)
        self.table.setObjectName("promotions")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for its buttons
        self.table.setMinimumHeight(210)  # four promotions in view
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Status"),
                self.tr("Name"),
                self.tr("Points"),
                self.tr("On"),
                self.tr("Period"),
                self.tr("Ended early"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.end_button = button(self.tr("End early…"))
        self.end_button.setObjectName("endPromotion")
        self.end_button.clicked.connect(self.ask_end)

        self.fields: dict[str, QLineEdit | QComboBox] = {}
        # Each field is checked by the service as it is typed, the reason next to it.
        self.live = LiveChecks(
            self,
            worker,
            lambda: (lambda ctx: promotions.check(ctx, self.form()), {}),
            lambda _shown: None,
            (self.tr("Add promotion (Enter)"), self.submit),
        )
        self.errors = self.live.errors
        columns = {
            key: grid
            for keys, grid in ((LEFT, form_grid(90)), (RIGHT, form_grid(90)))
            for key in keys
        }
        captions = {
            "name": self.tr("Name"),
            "starts": self.tr("From"),
            "ends": self.tr("To (not included)"),
            "multiplier": self.tr("Points ×"),
            "bonus": self.tr("or bonus points"),
            "items": self.tr("Item codes"),
            "category": self.tr("or category"),
            "tag": self.tr("Only members tagged"),
        }
        hints = {
            "starts": "YYYY-MM-DD HH:MM",
            "ends": "YYYY-MM-DD HH:MM",
            "multiplier": self.tr("e.g. 2 or 1.5"),
            "bonus": self.tr("e.g. 100, once per sale"),
            "items": self.tr("codes separated by spaces; empty: all items"),
            "category": self.tr("e.g. 产品"),
        }
        for key in FIELDS:
            field: QLineEdit | QComboBox
            if key == "tag":
                field = QComboBox()
                field.addItem(self.tr("Every member"), "")
                for tag in tags.TAGS:
                    field.addItem(tag, tag)
                field.currentIndexChanged.connect(lambda _: self.live.changed("tag"))
            else:
                field = QLineEdit()
                field.setPlaceholderText(hints.get(key, ""))
                field.textEdited.connect(lambda _=None, key=key: self.live.changed(key))
            field.setObjectName(f"promo_{key}")
            self.fields[key] = field
            add_field(columns[key], captions[key], field, self.live.error_label(key, field))
        self._line("starts").setText(state.today.isoformat())
        self._line("ends").setText((state.today + timedelta(days=DEFAULT_DAYS)).isoformat())

        self.add_button = self.live.button  # the default button: Enter in the form adds
        self.add_button.setObjectName("addPromotion")
        self.status = label("", "muted", wrap=True)
        self.status.setObjectName("promotionStatus")
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addLayout(button_bar(self.end_button, left=(label(self.windowTitle(), "title"),)))
        layout.addWidget(
            label(
                self.tr(
                    "A promotion multiplies the points of the items it covers (after the "
                    "course bonus, before the tier and birthday multipliers; the largest "
                    "one if several cover an item), or adds bonus points once per sale."
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(label(self.tr("NEW PROMOTION"), "section"))
        form = QHBoxLayout()
        form.setSpacing(24)
        form.addLayout(columns[LEFT[0]], 1)
        form.addLayout(columns[RIGHT[0]], 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(button_bar(close, self.add_button))
        chain: list[QWidget] = [
            *self.fields.values(),
            self.add_button,
            self.table,
            self.end_button,
            close,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.show_list(state.promos)
        self.fields["name"].setFocus()

    def _line(self, key: str) -> QLineEdit:
        field = self.fields[key]
        assert isinstance(field, QLineEdit)
        return field

    def _as_manager(self, ctx: Ctx) -> Ctx:
        return Ctx(ctx.db, self.manager, ctx.clock, ctx.till)

    # --- the list --------------------------------------------------------------------
    def show_list(self, promos: list[PromotionView]) -> None:
        self.promos = promos
        self.table.setRowCount(len(promos))
        for row_no, p in enumerate(promos):
            cells = [
                self.status_name(p.status),
                p.name,
                f"×{p.multiplier}"
                if p.multiplier
                else self.tr("+{points} once").format(points=p.bonus),
                self.scope_text(p),
                f"{p.starts_at:%Y-%m-%d %H:%M} – {p.ends_at:%Y-%m-%d %H:%M}",
                f"{p.ended_at:%Y-%m-%d %H:%M} {p.ended_by}" if p.ended_at else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row_no, column, QTableWidgetItem(text))
        self._selection_changed()

    def status_name(self, status: str) -> str:
        return {
            "current": self.tr("Running"),
            "upcoming": self.tr("Upcoming"),
            "past": self.tr("Over"),
        }[status]

    def scope_text(self, p: PromotionView) -> str:
        scope = " ".join(p.items) or p.category or self.tr("All items")
        if p.tag:
            scope += " · " + self.tr("only {tag} members").format(tag=p.tag)
        return scope

    def chosen(self) -> PromotionView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.promos[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        self.end_button.setEnabled(chosen is not None and chosen.status != "past")

    def refresh(self) -> None:
        self.worker.run(lambda ctx: promotions.listing(ctx), self.show_list, owner=self)

    # --- ending one ------------------------------------------------------------------
    def ask_end(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.status == "past":
            return
        confirm(
            self,
            self.tr("End early"),
            self.tr("End the promotion “{name}” now? Sales already made keep their points.").format(
                name=chosen.name
            ),
            lambda: self.end(chosen.id),
        )

    def end(self, promo_id: int) -> None:
        self.worker.run(
            lambda ctx: promotions.end(self._as_manager(ctx), promo_id),
            self._ended,
            on_error=self._refused,
            changes=Change.PROMOTIONS,
            owner=self,
        )

    def _ended(self, view: PromotionView) -> None:
        self.status.setText(self.tr("“{name}” has ended.").format(name=view.name))
        self.changed.emit()
        self.refresh()

    # --- adding one ------------------------------------------------------------------
    def form(self) -> PromotionForm:
        tag = self.fields["tag"]
        assert isinstance(tag, QComboBox)
        return PromotionForm(
            name=self._line("name").text(),
            starts=self._line("starts").text(),
            ends=self._line("ends").text(),
            multiplier=self._line("multiplier").text(),
            bonus=self._line("bonus").text(),
            items=tuple(self._line("items").text().replace(",", " ").split()),
            category=self._line("category").text(),
            tag=tag.currentData(),
        )

    def submit(self) -> None:
        self.live.ready({})  # from now on every problem shows, touched or not
        form = self.form()
        self.add_button.setEnabled(False)
        self.status.clear()
        self.worker.run(
            lambda ctx: promotions.add(self._as_manager(ctx), form),
            self._added,
            on_error=self._refused,
            changes=Change.PROMOTIONS,
            owner=self,
        )

    def _added(self, view: PromotionView) -> None:
        self.add_button.setEnabled(True)
        for key in ("name", "multiplier", "bonus", "items", "category"):
            self._line(key).clear()
        self.live.touched.clear()  # a fresh form for the next one
        self.live.show_all = False
        self.live.show_errors({})
        self.status.setText(self.tr("“{name}” is added.").format(name=view.name))
        self.fields["name"].setFocus()
        self.changed.emit()
        self.refresh()

    def _refused(self, exc: Exception) -> bool:
        self.add_button.setEnabled(True)
        if isinstance(exc, InvalidPromotion):
            self.live.show_errors({key: str(problem) for key, problem in exc.problems.items()})
            self.fields[next(k for k in FIELDS if k in exc.problems)].setFocus()
            return True
        if isinstance(exc, DomainError):
            self.status.setText(str(exc))
            return True
        return False
