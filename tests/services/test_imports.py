"""Import (数据导入): reading what Excel writes, recognising columns, every bad row with its
line, all or nothing, once per file, opening points as lots; and exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, CatalogItem, CourseBalance, ImportBatch, LedgerEntry, Member
from spa_pos.services import catalog, courses, exports, imports, members, points, profile
from spa_pos.services import settings as settings_svc
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.context import Ctx
from spa_pos.services.imports import ImportRefused
from spa_pos.services.imports.framework import decode_csv, read_sheet
from tests.conftest import register

Rows = Sequence[Sequence[object]]
MEMBER_HEADER = ["姓名", "手机", "卡号", "生日", "性别", "入会日期", "积分", "积分到期", "备注"]


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8") -> Path:
    out = io.StringIO(newline="")
    csv.writer(out).writerows([["" if c is None else c for c in r] for r in rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Rows) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r in rows:
        sheet.append(list(r))
    book.save(path)
    return path


def member_count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return members.count(s)


def errors_of(ctx: Ctx, path: Path, kind: str = "members", **kw: object) -> dict[int, str]:
    result = imports.run(ctx, kind, path, dry_run=True, **kw)  # type: ignore[arg-type]
    return {e.line: e.reason for e in result.errors}


# --- reading --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "m.csv", [MEMBER_HEADER[:2], ["张三", "13800000002"]], encoding)
    sheet = read_sheet(path)
    assert sheet.headers == ["姓名", "手机"]
    assert sheet.rows == [(2, ["张三", "13800000002"])]


def test_gbk_bytes_are_not_mistaken_for_utf8() -> None:
    assert decode_csv("姓名,手机".encode("gbk")) == "姓名,手机"
    assert decode_csv("\ufeff姓名".encode()) == "姓名"


def test_xlsx_header_is_the_first_filled_row_and_lines_are_sheet_rows(
    ctx: Ctx, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            [],
            ["Name", "Mobile", "Date of birth"],
            ["张三", 13800000002, datetime(1990, 5, 1)],
            [],
            ["李四", "138000000", None],
        ],
    )
    assert errors_of(ctx, path) == {5: "手机号应为 11 位大陆手机号（1 开头）"}


def test_other_files_are_refused(ctx: Ctx, tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("x")
    with pytest.raises(DomainError, match="只能导入"):
        imports.preview(ctx, "members", path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DomainError, match=r"无法读取文件 broken\.xlsx"):
        imports.preview(ctx, "members", broken)


# --- columns --------------------------------------------------------------------------


def test_header_variants_are_recognised(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m.csv",
        [
            [
                "会员姓名",
                "手机号(必填)",
                "会员卡号",
                "出生日期",
                "Sex",
                "开卡日期",
                "积分余额",
                "等级",
            ],
            ["张三", "138 0000 0002", "A1001", "1990/05/01", "女", "2020.01.02", "120", "金卡"],
        ],
    )
    preview = imports.preview(ctx, "members", path)
    assert preview.recognised == {
        "会员姓名": "name",
        "手机号(必填)": "phone",
        "会员卡号": "card_no",
        "出生日期": "birthday",
        "Sex": "gender",
        "开卡日期": "joined",
        "积分余额": "points",
        "等级": "",
    }
    assert preview.unknown == ["等级"]
    assert preview.ok


def test_unknown_headers_are_mapped_by_the_owner(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["客户", "联系方式"], ["张三", "13800000002"]])
    preview = imports.preview(ctx, "members", path)
    assert preview.unknown == ["客户", "联系方式"]
    assert [e.reason for e in preview.errors] == ["缺少必需的列: 姓名", "缺少必需的列: 手机"]
    mapping = {"客户": "name", "联系方式": "phone"}
    assert imports.preview(ctx, "members", path, mapping).ok
    assert imports.run(ctx, "members", path, mapping).imported == 1
    with ctx.db.read() as s:
        assert members.find_one(s, "13800000002").name == "张三"


def test_a_mapping_to_no_field_or_two_columns_for_one_field_is_refused(
    ctx: Ctx, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "m.csv", [["姓名", "手机", "电话"], ["张三", "13800000002", ""]])
    with pytest.raises(DomainError, match="手机 和 电话 两列都对应 phone"):
        imports.preview(ctx, "members", path)
    with pytest.raises(DomainError, match="没有这个字段: mobile"):
        imports.preview(ctx, "members", path, {"电话": "mobile"})
    assert imports.preview(ctx, "members", path, {"电话": ""}).ok


# --- bad rows -------------------------------------------------------------------------


def test_every_bad_row_is_listed_with_its_line_and_reason(ctx: Ctx, tmp_path: Path) -> None:
    register(ctx, "老会员", "13900000009")
    path = write_csv(
        tmp_path / "m.csv",
        [
            MEMBER_HEADER,
            ["好人", "13800000001", "", "", "", "", "", "", ""],  # 2: good
            ["坏号", "1380000", "", "", "", "", "", "", ""],  # 3
            ["重号", "13800000001", "", "", "", "", "", "", ""],  # 4
            ["库里有", "13900000009", "", "", "", "", "", "", ""],  # 5
            ["坏日", "13800000005", "", "1990-13-01", "", "", "", "", ""],  # 6
            ["负分", "13800000006", "", "", "", "", "-5", "", ""],  # 7
            ["坏分", "13800000007", "", "", "", "", "十", "", ""],  # 8
            ["卡1", "13800000008", "OLD01", "", "", "", "", "", ""],  # 9: good
            ["卡2", "13800000010", "OLD01", "", "", "", "", "", ""],  # 10
            ["", "13800000011", "", "", "", "", "", "", ""],  # 11
            ["性别", "13800000012", "", "", "X", "", "", "", ""],  # 12
            ["过期", "13800000013", "", "", "", "", "10", "2026-03-09", ""],  # 13
            ["未来", "13800000014", "", "", "", "2026-03-11", "", "", ""],  # 14
            ["本店卡", "13800000015", "80000099", "", "", "", "", "", ""],  # 15
        ],
    )
    assert errors_of(ctx, path) == {
        3: "手机号应为 11 位大陆手机号（1 开头）",
        4: "手机 13800000001 与第 2 行重复",
        5: "手机号 13900000009 已被其他会员使用",
        6: "生日 日期格式不对: 1990-13-01",
        7: "积分 不能为负数: -5",
        8: "积分 应为整数: 十",
        10: "卡号 OLD01 与第 9 行重复",
        11: "请填写姓名",
        12: "性别 应为 男 或 女: X",
        13: "积分到期日 2026-03-09 已过",
        14: "入会日期 2026-03-11 晚于今天",
        15: "卡号 80000099 是本系统发卡的格式（8 开头共 8 位），请留空由系统发卡",
    }


def test_a_card_already_in_the_database_is_refused(ctx: Ctx, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "a.csv", [["姓名", "手机", "卡号"], ["甲", "13800000001", "OLD9"]])
    imports.run(ctx, "members", first)
    again = write_csv(tmp_path / "b.csv", [["姓名", "手机", "卡号"], ["乙", "13800000002", "OLD9"]])
    assert errors_of(ctx, again) == {2: "卡号 OLD9 已被其他会员使用"}


def test_one_bad_row_and_nothing_is_written(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m.csv",
        [["姓名", "手机", "积分"], ["甲", "13800000001", "100"], ["乙", "12", "5"]],
    )
    before = member_count(ctx)
    with pytest.raises(ImportRefused) as refused:
        imports.run(ctx, "members", path)
    assert refused.value.result.to_json() == {
        "rows": 2,
        "imported": 0,
        "errors": [{"line": 3, "reason": "手机号应为 11 位大陆手机号（1 开头）"}],
    }
    assert str(refused.value) == "1 行有问题，没有导入任何数据"
    assert member_count(ctx) == before
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(ImportBatch.id))) == 0
        assert s.scalar(select(func.count(LedgerEntry.id))) == 0


def test_the_dry_run_writes_nothing(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["姓名", "手机", "积分"], ["甲", "13800000001", "100"]])
    result = imports.run(ctx, "members", path, dry_run=True)
    assert (result.rows, result.imported, result.errors) == (1, 0, [])
    assert member_count(ctx) == 0
    assert imports.run(ctx, "members", path).imported == 1  # not taken for done


def test_the_same_file_twice_is_refused(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["姓名", "手机"], ["甲", "13800000001"]])
    imports.run(ctx, "members", path)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    for attempt in (
        lambda: imports.run(ctx, "members", copy),
        lambda: imports.preview(ctx, "members", copy),
    ):
        with pytest.raises(DomainError, match=r"这个文件已在 2026-03-10 02:00 导入过（1 行）"):
            attempt()
    assert member_count(ctx) == 1


# --- what is written ------------------------------------------------------------------


def test_members_arrive_with_opening_lots_their_expiry_and_the_reason(
    ctx: Ctx, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            MEMBER_HEADER,
            [
                "张三",
                "13800000001",
                "OLD1",
                date(1990, 5, 1),
                "女",
                date(2019, 6, 1),
                500,
                date(2026, 12, 31),
                "肩颈不适",
            ],
            ["李四", "13800000002", None, None, "男", None, 80, None, None],
            ["王五", "13800000003", None, None, None, None, 0, None, None],
        ],
    )
    progress: list[float] = []
    result = imports.run(ctx, "members", path, progress=progress.append)
    assert (result.rows, result.imported) == (3, 3)
    assert progress[0] == 0.0 and progress[-1] == 1.0
    validity = settings_svc.current(ctx).points_validity_months
    with ctx.db.read() as s:
        zhang = members.find_one(s, "13800000001")
        assert (zhang.card_no, zhang.birthday, zhang.gender, zhang.notes) == (
            "OLD1",
            date(1990, 5, 1),
            "F",
            "肩颈不适",
        )
        assert zhang.joined_at == datetime(2019, 5, 31, 16, 0)  # local midnight, in UTC
        assert zhang.points_balance == 500
        [lot] = points.open_lots(s, zhang.id)
        assert (lot.amount, lot.expires_on) == (500, date(2026, 12, 31))
        [entry] = s.scalars(select(LedgerEntry).where(LedgerEntry.member_id == zhang.id))
        assert (entry.kind, entry.rule, entry.note, entry.points) == (
            "adjust",
            "OPEN",
            "期初导入",
            500,
        )
        li = members.find_one(s, "13800000002")
        assert li.card_no == members.card_number(li.id)
        [lot] = points.open_lots(s, li.id)
        assert lot.expires_on == points.expiry_for(
            date(2026, 3, 10), settings_svc.load(s, ctx.clock.now())
        )
        assert validity and li.points_balance == 80
        wang = members.find_one(s, "13800000003")
        assert wang.points_balance == 0 and not points.open_lots(s, wang.id)
        assert points.check_balances(s).ok
        # opening balances are not spending: no tier from them
        assert points.earned_last_12_months(s, zhang.id, datetime(2026, 3, 10)) == 0
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "import.members")).one()
        assert "13800000001" not in audit.detail and "张三" not in audit.detail
        assert '"imported": 3' in audit.detail
        batch = s.scalars(select(ImportBatch)).one()
        assert (batch.kind, batch.rows, batch.actor) == ("members", 3, ctx.actor.name)


def test_course_sessions_left_arrive_as_balances_without_a_sale(
    ctx: Ctx, tmp_path: Path, clock: FixedClock
) -> None:
    catalog.add_item(ctx, ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈"))
    catalog.add_item(
        ctx, ItemSpec("JJ10", "肩颈十次", "course", 108000, None, "肩颈", 10, "JJ1", valid_days=30)
    )
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["姓名", "手机", "疗程", "剩余次数", "疗程到期"],
            ["甲", "13800000001", "ZJTN10", "4", ""],  # 2: no last day
            ["乙", "13800000002", "jj10", "3", ""],  # 3: the course's 30 days from today
            ["丙", "13800000003", "ZJTN10", "2", "2026-03-12"],  # 4
            ["丁", "13800000004", "", "", ""],  # 5: no course
        ],
    )
    assert imports.run(ctx, "members", path).imported == 4
    assert profile.show(ctx, "13800000001").courses == [("针灸推拿十次疗程", 4)]
    assert profile.show(ctx, "13800000004").courses == []
    with ctx.db.read() as s:
        found = s.execute(
            select(
                Member.phone,
                CourseBalance.sale_line_id,
                CourseBalance.expires_on,
                CourseBalance.note,
            )
            .join(Member, Member.id == CourseBalance.member_id)
            .order_by(Member.phone)
        ).all()
    assert [tuple(r) for r in found] == [
        ("13800000001", None, None, "期初导入"),
        ("13800000002", None, date(2026, 4, 9), "期初导入"),
        ("13800000003", None, date(2026, 3, 12), "期初导入"),
    ]
    assert courses.use_session(ctx, "13800000002", "JJ1").sessions_left == 2
    clock.advance(days=3)  # 2026-03-13: 丙's balance is over
    with pytest.raises(DomainError, match="2026-03-12 到期"):
        courses.use_session(ctx, "13800000003", "ZJTN")


def test_bad_course_columns(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["姓名", "手机", "疗程", "剩余次数", "疗程到期"],
            ["甲", "13800000001", "ZJTN10", "", ""],  # 2
            ["乙", "13800000002", "", "3", ""],  # 3
            ["丙", "13800000003", "AJ", "3", ""],  # 4: a service, not a course
            ["丁", "13800000004", "NOPE", "3", ""],  # 5
            ["戊", "13800000005", "ZJTN10", "1000", ""],  # 6
            ["己", "13800000006", "ZJTN10", "2", "2026-03-09"],  # 7
            ["庚", "13800000007", "ZJTN10", "-2", ""],  # 8
            ["辛", "13800000008", "ZJTN10", "0", ""],  # 9: used up, nothing to bring
            ["壬", "13800000009", "", "", "2026-04-01"],  # 10
        ],
    )
    assert errors_of(ctx, path) == {
        2: "疗程和剩余次数需一起填写",
        3: "疗程和剩余次数需一起填写",
        4: "疗程 AJ 不是已知的疗程项目",
        5: "疗程 NOPE 不是已知的疗程项目",
        6: "剩余次数 最多 999 次",
        7: "疗程到期日 2026-03-09 已过",
        8: "剩余次数 不能为负数: -2",
        10: "疗程和剩余次数需一起填写",
    }


# --- catalog --------------------------------------------------------------------------

CATALOG_HEADER = ["编码", "名称", "类别", "价格", "积分", "次数", "对应项目"]


def test_a_price_list_becomes_the_catalog(ctx: Ctx, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        [
            CATALOG_HEADER,
            ["JJ5", "肩颈五次卡", "肩颈", "880", None, 5, "JJ"],  # course before its service
            ["JJ", "肩颈调理", "肩颈", 198, 100, None, None],
            ["JYL", "精油", "产品", "59.9", None, None, None],
            ["AJ", "艾灸（新价）", "艾灸", "188", None, None, None],  # updates the demo's
        ],
    )
    assert imports.run(ctx, "catalog", path).imported == 4
    with ctx.db.read() as s:
        items = {i.code: i for i in s.scalars(select(CatalogItem))}
        jj5, jj, jyl, aj = items["JJ5"], items["JJ"], items["JYL"], items["AJ"]
        assert (jj5.kind, jj5.sessions, jj5.course_service_id, jj5.price_fen) == (
            "course",
            5,
            jj.id,
            88000,
        )
        assert (jj.kind, jj.category, jj.points, jj.price_fen) == ("service", "肩颈", 100, 19800)
        assert (jyl.kind, jyl.price_fen, jyl.points) == ("product", 5990, None)
        assert (aj.name, aj.price_fen) == ("艾灸（新价）", 18800)
        # new items stand on the till in the price list's order, after the demo's (0)
        assert [jj5.sort_order, jj.sort_order, jyl.sort_order, aj.sort_order] == [1, 2, 3, 0]


def test_a_price_list_changes_only_the_columns_it_carries(ctx: Ctx, tmp_path: Path) -> None:
    """The owner set the till order, a course's validity and retired an item in the back
    office; a new price list without those columns changes prices, not them."""
    catalog.add_item(ctx, ItemSpec("JJ", "肩颈调理", "service", 19800, 100, "肩颈", sort_order=7))
    catalog.add_item(
        ctx,
        ItemSpec(
            "JJ5",
            "肩颈五次卡",
            "course",
            88000,
            None,
            "肩颈",
            5,
            "JJ",
            valid_days=180,
            sort_order=3,
        ),
    )
    catalog.add_item(ctx, ItemSpec("OLD", "旧精油", "product", 5000, None, "产品"))
    catalog.edit_item(
        ctx, "OLD", ItemSpec("OLD", "旧精油", "product", 5000, None, "产品", active=False)
    )
    path = write_xlsx(
        tmp_path / "prices.xlsx",
        [
            ["编码", "名称", "类别", "价格"],
            ["JJ", "肩颈调理", "肩颈", "218"],
            ["JJ5", "肩颈五次卡", "肩颈", "980"],
            ["OLD", "旧精油", "产品", "55"],
        ],
    )
    assert imports.run(ctx, "catalog", path).imported == 3
    jj, jj5, old = (catalog.find_item(ctx, code) for code in ("JJ", "JJ5", "OLD"))
    assert (jj.price_fen, jj.points, jj.sort_order) == (21800, 100, 7)
    assert (jj5.price_fen, jj5.kind, jj5.sessions, jj5.course_service_code) == (
        98000,
        "course",
        5,
        "JJ",
    )
    assert (jj5.valid_days, jj5.sort_order) == (180, 3)
    assert (old.price_fen, old.active) == (5500, False)

    again = write_xlsx(
        tmp_path / "order.xlsx",
        [
            ["编码", "名称", "类别", "价格", "积分", "有效天数", "排序"],
            ["JJ", "肩颈调理", "肩颈", "218", "", "", "2"],
            ["JJ5", "肩颈五次卡", "肩颈", "980", "", "365", ""],
        ],
    )
    assert imports.run(ctx, "catalog", again).imported == 2
    jj, jj5 = catalog.find_item(ctx, "JJ"), catalog.find_item(ctx, "JJ5")
    assert (jj.points, jj.sort_order, jj.valid_days) == (None, 2, None)
    assert (jj5.valid_days, jj5.sort_order, jj5.sessions) == (365, 0, 5)


def test_bad_catalog_rows(ctx: Ctx, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        [
            [*CATALOG_HEADER, "类型"],
            ["X1", "甲", "肩颈", "-1", "", "", "", ""],  # 2
            ["X 2", "乙", "肩颈", "10", "", "", "", ""],  # 3
            ["X3", "丙", "肩颈", "10", "", "3", "NOPE", ""],  # 4
            ["X4", "丁", "肩颈", "10", "", "", "", "套餐"],  # 5
            ["X5", "", "肩颈", "", "", "", "", ""],  # 6
            ["X6", "戊", "肩颈", "10", "", "", "", "疗程"],  # 7
            ["X7", "己", "肩颈", "10", "", "2", "", "服务"],  # 8
            ["X1", "庚", "肩颈", "10", "-3", "", "", ""],  # 9
            ["X8", "辛", "疗程", "10", "", "2", "YBLL", ""],  # 10: good (a demo service)
            ["X9", "壬", "", "10", "", "", "", ""],  # 11
            ["aj", "癸", "艾灸", "10", "", "", "", ""],  # 12: the demo's AJ
            ["YBLL", "精油", "产品", "10", "", "", "", "产品"],  # 13: a service stays one
            ["Y1", "子", "肩颈", "10", "", "2", "Y2", ""],  # 14: its service is bad
            ["Y2", "丑", "肩颈", "10", "", "", "", "产品"],  # 15: good, but a product
            ["x8", "寅", "肩颈", "10", "", "", "", ""],  # 16: X8 again, whatever the case
        ],
    )
    assert errors_of(ctx, path, "catalog") == {
        2: "价格格式不对: -1",
        3: "编码: 编码只能用字母和数字",
        4: "对应项目: 疗程需要一个在售的服务项目: NOPE",
        5: "类型 套餐 应为 服务、疗程 或 产品",
        6: "名称 不能为空；价格 不能为空",
        7: "次数: 请填写；对应项目: 请填写",
        8: "次数: 只有疗程才有次数、对应项目和有效天数",
        9: "积分 不能为负数: -3",
        11: "类别: 请填写类别（如 肩颈、艾灸、产品）",
        12: "编码: 编码 AJ 已被使用",
        13: "类型: 已有项目不能改变类型，请新建一个项目",
        14: "对应项目: 疗程需要一个在售的服务项目: Y2",
        16: "编码 x8 与第 10 行重复",
    }


def test_a_price_list_without_categories_is_refused_once(ctx: Ctx, tmp_path: Path) -> None:
    """The till's category buttons are the items' categories: the catalog requires one."""
    path = write_csv(tmp_path / "c.csv", [["编码", "名称", "价格"], ["JJ", "肩颈", "198"]])
    assert errors_of(ctx, path, "catalog") == {1: "缺少必需的列: 类别"}


# --- export ---------------------------------------------------------------------------


def test_exports_members_catalog_and_sales(ctx: Ctx, tmp_path: Path) -> None:
    from spa_pos.services import checkout
    from spa_pos.services.checkout import SaleRequest

    card = register(ctx, "张三", "13800000001", birthday=date(1990, 5, 1), gender="F")
    checkout.sell(
        ctx,
        SaleRequest(items=[("AJ", 1)], payments=[("wechat", 16800)], member=card),
    )
    result = exports.export_members(ctx, tmp_path / "m.csv")
    assert result.rows == 1
    raw = (tmp_path / "m.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(exports.MEMBER_HEADERS)
    assert rows[1][:8] == [
        card,
        "张三",
        "13800000001",
        "1990-05-01",
        "女",
        "2026-03-10",
        "100",
        "普通",
    ]
    exports.export_catalog(ctx, tmp_path / "c.xlsx")
    sheet = load_workbook(tmp_path / "c.xlsx").worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == list(exports.CATALOG_HEADERS)
    course = values[1]
    assert course[:2] + course[3:] == [
        "ZJTN10",
        "针灸推拿十次疗程",
        "疗程",
        3580,
        2000,
        10,
        "ZJTN",
        "是",
    ]
    sales = exports.export_sales(ctx, date(2026, 3, 10), date(2026, 3, 10), tmp_path / "s.xlsx")
    assert sales.rows == 1
    sheet = load_workbook(tmp_path / "s.xlsx").worksheets[0]
    _, sale = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert sale[1] == "2026-03-10 10:00:00" and sale[2:5] == [card, "张三", "艾灸×1"]
    assert sale[8] == 168 and sale[10] == "微信支付 168.00" and sale[11] == 100
    assert (
        exports.export_sales(ctx, date(2026, 3, 11), date(2026, 3, 12), tmp_path / "n.csv").rows
        == 0
    )
    with pytest.raises(DomainError, match="只能导出为"):
        exports.export_members(ctx, tmp_path / "m.txt")


def test_duplicate_phones_are_compared_cleaned(ctx: Ctx, tmp_path: Path) -> None:
    """ "138 0000 0002" and "13800000002" are one phone, inside the file and against the
    database, whatever the spaces, dashes, +86 or full-width digits."""
    register(ctx, "老会员", "13900000009")
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["姓名", "手机"],
            ["甲", "138 0000 0002"],  # 2
            ["乙", "13800000002"],  # 3
            ["丙", "+86 139-0000-0009"],  # 4: in the database
            ["丁", "１３８０００００００３"],  # 5
            ["戊", "0086 138 0000 0003"],  # 6
        ],
    )
    assert errors_of(ctx, path) == {
        3: "手机 13800000002 与第 2 行重复",
        4: "手机号 13900000009 已被其他会员使用",
        6: "手机 13800000003 与第 5 行重复",
    }
