"""The audit trail (审计): who did what, when, and which business rows it wrote.

Each row is chained to the one before by an HMAC-SHA256 keyed with the clinic's audit key,
which lives outside the database (`spa_pos.services.keys`): whoever has only the file can
neither re-hash an edited row nor append rows that check. Each row also carries the digest
of every business row its transaction inserted, updated or deleted (`rows`: table, primary
key and a hash of the row's values), so `verify` notices a sale's amount or a payment
edited by SQL afterwards: the row no longer hashes to what its last writer recorded.
On SQLite the rows a transaction wrote are noted by TEMP triggers of its connection, on
PostgreSQL by the permanent triggers of revision 0025 switched on for the app's write
transactions; either way a row is hashed in SQLite's stored form (`_stored_form`), so the
rows of a clinic moved to a server (`move.migrate_to`) still check there.

The chain's head (how many rows, the last hash) is anchored outside the database: on the
Z report, in every backup manifest and in the config folder (`keys.remember_anchor`).
`verify` checks that the chain still holds the last anchor this machine knows, which
catches trailing rows deleted or the whole table emptied.

Rows written before 0009 (public SHA-256 formula, no row digests) stay as they are and are
checked with the old formula up to the switch-over point that the keyring recorded when
the key was made (`Keyring.audit_from`); the first keyed row links to the last of them,
so they cannot be rewritten either without breaking the keyed chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Integer, Table, bindparam, event, func, select, text
from sqlalchemy.orm import Session

from spa_pos.db import shared
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, Base
from spa_pos.services import keys

GENESIS = "0" * 64

UNTRACKED_TABLES = frozenset(
    {
        "audit_log",
        "print_jobs",
        "job_runs",
        "outbox",
        "member_tags",
        "cart_drafts",
        "quarter_totals",
        "visit_days",
        "member_stats",
    }
)
"""Tables whose rows are not digested: the trail itself, operational queues, the derived
tags and summaries (`summaries.check` proves those against the facts) and the till's
open cart (saved on every change; no money until it is sold)."""

AUTO_ACTION = "rows.write"
AUTO_ACTOR = "system"


def _legacy_digest(
    prev_hash: str, at: datetime, actor: str, action: str, entity: str, entity_id: str, detail: str
) -> str:
    """The public formula of the chain before 0009 (still used to check those rows)."""
    payload = "\x1f".join([prev_hash, at.isoformat(), actor, action, entity, entity_id, detail])
    return hashlib.sha256(payload.encode()).hexdigest()


def _keyed_digest(key: str, row: AuditEntry, prev_hash: str) -> str:
    fields = [prev_hash, row.at.isoformat(), row.actor, row.action, row.entity, row.entity_id]
    payload = "\x1f".join([*fields, row.detail, row.rows])
    return hmac.new(bytes.fromhex(key), payload.encode(), hashlib.sha256).hexdigest()


# --- which business rows a transaction wrote ---------------------------------------------------
#
# A write transaction's connection carries TEMP triggers (they live in the connection's temp
# schema, not in the database file, so no copy or backup holds them) that note the key of
# every row inserted, updated or deleted in a tracked table, whatever wrote it: the ORM's
# flush, a bulk UPDATE of a nightly job, raw SQL through the app. The notes are part of the
# transaction, so a rollback forgets them. An edit made with any other connection (an SQLite
# tool on the file) leaves no note and no audit row: that is what `verify` finds.

_TOUCHED_TABLE = "spa_pos_touched"
_TOUCHED_EXISTS = (
    f"SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = '{_TOUCHED_TABLE}'"
)
_TRIGGERS_AT = "spa_pos.audit.schema"  # DBAPI connection info: schema version triggered
_CLINIC_ID = "spa_pos.audit.clinic_id"  # DBAPI connection info: the file's clinic id


def _pk(table: Table) -> Column[Any]:
    """The column that names a row: the one-column primary key, or SQLite's `rowid` for a
    table keyed by several columns (a link table such as promotion_items)."""
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 else Column("rowid", Integer)


_JSON = json.JSONEncoder(
    ensure_ascii=False
).encode  # json.dumps(..., ensure_ascii=False), built once


def _row_hash(names: Sequence[str], row: Sequence[Any]) -> str:
    """A hash of a row's values as SQLite stores them, column by name. NULLs are left out,
    so a migration that adds a nullable column leaves the existing rows' hashes as they
    were (one that adds a column with a non-NULL default to a tracked table changes them,
    and must re-digest: keep new columns of tracked tables nullable)."""
    return _row_digest(names, row).hex()


def _row_digest(names: Sequence[str], row: Sequence[Any]) -> bytes:
    """`_row_hash` as its 16 bytes: `verify` hashes every digested row of the clinic, so
    the common row (no BLOB) is encoded in one call, a BLOB as its hex text."""
    try:
        values = _JSON(
            [[name, value] for name, value in zip(names, row, strict=True) if value is not None]
        )
    except TypeError:  # bytes are not JSON
        values = _JSON(
            [
                [name, value.hex() if isinstance(value, bytes) else value]
                for name, value in zip(names, row, strict=True)
                if value is not None
            ]
        )
    return hashlib.sha256(values.encode()).digest()[:16]


_IN_CHUNK = 500  # keys per statement, well below SQLite's bound-parameter limit


def _hashes(con: Any, table: Table, keys: Collection[str]) -> dict[str, str]:
    """{key: row hash} of the rows of `table` with these keys, read with plain SQL on the
    sqlite3 connection `con` so that the app and `verify` hash exactly what is stored."""
    pk = _pk(table)
    wanted = _typed(pk, keys)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = tuple(wanted[start : start + _IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        cursor = con.execute(f'{_select_all(table)} WHERE "{pk.name}" IN ({marks})', chunk)
        names = [d[0] for d in cursor.description]
        at = names.index(pk.name)
        for row in cursor:
            found[str(row[at])] = _row_hash(names, row)
    return found


def _select_all(table: Table) -> str:
    """Every column of `table` as stored, and its `rowid` if that is what names a row (a
    rowid is not in `*`)."""
    key_column = "rowid AS rowid, " if _pk(table).table is None else ""
    return f'SELECT {key_column}* FROM "{table.name}"'


def _typed(pk: Column[Any], keys: Collection[str]) -> list[Any]:
    return [int(k) if pk.type.python_type is int else k for k in keys]


def _stored_form(value: Any) -> Any:
    """A value as SQLite stores it (what `_row_hash` hashed when the row was written
    there): the server's typed values back in SQLite's text and integers, so that a row
    hashes the same on both engines and a clinic moved by `move.migrate_to` verifies."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):  # SQLAlchemy's DateTime on SQLite
        return f"{value:%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _server_hashes(session: Session, table: Table, keys: Collection[str]) -> dict[str, str]:
    """`_hashes` on a server: the rows as stored (`SELECT *`, the table's own column
    order), each value in SQLite's stored form."""
    pk = _pk(table)
    query = text(f'SELECT * FROM "{table.name}" WHERE "{pk.name}" IN :keys').bindparams(
        bindparam("keys", expanding=True)
    )
    wanted = _typed(pk, keys)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        result = session.connection().execute(query, {"keys": wanted[start : start + _IN_CHUNK]})
        names = list(result.keys())
        at = names.index(pk.name)
        for row in result:
            found[str(row[at])] = _row_hash(names, [_stored_form(v) for v in row])
    return found


