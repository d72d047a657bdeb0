"""The member card says what to offer (issue #11): every reward the points buy now, what
they buy next, the birthday month with the multiplier in force, points about to expire
and the sessions left on each course with its last day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from spa_pos.clock import FixedClock
from spa_pos.services import adjustments, catalog, profile, rewards, rules
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from spa_pos.services.profile import RewardOffer
from tests.conftest import register

SERVICE = ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈")
COURSE = ItemSpec("JJ10", "肩颈十次", "course", 108000, None, "肩颈", 10, "JJ1", valid_days=30)


def test_378_points_offer_all_three_rewards_they_buy(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 378, "测试")
    view = profile.member_view(ctx, card)
    assert view.redeemable == [
        RewardOffer("R-TBAM", "头部按摩", 300),
        RewardOffer("R-ZYB", "足浴包", 200),
        RewardOffer("R-Q10", "10元优惠券", 100),
    ]
    assert view.profile.next_reward == (122, "50元优惠券")


def test_a_reward_out_of_stock_is_not_offered(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 378, "测试")
    rewards.restock(ctx, "R-ZYB", -50, "盘点")
    assert [o.code for o in profile.member_view(ctx, card).redeemable] == ["R-TBAM", "R-Q10"]


def test_points_past_their_date_buy_nothing(ctx: Ctx, clock: FixedClock) -> None:
    """The expiry job has not run yet: the balance still counts the lapsed lot, but a
    redemption could not draw on it, so nothing is offered."""
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 378, "测试")
    clock.advance(days=400)
    view = profile.member_view(ctx, card)
    assert view.profile.balance == 378
    assert view.redeemable == []
    assert view.profile.next_reward == (100, "10元优惠券")


def test_nothing_affordable_offers_the_next_one(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 60, "测试")
    view = profile.member_view(ctx, card)
    assert view.redeemable == []
    assert view.profile.next_reward == (40, "10元优惠券")


def test_the_birthday_month_and_its_multiplier_in_force(ctx: Ctx, clock: FixedClock) -> None:
    march = register(ctx, "张三", "13800000001", birthday=date(1990, 3, 28))
    april = register(ctx, "李四", "13800000002", birthday=date(1990, 4, 2))
    nobody = register(ctx, "王五", "13800000003")
    assert profile.member_view(ctx, march).birthday_multiplier == "2"
    assert profile.member_view(ctx, april).birthday_multiplier is None
    assert profile.member_view(ctx, nobody).birthday_multiplier is None
    rules.change(ctx, {"birthday_multiplier": "1.5"})
    assert profile.member_view(ctx, march).birthday_multiplier == "1.5"
    clock.at = datetime(2026, 3, 31, 15, 59, tzinfo=UTC)  # 23:59 on 31 March in Shanghai
    assert profile.member_view(ctx, march).birthday_multiplier == "1.5"
    clock.advance(minutes=1)  # 1 April in Shanghai, still 31 March in UTC
    assert profile.member_view(ctx, march).birthday_multiplier is None
    assert profile.member_view(ctx, april).birthday_multiplier == "1.5"


def test_points_expiring_within_the_reminder_window(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 120, "测试")  # usable through 2027-03-10
    clock.advance(days=60)
    adjustments.adjust(ctx, card, 80, "测试")  # through 2027-05-09
    clock.at = datetime(2027, 2, 10, 2, 0, tzinfo=UTC)
    assert profile.member_view(ctx, card).profile.expiring == [(120, date(2027, 3, 10))]
    clock.advance(days=60)
    assert profile.member_view(ctx, card).profile.expiring == [(80, date(2027, 5, 9))]


def test_sessions_left_per_course_with_the_soonest_last_day(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    catalog.add_item(ctx, SERVICE)
    catalog.add_item(ctx, COURSE)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-09
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))  # no last day
    clock.advance(days=10)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-19
    shown = [
        (c.code, c.sessions_left, c.expires_on) for c in profile.member_view(ctx, card).courses
    ]
    assert shown == [("JJ10", 20, date(2026, 4, 9)), ("ZJTN10", 10, None)]
    clock.advance(days=21)  # 2026-04-10: the first JJ10 is over
    shown = [
        (c.code, c.sessions_left, c.expires_on) for c in profile.member_view(ctx, card).courses
    ]
    assert shown == [("ZJTN10", 10, None), ("JJ10", 10, date(2026, 4, 19))]
