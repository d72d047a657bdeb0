"""Checkout (收银): one sale with its lines, vouchers, payments, points and course
balances, written together in one transaction or not at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem, CourseBalance, Member, Payment, Sale, SaleLine, Voucher
from spa_pos.models.sale import PAYMENT_METHODS
from spa_pos.services import audit, catalog, earning, members, points, tags, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.numbering import next_number
from spa_pos.services.settings import Settings

METHOD_NAMES = {"cash": "现金", "card": "银行卡", "wechat": "微信支付", "alipay": "支付宝"}
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
MAX_QTY = 999


@dataclass
class SaleRequest:
    items: list[tuple[str, int]]  # (catalog code, quantity)
    payments: list[tuple[str, int]] = field(default_factory=list)  # (method, fen)
    member: str | None = None  # phone or card number; None for a walk-in
    vouchers: list[str] = field(default_factory=list)  # codes or QR payloads
    at: datetime | None = None  # when it happened, if not now (till was down)


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


@dataclass
class _Line:
    item: CatalogItem
    qty: int
    free_units: int = 0
    vouchers: list[Voucher] = field(default_factory=list)
    net_fen: int = 0

    @property
    def amount_fen(self) -> int:
        return self.item.price_fen * self.qty


def sell(ctx: Ctx, request: SaleRequest) -> SaleResult:
    moment = request.at or ctx.clock.now()
    stamp = clk.to_utc_naive(moment)
    with ctx.db.write() as s:
        cfg = settings_svc.load(s)
        today = clk.local_date(moment, cfg.timezone)
        member = members.find_one(s, request.member) if request.member else None
        lines = _lines(s, request.items)
        used = [vouchers.require_usable(s, v, today) for v in request.vouchers]
        member = _voucher_owner(s, used, member)
        coupon_fen = _apply_vouchers(s, lines, used)
        gross = sum(line.amount_fen for line in lines)
        after_free = gross - sum(line.item.price_fen * line.free_units for line in lines)
        coupon_fen = min(coupon_fen, after_free)
        _allocate_coupon(lines, coupon_fen)
        due = after_free - coupon_fen
        paid, change = _check_payments(request.payments, due)
        if member is None and any(line.item.kind == "course" for line in lines):
            raise DomainError("购买疗程需要会员，请先选择或登记会员")

        tier = points.tier_of(s, member.id, stamp, cfg) if member else None
        sale = Sale(
            sale_no=next_number(s, "S", Sale.sale_no, today),
            created_at=stamp,
            member_id=member.id if member else None,
            cashier=ctx.actor.name,
            gross_fen=gross,
            discount_fen=gross - due,
            due_fen=due,
            paid_fen=paid,
            change_fen=change,
            tier=tier.name if tier else None,
        )
        s.add(sale)
        s.flush()
        rows = _write_lines(s, sale, lines)
        for v in used:
            v.status, v.used_at, v.used_sale_id = "used", stamp, sale.id
        for method, amount in request.payments:
            s.add(Payment(sale_id=sale.id, method=method, amount_fen=amount))
        if member is not None:
            _open_courses(s, member, rows, stamp)
            member.last_visit_at = max(member.last_visit_at or stamp, stamp)
        breakdown: list[tuple[str, int]] = []
        referrer_award: tuple[str, int] | None = None
        if member is not None and tier is not None:
            breakdown, referrer_award = _earn(
                s, cfg, sale, member, rows, tier.factor, today, stamp, ctx.actor.name
            )
        sale.points_earned = sum(p for _, p in breakdown)
        if member is not None:
            tags.refresh_after_visit(s, member, moment, cfg)
        audit.record(
            s,
            at=stamp,
            actor=ctx.actor.name,
            action="sale.create",
            entity="sale",
            entity_id=sale.sale_no,
            detail={
                "member": member.card_no if member else None,
                "due_fen": due,
                "paid_fen": paid,
                "change_fen": change,
                "payments": request.payments,
                "points": sale.points_earned,
                "vouchers": [v.code for v in used],
            },
        )
        return SaleResult(
            sale.sale_no,
            due,
            paid,
            change,
            sale.points_earned,
            breakdown,
            member.points_balance if member else None,
            referrer_award,
        )


def _lines(session: Session, items: list[tuple[str, int]]) -> list[_Line]:
    lines: list[_Line] = []
    for code, qty in items:
        if not 1 <= qty <= MAX_QTY:
            raise DomainError(f"数量应在 1 到 {MAX_QTY} 之间: {code}:{qty}")
        lines.append(_Line(catalog.item_by_code(session, code), qty))
    return lines


def _voucher_owner(session: Session, used: list[Voucher], member: Member | None) -> Member | None:
    """Vouchers belong to their member; a walk-in sale with one becomes that member's."""
    if len({v.id for v in used}) != len(used):
        raise DomainError("同一张兑换券不能在一单里用两次")
    for v in used:
        if member is None:
            member = session.get(Member, v.member_id)
        elif v.member_id != member.id:
            raise DomainError(f"兑换券 {v.code} 不属于会员 {member.name}")
    return member


