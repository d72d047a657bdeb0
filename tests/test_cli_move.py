"""`spa-pos migrate-to URL`: a clinic's SQLite file moved into an empty PostgreSQL database,
checked on arrival (spa_pos/services/move.py). The moves need a server: they run with
`pytest --engine=postgresql` and are skipped on SQLite."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Table, create_engine, func, inspect, select, text
from sqlalchemy.orm import Session

from spa_pos.cli import run
from spa_pos.db import Database
from spa_pos.models import Base, Sale
from spa_pos.services import audit
from tests.pg_cluster import Cluster

# The clinic's business is yesterday's (Shanghai), closed; a sale on the server is today's.
YESTERDAY = (datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=1)).isoformat()


class Clinic:
    """`spa-pos ARGV --db DB --json` on a clinic's SQLite file (or another `db`)."""

    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path, self.capsys = path, capsys
        self.err = ""

    def __call__(self, *argv: str, db: str | None = None) -> tuple[int, Any]:
        self.capsys.readouterr()
        code = run([*argv, "--db", db or str(self.path), "--json"])
        out, self.err = self.capsys.readouterr()
        assert code != 1, self.err
        return code, json.loads(out) if out.strip() else None

    def ok(self, *argv: str, db: str | None = None) -> Any:
        code, data = self(*argv, db=db)
        assert code == 0, self.err
        return data


@pytest.fixture
def clinic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Clinic:
    """A clinic's SQLite file with yesterday's business, closed: members, a course sold
    and used, sales, a redeemed voucher spent and one left unused, a refund."""
    c = Clinic(tmp_path / "clinic.sqlite3", capsys)
    c.ok("init")
    c.ok("demo")
    at = ["--at", f"{YESTERDAY}T10:00"]
    c.ok("member", "add", "--name", "张三", "--phone", "13800000001", *at)
    c.ok("member", "add", "--name", "李四", "--phone", "13800000002", *at)
    c.ok("sell", "--member", "13800000001", "--item", "ZJTN10", "--pay", "cash:3580", *at)
    c.ok("use-course", "--member", "13800000001", "--item", "ZJTN", *at)
    voucher = c.ok("redeem", "13800000001", "R-Q10", *at)["voucher_code"]
    paid = ["--voucher", voucher, "--pay", "wechat:158"]
    c.ok("sell", "--member", "13800000001", "--item", "AJ", *paid, *at)
    c.ok("redeem", "13800000001", "R-TBAM", *at)
    sold = c.ok("sell", "--member", "13800000002", "--item", "ZJTN", "--pay", "card:398", *at)
    c.ok("refund", sold["sale_no"], *at)
    c.ok("sell", "--item", "ZYB:2", "--pay", "cash:78", *at)
    c.ok("close-day", "--date", YESTERDAY)
    return c


_NUMBERS = iter(range(1, 1_000_000))


@pytest.fixture
def server(engine: str, request: pytest.FixtureRequest) -> Iterator[tuple[Cluster, str]]:
    """An empty database on the session's PostgreSQL server: (cluster, its name)."""
    if engine != "postgresql":
        pytest.skip("moves to a database server: PostgreSQL only (pytest --engine=postgresql)")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = f"move{os.getpid()}_{next(_NUMBERS)}"
    cluster.create(name)
    yield cluster, name
    cluster.drop(name)


