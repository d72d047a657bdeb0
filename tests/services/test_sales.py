"""The day's sales as the till lists them, by the clinic's business day: the same day the
sale number, the Z report and voucher expiry use."""

from __future__ import annotations

from datetime import UTC, date, datetime

from spa_pos.clock import FixedClock
from spa_pos.services import dayclose, refunds, sales, staff
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

    listed = sales.day_book(ctx, date(2026, 3, 10)).sales
    assert [v.sale_no for v in listed] == [second.sale_no, first.sale_no]
    newest, oldest = listed
    assert (oldest.member_name, oldest.member_card) == ("张三", card)
    assert (oldest.due_fen, oldest.paid_fen, oldest.change_fen) == (16800, 20000, 3200)
    assert newest.member_name is None and newest.payments == [("wechat", 7800)]
    assert [(ln.name, ln.qty, ln.net_fen) for ln in newest.lines] == [("足浴包", 2, 7800)]
    assert newest.at.utcoffset() is not None and newest.at.hour == 10  # 10:05 in Shanghai
    assert len(sales.day_book(ctx).sales) == 1  # today is the next day now
    assert sales.by_number(ctx, f" {first.sale_no.lower()} ") == oldest
    assert sales.by_number(ctx, "S20260310-9999") is None


def test_the_business_day_is_the_clinics_time_zone_everywhere(ctx: Ctx, clock: FixedClock) -> None:
    settings_svc.update(ctx, timezone="Europe/London")
    # 20:00 in London on 10 March is already 11 March in Shanghai
    clock.at = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
    sale = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    assert sale.sale_no.startswith("S20260310-")
    assert [v.sale_no for v in sales.day_book(ctx).sales] == [sale.sale_no]
    assert sales.day_book(ctx).sales[0].at.hour == 20
    with ctx.db.read() as s:
        assert dayclose.z_report(s, date(2026, 3, 10), "Europe/London").sales == 1


def test_the_day_book_lists_refunds_and_its_totals_are_the_z_reports(
    ctx: Ctx, clock: FixedClock
) -> None:
    """A split payment, a partial refund and a full refund: the till's totals per method
    are the Z report's to the fen, and net of the refunds."""
    card = register(ctx, "张三", "13800000001")
    split = sell(ctx, SaleRequest([("AJ", 1), ("ZYB", 1)], [("cash", 10000), ("wechat", 10700)]))
    clock.advance(minutes=5)
    whole = sell(ctx, SaleRequest([("ZYB", 2)], [("alipay", 7800)], member=card))
    clock.advance(minutes=5)
    partial = refunds.refund(ctx, split.sale_no, [2])
    clock.advance(minutes=5)
    full = refunds.refund(ctx, whole.sale_no)

    book = sales.day_book(ctx)
    assert [v.sale_no for v in book.sales] == [whole.sale_no, split.sale_no]
    assert [r.refund_no for r in book.refunds] == [full.refund_no, partial.refund_no]
    newest = book.refunds[0]
    assert (newest.sale_no, newest.member_name, newest.refunded_fen) == (
        whole.sale_no,
        "张三",
        7800,
    )
    assert newest.lines == ["足浴包"] and newest.payments == [("alipay", 7800)]
    assert book.refunds[1].lines == ["足浴包"] and book.refunds[1].refunded_fen == 3900

    money = book.takings
    with ctx.db.read() as s:
        z = dayclose.z_report(s, book.day, "Asia/Shanghai")
    assert money.sales_by_method == z.by_method
    assert money.refunds_by_method == z.refunds_by_method
    assert money.net_fen == z.net_revenue_fen == 16800
    assert money.net_by_method["cash"] == z.expected_cash_fen
    assert money.net_by_method["alipay"] == 0  # fully refunded: nothing left of it
    assert sum(money.net_by_method.values()) == 20700 + 7800 - 3900 - 7800


def test_a_sale_of_today_is_found_by_its_last_digits(ctx: Ctx, clock: FixedClock) -> None:
    first = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    second = sell(ctx, SaleRequest([("ZYB", 1)], [("cash", 3900)]))
    assert second.sale_no.endswith("-0002")
    assert sales.by_number(ctx, "2") == sales.by_number(ctx, second.sale_no)
    assert sales.by_number(ctx, " 0001 ") == sales.by_number(ctx, first.sale_no)
    assert sales.by_number(ctx, "3") is None
    clock.advance(days=1)
    assert sales.by_number(ctx, "1") is None  # last digits look in today only
    assert sales.by_number(ctx, first.sale_no) is not None  # a whole number, any day


def test_each_service_line_names_its_therapist(ctx: Ctx) -> None:
    """The sale's detail carries who did each service (技师); a product line has nobody."""
    staff.add(ctx, "王技师", "therapist", "246801")
    sold = sell(
        ctx,
        SaleRequest([("AJ", 1), ("ZYB", 1)], [("cash", 16800 + 3900)], therapists={"AJ": "王技师"}),
    )
    (view,) = sales.day_book(ctx).sales
    assert [(ln.name, ln.therapist) for ln in view.lines] == [("艾灸", "王技师"), ("足浴包", None)]
    assert sales.by_number(ctx, sold.sale_no) == view
