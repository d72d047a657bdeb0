"""Importing the catalog (项目与商品导入): services, products and courses from a price list.

Rows become `catalog.ItemSpec`s, checked by the catalog's one validation
(`catalog.validate_item`, as the back office's add and edit) and written by
`catalog.upsert_item` (an existing code is an edit of that item). 类别 is the clinic's
own category (肩颈, 艾灸, 产品 ...); the kind comes from an optional 类型 column, else a
row with sessions is a course, a 类别 that names a kind (产品, 疗程, service ...) is that
kind, and anything else is a service.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import count

from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem
from spa_pos.money import parse_yuan
from spa_pos.services import catalog
from spa_pos.services.catalog import ItemRow, ItemSpec
from spa_pos.services.imports.framework import (
    Checked,
    Columns,
    Field,
    Progress,
    Row,
    RowError,
    Sheet,
    say,
)
from spa_pos.services.unit_of_work import Work

KINDS = {
    "service": "service",
    "服务": "service",
    "项目": "service",
    "服务项目": "service",
    "course": "course",
    "疗程": "course",
    "product": "product",
    "产品": "product",
    "商品": "product",
}

FIELDS = (
    Field("code", ("编码", "代码", "编号", "项目编码", "商品编码", "item code"), True),
    Field("name", ("名称", "项目名称", "商品名称", "品名", "item name"), True),
    Field("category", ("类别", "分类", "类目", "group"), True),
    Field("kind", ("类型", "种类", "type")),
    Field("price", ("价格", "售价", "单价", "标准价", "price yuan"), True),
    Field("points", ("积分", "赠送积分", "固定积分")),
    Field("sessions", ("次数", "疗程次数", "sessions count")),
    Field("of", ("对应项目", "对应服务", "服务项目编码", "service", "of code")),
    Field("valid_days", ("有效天数", "有效期天数", "疗程有效天数", "valid days")),
    Field("sort_order", ("排序", "顺序", "排列顺序", "sort order", "till order")),
)


def check(work: Work, sheet: Sheet, columns: Columns) -> Checked:
    """Every row through the catalog's own `validate_item` (an existing code is an edit
    of that item), and no code twice in the file (whatever the case, as the catalog
    compares codes)."""
    s = work.session
    existing = {item.code: ItemRow.of(item) for item in s.scalars(select(CatalogItem))}
    # New items without a 排序 stand on the till in the price list's order, after the
    # items the catalog has.
    last = max((row.sort_order for row in existing.values()), default=0)
    till_order = (min(n, catalog.MAX_SORT_ORDER) for n in count(last + 1))
    parsed: list[tuple[int, ItemSpec | None, list[str]]] = []
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        row = Row(line, cells, columns)
        spec = _spec(row, existing, till_order)
        if spec is not None:
            key = spec.code.lower()
            if key in seen:
                row.problems.append(
                    say(
                        "imports.duplicate_in_file",
                        column=columns.header["code"],
                        value=spec.code,
                        line=seen[key],
                    )
                )
            seen.setdefault(key, line)
        parsed.append((line, spec, row.problems))
    problems_of = {
        line: catalog.validate_item(s, spec, editing=spec.code if spec.code in existing else None)
        for line, spec, _ in parsed
        if spec is not None
    }
    # A course may name a service the same file brings: it is not in the database while
    # the file is checked (a dry run writes nothing), so the file's good services stand
    # for it. The file's services are written before its courses.
    services = {
        spec.code
        for line, spec, problems in parsed
        if spec is not None and spec.kind == "service" and not problems and not problems_of[line]
    }
    errors: list[RowError] = []
    good: list[ItemSpec] = []
    for line, spec, problems in parsed:
        if spec is not None:
            found = problems_of[line]
            if spec.course_service_code in services:
                found.pop("course_service_code", None)
            if found:
                problems.append(catalog.field_problems(found))
        if problems or spec is None:
            errors.append(RowError(line, "；".join(problems)))
        else:
            good.append(spec)

    def write(progress: Progress) -> int:
        ordered = sorted(good, key=lambda spec: spec.kind == "course")
        for done, spec in enumerate(ordered, 1):
            catalog.upsert_item(s, spec)
            progress(done / len(ordered))
        return len(ordered)

    return Checked(errors, write)


def _spec(row: Row, existing: dict[str, ItemRow], till_order: Iterator[int]) -> ItemSpec | None:
    """The row as an item, or None with its problems noted. For an item the catalog has
    (same code), what the file has no column for stays as it is; a new item without a
    till order takes the next of `till_order`."""
    code = row.required("code")
    name = row.required("name")
    price_text = row.required("price")
    price = None
    if price_text:
        try:
            price = parse_yuan(price_text)
        except DomainError:
            row.problems.append(say("imports.bad_price", text=price_text))
    before = existing.get(code)
    points = row.integer("points")
    sessions = row.integer("sessions")
    of = row.text("of") or None
    valid_days = row.integer("valid_days")
    sort_order = row.integer("sort_order")
    category = row.text("category")
    kind_text = row.text("kind")
    kind = KINDS.get(kind_text.lower()) if kind_text else None
    if kind_text and kind is None:
        row.problems.append(say("imports.bad_kind", text=kind_text))
    if kind is None and before is not None:
        kind = before.kind
    if kind is None:
        kind = "course" if sessions or of else KINDS.get(category.lower(), "service")
    if row.problems or price is None:
        return None
    if before is None:
        return ItemSpec(
            code,
            name,
            kind,
            price,
            points,
            category,
            sessions,
            of,
            valid_days,
            sort_order=next(till_order) if sort_order is None else sort_order,
        )
    has = row.columns.index.__contains__
    return replace(
        before.spec(),
        name=name,
        kind=kind,
        price_fen=price,
        category=category,
        points=points if has("points") else before.points,
        sessions=sessions if has("sessions") else before.sessions,
        course_service_code=of if has("of") else before.course_service_code,
        valid_days=valid_days if has("valid_days") else before.valid_days,
        sort_order=(sort_order or 0) if has("sort_order") else before.sort_order,
    )
