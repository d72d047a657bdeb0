"""Row digests on either engine (issue #16): a business row edited or inserted behind the
app's back (an SQLite tool on the file, `psql` on the server) is reported by `audit
verify` as `rows_changed`; the app's own writes, bulk ones included, are on record.

Runs on SQLite and, with `--engine=postgresql`, on PostgreSQL, where the rows a write
transaction touched are noted by the triggers of revision 0025."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import make_url, text

from spa_pos.services import audit, jobs, settings
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import enter_at, register


@contextmanager
def behind_the_app(ctx: Ctx) -> Iterator[Any]:
    """A connection of another program, committing what it runs: sqlite3 on the file, or
    psycopg straight to the server."""
    url = make_url(ctx.db.url)
    if url.get_backend_name() == "sqlite":
        con: Any = sqlite3.connect(str(url.database), isolation_level=None)
    else:
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        con = psycopg.connect(plain, autocommit=True)
    try:
        yield con
    finally:
        con.close()


def check(ctx: Ctx) -> audit.ChainCheck:
    with ctx.db.read() as session:
        return audit.verify(session)


@pytest.fixture
def sold(ctx: Ctx) -> Ctx:
    card = register(ctx, "张三", "13800000001")
    for item, fen in (("AJ", 16800), ("TBAM", 12800)):
        sell(ctx, SaleRequest(items=[(item, 1)], payments=[("cash", fen)], member=card))
    return ctx


def test_the_apps_own_writes_check_row_by_row(sold: Ctx) -> None:
    found = check(sold)
    assert (found.ok, found.rows_checked, found.changed_rows) == (True, True, [])
    with sold.db.read() as session:
        digested = {name for row in audit._rows(session) for name, *_ in _named(row.rows)}
    assert {"sales", "payments", "members", "ledger_entries", "point_lots"} <= digested


def _named(rows: str) -> list[list[str]]:
    """The [table, key, digest] entries of an audit row's `rows`."""
    return json.loads(rows) if rows else []


def test_a_payment_edited_behind_the_apps_back_is_reported(sold: Ctx) -> None:
    with behind_the_app(sold) as con:
        con.execute("UPDATE payments SET amount_fen = 100 WHERE id = 1")
    found = check(sold)
    assert found.problems == ["rows_changed"] and found.first_bad is None
    assert [(r["table"], r["key"], r["state"]) for r in found.changed_rows] == [
        ("payments", "1", "changed")
    ]


def test_a_flag_edited_behind_the_apps_back_is_reported(sold: Ctx) -> None:
    """A boolean and a date-time, the values a server returns typed."""
    with behind_the_app(sold) as con:
        con.execute("UPDATE catalog_items SET active = NOT active WHERE code = 'AJ'")
    found = check(sold)
    assert found.problems == ["rows_changed"]
    assert [r["table"] for r in found.changed_rows] == ["catalog_items"]


def test_a_payment_inserted_behind_the_apps_back_is_reported(sold: Ctx) -> None:
    with behind_the_app(sold) as con:
        con.execute(
            "INSERT INTO payments (sale_id, method, amount_fen) "
            "SELECT sale_id, 'cash', 99900 FROM payments WHERE id = 1"
        )
    found = check(sold)
    assert found.problems == ["rows_changed"]
    assert found.changed_rows == [
        {"table": "payments", "key": "3", "audit_id": "", "state": "added"}
    ]


def test_a_bulk_update_by_a_nightly_job_is_on_record(sold: Ctx) -> None:
    """Expiry updates lots and balances with bulk statements (no ORM flush) and writes no
    audit row of its own: the transaction's touched rows get one all the same."""
    jobs.run_job(sold, "expiry", at=enter_at(sold, datetime(2027, 6, 1, tzinfo=UTC)))
    found = check(sold)
    assert found.ok and found.rows_checked
    with sold.db.read() as session:
        last = list(audit._rows(session))[-1]
    assert "point_lots" in {name for name, *_ in _named(last.rows)}


