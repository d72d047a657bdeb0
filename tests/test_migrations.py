"""Schema changes are migrations: an old database upgrades in place with nothing lost, and
the migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from spa_pos.cli import run
from spa_pos.db import Database, latest_revision
from spa_pos.models import Base
from spa_pos.services.backup.schema import differences, migrated_schema, schema_of_file
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


def _courses_now(ctx: Ctx) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], bool]:
    """The balances and uses as stored, and whether a balance must have a sale line."""
    with ctx.db.engine.connect() as conn:
        balances = conn.execute(
            text("SELECT id, sale_line_id, sessions_used FROM course_balances ORDER BY id")
        ).all()
        uses = conn.execute(text("SELECT id, balance_id, actor FROM course_uses ORDER BY id")).all()
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        info = conn.execute(text("PRAGMA table_info(course_balances)")).all()
    required = next(bool(c[3]) for c in info if c[1] == "sale_line_id")
    return [tuple(b) for b in balances], [tuple(u) for u in uses], required


@pytest.mark.sqlite_only("reads SQLite's PRAGMAs and compares the file's schema")
def test_0010_goes_down_and_up_again_with_course_uses(ctx: Ctx) -> None:
    """The balances' table is copied with foreign keys on: the uses pointing at it keep
    their rows and ids, and sessions are used as before."""
    from spa_pos.services import courses
    from spa_pos.services.checkout import SaleRequest, sell
    from tests.conftest import register

    assert ctx.db.path is not None
    card = register(ctx, "张三", "13800000001")
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))
    courses.use_session(ctx, card, "ZJTN")
    courses.use_session(ctx, card, "ZJTN")
    balances, uses, required = _courses_now(ctx)
    assert len(uses) == 2 and balances[0][2] == 2 and required is False
    migrate_to(ctx.db, "0009", down=True)
    assert _courses_now(ctx) == (balances, uses, True)
    assert differences(schema_of_file(ctx.db.path), migrated_schema("0009")) == []
    migrate_to(ctx.db, "head")
    assert _courses_now(ctx) == (balances, uses, False)
    # exactly the schema a restore expects (statement by statement)
    assert differences(schema_of_file(ctx.db.path), migrated_schema(latest_revision())) == []
    assert courses.use_session(ctx, card, "ZJTN").sessions_left == 7
    assert run(["--db", str(ctx.db.path), "audit", "verify", "--json"]) == 0


def test_0010_will_not_go_down_over_imported_balances(ctx: Ctx) -> None:
    """An older version cannot hold sessions without a sale: it is refused, not lost."""
    from tests.conftest import register

    card = register(ctx, "张三", "13800000001")
    migrate_to(
        ctx.db,
        "head",
        "INSERT INTO course_balances (member_id, course_item_id, service_item_id,"
        " sessions_total, sessions_used, created_at, status, note)"
        " SELECT m.id, c.id, c.course_service_id, 5, 0, '2026-01-01', 'open', '期初导入'"
        f" FROM catalog_items c, members m WHERE c.code = 'ZJTN10' AND m.card_no = '{card}'",
    )
    with pytest.raises(RuntimeError, match="1 course balances were imported without a sale"):
        migrate_to(ctx.db, "0009", down=True)
    assert ctx.db.stored_revision() == latest_revision()


def test_migrations_match_the_models_on_postgresql_down_and_up(
    engine: str, request: pytest.FixtureRequest
) -> None:
    """The migrations that rebuild a table on SQLite alter it in place on PostgreSQL
    (0010, 0013, 0015), and 0019 and 0026 are PostgreSQL's own: down past them and up again, the
    schema is still the models'."""
    if engine != "postgresql":
        pytest.skip("PostgreSQL only (pytest --engine=postgresql)")
    db = Database(request.getfixturevalue("db_url"))
    db.migrate()
    migrate_to(db, "0009", down=True)
    assert db.migrate() == latest_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        collations = set(
            conn.exec_driver_sql(
                "SELECT column_name, collation_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND collation_name IS NOT NULL"
            ).tuples()
        )
    db.dispose()
    assert diff == []
    assert collations == {
        ("name", "C"),  # members' (0019)
        ("phone", "C"),
        ("pinyin", "C"),
        ("initials", "C"),
        ("sale_no", "C"),  # 0026
        ("refund_no", "C"),
    }


def test_0027_keeps_the_templates_edited_before_as_chinese(ctx: Ctx) -> None:
    from spa_pos.services import outreach

    migrate_to(
        ctx.db,
        "0022",
        "INSERT INTO outbox_templates (kind, text, updated_at, updated_by) "
        "VALUES ('dormant', '{姓名}，回来吧', '2026-03-01 00:00:00', '张店长')",
        down=True,
    )
    migrate_to(ctx.db, "head")
    assert outreach.template_texts(ctx)["dormant"] == "{姓名}，回来吧"
    assert outreach.template_texts(ctx, "en") == outreach.ENGLISH_TEMPLATES
    outreach.set_template(ctx, "dormant", "{name}, come back", "en")
    migrate_to(ctx.db, "0022", down=True)  # down again: one (Chinese) wording per kind
    with ctx.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, text FROM outbox_templates")).all()
    assert [tuple(r) for r in rows] == [("dormant", "{姓名}，回来吧")]
    migrate_to(ctx.db, "head")
