"""Adjusting points and cancelling a voucher from the member panel: a reason, today's
allowance as the service counts it, and the manager's PIN past the limit, with both names
on the audit row."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.models import AuditEntry
from spa_pos.services import adjustments, profile, staff, vouchers
from spa_pos.services.context import Ctx
from spa_pos.ui.adjust_dialog import AdjustDialog, CancelVoucherDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.conftest import register
from tests.ui.conftest import MANAGER_PIN, child, open_dialogs, pick, type_text, wait_dialog


def audit(ctx: Ctx, action: str) -> list[tuple[str, dict[str, Any]]]:
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [(row.actor, json.loads(row.detail)) for row in rows]


def balance(ctx: Ctx, card: str) -> int:
    return profile.member_view(ctx, card).profile.balance


def open_adjust(qtbot: QtBot, window: MainWindow, card: str) -> AdjustDialog:
    window.open_member(card)
    qtbot.waitUntil(lambda: window.member is not None and window.member.card_no == card)
    button = child(window.lookup.panel, QPushButton, "adjustPoints")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return wait_dialog(qtbot, AdjustDialog)


def fill(qtbot: QtBot, dialog: AdjustDialog, delta: int, reason: str) -> None:
    child(dialog, QSpinBox, "adjustPoints").setValue(delta)
    type_text(child(dialog, QLineEdit, "reason"), reason)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_a_cashier_adjusts_within_the_day_s_limit(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 50, "开卡补录")
    dialog = open_adjust(qtbot, window, card)
    allowance = child(dialog, QLabel, "allowance")
    qtbot.waitUntil(lambda: bool(allowance.text()))
    # what the service counted (the words are the translation's)
    assert [n for n in ("50", "200", "150") if n in allowance.text()] == ["50", "200", "150"]
    fill(qtbot, dialog, -30, "")
    assert child(dialog, QLabel, "adjustError").text()  # a reason is required
    qtbot.wait(100)
    assert balance(ctx, card) == 50 and open_dialogs(AdjustDialog)
    fill(qtbot, dialog, -30, "多记了")
    qtbot.waitUntil(lambda: not open_dialogs(AdjustDialog))
    assert balance(ctx, card) == 20
    assert audit(ctx, "points.adjust")[-1][0] == "收银台"


def test_after_an_adjustment_the_keyboard_stays_on_adjust_points(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    """The panel is rebuilt with the new balance; the keyboard stays on its 调整积分
    button rather than falling on the window's next one (改为散客: a stray Enter would
    drop the member)."""
    card = register(ctx, "张三", "13800000001")
    fill(qtbot, open_adjust(qtbot, window, card), 30, "补录")
    panel = window.lookup.panel

    def shown() -> QWidget:
        content = panel.widget()
        assert content is not None
        return content

    def balance_shown() -> str:
        found = shown().findChild(QLabel, "balance")
        return found.text() if found is not None else ""

    qtbot.waitUntil(lambda: balance_shown() == "30")
    assert QApplication.focusWidget() is shown().findChild(QPushButton, "adjustPoints")


def test_past_the_limit_waits_for_the_manager_s_pin_and_records_both_names(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    dialog = open_adjust(qtbot, window, card)
    fill(qtbot, dialog, 300, "活动补偿")
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert child(dialog, QLabel, "adjustError").text() == "超过 200 分的调整需要店长权限"
    assert balance(ctx, card) == 0  # refused until the manager types the PIN
    qtbot.keyClicks(child(pin, QLineEdit, "managerPin"), MANAGER_PIN)
    qtbot.keyClick(child(pin, QLineEdit, "managerPin"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_dialogs(AdjustDialog))
    assert balance(ctx, card) == 300
    actor, detail = audit(ctx, "points.adjust")[-1]
    assert (actor, detail["approver"], detail["reason"]) == ("收银台(店长)", "店长", "活动补偿")


def test_a_voucher_is_cancelled_with_a_reason_once_a_manager_approves(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 200, "测试")
    issued = vouchers.redeem(ctx, card, "R-Q10")
    window.open_member(card)
    qtbot.waitUntil(lambda: window.member is not None and bool(window.member.unused_vouchers))
    cancel = child(window.lookup.panel, QPushButton, f"cancelVoucher_{issued.voucher_code}")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, CancelVoucherDialog)
    type_text(child(dialog, QLineEdit, "reason"), "会员不要了")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert [v.code for v in profile.member_view(ctx, card).unused_vouchers] == [issued.voucher_code]
    qtbot.keyClicks(child(pin, QLineEdit, "managerPin"), MANAGER_PIN)
    qtbot.keyClick(child(pin, QLineEdit, "managerPin"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_dialogs(CancelVoucherDialog))
    assert balance(ctx, card) == 200
    actor, detail = audit(ctx, "voucher.cancel")[-1]
    assert (actor, detail["approver"], detail["reason"]) == ("收银台(店长)", "店长", "会员不要了")


# A drop-down list on the headless platform: it says it cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing the keyboard)")
def test_with_several_managers_the_approver_is_picked_by_name(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    staff.add(ctx, "张店长", "manager", "112233")
    card = register(ctx, "张三", "13800000001")
    fill(qtbot, open_adjust(qtbot, window, card), 250, "活动补偿")
    pin = wait_dialog(qtbot, ManagerPinDialog)
    names = child(pin, QComboBox, "approverName")
    qtbot.waitUntil(lambda: names.count() == 3)  # "any manager", 店长, 张店长
    pick(qtbot, names, "张店长")
    field = child(pin, QLineEdit, "managerPin")
    assert QApplication.focusWidget() is field  # picked from the list, the PIN is typed next
    qtbot.keyClicks(field, MANAGER_PIN)  # the owner's PIN is not 张店长's
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = child(pin, QLabel, "pinError")
    qtbot.waitUntil(lambda: bool(error.text()))
    assert error.text() == "张店长 的密码不对，还可以再试 4 次"
    field.clear()
    qtbot.keyClicks(field, "112233")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_dialogs(AdjustDialog))
    actor, detail = audit(ctx, "points.adjust")[-1]
    assert (actor, detail["approver"]) == ("收银台(张店长)", "张店长")