_SCAN_BATCH = 10_000  # rows a server sends at a time while `verify` reads a whole table


def _scan(session: Session, table: Table) -> tuple[list[str], int, Iterable[Sequence[Any]]]:
    """Every row of `table` as stored (in SQLite's stored form on a server), streamed rather
    than held: (column names, where the key is among them, rows)."""
    if _on_sqlite(session):
        cursor = _driver(session).execute(_select_all(table))
        names = [d[0] for d in cursor.description]
        return names, names.index(_pk(table).name), cursor
    result = session.connection().execute(
        text(f'SELECT * FROM "{table.name}"'), execution_options={"yield_per": _SCAN_BATCH}
    )
    names = list(result.keys())
    rows = ([_stored_form(v) for v in row] for row in result)
    return names, names.index(_pk(table).name), rows


@event.listens_for(Session, "after_begin")
def _install_triggers(session: Session, _transaction: Any, connection: Connection) -> None:
    """Give a write transaction's connection its TEMP triggers (again after a migration:
    a rebuilt table loses them); on a server, switch on the permanent ones."""
    if connection.dialect.name == "postgresql":
        _track_on_server(connection)
        return
    if connection.dialect.name != "sqlite":
        return
    if connection.get_execution_options().get("sqlite_begin") != "IMMEDIATE":
        return
    info = connection.connection.info
    driver = _driver_of(connection)
    version = driver.execute("PRAGMA schema_version").fetchone()[0]
    # TEMP objects made in a transaction that then rolled back are gone again: the flag
    # alone is not enough, the table must still be there.
    if info.get(_TRIGGERS_AT) == version and driver.execute(_TOUCHED_EXISTS).fetchone():
        return
    existing = {name for (name,) in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    statements = [
        f"CREATE TEMP TABLE IF NOT EXISTS {_TOUCHED_TABLE} "
        "(tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key))"
    ]
    for name, table in _tables().items():
        if name not in existing:
            continue
        for op, alias in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS spa_pos_touch_{name}_{op.lower()} "
                f"AFTER {op} ON main.{name} BEGIN "
                f"INSERT OR IGNORE INTO {_TOUCHED_TABLE} "
                f"VALUES ('{name}', CAST({alias}.{_pk(table).name} AS TEXT)); END"
            )
    for statement in statements:
        connection.exec_driver_sql(statement)
    info[_TRIGGERS_AT] = version


