"""Small building blocks shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class PickThenType(QComboBox):
    """A list to pick a name from before typing into `then` (a PIN field). Once the list
    has dropped down and closed (a name picked with the mouse or a finger), the keyboard
    goes on to `then`: the PIN typed next lands in its field, not in the list's own
    type-to-find, where the digits vanish and Enter then says no PIN was typed."""

    def __init__(self, then: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.then = then

    def hidePopup(self) -> None:
        super().hidePopup()
        self.then.setFocus(Qt.FocusReason.PopupFocusReason)


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    if role in ("badge", "pill"):
        widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


class ElidedLabel(QLabel):
    """One line of text that, when short of room, ends in "…" instead of being cut
    mid-character or pushing its window wider than the screen. `text()` stays the whole
    text; `shown_text()` is what is drawn."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        least = self.fontMetrics().horizontalAdvance("……") + margins.left() + margins.right()
        return QSize(min(hint.width(), least), hint.height())

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )


def elided_label(text: str = "", role: str | None = None) -> ElidedLabel:
    widget = ElidedLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


class Button(QPushButton):
    """A push button that Enter presses too, not only Space: "Enter confirms" everywhere,
    also outside dialogs (reward and catalog tiles, refund buttons)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.animateClick()
            return
        super().keyPressEvent(event)


class LazyPage(QWidget):
    """A tab that builds its page the first time it is shown or asked for (`page()`), so
    a screen used now and then costs nothing at start-up."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
        return self._page


def button(text: str = "", role: str | None = None) -> QPushButton:
    widget = Button(text)
    if role:
        widget.setProperty("role", role)
    return widget


def tile(lines: list[tuple[str, str | None]], *, height: int = 72) -> QPushButton:
    """A large touch button showing a few lines in their own styles (name, price, …).
    The labels let clicks through; a disabled tile greys them all. A line too long for
    the tile ends in "…", and the first line (the name) is the tile's tooltip."""
    widget = Button()
    if lines:
        widget.setToolTip(lines[0][0])
    widget.setProperty("role", "tile")
    widget.setStyleSheet(f"QPushButton {{ min-height: {height}px; }}")  # beats the 48 px rule
    box = QVBoxLayout(widget)
    box.setContentsMargins(14, 8, 14, 8)
    box.setSpacing(4)
    box.addStretch(1)
    for text, role in lines:
        line = elided_label(text, role)
        line.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        box.addWidget(line)
    box.addStretch(1)
    return widget


