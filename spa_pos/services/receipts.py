"""What goes on paper: receipts (小票) and vouchers (兑换券) built from the database.

The numbers come from the ledger, so a reprint shows what the sale earned and the balance
right after it, not today's balance.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import NotFound
from spa_pos.models import LedgerEntry, Member, Promotion, Refund, Sale, Voucher
from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData
from spa_pos.services import courses, keys, members, points, profile, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import METHOD_NAMES, RULE_NAMES
from spa_pos.services.settings import Settings

VOUCHER_TERMS = "本券限本人使用，不兑现金、不找零；请在有效期内使用，过期作废。"


def _time_text(stored: datetime, tz: str) -> str:
    return clk.from_utc_naive(stored).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _rule_label(rule: str, cfg: Settings, sale: Sale) -> str:
    if rule == "E2":
        return f"{RULE_NAMES['E2']} +{cfg.course_bonus_percent}%"
    if rule == "E6":
        return f"{RULE_NAMES['E6']} ×{cfg.birthday_multiplier}"
    if rule == "E7":
        tier = next((t for t in cfg.tiers if t.name == sale.tier), None)
        return f"{sale.tier}{RULE_NAMES['E7']}" + (f" ×{tier.multiplier}" if tier else "")
    return RULE_NAMES.get(rule, rule)


def promotion_label(promo: Promotion) -> str:
    """A promotion's row in a points breakdown: its name, and its multiplier if any."""
    return f"{promo.name} ×{promo.multiplier}" if promo.multiplier else promo.name


def _promotion_labels(s: Session, rules: list[str]) -> dict[str, str]:
    """Labels of the promotions (rules "P" + id) among `rules`."""
    ids = [int(r[1:]) for r in rules if r.startswith("P") and r[1:].isdigit()]
    if not ids:
        return {}
    return {
        f"P{p.id}": promotion_label(p)
        for p in s.scalars(select(Promotion).where(Promotion.id.in_(ids)))
    }


def _balance_after(s: Session, member_id: int, last_entry_id: int) -> int:
    total = s.scalar(
        select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
            LedgerEntry.member_id == member_id, LedgerEntry.id <= last_entry_id
        )
    )
    return int(total or 0)


def _member_block(s: Session, member: Member, cfg: Settings, now: datetime) -> dict[str, object]:
    today = clk.local_date(now, cfg.timezone)
    expiring = points.expiring_within(s, member.id, today, cfg.reminder_window_days)
    return {
        "member_name": member.name,
        "member_phone_masked": members.mask_phone(member.phone),
        "member_card": member.card_no,
        "expiring_points": expiring[0][0] if expiring else 0,
        "expiring_on": expiring[0][1] if expiring else None,
        "next_reward": profile.next_reward(s, member.points_balance),
        "courses_left": tuple(
            (b.course_item.name, b.sessions_left)
            for b in courses.usable_balances(s, member.id, today)
        ),
    }


def _sale(s: Session, sale_no: str) -> Sale:
    sale = s.scalars(select(Sale).where(Sale.sale_no == sale_no.strip())).first()
    if sale is None:
        raise NotFound("general.sale_not_found", sale_no=sale_no)
    return sale


def _header(cfg: Settings) -> dict[str, str]:
    return {
        "clinic_name": cfg.clinic_name,
        "clinic_address": cfg.clinic_address,
        "clinic_phone": cfg.clinic_phone,
        "footer": cfg.receipt_footer,
    }


def receipt(s: Session, number: str, now: datetime, *, reprint: bool = False) -> ReceiptData:
    """The receipt of a sale (S…) or a refund (R…)."""
    if number.strip().upper().startswith("R"):
        return refund_receipt(s, number, now, reprint=reprint)
    return sale_receipt(s, number, now, reprint=reprint)


