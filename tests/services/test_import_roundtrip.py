"""Property: importing a generated member file and exporting the members again gives the
same members with the same balances, whatever the file's format and encoding."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import exports, imports
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.imports.framework import Row, read_sheet, recognise
from spa_pos.services.imports.members import FIELDS
from tests.conftest import START
from tests.services.test_imports import MEMBER_HEADER, write_csv, write_xlsx

pytestmark = pytest.mark.sqlite_only("each hypothesis example copies the SQLite template file")

HANZI = (
    "张王李赵刘陈杨黄周吴徐孙马朱胡林郭何高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
    "于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤丽娟敏静秀英华芳"
)
Member = tuple[str, str, date | None, str | None, int, str]

members_st = st.lists(
    st.tuples(
        st.text(HANZI, min_size=1, max_size=8),
        st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
        st.none() | st.dates(date(1930, 1, 1), date(2026, 3, 10)),
        st.sampled_from([None, "F", "M"]),
        st.integers(0, 200_000),
        st.text(HANZI + "abc 123", max_size=20).map(str.strip),
    ),
    min_size=1,
    max_size=25,
    unique_by=lambda m: m[1],
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=members_st, fmt=st.sampled_from(["xlsx", "utf-8", "utf-8-sig", "gb18030"]))
def test_import_then_export_gives_the_same_members_and_balances(
    demo_template: Path, people: list[Member], fmt: str
) -> None:
    gender = {"F": "女", "M": "男", None: ""}
    rows = [MEMBER_HEADER] + [
        [name, phone, "", birthday, gender[g], "", pts, "", notes]
        for name, phone, birthday, g, pts, notes in people
    ]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        shutil.copyfile(demo_template, tmp / "db.sqlite3")
        ctx = Ctx(Database(f"sqlite:///{tmp / 'db.sqlite3'}"), CLI_ACTOR, FixedClock(START))
        try:
            if fmt == "xlsx":
                source = write_xlsx(tmp / "in.xlsx", rows)
            else:
                csv_rows = [[c.isoformat() if isinstance(c, date) else c for c in r] for r in rows]
                source = write_csv(tmp / "in.csv", csv_rows, fmt)
            assert imports.run(ctx, "members", source).imported == len(people)
            exports.export_members(ctx, tmp / "out.csv")
            sheet = read_sheet(tmp / "out.csv")
        finally:
            ctx.db.dispose()
    columns = recognise(sheet.headers, FIELDS)
    back = set()
    for line, cells in sheet.rows:
        row = Row(line, cells, columns)
        back.add(
            (
                row.text("name"),
                row.text("phone"),
                row.day("birthday"),
                {"女": "F", "男": "M", "": None}[row.text("gender")],
                row.integer("points"),
                row.text("notes"),
            )
        )
    assert back == set(people)
