"""Backups of a clinic's database on a PostgreSQL server: `pg_dump` / `pg_restore`.

The counterpart of the SQLite file's backup, with the same file naming, manifest,
encryption and rotation (`create.record`, `rotation`, `container`):

- backup: `pg_dump --format=custom` under a snapshot exported from a REPEATABLE READ
  transaction, in which the row counts, schema version and audit chain's head are read
  too (so they describe exactly what was dumped). The dump is then checked by restoring
  it into a throwaway database of the same server and counting again (when the role may
  not create databases, `pg_restore --list` at least reads its table of contents), and
  only then written (encrypted if a passphrase is set) and read back like a file copy.
- restore: the backup is checked against its manifest and decrypted, a safety dump of
  the current database is made, then ONE transaction (holding the writers' advisory lock)
  drops the clinic's tables, loads `pg_restore`'s script and checks the row counts, the
  schema version, the schema itself against what the migrations build for that version
  (`server_schema`) and whose clinic it is before committing: any failure rolls back and
  leaves the current database as it was (PostgreSQL's DDL is transactional).

The tools come from PATH, else the newest `/usr/lib/postgresql/*/bin`. The connection is
passed through libpq's environment (PGPASSWORD…), never on a command line `ps` shows.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, NullPool, create_engine, make_url
from sqlalchemy.exc import DBAPIError

from spa_pos import system
from spa_pos.db import BUSY_TIMEOUT_MS, CONNECT_TIMEOUT_S, WRITER_LOCK
from spa_pos.errors import BackupError
from spa_pos.services.backup import container, rotation, server_schema
from spa_pos.services.backup.create import BackupResult, record, rotated_backup, write_snapshot
from spa_pos.services.backup.durable import (
    DRIVE,
    Drive,
    Flusher,
    copy_durably,
    fsync_dir,
    part_file,
    read_back,
)
from spa_pos.services.backup.manifest import (
    ClinicIdentity,
    check_against_manifest,
    check_checksum,
    extract,
    identity_of,
    manifest_path,
    read_manifest,
)
from spa_pos.services.backup.progress import Progress
from spa_pos.services.backup.restore import RestoreResult, check_clinic, check_schema
from spa_pos.services.backup.snapshot import Snapshot, check_counts

SUFFIX = ".pgdump"
SCHEMA = "public"  # where the migrations make the clinic's tables
TOOL_ROOT = Path("/usr/lib/postgresql")  # Debian/Ubuntu: <root>/<major version>/bin
SQLITE_MAGIC = b"SQLite format 3\x00"
# libpq's environment variable for each connection parameter a URL may carry in its query.
_LIBPQ_QUERY = {
    "host": "PGHOST",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "options": "PGOPTIONS",
}
_COPY = re.compile(rb"^COPY .* FROM stdin;\n$")


@dataclass(frozen=True)
class Tools:
    pg_dump: Path
    pg_restore: Path


def find_tools(search_path: str | None = None, root: Path | None = None) -> Tools:
    """pg_dump and pg_restore from PATH (`search_path`, default $PATH), else from the newest
    `root/<version>/bin` (default `TOOL_ROOT`) that has both; `backup.pg_tools_missing` if
    none has."""
    root = TOOL_ROOT if root is None else root
    dump, restore = (shutil.which(tool, path=search_path) for tool in ("pg_dump", "pg_restore"))
    if dump and restore:
        return Tools(Path(dump), Path(restore))
    versions = root.iterdir() if root.is_dir() else iter(())
    for _, folder in sorted(
        ((int(v.name), v / "bin") for v in versions if v.name.isdigit()), reverse=True
    ):
        tools = Tools(folder / "pg_dump", folder / "pg_restore")
        if tools.pg_dump.is_file() and tools.pg_restore.is_file():
            return tools
    raise BackupError("backup.pg_tools_missing")


def libpq_env(url: str, database: str | None = None) -> dict[str, str]:
    """The environment a libpq tool connects with to the database of `url` (or to
    `database` on the same server): this process's (whose PG* settings the app's own
    connections read too), with the URL's host, port, user, password and options over it."""
    parsed = make_url(url)
    env = {"PGCONNECT_TIMEOUT": str(CONNECT_TIMEOUT_S), **os.environ}
    for key, value in parsed.query.items():
        if key in _LIBPQ_QUERY:
            env[_LIBPQ_QUERY[key]] = value if isinstance(value, str) else value[-1]
    fields = {
        "PGHOST": parsed.host,
        "PGPORT": parsed.port,
        "PGUSER": parsed.username,
        "PGPASSWORD": parsed.password,
        "PGDATABASE": database or parsed.database,
    }
    env.update({k: str(v) for k, v in fields.items() if v is not None})
    return env