# On PostgreSQL the triggers are permanent (revision 0025): they note a row only in a
# transaction that switched them on, into that connection's own temporary table, so an edit
# by another program leaves no note, as on SQLite. The table empties at each commit.
_TRACK = (
    "SELECT set_config('spa_pos.track', 'on', true), "
    f"to_regclass('pg_temp.{_TOUCHED_TABLE}') IS NOT NULL"
)


def _track_on_server(connection: Connection) -> None:
    """Switch the triggers on for a write transaction (`Database.write` on a server)."""
    if not connection.get_execution_options().get("spa_pos_writer"):
        return
    if not connection.exec_driver_sql(_TRACK).one()[1]:
        connection.exec_driver_sql(
            f"CREATE TEMP TABLE {_TOUCHED_TABLE} (tbl TEXT NOT NULL, key TEXT NOT NULL, "
            "PRIMARY KEY (tbl, key)) ON COMMIT DELETE ROWS"
        )


def _driver(session: Session) -> Any:
    """The session's sqlite3 connection, inside its transaction. These few statements run
    on every write; SQLAlchemy's layers would cost more than SQLite does."""
    return _driver_of(session.connection())


def _driver_of(connection: Connection) -> Any:
    return connection.connection.driver_connection


def _take_touched(session: Session) -> list[tuple[str, str]]:
    """The rows noted since the last audit row of this transaction, and forget them."""
    if not _is_write(session):
        return []
    if not _on_sqlite(session):
        connection = session.connection()
        rows = connection.exec_driver_sql(f"DELETE FROM {_TOUCHED_TABLE} RETURNING tbl, key")
        return sorted((str(tbl), str(key)) for tbl, key in rows)
    con = _driver(session)
    touched = con.execute(f"SELECT tbl, key FROM {_TOUCHED_TABLE}").fetchall()
    if touched:
        con.execute(f"DELETE FROM {_TOUCHED_TABLE}")
    return sorted(touched)


