"""限时活动 from the manage tab, by keyboard: the manager PIN, a refused promotion with each
problem next to its field, a good one listed, and ending it early; the sale's summary
names the promotion in the points breakdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from spa_pos.services import promotions
from spa_pos.services.context import Ctx
from spa_pos.services.promotions import PromotionForm
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.promotions_dialog import PromotionsDialog
from tests.conftest import register
from tests.ui.conftest import (
    MANAGER_PIN,
    answer_yes,
    cell_text,
    child,
    press,
    type_text,
    wait_dialog,
)


def open_promotions(qtbot: QtBot, window: MainWindow) -> PromotionsDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    window.manage.promotions.setFocus()
    press(qtbot, window, Qt.Key.Key_Return)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    return wait_dialog(qtbot, PromotionsDialog)


def tab_to(qtbot: QtBot, dialog: PromotionsDialog, name: str) -> QLineEdit:
    """Tab through the form until the keyboard is in the named field."""
    for _ in range(12):
        if QApplication.focusWidget() is dialog.fields[name]:
            break
        press(qtbot, dialog, Qt.Key.Key_Tab)
    field = dialog.fields[name]
    assert QApplication.focusWidget() is field and isinstance(field, QLineEdit)
    return field


def error_of(dialog: PromotionsDialog, name: str) -> str:
    error = dialog.errors[name]
    return error.text() if error.isVisible() else ""


def test_add_with_errors_next_to_fields_then_end_early(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    promotions.add(ctx, PromotionForm("清明养生", "2026-04-01", "2026-04-08", bonus="50"))
    dialog = open_promotions(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert cell_text(dialog.table, 0, 0) == "未开始"
    assert QApplication.focusWidget() is dialog.fields["name"]
    # a multiplier of 1 and no name: both refused, each next to its field
    multiplier = tab_to(qtbot, dialog, "multiplier")
    qtbot.keyClicks(multiplier, "1")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(error_of(dialog, "multiplier")))
    assert error_of(dialog, "name") == "请填写活动名称"
    assert error_of(dialog, "multiplier").startswith("积分倍数应大于 1")
    assert error_of(dialog, "ends") == ""
    assert QApplication.focusWidget() is dialog.fields["name"]
    assert len(promotions.listing(ctx)) == 1
    # fixed: 艾灸 x2 for a week from today
    type_text(dialog.fields["name"], "艾灸双倍周")
    multiplier = tab_to(qtbot, dialog, "multiplier")
    multiplier.selectAll()
    qtbot.keyClicks(multiplier, "2")
    qtbot.keyClicks(tab_to(qtbot, dialog, "items"), "AJ")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert not any(error_of(dialog, name) for name in dialog.errors)
    assert [cell_text(dialog.table, 0, c) for c in range(5)] == [
        "进行中",
        "艾灸双倍周",
        "×2",
        "AJ",
        "2026-03-10 00:00 – 2026-03-17 00:00",
    ]
    assert "已添加" in dialog.status.text()
    added = promotions.listing(ctx)[0]
    assert (added.name, added.multiplier, added.items, added.created_by) == (
        "艾灸双倍周",
        "2",
        ("AJ",),
        "收银台(店长)",
    )
    # end it early: pick its row, Tab to the button, Enter, confirm
    dialog.table.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Space)  # the list's first row: the one just added
    assert dialog.chosen() == dialog.promos[0] and dialog.end_button.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.end_button
    press(qtbot, dialog, Qt.Key.Key_Return)
    answer_yes(qtbot)
    qtbot.waitUntil(lambda: cell_text(dialog.table, 1, 0) == "已结束")
    ended = next(p for p in promotions.listing(ctx) if p.name == "艾灸双倍周")
    assert ended.status == "past" and ended.ended_by == "收银台(店长)"
    assert cell_text(dialog.table, 1, 5).endswith("收银台(店长)")
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_each_field_is_checked_as_it_is_typed(qtbot: QtBot, window: MainWindow) -> None:
    """The reason shows next to a field while typing, before any Enter; a field not
    touched yet stays quiet."""
    dialog = open_promotions(qtbot, window)
    qtbot.keyClicks(tab_to(qtbot, dialog, "multiplier"), "1")
    qtbot.waitUntil(lambda: error_of(dialog, "multiplier").startswith("积分倍数应大于 1"))
    assert error_of(dialog, "name") == ""
    assert dialog.fields["multiplier"].property("invalid") is True
    qtbot.keyClicks(dialog.fields["multiplier"], ".5")
    qtbot.waitUntil(lambda: error_of(dialog, "multiplier") == "")
    qtbot.keyClicks(tab_to(qtbot, dialog, "items"), "NOPE")
    qtbot.waitUntil(lambda: "NOPE" in error_of(dialog, "items"))
    assert error_of(dialog, "name") == ""


def test_the_sale_summary_names_the_promotion(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    promotions.add(ctx, PromotionForm("艾灸双倍周", "2026-03-10", "2026-03-17", "2", items=("AJ",)))
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.keyClicks(window.checkout.search, "aj")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥168.00")
    press(qtbot, window, Qt.Key.Key_F12)
    payment = wait_dialog(qtbot, PaymentDialog)
    qtbot.keyClicks(payment.fields["cash"], "168")
    press(qtbot, payment, Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    assert child(summary, QLabel, "pointsEarned").text() == "+200 积分"
    texts = [w.text() for w in summary.findChildren(QLabel)]
    assert texts[texts.index("项目积分") : texts.index("项目积分") + 4] == [
        "项目积分",
        "+100",
        "艾灸双倍周",
        "+100",
    ]
