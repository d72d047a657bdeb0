"""The dashboard (经营看板): a period's figures against the period before, charts with
their numbers beside them, the XLSX / PDF exports and the A4 printout (the same PDF,
on the printer picked in the print dialog).

Every number comes from `kpi.dashboard` (the service `report kpi` uses); this screen only
lays them out. Charts are drawn with QPainter (`BarChart`): no chart library to load, so
the till's start-up is untouched and the bundle stays lean. Opened from 管理 through
`DashboardButton` (spa_pos/ui/dashboard_button.py), which imports this module on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import kpi
from spa_pos.services.context import Ctx
from spa_pos.services.kpi import Dashboard, Figures
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.printing import DocumentOutcome, PrintCenter, ask_printer
from spa_pos.ui.widgets import button, label, read_only_table, resize_within_screen
from spa_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

BAR = QColor(77, 128, 184)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the number shown beside the bar


@dataclass(frozen=True)
class PlacedBar:
    """Where one bar of a `BarChart` is drawn, in the chart's coordinates."""

    label: str  # the name as drawn: elided when the names would push the number out
    base: int  # the text's baseline
    bar: QRectF
    text_x: int  # where the number starts
    text_right: int  # and where it ends


class BarChart(QWidget):
    """Horizontal bars, each with its label on the left and its number on the right. The
    numbers are always whole: when the chart is narrow the names are elided instead."""

    ROW = 24
    MIN_BAR = 24  # the room a bar keeps beside long names

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, title: str, bars: list[Bar]) -> None:
        self.title, self.bars = title, bars
        self.setFixedHeight(self.ROW * (len(bars) + 1) + 12)
        self.setToolTip("\n".join(f"{b.label}  {b.text}" for b in bars))  # names in full
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.ROW * (len(self.bars) + 1) + 12)

    def _text_room(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 8

    def minimumSizeHint(self) -> QSize:
        """Room for the numbers, a short bar and a few characters of the names."""
        return QSize(
            self._text_room() + self.MIN_BAR + 4 * self.fontMetrics().averageCharWidth(), 0
        )

    def placed(self) -> list[PlacedBar]:
        """Each bar's place at the chart's present width."""
        metrics = self.fontMetrics()
        text_w = self._text_room()
        widest = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 8
        label_w = max(0, min(widest, self.width() - text_w - self.MIN_BAR))
        room = max(0, self.width() - label_w - text_w)
        top = max((b.value for b in self.bars), default=0) or 1
        out = []
        for i, b in enumerate(self.bars):
            y = self.ROW * (i + 1)
            shown = metrics.elidedText(b.label, Qt.TextElideMode.ElideRight, label_w - 8)
            length = room * max(0.0, b.value) / top
            text_x = int(label_w + length + 6)
            out.append(
                PlacedBar(
                    shown,
                    y + (self.ROW + metrics.ascent() - metrics.descent()) // 2,
                    QRectF(label_w, y + 5, length, self.ROW - 10),
                    text_x,
                    text_x + metrics.horizontalAdvance(b.text),
                )
            )
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = painter.font()
        bold.setBold(True)
        plain = painter.font()
        painter.setFont(bold)
        painter.drawText(0, painter.fontMetrics().ascent() + 2, self.title)
        painter.setFont(plain)
        for b, place in zip(self.bars, self.placed(), strict=True):
            painter.setPen(self.palette().text().color())
            painter.drawText(0, place.base, place.label)
            painter.fillRect(place.bar, BAR)
            painter.drawText(place.text_x, place.base, b.text)
        painter.end()


def _count(n: int) -> str:
    return f"{n:,}"


class DashboardDialog(QDialog):
    def __init__(
        self,
        worker: DbWorker,
        printing: PrintCenter,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printing = printing
        self.sent_to: QPrinter | None = None  # the printer of the print under way
        self.today = today
        self.board: Dashboard | None = None
        self.pin_dialog: ManagerPinDialog | None = None  # the export's, when one was asked
        self.asked: tuple[date, date] | None = None  # the period last asked for
        self.setWindowTitle(self.tr("Dashboard"))
        self.setObjectName("dashboard")
        resize_within_screen(self, QSize(1300, 720))

        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        names = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "last_30_days": self.tr("Last 30 days"),
            "this_year": self.tr("This year"),
            "last_12_months": self.tr("Last 12 months"),
        }
        for key in kpi.PRESETS:
            self.preset.addItem(names[key], key)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setObjectName("dateFrom")
        self.date_to.setObjectName("dateTo")
        self.show_button = button(self.tr("Show"), "primary")
        self.show_button.setObjectName("showPeriod")
        self.xlsx_button = button(self.tr("Export XLSX…"))
        self.xlsx_button.setObjectName("exportXlsx")
        self.pdf_button = button(self.tr("Printable PDF…"))
        self.pdf_button.setObjectName("exportPdf")
        self.print_button = button(self.tr("Print…"))
        self.print_button.setObjectName("printDashboard")
        self.status = label("")
        self.status.setObjectName("dashboardStatus")

        self.table = read_only_table(4)
        self.table.setObjectName("figures")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("This period"), self.tr("Previous"), self.tr("Change")]
        )
        self.table.setMinimumWidth(520)
        self.charts = {
            key: BarChart() for key in ("revenue", "visits", "redemptions", "top", "tiers", "tags")
        }
        chart_box = QWidget()
        grid = QGridLayout(chart_box)
        grid.setHorizontalSpacing(24)
        for i, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart_box)

        bar = QHBoxLayout()
        bar.addWidget(self.preset)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.print_button)
        body = QHBoxLayout()
        body.addWidget(self.table, 2)
        body.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.show_button.clicked.connect(self.load)
        self.xlsx_button.clicked.connect(lambda: self._pick("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._pick("pdf"))
        self.print_button.clicked.connect(self._ask_printer)
        printing.document_printed.connect(self._printed)
        self._preset_chosen()

    # --- the period ----------------------------------------------------------------
    def _preset_chosen(self) -> None:
        start, end = kpi.period_for(str(self.preset.currentData()), self.today)
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.load()

    def period(self) -> tuple[date, date]:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        return day(self.date_from), day(self.date_to)

    def load(self) -> None:
        start, end = self.period()
        self.asked = (start, end)
        self.status.setText(self.tr("Counting…"))
        self.worker.run(
            lambda ctx: kpi.dashboard(ctx, start, end),
            self.show_board,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.status.setText(str(exc))
            return True
        return False

    # --- showing it ------------------------------------------------------------------
    def show_board(self, board: Dashboard) -> None:
        cur, prev = board.current, board.previous
        if (cur.start, cur.end) != self.asked:
            return  # a period asked for before the one now chosen came back late
        self.board = board
        self.status.setText(
            self.tr("{start} – {end}, against {pstart} – {pend}").format(
                start=cur.start, end=cur.end, pstart=prev.start, pend=prev.end
            )
        )
        self._fill_table(cur, prev)
        self.charts["revenue"].set_bars(
            self.tr("Revenue"),
            [Bar(f"{p.start:%m-%d}", p.revenue_fen, format_fen(p.revenue_fen)) for p in cur.trend],
        )
        self.charts["visits"].set_bars(
            self.tr("Visits"),
            [Bar(f"{p.start:%m-%d}", p.visits, _count(p.visits)) for p in cur.trend],
        )
        self.charts["redemptions"].set_bars(
            self.tr("Redemptions by reward (points)"),
            [Bar(r.name, r.points, f"{_count(r.points)} ({r.vouchers})") for r in cur.redemptions],
        )
        self.charts["top"].set_bars(
            self.tr("Top services"),
            [Bar(t.name, t.revenue_fen, format_fen(t.revenue_fen)) for t in cur.top_services],
        )
        self.charts["tiers"].set_bars(
            self.tr("Members per tier"), [Bar(t, n, _count(n)) for t, n in cur.tiers.items()]
        )
        self.charts["tags"].set_bars(
            self.tr("Members per tag"), [Bar(t, n, _count(n)) for t, n in board.tags.items()]
        )

    def _rows(self) -> list[tuple[str, str, Callable[[Figures], str]]]:
        """(label, key in `kpi.ROWS`, the figure as written) of each row of the table."""

        def rate(f: float | None) -> str:
            return "—" if f is None else f"{f:.1%}"

        def fen(v: int | None) -> str:
            return "—" if v is None else format_fen(v)

        return [
            (self.tr("Members"), "members_total", lambda f: _count(f.members_total)),
            (self.tr("New members"), "new_members", lambda f: _count(f.new_members)),
            (self.tr("Active members"), "active_members", lambda f: _count(f.active_members)),
            (self.tr("Visits"), "visits", lambda f: _count(f.visits)),
            (self.tr("Revenue"), "revenue_fen", lambda f: fen(f.revenue_fen)),
            (
                self.tr("Spend per visit"),
                "spend_per_visit_fen",
                lambda f: fen(f.spend_per_visit_fen),
            ),
            (
                self.tr("30-day repurchase"),
                "repurchase_30d",
                lambda f: (
                    f"{rate(f.repurchase_30d.rate)} "
                    f"({f.repurchase_30d.repurchased}/{f.repurchase_30d.eligible})"
                ),
            ),
            (self.tr("Win-back rate"), "win_back", lambda f: rate(f.win_back.rate)),
            (self.tr("Points issued"), "points_issued", lambda f: _count(f.points_issued)),
            (self.tr("Points redeemed"), "points_redeemed", lambda f: _count(f.points_redeemed)),
            (self.tr("Points expired"), "points_expired", lambda f: _count(f.points_expired)),
            (
                self.tr("Points outstanding"),
                "points_outstanding",
                lambda f: _count(f.points_outstanding),
            ),
            (self.tr("Liability"), "liability_fen", lambda f: fen(f.liability_fen)),
            (self.tr("Redemption rate"), "redemption_rate", lambda f: rate(f.redemption_rate)),
        ]

    def _fill_table(self, cur: Figures, prev: Figures) -> None:
        rows = self._rows()
        moved = kpi.changes(cur.to_json(), prev.to_json())
        # The win-back rate cannot be computed yet: its row says why instead of a change.
        why = cur.win_back.reason and messages.render(cur.win_back.reason, {})
        self.table.setRowCount(len(rows))
        for r, (name, key, text) in enumerate(rows):
            change = why if key == "win_back" and why else moved[key]
            for c, cell in enumerate((name, text(cur), text(prev), change)):
                item = QTableWidgetItem(cell)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)

    # --- exports ---------------------------------------------------------------------
    def _pick(self, kind: str) -> None:
        if self.board is None:
            return
        picker = QFileDialog(self, self.tr("Save the dashboard"))
        picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        picker.setNameFilters(["Excel (*.xlsx)"] if kind == "xlsx" else ["PDF (*.pdf)"])
        picker.setDefaultSuffix(kind)
        picker.fileSelected.connect(lambda path: self.export_to(kind, Path(path)))
        picker.open()

    def export_to(self, kind: str, path: Path) -> None:
        board = self.board
        if board is None:
            return

        def job(ctx: Ctx) -> Path:
            from spa_pos.services import kpi_export  # openpyxl, reportlab: on use

            write = kpi_export.export_xlsx if kind == "xlsx" else kpi_export.export_pdf
            return write(ctx, board, path)

        self.pin_dialog = approve(
            self.worker,
            "export_data",
            self.tr("Export to {file}?").format(file=path.name),
            job,
            lambda saved: self.status.setText(self.tr("Saved {file}").format(file=saved)),
            changes=None,
            parent=self,
            on_error=self._failed,
        )

    # --- printing --------------------------------------------------------------------
    def _ask_printer(self) -> None:
        if self.board is not None:
            ask_printer(self, self.print_on)

    def print_on(self, printer: QPrinter) -> None:
        """Print the dashboard shown, the A4 pages of its PDF, on a printer (the one the
        print dialog gave)."""
        board = self.board
        if board is None or self.sent_to is not None:
            return

        def render(out: BinaryIO) -> None:
            from spa_pos.printing.kpi_pdf import render_dashboard_pdf  # reportlab: on use

            render_dashboard_pdf(board, out)

        self.sent_to = printer
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self.printing.print_document(render, self.tr("Dashboard"), printer)

    def _printed(self, done: DocumentOutcome) -> None:
        if done.printer is not self.sent_to:
            return  # another screen's document
        self.sent_to = None
        self.print_button.setEnabled(True)
        if done.outcome.ok:
            self.status.setText(self.tr("Sent to the printer"))
        else:
            failed = self.tr("Printing failed: {reason}")
            self.status.setText(failed.format(reason=done.outcome.reason))


def load_today(ctx: Ctx) -> date:
    return kpi.business_today(ctx)
