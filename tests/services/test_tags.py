"""Member insight tags on a small crafted clinic."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from spa_pos.models import Member, MemberTag, Sale
from spa_pos.services import checkout, courses, members, refunds, tags
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import enter_at

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=SH)


def local(y: int, m: int, d: int, hh: int = 11) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=SH)


def member(ctx: Ctx, name: str, phone: str, joined: datetime, birthday: date | None = None) -> int:
    form = MemberForm(name=name, phone=phone, birthday=birthday)
    return members.register(ctx, form, at=enter_at(ctx, joined)).id


def buy(ctx: Ctx, phone: str, at: datetime, code: str = "ZYB", yuan: int = 39) -> None:
    checkout.sell(
        ctx,
        SaleRequest(
            items=[(code, 1)], payments=[("cash", yuan * 100)], member=phone, at=enter_at(ctx, at)
        ),
    )


def stored(ctx: Ctx) -> dict[int, set[str]]:
    with ctx.db.read() as s:
        rows = s.execute(select(MemberTag.member_id, MemberTag.tag)).all()
    found: dict[int, set[str]] = {}
    for member_id, tag in rows:
        found.setdefault(member_id, set()).add(tag)
    return found


def refresh(ctx: Ctx, now: datetime = NOW) -> tags.TagRefresh:
    with ctx.db.write() as s:
        return tags.refresh_all(s, now, settings_svc.load(s, now))


@pytest.fixture
def clinic(ctx: Ctx) -> dict[str, int]:
    joined = local(2025, 6, 1)
    ids = {
        # big spender, one recent visit
        "A": member(ctx, "安", "13800000001", joined),
        # weekly in January, then gone: churn risk and dormant
        "B": member(ctx, "白", "13800000002", joined),
        # every ten days in May: regular, fine
        "C": member(ctx, "陈", "13800000003", joined),
        # every other day in April, gone 38 days: churn risk and dormant
        "D": member(ctx, "丁", "13800000004", joined),
        # joined a week ago, birthday in 4 days, never came: not dormant yet
        "E": member(ctx, "鄂", "13800000005", local(2026, 5, 25), date(1990, 6, 5)),
        # joined in January, never came: dormant; birthday 8 days away: not soon
        "F": member(ctx, "方", "13800000006", local(2026, 1, 1), date(1990, 6, 9)),
        # one visit a year ago: points expiring on 2026-06-15, dormant
        "G": member(ctx, "葛", "13800000007", local(2025, 6, 1)),
    }
    buy(ctx, "13800000001", local(2026, 5, 30), "ZJTN", 398)
    buy(ctx, "13800000001", local(2026, 5, 30, 15), "ZJTN", 398)
    for day in (1, 8, 15, 22):
        buy(ctx, "13800000002", local(2026, 1, day), "TBAM", 128)
    for day in (1, 11, 21):
        buy(ctx, "13800000003", local(2026, 5, day))
    for day in (20, 22, 24):
        buy(ctx, "13800000004", local(2026, 4, day))
    buy(ctx, "13800000007", local(2025, 6, 15))
    return ids


EXPECTED = {
    "A": {tags.HIGH_VALUE},
    "B": {tags.CHURN_RISK, tags.DORMANT},
    "D": {tags.CHURN_RISK, tags.DORMANT},
    "E": {tags.BIRTHDAY_SOON},
    "F": {tags.DORMANT},
    "G": {tags.DORMANT, tags.POINTS_EXPIRING},
}


def test_tags_of_a_crafted_clinic(ctx: Ctx, clinic: dict[str, int]) -> None:
    result = refresh(ctx)

    assert stored(ctx) == {clinic[k]: v for k, v in EXPECTED.items()}
    assert result.counts == {
        tags.HIGH_VALUE: 1,
        tags.DORMANT: 4,
        tags.CHURN_RISK: 2,
        tags.BIRTHDAY_SOON: 1,
        tags.POINTS_EXPIRING: 1,
    }
    assert result.high_value_min_fen == 2 * 39800


def test_a_second_refresh_changes_nothing(ctx: Ctx, clinic: dict[str, int]) -> None:
    assert refresh(ctx).changed == 9
    again = refresh(ctx)
    assert (again.added, again.removed) == (0, 0)


def test_refresh_removes_tags_that_no_longer_hold(ctx: Ctx, clinic: dict[str, int]) -> None:
    refresh(ctx)
    later = local(2026, 6, 20)  # E's birthday passed, G's points expired on the 15th

    result = refresh(ctx, later)

    held = stored(ctx)
    assert tags.BIRTHDAY_SOON not in held.get(clinic["E"], set())
    assert tags.POINTS_EXPIRING not in held[clinic["G"]]
    assert result.removed >= 2


def test_other_tags_are_left_alone(ctx: Ctx, clinic: dict[str, int]) -> None:
    with ctx.db.write() as s:
        s.add(MemberTag(member_id=clinic["C"], tag="VIP手工"))
    refresh(ctx)
    assert stored(ctx)[clinic["C"]] == {"VIP手工"}


def test_one_member_refreshed_after_a_checkout(ctx: Ctx, clinic: dict[str, int]) -> None:
    refresh(ctx)
    buy(ctx, "13800000002", NOW)  # B comes back

    with ctx.db.write() as s:
        now_held = tags.refresh_member_tags(s, clinic["B"], NOW, settings_svc.load(s, NOW))

    assert now_held == set()
    assert stored(ctx)[clinic["D"]] == EXPECTED["D"]  # nobody else touched


def test_member_refresh_keeps_the_nightly_high_value_tag(ctx: Ctx, clinic: dict[str, int]) -> None:
    refresh(ctx)
    with ctx.db.write() as s:
        held = tags.refresh_member_tags(s, clinic["A"], NOW, settings_svc.load(s, NOW))
    assert held == {tags.HIGH_VALUE}


def test_high_value_is_net_of_refunds_and_keeps_ties(ctx: Ctx) -> None:
    joined = local(2026, 1, 1)
    for i in range(1, 5):
        member(ctx, f"会员{i}", f"1390000000{i}", joined)
    buy(ctx, "13900000001", local(2026, 5, 1), "YBLL", 298)
    buy(ctx, "13900000002", local(2026, 5, 1), "YBLL", 298)  # tied at the top
    buy(ctx, "13900000003", local(2026, 5, 1), "BJZ", 199)
    buy(ctx, "13900000004", local(2026, 5, 1), "ZJTN", 398)
    with ctx.db.read() as s:
        sale_no = s.scalars(select(Sale.sale_no).order_by(Sale.id.desc())).first()
    assert sale_no is not None
    refunds.refund(
        ctx, sale_no, at=enter_at(ctx, local(2026, 5, 2))
    )  # the biggest spender takes it back

    with ctx.db.read() as s:
        found, threshold = tags.high_value_members(s, NOW, 10)
        phones = {s.get_one(Member, m).phone for m in found}
    assert phones == {"13900000001", "13900000002"}
    assert threshold == 29800


def test_birthday_on_29_february_is_kept_on_the_28th(ctx: Ctx) -> None:
    leapling = member(ctx, "润", "13700000001", local(2026, 1, 1), date(2000, 2, 29))
    with ctx.db.read() as s:
        assert tags.birthday_soon_members(s, date(2027, 2, 21), 7) == {leapling}
        assert tags.birthday_soon_members(s, date(2028, 2, 21), 7) == set()  # the 29th
        assert tags.birthday_soon_members(s, date(2028, 2, 22), 7) == {leapling}
        assert tags.birthday_soon_members(s, date(2027, 3, 1), 7) == set()


def test_course_sessions_count_as_visits(ctx: Ctx) -> None:
    mid = member(ctx, "课", "13600000001", local(2025, 12, 1))
    checkout.sell(
        ctx,
        SaleRequest(
            items=[("ZJTN10", 1)],
            payments=[("card", 358000)],
            member="13600000001",
            at=local(2026, 1, 2),
        ),
    )
    courses.use_session(ctx, "13600000001", "ZJTN", at=enter_at(ctx, local(2026, 5, 25)))

    with ctx.db.read() as s:
        assert mid not in tags.dormant_members(s, NOW, 30)