def _apply_vouchers(session: Session, lines: list[_Line], used: list[Voucher]) -> int:
    """Service and gift vouchers make one unit free (adding the item if it is missing);
    cash coupons return their total, taken off the sale afterwards."""
    coupon = 0
    for v in used:
        reward = v.reward
        if reward.kind == "coupon":
            coupon += reward.coupon_fen or 0
            continue
        line = next(
            (ln for ln in lines if ln.item.id == reward.item_id and ln.free_units < ln.qty), None
        )
        if line is None:
            assert reward.item is not None
            line = _Line(reward.item, 1)
            lines.append(line)
        line.free_units += 1
        line.vouchers.append(v)
    if not lines:
        raise DomainError("这一单没有项目")
    return coupon


def _allocate_coupon(lines: list[_Line], coupon_fen: int) -> None:
    payable = [line.amount_fen - line.item.price_fen * line.free_units for line in lines]
    shares = earning.allocate(coupon_fen, payable)
    for line, amount, share in zip(lines, payable, shares, strict=True):
        line.net_fen = amount - share


def _check_payments(payments: list[tuple[str, int]], due: int) -> tuple[int, int]:
    """Money must cover what is due; only cash can be over, and the change comes from it."""
    for method, amount in payments:
        if method not in PAYMENT_METHODS:
            raise DomainError(f"未知付款方式: {method}（可用: cash, card, wechat, alipay）")
        if amount <= 0:
            raise DomainError("付款金额必须大于 0")
    paid = sum(a for _, a in payments)
    cash = sum(a for m, a in payments if m == "cash")
    if paid < due:
        raise DomainError(
            f"付款不足：应收 {due / 100:.2f} 元，已付 {paid / 100:.2f} 元，"
            f"还差 {(due - paid) / 100:.2f} 元"
        )
    change = paid - due
    if change > cash:
        raise DomainError("非现金付款不能超过应收金额（只有现金可以找零）")
    return paid, change


def _write_lines(session: Session, sale: Sale, lines: list[_Line]) -> list[SaleLine]:
    rows = []
    for no, line in enumerate(lines, start=1):
        row = SaleLine(
            sale_id=sale.id,
            line_no=no,
            item_id=line.item.id,
            name=line.item.name,
            qty=line.qty,
            unit_fen=line.item.price_fen,
            amount_fen=line.amount_fen,
            free_units=line.free_units,
            net_fen=line.net_fen,
        )
        session.add(row)
        session.flush()
        for v in line.vouchers:
            v.used_line_id = row.id
        rows.append(row)
    return rows


def _open_courses(session: Session, member: Member, rows: list[SaleLine], at: datetime) -> None:
    for row in rows:
        item = session.get(CatalogItem, row.item_id)
        assert item is not None
        if item.kind == "course" and item.sessions and item.course_service_id:
            session.add(
                CourseBalance(
                    member_id=member.id,
                    course_item_id=item.id,
                    service_item_id=item.course_service_id,
                    sale_line_id=row.id,
                    created_at=at,
                    sessions_total=item.sessions * row.qty,
                )
            )


def _earn(
    session: Session,
    cfg: Settings,
    sale: Sale,
    member: Member,
    rows: list[SaleLine],
    tier_factor: Fraction,
    today: date,
    at: datetime,
    actor: str,
) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
    bases = []
    for row in rows:
        item = session.get(CatalogItem, row.item_id)
        assert item is not None
        bases.append(
            earning.LineBasis(
                item.points,
                row.qty - row.free_units,
                row.net_fen,
                item.sessions if item.kind == "course" else None,
            )
        )
    birthday = member.birthday is not None and member.birthday.month == today.month
    result = earning.compute(bases, cfg, tier_factor, birthday)
    for row, share in zip(rows, result.line_points, strict=True):
        row.item_points = share
    breakdown = list(result.breakdown)
    referrer_award = None
    if member.referrer_id and not member.referral_awarded and sale.due_fen > 0:
        member.referral_awarded = True
        breakdown.append(("E3", cfg.referral_new_member_points))
        referrer = session.get(Member, member.referrer_id)
        assert referrer is not None
        points.award(
            session,
            referrer,
            [points.Award("E3", cfg.referral_referrer_points)],
            at=at,
            today=today,
            settings=cfg,
            sale_id=sale.id,
            actor=actor,
            note=f"推荐 {member.name} 首次消费",
        )
        referrer_award = (referrer.card_no, cfg.referral_referrer_points)
    points.award(
        session,
        member,
        [points.Award(r, p) for r, p in breakdown],
        at=at,
        today=today,
        settings=cfg,
        sale_id=sale.id,
        actor=actor,
    )
    return breakdown, referrer_award