def test_every_digested_table_notes_its_rows_on_a_server(ctx: Ctx, engine: str) -> None:
    """A table a later revision adds needs the triggers of 0025 (`touch_triggers`) on a
    server, else its rows would go unchecked there: this holds the two lists equal."""
    if engine != "postgresql":
        pytest.skip("SQLite's triggers are made per connection from the models")
    with ctx.db.read() as session:
        triggered = set(
            session.scalars(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname = 'spa_pos_touch'"
                )
            )
        )
        digested = {name for name, table in audit._tables().items() if audit._keyed(session, table)}
    assert triggered == digested


def _last_writer(ctx: Ctx, table: str, key: str) -> str:
    """The id of the last audit row naming (table, key), read the plain way."""
    with ctx.db.read() as session:
        ids = [
            row.id
            for row in audit._rows(session)
            for name, named, _ in _named(row.rows)
            if (name, named) == (table, key)
        ]
    return str(ids[-1])


def test_changes_in_several_tables_are_reported_each_with_its_last_writer(ctx: Ctx) -> None:
    """Rows changed in two tables, one deleted, one inserted again after the app deleted
    it, one inserted anew, and a text-keyed row: each with the audit row that last wrote
    it, keys in text order within a table ("10" before "9"), new rows last by number."""
    card = register(ctx, "张三", "13800000001")
    for _ in range(11):  # payments 1..11
        sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)], member=card))
    settings.update(ctx, clinic_name="城南理疗馆")
    with ctx.db.write() as session:  # the app deletes a row: its digest says "-"
        session.execute(text("DELETE FROM payments WHERE id = 2"))
    assert check(ctx).ok
    expected_writers = {
        (table, key): _last_writer(ctx, table, key)
        for table, key in (
            ("payments", "10"),
            ("payments", "2"),
            ("payments", "3"),
            ("payments", "9"),
            ("sales", "4"),
            ("settings", "clinic_name"),
        )
    }
    with behind_the_app(ctx) as con:
        con.execute("UPDATE payments SET amount_fen = 1 WHERE id IN (9, 10)")
        con.execute("DELETE FROM payments WHERE id = 3")
        for key in (12, 2):
            con.execute(
                "INSERT INTO payments (id, sale_id, method, amount_fen) "
                f"SELECT {key}, sale_id, 'cash', 500 FROM payments WHERE id = 1"
            )
        con.execute("UPDATE sales SET cashier = 'x' WHERE id = 4")
        con.execute("UPDATE settings SET value = '\"x\"' WHERE key = 'clinic_name'")
    found = check(ctx)
    assert found.problems == ["rows_changed"] and found.first_bad is None
    states = [("payments", "10", "changed"), ("payments", "2", "added")]
    states += [("payments", "3", "deleted"), ("payments", "9", "changed")]
    states += [("sales", "4", "changed"), ("settings", "clinic_name", "changed")]
    assert found.changed_rows == [
        {"table": table, "key": key, "audit_id": expected_writers[table, key], "state": state}
        for table, key, state in states
    ] + [{"table": "payments", "key": "12", "audit_id": "", "state": "added"}]


@pytest.mark.parametrize(
    "rows",
    [
        '[["a","1","-"],["b","x","0f"]]',
        ' [ ["a", "1", "-"] ,\n["a","\\u5f20","y"] ] ',
        '[["b","\\"","\\\\"],["c","\u00e9张",""]]',
        "[]",
        " [ ] ",
    ],
)
def test_the_rows_entries_are_read_as_json_reads_them(rows: str) -> None:
    assert [list(entry) for entry in audit._entries(rows)] == json.loads(rows)


@pytest.mark.parametrize(
    "rows",
    [
        "",
        "[",
        '[["a","1","-"]',
        '[["a","1","-"],]',
        '[["a","1","-"]] x',
        '[["a","1"]]',
        '[["a","\x01","-"]]',
        '[["a","1","-"]["b","2","-"]]',
    ],
)
def test_rows_text_that_is_no_list_of_entries_is_refused(rows: str) -> None:
    with pytest.raises(ValueError):
        list(audit._entries(rows))
