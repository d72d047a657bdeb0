"""Member lookup: typing (initials, last 4 digits, Chinese names) and the scanner path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from spa_pos.services import adjustments, vouchers
from spa_pos.services.context import Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.main_window import MainWindow
from tests.conftest import register
from tests.ui.conftest import type_text


def result_texts(window: MainWindow) -> list[str]:
    results = window.lookup.results
    return [results.item(i).text() for i in range(results.count())]


def test_lookup_is_focused_on_start(window: MainWindow) -> None:
    assert window.tabs.currentWidget() is window.lookup
    assert window.lookup.search.hasFocus()


def test_lookup_by_initials_then_enter_opens_the_member(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    register(cashier, "李四", "13800000002")
    qtbot.keyClicks(window.lookup.search, "zs")
    qtbot.waitUntil(lambda: len(result_texts(window)) == 1)
    assert "张三" in result_texts(window)[0]
    qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.member is not None)
    assert window.member is not None and window.member.card_no == card
    assert window.lookup.panel.view is not None
    assert window.lookup.panel.view.profile.name == "张三"


def test_lookup_by_last_four_digits(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    register(cashier, "张三", "13812345678")
    register(cashier, "李四", "13800000002")
    qtbot.keyClicks(window.lookup.search, "5678")
    qtbot.waitUntil(lambda: len(result_texts(window)) == 1)
    assert "张三" in result_texts(window)[0]


def test_lookup_by_chinese_name_typed_with_an_input_method(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    register(cashier, "张三", "13800000001")
    register(cashier, "张珊", "13800000002")
    register(cashier, "李四", "13800000003")
    with qtbot.waitSignal(window.lookup.results_shown) as shown:
        type_text(window.lookup.search, "张")
    assert shown.args == [2]
    assert all("张" in text for text in result_texts(window))


def test_unknown_text_says_nobody_was_found(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.lookup.results_shown) as shown:
        qtbot.keyClicks(window.lookup.search, "nobody")
    assert shown.args == [0]
    assert "F2" in window.lookup.hint.text()


def test_scanned_card_number_and_enter_opens_the_member(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    register(cashier, "李四", "13800000002")
    card = register(cashier, "张三", "13800000001")
    with qtbot.waitSignal(window.member_changed):
        qtbot.keyClicks(window.lookup.search, card)
        qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    assert window.member is not None and window.member.card_no == card


def test_scanned_voucher_qr_goes_into_the_current_sale(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 500, "测试")
    issued = vouchers.redeem(ctx, card, "R-Q10")
    qtbot.keyClicks(window.lookup.search, issued.qr_payload)
    qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    checkout = window.checkout
    qtbot.waitUntil(lambda: checkout.model.has_voucher(issued.voucher_code))
    assert window.tabs.currentWidget() is checkout
    # the voucher's owner becomes the sale's member
    qtbot.waitUntil(lambda: window.member is not None and window.member.card_no == card)
    assert "10元优惠券" in checkout.notice.text()


def test_forged_voucher_qr_is_refused_with_its_reason(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 500, "测试")
    issued = vouchers.redeem(ctx, card, "R-Q50")
    forged = issued.qr_payload[:-4] + "AAAA"
    qtbot.keyClicks(window.lookup.search, forged)
    qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    notice = window.checkout.notice
    qtbot.waitUntil(notice.isVisible)
    assert vouchers.reason_text("forged") in notice.text()
    assert window.checkout.model.vouchers == []


def test_scanned_unknown_card_says_so(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.error_shown) as shown:
        qtbot.keyClicks(window.lookup.search, "89999999")
        qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    assert "找不到会员 89999999" in shown.args[0]
    assert window.member is None


def test_phones_are_masked_in_the_list_and_the_panel(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    register(cashier, "张三", "13812345678")
    qtbot.keyClicks(window.lookup.search, "5678")
    qtbot.waitUntil(lambda: len(result_texts(window)) == 1)
    assert "138****5678" in result_texts(window)[0]
    assert "13812345678" not in result_texts(window)[0]
    qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lookup.panel.view is not None)
    shown = " ".join(label.text() for label in window.lookup.panel.findChildren(QLabel))
    assert "138****5678" in shown and "13812345678" not in shown


def test_a_points_change_refreshes_the_list_keeping_the_chosen_row(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    """The list beside the panel shows the balance the service gives after the change,
    not the one from before it; the row the cashier was on stays chosen."""
    register(cashier, "张三", "13800000001")
    card = register(cashier, "张珊", "13800000002")
    type_text(window.lookup.search, "张")
    qtbot.waitUntil(lambda: len(result_texts(window)) == 2)
    window.lookup.results.setCurrentRow(1)
    assert "张珊" in result_texts(window)[1] and "·  0 积分" in result_texts(window)[1]
    window.worker.run(
        lambda ctx: adjustments.adjust(ctx, card, 120, "补录纸质积分"),
        lambda _: None,
        changes=Change.MEMBERS,
    )
    qtbot.waitUntil(lambda: "·  120 积分" in result_texts(window)[1])
    assert "·  0 积分" in result_texts(window)[0]
    assert window.lookup.results.currentRow() == 1
