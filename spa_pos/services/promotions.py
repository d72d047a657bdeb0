"""Promotions (限时活动 / 动态积分): time-boxed points multipliers or bonus points on some
items, a category or everything, optionally only for members with a tag (manager).

A promotion is in force for sales whose moment falls in [from, to) (UTC, half-open: its
last second counts, its `to` does not) and that began before it was ended early, if it
was. Checkout passes the promotions in force to `pricing.price`, which decides how they
stack with the loyalty rules (see its docstring). Adding or ending one never changes
points already earned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, MemberTag, Promotion, PromotionItem
from spa_pos.services import permissions, pricing, tags, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings

NAME_MAX = 40
MULTIPLIER_MAX = 10  # a typo ("20" for "2.0") should not give away a fortune
BONUS_MAX = 100_000
_MULTIPLIER = re.compile(r"^\d{1,2}(\.\d{1,2})?$")
STATUSES = ("current", "upcoming", "past")


@dataclass(frozen=True)
class PromotionForm:
    """A new promotion as typed (window or command line); `add` reads and checks it."""

    name: str
    starts: str  # YYYY-MM-DD or ISO 8601; without an offset, in the clinic's zone
    ends: str  # excluded: a promotion to 2026-03-15 ends when that day begins
    multiplier: str = ""  # decimal text > 1, e.g. "2" or "1.5"
    bonus: str = ""  # whole points > 0
    items: tuple[str, ...] = ()  # item codes; none and no category: everything
    category: str = ""
    tag: str = ""  # only members holding this tag (spa_pos.services.tags.TAGS)


class InvalidPromotion(DomainError):
    """A form with problems: its message is the first one's; `problems` holds every
    problem by the form's field name, so a screen can show each next to its field."""

    def __init__(self, problems: dict[str, DomainError]) -> None:
        first = next(iter(problems.values()))
        super().__init__(first.code, **first.params)
        self.problems = problems


@dataclass(frozen=True)
class PromotionView:
    id: int
    name: str
    starts_at: datetime  # aware, in the clinic's zone
    ends_at: datetime  # excluded
    multiplier: str | None
    bonus: int | None
    items: tuple[str, ...]  # item codes
    category: str | None
    tag: str | None
    status: str  # current | upcoming | past
    created_by: str
    ended_at: datetime | None  # ended early (in the clinic's zone)
    ended_by: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "from": self.starts_at.isoformat(),
            "to": self.ends_at.isoformat(),
            "multiplier": self.multiplier,
            "bonus": self.bonus,
            "items": list(self.items),
            "category": self.category,
            "tag": self.tag,
            "status": self.status,
            "created_by": self.created_by,
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "ended_by": self.ended_by,
        }


@dataclass(frozen=True)
class _Checked:
    name: str
    starts: datetime  # naive UTC
    ends: datetime
    multiplier: str | None
    bonus: int | None
    items: list[CatalogItem]
    category: str | None
    tag: str | None


def check(ctx: Ctx, form: PromotionForm) -> dict[str, str]:
    """Every problem of the form by field, in the language in force; empty when `add`
    would take it. The window checks the form with it as it is typed."""
    with unit_of_work.read(ctx) as work:
        try:
            _check(work.session, form, work.stamp, work.settings.timezone)
        except InvalidPromotion as exc:
            return {key: str(problem) for key, problem in exc.problems.items()}
    return {}


