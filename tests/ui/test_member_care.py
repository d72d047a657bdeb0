"""会员关怀 from the manage tab: the kind filter, copying a text to the clipboard, marking
a contact with its note, the rescue after the manager PIN, the exported file read back and
the printed call list."""

from __future__ import annotations

import csv
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.clock import FixedClock
from spa_pos.services import jobs, outreach, staff
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_care import CareState, MemberCareDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.services.test_jobs_reminders import buy, join, local
from tests.ui.conftest import (
    MANAGER_PIN,
    cell_text,
    child,
    open_dialogs,
    pdf_text,
    press,
    sign_in,
    type_text,
    wait_dialog,
)


def open_care(qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock) -> MemberCareDialog:
    """张三: 2400 points expiring on 2026-03-20, away a year, a course never used; 李四
    the same without consent. The screen lists what is to contact."""
    join(ctx, "张三", "13800000001")
    join(ctx, "李四", "13800000002", consent=False)
    buy(ctx, "13800000001", local(2025, 3, 20), "ZJTN10", 358000)
    buy(ctx, "13800000002", local(2025, 3, 20), "ZJTN10", 358000)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(child(window.manage, QPushButton, "openMemberCare"), Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, MemberCareDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    return dialog


def test_every_column_fits_without_scrolling(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    """The status and the follow-up stay in sight on a small till screen: the message
    wraps in the room left rather than pushing them off to the right."""
    dialog = open_care(qtbot, window, ctx, clock)
    table = dialog.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnWidth(last) >= 150  # room for "已回店：… (老板 03-10 10:00)"


def choose(qtbot: QtBot, dialog: MemberCareDialog, kind: str | None, rows: int) -> None:
    dialog.kinds.setCurrentIndex(dialog.kinds.findData(kind))
    qtbot.waitUntil(
        lambda: (
            dialog.table.rowCount() == rows
            and (kind is None or all(v.kind == kind for v in dialog.views))
            and len(dialog.views) == rows
        )
    )


def test_filter_copy_and_mark(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    dialog = open_care(qtbot, window, ctx, clock)
    assert [cell_text(dialog.table, r, 2) for r in range(3)] == ["13800000001"] * 3  # no 李四
    assert dialog.rate.text().startswith("唤醒成功率：—")  # nobody contacted: no rate, not 0%
    choose(qtbot, dialog, "dormant", 1)
    [view] = dialog.views
    assert view.kind == "dormant"

    QGuiApplication.clipboard().clear()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == view.text
    assert cell_text(dialog.table, 0, 3) == view.text

    type_text(dialog.note, "微信已发，说下周来")
    qtbot.mouseClick(dialog.sent, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)  # no longer to contact
    marked = outreach.message(ctx, view.id)
    assert (marked.status, marked.result, marked.note) == ("sent", "sent", "微信已发，说下周来")
    dialog.statuses.setCurrentIndex(dialog.statuses.findData("sent"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert "微信已发，说下周来" in cell_text(dialog.table, 0, 5)
    assert dialog.note.text() == ""


def test_a_long_list_refills_at_once(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    """After marking a contact the list loads again with as many rows as before (2000, the
    most it shows, on a busy day). Refilling a shown table whose row count is unchanged
    had every cell set measure its columns over all the rows again: minutes of a frozen
    window for a few hundred rows."""
    dialog = open_care(qtbot, window, ctx, clock)
    view = dialog.views[0]
    many = [replace(view, id=n, member_name=f"会员{n}", text=f"{view.text}{n}") for n in range(150)]
    state = CareState(many, outreach.rate(ctx), "测试理疗馆")
    dialog.show_state(state)
    qtbot.wait(100)  # laid out and painted, as the list is when a contact is marked
    started = time.monotonic()
    dialog.show_state(replace(state, messages=many[1:] + many[:1]))
    assert time.monotonic() - started < 5
    assert cell_text(dialog.table, 0, 1) == "会员1" and dialog.table.rowCount() == 150


def test_rescue_after_the_manager_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    dialog = open_care(qtbot, window, ctx, clock)
    choose(qtbot, dialog, "course_idle", 1)
    assert not dialog.extend.isEnabled()
    choose(qtbot, dialog, "expiry_reminder", 1)
    assert dialog.extend.isEnabled()
    qtbot.mouseClick(dialog.extend, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.views) and dialog.views[0].rescue == "extend")
    assert not dialog.extend.isEnabled() and not dialog.bonus.isEnabled()
    assert "2400" in dialog.message.text()


def test_export_reads_back_and_the_call_list_prints(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock, tmp_path: Path
) -> None:
    """The cashier works the outbox on screen; the file of it takes a manager's PIN."""
    dialog = open_care(qtbot, window, ctx, clock)
    out = tmp_path / "care.csv"
    dialog.export_to(out)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert not out.exists()
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(out.exists)
    qtbot.waitUntil(lambda: "care.csv" in dialog.message.text())
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[1] for r in rows[1:]] == ["积分到期提醒", "唤醒：沉睡", "疗程未使用"]
    assert rows[1][5] == dialog.views[0].text
    assert (rows[1][6], rows[1][8]) == ("待联系", "")  # by name, as the screen shows them
    outreach.mark(ctx, dialog.views[0].id, "came_back", "周六来了")
    marked = tmp_path / "marked.csv"
    outreach.export(ctx, marked, status="sent")
    with marked.open(encoding="utf-8-sig", newline="") as f:
        [_, row] = list(csv.reader(f))
    assert (row[1], row[6], row[8], row[9]) == ("积分到期提醒", "已发送", "已回店", "周六来了")

    with qtbot.waitSignal(window.printing.report_printed, timeout=10_000) as printed:
        qtbot.mouseClick(dialog.print_list, Qt.MouseButton.LeftButton)
    output = printed.args[0].output
    assert output is not None
    text = pdf_text(output)
    assert "张三" in text and "13800000001" in text and "李四" not in text


def test_a_signed_in_manager_exports_without_a_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock, tmp_path: Path
) -> None:
    staff.add(ctx, "李店长", "manager", "97531357")
    window.sign_out()
    sign_in(qtbot, window, Actor("李店长", "manager"))
    dialog = open_care(qtbot, window, ctx, clock)
    out = tmp_path / "care.xlsx"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: "care.xlsx" in dialog.message.text())
    assert not open_dialogs(ManagerPinDialog)
    assert out.exists()
