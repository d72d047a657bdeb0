"""A member's profile (会员画像) as the cashier and `member show` see it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    CourseBalance,
    CourseUse,
    Event,
    EventAttendance,
    Feedback,
    Member,
    MemberNote,
    Refund,
    Reward,
    Sale,
    SaleLine,
)
from spa_pos.services import (
    catalog,
    courses,
    earning,
    members,
    permissions,
    points,
    unit_of_work,
    vouchers,
)
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
    health_needs: str  # "" when `health_hidden`
    notes: str  # "" when `health_hidden`
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
    # True: the reader's role may not see health needs and notes (`see_health_notes`);
    # the window shows "仅限授权人员" instead of them.
    health_hidden: bool = False
    erased: bool = False  # personal data erased on request (`privacy.erase`)


def show(ctx: Ctx, ref: str) -> Profile:
    with ctx.db.read() as s:
        return build(s, members.find_one(s, ref), ctx.clock.now(), sees_health(ctx))


def sees_health(ctx: Ctx) -> bool:
    """Whether the person acting may read health needs and (consultation) notes."""
    return permissions.allows(ctx.actor, "see_health_notes")


def build(s: Session, member: Member, now: datetime, health: bool) -> Profile:
    """The profile; with `health` False its health needs and notes are left out."""
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
        health_needs=member.health_needs if health else "",
        notes=member.notes if health else "",
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
        health_hidden=not health,
        erased=member.erased_at is not None,
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
            replace(
                build(s, member, now, sees_health(ctx)), phone=members.mask_phone(member.phone)
            ),
            list(left.values()),
            redeemable(s, spendable),
            cfg.birthday_multiplier if earning.birthday_month(member.birthday, today) else None,
        )


# --- the profile screen (会员画像): timeline, preferences, notes ---------------------------

TIMELINE_KINDS = ("sale", "refund", "course", "event", "feedback")
FAVOURITE_CATEGORIES = 3  # the member's top categories that suggestions come from
NOTE_MAX_CHARS = 2000


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened to a member, in the clinic's time zone. `paid_fen` and
    `points` are negative for a refund. `by` is who recorded it (the cashier, or the staff
    who used the session); a therapist per line is not recorded yet."""

    at: datetime  # aware, clinic's zone
    kind: str  # one of TIMELINE_KINDS
    ref: str  # the sale or refund number ("" for a course session or an event)
    what: str
    by: str
    paid_fen: int
    points: int
    refunded: str = ""  # a sale: "" | "refunded" | "partially_refunded"
    score: int | None = None  # feedback: 1–5


def _local(stored: datetime, tz: str) -> datetime:
    return clk.from_utc_naive(stored).astimezone(ZoneInfo(tz))


