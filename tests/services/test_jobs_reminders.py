"""The reminders job: expiry reminders (X4), win-back and birthday messages in the outbox."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import Member, OutboxMessage
from spa_pos.services import checkout, jobs, members, reminders
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import enter_at

SH = ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, hh: int = 11) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=SH)


def join(
    ctx: Ctx,
    name: str,
    phone: str,
    *,
    consent: bool = True,
    birthday: date | None = None,
    at: datetime | None = None,
) -> None:
    members.register(
        ctx,
        MemberForm(name=name, phone=phone, marketing_consent=consent, birthday=birthday),
        at=at or local(2025, 1, 1),
    )


def buy(ctx: Ctx, phone: str, at: datetime, code: str = "ZJTN", fen: int = 39800) -> None:
    checkout.sell(
        ctx,
        SaleRequest(
            items=[(code, 1)], payments=[("cash", fen)], member=phone, at=enter_at(ctx, at)
        ),
    )


def outbox(ctx: Ctx, kind: str) -> list[tuple[str, str]]:
    """(phone, text) of the queued messages of one kind."""
    with ctx.db.read() as s:
        return [
            (phone, text)
            for phone, text in s.execute(
                select(Member.phone, OutboxMessage.text)
                .join(Member, Member.id == OutboxMessage.member_id)
                .where(OutboxMessage.kind == kind)
                .order_by(OutboxMessage.id)
            )
        ]


def test_one_expiry_reminder_per_lot_and_never_without_consent(ctx: Ctx) -> None:
    join(ctx, "张三", "13800000001")
    join(ctx, "李四", "13800000002", consent=False)
    buy(ctx, "13800000001", local(2025, 3, 20))  # 200 points until 2026-03-20
    buy(ctx, "13800000002", local(2025, 3, 20))
    buy(ctx, "13800000001", local(2025, 9, 1))  # expires in September: not yet

    first = jobs.run_job(ctx, "reminders")

    assert outbox(ctx, "expiry_reminder") == [
        (
            "13800000001",
            "张三您好：您有 200 积分将于 2026-03-20 到期，请在到期前到店使用或兑换礼品。理疗馆",
        )
    ]
    assert first.detail["expiry_reminder"] == 1
    assert jobs.run_job(ctx, "reminders").changed == 0


def test_a_second_lot_gets_its_own_reminder(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 3, 20))
    jobs.run_job(ctx, "reminders")
    buy(ctx, "13800000001", local(2025, 4, 5))  # a paper record entered late
    clock.at = local(2026, 3, 12)

    jobs.run_job(ctx, "reminders")

    texts = [text for _, text in outbox(ctx, "expiry_reminder")]
    assert len(texts) == 2 and "2026-04-05" in texts[1]


def test_the_database_refuses_a_second_reminder_for_a_lot(ctx: Ctx) -> None:
    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 3, 20))
    jobs.run_job(ctx, "reminders")
    with pytest.raises(IntegrityError, match=r"(?i)unique"), ctx.db.write() as s:
        row = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "expiry_reminder")).one()
        s.add(
            OutboxMessage(
                member_id=row.member_id,
                kind="expiry_reminder",
                lot_id=row.lot_id,
                text="again",
                created_at=row.created_at,
            )
        )


def test_win_back_once_per_absence(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "王五", "13800000003")
    join(ctx, "赵六", "13800000004", consent=False)
    buy(ctx, "13800000003", local(2026, 1, 5), "TBAM", 12800)
    buy(ctx, "13800000004", local(2026, 1, 5), "TBAM", 12800)

    jobs.run_job(ctx, "reminders")
    clock.at = local(2026, 3, 11)
    jobs.run_job(ctx, "reminders")

    assert outbox(ctx, "dormant") == [
        (
            "13800000003",
            "王五您好：好久不见，您还有 128 积分可用，欢迎回来体验我们的理疗服务。理疗馆",
        )
    ]
    buy(ctx, "13800000003", local(2026, 3, 11, 15), "TBAM", 12800)  # comes back ...
    clock.at = local(2026, 5, 1)  # ... and stays away again
    jobs.run_job(ctx, "reminders")
    assert len(outbox(ctx, "dormant")) == 2


def test_birthday_greeting_once_per_birthday(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "孙七", "13800000005", birthday=date(1980, 3, 14), at=local(2026, 3, 1))
    join(
        ctx, "周八", "13800000006", birthday=date(1980, 3, 14), at=local(2026, 3, 1), consent=False
    )

    jobs.run_job(ctx, "reminders")
    clock.at = local(2026, 3, 13)
    jobs.run_job(ctx, "reminders")

    assert outbox(ctx, "birthday") == [
        (
            "13800000005",
            "孙七您好：3月14日是您的生日，理疗馆祝您生日快乐！生日当月到店消费积分 ×2。",
        )
    ]
    clock.at = local(2027, 3, 10)
    jobs.run_job(ctx, "reminders")
    assert len(outbox(ctx, "birthday")) == 2


def test_outbox_listing_and_status(ctx: Ctx) -> None:
    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 3, 20))
    jobs.run_job(ctx, "reminders")
    with ctx.db.read() as s:
        queued = reminders.list_outbox(s)
    # 再积 N 分: the member's points are within reach of the cheapest reward too
    assert [m.kind for m in queued] == ["expiry_reminder", "dormant", "points_goal"]

    assert reminders.set_status(ctx, [m.id for m in queued], "printed") == 3
    assert reminders.set_status(ctx, [m.id for m in queued], "printed") == 0
    with ctx.db.read() as s:
        assert reminders.list_outbox(s) == []
        assert len(reminders.list_outbox(s, status="printed", kind="dormant")) == 1
    with pytest.raises(DomainError):
        reminders.set_status(ctx, [queued[0].id], "burnt")
