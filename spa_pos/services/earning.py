"""How a sale earns points (E1, E2, promotions, E7, E6): pure arithmetic, no database.

Exact fractions all the way; the sale's item points are floored once. The breakdown is
built from cumulative floors, so its parts always add up to the total. The order, and
why, is in `spa_pos.services.pricing`'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from math import floor

from spa_pos.services.settings import Settings


@dataclass(frozen=True)
class LineBasis:
    """What one line contributes before multipliers."""

    fixed_points: int | None  # E1 points per unit, or None to earn at the rate
    paid_units: int  # units not made free by a reward voucher
    net_fen: int  # money paid for the line, after vouchers and coupons
    course_sessions: int | None  # set for course packages (E2)


@dataclass(frozen=True)
class Boost:
    """A promotion as earning sees it: a multiplier on the lines it covers, or a flat
    bonus once per sale that has a line it covers paid with money."""

    rule: str
    lines: frozenset[int]  # indexes of the lines it covers
    multiplier: Fraction | None = None
    bonus: int = 0


@dataclass(frozen=True)
class Earning:
    line_points: list[int]  # each line's share of `total`
    breakdown: list[tuple[str, int]]  # (rule, points), parts add up to `total`

    @property
    def total(self) -> int:
        return sum(p for _, p in self.breakdown)


def birthday_month(birthday: date | None, today: date) -> bool:
    """E6 applies: `today` (the clinic's date) falls in the member's birthday month."""
    return birthday is not None and birthday.month == today.month


def line_base(line: LineBasis, settings: Settings) -> tuple[Fraction, Fraction]:
    """(E1 points, E2 package bonus) of one line, exact."""
    if line.fixed_points is not None:
        e1 = Fraction(line.fixed_points * line.paid_units) if line.net_fen > 0 else Fraction(0)
    else:
        e1 = Fraction(line.net_fen, 100) * Fraction(settings.earn_rate_per_yuan)
    bonus = Fraction(0)
    if line.course_sessions and line.course_sessions >= settings.course_bonus_min_sessions:
        bonus = e1 * Fraction(settings.course_bonus_percent, 100)
    return e1, bonus


def compute(
    lines: list[LineBasis],
    settings: Settings,
    tier_factor: Fraction,
    birthday: bool,
    boosts: Sequence[Boost] = (),
) -> Earning:
    bases = [line_base(line, settings) for line in lines]
    e1 = sum((b[0] for b in bases), Fraction(0))
    e2 = sum((b[1] for b in bases), Fraction(0))
    chosen = [_line_boost(i, boosts) for i in range(len(lines))]
    base = [b[0] + b[1] for b in bases]
    weights = [
        points * (boost.multiplier if boost and boost.multiplier else 1)
        for points, boost in zip(base, chosen, strict=True)
    ]
    steps = [("E1", e1), ("E2", e1 + e2)]
    cumulative = e1 + e2
    for boost in boosts:
        if boost.multiplier is not None:
            cumulative += sum(
                (w - b for w, b, c in zip(weights, base, chosen, strict=True) if c is boost),
                Fraction(0),
            )
            steps.append((boost.rule, cumulative))
    birthday_factor = Fraction(settings.birthday_multiplier) if birthday else Fraction(1)
    steps += [("E7", cumulative * tier_factor), ("E6", cumulative * tier_factor * birthday_factor)]
    breakdown: list[tuple[str, int]] = []
    previous = 0
    for rule, value_so_far in steps:
        value = floor(value_so_far)
        if value - previous:
            breakdown.append((rule, value - previous))
        previous = value
    line_points = allocate(previous, weights)
    for boost in boosts:
        paid = [line.net_fen if i in boost.lines else 0 for i, line in enumerate(lines)]
        if boost.bonus and any(paid):
            breakdown.append((boost.rule, boost.bonus))
            line_points = [
                p + share for p, share in zip(line_points, allocate(boost.bonus, paid), strict=True)
            ]
    return Earning(line_points, breakdown)


def _line_boost(index: int, boosts: Sequence[Boost]) -> Boost | None:
    """The one multiplier on a line: the largest of those covering it, the first of equals."""
    covering = [b for b in boosts if b.multiplier is not None and index in b.lines]
    return max(covering, key=lambda b: b.multiplier or 0, default=None)


def allocate(total: int, weights: list[Fraction] | list[int]) -> list[int]:
    """Split an integer in proportion to weights (largest remainder): parts sum to total."""
    weight_sum = sum(weights)
    if not weights:
        return []
    if weight_sum == 0:
        return [0] * len(weights)
    exact = [Fraction(total) * Fraction(w) / Fraction(weight_sum) for w in weights]
    parts = [floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts
