"""Loyalty rules (积分规则): every rule as a field, checked as it is typed with the reason
next to it, saved as a change in force from now or a chosen later time; beside it the
changes made so far and the rules in force at any past moment.

Opened from 管理 after the manager PIN; the changes are recorded as done by that manager.
The checks are the service's own (`rules.check`, run on the DB worker), so the window and
the command line refuse the same values with the same reasons.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.services import rules
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.live_form import set_invalid
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    card,
    form_grid,
    label,
    read_only_table,
    resize_within_screen,
    row_widget,
)
from spa_pos.ui.worker import DbWorker

TIERS = "tiers"
TIER_COLUMNS = 4  # name, threshold, multiplier, perks
PERK_SEPARATOR = "、"


@dataclass(frozen=True)
class RulesScreen:
    in_force: rules.RulesInForce  # now
    history: list[rules.Change]  # newest start first


def load(ctx: Ctx) -> RulesScreen:
    return RulesScreen(rules.in_force(ctx), rules.history(ctx))


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )


def from_qdatetime(value: QDateTime, zone: tzinfo | None) -> datetime:
    """The edit's wall-clock time in the clinic's zone."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=zone)


def value_text(value: Any) -> str:
    """A rule's value as the field shows it (tiers as JSON)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class RulesDialog(QDialog):
    saved = Signal(object)  # list[rules.Change]

    def __init__(
        self, worker: DbWorker, manager: Actor, screen: RulesScreen, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.manager = manager
        self.zone = screen.in_force.at.tzinfo
        self.setWindowTitle(self.tr("Loyalty rules"))
        self.setModal(True)
        resize_within_screen(self, QSize(1000, 720))
        self.original: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._checking: dict[str, int] = {}  # key -> number of the latest check asked for

        form_host = QWidget()
        form = QVBoxLayout(form_host)
        form.setContentsMargins(0, 0, 12, 0)
        for section, keys in self._sections():
            form.addWidget(label(section, "section"))
            grid = form_grid(200)
            for key in keys:
                field = QLineEdit()
                field.setObjectName(key)
                field.textEdited.connect(lambda _text, k=key: self.check(k))
                self.fields[key] = field
                add_field(grid, self._captions()[key], field, self._error_label(key))
            form.addLayout(grid)
        form.addWidget(
            label(self.tr("TIERS (thresholds strictly increasing, the first from 0)"), "section")
        )
        self.tiers = QTableWidget(0, TIER_COLUMNS)
        self.tiers.setObjectName(TIERS)
        self.tiers.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Threshold"), self.tr("Multiplier"), self.tr("Perks (、)")]
        )
        self.tiers.verticalHeader().hide()
        self.tiers.horizontalHeader().setStretchLastSection(True)
        self.tiers.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tiers.setMinimumHeight(200)
        self.tiers.itemChanged.connect(lambda _item: self.check(TIERS))
        self.add_tier = button(self.tr("Add tier"))
        self.add_tier.setObjectName("addTier")
        self.add_tier.clicked.connect(self.append_tier)
        self.remove_tier = button(self.tr("Remove tier"))
        self.remove_tier.setObjectName("removeTier")
        self.remove_tier.clicked.connect(self.drop_tier)
        form.addWidget(self.tiers)
        form.addWidget(self._error_label(TIERS))
        form.addLayout(button_bar(self.add_tier, self.remove_tier))
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)

        self.from_now = QCheckBox(self.tr("Now"))
        self.from_now.setObjectName("fromNow")
        self.from_now.setChecked(True)
        self.start = QDateTimeEdit()
        self.start.setObjectName("inForceFrom")
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        self.start.setDateTime(to_qdatetime(screen.in_force.at))
        self.start.setEnabled(False)
        self.from_now.toggled.connect(lambda now: self.start.setEnabled(not now))
        start_row = form_grid(120)
        add_field(start_row, self.tr("In force from"), row_widget(self.start, self.from_now))
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("rulesError")
        self.error.hide()
        self.note = label("", "muted", wrap=True)
        self.note.setObjectName("rulesNote")
        self.note.hide()

        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(start_row)
        left.addWidget(self.error)
        left.addWidget(self.note)

        history, history_box = card()
        history_box.addWidget(label(self.tr("RULES IN FORCE AT"), "section"))
        self.at = QDateTimeEdit()
        self.at.setObjectName("rulesAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.at.setDateTime(to_qdatetime(screen.in_force.at))
        self.show_at = button(self.tr("Show"))
        self.show_at.setObjectName("showRulesAt")
        self.show_at.clicked.connect(self.show_rules_at)
        history_box.addWidget(row_widget(self.at, self.show_at))
        self.at_table = read_only_table(2)
        self.at_table.setObjectName("rulesAtTable")
        self.at_table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Value")])
        self.at_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.at_table.setColumnWidth(0, 200)
        history_box.addWidget(self.at_table, 1)
        history_box.addWidget(label(self.tr("CHANGES"), "section"))
        self.changes = read_only_table(4)
        self.changes.setObjectName("ruleChanges")
        self.changes.setHorizontalHeaderLabels(
            [self.tr("In force from"), self.tr("Rule"), self.tr("By, when"), self.tr("Value")]
        )
        history_box.addWidget(self.changes, 1)
        history.setMinimumWidth(380)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 1)
        body.addWidget(history, 1)
        self.save_button = button(self.tr("Save (Enter)"), "primary")
        self.save_button.setObjectName("saveRules")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addLayout(body, 1)
        layout.addLayout(button_bar(close, self.save_button))
        self.show_screen(screen)
        self.fields[rules.LOYALTY_KEYS[0]].setFocus()

    # --- what is shown ---------------------------------------------------------------
    def _sections(self) -> list[tuple[str, list[str]]]:
        return [
            (
                self.tr("EARNING"),
                [
                    "earn_rate_per_yuan",
                    "course_bonus_min_sessions",
                    "course_bonus_percent",
                    "referral_referrer_points",
                    "referral_new_member_points",
                    "birthday_multiplier",
                    "streak_months",
                    "streak_min_visit_days",
                    "streak_bonus",
                    "event_points_min",
                    "event_points_max",
                    "adjust_manager_limit",
                ],
            ),
            (
                self.tr("EXPIRY AND REDEMPTION"),
                [
                    "points_validity_months",
                    "reminder_window_days",
                    "rescue_min_points",
                    "rescue_bonus_points",
                    "voucher_valid_days",
                ],
            ),
            (
                self.tr("MEMBER TAGS"),
                [
                    "high_value_top_percent",
                    "dormant_days",
                    "birthday_soon_days",
                    "points_goal_gap",
                    "course_idle_days",
                ],
            ),
        ]

    def _captions(self) -> dict[str, str]:
        return {
            "earn_rate_per_yuan": self.tr("Points per yuan paid"),
            "course_bonus_min_sessions": self.tr("Course bonus from (sessions)"),
            "course_bonus_percent": self.tr("Course bonus (%)"),
            "referral_referrer_points": self.tr("Referral: referrer's points"),
            "referral_new_member_points": self.tr("Referral: new member's points"),
            "birthday_multiplier": self.tr("Birthday-month multiplier"),
            "streak_months": self.tr("Streak: months in a row"),
            "streak_min_visit_days": self.tr("Streak: visit days a month"),
            "streak_bonus": self.tr("Streak bonus (points)"),
            "event_points_min": self.tr("Event points: at least"),
            "event_points_max": self.tr("Event points: at most"),
            "adjust_manager_limit": self.tr("Adjustments above this need a manager"),
            "points_validity_months": self.tr("Points valid for (months)"),
            "reminder_window_days": self.tr("Expiry reminder (days before)"),
            "rescue_min_points": self.tr("Rescue from (points expiring)"),
            "rescue_bonus_points": self.tr("Rescue bonus (points)"),
            "voucher_valid_days": self.tr("Vouchers valid for (days)"),
            "high_value_top_percent": self.tr("High value: top (%)"),
            "dormant_days": self.tr("Dormant after (days without a visit)"),
            "birthday_soon_days": self.tr("Birthday soon (days ahead)"),
            "points_goal_gap": self.tr("Reward nearly reached (points short)"),
            "course_idle_days": self.tr("Course sessions idle after (days)"),
            TIERS: self.tr("Tiers"),
        }

    def _error_label(self, key: str) -> QLabel:
        error = label("", "error", wrap=True)
        error.setObjectName(f"{key}Error")
        error.hide()
        self.errors[key] = error
        return error

    def show_screen(self, screen: RulesScreen) -> None:
        shown = screen.in_force.rules
        for key, field in self.fields.items():
            field.setText(value_text(shown[key]))
        self.tiers.blockSignals(True)
        self.tiers.setRowCount(0)
        for tier in shown[TIERS]:
            self._tier_row(
                [
                    tier["name"],
                    str(tier["threshold"]),
                    tier["multiplier"],
                    PERK_SEPARATOR.join(tier["perks"]),
                ]
            )
        self.tiers.blockSignals(False)
        self.original = {key: self.text_of(key) for key in rules.LOYALTY_KEYS}
        for key in self.errors:
            self.show_error(key, "")
        self.show_rules(screen.in_force)
        self.fill_table(
            self.changes,
            [
                (
                    f"{c.effective_from:%Y-%m-%d %H:%M}",
                    self.caption(c.key),
                    f"{c.actor} {c.recorded_at:%m-%d %H:%M}",
                    value_text(c.value),
                )
                for c in screen.history
            ],
        )

    def caption(self, key: str) -> str:
        return self._captions()[key]

    def show_rules(self, shown: rules.RulesInForce) -> None:
        self.fill_table(
            self.at_table, [(self.caption(k), value_text(v)) for k, v in shown.rules.items()]
        )

    @staticmethod
    def set_message(target: QLabel, text: str) -> None:
        target.setText(text)
        target.setVisible(bool(text))

    @staticmethod
    def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)

    def _tier_row(self, cells: list[str]) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        for column, text in enumerate(cells):
            self.tiers.setItem(row, column, QTableWidgetItem(text))

    def append_tier(self) -> None:
        self._tier_row(["", "", "1.0", ""])
        self.tiers.setCurrentCell(self.tiers.rowCount() - 1, 0)
        self.tiers.setFocus()
        self.check(TIERS)

    def drop_tier(self) -> None:
        if self.tiers.rowCount() > 1:
            self.tiers.removeRow(self.tiers.currentRow() if self.tiers.currentRow() >= 0 else -1)
            self.check(TIERS)

    # --- what was typed ----------------------------------------------------------------
    def _cell(self, row: int, column: int) -> str:
        item = self.tiers.item(row, column)
        return item.text().strip() if item is not None else ""

    def text_of(self, key: str) -> str:
        """The field's text as `rules.parse` reads it; the tier table as JSON, a threshold
        that is not a whole number handed on as typed for the check to refuse."""
        if key != TIERS:
            return self.fields[key].text()
        tiers = []
        for row in range(self.tiers.rowCount()):
            threshold = self._cell(row, 1)
            perks = self._cell(row, 3).replace(",", PERK_SEPARATOR).replace("，", PERK_SEPARATOR)
            tiers.append(
                {
                    "name": self._cell(row, 0),
                    "threshold": int(threshold) if threshold.isdigit() else threshold,
                    "multiplier": self._cell(row, 2),
                    "perks": [p.strip() for p in perks.split(PERK_SEPARATOR) if p.strip()],
                }
            )
        return json.dumps(tiers, ensure_ascii=False)

    def show_error(self, key: str, text: str) -> None:
        error = self.errors[key]
        error.setText(text)
        error.setVisible(bool(text))
        widget = self.tiers if key == TIERS else self.fields[key]
        set_invalid(widget, bool(text))

    def check(self, key: str) -> None:
        """Ask the service whether the typed value is allowed; only the answer to the
        latest text is shown."""
        number = self._checking.get(key, 0) + 1
        self._checking[key] = number
        text = self.text_of(key)

        def answered(reason: str) -> None:
            if self._checking.get(key) == number:
                self.show_error(key, reason)

        def refused(exc: Exception) -> bool:
            if isinstance(exc, DomainError):
                answered(self.reason(exc))
                return True
            return False

        self.worker.run(
            lambda _ctx: rules.check(key, text),
            lambda _value: answered(""),
            on_error=refused,
            owner=self,
        )

    def reason(self, exc: DomainError) -> str:
        """The service's reason, naming the rule by its caption on this screen rather
        than by its setting key (earn_rate_per_yuan)."""
        key = exc.params.get("key")
        if key not in self.errors:
            return str(exc)
        return messages.render(exc.code, {**exc.params, "key": self.caption(str(key))})

    def show_rules_at(self) -> None:
        at = from_qdatetime(self.at.dateTime(), self.zone)
        self.worker.run(
            lambda ctx: rules.in_force(ctx, at),
            self.show_rules,
            owner=self,
        )

    # --- saving ------------------------------------------------------------------------
    def edited(self) -> dict[str, str]:
        return {
            key: text
            for key in rules.LOYALTY_KEYS
            if (text := self.text_of(key)) != self.original[key]
        }

    def submit(self) -> None:
        edited = self.edited()
        self.set_message(self.error, "")
        if not edited:
            self.set_message(self.note, self.tr("Nothing was changed."))
            return
        start = (
            None if self.from_now.isChecked() else from_qdatetime(self.start.dateTime(), self.zone)
        )
        manager = self.manager

        def job(ctx: Ctx) -> tuple[list[rules.Change], RulesScreen]:
            acting = replace(ctx, actor=manager)
            values = {key: rules.parse(key, text) for key, text in edited.items()}
            return rules.change(acting, values, start), load(ctx)

        self.save_button.setEnabled(False)
        self.worker.run(
            job, self._saved, on_error=self._refused, changes=Change.SETTINGS, owner=self
        )

    def _saved(self, result: tuple[list[rules.Change], RulesScreen]) -> None:
        changed, screen = result
        self.save_button.setEnabled(True)
        self.show_screen(screen)
        self.set_message(
            self.note,
            self.tr("Saved {count} change(s), in force from {start}.").format(
                count=len(changed), start=f"{changed[0].effective_from:%Y-%m-%d %H:%M}"
            ),
        )
        self.saved.emit(changed)

    def _refused(self, exc: Exception) -> bool:
        self.save_button.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        key = exc.params.get("key")
        if key in self.errors:
            self.show_error(str(key), self.reason(exc))
            (self.tiers if key == TIERS else self.fields[str(key)]).setFocus()
        else:
            self.set_message(self.error, str(exc))
            self.start.setFocus()
        return True
