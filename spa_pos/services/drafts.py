"""Drafts (购物车草稿): the open cart of a till, kept in the database on every change, so
that a restart, a crash or a closed window never loses a sale being rung up.

The window saves its cart after each change (on the DB worker) and loads it when it opens
again. A draft keeps only what the cashier chose: item codes and quantities (with the
price shown then), the member's card and the voucher codes. Loading looks each of them up
again: an item retired since is left out, and so is a voucher that can no longer be used,
each with a note saying so; a changed price is noted too, and the figures are a fresh
`checkout.quote` of what is left. Each line keeps who does it (技师) and a price changed at
the till (改价) with its reason; such a price comes back only while the list price is the
one it was changed from (the manager agreed to that difference, not to another).

A sale deletes its till's draft in the sale's own transaction (`SaleRequest.till`), so a
sold cart never comes back; the cashier discarding the cart deletes it as well.

Not an operation on money or points: no audit row (the table is not digested, see
`audit.UNTRACKED_TABLES`), and nothing secret is stored (vouchers by code, never the
signed payload of their QR code).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from spa_pos import messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CartDraft, CatalogItem
from spa_pos.money import format_fen
from spa_pos.services import checkout, profile, unit_of_work, vouchers
from spa_pos.services.catalog import CatalogEntry
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.pricing import EMPTY, PricedCart
from spa_pos.services.profile import MemberView
from spa_pos.services.vouchers import VoucherCheck

MAIN_TILL = "main"  # the one till there is today


@dataclass(frozen=True)
class DraftLine:
    code: str
    qty: int
    price_fen: int  # the list price the cashier saw, so a change since can be pointed out
    therapist: str | None = None  # who does it (a staff name)
    override: PriceOverride | None = None  # the price changed at the till


def _stored(line: DraftLine) -> dict[str, object]:
    row: dict[str, object] = {"code": line.code, "qty": line.qty, "price_fen": line.price_fen}
    if line.therapist:
        row["therapist"] = line.therapist
    if line.override is not None:
        row["override"] = {"unit_fen": line.override.unit_fen, "reason": line.override.reason}
    return row


def _line(row: dict[str, Any]) -> DraftLine:
    changed = row.get("override")
    return DraftLine(
        row["code"],
        row["qty"],
        row["price_fen"],
        row.get("therapist"),
        PriceOverride(changed["unit_fen"], changed["reason"]) if changed else None,
    )


@dataclass(frozen=True)
class Draft:
    """A till's open cart as stored."""

    lines: list[DraftLine]
    member: str | None = None  # card number; None for a walk-in
    vouchers: list[str] = field(default_factory=list)  # voucher codes

    @property
    def is_empty(self) -> bool:
        return not self.lines and not self.vouchers


@dataclass(frozen=True)
class Restored:
    """A draft checked against the database as it is now: what can go back in the cart."""

    member: MemberView | None
    lines: list[tuple[CatalogEntry, int]]
    vouchers: list[VoucherCheck]
    quote: PricedCart  # `checkout.quote` of the restored cart
    notes: list[str]  # what differs from the draft: lines left out, prices changed
    therapists: dict[str, str] = field(default_factory=dict)  # item code -> staff name
    overrides: dict[str, PriceOverride] = field(default_factory=dict)  # item code -> price


def save(ctx: Ctx, draft: Draft, till: str = MAIN_TILL) -> None:
    """Keep `draft` as the till's open cart, replacing the one before (an empty cart
    leaves no draft). One small write: it runs on every change of the cart."""
    if draft.is_empty:
        discard(ctx, till)
        return
    lines = [_stored(x) for x in draft.lines]
    with unit_of_work.write(ctx) as work:
        row = work.session.scalars(select(CartDraft).where(CartDraft.till == till)).first()
        if row is None:
            row = CartDraft(till=till)
            work.session.add(row)
        row.member_card = draft.member
        row.lines = json.dumps(lines, ensure_ascii=False)
        row.vouchers = json.dumps(draft.vouchers)
        row.saved_at = work.stamp


def discard(ctx: Ctx, till: str = MAIN_TILL) -> None:
    """The cashier gave the cart up: no draft is left."""
    with ctx.db.write() as session:
        session.execute(delete(CartDraft).where(CartDraft.till == till))


def stored(ctx: Ctx, till: str = MAIN_TILL) -> Draft | None:
    """The till's draft as it was saved, unchecked; None if there is none."""
    with ctx.db.read() as session:
        row = session.scalars(select(CartDraft).where(CartDraft.till == till)).first()
        if row is None:
            return None
        return Draft(
            [_line(x) for x in json.loads(row.lines)],
            row.member_card,
            list(json.loads(row.vouchers)),
        )


def load(ctx: Ctx, till: str = MAIN_TILL) -> Restored | None:
    """The till's draft, checked against today's catalog, members and vouchers and quoted
    again; None if there is none. What cannot come back is left out with a note."""
    draft = stored(ctx, till)
    if draft is None:
        return None
    notes: list[str] = []
    member = None
    if draft.member is not None:
        try:
            member = profile.member_view(ctx, draft.member)
        except NotFound:
            notes.append(_note("drafts.member_gone", card=draft.member))
    lines = _lines(ctx, draft.lines, notes)
    kept_codes = {entry.code: entry.price_fen for entry, _ in lines}
    served = {x.code: x.therapist for x in draft.lines if x.therapist and x.code in kept_codes}
    changed = {
        x.code: x.override
        for x in draft.lines
        if x.override is not None and kept_codes.get(x.code) == x.price_fen
    }
    kept = []
    for code in draft.vouchers:
        check = vouchers.preview(ctx, code)
        if check.valid:
            kept.append(check)
        else:
            notes.append(_note("drafts.voucher_dropped", voucher=code, reason=check.reason))
    request = SaleRequest(
        items=[(entry.code, qty) for entry, qty in lines],
        member=member.card_no if member else None,
        vouchers=[v.text for v in kept],
        overrides=changed,
    )
    try:
        quote = checkout.quote(ctx, request)
    except DomainError as exc:  # the till shows the same refusal when it quotes the cart
        quote = EMPTY
        notes.append(str(exc))
    return Restored(member, lines, kept, quote, notes, served, changed)


def _lines(ctx: Ctx, wanted: list[DraftLine], notes: list[str]) -> list[tuple[CatalogEntry, int]]:
    """The draft's lines whose items are still sold, as the catalog has them now."""
    found = []
    with ctx.db.read() as session:
        for line in wanted:
            item = session.scalars(select(CatalogItem).where(CatalogItem.code == line.code)).first()
            if item is None or not item.active:
                name = item.name if item is not None else line.code
                notes.append(_note("drafts.item_retired", item=name, qty=line.qty))
                continue
            if item.price_fen != line.price_fen:
                notes.append(
                    _note(
                        "drafts.price_changed",
                        item=item.name,
                        old=format_fen(line.price_fen),
                        new=format_fen(item.price_fen),
                    )
                )
            found.append((CatalogEntry.of(item), line.qty))
    return found


def _note(message_code: str, **params: object) -> str:
    """A note for the cashier, in the language in force."""
    return messages.render(message_code, params)
