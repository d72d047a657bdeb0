"""Redemption (积分兑换) and vouchers (兑换券): R1–R4.

A voucher's QR code carries its code and an HMAC made with the clinic's own secret, so a
forged or altered code is refused without any network. A bare code typed by the cashier
is looked up in the database instead.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import LedgerEntry, Member, Reward, Voucher
from spa_pos.services import (
    audit,
    catalog,
    keys,
    members,
    permissions,
    points,
    rewards,
    unit_of_work,
)
from spa_pos.services.context import Ctx

QR_PREFIX = "SPAV1"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud safely

# Why a voucher is or is not usable: the message code of each reason.
REASONS = {
    "ok": "vouchers.reason_ok",
    "forged": "vouchers.reason_forged",
    "unknown": "vouchers.reason_unknown",
    "used": "vouchers.reason_used",
    "cancelled": "vouchers.reason_cancelled",
    "expired": "vouchers.reason_expired",
    "other_member": "vouchers.reason_other_member",
}


def reason_text(reason: str) -> str:
    """A key of REASONS as a phrase in the language in force."""
    return messages.render(REASONS[reason], {})


def _signature(secret: str, code: str) -> str:
    mac = hmac.new(bytes.fromhex(secret), code.encode(), hashlib.sha256).digest()[:15]
    return base64.b32encode(mac).decode().rstrip("=")


def qr_payload(secret: str, code: str) -> str:
    """The signed QR text; just the code if this machine has no secret (a plaintext backup
    restored on a new machine): the code is still checked against the database."""
    if not secret:
        return code
    return f"{QR_PREFIX}.{code}.{_signature(secret, code)}"


def new_code() -> str:
    return "V" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(9))


@dataclass(frozen=True)
class Check:
    valid: bool
    reason: str  # a key of REASONS
    voucher: Voucher | None

    @property
    def message(self) -> str:
        return reason_text(self.reason)


def looks_like_voucher(text: str) -> bool:
    text = text.strip().upper()
    return text.startswith(QR_PREFIX + ".") or (len(text) == 10 and text.startswith("V"))


def check(session: Session, code_or_qr: str, today: date) -> Check:
    """Is this voucher usable today, and if not, why not (R3)."""
    text = code_or_qr.strip()
    if text.upper().startswith(QR_PREFIX + "."):
        parts = text.split(".")
        secret = keys.known_voucher_secret(session)
        if (
            len(parts) != 3
            or not secret
            or not hmac.compare_digest(_signature(secret, parts[1].upper()), parts[2].upper())
        ):
            return Check(False, "forged", None)
        code = parts[1].upper()
    else:
        code = text.upper()
    voucher = session.scalars(select(Voucher).where(Voucher.code == code)).first()
    if voucher is None:
        return Check(False, "unknown", None)
    if voucher.status in ("used", "cancelled"):
        return Check(False, voucher.status, voucher)
    if voucher.expires_on < today:
        return Check(False, "expired", voucher)
    return Check(True, "ok", voucher)


def require_usable(session: Session, code_or_qr: str, today: date) -> Voucher:
    result = check(session, code_or_qr, today)
    if not result.valid:
        raise DomainError(
            "vouchers.unusable", reason=result.message, voucher=code_or_qr.strip()[:40]
        )
    assert result.voucher is not None
    return result.voucher


@dataclass(frozen=True)
class Redemption:
    voucher_code: str
    qr_payload: str
    expires_on: date
    points_spent: int
    balance: int
    reward_name: str


def redeem(
    ctx: Ctx, member_ref: str, reward_code: str, *, at: datetime | None = None
) -> Redemption:
    """R2: deduct the points FIFO and issue a single-use voucher, in one transaction."""
    with unit_of_work.write(ctx, at, books=True) as work:
        s, stamp, today, cfg = work.session, work.stamp, work.today, work.settings
        member = members.find_one(s, member_ref)
        members.check_joined(member, stamp)
        reward = catalog.reward_by_code(s, reward_code)
        if reward.stock is not None and reward.stock <= 0:
            raise DomainError("vouchers.out_of_stock", reward=reward.name)
        voucher = Voucher(
            code=_unique_code(s),
            reward_id=reward.id,
            member_id=member.id,
            issued_at=stamp,
            points_spent=reward.points_cost,
            expires_on=today + timedelta(days=cfg.voucher_valid_days),
        )
        s.add(voucher)
        s.flush()
        points.spend(
            s,
            member,
            reward.points_cost,
            kind="redeem",
            at=stamp,
            today=today,
            reward=reward.name,
            rule="R2",
            voucher_id=voucher.id,
            actor=work.actor,
        )
        if reward.stock is not None:
            reward.stock -= 1
            rewards.record_stock(
                s, reward, "redeem", -1, at=stamp, actor=work.actor, voucher_id=voucher.id
            )
        work.audit(
            "voucher.redeem",
            "voucher",
            voucher.code,
            member=member.card_no,
            reward=reward.code,
            points=reward.points_cost,
        )
        return Redemption(
            voucher.code,
            qr_payload(audit.keyring(s).voucher_secret, voucher.code),
            voucher.expires_on,
            reward.points_cost,
            member.points_balance,
            reward.name,
        )


def _unique_code(session: Session) -> str:
    while True:
        code = new_code()
        if session.scalars(select(Voucher.id).where(Voucher.code == code)).first() is None:
            return code


@dataclass(frozen=True)
class Cancellation:
    points_returned: int
    balance: int


def cancel(ctx: Ctx, code: str, reason: str = "") -> Cancellation:
    """R4 (manager): cancel an unused voucher; the points go back to the lots they came
    from, with their original expiry dates. The `reason` (the window asks for one) goes
    into the audit row."""
    permissions.require(ctx, "cancel_voucher")
    with unit_of_work.write(ctx, books=True) as work:
        s, stamp = work.session, work.stamp
        voucher = s.scalars(select(Voucher).where(Voucher.code == code.strip().upper())).first()
        if voucher is None:
            raise NotFound("vouchers.not_found", voucher=code)
        if voucher.status != "issued":
            raise DomainError(
                "vouchers.cancel_used" if voucher.status == "used" else "vouchers.cancel_cancelled"
            )
        member = s.get(Member, voucher.member_id)
        assert member is not None
        returned = points.give_back(
            s,
            member,
            _draws_of(s, voucher.id),
            kind="cancel",
            at=stamp,
            rule="R4",
            voucher_id=voucher.id,
            actor=work.actor,
        )
        voucher.status, voucher.cancelled_at = "cancelled", stamp
        reward = s.get(Reward, voucher.reward_id)
        if reward is not None and reward.stock is not None:
            reward.stock += 1
            rewards.record_stock(
                s, reward, "cancel", 1, at=stamp, actor=work.actor, voucher_id=voucher.id
            )
        work.audit(
            "voucher.cancel",
            "voucher",
            voucher.code,
            member=member.card_no,
            points_returned=returned,
            reason=reason.strip(),
        )
        return Cancellation(returned, member.points_balance)


def _draws_of(session: Session, voucher_id: int) -> list[tuple[int | None, int]]:
    entries = session.scalars(
        select(LedgerEntry).where(
            LedgerEntry.voucher_id == voucher_id, LedgerEntry.kind == "redeem"
        )
    ).all()
    return [(e.lot_id, -e.points) for e in entries]


def member_vouchers(session: Session, member_id: int) -> list[Voucher]:
    return list(
        session.scalars(
            select(Voucher).where(Voucher.member_id == member_id).order_by(Voucher.issued_at.desc())
        )
    )


def status_of(voucher: Voucher, today: date) -> str:
    if voucher.status == "issued" and voucher.expires_on < today:
        return "expired"
    return voucher.status


# --- a voucher the cashier scans into a sale -------------------------------------------


@dataclass(frozen=True)
class VoucherCheck:
    """A scanned or picked voucher, as the cart previews it (plain data)."""

    text: str  # what was scanned or typed, handed to checkout.sell as is
    valid: bool
    reason: str  # `REASONS`' message, shown as is
    code: str = ""
    reward: str = ""
    kind: str = ""  # service | coupon | gift
    item_code: str | None = None  # the item a service or gift voucher makes free
    item: catalog.CatalogEntry | None = None
    coupon_fen: int = 0
    member_card: str = ""
    member_name: str = ""


def preview(ctx: Ctx, text: str) -> VoucherCheck:
    """`check` of a scanned voucher on the clinic's business date, with its reward."""
    with unit_of_work.read(ctx) as work:
        result = check(work.session, text, work.today)
        v = result.voucher
        if v is None:
            return VoucherCheck(text.strip(), result.valid, result.message)
        item = v.reward.item
        return VoucherCheck(
            text.strip(),
            result.valid,
            result.message,
            code=v.code,
            reward=v.reward.name,
            kind=v.reward.kind,
            item_code=item.code if item else None,
            item=catalog.CatalogEntry.of(item) if item else None,
            coupon_fen=v.reward.coupon_fen or 0,
            member_card=v.member.card_no,
            member_name=v.member.name,
        )
