"""Reading the audit trail (审计记录) as a person would: who did what, who approved it,
and what changed, newest first, with filters; and the supervision report (监督报表), per
staff member for a period, of the operations a manager keeps an eye on (积分调整, 退款,
作废兑换券, 撤销日结, 兑换), with the unusual flagged.

Both read the trail itself (`spa_pos.services.audit`), which names the acting person
and, on its own in the detail, the manager who approved on the spot; the actor column
holds both names (`Actor.label`, "小李(张店长)"). Only managers and owners may read it
(`view_audit`).

The trail can hold a million rows: a page is found by keyset on the id (`before` = the
last id of the previous page), so a page costs the same at row 50 as at row 900,000.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, not_, or_, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, Sale, StaffMember
from spa_pos.money import format_fen
from spa_pos.services import exports, permissions, unit_of_work
from spa_pos.services.context import Ctx

KINDS: dict[str, tuple[str, ...]] = {
    "sales": ("sale.create", "sale.refund", "feedback.record"),
    "points": ("points.adjust", "event.add", "event.attend", "care.rescue"),
    "vouchers": ("voucher.redeem", "voucher.cancel", "voucher.targeted"),
    "courses": ("course.use",),
    "members": ("member.register", "member.edit", "member.note"),
    "day": ("day.close", "day.reopen"),
    "settings": (
        "settings.update",
        "rules.change",
        "clinic.set_up",
        "settings.manager_pin",
        "backup.passphrase",
    ),
    "catalog": (
        "catalog.add",
        "catalog.edit",
        "catalog.commission",
        "catalog.demo",
        "promo.add",
        "promo.end",
        "reward.add",
        "reward.edit",
        "reward.restock",
    ),
    "staff": ("staff.add", "staff.disable", "staff.pin_failed", "staff.pin_ok", "staff.commission"),
    "care": ("care.contact", "care.template", "outbox.campaign", "outbox.status"),
}
"""The actions grouped into the kinds a person filters by; any other action (database,
imports, nightly jobs) is of kind "system"."""

_KIND_OF = {action: kind for kind, actions in KINDS.items() for action in actions}
SYSTEM_KIND = "system"
ALL_KINDS = (*KINDS, SYSTEM_KIND)

PAGE = 50
MAX_PAGE = 500

# Detail keys that are bookkeeping, not what changed: the approver has its own column,
# a reopened day's full Z report and the row digests would drown the line.
_HIDDEN = frozenset({"approver", "report", "lots", "filter", "text"})
_SHOWN_VALUE = 40  # characters of one value at most


@dataclass(frozen=True)
class AuditFilter:
    """Which rows; every field left empty does not filter. Dates are the clinic's business
    days, both ends included."""

    who: str = ""  # the person who acted (the name, without the approver)
    approver: str = ""  # the manager who approved on the spot
    kind: str = ""  # one of ALL_KINDS
    entity: str = ""  # what was acted on: "member", "sale", "settings", ...
    member: str = ""  # a card number: rows about this member
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # aware, in the clinic's zone
    who: str
    approver: str  # "" when nobody approved
    action: str
    kind: str
    what: str  # "积分调整 M000001"
    change: str  # "1000 → 1300（补录纸质积分）", or what was recorded


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next_before: int | None  # pass as `before` for the next page; None: no more rows


def kind_of(action: str) -> str:
    return _KIND_OF.get(action, SYSTEM_KIND)


def kind_name(kind: str) -> str:
    return messages.render(f"audit.kind.{kind}", {})


def action_name(action: str) -> str:
    """The action as a person reads it (积分调整); an action without a label shows as is."""
    code = f"audit.action.{action}"
    text = messages.render(code, {})
    return action if text == code else text


def split_actor(actor: str, approver: str | None) -> tuple[str, str]:
    """(who acted, who approved) from an audit row's actor (`Actor.label`) and the
    approver its detail names."""
    if approver and actor.endswith(f"({approver})"):
        return actor[: -len(approver) - 2], approver
    return actor, approver or ""


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(flt: AuditFilter, tz: str) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if flt.who.strip():
        who = flt.who.strip()
        found.append(
            or_(AuditEntry.actor == who, AuditEntry.actor.like(f"{_like(who)}(%)", escape="\\"))
        )
    if flt.approver.strip():
        found.append(AuditEntry.actor.like(f"%({_like(flt.approver.strip())})", escape="\\"))
    if flt.kind:
        if flt.kind not in ALL_KINDS:
            raise DomainError("audit.bad_kind", kind=flt.kind)
        if flt.kind == SYSTEM_KIND:
            found.append(not_(AuditEntry.action.in_(_KIND_OF)))
        else:
            found.append(AuditEntry.action.in_(KINDS[flt.kind]))
    if flt.entity.strip():
        found.append(AuditEntry.entity == flt.entity.strip())
    if flt.member.strip():
        card = flt.member.strip().upper()
        # The detail is JSON written with sort_keys and the default separators (audit.record).
        found.append(
            or_(
                and_(AuditEntry.entity == "member", AuditEntry.entity_id == card),
                AuditEntry.detail.like(f'%"member": "{_like(card)}"%', escape="\\"),
            )
        )
    if flt.first and flt.last and flt.first > flt.last:
        raise DomainError(
            "audit.bad_period", first=flt.first.isoformat(), last=flt.last.isoformat()
        )
    if flt.first:
        found.append(AuditEntry.at >= clk.local_day_start_utc(flt.first, tz))
    if flt.last:
        found.append(AuditEntry.at < clk.local_day_start_utc(flt.last + timedelta(days=1), tz))
    return found


def browse(
    ctx: Ctx, flt: AuditFilter | None = None, *, before: int | None = None, limit: int = PAGE
) -> AuditPage:
    """One page of the trail, newest first: the rows older than id `before` (all if None)
    that pass the filter (manager)."""
    permissions.require(ctx, "view_audit")
    limit = max(1, min(limit, MAX_PAGE))
    with unit_of_work.read(ctx) as work:
        tz = work.settings.timezone
        q = select(AuditEntry).where(*_conditions(flt or AuditFilter(), tz))
        if before is not None:
            q = q.where(AuditEntry.id < before)
        found = list(work.session.scalars(q.order_by(AuditEntry.id.desc()).limit(limit + 1)))
        rows = [_row(entry, tz) for entry in found[:limit]]
        more = len(found) > limit
        return AuditPage(rows, rows[-1].id if more else None)


def people(ctx: Ctx) -> list[str]:
    """The names the trail's who and approver filters offer: the staff accounts."""
    permissions.require(ctx, "view_audit")
    with unit_of_work.read(ctx) as work:
        return list(work.session.scalars(select(StaffMember.name).order_by(StaffMember.name)))


