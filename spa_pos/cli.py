"""The `spa-pos` command line (shared/design/cli.md is its contract).

A thin caller of `spa_pos.services`: parse, call one service, print. With no subcommand
it opens the reception window. Each command imports the services it calls when it runs:
a headless command starts a fresh process, and loading every service costs more than
most commands' own work.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from spa_pos import cli_privacy, messages, till
from spa_pos import clock as clk
from spa_pos.cli_common import (
    INTEGER,
    ROW_ID,
    Answered,
    Handler,
    Parser,
    Refused,
    add_command,
    add_group,
    at_arg,
    common_options,
    output_file,
    parse_day,
    refuse_undecodable,
)
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.server import resolve_db
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.audit import ChainCheck

# --- argument helpers ------------------------------------------------------------------


def _item(text: str) -> tuple[str, int]:
    code, _, qty = text.partition(":")
    if qty and not (qty.isascii() and qty.isdigit() and len(qty) <= 9):
        raise Refused("cli.bad_quantity", text=text)
    return code.strip().upper(), int(qty) if qty else 1


def _payment(text: str) -> tuple[str, int]:
    method, sep, amount = text.partition(":")
    if not sep:
        raise Refused("cli.bad_payment", text=text)
    return method.strip().lower(), parse_yuan(amount)


def _override(text: str) -> tuple[str, int, str]:
    """`CODE:YUAN:REASON`, the reason last so it may hold colons itself."""
    code, sep, rest = text.partition(":")
    price, sep2, reason = rest.partition(":")
    if not (sep and sep2 and code.strip() and reason.strip()):
        raise Refused("cli.bad_override", text=text)
    return code.strip().upper(), parse_yuan(price), reason.strip()


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


# --- commands --------------------------------------------------------------------------


def cmd_init(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import clinic

    result = clinic.init(ctx)
    data: dict[str, Any] = {"db": result.db, "schema_version": result.schema_version}
    text = f"数据库已就绪: {result.db}（版本 {result.schema_version}）"
    if result.upgraded is not None:
        up = result.upgraded
        data["upgraded_from"] = up.from_version
        data["upgrade_backup"] = str(up.backup)
        text += "\n" + str(
            DomainError("backup.upgraded", from_version=up.from_version, file=str(up.backup))
        )
    return data, text


def cmd_demo(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import clinic

    clinic.init(ctx)
    result = clinic.load_demo(ctx)
    return (
        {"items": result.items, "rewards": result.rewards},
        f"已载入演示数据: {result.items} 个项目, {result.rewards} 个兑换项",
    )


def cmd_member_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import members

    form = members.MemberForm(
        name=args.name,
        phone=args.phone,
        birthday=parse_day(args.birthday) if args.birthday else None,
        gender=args.gender,
        referrer=args.referrer,
        marketing_consent=not args.no_consent,
    )
    member = members.register(ctx, form, at=at_arg(ctx, args))
    return (
        {"card_no": member.card_no, "phone": member.phone, "name": member.name},
        f"已登记会员 {member.name}，卡号 {member.card_no}",
    )


def cmd_member_find(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import members, points
    from spa_pos.services import settings as settings_svc

    with ctx.db.read() as s:
        found = members.search(s, args.text)
        moment = ctx.clock.now()
        cfg = settings_svc.load(s, moment)
        now = clk.to_utc_naive(moment)
        tiers = points.tiers_of(s, [m.id for m in found], now, cfg)
        results = [
            {
                "card_no": m.card_no,
                "phone": m.phone,
                "name": m.name,
                "balance": m.points_balance,
                "tier": tiers[m.id].name,
            }
            for m in found
        ]
    text = (
        "\n".join(
            f"{r['card_no']}  {r['name']}  {r['phone']}  {r['tier']}  {r['balance']} 分"
            for r in results
        )
        or "没有找到会员"
    )
    return {"results": results}, text


def cmd_member_show(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import profile

    p = profile.show(ctx, args.member)
    data = {
        "card_no": p.card_no,
        "phone": p.phone,
        "name": p.name,
        "balance": p.balance,
        "tier": p.tier.name,
        "perks": list(p.tier.perks),
        "tags": p.tags,
        "birthday": p.birthday,
        "health_needs": None if p.health_hidden else p.health_needs,
        "health_hidden": p.health_hidden,
        "referrer": p.referrer,
        "lots": [{"remaining": lot.remaining, "expires_on": lot.expires_on} for lot in p.lots],
        "expiring": [{"points": pts, "expires_on": d} for pts, d in p.expiring],
        "courses": [{"item": name, "sessions_left": left} for name, left in p.courses],
        "vouchers": [
            {"code": v.code, "reward": v.reward, "status": v.status, "expires_on": v.expires_on}
            for v in p.vouchers
        ],
        "visits": [{"sale_no": v.sale_no, "on": v.on, "items": v.items} for v in p.visits],
    }
    lines = [f"{p.name}  卡号 {p.card_no}  {p.phone}  {p.tier.name}", f"积分余额 {p.balance}"]
    lines += [f"  {pts} 分将于 {d} 到期" for pts, d in p.expiring]
    lines += [f"疗程 {name} 剩余 {left} 次" for name, left in p.courses]
    lines += [f"兑换券 {v.code} {v.reward} {v.status} 有效期至 {v.expires_on}" for v in p.vouchers]
    if p.tags:
        lines.append("标签: " + "、".join(p.tags))
    return data, "\n".join(lines)


def cmd_sell(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import checkout

    request = checkout.SaleRequest(
        items=[_item(i) for i in args.item or []],
        payments=[_payment(p) for p in args.pay or []],
        member=args.member,
        vouchers=args.voucher or [],
        at=at_arg(ctx, args),
        overrides={
            code: checkout.PriceOverride(fen, reason)
            for code, fen, reason in map(_override, args.override or [])
        },
    )
    r = checkout.sell(ctx, request)
    data = {
        "sale_no": r.sale_no,
        "total_fen": r.total_fen,
        "paid_fen": r.paid_fen,
        "change_fen": r.change_fen,
        "points_earned": r.points_earned,
        "points_breakdown": [{"rule": rule, "points": pts} for rule, pts in r.points_breakdown],
        "balance": r.balance,
        "referrer_award": (
            {"card_no": r.referrer_award[0], "points": r.referrer_award[1]}
            if r.referrer_award
            else None
        ),
    }
    lines = [
        f"销售单 {r.sale_no}  应收 {format_fen(r.total_fen)}  实收 {format_fen(r.paid_fen)}"
        f"  找零 {format_fen(r.change_fen)}"
    ]
    if r.balance is not None:
        detail = " + ".join(
            f"{r.promotions.get(rule) or checkout.RULE_NAMES.get(rule, rule)} {pts}"
            for rule, pts in r.points_breakdown
        )
        lines.append(
            f"本次积分 {r.points_earned}"
            + (f"（{detail}）" if detail else "")
            + f"  余额 {r.balance}"
        )
    if r.referrer_award:
        lines.append(f"推荐人 {r.referrer_award[0]} 获得推荐奖励 {r.referrer_award[1]} 分")
    return data, "\n".join(lines)


def cmd_use_course(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import courses

    r = courses.use_session(
        ctx, args.member, args.item.upper(), at=at_arg(ctx, args), therapist=args.therapist
    )
    return {"sessions_left": r.sessions_left, "item": r.item}, f"{r.item} 剩余 {r.sessions_left} 次"


def cmd_refund(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import refunds

    r = refunds.refund(ctx, args.sale_no, args.line or None, at=at_arg(ctx, args))
    data = {
        "refund_no": r.refund_no,
        "refunded_fen": r.refunded_fen,
        "points_reversed": r.points_reversed,
        "balance": r.balance,
        "by_method": {m: a for m, a in r.by_method},
        "vouchers_returned": r.vouchers_returned,
    }
    text = (
        f"退款单 {r.refund_no}  退款 {format_fen(r.refunded_fen)}  "
        f"扣回积分 {r.points_reversed}" + (f"  余额 {r.balance}" if r.balance is not None else "")
    )
    if r.balance is not None and r.balance < 0:
        text += f"\n注意：会员欠 {-r.balance} 分，之后的消费积分会先抵扣"
    return data, text


def cmd_redeem(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import vouchers

    r = vouchers.redeem(ctx, args.member, args.reward.upper(), at=at_arg(ctx, args))
    data = {
        "voucher_code": r.voucher_code,
        "qr_payload": r.qr_payload,
        "expires_on": r.expires_on,
        "points_spent": r.points_spent,
        "balance": r.balance,
        "reward": r.reward_name,
    }
    return data, (
        f"已兑换 {r.reward_name}，券号 {r.voucher_code}，有效期至 {r.expires_on}，"
        f"扣 {r.points_spent} 分，余额 {r.balance}"
    )


def cmd_voucher_check(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import settings as settings_svc
    from spa_pos.services import vouchers

    moment = at_arg(ctx, args) or ctx.clock.now()
    with ctx.db.read() as s:
        result = vouchers.check(s, args.code, settings_svc.business_date(s, moment))
        reward = result.voucher.reward.name if result.voucher else None
        expires = result.voucher.expires_on if result.voucher else None
    data = {
        "valid": result.valid,
        "reason": result.reason,
        "message": result.message,
        "reward": reward,
        "expires_on": expires,
    }
    text = f"{'有效' if result.valid else '无效'}: {result.message}" + (
        f"（{reward}）" if reward else ""
    )
    if not result.valid:
        raise _Invalid(data, text)
    return data, text


class _Invalid(Answered):
    """`voucher check` of an unusable voucher, `audit verify` of a chain that does not
    check: still prints its answer, then exits 2."""

    def __init__(self, data: dict[str, Any], text: str) -> None:
        super().__init__("cli.voucher_invalid", data, text)


def cmd_voucher_cancel(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import vouchers

    r = vouchers.cancel(ctx, args.code)
    return (
        {"points_returned": r.points_returned, "balance": r.balance},
        f"兑换券已作废，退回 {r.points_returned} 分，余额 {r.balance}",
    )


def cmd_receipt(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    if args.width not in (80, 58):
        raise Refused("cli.bad_width")
    from spa_pos.printing.receipt_pdf import render_receipt_pdf
    from spa_pos.services import receipts

    pdf = output_file(args.pdf)
    with ctx.db.read() as s:
        data = receipts.receipt(
            s, args.sale_no.strip().upper(), ctx.clock.now(), reprint=args.reprint
        )
    render_receipt_pdf(data, pdf, args.width)
    return {"pdf": str(Path(args.pdf).resolve())}, f"小票已保存: {args.pdf}"


def cmd_voucher_pdf(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.printing.voucher_pdf import render_voucher_pdf
    from spa_pos.services import receipts

    pdf = output_file(args.pdf)
    with ctx.db.read() as s:
        data = receipts.voucher_document(s, args.code)
    render_voucher_pdf(data, pdf, args.size)
    return {"pdf": str(Path(args.pdf).resolve())}, f"兑换券已保存: {args.pdf}"


def cmd_points_adjust(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import adjustments

    try:
        delta = int(args.delta)
    except ValueError as exc:
        raise Refused("cli.bad_delta", text=args.delta) from exc
    balance = adjustments.adjust(ctx, args.member, delta, args.reason)
    return {"balance": balance}, f"已调整 {delta:+d} 分，余额 {balance}"


def cmd_event_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import adjustments

    event_id = adjustments.add_event(
        ctx, args.name, args.points, parse_day(args.on) if args.on else None
    )
    return {"event_id": event_id}, f"已添加活动 {args.name}（编号 {event_id}）"


def cmd_event_attend(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import adjustments

    r = adjustments.attend(ctx, args.event_id, args.member)
    return {"points": r.points, "balance": r.balance}, f"活动积分 +{r.points}，余额 {r.balance}"


def cmd_audit_verify(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """Exits 2 (still printing the findings) if anything was found wrong."""
    from spa_pos.services import audit

    with ctx.db.read() as s:
        result = audit.verify(s)
        if result.ok:
            audit.anchor(s)  # a chain that checks is this machine's newest anchor
    lines = [str(DomainError("audit.ok", entries=result.entries))] if result.ok else []
    lines += [_problem_text(problem, result) for problem in result.problems]
    if result.unverifiable:
        lines.append(str(DomainError("audit.unverifiable", count=result.unverifiable)))
    if result.legacy:
        lines.append(str(DomainError("audit.legacy", count=result.legacy)))
    data, text = result.to_json(), "\n".join(lines)
    if not result.ok:
        raise _Invalid(data, text)
    return data, text


def _problem_text(problem: str, result: ChainCheck) -> str:
    """One finding of `audit verify` (`audit.PROBLEMS`), as a sentence."""
    anchor = result.anchor.text() if result.anchor else ""
    if problem == "chain_broken":
        return str(DomainError("audit.chain_broken", first_bad=result.first_bad))
    if problem == "anchor_missing":
        return str(DomainError("audit.anchor_missing", anchor=anchor))
    if problem == "anchor_mismatch":
        return str(DomainError("audit.anchor_mismatch", anchor=anchor))
    if problem == "rows_changed":
        first = result.changed_rows[0]
        count = len(result.changed_rows)
        return str(
            DomainError("audit.rows_changed", count=count, table=first["table"], key=first["key"])
        )
    return str(DomainError("audit.no_keyring"))


# --- parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="spa-pos",
        parents=[common_options()],
        description="理疗馆收银与会员积分 / clinic POS and points",
    )
    parser.add_argument(
        "--version", action="store_true", help="the app's and the schema's versions, then exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Handler, helptext: str, parent: Any = sub
    ) -> argparse.ArgumentParser:
        return add_command(parent, name, handler, helptext)

    add("init", cmd_init, "create or migrate the database")
    add("demo", cmd_demo, "load the demo catalog and rewards")

    member = add_group(sub, "member", "members")
    p = add("add", cmd_member_add, "register a member", member)
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--birthday")
    p.add_argument("--gender", choices=["F", "M"])
    p.add_argument("--referrer", help="referrer's phone or card number")
    p.add_argument("--no-consent", action="store_true", help="no marketing messages")
    p.add_argument("--at", help="when the member joined")
    add("find", cmd_member_find, "look members up", member).add_argument("text")
    add("show", cmd_member_show, "a member's profile", member).add_argument("member")
    cli_privacy.register_member(member)  # export-data, erase

    p = add("sell", cmd_sell, "one checkout")
    p.add_argument("--member")
    p.add_argument("--item", action="append", help="CODE[:QTY]")
    p.add_argument("--voucher", action="append", help="voucher code or QR payload")
    p.add_argument("--pay", action="append", help="METHOD:AMOUNT (cash card wechat alipay)")
    p.add_argument("--at")
    p.add_argument(
        "--override",
        action="append",
        help="CODE:YUAN:REASON, the item's price changed at the till (needs a manager)",
    )

    p = add("use-course", cmd_use_course, "use one prepaid session")
    p.add_argument("--member", required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--at")
    p.add_argument("--therapist", help="the staff member who did the session")

    p = add("refund", cmd_refund, "refund a sale or some lines")
    p.add_argument("sale_no")
    p.add_argument("--line", type=ROW_ID, action="append")
    p.add_argument("--at")

    p = add("redeem", cmd_redeem, "trade points for a voucher")
    p.add_argument("member")
    p.add_argument("reward")
    p.add_argument("--at")

    voucher = add_group(sub, "voucher", "vouchers")
    p = add("check", cmd_voucher_check, "is a voucher valid", voucher)
    p.add_argument("code")
    p.add_argument("--at")
    add("cancel", cmd_voucher_cancel, "cancel an unused voucher", voucher).add_argument("code")
    p = add("pdf", cmd_voucher_pdf, "render a voucher with its QR code", voucher)
    p.add_argument("code")
    p.add_argument("--pdf", required=True)
    p.add_argument("--size", choices=["a6", "receipt80", "receipt58"], default="a6")

    p = add("receipt", cmd_receipt, "render a receipt (sale S… or refund R…)")
    p.add_argument("sale_no")
    p.add_argument("--pdf", required=True)
    p.add_argument("--width", type=INTEGER, default=80)
    p.add_argument("--reprint", action="store_true", help="mark it 重印")

    pts = add_group(sub, "points", "points")
    p = add("adjust", cmd_points_adjust, "manual adjustment", pts)
    p.add_argument("member")
    p.add_argument("delta", metavar="±N")
    p.add_argument("--reason", required=True)

    event = add_group(sub, "event", "activities (E4)")
    p = add("add", cmd_event_add, "add an activity", event)
    p.add_argument("--name", required=True)
    p.add_argument("--points", type=INTEGER, required=True)
    p.add_argument("--on")
    p = add("attend", cmd_event_attend, "award an activity's points", event)
    p.add_argument("event_id", type=ROW_ID)
    p.add_argument("member")

    aud = add_group(sub, "audit", "audit trail")
    add("verify", cmd_audit_verify, "check the audit chain", aud)
    from spa_pos import (
        cli_catalog,
        cli_import,
        cli_keys,
        cli_move,
        cli_ops,
        cli_outbox,
        cli_promo,
        cli_reports,
        cli_rules,
        cli_staff,
    )

    for group in (
        cli_ops,
        cli_catalog,
        cli_rules,
        cli_promo,
        cli_import,
        cli_staff,
        cli_outbox,
        cli_reports,
        cli_move,
        cli_keys,
    ):
        group.register(sub)
    return parser


def run(argv: Sequence[str], ctx_factory: Callable[[str], Ctx] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    as_json = getattr(args, "json", False)
    if args.version:
        return _print_version(as_json)
    if not getattr(args, "handler", None):
        from spa_pos.window import open_window

        return open_window(getattr(args, "db", None), getattr(args, "till", None))
    from spa_pos.cli_ops import cmd_restore
    from spa_pos.cli_staff import acting

    url = resolve_db(getattr(args, "db", None))
    try:
        refuse_undecodable(args)
        _refuse_unusable_file(url, args.handler is cmd_restore)
        till_name = till.resolve(getattr(args, "till", None))
    except DomainError as exc:
        print(f"spa-pos: {exc}", file=sys.stderr)
        return 2
    ctx = dataclasses.replace(
        ctx_factory(url) if ctx_factory else Ctx(Database(url)), till=till_name
    )
    messages.set_language(_language(ctx))
    try:
        if args.handler not in (cmd_init, cmd_demo, cmd_restore):
            _require_schema(ctx)
        data, text = args.handler(acting(ctx, args), args)
    except Answered as exc:
        print(json.dumps(_jsonable(exc.data), ensure_ascii=False) if as_json else str(exc))
        return 2
    except DomainError as exc:
        print(f"spa-pos: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # anything else is our fault: say so, exit 1
        internal = DomainError("cli.internal_error", kind=type(exc).__name__, error=str(exc))
        print(f"spa-pos: {internal}", file=sys.stderr)
        return 1
    finally:
        ctx.db.dispose()
    print(json.dumps(_jsonable(data), ensure_ascii=False) if as_json else text)
    return 0


def _print_version(as_json: bool) -> int:
    """`spa-pos --version`: no database is opened (or made) for it."""
    from spa_pos.services import upgrade

    about = upgrade.versions()
    data = {"app_version": about.app_version, "schema_version": about.schema_version}
    print(
        json.dumps(data, ensure_ascii=False)
        if as_json
        else f"spa-pos {about.app_version} (schema {about.schema_version})"
    )
    return 0


_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_unusable_file(url: str, restoring: bool) -> None:
    """Refuse, before anything is opened or created, a database in a folder that does not
    exist (opening would create the file, and a typo'd path would hold a new empty till)
    and, except for `restore` (which replaces it), a file that is not SQLite."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url.removeprefix("sqlite:///"))
    if not path.parent.is_dir():
        raise Refused("cli.db_folder_missing", folder=str(path.parent))
    if restoring or not path.exists():
        return
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise Refused("cli.db_unreadable", path=str(path), detail=exc.strerror) from exc
    if header and header != _SQLITE_HEADER:
        raise Refused("cli.db_unreadable", path=str(path), detail="not SQLite")


def _require_schema(ctx: Ctx) -> None:
    if ctx.db.stored_revision() is None:
        raise DomainError("cli.not_initialized", url=ctx.db.shown_url)
    if not ctx.db.is_current():
        from spa_pos.services import clinic

        clinic.init(ctx)  # an earlier release's database: a verified copy, then the upgrade


def _language(ctx: Ctx) -> str | None:
    """The language of the messages: `SPA_POS_LANG`, else the clinic's setting, else the
    locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order)."""
    chosen = os.environ.get("SPA_POS_LANG") or _clinic_language(ctx)
    if chosen:
        return chosen
    return next(
        (os.environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(name)),
        None,
    )


def _clinic_language(ctx: Ctx) -> str:
    """The clinic's language setting; "" when it follows the system or cannot be read: a
    database not made yet (`init`) or damaged (`restore`) still gets its answer."""
    if ctx.db.path is not None and not ctx.db.path.is_file():
        return ""  # reading would create the file
    try:
        if ctx.db.stored_revision() is None:
            return ""
        from spa_pos.services import settings as settings_svc

        return settings_svc.current(ctx).language
    except SQLAlchemyError:
        return ""
