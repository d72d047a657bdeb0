"""The price of a cart: pure arithmetic over snapshots, no database, no Qt.

One function decides what a cart costs and earns. `checkout.sell` records what it
returns and `checkout.quote` shows it to the cashier before paying, so the till's figures
and the sale's are the same by construction:

- a price changed at the till (改价) replaces the item's price on its lines, between 0 and
  the list price; the lines keep the list price beside it (`PricedLine.list_fen`);
- every service or gift voucher makes one unit of its item free, on the first line of
  that item with a unit left, adding a line of one when there is none;
- cash coupons are added up, capped at what is left to pay, and split over the lines in
  proportion to what each still costs (largest remainder);
- points follow `earning.compute`; a referred member's first paid sale adds E3.

Points stack in this order (loyalty-rules.md), exact fractions until the one floor:

1. E1 per line: the item's points per paid unit, or the rate per yuan of its net;
2. E2: a course package's bonus on its line;
3. promotions' multipliers (限时活动, rule "P" + id) on the lines they cover. Several
   on one line do not multiply each other: the line takes the largest (the earliest
   promotion of equal ones), so overlapping campaigns never give ×4 by surprise;
4. E7 (tier) and E6 (birthday) multiply the sale's item points including the
   promotions' extra, as they multiply E2;
5. the sum is floored once per sale;
6. promotions' bonus points, each added once per sale in which a line it covers is paid
   with money; flat awards, never multiplied (like E3, E4, E5, E8);
7. E3 (referral) for a referred member's first paid sale.

A promotion counts for a sale when the sale's moment falls in its [from, to) and before
it was ended, for a member (walk-ins earn nothing), and, when it names a tag, only if the
member holds that tag when the sale begins. Every line holds its share of the sale's
points, promotions included (bonus points go to the covered lines by what money paid
for them), so a refund of some lines takes back their share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.money import format_fen
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
    category: str = ""  # the clinic's own (肩颈, 艾灸, …)


@dataclass(frozen=True)
class Promotion:
    """A promotion in force (`spa_pos.services.promotions`): a multiplier or bonus points
    on its items, else its category, else everything; for members with `tag` if set."""

    id: int
    name: str
    multiplier: Fraction | None = None
    bonus: int = 0
    items: frozenset[str] = frozenset()  # item codes
    category: str | None = None
    tag: str | None = None

    @property
    def rule(self) -> str:
        """Its rule code in the points breakdown and the ledger."""
        return f"P{self.id}"

    def covers(self, item: Item) -> bool:
        if self.items:
            return item.code in self.items
        return self.category is None or item.category == self.category


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
    tags: frozenset[str] = frozenset()  # the member's tags, for tag-limited promotions


@dataclass(frozen=True)
class PricedLine:
    item: Item  # as priced: with the till's price if it was changed
    qty: int
    free_units: int  # units made free by vouchers
    vouchers: tuple[str, ...]  # codes of the vouchers that made them free
    from_voucher: bool  # a line a voucher added because its item had no unit left
    amount_fen: int  # price x qty
    payable_fen: int  # after the free units, before coupons
    net_fen: int  # after the coupons' share: what money pays for the line
    points: int  # this line's share of the sale's E1/E2/E7/E6 points
    list_fen: int  # the catalog's unit price; `item.price_fen` differs when it was changed

    @property
    def overridden(self) -> bool:
        return self.item.price_fen != self.list_fen


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
    # (rule, promotion name) of the promotions in the breakdown, in its order
    promotions: tuple[tuple[str, str], ...] = ()

    def line_for(self, code: str) -> PricedLine | None:
        """The cart's line of an item (not one a voucher added)."""
        return next((ln for ln in self.lines if ln.item.code == code and not ln.from_voucher), None)


EMPTY = PricedCart((), 0, 0, 0, 0, 0, (), 0, False, 0)


@dataclass
class _Line:
    item: Item
    qty: int
    list_fen: int
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
    promotions: Sequence[Promotion] = (),
    overrides: Mapping[str, int] | None = None,
) -> PricedCart:
    """What the cart (items with their quantities, in order) costs and earns, with the
    promotions in force at the sale's moment (in id order) and the unit prices changed
    at the till (`overrides`: item code -> fen, at most the list price)."""
    for item, qty in items:
        if not 1 <= qty <= MAX_QTY:
            raise DomainError("checkout.bad_quantity", max=MAX_QTY, item=item.code, qty=qty)
    changed = _check_overrides(items, overrides or {})

    def at_till(item: Item) -> Item:
        fen = changed.get(item.code)
        return item if fen is None else replace(item, price_fen=fen)

    lines = [_Line(at_till(item), qty, item.price_fen) for item, qty in items]
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
            line = _Line(at_till(v.item), 1, v.item.price_fen, from_voucher=True)
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
    named: tuple[tuple[str, str], ...] = ()
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
        boosts = [
            earning.Boost(
                p.rule,
                frozenset(i for i, ln in enumerate(lines) if p.covers(ln.item)),
                p.multiplier,
                p.bonus,
            )
            for p in promotions
            if p.tag is None or p.tag in earner.tags
        ]
        earned = earning.compute(bases, settings, earner.tier_factor, earner.birthday, boosts)
        line_points = earned.line_points
        breakdown = list(earned.breakdown)
        names = {p.rule: p.name for p in promotions}
        named = tuple((rule, names[rule]) for rule, _ in breakdown if rule in names)
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
                ln.list_fen,
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
        promotions=named,
    )


def _check_overrides(
    items: Sequence[tuple[Item, int]], overrides: Mapping[str, int]
) -> Mapping[str, int]:
    """A changed price is for an item in the cart, from 0 up to its list price: raising
    a price is a catalog change (`change_catalog_rules`), not something done at the till."""
    listed = {item.code: item for item, _ in items}
    for code, fen in overrides.items():
        item = listed.get(code)
        if item is None:
            raise DomainError("checkout.override_not_in_cart", item=code)
        if not 0 <= fen <= item.price_fen:
            raise DomainError(
                "checkout.override_above_list",
                item=item.name,
                list=format_fen(item.price_fen),
                price=format_fen(fen),
            )
    return overrides


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
