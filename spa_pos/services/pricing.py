"""The price of a cart: pure arithmetic over snapshots, no database, no Qt.

One function decides what a cart costs and earns. `checkout.sell` records what it
returns and `checkout.quote` shows it to the cashier before paying, so the till's figures
and the sale's are the same by construction:

- every service or gift voucher makes one unit of its item free, on the first line of
  that item with a unit left, adding a line of one when there is none;
- cash coupons are added up, capped at what is left to pay, and split over the lines in
  proportion to what each still costs (largest remainder);
- points follow `earning.compute` (E1, E2, E7, E6); a referred member's first paid sale
  adds E3.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.services import earning
from spa_pos.services.settings import Settings

MAX_QTY = limits.MAX_QTY  # the cart's bound too (spa_pos.ui.cart_model)


@dataclass(frozen=True)
class Item:
    """A catalog item as priced."""

    code: str
    name: str
    kind: str  # service | course | product
    price_fen: int
    points: int | None = None  # E1 points per unit; None earns at the rate per yuan
    sessions: int | None = None  # sessions in one course package


@dataclass(frozen=True)
class VoucherUse:
    """A usable voucher in the cart."""

    code: str
    kind: str  # service | gift | coupon
    item: Item | None = None  # the item a service or gift voucher makes free
    coupon_fen: int = 0  # what a coupon takes off


@dataclass(frozen=True)
class Earner:
    """The member's standing when the sale is made; a walk-in has none and earns nothing."""

    tier_factor: Fraction  # E7
    birthday: bool  # the sale falls in the member's birthday month (E6)
    referral_pending: bool  # referred, and the referral not awarded yet (E3)


@dataclass(frozen=True)
class PricedLine:
    item: Item
    qty: int
    free_units: int  # units made free by vouchers
    vouchers: tuple[str, ...]  # codes of the vouchers that made them free
    from_voucher: bool  # a line a voucher added because its item had no unit left
    amount_fen: int  # price x qty
    payable_fen: int  # after the free units, before coupons
    net_fen: int  # after the coupons' share: what money pays for the line
    points: int  # this line's share of the sale's E1/E2/E7/E6 points


@dataclass(frozen=True)
class PricedCart:
    lines: tuple[PricedLine, ...]
    gross_fen: int  # list price of every unit
    free_fen: int  # taken off by service and gift vouchers
    coupon_fen: int  # taken off by cash coupons (capped at what was left)
    discount_fen: int  # free_fen + coupon_fen
    due_fen: int  # what money has to pay
    points_breakdown: tuple[tuple[str, int], ...]  # (rule, points), E3 included
    points_earned: int  # the member's points from this sale
    referral: bool  # this sale awards the referral (E3) to the member and the referrer
    referrer_points: int  # what the referrer gets, 0 without a referral

    def line_for(self, code: str) -> PricedLine | None:
        """The cart's line of an item (not one a voucher added)."""
        return next((ln for ln in self.lines if ln.item.code == code and not ln.from_voucher), None)


EMPTY = PricedCart((), 0, 0, 0, 0, 0, (), 0, False, 0)


@dataclass
class _Line:
    item: Item
    qty: int
    from_voucher: bool = False
    free_units: int = 0
    vouchers: list[str] = field(default_factory=list)

    @property
    def payable_fen(self) -> int:
        return self.item.price_fen * (self.qty - self.free_units)


def price(
    items: Sequence[tuple[Item, int]],
    vouchers: Sequence[VoucherUse],
    settings: Settings,
    earner: Earner | None,
) -> PricedCart:
    """What the cart (items with their quantities, in order) costs and earns."""
    for item, qty in items:
        if not 1 <= qty <= MAX_QTY:
            raise DomainError("checkout.bad_quantity", max=MAX_QTY, item=item.code, qty=qty)
    lines = [_Line(item, qty) for item, qty in items]
    coupons = 0
    for v in vouchers:
        if v.kind == "coupon":
            coupons += v.coupon_fen
            continue
        assert v.item is not None, f"voucher {v.code} makes no item free"
        line = next(
            (ln for ln in lines if ln.item.code == v.item.code and ln.free_units < ln.qty), None
        )
        if line is None:
            line = _Line(v.item, 1, from_voucher=True)
            lines.append(line)
        line.free_units += 1
        line.vouchers.append(v.code)

    gross = sum(ln.item.price_fen * ln.qty for ln in lines)
    payable = [ln.payable_fen for ln in lines]
    coupon = min(coupons, sum(payable))
    nets = [p - share for p, share in zip(payable, earning.allocate(coupon, payable), strict=True)]
    due = sum(nets)

    breakdown: list[tuple[str, int]] = []
    line_points = [0] * len(lines)
    referral = False
    if earner is not None:
        bases = [
            earning.LineBasis(
                ln.item.points,
                ln.qty - ln.free_units,
                net,
                ln.item.sessions if ln.item.kind == "course" else None,
            )
            for ln, net in zip(lines, nets, strict=True)
        ]
        earned = earning.compute(bases, settings, earner.tier_factor, earner.birthday)
        line_points = earned.line_points
        breakdown = list(earned.breakdown)
        referral = earner.referral_pending and due > 0
        if referral:
            breakdown.append(("E3", settings.referral_new_member_points))

    return PricedCart(
        lines=tuple(
            PricedLine(
                ln.item,
                ln.qty,
                ln.free_units,
                tuple(ln.vouchers),
                ln.from_voucher,
                ln.item.price_fen * ln.qty,
                ln.payable_fen,
                net,
                pts,
            )
            for ln, net, pts in zip(lines, nets, line_points, strict=True)
        ),
        gross_fen=gross,
        free_fen=gross - sum(payable),
        coupon_fen=coupon,
        discount_fen=gross - due,
        due_fen=due,
        points_breakdown=tuple(breakdown),
        points_earned=sum(p for _, p in breakdown),
        referral=referral,
        referrer_points=settings.referral_referrer_points if referral else 0,
    )


@dataclass(frozen=True)
class Tender:
    """Money handed over against what is due."""

    due_fen: int
    paid_fen: int
    cash_fen: int  # the part paid in cash, the only one that can give change

    @property
    def short_fen(self) -> int:
        return max(0, self.due_fen - self.paid_fen)

    @property
    def change_fen(self) -> int:
        return max(0, self.paid_fen - self.due_fen)


def tender(due_fen: int, payments: Sequence[tuple[str, int]]) -> Tender:
    """Add up the payments (method, fen); `checkout.sell` refuses what does not settle."""
    return Tender(
        due_fen,
        sum(fen for _, fen in payments),
        sum(fen for method, fen in payments if method == "cash"),
    )