def sale_receipt(s: Session, sale_no: str, now: datetime, *, reprint: bool = False) -> ReceiptData:
    cfg = settings_svc.load(s, now)
    sale = _sale(s, sale_no)
    # The breakdown names the rules the sale was computed with, also on a later reprint.
    rules_then = settings_svc.load(s, clk.from_utc_naive(sale.created_at))
    lines = tuple(
        ReceiptLine(
            ln.name,
            ln.qty,
            ln.unit_fen,
            ln.amount_fen - ln.unit_fen * ln.free_units,
            "兑换券抵扣" if ln.free_units else "",
        )
        for ln in sale.lines
    )
    used = s.scalars(select(Voucher).where(Voucher.used_sale_id == sale.id)).all()
    data: dict[str, object] = {
        **_header(cfg),
        "sale_no": sale.sale_no,
        "time_text": _time_text(sale.created_at, cfg.timezone),
        "cashier": sale.cashier,
        "till": sale.till,
        "lines": lines,
        "total_fen": sale.due_fen,
        "payments": tuple((METHOD_NAMES[p.method], p.amount_fen) for p in sale.payments),
        "cash_moved": any(p.method == "cash" for p in sale.payments),
        "change_fen": sale.change_fen,
        "discount_fen": sale.discount_fen,
        "vouchers_used": tuple(f"{v.reward.name} {v.code}" for v in used),
        "reprint": reprint,
    }
    if sale.member is not None:
        entries = s.scalars(
            select(LedgerEntry)
            .where(
                LedgerEntry.sale_id == sale.id,
                LedgerEntry.member_id == sale.member_id,
                LedgerEntry.kind == "earn",
            )
            .order_by(LedgerEntry.id)
        ).all()
        data.update(_member_block(s, sale.member, cfg, now))
        promos = _promotion_labels(s, [e.rule or "" for e in entries])
        data.update(
            tier=sale.tier,
            points_earned=sum(e.points for e in entries),
            points_breakdown=tuple(
                PointsLine(
                    promos.get(e.rule or "") or _rule_label(e.rule or "", rules_then, sale),
                    e.points,
                )
                for e in entries
            ),
            balance_after=_balance_after(s, sale.member.id, _last_entry_id(s, sale, None))
            if entries
            else sale.member.points_balance,
        )
    return ReceiptData(**data)  # type: ignore[arg-type]


def _last_entry_id(s: Session, sale: Sale, refund_id: int | None) -> int:
    cond = LedgerEntry.refund_id == refund_id if refund_id else LedgerEntry.sale_id == sale.id
    return int(
        s.scalar(
            select(func.max(LedgerEntry.id)).where(cond, LedgerEntry.member_id == sale.member_id)
        )
        or 0
    )


def refund_receipt(
    s: Session, refund_no: str, now: datetime, *, reprint: bool = False
) -> ReceiptData:
    cfg = settings_svc.load(s, now)
    rec = s.scalars(select(Refund).where(Refund.refund_no == refund_no.strip())).first()
    if rec is None:
        raise NotFound("printing.refund_not_found", refund_no=refund_no)
    sale = rec.sale
    lines = tuple(
        ReceiptLine(ln.name, ln.qty, ln.unit_fen, ln.net_fen)
        for ln in sale.lines
        if ln.refund_id == rec.id
    )
    data: dict[str, object] = {
        **_header(cfg),
        "sale_no": rec.refund_no,
        "kind": "refund",
        "original_sale_no": sale.sale_no,
        "time_text": _time_text(rec.created_at, cfg.timezone),
        "cashier": rec.actor,
        "till": rec.till,
        "lines": lines,
        "total_fen": rec.refunded_fen,
        "payments": tuple((METHOD_NAMES[p.method], p.amount_fen) for p in rec.payments),
        "cash_moved": any(p.method == "cash" for p in rec.payments),
        "change_fen": 0,
        "reprint": reprint,
    }
    if sale.member is not None:
        data.update(_member_block(s, sale.member, cfg, now))
        last = _last_entry_id(s, sale, rec.id)
        data.update(
            tier=sale.tier,
            points_earned=-rec.points_reversed,
            balance_after=_balance_after(s, sale.member.id, last)
            if last
            else sale.member.points_balance,
        )
    return ReceiptData(**data)  # type: ignore[arg-type]


def voucher_document(s: Session, code: str) -> VoucherData:
    voucher = s.scalars(select(Voucher).where(Voucher.code == code.strip().upper())).first()
    if voucher is None:
        raise NotFound("vouchers.not_found", voucher=code)
    cfg = settings_svc.load(s, clk.from_utc_naive(voucher.issued_at))
    return VoucherData(
        clinic_name=cfg.clinic_name,
        reward_name=voucher.reward.name,
        member_name=voucher.member.name,
        member_phone_masked=members.mask_phone(voucher.member.phone),
        code=voucher.code,
        qr_payload=vouchers.qr_payload(keys.known_voucher_secret(s), voucher.code),
        issued_on=clk.local_date(clk.from_utc_naive(voucher.issued_at), cfg.timezone),
        expires_on=voucher.expires_on,
        terms=VOUCHER_TERMS,
        points_spent=voucher.points_spent,
    )