def _row(entry: AuditEntry, tz: str) -> AuditRow:
    detail = _detail(entry.detail)
    approver = detail.get("approver")
    who, approved_by = split_actor(entry.actor, approver if isinstance(approver, str) else None)
    return AuditRow(
        id=entry.id,
        at=clk.from_utc_naive(entry.at).astimezone(ZoneInfo(tz)),
        who=who,
        approver=approved_by,
        action=entry.action,
        kind=kind_of(entry.action),
        what=f"{action_name(entry.action)} {entry.entity_id}".strip(),
        change=change_text(entry.action, detail, tz),
    )


def _detail(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"detail": text}
    return value if isinstance(value, dict) else {"detail": value}


def _value(key: str, value: Any, tz: str) -> str:
    if value is None or value == "":
        return "—"
    if key.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return format_fen(value)
    if (key.endswith("_at") or key == "effective_from") and isinstance(value, str):
        return _moment(value, tz)
    if key == "printer" and isinstance(value, dict):
        return _printer(value)
    if isinstance(value, bool):
        return messages.render("audit.yes" if value else "audit.no", {})
    if key == "role" and isinstance(value, str):
        return permissions.role_name(value)  # 店长, not the stored "manager"
    if key == "payments" and isinstance(value, list):
        return _payments(value)
    if key == "lines" and isinstance(value, list):
        lines = [messages.render("audit.line", {"no": no}) for no in value]
        return messages.render("audit.and", {}).join(lines)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return messages.render("audit.and", {}).join(value)  # voucher codes
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN_VALUE else text[: _SHOWN_VALUE - 1] + "…"


def _moment(value: str, tz: str) -> str:
    """A stored moment (ISO text: naive UTC as the tables keep it, or aware) as the clinic
    reads it, "2026-03-10 14:30" in its zone; text that is not a moment as is."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = clk.from_utc_naive(moment)
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _printer(value: dict[str, Any]) -> str:
    """The `printer` setting in words: "网络热敏打印机 192.168.1.50:9100，开钱箱"; a kind
    this release does not know shows as stored."""
    code = f"audit.printer.{value.get('kind')}"
    params = {
        "folder": "—",
        "host": "",
        "port": "",
        "vendor_id": "",
        "product_id": "",
        "device": "",
        "baudrate": "",
        "printer_name": "—",
    }
    for key, given in value.items():
        if isinstance(given, int) and key in ("vendor_id", "product_id"):
            params[key] = f"{given:04x}"
        elif given not in (None, ""):
            params[key] = str(given)
    text = messages.render(code, params)
    if text == code:
        return json.dumps(value, ensure_ascii=False)
    if value.get("kick_drawer"):
        text += messages.render("audit.printer.kick_drawer", {})
    return text


def _payments(value: list[Any]) -> str:
    """A sale's stored payments ([["wechat", 46600], ...]) as "微信支付 ¥466.00 + 现金 ¥1.00"."""
    paid: list[str] = []
    for pair in value:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], int)):
            return json.dumps(value, ensure_ascii=False)  # not a sale's payments: as stored
        method, fen = pair
        code = f"checkout.method.{method}"
        name = messages.render(code, {})
        paid.append(f"{method if name == code else name} {format_fen(fen)}")
    return " + ".join(paid)


