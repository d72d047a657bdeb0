"""The reward catalog (积分商城) as the clinic keeps it: what a reward costs in points,
what its voucher gives (a service, a product or a coupon amount), its stock and every
move of that stock (restocks and corrections by staff, redemptions, cancellations)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, Reward, RewardStockChange
from spa_pos.services import catalog, permissions, unit_of_work
from spa_pos.services.catalog import (
    MAX_NAME,
    MAX_PRICE_FEN,
    FieldProblems,
    code_problem,
    text_problem,
)
from spa_pos.services.catalog import problem_text as _problem
from spa_pos.services.context import Ctx

MAX_COST = 1_000_000
MAX_STOCK = 100_000
MAX_REASON = 60
# What a voucher gives, by the kind of item it names (a coupon names none).
REWARD_KIND_OF_ITEM = {"service": "service", "product": "gift"}


@dataclass(frozen=True)
class RewardForm:
    code: str
    name: str
    points_cost: int
    item_code: str | None = None  # a service or product, or
    coupon_fen: int | None = None  # a coupon of this amount
    stock: int | None = None  # None: unlimited
    active: bool = True


def validate_reward(
    session: Session, form: RewardForm, *, editing: str | None = None
) -> dict[str, str]:
    """Every problem of a reward, by field (code, name, points_cost, item_code,
    coupon_fen, stock); empty when it may be saved."""
    problems: dict[str, str | None] = {}
    if editing is None:
        problems["code"] = code_problem(session, Reward, form.code)
    elif form.code != editing:
        problems["code"] = _problem("catalog.code_fixed")
    problems["name"] = text_problem(form.name, limit=MAX_NAME, required="catalog.name_required")
    if not 1 <= form.points_cost <= MAX_COST:
        problems["points_cost"] = _problem("rewards.cost_range", high=MAX_COST)
    if (form.item_code is None) == (form.coupon_fen is None):
        problems["item_code"] = _problem("rewards.item_or_coupon")
    elif form.item_code is not None:
        item = session.scalars(
            select(CatalogItem).where(CatalogItem.code == form.item_code)
        ).first()
        if item is None or not item.active or item.kind not in REWARD_KIND_OF_ITEM:
            problems["item_code"] = _problem("rewards.item_not_offered", item=form.item_code)
    elif form.coupon_fen is not None and not 1 <= form.coupon_fen <= MAX_PRICE_FEN:
        problems["coupon_fen"] = _problem("rewards.coupon_range")
    if form.stock is not None and not 0 <= form.stock <= MAX_STOCK:
        problems["stock"] = _problem("catalog.out_of_range", low=0, high=MAX_STOCK)
    return {name: text for name, text in problems.items() if text}


@dataclass(frozen=True)
class RewardRow:
    code: str
    name: str
    points_cost: int
    item_code: str | None
    coupon_fen: int | None
    stock: int | None
    active: bool
    kind: str
    gives: str  # the item's name, or the coupon's amount in fen as text for a coupon

    @classmethod
    def of(cls, reward: Reward) -> RewardRow:
        item = reward.item
        return cls(
            reward.code,
            reward.name,
            reward.points_cost,
            item.code if item else None,
            reward.coupon_fen,
            reward.stock,
            reward.active,
            reward.kind,
            item.name if item else "",
        )

    def form(self) -> RewardForm:
        return RewardForm(
            self.code,
            self.name,
            self.points_cost,
            self.item_code,
            self.coupon_fen,
            self.stock,
            self.active,
        )


@dataclass(frozen=True)
class StockChange:
    at: datetime  # in the clinic's time zone
    actor: str
    kind: str  # add | restock | edit | redeem | cancel
    delta: int
    stock_after: int | None
    reason: str

    @property
    def kind_text(self) -> str:
        """What moved the stock, in the language in force."""
        return messages.render(f"rewards.kind_{self.kind}", {})


def record_stock(
    session: Session,
    reward: Reward,
    kind: str,
    delta: int,
    *,
    at: datetime,
    actor: str,
    reason: str = "",
    voucher_id: int | None = None,
) -> None:
    """Append one stock move (the stock itself is already changed)."""
    session.add(
        RewardStockChange(
            reward_id=reward.id,
            at=at,
            actor=actor,
            kind=kind,
            delta=delta,
            stock_after=reward.stock,
            reason=reason,
            voucher_id=voucher_id,
        )
    )


def list_rewards(ctx: Ctx, *, include_retired: bool = True) -> list[RewardRow]:
    query = select(Reward).order_by(Reward.active.desc(), Reward.points_cost, Reward.code)
    if not include_retired:
        query = query.where(Reward.active)
    with ctx.db.read() as s:
        return [RewardRow.of(r) for r in s.scalars(query)]


def _reward(session: Session, code: str) -> Reward:
    reward = session.scalars(select(Reward).where(Reward.code == code.strip())).first()
    if reward is None:
        raise NotFound("catalog.reward_not_found", reward=code)
    return reward


def find_reward(ctx: Ctx, code: str) -> RewardRow:
    with ctx.db.read() as s:
        return RewardRow.of(_reward(s, code))


def _tidy(form: RewardForm) -> RewardForm:
    return replace(
        form,
        code=form.code.strip(),
        name=form.name.strip(),
        item_code=(form.item_code or "").strip() or None,
    )


def check_reward(ctx: Ctx, form: RewardForm, *, editing: str | None = None) -> dict[str, str]:
    with ctx.db.read() as s:
        return validate_reward(s, _tidy(form), editing=editing)


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise FieldProblems("rewards.invalid", problems)


def _apply(session: Session, reward: Reward, form: RewardForm) -> None:
    item = catalog.item_by_code(session, form.item_code) if form.item_code else None
    reward.name, reward.points_cost = form.name, form.points_cost
    reward.item = item
    reward.kind = REWARD_KIND_OF_ITEM[item.kind] if item else "coupon"
    reward.coupon_fen = None if item else form.coupon_fen
    reward.active = form.active


def add_reward(ctx: Ctx, form: RewardForm) -> RewardRow:
    permissions.require(ctx, "change_catalog_rules")
    form = _tidy(form)
    with unit_of_work.write(ctx) as work:
        s = work.session
        _refuse(validate_reward(s, form))
        reward = Reward(code=form.code, stock=form.stock)
        _apply(s, reward, form)
        s.add(reward)
        s.flush()
        if form.stock is not None:
            record_stock(s, reward, "add", form.stock, at=work.stamp, actor=work.actor)
        row = RewardRow.of(reward)
        work.audit("reward.add", "reward", row.code, **asdict(row.form()))
        return row


def edit_reward(ctx: Ctx, code: str, form: RewardForm) -> RewardRow:
    """Change a reward; a new stock figure is recorded as a stock move. Vouchers already
    issued keep what they give."""
    permissions.require(ctx, "change_catalog_rules")
    form = _tidy(form)
    with unit_of_work.write(ctx) as work:
        s = work.session
        reward = _reward(s, code)
        _refuse(validate_reward(s, form, editing=reward.code))
        before = RewardRow.of(reward).form()
        _apply(s, reward, form)
        if form.stock != reward.stock:
            delta = (form.stock or 0) - (reward.stock or 0)
            reward.stock = form.stock
            record_stock(s, reward, "edit", delta, at=work.stamp, actor=work.actor)
        s.flush()
        row = RewardRow.of(reward)
        after = row.form()
        changes = {
            f.name: [getattr(before, f.name), getattr(after, f.name)]
            for f in fields(RewardForm)
            if getattr(before, f.name) != getattr(after, f.name)
        }
        if changes:
            work.audit("reward.edit", "reward", reward.code, changes=changes)
        return row


def restock(ctx: Ctx, code: str, delta: int, reason: str) -> RewardRow:
    """Add to (or, for breakage and counting, take from) a reward's stock, with why."""
    permissions.require(ctx, "change_catalog_rules")
    reason = reason.strip()
    problem = text_problem(reason, limit=MAX_REASON, required="rewards.reason_required")
    if problem:
        raise FieldProblems("rewards.invalid", {"reason": problem})
    with unit_of_work.write(ctx) as work:
        s = work.session
        reward = _reward(s, code)
        if reward.stock is None:
            raise DomainError("rewards.unlimited", reward=reward.name)
        if delta == 0 or not 0 <= reward.stock + delta <= MAX_STOCK:
            raise DomainError("rewards.restock_range", stock=reward.stock, high=MAX_STOCK)
        reward.stock += delta
        record_stock(s, reward, "restock", delta, at=work.stamp, actor=work.actor, reason=reason)
        work.audit(
            "reward.restock", "reward", reward.code, delta=delta, stock=reward.stock, reason=reason
        )
        return RewardRow.of(reward)


def stock_history(ctx: Ctx, code: str) -> list[StockChange]:
    """The reward's stock moves, newest first."""
    with unit_of_work.read(ctx) as work:
        s, zone = work.session, ZoneInfo(work.settings.timezone)
        reward = _reward(s, code)
        rows = s.scalars(
            select(RewardStockChange)
            .where(RewardStockChange.reward_id == reward.id)
            .order_by(RewardStockChange.id.desc())
        )
        return [
            StockChange(
                clk.from_utc_naive(r.at).astimezone(zone),
                r.actor,
                r.kind,
                r.delta,
                r.stock_after,
                r.reason,
            )
            for r in rows
        ]