def _timeline(s: Session, member_id: int, tz: str, limit: int) -> list[TimelineEntry]:
    """Newest first; each source is read newest first up to `limit`, then merged."""
    entries: list[TimelineEntry] = []
    sales = s.scalars(
        select(Sale)
        .where(Sale.member_id == member_id)
        .order_by(Sale.created_at.desc(), Sale.id.desc())
        .limit(limit)
    ).all()
    for sale in sales:
        lines = sorted(sale.lines, key=lambda ln: ln.line_no)
        what = "、".join(ln.name if ln.qty == 1 else f"{ln.name}×{ln.qty}" for ln in lines)
        refunded = "" if sale.status == "completed" else sale.status
        entries.append(
            TimelineEntry(
                _local(sale.created_at, tz),
                "sale",
                sale.sale_no,
                what,
                sale.cashier,
                sale.due_fen,
                sale.points_earned,
                refunded,
            )
        )
    refunds = s.execute(
        select(Refund, Sale.sale_no)
        .join(Sale, Sale.id == Refund.sale_id)
        .where(Sale.member_id == member_id)
        .order_by(Refund.created_at.desc(), Refund.id.desc())
        .limit(limit)
    ).tuples()
    for refund, sale_no in refunds:
        entries.append(
            TimelineEntry(
                _local(refund.created_at, tz),
                "refund",
                refund.refund_no,
                sale_no,
                refund.actor,
                -refund.refunded_fen,
                -refund.points_reversed,
            )
        )
    uses = s.execute(
        select(CourseUse.used_at, CourseUse.actor, CatalogItem.name)
        .join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
        .join(CatalogItem, CatalogItem.id == CourseBalance.course_item_id)
        .where(CourseBalance.member_id == member_id)
        .order_by(CourseUse.used_at.desc(), CourseUse.id.desc())
        .limit(limit)
    ).tuples()
    for used_at, actor, name in uses:
        entries.append(TimelineEntry(_local(used_at, tz), "course", "", name, actor, 0, 0))
    attended = s.execute(
        select(EventAttendance.at, Event.name, Event.points)
        .join(Event, Event.id == EventAttendance.event_id)
        .where(EventAttendance.member_id == member_id)
        .order_by(EventAttendance.at.desc(), EventAttendance.id.desc())
        .limit(limit)
    ).tuples()
    for at, name, award in attended:
        entries.append(TimelineEntry(_local(at, tz), "event", "", name, "", 0, award))
    feedback = s.execute(
        select(Feedback, Sale.sale_no)
        .join(Sale, Sale.id == Feedback.sale_id)
        .where(Feedback.member_id == member_id)
        .order_by(Feedback.at.desc(), Feedback.id.desc())
        .limit(limit)
    ).tuples()
    for fb, sale_no in feedback:
        entries.append(
            TimelineEntry(
                _local(fb.at, tz),
                "feedback",
                sale_no,
                fb.comment,
                fb.actor,
                0,
                fb.points,
                score=fb.score,
            )
        )
    entries.sort(key=lambda e: e.at, reverse=True)  # stable: same moment keeps source order
    return entries[:limit]


def timeline(ctx: Ctx, card: str, limit: int = 100) -> list[TimelineEntry]:
    """A member's visits and interactions, newest first: sales with their lines (refunded
    ones marked), refunds, course sessions, events attended and feedback given."""
    with unit_of_work.read(ctx) as work:
        member = members.find_one(work.session, card)
        return _timeline(work.session, member.id, work.settings.timezone, limit)


@dataclass(frozen=True)
class Favourite:
    category: str
    visits: int  # sale lines and course sessions in this category
    usual: str  # the service the member has most often in it


@dataclass(frozen=True)
class Suggestion:
    """A service in one of the member's favourite categories they never had
    ("常做艾灸，未试过药浴": usual=艾灸, name=药浴)."""

    category: str
    usual: str
    code: str
    name: str


def _had(s: Session, member_id: int) -> list[tuple[int, str, str]]:
    """(item id, name, category) of every service the member had: sale lines not refunded,
    each course session counted as its service."""
    bought = s.execute(
        select(CatalogItem.id, CatalogItem.name, CatalogItem.category)
        .join(SaleLine, SaleLine.item_id == CatalogItem.id)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(
            Sale.member_id == member_id,
            SaleLine.refund_id.is_(None),
            CatalogItem.kind == "service",
        )
    ).tuples()
    sessions = s.execute(
        select(CatalogItem.id, CatalogItem.name, CatalogItem.category)
        .join(CourseBalance, CourseBalance.service_item_id == CatalogItem.id)
        .join(CourseUse, CourseUse.balance_id == CourseBalance.id)
        .where(CourseBalance.member_id == member_id)
    ).tuples()
    return [*bought, *sessions]


def _favourites(had: list[tuple[int, str, str]]) -> list[Favourite]:
    per_category: dict[str, Counter[str]] = {}
    for _item_id, name, category in had:
        per_category.setdefault(category, Counter())[name] += 1
    ranked = sorted(per_category.items(), key=lambda kv: (-kv[1].total(), kv[0]))
    return [
        Favourite(category, names.total(), names.most_common(1)[0][0])
        for category, names in ranked[:FAVOURITE_CATEGORIES]
    ]