# --- backup -----------------------------------------------------------------------------------


def backup_server(
    url: str,
    target_dir: Path,
    *,
    clinic_name: str,
    now: datetime,
    tz: str,
    passphrase: str | None = None,
    keyring: str | None = None,
    keep: int = 10,
    progress: Progress | None = None,
    drive: Drive = DRIVE,
) -> BackupResult:
    """`backup_database` for the server's database at `url`: a checked dump in `target_dir`,
    named and rotated like the file backups (suffix `.pgdump`, `.pgdump.enc`)."""
    rotation.check_keep(keep)
    if passphrase is not None and not passphrase.strip():
        raise BackupError("backup.passphrase_empty")
    return rotated_backup(
        partial(write_dump, url),
        target_dir,
        SUFFIX + (".enc" if passphrase is not None else ""),
        clinic_name=clinic_name,
        now=now,
        tz=tz,
        passphrase=passphrase,
        keyring=keyring,
        keep=keep,
        progress=progress,
        drive=drive,
    )


def server_snapshot(
    url: str,
    snapshot_dir: Path,
    *,
    now: datetime,
    tz: str,
    keep: int = 7,
    passphrase: str | None = None,
    keyring: str | None = None,
) -> Path:
    """`local_snapshot` for the server's database: today's dump in the data folder, once."""
    rotation.check_keep(keep)
    db_id = rotation.server_database_id(url)
    suffix = SUFFIX + (".enc" if passphrase is not None else "")
    file = snapshot_dir / rotation.daily_name(db_id, now, tz, suffix)
    if file.is_file() and manifest_path(file).is_file():
        return file
    return write_snapshot(
        partial(write_dump, url), file, rotation.daily_key(db_id), keep, now, passphrase, keyring
    )


def write_dump(
    url: str,
    target_dir: Path,
    name: str,
    *,
    clinic: str,
    now: datetime,
    passphrase: str | None,
    keyring: str | None = None,
    progress: Progress | None = None,
    drive: Drive = DRIVE,
) -> BackupResult:
    """Dump, check in a scratch database, write `name` in `target_dir` and its manifest."""
    tools = find_tools()
    with tempfile.TemporaryDirectory(prefix="spa-pos-dump-") as tmp:
        dump = Path(tmp) / f"clinic{SUFFIX}"
        snapshot, anchor = _dump(url, dump, tools)
        if progress is not None:
            progress(0.4)
        _check_in_scratch(url, dump, tools, snapshot, anchor)
        if progress is not None:
            progress(0.6)
        file = target_dir / name
        with part_file(target_dir, name) as part:
            digest, size = _write(dump, part, passphrase, drive)
            system.replace_file(part, file)
            fsync_dir(target_dir, drive)
    return record(
        file,
        sha256=digest,
        size=size,
        now=now,
        clinic=clinic,
        snapshot=snapshot,
        audit_anchor=anchor,
        encrypted=passphrase is not None,
        keyring=keyring,
        drive=drive,
    )


def _dump(url: str, dest: Path, tools: Tools) -> tuple[Snapshot, dict[str, Any] | None]:
    """pg_dump into `dest` while a transaction holds the snapshot it dumps, read for the
    row counts, schema version and audit head the manifest records."""
    with _connection(url, _snapshot_failed) as conn:
        held = conn.execution_options(isolation_level="REPEATABLE READ")
        with held.begin():
            held.exec_driver_sql("SET TRANSACTION READ ONLY")
            exported = str(held.exec_driver_sql("SELECT pg_export_snapshot()").scalar())
            snapshot, anchor = _state(held)
            _tool(
                [tools.pg_dump, "--format=custom", f"--snapshot={exported}", f"--file={dest}"],
                libpq_env(url),
                failed=_dump_failed,
            )
    return snapshot, anchor


