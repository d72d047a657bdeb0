"""Moving a clinic from its SQLite file to a PostgreSQL server (`spa-pos migrate-to URL`).

The target must be an empty PostgreSQL database. In ONE transaction on the target the
schema is built to the source's revision (the migrations, as `init` would), every table is
copied in foreign-key order with its ids as they are, each id sequence is set past the
largest id, and then the arrival is checked against the source:

- every table holds as many rows, and every integer column (money in fen, points,
  quantities, ids) adds up to the same total;
- every member's points balance equals the source's, and equals the ledger on the target
  (`points.check_balances`, lots included);
- the audit chain verifies on the target (`audit.verify`): each row's keyed hash and its
  link to the one before, with this machine's keyring (the same config folder), and the
  anchor, and the business rows the audit rows' digests name: they hash on the server as
  they did in the file (`audit._stored_form`), so an edit on either side shows.

Any difference rolls the whole transaction back: the target is left as empty as it was,
and the refusal says what differed. The move itself is the target's next audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import Base, Member
from spa_pos.services import audit, points
from spa_pos.services.context import Ctx

BATCH = 5_000  # rows read and inserted at a time


@dataclass(frozen=True)
class Moved:
    target: str  # the target's URL, without its password
    revision: str
    tables: int
    rows: int
    members: int
    balances_ok: bool
    audit_ok: bool
    audit_entries: int


def migrate_to(ctx: Ctx, url: str) -> Moved:
    """Copy the clinic `ctx` works on (an SQLite file at the newest schema) into the empty
    PostgreSQL database at `url`, check it on arrival, or leave the target untouched."""
    source = ctx.db
    try:  # a typo'd or empty URL, or another engine: refused before anything is opened
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DomainError("move.not_postgresql", target=url) from exc
    if parsed.get_backend_name() != "postgresql":
        raise DomainError("move.not_postgresql", target=parsed.render_as_string())
    target = Database(url)
    try:
        return _move(ctx, source, target)
    finally:
        target.dispose()


def _move(ctx: Ctx, source: Database, target: Database) -> Moved:
    shown = target.shown_url
    if target.dialect.name != "postgresql":
        raise DomainError("move.not_postgresql", target=shown)
    if not source.is_sqlite:
        raise DomainError("move.source_not_sqlite", source=source.shown_url)
    revision = source.stored_revision()
    if revision != source.head_version():
        raise DomainError("move.source_not_current", revision=revision or "-")
    # One read transaction on the file: what is checked is what was copied, even if a
    # till wrote to it meanwhile.
    with source.read() as session, target.refusals(), target.engine.connect() as conn:
        before = audit.verify(session)
        if not before.ok:
            raise DomainError("move.source_audit", problems=", ".join(before.problems))
        existing = inspect(conn).get_table_names()
        if existing:
            raise DomainError("move.target_not_empty", target=shown, tables=len(existing))
        conn.rollback()  # end the look's own transaction: the move is one of its own
        figures = _figures(session.connection())
        source_balances = _balances(session)
        with conn.begin():  # rolled back if anything below raises
            target.migrate(revision, connection=conn)
            # Rows the migrations seed (the one branch, default settings) are the
            # source's to give, as they stand now.
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                _copy(session.connection(), conn, table)
            for table in Base.metadata.sorted_tables:
                _reset_sequence(conn, table)
            arrived = _check(conn, figures, source_balances, before)
            _record(ctx, conn, shown, arrived)
    return Moved(
        target=shown,
        revision=revision,
        tables=len(figures),
        rows=sum(count for count, _ in figures.values()),
        members=arrived.members,
        balances_ok=True,
        audit_ok=True,
        audit_entries=before.entries,
    )


def _copy(source: Connection, target: Connection, table: Table) -> None:
    """Every row of `table`, ids as they are, read `BATCH` rows at a time and streamed
    into the server with `COPY … FROM STDIN` in the copy's transaction. (INSERTs of
    many rows, even batched, took over an hour for a 100,000-member clinic's 3 million
    rows on a loaded 2-core machine.) Each value goes through the column's own
    conversion for PostgreSQL (JSON to text, …), as an INSERT would have sent it."""
    order = list(table.primary_key.columns) or list(table.columns)
    rows = source.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    quote = target.dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in table.columns)
    convert = [c.type.bind_processor(target.dialect) for c in table.columns]
    driver = target.connection.driver_connection
    assert driver is not None  # a live connection, inside the copy's transaction
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [v if f is None or v is None else f(v) for f, v in zip(convert, row, strict=True)]
            )


def _reset_sequence(conn: Connection, table: Table) -> None:
    """Set the sequence behind each of `table`'s id columns past its largest id, so the
    next sale, member or audit row gets the next number, not a copied row's."""
    for column in table.primary_key.columns:
        if not isinstance(column.type, Integer):
            continue
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column.name},
        ).scalar()
        if sequence is None:
            continue
        largest = conn.execute(select(func.max(column))).scalar()
        if largest is not None:
            conn.execute(text("SELECT setval(:seq, :value)"), {"seq": sequence, "value": largest})


