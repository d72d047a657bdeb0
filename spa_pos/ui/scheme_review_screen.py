"""The monthly review of the points scheme (积分制度评估) in the window.

For a chosen month the owner reads the figures `scheme_review.preview` computed (the same
ones a review keeps and its PDF prints: this screen only lays them out), writes the
conclusions and saves them with the figures (`scheme_review.write`, a manager's or the
owner's), and finds the month's earlier reviews, each saved as a PDF by the renderer the
`report review` command uses (spa_pos/printing/kpi_pdf.py), as it was concluded on, or
printed on A4 on the printer picked in the print dialog.

Opened from 管理 → 会员与经营 behind the manager PIN; the review is written as the manager
who typed it. The module is imported on the first click (`ReviewButton`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import kpi, scheme_review
from spa_pos.services.context import Ctx
from spa_pos.services.scheme_review import Preview, Review
from spa_pos.ui.printing import DocumentOutcome, PrintCenter, ask_printer
from spa_pos.ui.widgets import button, label, read_only_table, resize_within_screen
from spa_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


@dataclass(frozen=True)
class MonthState:
    """What the screen shows of one month: its figures and the reviews kept of it."""

    preview: Preview
    reviews: list[Review]


def load_month(ctx: Ctx, month: str) -> MonthState:
    return MonthState(scheme_review.preview(ctx, month), scheme_review.reviews(ctx, month))


def load(ctx: Ctx) -> MonthState:
    """The month just ended: the one a monthly review is written about."""
    start, _ = kpi.period_for("last_month", kpi.business_today(ctx))
    return load_month(ctx, f"{start:%Y-%m}")


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class SchemeReviewDialog(QDialog):
    def __init__(
        self,
        worker: DbWorker,
        printing: PrintCenter,
        manager: Ctx,
        state: MonthState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printing = printing
        self.sent_to: QPrinter | None = None  # the printer of the print under way
        self.manager = manager  # who writes the review: the manager who typed the PIN
        self.state = state
        self.setObjectName("schemeReview")
        self.setWindowTitle(self.tr("Points scheme review"))
        resize_within_screen(self, QSize(1100, 720))

        self.month = QDateEdit()
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.show_button = button(self.tr("Show"))
        self.show_button.setObjectName("showMonth")
        self.status = label("", wrap=True)
        self.status.setObjectName("reviewStatus")

        self.figures = read_only_table(3)
        self.figures.setObjectName("figures")
        self.trend = read_only_table(3)
        self.trend.setObjectName("liabilityTrend")
        self.trend.setHorizontalHeaderLabels(
            [self.tr("Month end"), self.tr("Points outstanding"), self.tr("Liability")]
        )
        self.moves = read_only_table(2)
        self.moves.setObjectName("tierMoves")
        self.moves.setHorizontalHeaderLabels([self.tr("Tier move"), self.tr("Members")])

        self.conclusions = QPlainTextEdit()
        self.conclusions.setObjectName("conclusions")
        self.conclusions.setPlaceholderText(
            self.tr("Your conclusions: what works, what to change next month")
        )
        self.save_button = button(self.tr("Save the review"), "primary")
        self.save_button.setObjectName("saveReview")

        self.earlier = read_only_table(3)
        self.earlier.setObjectName("earlierReviews")
        self.earlier.setHorizontalHeaderLabels(
            [self.tr("Written"), self.tr("By"), self.tr("Conclusions")]
        )
        self.earlier_text = QPlainTextEdit()
        self.earlier_text.setObjectName("earlierConclusions")
        self.earlier_text.setReadOnly(True)
        self.pdf_button = button(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("reviewPdf")
        self.print_button = button(self.tr("Print…"))
        self.print_button.setObjectName("printReview")
        self.close_button = button(self.tr("Close"))

        top = QHBoxLayout()
        top.addWidget(label(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(self.show_button)
        top.addWidget(self.status, 1)
        numbers = QVBoxLayout()
        numbers.addWidget(label(self.tr("The month against the month before"), "section"))
        numbers.addWidget(self.figures, 3)
        side = QGridLayout()
        side.addWidget(label(self.tr("Liability trend"), "section"), 0, 0)
        side.addWidget(self.trend, 1, 0)
        side.addWidget(label(self.tr("Members moving between tiers"), "section"), 0, 1)
        side.addWidget(self.moves, 1, 1)
        side.setColumnStretch(0, 3)  # the trend's three columns, the moves' two
        side.setColumnStretch(1, 2)
        numbers.addLayout(side, 2)
        writing = QVBoxLayout()
        writing.addWidget(label(self.tr("Conclusions"), "section"))
        writing.addWidget(self.conclusions, 2)
        writing.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        writing.addWidget(label(self.tr("Reviews kept of this month"), "section"))
        writing.addWidget(self.earlier, 2)
        writing.addWidget(self.earlier_text, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        writing.addLayout(bottom)
        body = QHBoxLayout()
        body.addLayout(numbers, 3)
        body.addLayout(writing, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.show_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self._pick_pdf)
        self.print_button.clicked.connect(lambda: ask_printer(self, self.print_on))
        printing.document_printed.connect(self._printed)
        self.close_button.clicked.connect(self.reject)
        self.earlier.itemSelectionChanged.connect(self._show_earlier)
        self.show_state(state)

    # --- the month -------------------------------------------------------------------
    def chosen_month(self) -> str:
        d = self.month.date()
        return f"{d.year():04d}-{d.month():02d}"

    def load(self) -> None:
        month = self.chosen_month()
        self.status.setText(self.tr("Counting…"))
        self.worker.run(
            lambda _: load_month(self.manager, month),
            self.show_state,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.status.setText(str(exc))
            return True
        return False

    def show_state(self, state: MonthState) -> None:
        self.state = state
        p = state.preview
        first = date.fromisoformat(f"{p.month}-01")
        self.month.setDate(QDate(first.year, first.month, 1))
        self.status.setText(
            self.tr("{month}: {start} – {end}, against {pstart} – {pend}").format(
                month=p.month,
                start=p.figures["start"],
                end=p.figures["end"],
                pstart=p.previous["start"],
                pend=p.previous["end"],
            )
        )
        self.figures.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("This month"), self.tr("Month before")]
        )
        _fill(self.figures, kpi.compare_rows(p.figures, p.previous))
        _fill(
            self.trend,
            [
                (
                    t.month,
                    f"{t.points:,}",
                    "—" if t.liability_fen is None else format_fen(t.liability_fen),
                )
                for t in p.liability_trend
            ],
        )
        _fill(self.moves, [(move, f"{n:,}") for move, n in p.tier_moves.items()])
        self._show_reviews(state.reviews)

    def _show_reviews(self, reviews: list[Review]) -> None:
        _fill(
            self.earlier,
            [
                (f"{r.created_at:%Y-%m-%d %H:%M}", r.author, r.conclusions.split("\n", 1)[0])
                for r in reviews
            ],
        )
        if reviews:
            self.earlier.selectRow(0)  # the latest
        # Shown here, not only on a change of selection: after a save the latest is again
        # row 0, already selected, and no selection change would show its text.
        self._show_earlier()
        self.pdf_button.setEnabled(bool(reviews))
        self.print_button.setEnabled(bool(reviews) and self.sent_to is None)

    def selected_review(self) -> Review | None:
        rows = self.earlier.selectionModel().selectedRows()
        return self.state.reviews[rows[0].row()] if rows else None

    def _show_earlier(self) -> None:
        review = self.selected_review()
        self.earlier_text.setPlainText(review.conclusions if review else "")

    # --- writing ---------------------------------------------------------------------
    def save(self) -> None:
        month, text = self.state.preview.month, self.conclusions.toPlainText()

        def job(_: Ctx) -> MonthState:
            scheme_review.write(self.manager, month, text)
            return load_month(self.manager, month)

        self.save_button.setEnabled(False)
        self.worker.run(job, self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, state: MonthState) -> None:
        self.save_button.setEnabled(True)
        self.conclusions.clear()
        self.show_state(state)
        kept = self.tr("The review of {month} is kept.")
        self.status.setText(kept.format(month=state.preview.month))

    def _save_failed(self, exc: Exception) -> bool:
        self.save_button.setEnabled(True)
        return self._failed(exc)

    # --- the PDF ---------------------------------------------------------------------
    def _pick_pdf(self) -> None:
        review = self.selected_review()
        if review is None:
            return
        picker = QFileDialog(self, self.tr("Save the review"))
        picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        picker.setNameFilters(["PDF (*.pdf)"])
        picker.setDefaultSuffix("pdf")
        picker.selectFile(f"积分制度评估-{review.month}.pdf")
        picker.fileSelected.connect(lambda path: self.save_pdf(review, Path(path)))
        picker.open()

    def save_pdf(self, review: Review, path: Path) -> None:
        def job(_: Ctx) -> Path:
            from spa_pos.printing.kpi_pdf import render_review_pdf  # reportlab: on use

            try:
                render_review_pdf(review, path)
            except OSError as exc:  # the same refusal as `report review --to`
                raise DomainError(
                    "imports.export_failed", file=str(path), reason=exc.strerror or str(exc)
                ) from exc
            return path

        self.worker.run(
            job,
            lambda saved: self.status.setText(self.tr("Saved {file}").format(file=saved)),
            on_error=self._failed,
            owner=self,
        )

    # --- printing --------------------------------------------------------------------
    def print_on(self, printer: QPrinter) -> None:
        """Print the selected review, the A4 pages its PDF has, on a printer (the one the
        print dialog gave)."""
        review = self.selected_review()
        if review is None or self.sent_to is not None:
            return

        def render(out: BinaryIO) -> None:
            from spa_pos.printing.kpi_pdf import render_review_pdf  # reportlab: on use

            render_review_pdf(review, out)

        self.sent_to = printer
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        title = self.tr("Points scheme review {month}").format(month=review.month)
        self.printing.print_document(render, title, printer)

    def _printed(self, done: DocumentOutcome) -> None:
        if done.printer is not self.sent_to:
            return  # another screen's document
        self.sent_to = None
        self.print_button.setEnabled(bool(self.state.reviews))
        if done.outcome.ok:
            self.status.setText(self.tr("Sent to the printer"))
        else:
            failed = self.tr("Printing failed: {reason}")
            self.status.setText(failed.format(reason=done.outcome.reason))