@event.listens_for(Session, "before_commit")
def _cover_unaudited(session: Session) -> None:
    """A transaction that wrote business rows without an audit row (a nightly job's batch)
    gets one, so that every row's last writer is on record and `verify` can tell an edit
    by the app from an edit behind its back. Its time is the system's: nobody chose it."""
    session.flush()
    if not _is_write(session):
        return
    notes = f"SELECT tbl, count(*) FROM {_TOUCHED_TABLE} GROUP BY tbl"
    if _on_sqlite(session):
        per_table = dict(_driver(session).execute(notes).fetchall())
    else:
        per_table = dict(session.connection().exec_driver_sql(notes).tuples().all())
    pending = sum(per_table.values())
    if pending:
        tables = sorted(per_table)
        record(
            session,
            at=datetime.now(UTC).replace(tzinfo=None),
            actor=AUTO_ACTOR,
            action=AUTO_ACTION,
            entity="tables",
            entity_id=",".join(tables)[:40],
            detail={"rows": pending},
        )
        session.flush()


def _is_write(session: Session) -> bool:
    """Whether `session` is in a write transaction whose connection has the triggers."""
    if not session.in_transaction():
        return False
    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return False
    options = session.connection().get_execution_options()
    if dialect == "postgresql":
        return bool(options.get("spa_pos_writer"))
    return options.get("sqlite_begin") == "IMMEDIATE"


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _hashes_of(session: Session, table: Table, keys: Collection[str]) -> dict[str, str]:
    """{key: row hash} of `table`'s rows with these keys, on either engine."""
    if _on_sqlite(session):
        return _hashes(_driver(session), table, keys)
    return _server_hashes(session, table, keys)


def _keyed(session: Session, table: Table) -> bool:
    """Whether the engine names `table`'s rows: a server has no `rowid` for a table keyed
    by several columns (promotion_items, a link table), so its rows are not digested
    there, and the digests SQLite recorded by rowid are not checked there."""
    return _on_sqlite(session) or len(table.primary_key.columns) == 1


def _tables() -> dict[str, Table]:
    return {
        name: table for name, table in Base.metadata.tables.items() if name not in UNTRACKED_TABLES
    }


def _digests(session: Session, touched: list[tuple[str, str]]) -> str:
    """The `rows` text of an audit row: [table, key, hash or "-" if deleted], sorted."""
    tables = _tables()
    wanted: dict[str, list[str]] = {}
    for name, key in touched:
        wanted.setdefault(name, []).append(key)
    found = {name: _hashes_of(session, tables[name], row_keys) for name, row_keys in wanted.items()}
    entries = [[name, key, found[name].get(key, "-")] for name, key in touched]
    return json.dumps(entries, separators=(",", ":")) if entries else ""


# --- writing --------------------------------------------------------------------------------------

# Built once: every unit of work that writes ends with an audit row.
_LAST_HASH = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    detail: dict[str, Any],
    approver: str | None = None,
) -> None:
    """Append one audit row in the caller's transaction (which holds the write lock), with
    the digest of the business rows written in it since its previous audit row.

    `actor` is who acted (`Actor.label`); a manager who approved on the spot is also named
    on its own in the detail (`approver`), where the trail can be filtered by it. Both are
    covered by the row's keyed hash.

    The row is inserted with plain SQL on the transaction's connection: the business rows
    had to be flushed first (to hash them as stored), and a second ORM flush at commit
    for the audit row alone would cost a sale more than the row itself."""
    ring = keyring(session)
    session.flush()
    touched = _take_touched(session)
    prev = session.scalars(_LAST_HASH).first() or GENESIS
    row = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=json.dumps(
            {**detail, "approver": approver} if approver else detail,
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        ),
        rows=_digests(session, touched),
        prev_hash=prev,
    )
    row.hash = _keyed_digest(ring.audit_key, row, prev)
    if not _is_write(session) or not _on_sqlite(session):
        session.add(row)
        return
    _driver(session).execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, rows, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            f"{at:%Y-%m-%d %H:%M:%S.%f}",  # as SQLAlchemy stores a DateTime on SQLite
            row.actor,
            row.action,
            row.entity,
            row.entity_id,
            row.detail,
            row.rows,
            row.prev_hash,
            row.hash,
        ),
    )


