"""Events and interactions (活动, E4) in 管理: create an activity (lecture, salon, quiz,
live or video interaction) with its points within the configured range, mark attendance
by scanning a card or searching a name, and see who came.

Creating and marking are `adjustments.add_event` and `adjustments.attend` (they check
the range and the one-award-per-member rule); the lists are `events.recent` and
`events.attendees`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.services import adjustments, events, members
from spa_pos.services.adjustments import Attendance
from spa_pos.services.events import Attendee, EventView
from spa_pos.services.members import MemberHit
from spa_pos.ui.changes import Change
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    card,
    form_grid,
    label,
    open_dialog,
    read_only_table,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker


class EventsButton(QPushButton):
    """管理's button for the events screen (open to every cashier: staff at an event
    mark who came)."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setObjectName("openEvents")
        self.clicked.connect(self.open_events)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Events…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_events(self) -> EventsDialog:
        dialog = EventsDialog(self.worker, parent=self.window())
        open_dialog(dialog)
        return dialog


class EventsDialog(QDialog):
    events_shown = Signal(list)  # list[EventView], after every load
    attendees_shown = Signal(list)  # list[Attendee] of the chosen event
    hits_shown = Signal(list)  # list[MemberHit] when a search finds several

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.events: list[EventView] = []
        self.setWindowTitle(self.tr("Events and interactions"))
        self.setModal(True)
        resize_within_screen(self, QSize(1180, 660))
        self.name = QLineEdit()
        self.name.setObjectName("eventName")
        self.name.setPlaceholderText(self.tr("e.g. 春季养生讲座"))
        self.kind = QComboBox()
        self.kind.setObjectName("eventKind")
        for kind in events.KINDS:
            self.kind.addItem(self._kind_text(kind), kind)
        self.on = QDateEdit()
        self.on.setObjectName("eventDate")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setDate(QDate.currentDate())
        self.points = QSpinBox()
        self.points.setObjectName("eventPoints")
        self.range_hint = label("", "muted")
        self.create_button = button(self.tr("Create event"), "primary")
        self.create_button.setObjectName("createEvent")
        self.create_button.clicked.connect(self.create_event)
        self.table = read_only_table(5)
        self.table.setObjectName("eventList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Type"), self.tr("Points"), self.tr("Came"), self.tr("Event")]
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.chosen_title = label(self.tr("Choose an event on the left"), "title")
        self.chosen_title.setObjectName("chosenEvent")
        self.scan = QLineEdit()
        self.scan.setObjectName("attendScan")
        self.scan.setProperty("role", "search")
        self.scan.setPlaceholderText(self.tr("Scan a card, or type a phone, card or name"))
        self.scan.returnPressed.connect(self.look_up)
        self.hits = QListWidget()
        self.hits.setObjectName("attendHits")
        self.hits.itemActivated.connect(self._hit_picked)
        self.hits.itemClicked.connect(self._hit_picked)
        self.hits.hide()
        self.came = read_only_table(4)
        self.came.setObjectName("attendees")
        self.came.setHorizontalHeaderLabels(
            [self.tr("Marked at"), self.tr("Card"), self.tr("Phone"), self.tr("Member")]
        )
        self.message = label("", "error", wrap=True)
        self.message.setObjectName("eventsMessage")
        self.notice = label("", "pill")
        self.notice.setObjectName("eventsNotice")
        self.notice.hide()

        form = form_grid()
        add_field(form, self.tr("Name"), self.name)
        add_field(form, self.tr("Type"), self.kind)
        add_field(form, self.tr("Date"), self.on)
        add_field(form, self.tr("Points"), self.points)
        new_card, new_box = card()
        new_box.addWidget(label(self.tr("New event"), "section"))
        new_box.addLayout(form)
        new_box.addWidget(self.range_hint)
        new_box.addLayout(button_bar(self.create_button))
        left = QVBoxLayout()
        left.addWidget(new_card)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.chosen_title)
        right.addWidget(self.scan)
        right.addWidget(self.hits)
        right.addWidget(self.came, 1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(button_bar(close, left=(self.notice,)))
        self._set_enabled_for_event(None)
        self.worker.run(events.points_range, self._show_range, owner=self)
        self.reload()

    def _kind_text(self, kind: str) -> str:
        return {
            "lecture": self.tr("Health lecture"),
            "salon": self.tr("Wellness salon"),
            "quiz": self.tr("Quiz"),
            "live": self.tr("Live interaction"),
            "video": self.tr("Video interaction"),
        }[kind]

    def _show_range(self, bounds: tuple[int, int]) -> None:
        low, high = bounds
        self.points.setRange(low, high)
        self.points.setValue(low)
        self.range_hint.setText(
            self.tr("Points per member: {low}–{high} (loyalty rules)").format(low=low, high=high)
        )

    # --- the events ------------------------------------------------------------------
    @property
    def chosen(self) -> EventView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.events[rows[0].row()] if rows else None

    def reload(self, select_id: int | None = None) -> None:
        keep = (
            select_id if select_id is not None else (self.chosen.event_id if self.chosen else None)
        )
        self.worker.run(events.recent, lambda found: self._show_events(found, keep), owner=self)

    def _show_events(self, found: list[EventView], select_id: int | None) -> None:
        self.events = found
        self.table.setRowCount(len(found))
        for r, event in enumerate(found):
            cells = [
                event.on.isoformat(),
                self._kind_text(event.kind),
                str(event.points),
                str(event.attendees),
                event.name,
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        rows = [r for r, e in enumerate(found) if e.event_id == select_id]
        if rows:
            self.table.selectRow(rows[0])
        self.events_shown.emit(found)

    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.notice.hide()
            self.message.setText(str(exc))
            return True
        return False

    def create_event(self) -> None:
        name, points = self.name.text(), self.points.value()
        kind = self.kind.currentData()
        on = date.fromisoformat(self.on.date().toString("yyyy-MM-dd"))
        self.worker.run(
            lambda ctx: adjustments.add_event(ctx, name, points, on, kind),
            self._created,
            on_error=self._refused,
            owner=self,
        )

    def _created(self, event_id: int) -> None:
        self.message.clear()
        self.name.clear()
        self.reload(select_id=event_id)
        self.scan.setFocus()

    # --- attendance ------------------------------------------------------------------
    def _set_enabled_for_event(self, event: EventView | None) -> None:
        self.scan.setEnabled(event is not None)
        if event is None:
            self.came.setRowCount(0)

    def _chosen(self) -> None:
        event = self.chosen
        self._set_enabled_for_event(event)
        self.hits.hide()
        if event is None:
            return
        self.chosen_title.setText(
            self.tr("{name} · {date} · +{points} points").format(
                name=event.name, date=event.on.isoformat(), points=event.points
            )
        )
        event_id = event.event_id
        self.worker.run(
            lambda ctx: events.attendees(ctx, event_id), self._show_attendees, owner=self
        )

    def _show_attendees(self, came: list[Attendee]) -> None:
        self.came.setRowCount(len(came))
        for r, who in enumerate(came):
            cells = [f"{who.at:%m-%d %H:%M}", who.card_no, who.phone_masked, who.name]
            for c, text in enumerate(cells):
                self.came.setItem(r, c, QTableWidgetItem(text))
        self.attendees_shown.emit(came)

    def look_up(self) -> None:
        """Enter in the scan field: one member found is marked at once (a scanned card);
        several are listed to pick from (a name)."""
        text = self.scan.text().strip()
        if not text:
            return
        self.worker.run(lambda ctx: members.hits(ctx, text), self._found, owner=self)

    def _found(self, hits: list[MemberHit]) -> None:
        self.hits.clear()
        if len(hits) == 1:
            self.hits.hide()
            self.attend(hits[0].card_no)
            return
        if not hits:
            self.hits.hide()
            self.notice.hide()
            self.message.setText(
                self.tr("No member found for “{text}”").format(text=self.scan.text())
            )
            return
        for hit in hits:
            item = QListWidgetItem(f"{hit.name}  {hit.phone_masked}  {hit.card_no}")
            item.setData(Qt.ItemDataRole.UserRole, hit.card_no)
            self.hits.addItem(item)
        self.hits.show()
        self.hits.setCurrentRow(0)
        self.hits_shown.emit(hits)

    def _hit_picked(self, item: QListWidgetItem) -> None:
        self.hits.hide()
        self.attend(str(item.data(Qt.ItemDataRole.UserRole)))

    def attend(self, card_no: str) -> None:
        event = self.chosen
        if event is None:
            return
        event_id = event.event_id
        self.worker.run(
            lambda ctx: adjustments.attend(ctx, event_id, card_no),
            self._attended,
            on_error=self._refused,
            changes=Change.MEMBERS,
            owner=self,
        )

    def _attended(self, result: Attendance) -> None:
        self.message.clear()
        self.notice.setText(
            self.tr("Marked: +{points} points, balance {balance}").format(
                points=result.points, balance=result.balance
            )
        )
        self.notice.show()
        self.scan.clear()
        self.scan.setFocus()
        self.reload()
        self._chosen()
