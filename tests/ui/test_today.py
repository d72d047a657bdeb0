"""Today's sales: the list, finding a sale by number, reprint and refunds with the PIN."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.models import Sale
from spa_pos.money import format_fen
from spa_pos.services import catalog, checkout, dayclose, members, refunds, staff
from spa_pos.services.checkout import SaleRequest, SaleResult
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.conftest import register
from tests.ui.conftest import (
    MANAGER_PIN,
    answer_yes,
    message_texts,
    open_dialogs,
    pdf_text,
    press,
    sign_in,
    wait_dialog,
)


def sell(ctx: Ctx, card: str | None, *items: tuple[str, int]) -> SaleResult:
    with ctx.db.read() as s:
        due = sum(catalog.item_by_code(s, code).price_fen * qty for code, qty in items)
    return checkout.sell(
        ctx, SaleRequest(items=list(items), member=card, payments=[("wechat", due)])
    )


def open_today(qtbot: QtBot, window: MainWindow, count: int) -> None:
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == count)


def test_the_days_sales_are_listed_newest_first(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000001")
    first = sell(ctx, card, ("AJ", 1))
    clock.advance(minutes=5)
    second = sell(ctx, None, ("ZYB", 2))
    open_today(qtbot, window, 2)
    sales = window.today.model.sales
    assert [s.sale_no for s in sales] == [second.sale_no, first.sale_no]
    assert window.today.summary.text().endswith("¥246.00")
    assert window.today.by_method.text() == "微信支付 ¥246.00"
    model = window.today.model
    assert model.data(model.index(1, 2)) == "张三"
    assert model.data(model.index(0, 2)) == "散客"
    assert model.data(model.index(1, 5)) == "微信支付 ¥168.00"


def test_search_by_sale_number_and_reprint(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    sold = sell(ctx, None, ("AJ", 1))
    sell(ctx, None, ("ZYB", 1))
    open_today(qtbot, window, 2)
    qtbot.keyClicks(window.today.search, sold.sale_no.lower())
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.today.current is not None and window.today.current.sale_no == sold.sale_no
    )
    with qtbot.waitSignal(window.printing.finished, timeout=10_000) as printed:
        qtbot.mouseClick(window.today.reprint, Qt.MouseButton.LeftButton)
    output = Path(printed.args[0].output)
    assert output.name == f"{sold.sale_no}.pdf"
    assert "重 印" in pdf_text(output)  # the reprint stamp
    window.today.search.clear()
    window.today.search.setFocus()
    qtbot.keyClicks(window.today.search, "S20260310-0099")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "没有销售单 S20260310-0099。" in message_texts())


def test_whole_refund_asks_for_the_manager_pin(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    sold = sell(ctx, card, ("AJ", 1))
    open_today(qtbot, window, 1)
    window.today.table.selectRow(0)
    qtbot.mouseClick(window.today.refund_all, Qt.MouseButton.LeftButton)
    answer_yes(qtbot)
    dialog = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(dialog.pin, "0000")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() == "店长密码不对")
    with ctx.db.read() as s:
        assert s.scalars(select(Sale.status)).one() == "completed"
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, MANAGER_PIN)
    with qtbot.waitSignal(window.today.refunded) as refunded:
        press(qtbot, dialog, Qt.Key.Key_Return)
    result = refunded.args[0]
    assert (result.refunded_fen, result.points_reversed) == (16800, sold.points_earned)
    qtbot.waitUntil(lambda: any("退款单" in t for t in message_texts()))
    with ctx.db.read() as s:
        assert s.scalars(select(Sale.status)).one() == "refunded"
        assert members.find_one(s, card).points_balance == 0
    qtbot.waitUntil(lambda: window.today.model.sales[0].status == "refunded")
    assert not window.today.refund_all.isEnabled()


def test_a_whole_refund_asks_first_even_a_manager(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    """A manager gets no PIN prompt, so the question with the sale and the money is the
    only pause before the whole sale is paid back; Esc leaves the sale as it was."""
    staff.add(ctx, "李店长", "manager", "97531357")
    window.sign_out()
    sign_in(qtbot, window, Actor("李店长", "manager"))
    sold = sell(ctx, None, ("AJ", 1), ("ZYB", 1))
    open_today(qtbot, window, 1)
    window.today.table.selectRow(0)
    qtbot.mouseClick(window.today.refund_all, Qt.MouseButton.LeftButton)
    box = wait_dialog(qtbot, QMessageBox)
    assert box.text() == f"整单退款 {sold.sale_no}：退回 ¥207.00？"
    press(qtbot, box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    window.worker.wait_for_done()
    with ctx.db.read() as s:
        assert s.scalars(select(Sale.status)).one() == "completed"
    qtbot.mouseClick(window.today.refund_all, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.today.refunded) as refunded:
        answer_yes(qtbot)
    assert refunded.args[0].refunded_fen == 20700
    assert not open_dialogs(ManagerPinDialog)


def test_refund_of_the_ticked_lines(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    sell(ctx, None, ("AJ", 1), ("ZYB", 1))
    open_today(qtbot, window, 1)
    window.today.table.selectRow(0)
    qtbot.mouseClick(window.today.refund_lines, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "请先勾选要退款的行。" in message_texts())
    for box in window.findChildren(QMessageBox):
        box.close()
    window.today.lines.item(1).setCheckState(Qt.CheckState.Checked)
    assert window.today.ticked_lines() == [2]
    qtbot.mouseClick(window.today.refund_lines, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(dialog.pin, MANAGER_PIN)
    with qtbot.waitSignal(window.today.refunded) as refunded:
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert refunded.args[0].refunded_fen == 3900
    qtbot.waitUntil(lambda: window.today.model.sales[0].status == "partially_refunded")
    assert "已退" in window.today.lines.item(1).text()


def test_each_service_line_shows_its_therapist(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    staff.add(ctx, "王技师", "therapist", "246801")
    checkout.sell(
        ctx,
        SaleRequest([("AJ", 1), ("ZYB", 1)], [("cash", 16800 + 3900)], therapists={"AJ": "王技师"}),
    )
    open_today(qtbot, window, 1)
    window.today.table.selectRow(0)
    qtbot.waitUntil(lambda: window.today.lines.count() == 2)
    served, product = (window.today.lines.item(row).text() for row in range(2))
    assert served.startswith("1. 艾灸") and served.endswith("技师 王技师")
    assert "技师" not in product


def test_the_list_refreshes_on_sales_and_refunds_only(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    open_today(qtbot, window, 0)
    sell(ctx, None, ("AJ", 1))  # made elsewhere (another till, the command line)
    with qtbot.waitSignal(window.worker.changed):
        window.worker.run(lambda _ctx: None, changes=Change.SETTINGS)
    later: list[None] = []
    window.worker.run(lambda _ctx: None, later.append)  # after any refresh just queued
    qtbot.waitUntil(lambda: bool(later))
    assert window.today.model.rowCount() == 0
    window.worker.run(lambda _ctx: None, changes=Change.SALES)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)


def test_refunds_are_rows_of_their_own_and_the_totals_are_the_z_reports(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    """A split payment, a partial and a full refund: the header is net, per method, and
    agrees with the Z report to the fen."""
    card = register(ctx, "张三", "13800000001")
    split = checkout.sell(
        ctx,
        SaleRequest(items=[("AJ", 1), ("ZYB", 1)], payments=[("cash", 10000), ("wechat", 10700)]),
    )
    whole = checkout.sell(
        ctx, SaleRequest(items=[("ZYB", 2)], member=card, payments=[("alipay", 7800)])
    )
    clock.advance(minutes=5)
    partial = refunds.refund(ctx, split.sale_no, [2])
    clock.advance(minutes=5)
    full = refunds.refund(ctx, whole.sale_no)
    open_today(qtbot, window, 4)
    model = window.today.model
    column = [[model.data(model.index(row, c)) for row in range(4)] for c in (0, 4)]
    assert column[0] == [full.refund_no, partial.refund_no, whole.sale_no, split.sale_no]
    assert column[1] == ["-¥78.00", "-¥39.00", "¥78.00", "¥207.00"]
    assert model.data(model.index(0, 5)) == "支付宝 -¥78.00"

    z = dayclose.day_status(ctx).report
    net = {m: fen - z.refunds_by_method[m] for m, fen in z.by_method.items()}
    assert window.today.summary.text().endswith(format_fen(z.net_revenue_fen))
    assert z.net_revenue_fen == 20700 + 7800 - 3900 - 7800
    assert window.today.by_method.text() == " · ".join(
        f"{i18n.method_name(m)} {format_fen(fen)}"
        for m, fen in net.items()
        if z.by_method[m] or z.refunds_by_method[m]
    )
    assert "支付宝 ¥0.00" in window.today.by_method.text()  # refunded in full, shown net

    window.today.table.selectRow(1)  # a refund row shows the sale it refunds
    qtbot.waitUntil(
        lambda: window.today.current is not None and window.today.current.sale_no == split.sale_no
    )


def test_a_sale_is_found_by_its_last_digits(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    first = sell(ctx, None, ("AJ", 1))
    sell(ctx, None, ("ZYB", 1))
    open_today(qtbot, window, 2)
    window.today.search.setFocus()
    qtbot.keyClicks(window.today.search, "1")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.today.current is not None and window.today.current.sale_no == first.sale_no
    )
    assert window.today.table.currentIndex().row() == 1
