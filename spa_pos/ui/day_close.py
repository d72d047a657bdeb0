"""End-of-day close (日结): the Z report of a business date at this till, the counted
cash, closing, printing the report and (manager) reopening a closed day. When other tills
worked that day, a line under the status gives the whole clinic's figures and which tills
have closed (`dayclose.clinic_report`; `spa-pos report z --all-tills` prints it).

A closed day shows the report as it was recorded when it was closed, who closed it and
when, and cannot be changed; an open day shows the live report.

A day is never closed by accident: the keyboard starts in the counted cash, Enter with it
blank is refused next to the field, and closing asks once more naming the difference
(短款 / 长款). The business date is today's unless the cashier deliberately picks another
(改日期…, last in the Tab order), so no stray keystroke moves the close to another day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.printing.content import Block, Heading, Mark, Row, Text, Title
from spa_pos.services import dayclose
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.dayclose import ZReport
from spa_pos.till import DEFAULT as DEFAULT_TILL
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.printing import PrintCenter
from spa_pos.ui.report_print import ReportOutcome, ReportPrinter, report_printer
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import ScrollingBody, button, card, clear, confirm, label
from spa_pos.ui.worker import DbWorker

Line = tuple[str, str, str]  # (key, caption, value)


@dataclass(frozen=True)
class DayView:
    report: ZReport
    today: date
    closed_at: datetime | None  # in the clinic's zone; None while the day is open
    closed_by: str
    clinic_name: str
    printer: ReportPrinter
    till: str  # this till's name
    clinic: ZReport | None  # the clinic's report, when other tills worked that day


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def load_day(ctx: Ctx, day: date | None = None) -> DayView:
    """The day's close if it is closed, else its live Z report (default: today), with
    what printing it needs."""
    status = dayclose.day_status(ctx, day)
    cfg = settings_svc.current(ctx)
    return DayView(
        status.report,
        status.today,
        status.closed_at,
        status.closed_by,
        cfg.clinic_name,
        report_printer(cfg),
        ctx.till,
        status.clinic,
    )


class DayCloseDialog(QDialog):
    closed = Signal(object)  # ZReport, once the day is closed here

    def __init__(
        self, worker: DbWorker, printing: PrintCenter, view: DayView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printing = printing
        self.view = view
        self.values: dict[str, str] = {}  # what each figure shows, by key (tests, printing)
        self.pin_dialog: ManagerPinDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("End-of-day close"))
        self.setModal(True)
        self.setMinimumWidth(820)

        self.date = QDateEdit()
        self.date.setObjectName("businessDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(qdate(view.today))
        self.date.setDate(qdate(view.report.business_date))
        self.date.dateChanged.connect(lambda d: self.load(d.toPython()))
        self.date.hide()  # shown by 改日期…: another day is a deliberate choice
        self.date_label = label("", "section")
        self.date_label.setObjectName("businessDateShown")
        self.change_date = button(self.tr("Change date…"), "link")
        self.change_date.setObjectName("changeDate")
        self.change_date.clicked.connect(self.pick_date)
        self.status = label("", "muted", wrap=True)
        self.status.setObjectName("dayStatus")
        self.till_label = label("", "section")
        self.till_label.setObjectName("tillShown")
        self.clinic_total = label("", "muted", wrap=True)
        self.clinic_total.setObjectName("clinicTotal")
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(16)
        self.counted = QLineEdit()
        self.counted.setObjectName("countedCash")
        self.counted.setProperty("role", "money")
        self.counted.setPlaceholderText("0.00")
        self.counted.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counted.textChanged.connect(self._update_difference)
        self.difference = label("", "amount")
        self.difference.setObjectName("cashDifference")
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("dayCloseError")
        self.note = label("", "muted", wrap=True)
        self.note.setObjectName("printNote")

        self.print_button = button(self.tr("Print Z report"))
        self.print_button.setObjectName("printZ")
        self.print_button.clicked.connect(self.print_report)
        self.reopen_button = button(self.tr("Reopen (manager)"))
        self.reopen_button.setObjectName("reopenDay")
        self.reopen_button.clicked.connect(self.ask_reopen)
        cancel = button(self.tr("Close window (Esc)"))
        cancel.clicked.connect(self.reject)
        self.close_button = button(self.tr("Close the day (Enter)"), "primary")
        self.close_button.setObjectName("closeDay")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.submit)
        printing.report_printed.connect(self._printed)

        top = QHBoxLayout()
        top.addWidget(label(self.windowTitle(), "title"))
        top.addWidget(self.till_label)
        top.addStretch(1)
        top.addWidget(label(self.tr("Business date")))
        top.addWidget(self.date_label)
        top.addWidget(self.date)
        top.addWidget(self.change_date)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        body = QVBoxLayout()  # the figures scroll on a short screen; the counted cash,
        body.setContentsMargins(0, 0, 0, 0)  # where the keyboard is, never scrolls away
        body.addWidget(self.status)
        body.addWidget(self.clinic_total)
        body.addLayout(self.figures)
        layout.addWidget(ScrollingBody(body), 1)
        layout.addWidget(self._cash_card())
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        chain = [self.counted, self.close_button, cancel, self.print_button]
        chain += [self.reopen_button, self.change_date, self.date]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.show_day(view)

    def _cash_card(self) -> QWidget:
        frame, box = card()
        self.expected = label("", "amount")
        self.expected.setObjectName("expectedCash")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(label(self.tr("Expected cash in the drawer"), "section"), 0, 0)
        grid.addWidget(label(self.tr("Counted cash"), "section"), 0, 1)
        grid.addWidget(label(self.tr("Difference"), "section"), 0, 2)
        grid.addWidget(self.expected, 1, 0)
        grid.addWidget(self.counted, 1, 1)
        grid.addWidget(self.difference, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 3)  # the reason, next to the field
        for column in range(3):
            grid.setColumnStretch(column, 1)
        box.addLayout(grid)
        return frame

    # --- the figures -----------------------------------------------------------------
    def sections(self, r: ZReport) -> list[tuple[str, list[Line]]]:
        """The report as titled groups of (key, caption, value): shown and printed."""
        sales = [
            ("sales", self.tr("Sales"), str(r.sales)),
            ("gross", self.tr("List price total"), format_fen(r.gross_fen)),
            ("discount", self.tr("Vouchers and coupons"), format_fen(-r.discount_fen)),
            ("revenue", self.tr("Revenue"), format_fen(r.revenue_fen)),
        ]
        sales += [
            (f"method_{m}", "  " + i18n.method_name(m), format_fen(fen))
            for m, fen in r.by_method.items()
        ]
        refunds = [
            ("refunds", self.tr("Refunds"), str(r.refunds)),
            ("refunds_fen", self.tr("Refunded"), format_fen(-r.refunds_fen)),
        ]
        refunds += [
            (f"refund_{m}", "  " + i18n.method_name(m), format_fen(-fen))
            for m, fen in r.refunds_by_method.items()
            if fen
        ]
        refunds.append(("net_revenue", self.tr("Net revenue"), format_fen(r.net_revenue_fen)))
        vouchers = [
            ("vouchers_used", self.tr("Reward vouchers used"), str(r.vouchers_used)),
            ("coupons_used", self.tr("Coupons used"), str(r.coupons_used)),
        ]
        points = [
            ("points_issued", self.tr("Points issued"), f"{r.points_issued:,}"),
            ("points_redeemed", self.tr("Points redeemed"), f"{r.points_redeemed:,}"),
            ("points_expired", self.tr("Points expired"), f"{r.points_expired:,}"),
            ("points_reversed", self.tr("Points taken back by refunds"), f"{r.points_reversed:,}"),
            ("new_members", self.tr("New members"), str(r.new_members)),
            ("audit_anchor", self.tr("Audit anchor"), r.audit_anchor or "—"),
        ]
        return [
            (self.tr("SALES"), sales),
            (self.tr("REFUNDS"), refunds),
            (self.tr("VOUCHERS"), vouchers),
            # The points and members are the clinic's on a till's report too (the ledger is
            # not kept per till): said so, or two tills' reports seem to add up to double.
            (
                self.tr("POINTS AND MEMBERS (WHOLE CLINIC)")
                if r.till
                else self.tr("POINTS AND MEMBERS"),
                points,
            ),
        ]

    def show_day(self, view: DayView, problem: str = "") -> None:
        self.view = view
        r = view.report
        clear(self.figures)
        self.values.clear()
        sections = self.sections(r)
        columns = [sections[:2], sections[2:]]
        for column, groups in enumerate(columns):
            frame, box = card()
            for title, lines in groups:
                box.addWidget(label(title, "section"))
                grid = QGridLayout()
                grid.setVerticalSpacing(2)
                for row, (key, caption, value) in enumerate(lines):
                    shown = label(value)
                    shown.setObjectName(f"z_{key}")
                    grid.addWidget(label(caption, "muted"), row, 0)
                    grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignRight)
                    self.values[key] = value
                box.addLayout(grid)
            box.addStretch(1)
            self.figures.addWidget(frame, 0, column)
        self.expected.setText(format_fen(r.expected_cash_fen))
        self.till_label.setText(self.tr("Till {till}").format(till=view.till))
        self.clinic_total.setText(self.clinic_text(view.clinic) if view.clinic else "")
        self.clinic_total.setVisible(view.clinic is not None)
        day = r.business_date
        self.date_label.setText(
            day.isoformat()
            if day == view.today
            else self.tr("{date} (not today)").format(date=day.isoformat())
        )
        set_role(self.date_label, "section" if day == view.today else "warn")
        is_closed = view.closed_at is not None
        self.counted.setReadOnly(is_closed)
        if is_closed:
            self.counted.setText(
                "" if r.counted_cash_fen is None else f"{r.counted_cash_fen / 100:.2f}"
            )
            self.status.setText(
                self.tr(
                    "Closed on {time} by {who}. The report is read-only; "
                    "a manager can reopen the day."
                ).format(time=f"{view.closed_at:%Y-%m-%d %H:%M}", who=view.closed_by)
            )
        else:
            self.status.setText(
                self.tr("Not closed yet. Count the cash in the drawer, then close the day.")
            )
        set_role(self.status, "warn" if is_closed else "muted")
        self.close_button.setEnabled(not is_closed)
        self.reopen_button.setVisible(is_closed)
        self._update_difference()
        self.error.setText(problem)
        if not self.date.hasFocus():  # a date being typed keeps the keyboard
            (self.counted if not is_closed else self.print_button).setFocus()

    def clinic_text(self, clinic: ZReport) -> str:
        """The whole clinic in one line: its figures and each till, closed or not."""
        tills = self.tr("; ").join(
            self.tr("{till} closed").format(till=t.till)
            if t.closed
            else self.tr("{till} not closed").format(till=t.till)
            for t in clinic.tills
        )
        return self.tr("Whole clinic: {sales} sales, net revenue {net} ({tills}).").format(
            sales=clinic.sales, net=format_fen(clinic.net_revenue_fen), tills=tills
        )

    def load(self, day: date, problem: str = "") -> None:
        self.worker.run(
            lambda ctx: load_day(ctx, day), lambda view: self.show_day(view, problem), owner=self
        )

    def pick_date(self) -> None:
        """改日期…: the date field appears and takes the keyboard."""
        self.date.show()
        self.date.setFocus()

    def counted_fen(self) -> int | None:
        """The counted cash as it is being typed, None while empty; raises DomainError
        if it is malformed."""
        text = self.counted.text()
        return dayclose.counted_cash(text) if text.strip() else None

    def difference_text(self, diff: int) -> str:
        """短款 ¥12.00 / 长款 ¥2.00 / 相符: the difference in the words of a cash count."""
        if diff == 0:
            return self.tr("cash matches")
        text = self.tr("over {amount}") if diff > 0 else self.tr("short {amount}")
        return text.format(amount=format_fen(abs(diff)))

    def _update_difference(self) -> None:
        try:
            counted = self.counted_fen()
        except DomainError as exc:
            self.difference.setText("—")
            set_role(self.difference, "amount")
            self.error.setText(str(exc))
            return
        self.error.clear()
        diff = None if counted is None else counted - self.view.report.expected_cash_fen
        if diff is None:
            text, role = "—", "amount"
        elif diff == 0:
            text, role = self.tr("{amount} (matches)"), "amount"
        elif diff > 0:
            text, role = self.tr("+{amount} (over)"), "amountOver"
        else:
            text, role = self.tr("{amount} (short)"), "amountShort"
        self.difference.setText(text.format(amount=format_fen(diff or 0)))
        set_role(self.difference, role)

    # --- closing, reopening, printing ------------------------------------------------
    def submit(self) -> None:
        """Enter / the close button: refused with the cash blank or malformed (the reason
        next to the field, the keyboard back in it), else asks once more naming the
        difference. With a difference, the question's default answer is No: a second
        Enter does not close a day that does not add up."""
        if self.view.closed_at is not None:
            return
        try:
            counted = dayclose.counted_cash(self.counted.text())
        except DomainError as exc:
            self.error.setText(str(exc))
            self.counted.setFocus()
            return
        r = self.view.report
        diff = counted - r.expected_cash_fen
        self.confirmation = confirm(
            self,
            self.tr("Close the day"),
            self.tr(
                "Close the business day {date}?\n"
                "Expected cash {expected}, counted {counted}: {difference}."
            ).format(
                date=r.business_date.isoformat(),
                expected=format_fen(r.expected_cash_fen),
                counted=format_fen(counted),
                difference=self.difference_text(diff),
            ),
            lambda: self.close_the_day(counted),
        )
        if diff:
            self.confirmation.setDefaultButton(QMessageBox.StandardButton.No)

    def close_the_day(self, counted: int) -> None:
        day = self.view.report.business_date
        self.close_button.setEnabled(False)
        self.worker.run(
            lambda ctx: dayclose.close_day(ctx, day, counted),
            self._closed,
            on_error=self._refused,
            changes=Change.DAY_CLOSE,
            owner=self,
        )

    def _closed(self, report: ZReport) -> None:
        self.closed.emit(report)
        self.load(report.business_date)

    def _refused(self, exc: Exception) -> bool:
        self.close_button.setEnabled(True)
        if isinstance(exc, DomainError):  # closed elsewhere meanwhile: show it closed
            self.load(self.view.report.business_date, str(exc))
            return True
        return False

    def ask_reopen(self) -> None:
        day = self.view.report.business_date
        self.pin_dialog = approve(
            self.worker,
            "reopen_day",
            self.tr("Reopen the close of {date}? The day can then be closed again.").format(
                date=day.isoformat()
            ),
            lambda ctx: dayclose.reopen_day(ctx, day),
            lambda _: self.load(day),
            changes=Change.DAY_CLOSE,
            parent=self,
        )

    def report_blocks(self) -> list[Block]:
        view, r = self.view, self.view.report
        blocks: list[Block] = [
            Title(view.clinic_name),
            Mark(self.tr("Z report") if view.closed_at else self.tr("Z report (not closed)")),
            Text(
                self.tr("Business date {date}").format(date=r.business_date.isoformat()), "center"
            ),
            Text(self.tr("Till {till}").format(till=view.till), "center"),
        ]
        for title, lines in self.sections(r):
            blocks.append(Heading(title))
            blocks += [
                Row(caption.strip(), value, indent=int(caption.startswith(" ")))
                for _key, caption, value in lines
            ]
        blocks.append(Heading(self.tr("CASH")))
        blocks.append(
            Row(self.tr("Expected cash in the drawer"), format_fen(r.expected_cash_fen), bold=True)
        )
        if view.closed_at is not None:
            if r.counted_cash_fen is not None and r.difference_fen is not None:
                blocks.append(Row(self.tr("Counted cash"), format_fen(r.counted_cash_fen)))
                blocks.append(Row(self.tr("Difference"), format_fen(r.difference_fen), bold=True))
            blocks.append(
                Text(
                    self.tr("Closed on {time} by {who}").format(
                        time=f"{view.closed_at:%Y-%m-%d %H:%M}", who=view.closed_by
                    ),
                    size="small",
                )
            )
        return blocks

    def print_report(self) -> None:
        day = self.view.report.business_date
        self.print_button.setEnabled(False)
        self.note.setText(self.tr("Printing…"))
        self.printing.print_report(
            self.report_blocks(),
            self.tr("Z report {date}").format(date=day.isoformat()),
            f"Z-{day:%Y%m%d}"
            if self.view.till == DEFAULT_TILL
            else f"Z-{day:%Y%m%d}-{self.view.till}",
            self.view.printer,
        )

    def _printed(self, outcome: ReportOutcome) -> None:
        self.print_button.setEnabled(True)
        if not outcome.ok:
            self.note.setText(self.tr("Printing failed: {reason}").format(reason=outcome.reason))
        elif outcome.output is not None:
            self.note.setText(self.tr("Saved as {file}").format(file=outcome.output))
        else:
            self.note.setText(self.tr("Sent to the printer"))
