"""Who served whom (技师): the therapist named on service lines and course sessions, the
member's suggested therapist, and the therapist report with its commission (提成).

Rules, each decided here only:
- Who may serve: an active staff member whose role is therapist, manager or owner (a
  manager or the owner often does treatments in a small clinic); a cashier may not.
- Who the till offers (the 技师 picker): the therapists, and a manager or owner only once
  given a commission rate of their own (`set_staff_rate`, 0% allowed), which is how the
  owner marks one who does treatments. The owner account every clinic gets at set-up and
  a manager who only runs the shop are not offered on every line.
- What takes a therapist: service and course lines, and course sessions. A product does
  not (nobody "does" a product), and naming one for it is refused, not ignored.
- The suggestion: the therapist of the member's most recent sale line that named one
  (computed, so there is no second copy to keep in step).
- Commission: the item's rate if it has one, else the therapist's, else none; rates are
  basis points (1000 = 10%) of the line's revenue, rounded to the fen half up, once per
  line (so the report is the sum of its lines). A course session earns none: its money,
  and the commission on it, came with the course sale.

The report per period is `spa_pos.services.therapist_report`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, Sale, SaleLine, StaffMember
from spa_pos.services import members, permissions, unit_of_work
from spa_pos.services.context import Ctx

SERVING_ROLES = ("therapist", "manager", "owner")
"""The roles that may be named as who did a service."""

SERVED_KINDS = ("service", "course")
"""The catalog kinds whose lines take a therapist."""

BASIS = 10_000  # basis points in a whole


def serving(session: Session, ref: str) -> StaffMember:
    """The staff member `ref` (a name, or an id) if they may be named as the therapist."""
    ref = ref.strip()
    row = session.scalars(select(StaffMember).where(StaffMember.name == ref)).first()
    if row is None and ref.isdigit() and len(ref) < 10:
        row = session.get(StaffMember, int(ref))
    if row is None:
        raise NotFound("therapists.unknown", name=ref)
    if not row.active:
        raise DomainError("therapists.inactive", name=row.name)
    if row.role not in SERVING_ROLES:
        raise DomainError(
            "therapists.cannot_serve", name=row.name, role=permissions.role_name(row.role)
        )
    return row


def assign(
    session: Session, wanted: Mapping[str, str], items: Mapping[str, CatalogItem]
) -> dict[str, int]:
    """The staff id serving each item code of a sale (`SaleRequest.therapists`), checked:
    the code is in the sale, it is a service or a course, the person may serve."""
    ids = {}
    for code, ref in wanted.items():
        item = items.get(code.strip().upper())
        if item is None:
            raise DomainError("therapists.not_in_sale", item=code)
        if item.kind not in SERVED_KINDS:
            raise DomainError("therapists.product", item=item.name)
        ids[item.code] = serving(session, ref).id
    return ids


def choices(ctx: Ctx) -> list[str]:
    """The names the till offers as therapists, by name: active therapists, and managers
    and owners with a commission rate of their own (see the module's rules)."""
    treats = or_(
        StaffMember.role == "therapist",
        and_(StaffMember.role.in_(SERVING_ROLES), StaffMember.commission_rate_bp.is_not(None)),
    )
    with unit_of_work.read(ctx) as work:
        return list(
            work.session.scalars(
                select(StaffMember.name)
                .where(StaffMember.active, treats)
                .order_by(StaffMember.name)
            )
        )


def suggestion(ctx: Ctx, member_ref: str) -> str | None:
    """The therapist of the member's most recent sale line that named one, if they may
    still serve; None otherwise."""
    with unit_of_work.read(ctx) as work:
        s = work.session
        member = members.find_one(s, member_ref)
        row = s.scalars(
            select(StaffMember)
            .join(SaleLine, SaleLine.therapist_id == StaffMember.id)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.member_id == member.id)
            .order_by(Sale.created_at.desc(), Sale.id.desc(), SaleLine.line_no)
            .limit(1)
        ).first()
        if row is None or not row.active or row.role not in SERVING_ROLES:
            return None
        return row.name


def set_item_rate(ctx: Ctx, code: str, rate_bp: int | None) -> None:
    """An item's commission rate (basis points; None: the therapist's rate applies)."""
    permissions.require(ctx, "change_catalog_rules")
    _check_rate(rate_bp)
    with unit_of_work.write(ctx) as work:
        item = work.session.scalars(
            select(CatalogItem).where(CatalogItem.code == code.strip().upper())
        ).first()
        if item is None:
            raise NotFound("catalog.item_not_found", item=code)
        before, item.commission_rate_bp = item.commission_rate_bp, rate_bp
        work.audit("catalog.commission", "catalog_item", item.code, before=before, after=rate_bp)


def set_staff_rate(ctx: Ctx, name: str, rate_bp: int | None) -> None:
    """A staff member's own commission rate, for items without one (None: 0)."""
    permissions.require(ctx, "manage_staff")
    _check_rate(rate_bp)
    with unit_of_work.write(ctx) as work:
        query = select(StaffMember).where(StaffMember.name == name.strip())
        row = work.session.scalars(query).first()
        if row is None:
            raise NotFound("therapists.unknown", name=name)
        before, row.commission_rate_bp = row.commission_rate_bp, rate_bp
        work.audit("staff.commission", "staff", row.name, before=before, after=rate_bp)


def _check_rate(rate_bp: int | None) -> None:
    if rate_bp is not None and not 0 <= rate_bp <= BASIS:
        raise DomainError("therapists.bad_rate", rate=rate_bp, max=BASIS)


def commission_fen(revenue_fen: int, item_rate_bp: int | None, staff_rate_bp: int | None) -> int:
    """One line's commission: the item's rate if set, else the therapist's, else 0; half
    a fen and up rounds up."""
    rate = item_rate_bp if item_rate_bp is not None else staff_rate_bp or 0
    return (revenue_fen * rate + BASIS // 2) // BASIS