# --- the keyring ---------------------------------------------------------------------------------


def keyring(session: Session, *, restored: bool = False) -> keys.Keyring:
    """The keyring of the database `session` writes to, made on first use.

    Call inside a write transaction. Making it moves a voucher secret still stored in the
    settings table (databases from before 0009) into the keyring, and records where the
    keyed chain starts: after the rows already there, which are checked with the public
    formula if they all pass it (`legacy`), else were keyed with a key this machine does
    not have (`foreign`: a plaintext backup restored on a new machine).

    A database shared by several terminals (a server) whose chain already has keyed rows
    got its keyring at another till: this one must import it (`keyring_transfer`), not
    make a second key the chain would then alternate with (every till's `verify` would
    report tampering, and each till would refuse the other's voucher codes). Except
    right after a backup without its keyring was `restored` here: that database's
    keyed rows cannot be signed on by anyone, so this till starts the new segment and the
    other tills import its keys.
    """
    info = session.connection().connection.info  # the clinic id, read once a connection
    clinic = info.get(_CLINIC_ID) or keys.ensure_clinic_id(session)
    info[_CLINIC_ID] = clinic
    ring = keys.load(clinic)
    if ring is not None:
        return ring
    entries, legacy_ok = legacy_chain(session)
    if not legacy_ok and not restored and shared(session):
        raise DomainError("audit.keys_missing")
    ring = keys.Keyring(
        clinic_id=clinic,
        audit_key=secrets.token_hex(32),
        audit_from=entries,
        audit_before="legacy" if legacy_ok else "foreign",
        voucher_secret=keys.take_voucher_secret(session) or secrets.token_hex(32),
    )
    keys.save(ring)
    current = head(session)
    if current is not None and keys.load_anchor(clinic) is None:
        keys.remember_anchor(clinic, current)
    return ring


# --- the head and anchors -------------------------------------------------------------------------


def head(session: Session) -> keys.Anchor | None:
    """How many rows the chain has and the hash of the last (None if it is empty)."""
    last = session.scalars(_LAST_HASH).first()
    if last is None:
        return None
    return keys.Anchor(session.scalar(select(func.count(AuditEntry.id))) or 0, last)


def anchor(session: Session) -> keys.Anchor | None:
    """The chain's head, remembered in the config folder as the last anchor; for the Z
    report and the backups (call with the transaction that wrote the head, or a read)."""
    current = head(session)
    clinic = keys.clinic_id(session)
    if current is not None and clinic:
        keys.remember_anchor(clinic, current)
    return current


def legacy_chain(session: Session) -> tuple[int, bool]:
    """(rows, whether all of them check with the pre-0009 public formula)."""
    count, prev = 0, GENESIS
    ok = True
    for row in _rows(session):
        count += 1
        expected = _legacy_digest(
            prev, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail
        )
        ok = ok and row.prev_hash == prev and row.hash == expected and not row.rows
        prev = row.hash
    return count, ok


def _rows(session: Session) -> Iterator[AuditEntry]:
    return iter(session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000))


# --- verifying ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad: int | None  # id of the first audit row that does not check
    problems: list[str] = field(default_factory=list)  # codes, see `PROBLEMS`
    changed_rows: list[dict[str, str]] = field(default_factory=list)
    unverifiable: int = 0  # rows keyed with a key this machine does not have
    legacy: int = 0  # rows from before the keyed chain (0009), checked with the public formula
    anchor: keys.Anchor | None = None  # the last anchor this machine knows
    rows_checked: bool = True  # whether the rows the digests name were hashed again

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_bad": self.first_bad,
            "problems": self.problems,
            "changed_rows": self.changed_rows,
            "unverifiable": self.unverifiable,
            "legacy": self.legacy,
            "rows_checked": self.rows_checked,
            "anchor": None
            if self.anchor is None
            else {"entries": self.anchor.entries, "head": self.anchor.head},
        }