def _check_in_scratch(
    url: str, dump: Path, tools: Tools, expected: Snapshot, anchor: dict[str, Any] | None
) -> None:
    """Restore `dump` into a throwaway database and read its row counts, schema version and
    audit chain's head again; a role that may not create databases gets `pg_restore --list`
    (the archive reads) only."""
    scratch = f"spa_pos_check_{secrets.token_hex(6)}"
    with _connection(url, _snapshot_failed, autocommit=True) as conn:
        encoding, collate, ctype = conn.exec_driver_sql(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
            " WHERE datname = current_database()"
        ).one()
        try:
            conn.exec_driver_sql(
                f"CREATE DATABASE {scratch} TEMPLATE template0 ENCODING '{encoding}'"
                f" LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"
            )
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise BackupError("backup.snapshot_failed", detail=_first_line(exc)) from exc
            _tool([tools.pg_restore, "--list", dump], libpq_env(url), failed=_damaged)
            return
        try:
            _tool(
                [
                    tools.pg_restore,
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    f"--dbname={scratch}",
                    dump,
                ],
                libpq_env(url, scratch),
                failed=_damaged,
            )
            with _connection(make_url(url).set(database=scratch), _damaged) as copy:
                found, head = _state(copy)
            check_counts(found, expected.row_counts)
            if head != anchor:  # the copy is not of the snapshot read: as if counts differed
                raise BackupError("backup.counts_differ")
            if found.schema_version != expected.schema_version:
                raise BackupError("backup.schema_differs")
        finally:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {scratch}")


def _write(dump: Path, part: Path, passphrase: str | None, drive: Drive) -> tuple[str, int]:
    """Copy (or encrypt) the checked dump into `part`, fsync and read it back."""
    if passphrase is None:
        written, _ = copy_durably(dump, part, None, drive)
        with part.open("rb") as handle:
            return written, read_back(handle, written, None, drive)
    with part.open("w+b") as handle:
        with Flusher(handle, drive) as flusher:
            written = container.encrypt_into(dump, handle, passphrase, None)
            handle.flush()
            flusher.wait()
        return written, read_back(handle, written, None, drive)


# --- restore ----------------------------------------------------------------------------------


def restore_server(
    file: Path,
    url: str,
    *,
    passphrase: str | None,
    safety_dir: Path,
    now: datetime,
    tz: str,
    known_schema_versions: Collection[str],
    confirm_clinic: str | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> RestoreResult:
    """`restore_backup` for the server: replace the database at `url` with the dump `file`
    in one transaction, after a safety dump of it in `safety_dir`. Refused, with nothing
    changed, for a damaged or foreign file, a wrong passphrase, an unknown schema version,
    row counts other than the manifest's, or another clinic's backup unconfirmed."""
    tools = find_tools()
    info = read_manifest(file)
    check_checksum(file, info)
    with tempfile.TemporaryDirectory(prefix="spa-pos-restore-") as tmp:
        dump = Path(tmp) / f"restore{SUFFIX}"
        extract(file, dump, info, passphrase)
        with dump.open("rb") as head:
            if head.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                raise BackupError("backup.sqlite_backup_on_server")
        _tool([tools.pg_restore, "--list", dump], libpq_env(url), failed=_damaged)
        with _connection(url, _restore_failed) as conn:
            current, tables = _identity(conn), _tables(conn)
        safety = _safety_dump(url, safety_dir, now, tz) if tables else None
        with _connection(url, _restore_failed) as conn, conn.begin():
            _lock_out_writers(conn, busy_timeout_ms)
            _drop_tables(conn)
            _load(conn, tools, dump, url)
            found, _ = _state(conn)
            version = check_schema(found.schema_version, known_schema_versions)
            server_schema.check_restored(conn, url, SCHEMA, version)
            check_against_manifest(found, info)
            check_clinic(_identity(conn), current, confirm_clinic)
    return RestoreResult(restored_from=file, safety_copy=safety, schema_version=info.schema_version)


def _safety_dump(url: str, safety_dir: Path, now: datetime, tz: str) -> Path:
    try:
        safety_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("backup.safety_dir_failed", reason=exc.strerror or str(exc)) from exc
    stem = f"spa-pos_before-restore_{rotation.local(now, tz):%Y%m%d-%H%M%S}"
    name = rotation.free_name(safety_dir, stem, SUFFIX)
    return write_dump(url, safety_dir, name, clinic="", now=now, passphrase=None).file


def _lock_out_writers(conn: Connection, busy_timeout_ms: int) -> None:
    """Hold the writers' lock (no till writes meanwhile) and wait at most the busy timeout
    for it and for the tables' locks: a till mid-query refuses the restore, not hangs it."""
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(busy_timeout_ms)}")
    try:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
    except DBAPIError as exc:
        raise BackupError("backup.database_busy") from exc


