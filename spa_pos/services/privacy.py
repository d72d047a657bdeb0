"""A member's personal data on request (个人信息保护法): exported (art. 45) and erased
(art. 47).

Erasure keeps the member's row, anonymous ("已注销会员 #12") with its balances, and every
sale, ledger entry, voucher and course: the books and every total stay as they were. What
goes is every personal field in every table: name, phone, birthday, gender, health needs,
notes, the pinyin and initials search keys, consultation notes, feedback comments,
outreach texts and contact notes, open carts naming the card, and the name or phone where
staff typed it into another row's free text (a ledger note, another member's notes).

The audit trail keeps personal data by reference only (the card number, a row id), so
erasure never has to rewrite its HMAC-chained rows and `audit verify` still passes.
Rows written before that rule (member.register / member.edit / care.contact of older
versions) may still hold a name or phone by value; erasure does not rewrite them (that
would re-key the chain past every anchor already printed on a Z report or kept in a
backup) but counts them in its result (`audit_rows_by_value`) so the owner knows.

After the erasure commits, the SQLite file is rebuilt (`VACUUM`) and its WAL truncated,
so freed pages and old WAL frames do not keep the bytes (`Database.compact`; a server's
files are the server's). Backups made before the erasure still hold the data until they
are rotated out (see `spa_pos.services.backup`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from spa_pos import clock as clk
from spa_pos.db import position
from spa_pos.errors import DomainError
from spa_pos.models import (
    AuditEntry,
    CartDraft,
    CatalogItem,
    CourseBalance,
    Event,
    EventAttendance,
    Feedback,
    JobRun,
    LedgerEntry,
    Member,
    MemberNote,
    OutboxContact,
    OutboxMessage,
    PrintJob,
    Reward,
    RewardStockChange,
    Sale,
    SaleLine,
    SchemeReview,
    Voucher,
)
from spa_pos.services import members, permissions, unit_of_work
from spa_pos.services.context import Ctx

ANONYMOUS = "已注销会员 #{id}"
"""The erased member's name: a fixed label with the row id, the same in every language
(it is stored, not shown through the catalogues). Tags (高价值, 沉睡, …) stay: they are
derived from the ledger, which stays, and the dashboard counts them."""

# Free text that staff type and that may mention any member by name or phone.
_FREE_TEXT: tuple[InstrumentedAttribute[Any], ...] = (
    LedgerEntry.note,
    OutboxMessage.text,
    OutboxContact.note,
    Feedback.comment,
    MemberNote.text,
    Member.notes,
    Member.health_needs,
    RewardStockChange.reason,
    CourseBalance.note,
    SchemeReview.conclusions,
    JobRun.error,  # a refusal's sentence may name the member ("张三 的入会时间是 …")
    PrintJob.last_error,
)


@dataclass(frozen=True)
class Erasure:
    card_no: str
    name: str  # the anonymous label now stored
    balance: int  # unchanged
    cleared: dict[str, int]  # what went, by table: rows deleted or blanked
    audit_rows_by_value: int  # older audit rows still holding the name or phone
    compacted: bool  # VACUUM ran and the WAL was truncated (False: another user held it)


def _scrub(text: str, values: list[str], label: str) -> str:
    for value in values:
        text = text.replace(value, label)
    return text


def erase(ctx: Ctx, ref: str, reason: str) -> Erasure:
    """Erase a member's personal data on request (manager or owner: `erase_member`; the
    approver who typed their PIN is recorded on the audit row). Totals stay unchanged."""
    permissions.require(ctx, "erase_member")
    reason = reason.strip()
    if not reason:
        raise DomainError("privacy.reason_required")
    with unit_of_work.write(ctx) as work:
        s = work.session
        member = members.find_one(s, ref)
        if member.erased_at is not None:
            raise DomainError("privacy.erased", card=member.card_no)
        label = ANONYMOUS.format(id=member.id)
        values = members.personal_values(member)
        cleared = _clear_rows(s, member, values, label)
        member.name = label
        member.phone = f"-{member.id}"  # unique, and no phone: nothing can match it
        member.phone_last4 = member.pinyin = member.initials = ""
        member.birthday = member.gender = None
        member.health_needs = member.notes = ""
        member.marketing_consent = False
        member.erased_at = work.stamp
        s.flush()
        work.audit(
            "member.erase",
            "member",
            member.card_no,
            reason=_scrub(reason, values, label),
            cleared=cleared,
        )
        by_value = s.scalar(
            select(func.count(AuditEntry.id)).where(_mentions(AuditEntry.detail, values))
        )
        card, balance = member.card_no, member.points_balance
    return Erasure(card, label, balance, cleared, by_value or 0, ctx.db.compact())


def _mentions(column: InstrumentedAttribute[str], values: list[str]) -> ColumnElement[bool]:
    return or_(*(position(column, v) > 0 for v in values))


def _clear_rows(s: Session, member: Member, values: list[str], label: str) -> dict[str, int]:
    """Delete or blank the member's personal rows and scrub their name and phone out of
    every other free text; what went, by table."""
    messages = select(OutboxMessage.id).where(OutboxMessage.member_id == member.id)
    statements = {
        "member_notes": delete(MemberNote).where(MemberNote.member_id == member.id),
        "feedback": update(Feedback)
        .where(Feedback.member_id == member.id, Feedback.comment != "")
        .values(comment=""),
        "outbox": update(OutboxMessage)
        .where(OutboxMessage.member_id == member.id, OutboxMessage.text != "")
        .values(text=""),
        "outbox_contacts": update(OutboxContact)
        .where(OutboxContact.message_id.in_(messages), OutboxContact.note != "")
        .values(note=""),
        "cart_drafts": delete(CartDraft).where(CartDraft.member_card == member.card_no),
    }
    cleared: dict[str, int] = {}
    for table, statement in statements.items():
        count = s.execute(statement).rowcount  # type: ignore[attr-defined]
        if count:
            cleared[table] = count
    for column in _FREE_TEXT:
        replaced: Any = column
        for value in values:
            replaced = func.replace(replaced, value, label)
        count = s.execute(
            update(column.class_).where(_mentions(column, values)).values({column.key: replaced})
        ).rowcount  # type: ignore[attr-defined]
        if count:
            table = column.class_.__tablename__
            cleared[table] = cleared.get(table, 0) + count
    s.expire(member)
    return cleared


# --- export on request ------------------------------------------------------------------------


@dataclass(frozen=True)
class DataExport:
    path: Path
    sheets: dict[str, int]  # sheet name → data rows


Rows = list[tuple[object, ...]]


def export_data(ctx: Ctx, ref: str, path: Path) -> DataExport:
    """Everything the clinic holds about one member, as an XLSX workbook of one sheet per
    kind (profile, consents, points ledger, sales lines, vouchers, courses, events,
    feedback, outreach, consultation notes). Manager or owner (`export_member_data`);
    audited (by card number, with how many rows went out)."""
    permissions.require(ctx, "export_member_data")
    with unit_of_work.write(ctx) as work:
        s, tz = work.session, work.settings.timezone
        member = members.find_one(s, ref)
        book = _workbook(s, member, tz)
        sheets = {name: len(rows) - 1 for name, rows in book.items()}
        work.audit("member.export", "member", member.card_no, sheets=sheets)
    _write(path, book)
    return DataExport(path, sheets)


def _local(stored: datetime | None, tz: str) -> str:
    if stored is None:
        return ""
    return clk.from_utc_naive(stored).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _workbook(s: Session, member: Member, tz: str) -> dict[str, Rows]:
    mid = member.id
    referrer = s.get(Member, member.referrer_id) if member.referrer_id else None
    profile: Rows = [
        ("字段 field", "值 value"),
        ("卡号 card_no", member.card_no),
        ("姓名 name", member.name),
        ("手机 phone", member.phone),
        ("生日 birthday", member.birthday),
        ("性别 gender", member.gender or ""),
        ("推荐人 referrer", referrer.card_no if referrer else ""),
        ("健康需求 health_needs", member.health_needs),
        ("备注 notes", member.notes),
        ("入会时间 joined_at", _local(member.joined_at, tz)),
        ("最近到店 last_visit_at", _local(member.last_visit_at, tz)),
        ("积分余额 points_balance", member.points_balance),
        ("标签 tags", " ".join(sorted(t.tag for t in member.tags))),
    ]
    consents: Rows = [
        ("同意 consent", "值 value"),
        ("营销信息 marketing", "是 yes" if member.marketing_consent else "否 no"),
    ]
    ledger: Rows = [("时间 at", "类型 kind", "规则 rule", "积分 points", "说明 note", "经手 by")]
    ledger += [
        (_local(e.created_at, tz), e.kind, e.rule or "", e.points, e.note, e.actor)
        for e in s.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.member_id == mid)
            .order_by(LedgerEntry.created_at, LedgerEntry.id)
        )
    ]
    sales: Rows = [
        (
            "单号 sale_no",
            "时间 at",
            "项目 item",
            "数量 qty",
            "金额(分) amount_fen",
            "实付(分) net_fen",
        )
    ]
    sales += [
        (sale_no, _local(at, tz), line.name, line.qty, line.amount_fen, line.net_fen)
        for line, sale_no, at in s.execute(
            select(SaleLine, Sale.sale_no, Sale.created_at)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.member_id == mid)
            .order_by(Sale.created_at, SaleLine.line_no)
        ).tuples()
    ]
    vouchers: Rows = [("券号 code", "兑换项 reward", "状态 status", "发放 issued", "到期 expires")]
    vouchers += [
        (v.code, name, v.status, _local(v.issued_at, tz), v.expires_on)
        for v, name in s.execute(
            select(Voucher, Reward.name)
            .join(Reward, Reward.id == Voucher.reward_id)
            .where(Voucher.member_id == mid)
            .order_by(Voucher.issued_at)
        ).tuples()
    ]
    course_rows: Rows = [
        ("疗程 course", "总次数 total", "已用 used", "到期 expires", "状态 status")
    ]
    course_rows += [
        (name, b.sessions_total, b.sessions_used, b.expires_on, b.status)
        for b, name in s.execute(
            select(CourseBalance, CatalogItem.name)
            .join(CatalogItem, CatalogItem.id == CourseBalance.course_item_id)
            .where(CourseBalance.member_id == mid)
            .order_by(CourseBalance.created_at)
        ).tuples()
    ]
    events: Rows = [("活动 event", "日期 on", "到场 at", "积分 points")]
    events += [
        (name, on, _local(at, tz), pts)
        for name, on, at, pts in s.execute(
            select(Event.name, Event.on_date, EventAttendance.at, Event.points)
            .join(Event, Event.id == EventAttendance.event_id)
            .where(EventAttendance.member_id == mid)
            .order_by(EventAttendance.at)
        ).tuples()
    ]
    feedback: Rows = [("单号 sale_no", "时间 at", "评分 score", "评价 comment", "积分 points")]
    feedback += [
        (sale_no, _local(f.at, tz), f.score, f.comment, f.points)
        for f, sale_no in s.execute(
            select(Feedback, Sale.sale_no)
            .join(Sale, Sale.id == Feedback.sale_id)
            .where(Feedback.member_id == mid)
            .order_by(Feedback.at)
        ).tuples()
    ]
    outreach: Rows = [("时间 at", "类型 kind", "内容 text", "状态 status", "回访 contacts")]
    for m in s.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.member_id == mid)
        .order_by(OutboxMessage.created_at)
    ):
        contacts = s.scalars(
            select(OutboxContact).where(OutboxContact.message_id == m.id).order_by(OutboxContact.at)
        )
        said = "；".join(f"{_local(c.at, tz)} {c.result} {c.note}".strip() for c in contacts)
        outreach.append((_local(m.created_at, tz), m.kind, m.text, m.status, said))
    notes: Rows = [("时间 at", "记录人 author", "内容 text")]
    notes += [
        (_local(n.at, tz), n.author, n.text)
        for n in s.scalars(
            select(MemberNote).where(MemberNote.member_id == mid).order_by(MemberNote.at)
        )
    ]
    return {
        "资料 profile": profile,
        "同意 consents": consents,
        "积分 ledger": ledger,
        "消费 sales": sales,
        "兑换券 vouchers": vouchers,
        "疗程 courses": course_rows,
        "活动 events": events,
        "评价 feedback": feedback,
        "回访 outreach": outreach,
        "问诊 notes": notes,
    }


def _write(path: Path, book: dict[str, Rows]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, rows in book.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([v.isoformat() if isinstance(v, date) else v for v in row])
    try:
        workbook.save(path)
    except OSError as exc:
        raise DomainError("imports.export_failed", file=str(path), reason=str(exc)) from exc
