"""The member's profile (会员画像), opened from the member panel: the visit timeline,
favourite categories with services not tried yet, health needs and consultation notes,
and interactions with the satisfaction feedback after a visit.

Everything shown comes from `profile.care` in one read; notes and feedback are written by
`profile.add_note` and `feedback.record`, then the dialog reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import feedback, permissions, privacy, profile
from spa_pos.services.context import Ctx
from spa_pos.services.feedback import FeedbackResult
from spa_pos.services.privacy import DataExport, Erasure
from spa_pos.services.profile import Care, NoteView, TimelineEntry
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.privacy_dialog import EraseDialog
from spa_pos.ui.widgets import (
    button,
    button_bar,
    card,
    label,
    open_dialog,
    read_only_table,
    resize_within_screen,
    row,
)
from spa_pos.ui.worker import DbWorker

TIME_FORMAT = "%Y-%m-%d %H:%M"


class ProfileButton(QPushButton):
    """The member panel's "Profile" button. The panel only displays a member and holds no
    DB worker, so the button asks its nearest ancestor that has one (the lookup page in the
    window) when it is clicked; without one it stays disabled."""

    def __init__(self, card_no: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Profile…"), parent)
        self.setObjectName("openProfile")
        self.card_no = card_no
        self.clicked.connect(self.open_profile)

    def _worker(self) -> DbWorker | None:
        widget = self.parentWidget()
        while widget is not None:
            worker = getattr(widget, "worker", None)
            if isinstance(worker, DbWorker):
                return worker
            widget = widget.parentWidget()
        return None

    def open_profile(self) -> ProfileDialog | None:
        worker = self._worker()
        if worker is None:
            return None
        dialog = ProfileDialog(worker, self.card_no, parent=self.window())
        open_dialog(dialog)
        return dialog


class ProfileDialog(QDialog):
    loaded = Signal(object)  # Care, after every (re)load
    problem = Signal(str)  # a refused note or feedback, shown in the dialog

    def __init__(self, worker: DbWorker, card_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.card_no = worker, card_no
        self.care: Care | None = None
        self.setWindowTitle(self.tr("Member profile"))
        self.setModal(True)
        resize_within_screen(self, QSize(1100, 640))
        self.heading = label("", "title")
        self.health = label("", wrap=True)
        self.health.setObjectName("healthNeeds")
        self.tabs = QTabWidget()
        self.timeline = read_only_table(8)
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What happened"),
                self.tr("Details"),
                self.tr("Number"),
                self.tr("Recorded by"),
                self.tr("Paid"),
                self.tr("Points"),
                self.tr("Note"),
            ]
        )
        self.favourites = QListWidget()
        self.favourites.setObjectName("favourites")
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("suggestions")
        self.notes = QListWidget()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setPlaceholderText(self.tr("A new consultation note…"))
        self.note_text.setMaximumHeight(90)
        self.add_note_button = button(self.tr("Add note"), "primary")
        self.add_note_button.setObjectName("addNote")
        self.add_note_button.clicked.connect(self.add_note)
        self.interactions = read_only_table(5)
        self.interactions.setObjectName("interactions")
        self.interactions.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What happened"),
                self.tr("Details"),
                self.tr("Points"),
                self.tr("Note"),
            ]
        )
        self.sale = QComboBox()
        self.sale.setObjectName("feedbackSale")
        self.score = QSpinBox()
        self.score.setObjectName("feedbackScore")
        self.score.setRange(1, 5)
        self.score.setValue(5)
        self.comment = QLineEdit()
        self.comment.setObjectName("feedbackComment")
        self.comment.setPlaceholderText(self.tr("What the member said"))
        self.reward = QCheckBox()
        self.reward.setObjectName("feedbackReward")
        self.send_feedback = button(self.tr("Record feedback"), "primary")
        self.send_feedback.setObjectName("recordFeedback")
        self.send_feedback.clicked.connect(self.record_feedback)
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("profileMessage")
        self.problem.connect(self.message.setText)
        self.notice = label("", "pill")
        self.notice.setObjectName("profileNotice")
        self.notice.hide()
        self.pin_dialog: ManagerPinDialog | None = None
        self.export_button = button(self.tr("Export data…"))
        self.export_button.setObjectName("exportData")
        self.export_button.clicked.connect(self.ask_export)
        self.erase_button = button(self.tr("Erase personal data…"))
        self.erase_button.setObjectName("eraseMember")
        self.erase_button.clicked.connect(self.ask_erase)

        self.tabs.addTab(self.timeline, self.tr("Visits"))
        self.tabs.addTab(self._preferences_tab(), self.tr("Preferences"))
        self.tabs.addTab(self._notes_tab(), self.tr("Health and notes"))
        self.tabs.addTab(self._interactions_tab(), self.tr("Interactions and feedback"))
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(
            button_bar(close, left=(self.export_button, self.erase_button, self.notice))
        )
        self.reload()

    def _preferences_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Favourite categories"), "section"))
        layout.addWidget(self.favourites, 1)
        layout.addWidget(label(self.tr("Not tried yet: worth suggesting"), "section"))
        layout.addWidget(self.suggestions, 2)
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        frame, box = card()
        box.addWidget(label(self.tr("Health needs"), "section"))
        box.addWidget(self.health)
        layout.addWidget(frame)
        layout.addWidget(label(self.tr("Consultation notes"), "section"))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.note_text)
        layout.addLayout(button_bar(self.add_note_button))
        return page

    def _interactions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.interactions, 1)
        layout.addWidget(label(self.tr("Satisfaction after a visit"), "section"))
        layout.addLayout(
            row(
                label(self.tr("Sale")),
                self.sale,
                label(self.tr("Score (1–5)")),
                self.score,
                self.comment,
            )
        )
        layout.addLayout(button_bar(self.send_feedback, left=(self.reward,)))
        return page

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        card_no = self.card_no
        self.worker.run(lambda ctx: profile.care(ctx, card_no), self._show, owner=self)

    def _show(self, care: Care) -> None:
        self.care = care
        self.heading.setText(
            self.tr("{name} · card {card}").format(name=care.name, card=care.card_no)
        )
        hidden = self.tr("Authorised staff only")
        if care.health_hidden:
            self.health.setText(hidden)
        else:
            self.health.setText(care.health_needs or self.tr("None recorded"))
        self._fill(self.timeline, care.timeline, full=True)
        self._fill(
            self.interactions,
            [e for e in care.timeline if e.kind in ("event", "feedback")],
            full=False,
        )
        self.favourites.clear()
        for fav in care.favourites:
            self.favourites.addItem(
                self.tr("{category}: {visits} visits, usually {usual}").format(
                    category=fav.category, visits=fav.visits, usual=fav.usual
                )
            )
        self.suggestions.clear()
        for tip in care.suggestions:
            self.suggestions.addItem(
                self.tr("Usually has {usual}; never tried {name}").format(
                    usual=tip.usual, name=tip.name
                )
            )
        if not care.suggestions:
            self.suggestions.addItem(self.tr("Nothing to suggest yet"))
        self.notes.clear()
        for note in care.notes:
            self.notes.addItem(self._note_text(note))
        if care.health_hidden:
            self.notes.addItem(hidden)
        self.erase_button.setEnabled(not care.erased)
        self.sale.clear()
        for entry in care.timeline:
            if entry.kind == "sale":
                self.sale.addItem(f"{entry.ref}  {entry.at:%m-%d}  {entry.what}", entry.ref)
        self.send_feedback.setEnabled(self.sale.count() > 0)
        self.reward.setText(
            self.tr("Reward as an interaction (+{points} points)").format(
                points=care.feedback_points
            )
        )
        self.loaded.emit(care)

    def _note_text(self, note: NoteView) -> str:
        return f"{note.at:{TIME_FORMAT}}  {note.author}\n{note.text}"

    def _kind_text(self, entry: TimelineEntry) -> str:
        return {
            "sale": self.tr("Visit"),
            "refund": self.tr("Refund"),
            "course": self.tr("Course session"),
            "event": self.tr("Event"),
            "feedback": self.tr("Feedback"),
        }[entry.kind]

    def _remark(self, entry: TimelineEntry) -> str:
        if entry.score is not None:
            return self.tr("Score {score}/5").format(score=entry.score)
        return {
            "refunded": self.tr("Refunded"),
            "partially_refunded": self.tr("Partly refunded"),
        }.get(entry.refunded, "")

    def _fill(self, table: QTableWidget, entries: list[TimelineEntry], *, full: bool) -> None:
        table.setRowCount(len(entries))
        numeric = {5, 6} if full else {3}  # paid and points, right-aligned
        for r, entry in enumerate(entries):
            cells = [f"{entry.at:{TIME_FORMAT}}", self._kind_text(entry), entry.what]
            if full:
                paid = format_fen(entry.paid_fen) if entry.paid_fen else ""
                cells += [entry.ref, entry.by, paid]
            cells += [f"{entry.points:+,}" if entry.points else "", self._remark(entry)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)

    # --- writing ---------------------------------------------------------------------
    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.problem.emit(str(exc))
            return True
        return False

    def add_note(self) -> None:
        card_no, text = self.card_no, self.note_text.toPlainText()
        self.worker.run(
            lambda ctx: profile.add_note(ctx, card_no, text),
            lambda _: self._written(self.note_text.clear),
            on_error=self._refused,
            changes=Change.MEMBERS,
            owner=self,
        )

    def record_feedback(self) -> None:
        sale_no = self.sale.currentData()
        score, comment = self.score.value(), self.comment.text()
        reward = self.reward.isChecked()
        self.worker.run(
            lambda ctx: feedback.record(ctx, sale_no, score, comment, reward),
            self._feedback_recorded,
            on_error=self._refused,
            changes=Change.MEMBERS,
            owner=self,
        )

    def _feedback_recorded(self, result: FeedbackResult) -> None:
        self._written(self.comment.clear)
        if result.points:
            self.notice.setText(
                self.tr("Feedback rewarded: +{points} points, balance {balance}").format(
                    points=result.points, balance=result.balance
                )
            )
            self.notice.show()

    def _written(self, reset: Callable[[], None]) -> None:
        self.message.clear()
        self.notice.hide()
        reset()
        self.reload()

    # --- the member's data on request (privacy) ------------------------------------------
    def _as_manager(
        self, what: str, action: Callable[[Ctx], Any], done: Callable[[Any], None]
    ) -> None:
        """Run `action` as the person signed in if they may, else with a manager's PIN."""
        self.pin_dialog = ManagerPinDialog(self.worker, what, action, changes=None, parent=self)
        self.pin_dialog.succeeded.connect(done)
        open_dialog(self.pin_dialog)

    def ask_export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the member's data"), f"会员{self.card_no}.xlsx", "Excel (*.xlsx)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        """The member's data as XLSX (`privacy.export_data`, a manager's)."""
        card_no = self.card_no

        def action(ctx: Ctx) -> DataExport:
            return privacy.export_data(ctx, card_no, path)

        if permissions.allows(self.worker.ctx.actor, "export_member_data"):
            self.worker.run(action, self._exported, on_error=self._refused, owner=self)
        else:
            what = self.tr("A manager approves exporting this member's data.")
            self._as_manager(what, action, self._exported)

    def _exported(self, result: DataExport) -> None:
        self.notice.setText(self.tr("Exported to {file}").format(file=str(result.path)))
        self.notice.show()

    def ask_erase(self) -> EraseDialog:
        name = self.care.name if self.care else ""
        dialog = EraseDialog(self.worker, self.card_no, name, parent=self)
        dialog.completed.connect(self._erased)
        open_dialog(dialog)
        return dialog

    def _erased(self, result: Erasure) -> None:
        self.notice.setText(self.tr("Personal data erased: now {name}").format(name=result.name))
        self.notice.show()
        self.reload()