def _suggestions(
    s: Session, had: list[tuple[int, str, str]], favourites: list[Favourite]
) -> list[Suggestion]:
    tried = {item_id for item_id, _name, _category in had}
    usual = {f.category: f.usual for f in favourites}
    untried = s.scalars(
        select(CatalogItem)
        .where(
            CatalogItem.kind == "service",
            CatalogItem.active.is_(True),
            CatalogItem.category.in_(usual),
        )
        .order_by(CatalogItem.sort_order, CatalogItem.code)
    ).all()
    order = [f.category for f in favourites]
    return sorted(
        (
            Suggestion(item.category, usual[item.category], item.code, item.name)
            for item in untried
            if item.id not in tried
        ),
        key=lambda g: order.index(g.category),
    )


@dataclass(frozen=True)
class NoteView:
    at: datetime  # aware, clinic's zone
    author: str
    text: str


def _notes(s: Session, member_id: int, tz: str) -> list[NoteView]:
    rows = s.scalars(
        select(MemberNote)
        .where(MemberNote.member_id == member_id)
        .order_by(MemberNote.at.desc(), MemberNote.id.desc())
    ).all()
    return [NoteView(_local(n.at, tz), n.author, n.text) for n in rows]


def add_note(ctx: Ctx, card: str, text: str) -> NoteView:
    """Append a consultation note (问诊记录), by the signed-in staff, now; audited."""
    text = text.strip()
    if not text:
        raise DomainError("profile.note_empty")
    if len(text) > NOTE_MAX_CHARS:
        raise DomainError("profile.note_too_long", max_chars=NOTE_MAX_CHARS)
    with unit_of_work.write(ctx) as work:
        member = members.find_one(work.session, card)
        note = MemberNote(member_id=member.id, at=work.stamp, author=work.actor, text=text)
        work.session.add(note)
        work.session.flush()
        work.audit("member.note", "member", member.card_no, note_id=note.id)
        return NoteView(_local(note.at, work.settings.timezone), note.author, note.text)


@dataclass(frozen=True)
class Care:
    """Everything the profile screen shows beyond the member panel, read at once. Health
    details (needs, notes): only for the staff who open the profile, never in lists."""

    card_no: str
    name: str
    health_needs: str  # "" when `health_hidden`
    timeline: list[TimelineEntry]
    favourites: list[Favourite]
    suggestions: list[Suggestion]
    notes: list[NoteView]  # empty when `health_hidden`
    feedback_points: int  # what a rewarded feedback earns (`feedback.record`)
    health_hidden: bool = False  # the reader may not see them (`see_health_notes`)
    erased: bool = False  # personal data erased on request (`privacy.erase`)


def care(ctx: Ctx, card: str, limit: int = 100) -> Care:
    with unit_of_work.read(ctx) as work:
        s, tz = work.session, work.settings.timezone
        member = members.find_one(s, card)
        had = _had(s, member.id)
        fav = _favourites(had)
        health = sees_health(ctx)
        return Care(
            member.card_no,
            member.name,
            member.health_needs if health else "",
            _timeline(s, member.id, tz, limit),
            fav,
            _suggestions(s, had, fav),
            _notes(s, member.id, tz) if health else [],
            work.settings.event_points_min,
            health_hidden=not health,
            erased=member.erased_at is not None,
        )


def favourites(ctx: Ctx, card: str) -> list[Favourite]:
    """The member's top categories by visits, the most visited first."""
    return care(ctx, card, limit=0).favourites


def suggestions(ctx: Ctx, card: str) -> list[Suggestion]:
    """Active services in the member's favourite categories they never had."""
    return care(ctx, card, limit=0).suggestions
