"""Checkout: a whole sale by keyboard, vouchers in the cart, walk-ins and courses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.models import Payment, Sale
from spa_pos.services import adjustments, checkout, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from tests.conftest import register
from tests.ui.conftest import answer_yes, child, message_texts, press, wait_dialog


def open_member(qtbot: QtBot, window: MainWindow, card: str) -> None:
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)


def pay_dialog(qtbot: QtBot, window: MainWindow) -> PaymentDialog:
    press(qtbot, window, Qt.Key.Key_F12)
    return wait_dialog(qtbot, PaymentDialog)


def test_full_checkout_by_keyboard_with_split_payment_and_change(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    # F1, scan the card: the member is on the sale.
    press(qtbot, window, Qt.Key.Key_F1)
    with qtbot.waitSignal(window.member_changed):
        qtbot.keyClicks(window.lookup.search, card)
        press(qtbot, window, Qt.Key.Key_Return)
    # F3, two of an item by code, then pay with F12.
    press(qtbot, window, Qt.Key.Key_F3)
    assert window.checkout.search.hasFocus()
    qtbot.keyClicks(window.checkout.search, "zjtn*2")
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.checkout.model.items() == [("ZJTN", 2)]
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥796.00")
    dialog = pay_dialog(qtbot, window)
    # cash is first: tender 400 in cash, Tab twice to WeChat Pay, 500 there.
    assert dialog.fields["cash"].hasFocus()
    qtbot.keyClicks(dialog.fields["cash"], "400")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.fields["wechat"].hasFocus()
    qtbot.keyClicks(dialog.fields["wechat"], "500")
    assert dialog.status.text() == "找零 ¥104.00"
    press(qtbot, dialog, Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    assert child(summary, QLabel, "change").text() == "找零 ¥104.00"
    assert child(summary, QLabel, "pointsEarned").text() == "+400 积分"
    assert "项目积分" in [w.text() for w in summary.findChildren(QLabel)]
    assert child(summary, QLabel, "newBalance").text() == "积分余额 400"
    with cashier.db.read() as s:
        sale = s.scalars(select(Sale)).one()
        assert (sale.due_fen, sale.paid_fen, sale.change_fen) == (79600, 90000, 10400)
        assert sale.member is not None and sale.member.card_no == card
        paid = sorted((p.method, p.amount_fen) for p in s.scalars(select(Payment)))
    assert paid == [("cash", 40000), ("wechat", 50000)]
    assert window.checkout.model.is_empty()
    # Enter closes the summary; the till is ready for the next customer.
    press(qtbot, summary, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.member is None)
    assert window.tabs.currentWidget() is window.lookup


def test_cart_keys_change_quantity_and_remove_lines(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    for code in ("aj", "zyb"):
        qtbot.keyClicks(window.checkout.search, code)
        press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Down)  # from the search into the cart
    table = window.checkout.table
    assert table.hasFocus() and table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Plus)
    qtbot.keyClick(table, Qt.Key.Key_Plus)
    qtbot.keyClick(table, Qt.Key.Key_Minus)
    assert window.checkout.model.items() == [("AJ", 1), ("ZYB", 2)]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.checkout.model.items() == [("AJ", 1)]
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥168.00")
    press(qtbot, window, Qt.Key.Key_Escape)  # the cart goes once the cashier says so
    box = wait_dialog(qtbot, QMessageBox)
    assert window.checkout.model.items() == [("AJ", 1)]
    discard = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert window.checkout.model.is_empty()


def test_catalog_search_by_pinyin_and_category_buttons(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkout
    assert [i.code for i in page.matches("aj")] == ["AJ"]
    assert [i.code for i in page.matches("艾")] == ["AJ"]
    assert page.matches("zjtn")[0].code == "ZJTN"  # the exact code before ZJTN10
    courses = next(b for b in page.chip_group.buttons() if b.text() == "疗程")
    qtbot.mouseClick(courses, Qt.MouseButton.LeftButton)
    assert [i.code for i in page.matches("")] == ["ZJTN10"]


def test_walk_in_sale_needs_no_member(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.keyClicks(window.checkout.search, "tbam")
    press(qtbot, window, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, window)
    rest = dialog.findChild(QPushButton, "rest_cash")
    qtbot.mouseClick(rest, Qt.MouseButton.LeftButton)
    assert dialog.fields["cash"].text() == "128.00"  # "Rest" put the amount due there
    press(qtbot, dialog, Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    assert summary.findChild(QLabel, "pointsEarned") is None
    with cashier.db.read() as s:
        assert s.scalars(select(Sale)).one().member_id is None


def test_a_refused_sale_shows_the_services_reason_in_the_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.keyClicks(window.checkout.search, "zjtn10")
    press(qtbot, window, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, window)
    qtbot.keyClicks(dialog.fields["cash"], "3580")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert "购买疗程需要会员" in dialog.error.text()
    assert dialog.isVisible() and dialog.confirm.isEnabled()


def test_member_voucher_makes_its_line_free_in_the_preview(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 500, "测试")
    service = vouchers.redeem(ctx, card, "R-TBAM")
    coupon = vouchers.redeem(ctx, card, "R-Q10")
    open_member(qtbot, window, card)
    window.lookup.panel.voucher_picked.emit(service.voucher_code)
    page = window.checkout
    qtbot.waitUntil(lambda: page.model.has_voucher(service.voucher_code))
    qtbot.waitUntil(lambda: page.model.items() == [("TBAM", 1)])  # the voucher brought its item
    qtbot.waitUntil(lambda: page.model.quote_is_current)
    assert page.due.text() == "¥0.00" and page.subtotal.text() == "¥128.00"
    page.add_voucher(coupon.voucher_code)
    qtbot.waitUntil(lambda: page.model.has_voucher(coupon.voucher_code))
    qtbot.keyClicks(page.search, "aj")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.due.text() == "¥158.00")
    assert page.model.items() == [("TBAM", 1), ("AJ", 1)]
    assert page.voucher_list.count() == 2
    # a voucher twice is refused
    page.add_voucher(coupon.voucher_code)
    qtbot.waitUntil(lambda: "已在本单中" in page.notice.text())
    # the payment dialog charges the service's quote
    dialog = pay_dialog(qtbot, window)
    assert child(dialog, QLabel, "due").text() == "¥158.00"
    dialog.reject()


def test_the_quote_tells_when_a_voucher_in_the_cart_was_used_meanwhile(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 500, "测试")
    coupon = vouchers.redeem(ctx, card, "R-Q10")
    open_member(qtbot, window, card)
    page = window.checkout
    page.add_voucher(coupon.voucher_code)
    qtbot.waitUntil(lambda: page.model.has_voucher(coupon.voucher_code))
    # another till uses it
    checkout.sell(
        ctx,
        SaleRequest(
            items=[("AJ", 1)],
            member=card,
            vouchers=[coupon.voucher_code],
            payments=[("cash", 15800)],
        ),
    )
    page.add_item(page.matches("aj")[0])
    qtbot.waitUntil(lambda: "兑换券不能使用" in page.notice.text())


def test_voucher_of_another_member_is_refused(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    owner = register(ctx, "张三", "13800000001")
    other = register(ctx, "李四", "13800000002")
    adjustments.adjust(ctx, owner, 500, "测试")
    issued = vouchers.redeem(ctx, owner, "R-Q10")
    open_member(qtbot, window, other)
    window.use_voucher(issued.qr_payload)
    qtbot.waitUntil(window.checkout.notice.isVisible)
    assert vouchers.reason_text("other_member") in window.checkout.notice.text()


def test_using_a_course_session(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    checkout.sell(ctx, SaleRequest(items=[("ZJTN10", 1)], member=card, payments=[("card", 358000)]))
    open_member(qtbot, window, card)
    assert window.member is not None
    assert [(c.code, c.sessions_left) for c in window.member.courses] == [("ZJTN10", 10)]
    window.lookup.panel.use_course_requested.emit("ZJTN10")
    with qtbot.waitSignal(window.member_changed):
        answer_yes(qtbot)
    qtbot.waitUntil(lambda: any("剩余 9 次" in t for t in message_texts()))
    assert window.member is not None and window.member.courses[0].sessions_left == 9
