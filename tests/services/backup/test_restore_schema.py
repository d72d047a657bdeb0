"""A restore takes only the schema the migrations create for the backup's version, and a
backup of another clinic only when the owner confirms it by name (real migrations, the
till's `maintenance.restore`)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from spa_pos.db import Database, latest_revision
from spa_pos.errors import BackupError
from spa_pos.services import backup, maintenance
from spa_pos.services.backup.schema import normalize_sql, schema_of_file
from spa_pos.services.context import Ctx
from tests.conftest import register
from tests.services.backup.helpers import NOW, TZ, dump

pytestmark = pytest.mark.sqlite_only("a restore compares the file's sqlite_master")

Craft = Callable[[sqlite3.Connection], None]


def crafted_backup(ctx: Ctx, tmp_path: Path, craft: Craft) -> Path:
    """A genuine backup (matching manifest, checksum and row counts) of a copy of the till's
    database changed by `craft`, as someone with the file could make it."""
    assert ctx.db.path is not None
    ctx.db.dispose()
    copy = tmp_path / "crafted" / "spa_pos.db"
    copy.parent.mkdir()
    shutil.copyfile(ctx.db.path, copy)
    con = sqlite3.connect(copy, isolation_level=None)
    try:
        craft(con)
    finally:
        con.close()
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    return backup.backup_database(copy, usb, clinic_name="c", now=NOW, tz=TZ).file


def assert_refused(ctx: Ctx, file: Path, match: str, **options: str) -> None:
    """Refused with `match`; the current database keeps its rows and its schema."""
    assert ctx.db.path is not None
    ctx.db.dispose()
    rows, schema = dump(ctx.db.path), schema_of_file(ctx.db.path)
    with pytest.raises(BackupError, match=match):
        maintenance.restore(ctx, file, **options)
    assert dump(ctx.db.path) == rows
    assert schema_of_file(ctx.db.path) == schema
    safety = ctx.db.path.parent / "safety"
    assert not safety.exists() or not list(safety.iterdir())


def add_trigger(con: sqlite3.Connection) -> None:
    con.execute(
        "CREATE TRIGGER zero_cash AFTER INSERT ON payments WHEN new.method = 'cash' "
        "BEGIN UPDATE payments SET amount_fen = 0 WHERE id = new.id; END"
    )


def add_view(con: sqlite3.Connection) -> None:
    con.execute("CREATE VIEW member_phones AS SELECT name, phone FROM members")


def add_index(con: sqlite3.Connection) -> None:
    con.execute("CREATE INDEX ix_members_notes ON members (notes)")


def drop_column(con: sqlite3.Connection) -> None:
    con.execute("ALTER TABLE members DROP COLUMN notes")


def rebuild_without_check(con: sqlite3.Connection) -> None:
    """`catalog_items` copied into a table without its CHECK that prices are not negative,
    with its indexes made again: only the constraint is gone."""
    (sql,) = con.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'catalog_items'"
    ).fetchone()
    indexes = [
        row[0]
        for row in con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'catalog_items' "
            "AND sql IS NOT NULL"
        )
    ]
    without_check, found = re.subn(
        r",\s*CONSTRAINT ck_catalog_items_price_not_negative CHECK \(price_fen >= 0\)", "", sql
    )
    assert found == 1
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("BEGIN")
    con.execute(without_check.replace("catalog_items (", "catalog_items_new (", 1))
    con.execute("INSERT INTO catalog_items_new SELECT * FROM catalog_items")
    con.execute("DROP TABLE catalog_items")
    con.execute("ALTER TABLE catalog_items_new RENAME TO catalog_items")
    for index in indexes:
        con.execute(index)
    con.execute("COMMIT")


@pytest.mark.parametrize(
    ("craft", "named"),
    [
        (add_trigger, "+ trigger zero_cash"),
        (add_view, "+ view member_phones"),
        (add_index, "+ index ix_members_notes"),
        (drop_column, "≠ table members"),
        (rebuild_without_check, "≠ table catalog_items"),
    ],
)
def test_a_backup_with_another_schema_is_refused(
    ctx: Ctx, tmp_path: Path, craft: Craft, named: str
) -> None:
    register(ctx, "张三", "13800000001")
    file = crafted_backup(ctx, tmp_path, craft)

    assert_refused(ctx, file, f"结构与版本 {latest_revision()} .*{re.escape(named)}")


def test_the_backup_itself_restores(ctx: Ctx, tmp_path: Path) -> None:
    register(ctx, "张三", "13800000001")
    file = crafted_backup(ctx, tmp_path, lambda con: None)
    register(ctx, "李四", "13800000002")

    maintenance.restore(ctx, file)

    with ctx.db.read() as s:
        phones = s.execute(text("SELECT phone FROM members")).scalars().all()
    assert phones == ["13800000001"]


def test_quotes_case_and_spacing_do_not_count_as_differences() -> None:
    assert normalize_sql('CREATE  TABLE "Members" (\n  id INTEGER, [Name] TEXT)') == (
        normalize_sql("create table members (id integer, name text)")
    )
    assert normalize_sql("CHECK (kind IN ('cash'))") != normalize_sql("CHECK (kind IN ('CASH'))")


def settings_of(path: Path) -> dict[str, object]:
    return {str(key): json.loads(str(value)) for key, value in dump(path)["settings"]}


def set_identity(name: str, clinic_id: str) -> Craft:
    def craft(con: sqlite3.Connection) -> None:
        for key, value in (("clinic_name", name), ("clinic_id", clinic_id)):
            con.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    return craft


def test_another_clinics_backup_needs_its_name(ctx: Ctx, tmp_path: Path) -> None:
    file = crafted_backup(ctx, tmp_path, set_identity("别家理疗馆", "ab" * 32))

    assert_refused(ctx, file, "另一家店「别家理疗馆」")
    assert_refused(ctx, file, "另一家店", confirm_clinic="理疗馆")

    maintenance.restore(ctx, file, confirm_clinic="别家理疗馆")

    assert ctx.db.path is not None
    assert settings_of(ctx.db.path)["clinic_name"] == "别家理疗馆"


def test_the_same_name_with_another_clinic_id_is_another_clinic(ctx: Ctx, tmp_path: Path) -> None:
    assert ctx.db.path is not None
    ctx.db.dispose()
    name = str(settings_of(ctx.db.path).get("clinic_name", "理疗馆"))
    file = crafted_backup(ctx, tmp_path, set_identity(name, "cd" * 32))

    assert_refused(ctx, file, "另一家店")


def test_a_backup_made_at_an_older_revision_restores_and_is_upgraded(
    ctx: Ctx, tmp_path: Path
) -> None:
    old_path = tmp_path / "old" / "spa_pos.db"
    old = Database(f"sqlite:///{old_path}")
    old.migrate("0003")
    old.dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    file = backup.backup_database(old_path, usb, clinic_name="老店", now=NOW, tz=TZ).file

    result = maintenance.restore(ctx, file)

    assert result.schema_version == latest_revision()
    assert ctx.db.stored_revision() == latest_revision()