class ScrollingBody(QScrollArea):
    """The body of a tall dialog (a long form): as tall as its content where the screen
    has room, scrolling where it has not (a 1024×768 till), so the dialog's own buttons,
    outside the body, stay on screen."""

    ROOM_LEFT = 340  # px of the screen's height: a taskbar, the dialog's frame, title, buttons
    LEAST = 160  # px: the least height of the body

    def __init__(self, body: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget()
        self.body.setLayout(body)
        self.setWidget(self.body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        inner = self.body.sizeHint()
        room = self.screen().availableGeometry().height() - self.ROOM_LEFT
        return QSize(inner.width() + self._bar(), min(inner.height(), max(room, self.LEAST)))

    def minimumSizeHint(self) -> QSize:
        inner = self.body.minimumSizeHint()
        return QSize(inner.width() + self._bar(), min(inner.height(), self.LEAST))


WINDOW_FRAME = QSize(16, 48)  # px a window manager's title bar and borders may take
TASKBAR = QSize(0, 40)  # px a taskbar may cover where the desktop does not set them aside


def resize_within_screen(window: QWidget, wanted: QSize) -> None:
    """Give a window the size it looks best at, or as much of it as its screen has room
    for (a 1024×768 till, its taskbar and the window's frame)."""
    room = window.screen().availableGeometry().size() - WINDOW_FRAME - TASKBAR
    window.resize(wanted.boundedTo(room).expandedTo(window.minimumSizeHint()))


def form_grid(caption_width: int = 0) -> QGridLayout:
    """A two-column form whose captions sit level with their (tall, touch-size) fields;
    forms stacked in one dialog line up when they get the same `caption_width`."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(4)
    grid.setColumnStretch(1, 1)
    grid.setColumnMinimumWidth(0, caption_width)
    return grid


def add_field(grid: QGridLayout, caption: str, field: QWidget, error: QLabel | None = None) -> None:
    """Append a captioned field (and the label that shows its problem) to a form grid."""
    row_no = grid.rowCount()
    text = label(caption)
    text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    text.setBuddy(field)
    grid.addWidget(text, row_no, 0)
    grid.addWidget(field, row_no, 1)
    if error is not None:
        grid.addWidget(error, row_no + 1, 1)


def card(
    parent: QWidget | None = None, *, margins: int = 16, spacing: int = 8
) -> tuple[QFrame, QVBoxLayout]:
    """A white rounded panel and its vertical layout."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return frame, layout


def read_only_table(columns: int) -> QTableWidget:
    """A list of rows (select a whole row, no editing) for the manage panels."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(40)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def reset_rows(table: QTableWidget, count: int) -> None:
    """Empty `table` and give it `count` rows, for filling it again from scratch.

    Through zero rows even when the count is the same: a shown table whose row count does
    not change lays its items out at once on every cell set, and with columns sized to
    their contents (`read_only_table`) that measures the column over all its rows each
    time: minutes of a frozen window to refill a few hundred rows. After a change of row
    count the layout waits until the table is filled."""
    table.setRowCount(0)
    table.setRowCount(count)


def clear(layout: QLayout) -> None:
    """Remove and delete everything in a layout (rebuilt lists, tags, buttons)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        inner = item.layout()
        if inner is not None:
            clear(inner)
            inner.deleteLater()


def row(*widgets: QWidget, spacing: int = 8) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def button_bar(*right: QWidget, left: tuple[QWidget, ...] = ()) -> QHBoxLayout:
    """A dialog's bottom row: `left` buttons, a stretch, then `right` (the default last)."""
    bar = QHBoxLayout()
    for widget in left:
        bar.addWidget(widget)
    bar.addStretch(1)
    for widget in right:
        bar.addWidget(widget)
    return bar


def row_widget(*widgets: QWidget) -> QWidget:
    """Widgets side by side as one widget (a field with its buttons, in a form); the
    first one takes the spare width."""
    holder = QWidget()
    layout = row(*widgets)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setStretch(0, 1)
    holder.setLayout(layout)
    return holder


def alive(obj: QObject | None) -> bool:
    """True while a (dialog) object still exists on the C++ side."""
    return obj is not None and shiboken6.isValid(obj)


def open_dialog(dialog: QDialog) -> QDialog:
    """Open window-modal without blocking the event loop; the dialog is deleted when it
    closes and its window gets the keyboard back (F-keys need an active window, and not
    every till runs a window manager that hands it back), in the field the cashier was in
    when it opened, if that is still on screen. Whoever reacts to the dialog's end after
    this (connected later) may send the keyboard elsewhere."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        # Left to itself Qt opens a window at most 2/3 of the screen high, squeezing a
        # long form on a 1024×768 till while the screen's lower third stays unused.
        resize_within_screen(dialog, dialog.sizeHint())
    owner = dialog.parentWidget()
    if owner is not None:
        window = owner.window()
        was_in = QApplication.focusWidget()

        def give_back() -> None:
            window.activateWindow()
            if (
                was_in is not None
                and alive(was_in)
                and was_in.window() is window
                and was_in.isVisible()
            ):
                was_in.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.finished.connect(lambda _: give_back())
    QDialog.open(dialog)  # QPrintDialog's own `open` wants a slot to call
    return dialog


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask yes/no without blocking (Enter is yes, Esc is no); `on_yes` runs on yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)

    def clicked(choice: QAbstractButton) -> None:
        if box.standardButton(choice) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    open_dialog(box)
    return box


def inform(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """A message the cashier closes with Enter or Esc; never blocks the event loop."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    open_dialog(box)
    return box
