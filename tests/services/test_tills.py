"""Two tills on one database: each numbers, sells, refunds and closes its own day; the
clinic's report adds them up; one till alone works as before tills existed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from spa_pos import till
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import Branch, DayClose, Refund, Sale
from spa_pos.services import audit, checkout, clinic, dayclose, refunds, sales, settings
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import enter_at, register
from tests.pg_cluster import Cluster
from tests.test_migrations import migrate_to

SH = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 3, 10)  # START's business date
UPSTAIRS = "二楼"


def local(hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 3, 10, hh, mm, tzinfo=SH)


@pytest.fixture
def upstairs(ctx: Ctx, db_url: str) -> Iterator[Ctx]:
    """A second till on the same database, with its own connections."""
    other = replace(ctx, db=Database(db_url), till=UPSTAIRS)
    yield other
    other.db.dispose()


def sell(
    ctx: Ctx, item: str, pay: list[tuple[str, int]], at: datetime, member: str | None = None
) -> checkout.SaleResult:
    request = SaleRequest([(item, 1)], pay, member=member, at=enter_at(ctx, at))
    return checkout.sell(ctx, request)


def test_two_tills_never_make_the_same_number(ctx: Ctx, upstairs: Ctx) -> None:
    numbers = [
        sell(till_ctx, "ZJTN", [("cash", 39800)], local(10, minute)).sale_no
        for minute, till_ctx in enumerate([ctx, upstairs, upstairs, ctx, upstairs])
    ]
    assert numbers == [
        "S20260310-0001",  # the default till numbers as it always did
        "S20260310-B0001",
        "S20260310-B0002",
        "S20260310-0002",
        "S20260310-B0003",
    ]
    enter_at(ctx, local(11))
    assert refunds.refund(upstairs, "S20260310-0001").refund_no == "R20260310-B0001"
    assert refunds.refund(ctx, "S20260310-B0001").refund_no == "R20260310-0001"
    # "2" is this till's second sale of today
    assert (found := sales.by_number(upstairs, "2")) is not None
    assert found.sale_no == "S20260310-B0002"
    assert (found := sales.by_number(ctx, "2")) is not None
    assert found.sale_no == "S20260310-0002"
    with ctx.db.read() as s:
        stored = dict(s.execute(select(Sale.sale_no, Sale.till)).tuples().all())
        refund_tills = dict(s.execute(select(Refund.refund_no, Refund.till)).tuples().all())
    # the default till is stored as NULL, as every row before tills existed
    assert stored["S20260310-0001"] is None and stored["S20260310-B0003"] == UPSTAIRS
    assert refund_tills == {"R20260310-B0001": UPSTAIRS, "R20260310-0001": None}


def test_each_till_closes_its_own_day_and_the_clinic_adds_them_up(ctx: Ctx, upstairs: Ctx) -> None:
    card = register(ctx, "张三", "13800000001")
    sell(ctx, "ZJTN", [("cash", 40000)], local(10), member=card)  # 2 yuan change
    sell(ctx, "ZYB", [("wechat", 3900)], local(10, 5))
    sell(upstairs, "ZJTN", [("cash", 39800)], local(10, 10), member=card)
    b2 = sell(upstairs, "ZYB", [("card", 3900)], local(10, 20)).sale_no
    enter_at(ctx, local(11))
    refunds.refund(ctx, b2)  # made downstairs: downstairs pays it back

    down = dayclose.close_day(ctx, counted_cash_fen=35000)
    assert (down.till, down.sales, down.revenue_fen) == (till.DEFAULT, 2, 43700)
    assert (down.refunds, down.refunds_fen, down.net_revenue_fen) == (1, 3900, 39800)
    assert (down.expected_cash_fen, down.difference_fen) == (39800, 35000 - 39800)

    # downstairs is closed: it books nothing more on the day; upstairs still sells
    with pytest.raises(DomainError) as refused:
        sell(ctx, "ZYB", [("cash", 3900)], local(11, 5))
    assert refused.value.code == "dayclose.day_closed"
    assert dayclose.closed_today(ctx) == DAY and dayclose.closed_today(upstairs) is None
    sell(upstairs, "ZYB", [("alipay", 3900)], local(11, 10))

    up_live = dayclose.day_status(upstairs)
    assert up_live.closed_at is None and up_live.report.till == UPSTAIRS
    assert (up_live.report.sales, up_live.report.revenue_fen) == (3, 47600)
    assert up_live.report.by_method == {"cash": 39800, "card": 3900, "wechat": 0, "alipay": 3900}
    assert up_live.report.refunds == 0  # the refund of its sale was made downstairs

    clinic = dayclose.clinic_report(ctx)
    assert clinic.till == "" and [line.till for line in clinic.tills] == [till.DEFAULT, UPSTAIRS]
    lines = {line.till: line for line in clinic.tills}
    assert lines[till.DEFAULT].closed and lines[till.DEFAULT].counted_cash_fen == 35000
    assert not lines[UPSTAIRS].closed and lines[UPSTAIRS].counted_cash_fen is None
    for figure in ("sales", "revenue_fen", "refunds", "refunds_fen", "net_revenue_fen"):
        assert getattr(clinic, figure) == sum(getattr(line, figure) for line in clinic.tills)
    assert clinic.expected_cash_fen == sum(line.expected_cash_fen for line in clinic.tills)
    assert (clinic.sales, clinic.net_revenue_fen) == (5, 39800 + 47600)
    # the window's close screen of either till carries the clinic's report
    assert dayclose.day_status(ctx).clinic == clinic

    up = dayclose.close_day(upstairs, counted_cash_fen=39800)
    assert (up.sales, up.difference_fen) == (3, 0)
    with pytest.raises(DomainError) as twice:
        dayclose.close_day(upstairs)
    assert twice.value.code == "dayclose.already_closed"
    assert all(line.closed for line in dayclose.clinic_report(ctx).tills)
    with ctx.db.read() as s:
        closes = dict(s.execute(select(DayClose.till, DayClose.counted_cash_fen)).tuples().all())
        assert closes == {None: 35000, UPSTAIRS: 39800}
        assert dayclose.stored_report(dayclose.find_close(s, DAY, UPSTAIRS).report) == up  # type: ignore[union-attr]

    # a manager reopens downstairs only; upstairs stays closed
    dayclose.reopen_day(ctx, DAY)
    sell(ctx, "ZYB", [("cash", 3900)], local(11, 30))
    with pytest.raises(DomainError):
        sell(upstairs, "ZYB", [("cash", 3900)], local(11, 35))
    assert verified(ctx)


def test_numbers_follow_each_other_on_a_server_that_sorts_text_by_language(
    engine: str, request: pytest.FixtureRequest, clock: FixedClock
) -> None:
    """A database made in Chinese (ICU zh-CN) puts ':' before the digits, where the day's
    range of numbers ends: the numbers still count on, per till."""
    if engine != "postgresql":
        pytest.skip("PostgreSQL only (pytest --engine=postgresql)")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = f"zh{os.getpid()}"
    down = Ctx(Database(cluster.create(name, icu_locale="zh-CN")), CLI_ACTOR, clock)
    up = replace(down, till=UPSTAIRS)
    try:
        clinic.init(down)
        clinic.load_demo(down)
        numbers = [
            sell(till_ctx, "ZYB", [("cash", 3900)], local(10, minute)).sale_no
            for minute, till_ctx in enumerate([down, down, up, up, down])
        ]
    finally:
        down.db.dispose()
        cluster.drop(name)
    assert numbers == [
        "S20260310-0001",
        "S20260310-0002",
        "S20260310-B0001",
        "S20260310-B0002",
        "S20260310-0003",
    ]


def test_the_till_list_of_the_day_is_this_tills(ctx: Ctx, upstairs: Ctx) -> None:
    sell(ctx, "ZJTN", [("cash", 39800)], local(10))
    sell(upstairs, "ZYB", [("wechat", 3900)], local(10, 5))
    down, up = sales.day_book(ctx), sales.day_book(upstairs)
    assert [v.sale_no for v in down.sales] == ["S20260310-0001"]
    assert [v.sale_no for v in up.sales] == ["S20260310-B0001"]
    with ctx.db.read() as s:
        assert up.takings == dayclose.takings(s, DAY, "Asia/Shanghai", UPSTAIRS)
        assert (
            up.takings.net_fen
            == dayclose.z_report(s, DAY, "Asia/Shanghai", UPSTAIRS).net_revenue_fen
        )


def test_one_till_alone_is_the_clinic(ctx: Ctx) -> None:
    sell(ctx, "ZJTN", [("cash", 40000)], local(10))
    clinic = dayclose.clinic_report(ctx)
    status = dayclose.day_status(ctx)
    assert status.clinic is None  # nothing else to show
    assert replace(clinic, till=till.DEFAULT, tills=[]) == status.report
    assert [line.till for line in clinic.tills] == [till.DEFAULT]


def test_the_till_name_comes_from_the_command_line_the_environment_or_the_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(till.ENV, raising=False)
    assert till.resolve() == till.DEFAULT  # never named: 前台
    assert till.save("  二楼  ") == UPSTAIRS
    assert till.resolve() == UPSTAIRS
    monkeypatch.setenv(till.ENV, "三楼")
    assert till.resolve() == "三楼"
    assert till.resolve("四楼") == "四楼"
    for bad in ("", "   ", "x" * 41, "a\tb"):
        with pytest.raises(DomainError) as refused:
            till.save(bad)
        assert refused.value.code == "till.bad_name"
    assert till.saved() == UPSTAIRS


def test_an_upgraded_clinic_keeps_its_rows_as_the_default_tills(ctx: Ctx) -> None:
    sell(ctx, "ZJTN", [("cash", 39800)], local(10))
    dayclose.close_day(ctx, counted_cash_fen=39800)
    settings.update(ctx, clinic_name="康宁理疗馆")
    migrate_to(ctx.db, "0018", down=True)
    migrate_to(ctx.db, "head")
    with ctx.db.read() as s:
        assert s.scalars(select(Branch.name)).all() == ["康宁理疗馆"]
        assert s.execute(text("SELECT count(*) FROM sales WHERE till IS NULL")).scalar() == 1
    assert dayclose.closed_today(ctx) == DAY
    assert sell_refused(ctx) == "dayclose.day_closed"
    assert verified(ctx)


def sell_refused(ctx: Ctx) -> str:
    with pytest.raises(DomainError) as refused:
        sell(ctx, "ZYB", [("cash", 3900)], local(12))
    return refused.value.code


def verified(ctx: Ctx) -> bool:
    with ctx.db.read() as s:
        return audit.verify(s).ok
