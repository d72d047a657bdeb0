"""The member panel says what to offer: the rewards the points buy now (→ F4), the birthday
month with its multiplier, points about to expire and each course's sessions and last day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.clock import FixedClock
from spa_pos.services import adjustments, catalog
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from tests.conftest import register
from tests.ui.conftest import child

SERVICE = ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈")
COURSE = ItemSpec("JJ10", "肩颈十次", "course", 108000, None, "肩颈", 10, "JJ1", valid_days=30)


def open_card(qtbot: QtBot, window: MainWindow, card: str) -> None:
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)


def test_378_points_show_the_three_rewards_and_go_to_redeem(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 378, "测试")
    open_card(qtbot, window, card)
    panel = window.lookup.panel
    go = child(panel, QPushButton, "redeemable")
    assert go.text() == "可兑换 3 项 → F4"
    assert child(panel, QLabel, "redeemableNames").text() == "头部按摩、足浴包、10元优惠券"
    assert go.toolTip() == "头部按摩：300 分\n足浴包：200 分\n10元优惠券：100 分"
    shown = "\n".join(label.text() for label in panel.findChildren(QLabel))
    assert "再积 122 分可兑换50元优惠券" in shown
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.redeem_tab
    assert window.redeem.buttons["R-TBAM"].isEnabled()


def test_more_rewards_than_fit_name_the_dearest_three(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 700, "测试")
    open_card(qtbot, window, card)
    panel = window.lookup.panel
    assert child(panel, QPushButton, "redeemable").text() == "可兑换 5 项 → F4"
    names = child(panel, QLabel, "redeemableNames")
    assert names.text() == "保健枕、50元优惠券、头部按摩 等"
    assert names.toolTip().count("\n") == 4  # every one of the five, with its points


def test_nothing_affordable_offers_no_redeem_link(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 60, "测试")
    open_card(qtbot, window, card)
    assert window.lookup.panel.findChild(QPushButton, "redeemable") is None
    shown = "\n".join(label.text() for label in window.lookup.panel.findChildren(QLabel))
    assert "再积 40 分可兑换10元优惠券" in shown


def test_the_birthday_month_banner(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    march = register(ctx, "张三", "13800000001", birthday=date(1990, 3, 28))
    april = register(ctx, "李四", "13800000002", birthday=date(1990, 4, 2))
    open_card(qtbot, window, march)
    banner = child(window.lookup.panel, QLabel, "birthdayBanner")
    assert banner.text() == "本月生日 · 积分 ×2"
    assert banner.toolTip() == "本月消费所得积分 ×2。"
    open_card(qtbot, window, april)
    assert window.lookup.panel.findChild(QLabel, "birthdayBanner") is None


def test_points_about_to_expire_with_their_date(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 120, "测试")  # usable through 2027-03-10
    clock.at = datetime(2027, 2, 10, 2, 0, tzinfo=UTC)
    open_card(qtbot, window, card)
    assert child(window.lookup.panel, QLabel, "expiring").text() == "120 分将于 2027-03-10 到期"


def test_sessions_left_and_the_last_day_of_each_course(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = register(ctx, "张三", "13800000001")
    catalog.add_item(ctx, SERVICE)
    catalog.add_item(ctx, COURSE)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-09
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))  # no last day
    open_card(qtbot, window, card)
    panel = window.lookup.panel
    assert child(panel, QLabel, "course_JJ10").text() == "肩颈十次：剩余 10 次"
    assert child(panel, QLabel, "courseUntil_JJ10").text() == "有效期至 2026-04-09"
    assert child(panel, QLabel, "course_ZJTN10").text() == "针灸推拿十次疗程：剩余 10 次"
    assert panel.findChild(QLabel, "courseUntil_ZJTN10") is None