def add(ctx: Ctx, form: PromotionForm) -> PromotionView:
    """Check and store a new promotion; raises InvalidPromotion listing every problem."""
    permissions.require(ctx, "change_catalog_rules")
    with unit_of_work.write(ctx) as work:
        checked = _check(work.session, form, work.stamp, work.settings.timezone)
        promo = Promotion(
            name=checked.name,
            starts_at=checked.starts,
            ends_at=checked.ends,
            multiplier=checked.multiplier,
            bonus_points=checked.bonus,
            category=checked.category,
            tag=checked.tag,
            created_at=work.stamp,
            created_by=work.actor,
        )
        promo.items = [PromotionItem(item_id=item.id) for item in checked.items]
        work.session.add(promo)
        work.session.flush()
        work.audit(
            "promo.add",
            "promotion",
            promo.id,
            name=promo.name,
            starts_at=promo.starts_at.isoformat(),
            ends_at=promo.ends_at.isoformat(),
            multiplier=promo.multiplier,
            bonus=promo.bonus_points,
            items=[item.code for item in checked.items],
            category=promo.category,
            tag=promo.tag,
        )
        codes = sorted(item.code for item in checked.items)
        return _view(promo, codes, work.stamp, work.settings)


def end(ctx: Ctx, promo_id: int) -> PromotionView:
    """End a promotion now (an upcoming one never starts); sales already made keep their
    points. Records who ended it and when."""
    permissions.require(ctx, "change_catalog_rules")
    with unit_of_work.write(ctx) as work:
        promo = work.session.get(Promotion, promo_id)
        if promo is None:
            raise NotFound("promos.not_found", promo_id=promo_id)
        if _status(promo, work.stamp) == "past":
            raise DomainError("promos.already_over", promo_id=promo_id, name=promo.name)
        promo.ended_at, promo.ended_by = work.stamp, work.actor
        work.audit("promo.end", "promotion", promo.id, name=promo.name)
        return _view(promo, _codes(work.session, [promo.id])[promo.id], work.stamp, work.settings)


def listing(ctx: Ctx) -> list[PromotionView]:
    """Every promotion: current ones (soonest end first), upcoming (soonest start first),
    then past ones (latest first)."""
    with unit_of_work.read(ctx) as work:
        promos = work.session.scalars(select(Promotion)).all()
        codes = _codes(work.session, [p.id for p in promos])
        views = [_view(p, codes[p.id], work.stamp, work.settings) for p in promos]

    def order(v: PromotionView) -> tuple[int, float]:
        rank = STATUSES.index(v.status)
        if v.status == "current":
            return rank, v.ends_at.timestamp()
        if v.status == "upcoming":
            return rank, v.starts_at.timestamp()
        return rank, -(v.ended_at or v.ends_at).timestamp()

    return sorted(views, key=order)


def in_force(session: Session, stamp: datetime) -> list[pricing.Promotion]:
    """The promotions a sale at `stamp` (naive UTC) gets, in id order, as pricing takes
    them."""
    promos = session.scalars(
        select(Promotion)
        .where(
            Promotion.starts_at <= stamp,
            Promotion.ends_at > stamp,
            or_(Promotion.ended_at.is_(None), Promotion.ended_at > stamp),
        )
        .order_by(Promotion.id)
    ).all()
    codes = _codes(session, [p.id for p in promos]) if promos else {}
    return [
        pricing.Promotion(
            p.id,
            p.name,
            Fraction(Decimal(p.multiplier)) if p.multiplier else None,
            p.bonus_points or 0,
            frozenset(codes[p.id]),
            p.category,
            p.tag,
        )
        for p in promos
    ]


def member_tags(session: Session, member_id: int) -> frozenset[str]:
    return frozenset(session.scalars(select(MemberTag.tag).where(MemberTag.member_id == member_id)))


