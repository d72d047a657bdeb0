"""Schema changes are migrations: an old database upgrades in place with nothing lost, and
the migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from spa_pos.cli import run
from spa_pos.db import Database, latest_revision
from spa_pos.models import Base
from spa_pos.services.context import Ctx


def migrate_to(db: Database, revision: str, *rows: str, down: bool = False) -> None:
    """Upgrade (or downgrade) `db` to `revision`, then insert `rows` (SQL of that time)."""
    cfg = db._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
        for row in rows:
            conn.execute(text(row))
    db.dispose()


def test_init_upgrades_an_old_database_in_place(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    migrate_to(
        db,
        "0001",
        "INSERT INTO members (card_no, name, phone, phone_last4, pinyin, initials, "
        "health_needs, notes, marketing_consent, joined_at, referral_awarded, "
        "points_balance) VALUES ('80000001', '张三', '13800000002', '0002', "
        "'zhangsan', 'zs', '', '', 1, '2025-01-01 00:00:00', 0, 0)",
    )
    assert run(["init", "--db", str(tmp_path / "old.sqlite3")]) == 0
    assert db.schema_version() == db.head_version()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM members")).scalar_one() == "张三"
    db.dispose()


def test_items_made_before_0004_get_their_pinyin(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'items.sqlite3'}")
    migrate_to(
        db,
        "0003",
        "INSERT INTO catalog_items (code, name, kind, category, price_fen, active) "
        "VALUES ('JZTN', '颈椎推拿', 'service', '推拿', 19800, 1)",
    )
    assert run(["init", "--db", str(tmp_path / "items.sqlite3")]) == 0
    with db.engine.connect() as conn:
        keys = conn.execute(text("SELECT pinyin, initials FROM catalog_items")).one()
    db.dispose()
    assert tuple(keys) == ("jingzhuituina", "jztn")


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    db.migrate()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == []


def test_sqlite_is_set_up_for_a_till(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'till.sqlite3'}")
    with db.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    db.dispose()
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 10000,
    }


def test_revisions_are_numbered_like_their_files(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    assert latest_revision() == db.head_version()
    assert not db.is_current() and db.stored_revision() is None
    db.migrate()
    assert db.is_current() and db.stored_revision() == db.schema_version()
    db.dispose()


def test_0004_goes_down_and_up_again_with_data(ctx: Ctx) -> None:
    migrate_to(ctx.db, "0003", down=True)
    migrate_to(ctx.db, "head")
    with ctx.db.engine.connect() as conn:
        keys = conn.execute(text("SELECT pinyin FROM catalog_items WHERE code = 'AJ'")).one()
    assert keys == ("aijiu",)