def field_name(key: str) -> str:
    """A detail key as a person reads it (积分); a key without a label shows as is (a
    setting's own key, say)."""
    code = f"audit.field.{key}"
    text = messages.render(code, {})
    return key if text == code else text


def _arrow(key: str, before: Any, after: Any, tz: str) -> str:
    return f"{_value(key, before, tz)} → {_value(key, after, tz)}"


def change_text(action: str, detail: dict[str, Any], tz: str) -> str:
    """What an audit row's detail says changed, "before → after" where it records both,
    else what was recorded ("积分: 300"); empty values are left out. Moments read in the
    clinic's zone `tz`."""
    if action == "points.adjust" and isinstance(detail.get("balance"), int):
        balance, delta = detail["balance"], int(detail.get("delta", 0))
        reason = detail.get("reason")
        return f"{balance - delta} → {balance}" + (f"（{reason}）" if reason else "")
    parts: list[str] = []
    if "before" in detail and "after" in detail:
        before, after = detail["before"], detail["after"]
        if isinstance(before, dict) and isinstance(after, dict):
            keys = [k for k in after if before.get(k) != after.get(k)]
            parts += [
                f"{field_name(k)}: {_arrow(k, before.get(k), after.get(k), tz)}" for k in keys
            ]
        else:
            parts.append(_arrow("", before, after, tz))
    if isinstance(detail.get("changes"), dict):  # {field: [before, after]}
        for key, pair in detail["changes"].items():
            if isinstance(pair, list) and len(pair) == 2:
                parts.append(f"{field_name(key)}: {_arrow(key, pair[0], pair[1], tz)}")
    for key, value in detail.items():
        if key in _HIDDEN or key in ("before", "after", "changes") or value in (None, "", [], {}):
            continue
        name = field_name(key)
        if isinstance(value, dict) and "before" in value and "after" in value:
            parts.append(f"{name}: {_arrow(key, value['before'], value['after'], tz)}")
        elif isinstance(value, dict) and value.get("changed") is True:
            parts.append(f"{name}: {messages.render('audit.changed', {})}")
        else:
            parts.append(f"{name}: {_value(key, value, tz)}")
    return "；".join(parts)


# --- the supervision report ----------------------------------------------------------------------

REPEAT_ADJUSTMENTS = 3
"""Adjustments by one person to one member in the period from which it is flagged."""

_WATCHED = ("points.adjust", "sale.refund", "voucher.cancel", "day.reopen", "voucher.redeem")


@dataclass
class StaffSupervision:
    """One person's watched operations in the period."""

    name: str
    adjustments: int = 0
    points_added: int = 0
    points_taken: int = 0
    adjustments_approved: int = 0  # over the cashier's limit, a manager approving
    approvers: list[str] = field(default_factory=list)  # who approved them
    refunds: int = 0
    refunded_fen: int = 0
    voucher_cancels: int = 0
    days_reopened: int = 0
    redemptions: int = 0
    redeemed_points: int = 0


@dataclass(frozen=True)
class Flag:
    """Something unusual: `kind` is "repeat_adjustments" (one person adjusting one member
    again and again; `ref` the card, `count` how often) or "refund_by_seller" (the refund
    of a sale approved by the person who sold it: the manager who approved it on the
    spot, or who refunded it alone; `ref` the sale)."""

    kind: str
    staff: str
    ref: str
    count: int

    @property
    def text(self) -> str:
        return messages.render(
            f"audit.flag.{self.kind}", {"staff": self.staff, "ref": self.ref, "count": self.count}
        )


@dataclass(frozen=True)
class Supervision:
    first: date
    last: date
    rows: list[StaffSupervision]
    flags: list[Flag]


