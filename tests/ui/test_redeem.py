"""Redeem: rewards enabled or disabled by the balance, the voucher and its QR code."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.services import adjustments, members, vouchers
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.redeem import VoucherDialog, qr_pixmap
from tests.conftest import register
from tests.ui.conftest import answer_yes, child, open_dialogs, press, wait_dialog


def member_with(qtbot: QtBot, window: MainWindow, ctx: Ctx, points: int) -> str:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, points, "测试")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    press(qtbot, window, Qt.Key.Key_F4)
    return card


def status(tile: QPushButton) -> str:
    found = tile.findChild(QLabel, "status")
    assert found is not None
    return found.text()


def test_without_a_member_every_reward_is_shown_but_disabled(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, Qt.Key.Key_F4)
    tiles = window.redeem.buttons
    assert len(tiles) == 6
    assert not any(tile.isEnabled() for tile in tiles.values())
    assert window.redeem.heading.text() == "请先选择会员 (F1)"


def test_rewards_are_enabled_or_disabled_by_the_balance(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    member_with(qtbot, window, ctx, 250)
    tiles = window.redeem.buttons
    assert tiles["R-Q10"].isEnabled() and tiles["R-ZYB"].isEnabled()
    assert not tiles["R-TBAM"].isEnabled()
    assert status(tiles["R-TBAM"]) == "还差 50 分"
    assert status(tiles["R-YBLL"]) == "还差 550 分"
    assert window.redeem.balance.text() == "可用 250 积分"


def test_redeeming_shows_the_voucher_with_its_qr_code(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = member_with(qtbot, window, ctx, 250)
    qtbot.mouseClick(window.redeem.buttons["R-ZYB"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.redeem.redeemed) as redeemed:
        answer_yes(qtbot)
    issued = redeemed.args[0]
    dialog = wait_dialog(qtbot, VoucherDialog)
    assert child(dialog, QLabel, "voucherCode").text() == issued.voucher_code
    qr = child(dialog, QLabel, "voucherQr").pixmap()
    assert qr is not None and qr.width() >= 200
    with ctx.db.read() as s:
        assert members.find_one(s, card).points_balance == 50
        assert vouchers.check(s, issued.qr_payload, issued.expires_on).valid
    # the balance, stock and tiles follow the change
    qtbot.waitUntil(lambda: window.redeem.balance.text() == "可用 50 积分")
    qtbot.waitUntil(
        lambda: any(
            "库存 49" in w.text() for w in window.redeem.buttons["R-ZYB"].findChildren(QLabel)
        )
    )
    assert not window.redeem.buttons["R-ZYB"].isEnabled()
    print_button = dialog.findChild(QPushButton, "printVoucher")
    with qtbot.waitSignal(window.printing.finished, timeout=10_000) as printed:
        qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].ok
    assert Path(printed.args[0].output).name == f"voucher-{issued.voucher_code}.pdf"


def test_saying_no_redeems_nothing(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    card = member_with(qtbot, window, ctx, 250)
    qtbot.mouseClick(window.redeem.buttons["R-Q10"], Qt.MouseButton.LeftButton)
    box = wait_dialog(qtbot, QMessageBox)
    press(qtbot, box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not open_dialogs(QMessageBox))
    with ctx.db.read() as s:
        assert members.find_one(s, card).points_balance == 250


def test_qr_code_decodes_to_the_payload() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    payload = "SPAV1.VABCDEFGHJ.ABCDEFGHIJKLMNOPQRSTUVWX"
    image = qr_pixmap(payload).toImage()
    rgb = Image.frombytes("RGBA", (image.width(), image.height()), bytes(image.constBits()))
    found = zxingcpp.read_barcodes(rgb.convert("L"))
    assert [b.text for b in found] == [payload]


def test_redeem_by_keyboard(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    card = member_with(qtbot, window, ctx, 250)
    assert window.redeem.buttons["R-Q10"].hasFocus()  # the first reward within reach
    with qtbot.waitSignal(window.redeem.redeemed):
        press(qtbot, window, Qt.Key.Key_Return)  # Enter on the tile
        box = wait_dialog(qtbot, QMessageBox)
        press(qtbot, box, Qt.Key.Key_Return)  # Enter is yes
    dialog = wait_dialog(qtbot, VoucherDialog)
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_dialogs(VoucherDialog))
    with ctx.db.read() as s:
        assert members.find_one(s, card).points_balance == 150


def test_the_tab_is_built_after_start_up_with_the_member_and_rewards_of_then(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    qtbot.waitUntil(lambda: window.redeem_tab.is_built and window.today_tab.is_built)
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 250, "测试")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    # a redeem page built now (as F4 does before the tabs are built) starts where the
    # window is: the member chosen and the rewards loaded
    late = window._build_redeem()
    qtbot.addWidget(late)
    assert len(late.buttons) == 6
    assert late.buttons["R-Q10"].isEnabled() and not late.buttons["R-TBAM"].isEnabled()


def test_points_spent_at_another_till_refuse_and_the_screen_shows_what_is_left(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    """Two tills on one server: the other till spent the points after this one read the
    balance. The redemption here is refused, and the screen then shows the balance left
    instead of still offering what the member can no longer afford."""
    card = member_with(qtbot, window, ctx, 350)
    vouchers.redeem(replace(ctx, till="二楼"), card, "R-TBAM")  # 300 of the 350, upstairs
    assert window.redeem.buttons["R-TBAM"].isEnabled()  # this till still shows 350
    qtbot.mouseClick(window.redeem.buttons["R-TBAM"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.error_shown) as refused:
        answer_yes(qtbot)
    assert "积分不足" in refused.args[0]
    qtbot.waitUntil(lambda: window.redeem.balance.text() == "可用 50 积分")
    assert not window.redeem.buttons["R-TBAM"].isEnabled()
    assert window.member is not None and window.member.profile.balance == 50