PROBLEMS = ("chain_broken", "anchor_missing", "anchor_mismatch", "rows_changed", "no_keyring")


def verify(session: Session) -> ChainCheck:
    """Check the chain, the business rows against their last audit row, and the anchor."""
    clinic = keys.clinic_id(session)
    ring = keys.load(clinic) if clinic else None
    known = keys.load_anchor(clinic) if clinic else None
    walk = _walk(session, ring, known)
    problems: list[str] = []
    if walk.first_bad is not None:
        problems.append("chain_broken")
    if clinic and ring is None and walk.entries:
        problems.append("no_keyring")
    if known is not None:
        if walk.entries < known.entries:
            problems.append("anchor_missing")
        elif walk.anchored_hash != known.head:
            problems.append("anchor_mismatch")
    # A row digest hashes the row in SQLite's stored form, on a server too (`_stored_form`),
    # so the rows of a clinic moved there by `move.migrate_to` are checked as well.
    rows_checked = session.get_bind().dialect.name in ("sqlite", "postgresql")
    changed = _changed_rows(session, walk.writers) if rows_checked else []
    if changed:
        problems.append("rows_changed")
    return ChainCheck(
        ok=not problems,
        entries=walk.entries,
        first_bad=walk.first_bad,
        problems=problems,
        changed_rows=changed,
        unverifiable=walk.unverifiable if ring is not None else 0,
        legacy=walk.legacy,
        anchor=known,
        rows_checked=rows_checked,
    )


@dataclass
class _Walk:
    """What walking the chain found (`_walk`)."""

    entries: int = 0
    first_bad: int | None = None
    unverifiable: int = 0
    legacy: int = 0
    anchored_hash: str | None = None  # the hash of the row the known anchor counts up to
    writers: dict[str, _Writers] = field(default_factory=dict)


def _walk(session: Session, ring: keys.Keyring | None, known: keys.Anchor | None) -> _Walk:
    """Check each audit row's link and hash, and note the last writer of every business
    row. A function of its own so that the last audit row (whose `rows` can be hundreds of
    megabytes) is let go before the tables are read."""
    walk = _Walk()
    numbered = {name for name, table in _tables().items() if _pk(table).type.python_type is int}
    prev = GENESIS
    for row in _rows(session):
        walk.entries += 1
        if ring is None or walk.entries <= ring.audit_from:
            legacy = _legacy_digest(
                prev, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail
            )
            good = row.hash == legacy and not row.rows
            if good and ring is not None:
                walk.legacy += 1
            if not good and (ring is None or ring.audit_before == "foreign"):
                walk.unverifiable += 1  # keyed with a key this machine lacks: links only
                good = True
        else:
            good = row.hash == _keyed_digest(ring.audit_key, row, prev)
        if walk.first_bad is None and (row.prev_hash != prev or not good):
            walk.first_bad = row.id
        if row.rows:
            _note_writers(walk.writers, numbered, row.id, row.rows)
        if known is not None and walk.entries == known.entries:
            walk.anchored_hash = row.hash
        prev = row.hash
    return walk


# The last writer of every row an audit row names: {table: {key: audit id + digest}}. A big
# clinic has millions (the generator's one audit row names 3.2 million), so each is kept as
# small as it goes: the key as the table's own key value (an int for a numbered table), the
# value as bytes: 8 for the audit row's id, then the digest's 16 (nothing if the row was
# deleted, "-"; anything else an audit row could say after `_ODD`, never 16 bytes long).
_Writers = dict[int | str, bytes]
_ODD = b"\0" * 17
_HEX_DIGEST = re.compile("[0-9a-f]{32}").fullmatch
_DECODE = json.JSONDecoder().raw_decode
_OPEN = re.compile(r"[ \t\n\r]*\[[ \t\n\r]*").match  # JSON's white space around
_NEXT = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*").match
_TAIL = re.compile(r"[ \t\n\r]*").fullmatch
# An entry of three JSON strings without escapes (whose text is their value), and what follows
_TEXT = r'"([^"\\\x00-\x1f]*)"'
_PLAIN = re.compile(rf"\[{_TEXT},{_TEXT},{_TEXT}\][ \t\n\r]*([,\]])[ \t\n\r]*").match


