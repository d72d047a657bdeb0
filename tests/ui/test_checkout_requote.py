"""An open cart follows the back office: a price, a loyalty rule or a promotion changed
while a sale is being rung up is quoted again by the service, and an item retired
meanwhile leaves the cart with a word to the cashier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos.services import catalog, promotions, rules
from spa_pos.services.context import Ctx
from spa_pos.services.promotions import PromotionForm
from spa_pos.ui.cart_model import Column
from spa_pos.ui.changes import Change
from spa_pos.ui.main_window import MainWindow
from tests.conftest import register
from tests.ui.conftest import press


def ring_up(qtbot: QtBot, window: MainWindow, *codes: str) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    for code in codes:
        qtbot.keyClicks(window.checkout.search, code)
        press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkout.model.quote_is_current)


def in_back_office(
    qtbot: QtBot, window: MainWindow, job: Callable[[], object], change: Change
) -> None:
    """A back-office write through the window's DB worker, announcing its change."""
    with qtbot.waitSignal(window.worker.changed):
        window.worker.run(lambda _: job(), lambda _: None, changes=change)


def price_shown(window: MainWindow, row: int) -> str:
    model = window.checkout.model
    return str(model.data(model.index(row, Column.PRICE)))


def test_a_price_changed_while_ringing_up_is_quoted_again(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    ring_up(qtbot, window, "aj")
    assert window.checkout.due.text() == "¥168.00"
    aj = catalog.find_item(ctx, "AJ")
    in_back_office(
        qtbot,
        window,
        lambda: catalog.edit_item(ctx, "AJ", replace(aj.spec(), price_fen=18800)),
        Change.CATALOG,
    )
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥188.00")
    assert price_shown(window, 0) == "¥188.00"
    assert window.checkout.model.items() == [("AJ", 1)]


def test_a_rule_then_a_promotion_changed_requotes_the_points(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    ring_up(qtbot, window, "zyb")  # ¥39, points at the rate
    model = window.checkout.model
    assert model.quote.points_earned == 39
    in_back_office(
        qtbot, window, lambda: rules.change(ctx, {"earn_rate_per_yuan": "2"}), Change.SETTINGS
    )
    qtbot.waitUntil(lambda: model.quote.points_earned == 78)
    today = ctx.clock.now().date()
    week = PromotionForm(
        "双倍积分周", today.isoformat(), (today + timedelta(days=7)).isoformat(), multiplier="2"
    )
    in_back_office(qtbot, window, lambda: promotions.add(ctx, week), Change.PROMOTIONS)
    qtbot.waitUntil(lambda: model.quote.points_earned == 156)
    assert [name for _, name in model.quote.promotions] == ["双倍积分周"]


def test_an_item_retired_while_in_the_cart_leaves_it_with_a_word(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    ring_up(qtbot, window, "aj", "yy")
    yy = catalog.find_item(ctx, "YY")
    in_back_office(
        qtbot,
        window,
        lambda: catalog.edit_item(ctx, "YY", replace(yy.spec(), active=False)),
        Change.CATALOG,
    )
    qtbot.waitUntil(lambda: window.checkout.model.items() == [("AJ", 1)])
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥168.00")
    assert window.checkout.notice.isVisible()
    assert yy.name in window.checkout.notice.text()
