"""The events screen (活动, E4) in 管理: create an event within the points range, mark
attendance by a scanned card or a searched name, see who came."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QTableWidget
from pytestqt.qtbot import QtBot

from spa_pos.services import profile
from spa_pos.services.context import Ctx
from spa_pos.ui.events_screen import EventsDialog
from spa_pos.ui.main_window import MainWindow
from tests.conftest import register
from tests.ui.conftest import cell_text, child, type_text, wait_dialog


def _scan(qtbot: QtBot, dialog: EventsDialog, text: str) -> None:
    scan = child(dialog, QLineEdit, "attendScan")
    scan.clear()
    type_text(scan, text)
    qtbot.keyClick(scan, Qt.Key.Key_Return)


def test_create_an_event_and_mark_who_came(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    zhang = register(ctx, "张三", "13800000001")
    register(ctx, "李四", "13800000002")
    register(ctx, "李四", "13800000003")  # two 李四: a search lists both
    window.go(window.manage_tab)
    qtbot.mouseClick(child(window.manage, QPushButton, "openEvents"), Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, EventsDialog)
    points = child(dialog, QSpinBox, "eventPoints")
    qtbot.waitUntil(lambda: points.maximum() == 150)
    assert points.minimum() == 50
    points.setValue(999)  # the range holds in the field too
    assert points.value() == 150

    type_text(child(dialog, QLineEdit, "eventName"), "春季养生讲座")
    points.setValue(80)
    table = child(dialog, QTableWidget, "eventList")
    qtbot.mouseClick(child(dialog, QPushButton, "createEvent"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.chosen is not None)  # the new event, chosen
    assert table.rowCount() == 1 and cell_text(table, 0, 4) == "春季养生讲座"
    assert dialog.chosen is not None and dialog.chosen.points == 80

    came = child(dialog, QTableWidget, "attendees")
    _scan(qtbot, dialog, zhang)  # a scanned card marks at once
    qtbot.waitUntil(lambda: came.rowCount() == 1)
    assert cell_text(came, 0, 3) == "张三"
    assert profile.member_view(ctx, zhang).profile.balance == 80

    with qtbot.waitSignal(dialog.hits_shown):
        _scan(qtbot, dialog, "李四")
    hits = child(dialog, QListWidget, "attendHits")
    assert hits.count() == 2
    hits.itemClicked.emit(hits.item(1))
    qtbot.waitUntil(lambda: came.rowCount() == 2)
    assert cell_text(came, 0, 3) == "李四"
    qtbot.waitUntil(lambda: cell_text(table, 0, 3) == "2")

    _scan(qtbot, dialog, zhang)  # once per member per event
    message = child(dialog, QLabel, "eventsMessage")
    qtbot.waitUntil(lambda: "已经领过" in message.text())
    assert came.rowCount() == 2
