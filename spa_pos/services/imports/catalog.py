"""Importing the catalog (项目与商品导入): services, products and courses from a price list.

Rows become `catalog.ItemSpec`s written by `catalog.upsert_item` (an existing code is
updated). 类别 is the clinic's own category (肩颈, 艾灸, 产品 ...); the kind comes from
an optional 类型 column, else a row with sessions is a course, a 类别 that names a kind
(产品, 疗程, service ...) is that kind, and anything else is a service.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem
from spa_pos.money import parse_yuan
from spa_pos.services import catalog
from spa_pos.services.catalog import ItemSpec
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

_CODE = re.compile(r"^[A-Za-z0-9]{1,24}$")
MAX_NAME = 60
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
    Field("category", ("类别", "分类", "类目", "group")),
    Field("kind", ("类型", "种类", "type")),
    Field("price", ("价格", "售价", "单价", "标准价", "price yuan"), True),
    Field("points", ("积分", "赠送积分", "固定积分")),
    Field("sessions", ("次数", "疗程次数", "sessions count")),
    Field("of", ("对应项目", "对应服务", "服务项目编码", "service", "of code")),
)


def check_item(spec: ItemSpec, services: set[str]) -> list[str]:
    """The problems of one item, given the service codes a course may name.

    Kept on its own: `catalog.validate_item(session, spec)` (full per-field validation,
    being added to the catalog service) is meant to replace it."""
    problems = []
    if not _CODE.match(spec.code):
        problems.append(say("imports.bad_code", item=spec.code))
    if len(spec.name) > MAX_NAME:
        problems.append(say("imports.name_too_long", max=MAX_NAME))
    if spec.kind == "course":
        if not spec.sessions or not spec.course_service_code:
            problems.append(say("imports.course_needs_of"))
        elif spec.course_service_code not in services:
            problems.append(say("imports.unknown_item", item=spec.course_service_code))
    elif spec.sessions is not None or spec.course_service_code:
        problems.append(say("imports.only_course_sessions"))
    return problems


def check(work: Work, sheet: Sheet, columns: Columns) -> Checked:
    s = work.session
    services = set(
        s.scalars(select(CatalogItem.code).where(CatalogItem.kind == "service", CatalogItem.active))
    )
    specs: list[tuple[int, ItemSpec | None, list[str]]] = []
    for line, cells in sheet.rows:
        row = Row(line, cells, columns)
        spec = _spec(row)
        specs.append((line, spec, row.problems))
        if spec is not None and spec.kind == "service":
            services.add(spec.code)
    errors: list[RowError] = []
    good: list[ItemSpec] = []
    seen: dict[str, int] = {}
    for line, spec, problems in specs:
        if spec is not None:
            problems.extend(check_item(spec, services))
            if spec.code in seen:
                problems.append(
                    say(
                        "imports.duplicate_in_file",
                        column=columns.header["code"],
                        value=spec.code,
                        line=seen[spec.code],
                    )
                )
            seen.setdefault(spec.code, line)
        if problems or spec is None:
            errors.append(RowError(line, "；".join(problems)))
        else:
            good.append(spec)

    def write(progress: Progress) -> int:
        # Services before the courses that name them.
        ordered = sorted(good, key=lambda spec: spec.kind == "course")
        for done, spec in enumerate(ordered, 1):
            catalog.upsert_item(s, spec)
            progress(done / len(ordered))
        return len(ordered)

    return Checked(errors, write)


def _spec(row: Row) -> ItemSpec | None:
    """The row as an item, or None with its problems noted."""
    code = row.required("code")
    name = row.required("name")
    price_text = row.required("price")
    price = None
    if price_text:
        try:
            price = parse_yuan(price_text)
        except DomainError:
            row.problems.append(say("imports.bad_price", text=price_text))
    points = row.integer("points")
    sessions = row.integer("sessions")
    of = row.text("of") or None
    category = row.text("category")
    kind_text = row.text("kind")
    kind = KINDS.get(kind_text.lower()) if kind_text else None
    if kind_text and kind is None:
        row.problems.append(say("imports.bad_kind", text=kind_text))
    if kind is None:
        kind = "course" if sessions or of else KINDS.get(category.lower(), "service")
    if row.problems or price is None:
        return None
    return ItemSpec(
        code=code,
        name=name,
        kind=kind,
        price_fen=price,
        points=points,
        category=category,
        sessions=sessions,
        course_service_code=of,
    )
