"""A member's profile (会员画像) as the cashier and `member show` see it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.models import Member, Reward, Sale, SaleLine
from spa_pos.services import catalog, courses, earning, members, points, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Tier


@dataclass(frozen=True)
class LotView:
    remaining: int
    expires_on: date | None


@dataclass(frozen=True)
class VoucherView:
    code: str
    reward: str
    status: str  # issued | used | cancelled | expired
    expires_on: date


@dataclass(frozen=True)
class Visit:
    sale_no: str
    on: date
    items: str
    cashier: str


@dataclass(frozen=True)
class Profile:
    card_no: str
    name: str
    phone: str  # whole for `member show`; masked (138****0002) in the window's `member_view`
    birthday: date | None
    gender: str | None
    health_needs: str
    notes: str
    marketing_consent: bool
    referrer: str | None
    balance: int
    tier: Tier
    tags: list[str]
    lots: list[LotView]
    expiring: list[tuple[int, date]]  # within the reminder window
    courses: list[tuple[str, int]]  # (course name, sessions left)
    vouchers: list[VoucherView]
    visits: list[Visit]
    next_reward: tuple[int, str] | None  # (points still needed, reward name)


def show(ctx: Ctx, ref: str) -> Profile:
    with ctx.db.read() as s:
        return build(s, members.find_one(s, ref), ctx.clock.now())


def build(s: Session, member: Member, now: datetime) -> Profile:
    cfg = settings_svc.load(s, now)
    today = clk.local_date(now, cfg.timezone)
    stamp = clk.to_utc_naive(now)
    lots = [LotView(lot.remaining, lot.expires_on) for lot in points.open_lots(s, member.id)]
    vlist = [
        VoucherView(v.code, v.reward.name, vouchers.status_of(v, today), v.expires_on)
        for v in vouchers.member_vouchers(s, member.id)
    ]
    course_list = [
        (b.course_item.name, b.sessions_left) for b in courses.usable_balances(s, member.id, today)
    ]
    referrer = s.get(Member, member.referrer_id) if member.referrer_id else None
    return Profile(
        card_no=member.card_no,
        name=member.name,
        phone=member.phone,
        birthday=member.birthday,
        gender=member.gender,
        health_needs=member.health_needs,
        notes=member.notes,
        marketing_consent=member.marketing_consent,
        referrer=referrer.name if referrer else None,
        balance=member.points_balance,
        tier=points.tier_of(s, member.id, stamp, cfg),
        tags=sorted(t.tag for t in member.tags),
        lots=lots,
        expiring=points.expiring_within(s, member.id, today, cfg.reminder_window_days),
        courses=course_list,
        vouchers=vlist,
        visits=recent_visits(s, member.id, cfg.timezone),
        next_reward=next_reward(s, points.spendable(s, member, stamp, today)),
    )


def recent_visits(s: Session, member_id: int, tz: str, limit: int = 10) -> list[Visit]:
    sales = s.scalars(
        select(Sale)
        .where(Sale.member_id == member_id)
        .order_by(Sale.created_at.desc())
        .limit(limit)
    ).all()
    visits = []
    for sale in sales:
        names = s.scalars(
            select(SaleLine.name).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no)
        ).all()
        visits.append(
            Visit(
                sale.sale_no,
                clk.local_date(clk.from_utc_naive(sale.created_at), tz),
                "、".join(names),
                sale.cashier,
            )
        )
    return visits


def _on_offer(s: Session) -> list[Reward]:
    """The rewards a member may redeem today: active and in stock, cheapest first."""
    return [r for r in catalog.active_rewards(s) if r.stock is None or r.stock > 0]


def next_reward(s: Session, balance: int) -> tuple[int, str] | None:
    """The cheapest reward the member cannot afford yet ("再积 120 分可兑换 头部按摩")."""
    for reward in _on_offer(s):
        if reward.points_cost > balance:
            return reward.points_cost - balance, reward.name
    return None


@dataclass(frozen=True)
class RewardOffer:
    code: str
    name: str
    points_cost: int


def redeemable(s: Session, balance: int) -> list[RewardOffer]:
    """Every reward the member could redeem now with `balance` points, the dearest (the
    most the points buy) first."""
    offers = [
        RewardOffer(r.code, r.name, r.points_cost) for r in _on_offer(s) if r.points_cost <= balance
    ]
    return sorted(offers, key=lambda o: -o.points_cost)


# --- the window's current member ---------------------------------------------------------


@dataclass(frozen=True)
class CourseView:
    code: str  # the course package's catalog code, for courses.use_session
    name: str
    sessions_left: int
    expires_on: date | None  # the soonest last day of its balances; None: none has one


@dataclass(frozen=True)
class MemberView:
    """The member the window serves: the profile, each course package with sessions left
    by its code (what using a session names), what their points buy now (`redeemable`,
    with what they buy next in `profile.next_reward`, from the same spendable points) and,
    in their birthday month, the E6 multiplier in force now."""

    profile: Profile
    courses: list[CourseView]
    redeemable: list[RewardOffer]
    birthday_multiplier: str | None  # None: not the member's birthday month

    @property
    def card_no(self) -> str:
        return self.profile.card_no

    @property
    def unused_vouchers(self) -> list[VoucherView]:
        return [v for v in self.profile.vouchers if v.status == "issued"]


def member_view(ctx: Ctx, ref: str) -> MemberView:
    """A member's profile by phone or card number, with course codes for using a session
    (the balances still usable today, as in the profile). The phone is masked, as on the
    receipt: the screen faces the waiting room (the edit dialog asks `members.phone_of`)."""
    now = ctx.clock.now()
    with ctx.db.read() as s:
        member = members.find_one(s, ref)
        cfg = settings_svc.load(s, now)
        today = clk.local_date(now, cfg.timezone)
        left: dict[str, CourseView] = {}
        for balance in courses.usable_balances(s, member.id, today):
            item = balance.course_item
            before = left.get(item.code)
            last_days = [
                d for d in (balance.expires_on, before.expires_on if before else None) if d
            ]
            left[item.code] = CourseView(
                item.code,
                item.name,
                (before.sessions_left if before else 0) + balance.sessions_left,
                min(last_days, default=None),
            )
        spendable = points.spendable(s, member, clk.to_utc_naive(now), today)
        return MemberView(
            replace(build(s, member, now), phone=members.mask_phone(member.phone)),
            list(left.values()),
            redeemable(s, spendable),
            cfg.birthday_multiplier if earning.birthday_month(member.birthday, today) else None,
        )
