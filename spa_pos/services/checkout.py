"""Checkout (收银): one sale with its lines, vouchers, payments, points and course
balances, written together in one transaction or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.messages import zh_CN
from spa_pos.models import CatalogItem, CourseBalance, Member, Payment, Sale, SaleLine, Voucher
from spa_pos.models.draft import CartDraft
from spa_pos.models.sale import PAYMENT_METHODS as PAYMENT_METHODS  # the till offers these
from spa_pos.services import (
    catalog,
    earning,
    members,
    permissions,
    points,
    pricing,
    promotions,
    summaries,
    tags,
    therapists,
    tills,
    unit_of_work,
    vouchers,
)
from spa_pos.services.context import Ctx
from spa_pos.services.numbering import next_number
from spa_pos.services.settings import Tier

METHOD_NAMES = {m: zh_CN.MESSAGES[f"checkout.method.{m}"] for m in PAYMENT_METHODS}
"""The methods' Chinese names (receipts, exports): the catalogue's, which the audit trail
renders in the language in force."""
RULE_NAMES = {
    "E1": "项目积分",
    "E2": "疗程奖励",
    "E3": "推荐奖励",
    "E4": "活动积分",
    "E5": "连续消费奖励",
    "E6": "生日加倍",
    "E7": "会员等级加成",
    "E8": "手工调整",
}


@dataclass(frozen=True)
class PriceOverride:
    """A unit price changed at the till (改价): from 0 up to the list price, with why.
    A sale with one needs `override_price` (a manager, or a manager's PIN on the spot)."""

    unit_fen: int
    reason: str


@dataclass
class SaleRequest:
    items: list[tuple[str, int]]  # (catalog code, quantity)
    payments: list[tuple[str, int]] = field(default_factory=list)  # (method, fen)
    member: str | None = None  # phone or card number; None for a walk-in
    vouchers: list[str] = field(default_factory=list)  # codes or QR payloads
    at: datetime | None = None  # when it happened, if not now (till was down)
    till: str | None = None  # the till whose open cart this is: its draft goes with the sale
    # Who served which line: catalog code -> staff name (or id); services and courses only
    # (`spa_pos.services.therapists`).
    therapists: dict[str, str] = field(default_factory=dict)
    # Prices changed at the till: catalog code -> the new unit price and its reason.
    overrides: dict[str, PriceOverride] = field(default_factory=dict)


@dataclass(frozen=True)
class SaleResult:
    sale_no: str
    total_fen: int  # what money had to pay
    paid_fen: int
    change_fen: int
    points_earned: int
    points_breakdown: list[tuple[str, int]]
    balance: int | None
    referrer_award: tuple[str, int] | None  # (referrer card, points)
    promotions: dict[str, str] = field(default_factory=dict)  # breakdown rule -> its name
    payments: tuple[tuple[str, int], ...] = ()  # (method, fen) as tendered
    referrer_name: str | None = None  # who `referrer_award` went to


@dataclass
class _Cart:
    """A request read from the database and priced."""

    member: Member | None
    tier: Tier | None
    items: dict[str, CatalogItem]  # by code: the request's items and the vouchers'
    vouchers: list[Voucher]
    priced: pricing.PricedCart


def quote(ctx: Ctx, request: SaleRequest) -> pricing.PricedCart:
    """What `sell` would record for this request now (payments aside): the till's cart."""
    with unit_of_work.read(ctx, request.at) as work:
        return _price(work, request).priced


def sell(ctx: Ctx, request: SaleRequest) -> SaleResult:
    if request.overrides:
        permissions.require(ctx, "override_price")
    with unit_of_work.write(ctx, request.at, books=True) as work:
        s, cfg, stamp = work.session, work.settings, work.stamp
        cart = _price(work, request)
        priced, member = cart.priced, cart.member
        if not priced.lines:
            raise DomainError("checkout.empty")
        paid, change = _check_payments(request.payments, priced.due_fen)
        if member is None and any(line.item.kind == "course" for line in priced.lines):
            raise DomainError("checkout.course_needs_member")
        served = therapists.assign(s, request.therapists, cart.items)

        sale_no = next_number(s, "S", Sale.sale_no, work.today, work.till)
        sale_id: int = s.execute(
            _INSERT_SALE,
            {
                "sale_no": sale_no,
                "created_at": stamp,
                "member_id": member.id if member else None,
                "cashier": work.actor,
                "till": tills.stored(work.till),
                "gross_fen": priced.gross_fen,
                "discount_fen": priced.discount_fen,
                "due_fen": priced.due_fen,
                "paid_fen": paid,
                "change_fen": change,
                "tier": cart.tier.name if cart.tier else None,
                "points_earned": priced.points_earned,
            },
        ).scalar_one()
        rows = _write_lines(s, sale_id, cart, served)
        summaries.add_sale(
            s,
            stamp,
            priced.due_fen,
            priced.discount_fen,
            member.id if member else None,
            [(cart.items[ln.item.code].id, ln.qty, ln.net_fen) for ln in priced.lines],
        )
        for v in cart.vouchers:
            v.status, v.used_at, v.used_sale_id = "used", stamp, sale_id
        if request.payments:  # none when vouchers cover everything
            s.execute(
                _INSERT_PAYMENTS,
                [{"sale_id": sale_id, "method": m, "amount_fen": a} for m, a in request.payments],
            )
        if request.till is not None:  # sold: the cart must never come back (drafts.py)
            s.execute(delete(CartDraft).where(CartDraft.till == request.till))
        referrer: Member | None = None
        if member is not None:
            _open_courses(s, member, rows, stamp, work.today)
            member.last_visit_at = max(member.last_visit_at or stamp, stamp)
            summaries.add_visit(s, member.id, work.today)
            referrer = _award_points(work, sale_id, member, priced)
            tags.refresh_after_visit(s, member, work.moment, cfg)
        # Last: its digest covers every row the sale wrote (audit.py).
        work.audit(
            "sale.create",
            "sale",
            sale_no,
            member=member.card_no if member else None,
            due_fen=priced.due_fen,
            paid_fen=paid,
            change_fen=change,
            payments=request.payments,
            points=priced.points_earned,
            vouchers=[v.code for v in cart.vouchers],
            **_overrides_detail(request, priced),
        )
        return SaleResult(
            sale_no,
            priced.due_fen,
            paid,
            change,
            priced.points_earned,
            list(priced.points_breakdown),
            member.points_balance if member else None,
            (referrer.card_no, priced.referrer_points) if referrer else None,
            dict(priced.promotions),
            tuple(request.payments),
            referrer.name if referrer else None,
        )


def _price(work: unit_of_work.Work, request: SaleRequest) -> _Cart:
    """Read the request's member, items, vouchers and the member's standing; price them."""
    s, cfg = work.session, work.settings
    member = members.find_one(s, request.member) if request.member else None
    items = {}
    wanted = []
    for code, qty in request.items:
        item = catalog.item_by_code(s, code)
        items[item.code] = item
        wanted.append((_snapshot(item), qty))
    used = [vouchers.require_usable(s, v, work.today) for v in request.vouchers]
    for v in used:
        if limits.before(work.stamp, v.issued_at):
            raise DomainError("limits.voucher_before_issue", origin=limits.stamp_text(v.issued_at))
    member = _voucher_owner(s, used, member)
    if member is not None:
        members.check_joined(member, work.stamp)
    uses = []
    for v in used:
        reward = v.reward
        free = reward.item if reward.kind != "coupon" else None
        if free is not None:
            items[free.code] = free
        snapshot = _snapshot(free) if free is not None else None
        uses.append(pricing.VoucherUse(v.code, reward.kind, snapshot, reward.coupon_fen or 0))
    tier = points.tier_of(s, member.id, work.stamp, cfg) if member else None
    earner = None
    promos: list[pricing.Promotion] = []
    if member is not None and tier is not None:
        promos = promotions.in_force(s, work.stamp)
        earner = pricing.Earner(
            tier.factor,
            earning.birthday_month(member.birthday, work.today),
            bool(member.referrer_id) and not member.referral_awarded,
            promotions.member_tags(s, member.id) if any(p.tag for p in promos) else frozenset(),
        )
    for code, change in request.overrides.items():
        if not change.reason.strip():
            raise DomainError("checkout.override_needs_reason", item=code)
    changed = {code: change.unit_fen for code, change in request.overrides.items()}
    priced = pricing.price(wanted, uses, cfg, earner, promos, changed)
    limits.check_sale(priced.gross_fen)
    limits.check_points(sum(p for _, p in priced.points_breakdown), limits.MAX_SALE_POINTS)
    return _Cart(member, tier, items, used, priced)


def _overrides_detail(request: SaleRequest, priced: pricing.PricedCart) -> dict[str, object]:
    """The audit's record of the prices changed at the till: list price, new price and
    reason of each (who did it and who approved are the row's actor and approver)."""
    if not request.overrides:
        return {}
    lists = {line.item.code: line.list_fen for line in priced.lines}
    return {
        "overrides": [
            {
                "item": code,
                "list_fen": lists[code],
                "unit_fen": change.unit_fen,
                "reason": change.reason.strip(),
            }
            for code, change in request.overrides.items()
        ]
    }


def _snapshot(item: CatalogItem) -> pricing.Item:
    return pricing.Item(
        item.code, item.name, item.kind, item.price_fen, item.points, item.sessions, item.category
    )


def _voucher_owner(session: Session, used: list[Voucher], member: Member | None) -> Member | None:
    """Vouchers belong to their member; a walk-in sale with one becomes that member's."""
    if len({v.id for v in used}) != len(used):
        raise DomainError("checkout.voucher_twice")
    for v in used:
        if member is None:
            member = session.get(Member, v.member_id)
        elif v.member_id != member.id:
            raise DomainError("checkout.voucher_not_members", voucher=v.code, member=member.name)
    return member


def _check_payments(payments: list[tuple[str, int]], due: int) -> tuple[int, int]:
    """Money must cover what is due; only cash can be over, and the change comes from it."""
    for method, amount in payments:
        if method not in PAYMENT_METHODS:
            raise DomainError(
                "checkout.unknown_method", method=method, methods=", ".join(PAYMENT_METHODS)
            )
        if amount <= 0:
            raise DomainError("checkout.payment_not_positive")
        limits.check_payment(amount)
    limits.check_payments(sum(a for _, a in payments))
    money = pricing.tender(due, payments)
    if money.short_fen:
        raise DomainError(
            "checkout.payment_short",
            due=_yuan(money.due_fen),
            paid=_yuan(money.paid_fen),
            short=_yuan(money.short_fen),
        )
    if money.change_fen > money.cash_fen:
        raise DomainError("checkout.change_not_cash")
    return money.paid_fen, money.change_fen


def _yuan(fen: int) -> str:
    """Fen as plain yuan for a message: 39800 -> "398.00"."""
    return f"{fen // 100}.{fen % 100:02d}"


# The sale's rows are append-only and all their values are known once the cart is priced,
# so they are written with plain table INSERTs built once (ids by RETURNING), not through
# the ORM's unit of work, which cost more than the rest of a sale: one statement a table.
_SALES, _LINES = cast(Table, Sale.__table__), cast(Table, SaleLine.__table__)
_INSERT_SALE = insert(_SALES).returning(_SALES.c.id)
_INSERT_LINES = insert(_LINES).returning(_LINES.c.id, sort_by_parameter_order=True)
_INSERT_PAYMENTS = insert(cast(Table, Payment.__table__))


def _write_lines(
    session: Session, sale_id: int, cart: _Cart, served: dict[str, int]
) -> list[tuple[int, int, CatalogItem]]:
    """The sale's lines with their final values: (line id, qty, item) of each; `served`
    gives the therapist of an item code."""
    by_code = {v.code: v for v in cart.vouchers}
    values = [
        {
            "sale_id": sale_id,
            "line_no": no,
            "item_id": cart.items[line.item.code].id,
            "name": line.item.name,
            "qty": line.qty,
            "unit_fen": line.item.price_fen,
            "amount_fen": line.amount_fen,
            "free_units": line.free_units,
            "net_fen": line.net_fen,
            "item_points": line.points,
            "therapist_id": served.get(line.item.code),
        }
        for no, line in enumerate(cart.priced.lines, start=1)
    ]
    ids = session.execute(_INSERT_LINES, values).scalars().all()
    rows = []
    for line_id, line in zip(ids, cart.priced.lines, strict=True):
        for code in line.vouchers:
            by_code[code].used_line_id = line_id
        rows.append((line_id, line.qty, cart.items[line.item.code]))
    return rows


def _open_courses(
    session: Session,
    member: Member,
    rows: list[tuple[int, int, CatalogItem]],
    at: datetime,
    today: date,
) -> None:
    """A course bought opens its balance; one valid for D days may be used up to and
    including the D-th business day after today."""
    for line_id, qty, item in rows:
        if item.kind == "course" and item.sessions and item.course_service_id:
            session.add(
                CourseBalance(
                    member_id=member.id,
                    course_item_id=item.id,
                    service_item_id=item.course_service_id,
                    sale_line_id=line_id,
                    created_at=at,
                    sessions_total=item.sessions * qty,
                    expires_on=today + timedelta(days=item.valid_days) if item.valid_days else None,
                )
            )


def _award_points(
    work: unit_of_work.Work, sale_id: int, member: Member, priced: pricing.PricedCart
) -> Member | None:
    """Book the priced points; returns the referrer when the referral pays out."""
    referrer = None
    if priced.referral:
        member.referral_awarded = True
        referrer = work.session.get(Member, member.referrer_id)
        assert referrer is not None
        points.award(
            work.session,
            referrer,
            [points.Award("E3", priced.referrer_points)],
            at=work.stamp,
            today=work.today,
            settings=work.settings,
            sale_id=sale_id,
            actor=work.actor,
            # The new member by card number, not by name: a note on another member's
            # ledger must not keep personal data that erasure would have to find.
            note=f"推荐 {member.card_no} 首次消费",
        )
    points.award(
        work.session,
        member,
        [points.Award(r, p) for r, p in priced.points_breakdown],
        at=work.stamp,
        today=work.today,
        settings=work.settings,
        sale_id=sale_id,
        actor=work.actor,
    )
    return referrer