Figures = dict[str, tuple[int, dict[str, int]]]


def _figures(conn: Connection) -> Figures:
    """{table: (rows, {integer column: total})} of every table."""
    found: Figures = {}
    for table in Base.metadata.sorted_tables:
        columns = [
            c for c in table.columns if isinstance(c.type, Integer) and c.type.python_type is int
        ]
        totals = [func.coalesce(func.sum(c), 0) for c in columns]
        row = conn.execute(select(func.count(), *totals).select_from(table)).one()
        found[table.name] = (
            int(row[0]),
            {c.name: int(v) for c, v in zip(columns, row[1:], strict=True)},
        )
    return found


def _balances(session: Session) -> dict[int, int]:
    return dict(session.execute(select(Member.id, Member.points_balance)).tuples().all())


@dataclass(frozen=True)
class _Arrival:
    members: int
    chain: audit.ChainCheck


def _check(
    conn: Connection, figures: Figures, balances: dict[int, int], before: audit.ChainCheck
) -> _Arrival:
    """Compare the target, inside the copy's transaction, with the source's figures."""
    arrived = _figures(conn)
    for name, (count, totals) in figures.items():
        got_count, got_totals = arrived[name]
        if got_count != count:
            raise DomainError("move.rows_differ", table=name, source=count, target=got_count)
        for column, total in totals.items():
            if got_totals[column] != total:
                raise DomainError(
                    "move.total_differs",
                    table=name,
                    column=column,
                    source=total,
                    target=got_totals[column],
                )
    with Session(bind=conn) as session:
        got = _balances(session)
        differ = sorted(m for m in balances.keys() | got.keys() if balances.get(m) != got.get(m))
        if differ:
            raise DomainError("move.balances_differ", count=len(differ), first=differ[0])
        ledger = points.check_balances(session)
        if not ledger.ok:
            raise DomainError(
                "move.ledger_differs",
                members=len(ledger.mismatched),
                lots=len(ledger.lots_mismatched),
            )
        chain = audit.verify(session)
        if not chain.ok or chain.entries != before.entries:
            raise DomainError("move.audit_differs", problems=", ".join(chain.problems) or "-")
        return _Arrival(ledger.members, chain)


def _record(ctx: Ctx, conn: Connection, target: str, arrived: _Arrival) -> None:
    """The move is the first audit row written on the server. The anchor this machine
    remembers stays the source's head (which the target's chain holds), so the SQLite file
    still verifies; the server's next `audit verify` or Z report anchors its own head."""
    stamp = ctx.clock.now().astimezone(UTC).replace(tzinfo=None)
    with Session(bind=conn) as session:
        audit.record(
            session,
            at=stamp,
            actor=ctx.actor.label,
            action="clinic.moved",
            entity="database",
            entity_id="postgresql",
            detail=_detail(target, arrived),
        )
        session.flush()


def _detail(target: str, arrived: _Arrival) -> dict[str, Any]:
    return {"target": target, "members": arrived.members, "audit_entries": arrived.chain.entries}
