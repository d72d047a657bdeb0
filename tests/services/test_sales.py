"""The day's sales as the till lists them, by the clinic's business day: the same day the
sale number, the Z report and voucher expiry use."""

from __future__ import annotations

from datetime import UTC, date, datetime

from spa_pos.clock import FixedClock
from spa_pos.services import dayclose, sales
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register


def test_the_days_sales_newest_first_with_lines_and_payments(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    first = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 20000)], member=card))
    clock.advance(minutes=5)
    second = sell(ctx, SaleRequest([("ZYB", 2)], [("wechat", 7800)]))
    clock.advance(days=1)
    sell(ctx, SaleRequest([("ZYB", 1)], [("cash", 3900)]))  # the next day

    listed = sales.of_day(ctx, date(2026, 3, 10))
    assert [v.sale_no for v in listed] == [second.sale_no, first.sale_no]
    newest, oldest = listed
    assert (oldest.member_name, oldest.member_card) == ("张三", card)
    assert (oldest.due_fen, oldest.paid_fen, oldest.change_fen) == (16800, 20000, 3200)
    assert newest.member_name is None and newest.payments == [("wechat", 7800)]
    assert [(ln.name, ln.qty, ln.net_fen) for ln in newest.lines] == [("足浴包", 2, 7800)]
    assert newest.at.utcoffset() is not None and newest.at.hour == 10  # 10:05 in Shanghai
    assert len(sales.of_day(ctx)) == 1  # today is the next day now
    assert sales.by_number(ctx, f" {first.sale_no.lower()} ") == oldest
    assert sales.by_number(ctx, "S20260310-9999") is None


def test_the_business_day_is_the_clinics_time_zone_everywhere(ctx: Ctx, clock: FixedClock) -> None:
    settings_svc.update(ctx, timezone="Europe/London")
    # 20:00 in London on 10 March is already 11 March in Shanghai
    clock.at = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
    sale = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    assert sale.sale_no.startswith("S20260310-")
    assert [v.sale_no for v in sales.of_day(ctx)] == [sale.sale_no]
    assert sales.of_day(ctx)[0].at.hour == 20
    with ctx.db.read() as s:
        assert dayclose.z_report(s, date(2026, 3, 10), "Europe/London").sales == 1
