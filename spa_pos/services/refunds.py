"""Refunds (退款): a whole sale or some of its lines (manager).

Points the sale earned are reversed in proportion to the lines returned (each line holds
its share); flat bonuses tied to the sale (referral) go when the whole sale is refunded.
Reversed points the member already spent become debt that later earnings pay off first.
Vouchers used on returned lines come back if still valid; coupons come back with the
whole sale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import (
    CourseBalance,
    LedgerEntry,
    Member,
    PointLot,
    Refund,
    RefundPayment,
    Sale,
    SaleLine,
    Voucher,
)
from spa_pos.services import earning, permissions, points, summaries, tags, tills, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.numbering import next_number


@dataclass(frozen=True)
class RefundResult:
    refund_no: str
    refunded_fen: int
    points_reversed: int
    balance: int | None
    by_method: list[tuple[str, int]]
    vouchers_returned: list[str]


def refund(
    ctx: Ctx, sale_no: str, line_nos: list[int] | None = None, *, at: datetime | None = None
) -> RefundResult:
    permissions.require(ctx, "refund")
    with unit_of_work.write(ctx, at, books=True) as work:
        s, stamp, today = work.session, work.stamp, work.today
        sale = s.scalars(select(Sale).where(Sale.sale_no == sale_no.strip().upper())).first()
        if sale is None:
            raise NotFound("general.sale_not_found", sale_no=sale_no)
        if limits.before(stamp, sale.created_at):
            raise DomainError(
                "limits.refund_before_sale", origin=limits.stamp_text(sale.created_at)
            )
        lines = _lines_to_refund(s, sale, line_nos)
        refunded = sum(line.net_fen for line in lines)
        rec = Refund(
            refund_no=next_number(s, "R", Refund.refund_no, today, work.till),
            till=tills.stored(work.till),
            sale_id=sale.id,
            created_at=stamp,
            actor=work.actor,
            refunded_fen=refunded,
            points_reversed=0,
        )
        s.add(rec)
        s.flush()
        for line in lines:
            line.refund_id = rec.id
        whole = all(line.refund_id is not None for line in sale.lines)
        by_method = _money_back(s, sale, rec, refunded)
        returned = _vouchers_back(s, sale, lines, whole, today)
        reversed_points = _reverse_points(s, sale, lines, whole, rec, stamp, work.actor)
        rec.points_reversed = reversed_points
        sale.status = "refunded" if whole else "partially_refunded"
        sold = [(line.item_id, line.qty, line.net_fen) for line in lines]
        summaries.add_refund(s, stamp, refunded, sale.member_id, sale.created_at, sold)
        if whole and sale.member_id is not None:  # a wholly refunded sale is no visit
            tz = work.settings.timezone
            day = clk.local_date(clk.from_utc_naive(sale.created_at), tz)
            summaries.recheck_visit(s, sale.member_id, day, tz)
        member = s.get(Member, sale.member_id) if sale.member_id else None
        if member is not None:
            tags.refresh_member_tags(s, member.id, work.moment, work.settings)
        work.audit(
            "sale.refund",
            "sale",
            sale.sale_no,
            refund_no=rec.refund_no,
            lines=[ln.line_no for ln in lines],
            refunded_fen=refunded,
            points_reversed=reversed_points,
            vouchers_returned=returned,
        )
        return RefundResult(
            rec.refund_no,
            refunded,
            reversed_points,
            member.points_balance if member else None,
            by_method,
            returned,
        )


def _lines_to_refund(session: Session, sale: Sale, line_nos: list[int] | None) -> list[SaleLine]:
    open_lines = [ln for ln in sale.lines if ln.refund_id is None]
    if line_nos:
        known = {ln.line_no: ln for ln in sale.lines}
        for no in line_nos:
            if no not in known:
                raise DomainError("refunds.no_such_line", sale_no=sale.sale_no, line=no)
            if known[no].refund_id is not None:
                raise DomainError("refunds.line_refunded", line=no)
        chosen = [known[no] for no in sorted(set(line_nos))]
    else:
        chosen = open_lines
    if not chosen:
        raise DomainError("refunds.all_refunded", sale_no=sale.sale_no)
    for line in chosen:
        balance = session.scalars(
            select(CourseBalance).where(CourseBalance.sale_line_id == line.id)
        ).first()
        if balance is not None:
            if balance.sessions_used:
                raise DomainError("refunds.course_used", item=line.name, used=balance.sessions_used)
            balance.status = "refunded"
    return chosen


def _money_back(session: Session, sale: Sale, rec: Refund, refunded: int) -> list[tuple[str, int]]:
    """Back the way it was paid, in proportion (cash net of the change given)."""
    methods = [
        (p.method, p.amount_fen - (sale.change_fen if p.method == "cash" else 0))
        for p in sale.payments
    ]
    methods = _merge(methods)
    shares = earning.allocate(refunded, [amount for _, amount in methods])
    out = [(m, share) for (m, _), share in zip(methods, shares, strict=True) if share]
    for method, amount in out:
        session.add(RefundPayment(refund_id=rec.id, method=method, amount_fen=amount))
    return out


def _merge(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    merged: dict[str, int] = {}
    for method, amount in pairs:
        merged[method] = merged.get(method, 0) + amount
    return [(m, a) for m, a in merged.items() if a > 0]


def _vouchers_back(
    session: Session, sale: Sale, lines: list[SaleLine], whole: bool, today: date
) -> list[str]:
    line_ids = {ln.id for ln in lines}
    returned = []
    for v in session.scalars(select(Voucher).where(Voucher.used_sale_id == sale.id)):
        belongs = v.used_line_id in line_ids if v.used_line_id else whole
        if belongs and v.status == "used" and v.expires_on >= today:
            v.status, v.used_at, v.used_sale_id, v.used_line_id = "issued", None, None, None
            returned.append(v.code)
    return returned


def _reverse_points(
    session: Session,
    sale: Sale,
    lines: list[SaleLine],
    whole: bool,
    rec: Refund,
    at: datetime,
    actor: str,
) -> int:
    if sale.member_id is None:
        return 0
    member = session.get(Member, sale.member_id)
    assert member is not None
    sale_lots = session.scalars(
        select(PointLot.id).where(PointLot.sale_id == sale.id, PointLot.member_id == member.id)
    ).all()
    item_points = sum(line.item_points for line in lines)
    total = 0
    if item_points:
        points.reverse(
            session,
            member,
            item_points,
            at=at,
            rule="E1",
            prefer_lots=sale_lots,
            sale_id=sale.id,
            refund_id=rec.id,
            actor=actor,
        )
        total += item_points
    if whole:
        for entry in session.scalars(
            select(LedgerEntry).where(
                LedgerEntry.sale_id == sale.id, LedgerEntry.kind == "earn", LedgerEntry.rule == "E3"
            )
        ).all():
            owner = member if entry.member_id == member.id else session.get(Member, entry.member_id)
            assert owner is not None
            points.reverse(
                session,
                owner,
                entry.points,
                at=at,
                rule="E3",
                prefer_lots=[entry.lot_id] if entry.lot_id else [],
                sale_id=sale.id,
                refund_id=rec.id,
                actor=actor,
                note="退款撤销推荐奖励",
            )
            if owner.id == member.id:
                total += entry.points
    return total