def _codes(session: Session, promo_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {pid: [] for pid in promo_ids}
    if promo_ids:
        rows = session.execute(
            select(PromotionItem.promotion_id, CatalogItem.code)
            .join(CatalogItem, CatalogItem.id == PromotionItem.item_id)
            .where(PromotionItem.promotion_id.in_(promo_ids))
            .order_by(CatalogItem.code)
        )
        for pid, code in rows:
            found[pid].append(code)
    return {pid: tuple(codes) for pid, codes in found.items()}


def _status(promo: Promotion, stamp: datetime) -> str:
    end_at = min(promo.ends_at, promo.ended_at) if promo.ended_at else promo.ends_at
    if stamp >= end_at:
        return "past"
    return "upcoming" if stamp < promo.starts_at else "current"


def _view(
    promo: Promotion, codes: tuple[str, ...] | list[str], stamp: datetime, cfg: Settings
) -> PromotionView:
    zone = ZoneInfo(cfg.timezone)

    def local(moment: datetime) -> datetime:
        return clk.from_utc_naive(moment).astimezone(zone)

    return PromotionView(
        promo.id,
        promo.name,
        local(promo.starts_at),
        local(promo.ends_at),
        promo.multiplier,
        promo.bonus_points,
        tuple(codes),
        promo.category,
        promo.tag,
        _status(promo, stamp),
        promo.created_by,
        local(promo.ended_at) if promo.ended_at else None,
        promo.ended_by,
    )


def _check(session: Session, form: PromotionForm, now: datetime, tz: str) -> _Checked:
    """Every problem of the form at once, by field; the values as stored if none."""
    problems: dict[str, DomainError] = {}
    name = form.name.strip()
    if not name:
        problems["name"] = DomainError("promos.name_required")
    elif len(name) > NAME_MAX:
        problems["name"] = DomainError("promos.name_too_long", max=NAME_MAX)
    starts = _time(form.starts, tz, "starts", problems)
    ends = _time(form.ends, tz, "ends", problems)
    if starts is not None and ends is not None:
        if ends <= starts:
            problems["ends"] = DomainError("promos.ends_before_start")
        elif ends <= now:
            problems["ends"] = DomainError("promos.ends_in_past")
    multiplier, bonus = _effect(form, problems)
    codes = [c.strip() for c in form.items if c.strip()]
    category = form.category.strip() or None
    items: list[CatalogItem] = []
    for code in dict.fromkeys(codes):
        item = session.scalars(select(CatalogItem).where(CatalogItem.code == code)).first()
        if item is None:
            problems.setdefault("items", DomainError("promos.unknown_item", item=code))
        else:
            items.append(item)
    if codes and category:
        problems["category"] = DomainError("promos.items_and_category")
    elif category and not session.scalar(
        select(CatalogItem.id).where(CatalogItem.category == category).limit(1)
    ):
        problems["category"] = DomainError("promos.unknown_category", category=category)
    tag = form.tag.strip() or None
    if tag is not None and tag not in tags.TAGS:
        problems["tag"] = DomainError("promos.unknown_tag", tag=tag, tags="、".join(tags.TAGS))
    if problems:
        raise InvalidPromotion(problems)
    assert starts is not None and ends is not None
    return _Checked(name, starts, ends, multiplier, bonus, items, category, tag)


def _time(text: str, tz: str, field: str, problems: dict[str, DomainError]) -> datetime | None:
    if not text.strip():
        problems[field] = DomainError("promos.time_required")
        return None
    try:
        return clk.to_utc_naive(clk.parse_local_time(text.strip(), tz))
    except DomainError as exc:
        problems[field] = exc
        return None


def _effect(form: PromotionForm, problems: dict[str, DomainError]) -> tuple[str | None, int | None]:
    """(multiplier text, bonus points): exactly one of them."""
    multiplier_text, bonus_text = form.multiplier.strip(), form.bonus.strip()
    if bool(multiplier_text) == bool(bonus_text):
        problems["multiplier"] = DomainError("promos.multiplier_or_bonus")
        return None, None
    if multiplier_text:
        if not _MULTIPLIER.match(multiplier_text) or not (
            1 < Decimal(multiplier_text) <= MULTIPLIER_MAX
        ):
            problems["multiplier"] = DomainError(
                "promos.bad_multiplier", text=multiplier_text, max=MULTIPLIER_MAX
            )
            return None, None
        return f"{Decimal(multiplier_text).normalize():f}", None
    if not (bonus_text.isascii() and bonus_text.isdigit()) or not 0 < int(bonus_text) <= BONUS_MAX:
        problems["bonus"] = DomainError("promos.bad_bonus", text=bonus_text, max=BONUS_MAX)
        return None, None
    return None, int(bonus_text)