def _entries(rows: str) -> Iterator[tuple[str, str, str]]:
    """The [table, key, digest] entries of an audit row's `rows`, decoded one at a time:
    the whole list of millions at once would take gigabytes. Raises what `json.loads`
    raises on text that is not a JSON list of such entries."""
    opened = _OPEN(rows)
    if opened is None:
        raise json.JSONDecodeError("Expecting '['", rows, 0)
    pos = opened.end()
    if rows[pos : pos + 1] == "]":
        pos += 1
    else:
        while True:
            plain = _PLAIN(rows, pos)
            if plain is not None:  # as `record` writes it: one match, no decoding
                name, key, digest, mark = plain.groups()
                pos = plain.end()
                yield name, key, digest
            else:
                entry, pos = _DECODE(rows, pos)
                name, key, digest = entry
                yield name, key, digest
                after = _NEXT(rows, pos)
                if after is None:
                    raise json.JSONDecodeError("Expecting ',' delimiter", rows, pos)
                pos = after.end()
                mark = after.group(1)
            if mark == "]":
                break
    if not _TAIL(rows, pos):
        raise json.JSONDecodeError("Extra data", rows, pos)


def _int_key(key: str) -> int | str:
    """A numbered table's key as the number the table holds; a key that is not one written
    as `str` writes it stays text, so it names no row, as before."""
    try:
        number = int(key)
    except ValueError:
        return key
    return number if str(number) == key else key


def _note_writers(
    writers: dict[str, _Writers], numbered: Collection[str], audit_id: int, rows: str
) -> None:
    """Make audit row `audit_id` the last writer of every row its `rows` names."""
    stamp = audit_id.to_bytes(8, "big")
    at_table: str | None = None
    written: _Writers = {}
    as_int = False
    for name, key, digest in _entries(rows):
        if name != at_table:  # the entries come sorted by table
            at_table, written, as_int = name, writers.setdefault(name, {}), name in numbered
        if digest == "-":
            value = stamp
        elif _HEX_DIGEST(digest):
            value = stamp + bytes.fromhex(digest)
        else:
            value = stamp + _ODD + digest.encode()
        written[_int_key(key) if as_int else key] = value


def _changed_rows(session: Session, writers: dict[str, _Writers]) -> list[dict[str, str]]:
    """Business rows that no longer hash to what their last audit row recorded, and rows
    no audit row wrote that are newer than the newest one an audit row did write (a row
    inserted by SQL; the rows older than that were written before row digests existed).

    Each table is read once, streamed; a row no audit row names is not hashed. Consumes
    `writers`."""
    tables = _tables()
    changed: list[dict[str, str]] = []
    unwritten: list[dict[str, str]] = []
    for name in sorted(writers):
        table = tables.get(name)
        if table is None or not _keyed(session, table):
            continue
        written = writers[name]
        numbered = _pk(table).type.python_type is int
        newest = max(int(key) for key in written) if numbered else 0
        found: list[tuple[str, bytes, str]] = []
        added: list[int] = []
        names, at, rows = _scan(session, table)
        for row in rows:
            key = row[at]
            value = written.pop(key, None)
            if value is None:
                if numbered and key > newest:
                    added.append(key)
            elif value[8:] != _row_digest(names, row):
                found.append((str(key), value, "added" if len(value) == 8 else "changed"))
        found += [(str(key), value, "deleted") for key, value in written.items() if len(value) > 8]
        changed += [
            {
                "table": name,
                "key": key,
                "audit_id": str(int.from_bytes(value[:8], "big")),
                "state": state,
            }
            for key, value, state in sorted(found)
        ]
        unwritten += [
            {"table": name, "key": str(key), "audit_id": "", "state": "added"}
            for key in sorted(added)
        ]
    return changed + unwritten