def supervision(ctx: Ctx, first: date, last: date) -> Supervision:
    """Per person, the period's adjustments, refunds, voucher cancellations, reopened days
    and redemptions, with the flags (manager). Business days, both ends included."""
    permissions.require(ctx, "view_audit")
    if first > last:
        raise DomainError("audit.bad_period", first=first.isoformat(), last=last.isoformat())
    with unit_of_work.read(ctx) as work:
        s, tz = work.session, work.settings.timezone
        entries = s.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.entity_id, AuditEntry.detail)
            .where(
                AuditEntry.action.in_(_WATCHED),
                *_conditions(AuditFilter(first=first, last=last), tz),
            )
            .order_by(AuditEntry.id)
        ).all()
        people: dict[str, StaffSupervision] = {}
        repeats: Counter[tuple[str, str]] = Counter()
        refunded: list[tuple[str, str, str]] = []  # (who, approver, sale no)
        for actor, action, ref, text in entries:
            detail = _detail(text)
            approver = detail.get("approver")
            who, approved_by = split_actor(actor, approver if isinstance(approver, str) else None)
            row = people.setdefault(who, StaffSupervision(who))
            if action == "points.adjust":
                delta = int(detail.get("delta", 0))
                row.adjustments += 1
                row.points_added += max(delta, 0)
                row.points_taken += max(-delta, 0)
                if approved_by:
                    row.adjustments_approved += 1
                    if approved_by not in row.approvers:
                        row.approvers.append(approved_by)
                repeats[(who, ref)] += 1
            elif action == "sale.refund":
                row.refunds += 1
                row.refunded_fen += int(detail.get("refunded_fen", 0))
                refunded.append((who, approved_by, ref))
            elif action == "voucher.cancel":
                row.voucher_cancels += 1
            elif action == "day.reopen":
                row.days_reopened += 1
            else:
                row.redemptions += 1
                row.redeemed_points += int(detail.get("points", 0))
        flags = [
            Flag("repeat_adjustments", who, card, n)
            for (who, card), n in sorted(repeats.items())
            if n >= REPEAT_ADJUSTMENTS
        ]
        flags += _refunds_by_seller(s, refunded)
        return Supervision(first, last, sorted(people.values(), key=lambda r: r.name), flags)


def _refunds_by_seller(session: Session, refunded: list[tuple[str, str, str]]) -> list[Flag]:
    sellers: dict[str, str] = {}
    numbers = sorted({sale_no for _, _, sale_no in refunded})
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        sellers |= dict(
            session.execute(select(Sale.sale_no, Sale.cashier).where(Sale.sale_no.in_(chunk)))
            .tuples()
            .all()
        )
    flags: list[Flag] = []
    for who, approver, sale_no in refunded:
        seller = sellers.get(sale_no, "").split("(", 1)[0]  # without their approver
        if seller and seller == (approver or who):
            flags.append(Flag("refund_by_seller", seller, sale_no, 1))
    return flags


HEADERS = (
    "员工",
    "积分调整次数",
    "调增积分",
    "调减积分",
    "超限额（店长批准）",
    "批准人",
    "退款次数",
    "退款金额（元）",
    "作废兑换券",
    "撤销日结",
    "兑换次数",
    "兑换积分",
)


def export_supervision(ctx: Ctx, first: date, last: date, path: Path) -> exports.ExportResult:
    """The report as an XLSX workbook: the table per person, and the flags on a second
    sheet (money as yuan numbers).

    `view_audit` to read it (as on screen) and `export_data` to take it off the till: the
    file names staff, members and sales, and reading a report and carrying a copy away are
    two permissions, which happen to be granted to the same roles today."""
    from openpyxl import Workbook

    permissions.require(ctx, "export_data")
    if path.suffix.lower() != ".xlsx":
        raise DomainError("imports.export_format", file=path.name)
    found = supervision(ctx, first, last)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = f"{first.isoformat()}~{last.isoformat()}"
    sheet.append(list(HEADERS))
    for r in found.rows:
        sheet.append(
            [
                r.name,
                r.adjustments,
                r.points_added,
                r.points_taken,
                r.adjustments_approved,
                "、".join(r.approvers),
                r.refunds,
                exports.yuan(r.refunded_fen),
                r.voucher_cancels,
                r.days_reopened,
                r.redemptions,
                r.redeemed_points,
            ]
        )
    flags = book.create_sheet("提醒")
    flags.append(["类型", "员工", "会员/单号", "次数", "说明"])
    for f in found.flags:
        flags.append([f.kind, f.staff, f.ref, f.count, f.text])
    try:
        book.save(path)
    except OSError as exc:
        raise DomainError("imports.export_failed", file=str(path), reason=str(exc)) from exc
    return exports.ExportResult(path, len(found.rows))