def _drop_tables(conn: Connection) -> None:
    """Drop the clinic's tables, views, sequences, types and functions: the dump brings
    its own (a newer table an older backup lacks would otherwise stay and trip the
    migration; a function the migrations made would clash with the dump's)."""
    in_schema = f"WHERE schemaname = '{SCHEMA}'"
    in_namespace = f"JOIN pg_namespace n ON n.oid = {{}} WHERE n.nspname = '{SCHEMA}'"
    for kind, sql in (
        ("VIEW", f"SELECT viewname FROM pg_views {in_schema}"),
        ("TABLE", f"SELECT tablename FROM pg_tables {in_schema}"),
        ("SEQUENCE", f"SELECT sequencename FROM pg_sequences {in_schema}"),
        (
            "TYPE",
            "SELECT quote_ident(t.typname) FROM pg_type t "
            + in_namespace.format("t.typnamespace")
            + " AND t.typtype IN ('e', 'd')",
        ),
        (  # with its arguments' types: the name alone may not say which function
            "FUNCTION",
            "SELECT quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid)"
            " || ')' FROM pg_proc p "
            + in_namespace.format("p.pronamespace")
            + " AND p.prokind = 'f'",
        ),
    ):
        names = [
            _quote(SCHEMA) + "." + (str(n) if kind in ("TYPE", "FUNCTION") else _quote(n))
            for n in conn.exec_driver_sql(sql).scalars()
        ]
        if names:
            try:
                conn.exec_driver_sql(f"DROP {kind} IF EXISTS {', '.join(names)} CASCADE")
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                    raise BackupError("backup.database_busy") from exc
                raise BackupError("backup.server_restore_failed", detail=_first_line(exc)) from exc