def figures(url: str) -> dict[str, tuple[int, ...]]:
    """{table: (rows, the sum of each integer column)} of every table at `url`."""
    engine = create_engine(url)
    found: dict[str, tuple[int, ...]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            ints = [c for c in table.columns if c.type.python_type is int]
            row = conn.execute(
                select(func.count(), *[func.coalesce(func.sum(c), 0) for c in ints]).select_from(
                    table
                )
            ).one()
            found[table.name] = tuple(int(v) for v in row)
    engine.dispose()
    return found


def tables_of(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        names = inspect(conn).get_table_names()
    engine.dispose()
    return sorted(names)


def test_a_clinic_moves_to_an_empty_server_and_every_figure_checks(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    url = cluster.url(name)
    source = f"sqlite:///{clinic.path}"
    before = figures(source)
    kpi = clinic.ok("report", "kpi", "--from", YESTERDAY, "--to", YESTERDAY)
    members = [clinic.ok("member", "show", p) for p in ("13800000001", "13800000002")]

    # The server trusts its socket: a password given is not needed, and never shown.
    moved = clinic.ok("migrate-to", url.replace("postgres@", "postgres:s3cret@"))

    assert "s3cret" not in moved["target"] and "postgres:***@" in moved["target"]
    assert name in moved["target"]
    assert moved["tables"] == len(Base.metadata.sorted_tables)
    assert moved["rows"] == sum(rows for rows, *_ in before.values())
    assert moved["members"] == 2
    assert moved["balances_ok"] is True and moved["audit_ok"] is True
    after = figures(url)
    assert after.pop("audit_log")[0] == before.pop("audit_log")[0] + 1  # the move itself
    assert after == before
    assert clinic.ok("audit", "verify")["ok"] is True  # the file still verifies (till anchored)
    assert clinic.ok("report", "kpi", "--from", YESTERDAY, "--to", YESTERDAY, db=url) == kpi
    for shown in members:
        on_server = clinic.ok("member", "show", shown["card_no"], db=url)
        assert on_server["balance"] == shown["balance"]
        assert on_server["lots"] == shown["lots"]
    chain = clinic.ok("audit", "verify", db=url)
    assert chain["ok"] is True
    assert chain["entries"] == moved["audit_entries"] + 1
    assert chain["rows_checked"] is True  # the copied rows hash as they did in the file


def test_every_row_hashes_the_same_read_from_the_file_and_from_the_server(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    """The row digests are of SQLite's stored form: the server's typed values (date-times,
    dates, booleans) are put back in it, so each copied row of every digested table hashes
    as it did in the file, and a moved clinic's rows check on the server."""
    cluster, name = server
    url = cluster.url(name)
    clinic.ok("migrate-to", url)
    file, on_server = Database(f"sqlite:///{clinic.path}"), Database(url)
    compared: set[str] = set()
    with file.read() as here, on_server.read() as there:
        for table in audit._tables().values():
            if not audit._keyed(there, table):
                continue  # a link table keyed by two columns: no rowid on a server
            rows = _row_digests(here, table)
            assert _row_digests(there, table) == rows, table.name
            if rows:
                compared.add(table.name)
    file.dispose()
    on_server.dispose()
    # Date-times and dates (sales, lots, vouchers), booleans (catalog items), text, money
    assert {"sales", "payments", "point_lots", "vouchers", "catalog_items", "members"} <= compared


def _row_digests(session: Session, table: Table) -> dict[Any, bytes]:
    """{key: digest} of every row of `table`, as `audit.verify` hashes them."""
    names, at, rows = audit._scan(session, table)
    return {row[at]: audit._row_digest(names, row) for row in rows}


def test_a_moved_row_edited_on_the_server_behind_the_apps_back_is_reported(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    url = cluster.url(name)
    clinic.ok("migrate-to", url)
    engine = create_engine(url)
    with engine.begin() as conn:  # psql, say: not the app
        conn.execute(text("UPDATE sales SET due_fen = due_fen + 100 WHERE id = 1"))
    engine.dispose()
    code, chain = clinic("audit", "verify", db=url)
    assert code == 2 and chain["problems"] == ["rows_changed"] and chain["rows_checked"]
    assert [(r["table"], r["key"], r["state"]) for r in chain["changed_rows"]] == [
        ("sales", "1", "changed")
    ]


def test_a_sale_on_the_server_gets_the_next_id_and_number(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    url = cluster.url(name)
    clinic.ok("migrate-to", url)
    engine = create_engine(url)
    with engine.connect() as conn:
        last_id, numbers = conn.execute(select(func.max(Sale.id), func.count(Sale.id))).one()
        existing = set(conn.scalars(select(Sale.sale_no)))
    sold = clinic.ok("sell", "--member", "13800000002", "--item", "AJ", "--pay", "cash:168", db=url)
    with engine.connect() as conn:
        new_id = conn.scalar(select(Sale.id).where(Sale.sale_no == sold["sale_no"]))
    engine.dispose()
    assert new_id == last_id + 1
    assert sold["sale_no"] not in existing and numbers == len(existing)
    clinic.ok("member", "add", "--name", "王五", "--phone", "13800000003", db=url)
    assert clinic.ok("audit", "verify", db=url)["ok"] is True


def test_a_server_database_that_is_not_empty_is_refused_and_left_alone(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    url = cluster.url(name)
    clinic.ok("migrate-to", url)
    before = figures(url)
    code, _ = clinic("migrate-to", url)
    assert code == 2
    assert "目标数据库不是空的" in clinic.err and name in clinic.err
    assert figures(url) == before
    other = f"{name}_notes"
    cluster.create(other)
    try:
        engine = create_engine(cluster.url(other))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE notes (line text)"))
        engine.dispose()
        assert clinic("migrate-to", cluster.url(other))[0] == 2
        assert tables_of(cluster.url(other)) == ["notes"]
    finally:
        cluster.drop(other)


def test_a_clinic_whose_audit_chain_fails_is_not_moved(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    engine = create_engine(f"sqlite:///{clinic.path}")
    with engine.begin() as conn:  # behind the app's back
        conn.execute(text("UPDATE sales SET due_fen = due_fen + 100 WHERE id = 1"))
    engine.dispose()
    code, _ = clinic("migrate-to", cluster.url(name))
    assert code == 2
    assert "本店审计链验证未通过" in clinic.err
    assert tables_of(cluster.url(name)) == []


def test_only_a_postgresql_database_is_a_target(clinic: Clinic, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    code, _ = clinic("migrate-to", f"sqlite:///{other}")
    assert code == 2
    assert "目标必须是 PostgreSQL 数据库" in clinic.err
    assert not other.exists()


# A server prepared so that every payment loses one fen on arrival: an event trigger (no
# table: the database still counts as empty) that, when the migrations create `payments`,
# puts a row trigger on it. Only a superuser can create it; the test cluster's role is one.
_SKIMMING_SERVER = """
CREATE FUNCTION skim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.amount_fen := NEW.amount_fen - 1;
    RETURN NEW;
END $$;
CREATE FUNCTION arm_skim() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_event_trigger_ddl_commands()
               WHERE command_tag = 'CREATE TABLE' AND object_identity = 'public.payments') THEN
        CREATE TRIGGER skim BEFORE INSERT ON public.payments
            FOR EACH ROW EXECUTE FUNCTION skim();
    END IF;
END $$;
CREATE EVENT TRIGGER arm_skim ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION arm_skim();
"""


def test_a_copy_that_arrives_different_is_rolled_back_and_the_refusal_says_what_differed(
    server: tuple[Cluster, str], clinic: Clinic
) -> None:
    cluster, name = server
    url = cluster.url(name)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(_SKIMMING_SERVER)
    engine.dispose()
    assert tables_of(url) == []  # still an empty database: the move goes ahead
    source = create_engine(f"sqlite:///{clinic.path}")
    with source.connect() as conn:
        count, total = conn.execute(text("SELECT count(*), sum(amount_fen) FROM payments")).one()
    source.dispose()

    code, _ = clinic("migrate-to", url)

    assert code == 2 and count > 0
    assert f"未迁移任何数据：payments.amount_fen 本地合计 {total}，服务器上 {total - count}" in (
        clinic.err
    )
    assert tables_of(url) == []  # the schema and every row copied are rolled back
    # Without the skimming the same clinic moves: the refusal was the arrival check's.
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP EVENT TRIGGER arm_skim")
    engine.dispose()
    assert clinic.ok("migrate-to", url)["balances_ok"] is True
