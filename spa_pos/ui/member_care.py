"""Member care (会员关怀): the outbox as a screen. Staff pick a kind, copy a message's
text for WeChat (Ctrl+C), print the call list, export it, and record each contact's
result with a note (回访记录); the win-back success rate is shown above the list. From an
expiry reminder a manager rescues the points (X5) after the PIN.

Opened from 管理 by `CareButton`; everything is computed by `spa_pos.services.outreach`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.printing.content import Block, Heading, Row, Text, Title
from spa_pos.services import outreach
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.exports import ExportResult
from spa_pos.services.outreach import MessageView, Rescue, WinBackRate
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.printing import PrintCenter
from spa_pos.ui.report_print import ReportOutcome, report_printer
from spa_pos.ui.widgets import (
    button,
    button_bar,
    label,
    open_dialog,
    read_only_table,
    reset_rows,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker

MESSAGE_COLUMN, FOLLOW_UP_COLUMN = 3, 5


@dataclass(frozen=True)
class CareState:
    messages: list[MessageView]
    rate: WinBackRate
    clinic: str


def load(ctx: Ctx, kind: str | None = None, status: str | None = "queued") -> CareState:
    return CareState(
        outreach.messages(ctx, kind=kind, status=status),
        outreach.rate(ctx),
        settings_svc.current(ctx).clinic_name,
    )


class CareButton(QWidget):
    """The 管理 page's way in: one button that opens the screen."""

    def __init__(self, worker: DbWorker, printing: PrintCenter, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker, self.printing = worker, printing
        self.button = button(self.tr("Member care…"))
        self.button.setObjectName("openMemberCare")
        self.button.clicked.connect(self.open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)

    def open(self) -> None:
        self.worker.run(load, self._show, owner=self)

    def _show(self, state: CareState) -> None:
        open_dialog(MemberCareDialog(self.worker, self.printing, state, parent=self))


class MemberCareDialog(QDialog):
    def __init__(
        self,
        worker: DbWorker,
        printing: PrintCenter,
        state: CareState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker, self.printing = worker, printing
        self.views: list[MessageView] = []
        self.pin_dialog: ManagerPinDialog | None = None  # the export's, when one was asked
        self.clinic = state.clinic
        self.setWindowTitle(self.tr("Member care"))
        resize_within_screen(self, QSize(1100, 640))

        self.kinds = QComboBox()
        self.kinds.setObjectName("careKind")
        self.kinds.addItem(self.tr("All kinds"), None)
        for kind in outreach.KINDS:
            self.kinds.addItem(self.kind_name(kind), kind)
        self.statuses = QComboBox()
        self.statuses.setObjectName("careStatus")
        for status, text in (
            ("queued", self.tr("To contact")),
            (None, self.tr("All")),
            ("sent", self.tr("Sent")),
            ("failed", self.tr("No answer")),
            ("skipped", self.tr("Skipped")),
        ):
            self.statuses.addItem(text, status)
        self.kinds.currentIndexChanged.connect(self.reload)
        self.statuses.currentIndexChanged.connect(self.reload)
        self.rate = label("", "muted")
        self.rate.setObjectName("winBackRate")

        self.table = read_only_table(6)
        self.table.setObjectName("careMessages")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Member"),
                self.tr("Phone"),
                self.tr("Message"),
                self.tr("Status"),
                self.tr("Follow-up"),
            ]
        )
        self.table.setWordWrap(True)
        # The message takes the room the others leave and wraps in it; the follow-up has a
        # set width. Sized to its text, the message pushed the status and the follow-up
        # out of sight on a 1024-wide till.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FOLLOW_UP_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(FOLLOW_UP_COLUMN, 180)
        self.table.itemSelectionChanged.connect(self._selected)

        self.note = QLineEdit()
        self.note.setObjectName("careNote")
        self.note.setPlaceholderText(self.tr("Note (回访记录)"))
        self.note.setMaxLength(outreach.NOTE_MAX_LEN)
        self.copy = button(self.tr("Copy text (Ctrl+C)"), "primary")
        self.copy.clicked.connect(self.copy_text)
        self.sent = button(self.tr("Sent"))
        self.no_answer = button(self.tr("No answer"))
        self.came_back = button(self.tr("Came back"))
        for widget, result in (
            (self.sent, "sent"),
            (self.no_answer, "no_answer"),
            (self.came_back, "came_back"),
        ):
            widget.clicked.connect(lambda _=False, r=result: self.mark(r))
        self.extend = button(self.tr("Extend a month"))
        self.extend.clicked.connect(lambda: self.rescue("extend"))
        self.bonus = button(self.tr("Rescue bonus"))
        self.bonus.clicked.connect(lambda: self.rescue("bonus"))
        self.print_list = button(self.tr("Print call list"))
        self.print_list.clicked.connect(self.print_call_list)
        self.export = button(self.tr("Export…"))
        self.export.clicked.connect(self.choose_export)
        self.templates = button(self.tr("Edit templates…"))
        self.templates.setObjectName("editTemplates")
        self.templates.clicked.connect(self.edit_templates)
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        self.message = label("", "muted", wrap=True)
        self.message.setObjectName("careMessage")
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy_text)

        filters = QHBoxLayout()
        filters.addWidget(label(self.tr("Kind")))
        filters.addWidget(self.kinds)
        filters.addWidget(label(self.tr("Status")))
        filters.addWidget(self.statuses)
        filters.addStretch(1)
        filters.addWidget(self.rate)
        marks = QHBoxLayout()
        marks.addWidget(self.copy)
        marks.addWidget(self.note, 1)
        for widget in (self.sent, self.no_answer, self.came_back, self.extend, self.bonus):
            marks.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Member care"), "title"))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(marks)
        layout.addWidget(self.message)
        layout.addLayout(button_bar(close, left=(self.print_list, self.export, self.templates)))
        self.show_state(state)

    def kind_name(self, kind: str) -> str:
        return {
            "expiry_reminder": self.tr("Points expiring"),
            "dormant": self.tr("Win-back: dormant"),
            "churn_risk": self.tr("Win-back: churn risk"),
            "birthday": self.tr("Birthday"),
            "points_goal": self.tr("Reward in reach"),
            "course_idle": self.tr("Course unused"),
            "campaign": self.tr("Campaign"),
        }[kind]

    def result_name(self, result: str | None) -> str:
        return {
            None: "",
            "sent": self.tr("Sent"),
            "no_answer": self.tr("No answer"),
            "came_back": self.tr("Came back"),
            "failed": self.tr("Failed"),
            "skipped": self.tr("Skipped"),
        }[result]

    def status_name(self, status: str) -> str:
        return {
            "queued": self.tr("To contact"),
            "printed": self.tr("Printed"),
            "exported": self.tr("Exported"),
            "sent": self.tr("Sent"),
            "failed": self.tr("No answer"),
            "skipped": self.tr("Skipped"),
        }[status]

    # --- the list ------------------------------------------------------------------
    def reload(self) -> None:
        kind, status = self.kinds.currentData(), self.statuses.currentData()
        self.worker.run(lambda ctx: load(ctx, kind, status), self.show_state, owner=self)

    def show_state(self, state: CareState) -> None:
        self.views = state.messages
        rate = state.rate
        self.rate.setText(
            self.tr("Win-back success: %1 (%2 of %3 decided, %4 reached)")
            # Nobody's 30 days are over yet: no rate, as on the dashboard, rather than 0 %.
            .replace("%1", f"{rate.rate:.0%}" if rate.decided else "—")
            .replace("%2", str(rate.won_back))
            .replace("%3", str(rate.decided))
            .replace("%4", str(rate.contacted))
        )
        reset_rows(self.table, len(self.views))
        for row_no, v in enumerate(self.views):
            follow_up = self.result_name(v.result)
            if v.note:
                follow_up += f"：{v.note}"
            if v.contacted_at is not None:
                follow_up += f"（{v.contacted_by} {v.contacted_at:%m-%d %H:%M}）"
            cells = (
                self.kind_name(v.kind),
                v.member_name,
                v.phone,
                v.text,
                self.status_name(v.status),
                follow_up,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row_no, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if self.views:
            self.table.selectRow(0)
        self._selected()

    def current(self) -> MessageView | None:
        row_no = self.table.currentRow()
        return self.views[row_no] if 0 <= row_no < len(self.views) else None

    def _selected(self) -> None:
        view = self.current()
        for widget in (self.copy, self.sent, self.no_answer, self.came_back):
            widget.setEnabled(view is not None)
        for widget in (self.extend, self.bonus):
            widget.setEnabled(view is not None and view.rescuable)

    # --- the actions ---------------------------------------------------------------
    def copy_text(self) -> None:
        view = self.current()
        if view is None:
            return
        QGuiApplication.clipboard().setText(view.text)
        self.message.setText(self.tr("Copied %1's message").replace("%1", view.member_name))

    def mark(self, result: str) -> None:
        view = self.current()
        if view is None:
            return
        note = self.note.text()
        self.worker.run(
            lambda ctx: outreach.mark(ctx, view.id, result, note),
            self._marked,
            on_error=self._refused,
            owner=self,
        )

    def _marked(self, view: MessageView) -> None:
        self.note.clear()
        self.message.setText(
            self.tr("%1: %2")
            .replace("%1", view.member_name)
            .replace("%2", self.result_name(view.result))
        )
        self.reload()

    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.message.setText(str(exc))
            return True
        return False

    def rescue(self, how: str) -> None:
        """X5 after the manager PIN; the rescue runs as the manager."""
        view = self.current()
        if view is None:
            return
        what = (
            self.tr("Extend %1's expiring points by one month?")
            if how == "extend"
            else self.tr("Give %1 the rescue bonus?")
        ).replace("%1", view.member_name)
        approve(
            self.worker,
            "member_care",
            what,
            lambda manager: outreach.rescue(manager, view.id, how),
            self._rescued,
            changes=Change.MEMBERS,
            parent=self,
        )

    def _rescued(self, done: Rescue) -> None:
        text = (
            self.tr("Extended %1 points by one month")
            if done.how == "extend"
            else self.tr("Gave %1 bonus points")
        )
        self.message.setText(text.replace("%1", str(done.points)))
        self.reload()

    def edit_templates(self) -> None:
        """编辑模板 after the manager PIN: the editor changes the wording as the manager."""
        from spa_pos.ui import template_editor  # on use

        def editor(opened: tuple[Ctx, template_editor.Templates]) -> None:
            names = {kind: self.kind_name(kind) for kind in outreach.FIELDS}
            open_dialog(template_editor.TemplateDialog(self.worker, *opened, names, parent=self))

        asked: list[ManagerPinDialog] = []
        granted: list[tuple[Ctx, template_editor.Templates]] = []

        def loaded(result: tuple[Ctx, template_editor.Templates]) -> None:
            if asked:  # opens once the PIN dialog has closed and handed the keyboard back
                granted.append(result)
            else:  # a manager signed in: no PIN asked
                editor(result)

        pin = approve(
            self.worker,
            "member_care",
            self.tr("Change the wording of member care's messages?"),
            lambda manager: (manager, template_editor.load(manager)),
            loaded,
            changes=None,
            parent=self,
        )
        if pin is not None:
            asked.append(pin)
            pin.accepted.connect(lambda: editor(granted[0]))

    def call_list_blocks(self) -> list[Block]:
        """The list as shown, for the phone: who, the number, what to say."""
        blocks: list[Block] = [Title(self.clinic), Heading(self.tr("Call list"))]
        for v in self.views:
            blocks.append(Row(f"{v.member_name}  {v.phone}", self.kind_name(v.kind), bold=True))
            blocks.append(Text(v.text, size="small"))
            blocks.append(Text(self.tr("Result: ______  Note: ________"), size="small"))
        return blocks

    def print_call_list(self) -> None:
        self.worker.run(settings_svc.current, self._print_with, owner=self)

    def _print_with(self, cfg: settings_svc.Settings) -> None:
        self.printing.report_printed.connect(self._printed)
        self.printing.print_report(
            self.call_list_blocks(), self.tr("Call list"), "call-list", report_printer(cfg)
        )

    def _printed(self, outcome: ReportOutcome) -> None:
        self.printing.report_printed.disconnect(self._printed)
        if outcome.ok:
            where = str(outcome.output) if outcome.output else self.tr("the printer")
            self.message.setText(self.tr("Call list printed to %1").replace("%1", where))
        else:
            self.message.setText(outcome.reason)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), "member-care.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        kind, status = self.kinds.currentData(), self.statuses.currentData()
        self.pin_dialog = approve(
            self.worker,
            "export_data",
            self.tr("Export to {file}?").format(file=path.name),
            lambda ctx: outreach.export(ctx, path, kind=kind, status=status),
            self._exported,
            changes=None,
            parent=self,
            on_error=self._refused,
        )

    def _exported(self, result: ExportResult) -> None:
        self.message.setText(
            self.tr("Exported %1 messages to %2")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.file))
        )