def _load(conn: Connection, tools: Tools, dump: Path, url: str) -> None:
    """Run `pg_restore`'s SQL script for `dump` on `conn`, inside its transaction: the
    statements between the data blocks as they come, each `COPY … FROM stdin` block
    through the driver's COPY. Any error (of the script or of pg_restore) raises."""
    driver: Any = conn.connection.driver_connection
    argv = [tools.pg_restore, "--no-owner", "--no-privileges", "--file=-", dump]
    with subprocess.Popen(
        [str(a) for a in argv],
        env=libpq_env(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        try:
            _run_script(driver.cursor(), iter(process.stdout))
        except Exception as exc:
            process.kill()
            if isinstance(exc, BackupError):
                raise
            raise BackupError("backup.server_restore_failed", detail=_first_line(exc)) from exc
        error = process.stderr.read().decode(errors="replace")
        if process.wait() != 0:
            raise BackupError("backup.server_restore_failed", detail=_last_line(error))


def _run_script(cursor: Any, lines: Iterator[bytes]) -> None:
    statements: list[bytes] = []
    for line in lines:
        if _COPY.match(line):
            _execute(cursor, statements)
            with cursor.copy(line.decode().rstrip().removesuffix(";")) as copy:
                for row in lines:
                    if row == b"\\.\n":
                        break
                    copy.write(row)
                else:
                    raise BackupError("backup.server_restore_failed", detail="COPY not ended")
        elif not line.startswith((b"\\restrict", b"\\unrestrict")):  # psql's, pg_dump 15.14+
            statements.append(line)
    _execute(cursor, statements)
    cursor.execute("SET search_path TO DEFAULT")  # the script empties it for its session


def _execute(cursor: Any, statements: list[bytes]) -> None:
    script = b"".join(statements).decode()
    statements.clear()
    if script.strip():
        cursor.execute(script)  # no parameters: several statements in one go


# --- reading a database -----------------------------------------------------------------------


def _tables(conn: Connection) -> list[str]:
    return list(
        conn.exec_driver_sql(
            f"SELECT tablename FROM pg_tables WHERE schemaname = '{SCHEMA}' ORDER BY tablename"
        ).scalars()
    )


def _state(conn: Connection) -> tuple[Snapshot, dict[str, Any] | None]:
    """Row counts of every table, schema version and audit head (`chain_head`'s shape)."""
    tables = _tables(conn)
    counts = {
        t: int(conn.exec_driver_sql(f"SELECT count(*) FROM {_table(t)}").scalar() or 0)
        for t in tables
    }
    version = None
    if "alembic_version" in tables:
        rows = conn.exec_driver_sql(f"SELECT version_num FROM {_table('alembic_version')}")
        version = ",".join(sorted(str(v) for v in rows.scalars())) or None
    anchor = None
    if "audit_log" in tables:
        head = conn.exec_driver_sql(
            f"SELECT hash FROM {_table('audit_log')} ORDER BY id DESC LIMIT 1"
        ).scalar()
        if head:
            anchor = {"entries": counts["audit_log"], "head": str(head)}
    return Snapshot(version, counts), anchor


def _identity(conn: Connection) -> ClinicIdentity:
    if "settings" not in _tables(conn):
        return identity_of({})
    rows = conn.exec_driver_sql(
        f"SELECT key, value FROM {_table('settings')}"
        " WHERE key IN ('clinic_name', 'clinic_id', 'voucher_secret')"
    ).all()
    return identity_of({str(k): str(v) for k, v in rows})


def _table(name: str) -> str:
    return f"{_quote(SCHEMA)}.{_quote(name)}"


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


@contextlib.contextmanager
def _connection(
    url: Any, failed: Callable[[str], BackupError], *, autocommit: bool = False
) -> Iterator[Connection]:
    """One connection of its own (no pool): a server error becomes the refusal `failed`."""
    options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    engine = create_engine(
        url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, **options
    )
    try:
        with engine.connect() as conn:
            yield conn
    except DBAPIError as exc:
        raise failed(_first_line(exc)) from exc
    finally:
        engine.dispose()


def _tool(argv: list[Any], env: dict[str, str], *, failed: Callable[[str], BackupError]) -> None:
    """Run pg_dump / pg_restore; its error (the last line it printed) is the refusal
    `failed`, or `backup.pg_dump_too_old` for a server newer than this pg_dump."""
    done = subprocess.run([str(a) for a in argv], env=env, capture_output=True, check=False)
    if done.returncode == 0:
        return
    error = done.stderr.decode(errors="replace")
    if "server version mismatch" in error:
        raise BackupError("backup.pg_dump_too_old", detail=_last_line(error))
    raise failed(_last_line(error) or f"exit {done.returncode}")


# The refusals a failed tool or connection becomes, by what was being done.
def _snapshot_failed(detail: str) -> BackupError:
    return BackupError("backup.snapshot_failed", detail=detail)


def _dump_failed(detail: str) -> BackupError:
    return BackupError("backup.dump_failed", detail=detail)


def _damaged(detail: str) -> BackupError:
    return BackupError("backup.damaged", detail=detail)


def _restore_failed(detail: str) -> BackupError:
    return BackupError("backup.server_restore_failed", detail=detail)


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    return str(cause).strip().splitlines()[0] if str(cause).strip() else type(exc).__name__


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""
