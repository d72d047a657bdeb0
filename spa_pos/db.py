"""Engine, sessions and schema migrations, on SQLite (one till) or PostgreSQL (several).

The ledger has one writer at a time: a balance checked inside a write session cannot be
spent by another till or a second click before it commits, sale numbers follow each other
and the audit chain stays one line. What each engine needs for that lives in its
`Dialect` below, the one place that knows the engine apart:

- SQLite is set up for a till: WAL, foreign keys, a busy timeout and `synchronous=FULL`;
  write sessions start with `BEGIN IMMEDIATE`.
- PostgreSQL write sessions take one transaction-level advisory lock first (the server's
  counterpart of `BEGIN IMMEDIATE`: held until commit or rollback, waited for at most
  the busy timeout), then read and write at READ COMMITTED, every statement seeing what
  the writer before committed. Reads take no lock.

Both refuse the same way: a writer held up past the busy timeout is `DatabaseBusy`, a
server that cannot be reached is `ServerUnreachable`; either way nothing was written.

A database file is locked (`spa_pos.dblock`): shared from the first connection until
`dispose`, exclusively inside `exclusive()` (a restore), so no process keeps the file open
while a restore swaps it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    create_engine,
    event,
    make_url,
    text,
)
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker
from sqlalchemy.sql.expression import FunctionElement

from spa_pos.dblock import DatabaseLock
from spa_pos.errors import DatabaseBusy, DomainError, ServerUnreachable
from spa_pos.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.sql.compiler import SQLCompiler

MIGRATIONS = migrations_dir()
BUSY_TIMEOUT_MS = 10_000


class Dialect:
    """What one engine needs: its connection arguments, the set-up of its connections
    and write sessions, and which driver errors are a person's refusals."""

    name = ""
    shared = False
    """Whether several terminals (each with its own config folder and keyring) write to
    this one database: a server's clinic is reached from every till, a file from one."""

    def engine_args(self) -> dict[str, Any]:
        return {}

    def set_up(self, engine: Engine) -> Engine:
        """Listen on `engine`'s connections; return the engine write sessions use."""
        return engine

    def refusal(self, exc: DBAPIError) -> DomainError | None:
        """The refusal a driver error stands for, or None for a plain error."""
        return None

    def compact(self, engine: Engine) -> bool:
        """Leave no copy of deleted or rewritten rows in the database's own files; False
        when another connection held it. A server's files are the server's (PostgreSQL
        reuses freed space on its own, its VACUUM is the administrator's): nothing to do."""
        return True


class SQLiteDialect(Dialect):
    name = "sqlite"

    def engine_args(self) -> dict[str, Any]:
        return {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}

    def set_up(self, engine: Engine) -> Engine:
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine.execution_options(sqlite_begin="IMMEDIATE")

    def refusal(self, exc: DBAPIError) -> DomainError | None:
        if isinstance(exc, OperationalError) and "database is locked" in str(exc.orig):
            return DatabaseBusy("general.database_busy")
        return None

    def compact(self, engine: Engine) -> bool:
        """Rebuild the file (`VACUUM`) so no freed page keeps erased bytes, and truncate its
        WAL (before, so VACUUM starts from a settled file, and after, so the WAL holds no
        copy). False when another connection holds the file (the window's reader
        mid-query): the next compaction or the next start-up's checkpoint finishes it."""
        with engine.connect() as connection:
            con = connection.connection.driver_connection
            assert con is not None
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                con.execute("VACUUM")
                busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.OperationalError as exc:  # database is locked: another writer
                if "locked" not in str(exc):
                    raise
                return False
        return bool(busy == 0)


# The advisory lock every PostgreSQL write session takes: any fixed number, the same in
# every till ("spa" in ASCII).
WRITER_LOCK = 0x737061
CONNECT_TIMEOUT_S = 5
# SQLSTATEs of a writer that waited too long or lost a race: nothing of it was written.
_PG_BUSY = {"55P03", "40001", "40P01"}  # lock_not_available, serialization, deadlock


class PostgreSQLDialect(Dialect):
    name = "postgresql"
    shared = True

    def engine_args(self) -> dict[str, Any]:
        # pre_ping: a connection the server dropped (it restarted, the network came back)
        # is replaced on the next use, so a till reconnects by itself.
        return {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}, "pool_pre_ping": True}

    def set_up(self, engine: Engine) -> Engine:
        event.listen(engine, "begin", _postgresql_begin)
        return engine.execution_options(spa_pos_writer=True)

    def refusal(self, exc: DBAPIError) -> DomainError | None:
        state = getattr(exc.orig, "sqlstate", None)
        if state in _PG_BUSY:
            return DatabaseBusy("general.database_busy")
        if isinstance(exc, OperationalError) and (
            state is None or state.startswith("08") or exc.connection_invalidated
        ):
            return ServerUnreachable("general.server_unreachable")
        return None


def _postgresql_begin(conn: Any) -> None:
    if conn.get_execution_options().get("spa_pos_writer"):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def dialect_of(url: str) -> Dialect:
    """The engine a database URL names (`sqlite:///…`, `postgresql+psycopg://…`)."""
    if url.startswith("sqlite"):
        return SQLiteDialect()
    if url.startswith("postgresql"):
        return PostgreSQLDialect()
    return Dialect()


def shared(session: Session) -> bool:
    """Whether the database `session` is bound to is shared by several terminals
    (`Dialect.shared`)."""
    return dialect_of(session.get_bind().engine.url.drivername).shared


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


# --- SQL written differently per engine (compiled per dialect, used by the services) ---------


class unindexed(FunctionElement[Any]):  # lower case: reads as a function in a query
    """A column that SQLite must not read through its index (`+column`: the planner then
    picks a better one); the plain column elsewhere."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _unindexed(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


class position(FunctionElement[int]):  # lower case: reads as a function in a query
    """Where `needle` first occurs in `text`, from 1; 0 when it does not (case-sensitive,
    no wildcards, unlike LIKE): SQLite's `instr`, PostgreSQL's `strpos`."""

    inherit_cache = True
    type = Integer()


@compiles(position)
def _position(element: position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position, "postgresql")
def _position_postgresql(element: position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


class bytewise(FunctionElement[Any]):  # lower case: reads as a function in a query
    """A text column compared code point by code point, as SQLite always does: PostgreSQL's
    `COLLATE "C"`, whatever collation the server's database was made with (a language's,
    en_US.UTF-8 or ICU zh-CN, skips or reorders punctuation: `'S…-0001' < 'S…-:'` is false
    there, and a range of document numbers would come out empty)."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(bytewise)
def _bytewise(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(bytewise, "postgresql")
def _bytewise_postgresql(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'


def erase_deleted(session: Session) -> None:
    """Have the rows this transaction deletes overwritten in the database file, not left in
    a free page (SQLite's `secure_delete`). A server's files are the server's: nothing."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))


def latest_revision() -> str:
    """The newest migration: revisions are numbered like their files (0001_..., 0002_...),
    a convention tests/test_migrations.py holds alembic to."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


class Database:
    """One database: its engine, a read session and a write unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = dialect_of(url)
        self.is_sqlite = self.dialect.name == "sqlite"
        # No folder is made here: a database in a folder that does not exist is a typo'd
        # path, not a new till (`server.resolve_db` makes the app's own data folder).
        self.engine: Engine = create_engine(url, **self.dialect.engine_args())
        path = self.path
        in_file = path is not None and path.name not in ("", ":memory:")
        self._lock = DatabaseLock(path) if path is not None and in_file else None
        if self._lock is not None:
            event.listen(self.engine, "do_connect", self._hold_lock)
        write_engine = self.dialect.set_up(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    def _hold_lock(self, *_args: Any) -> None:
        """Before a connection opens the file: hold the process lock (shared)."""
        assert self._lock is not None
        self._lock.share()

    @property
    def shown_url(self) -> str:
        """The URL as shown to a person (a message, `--version`): without its password."""
        if self.is_sqlite:
            return self.url
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """The SQLite file, for backups; None for other databases."""
        if self.url.startswith("sqlite:///"):
            return Path(self.url.removeprefix("sqlite:///"))
        return None

    @contextmanager
    def refusals(self) -> Iterator[None]:
        """Turn the driver errors a person can act on into their refusal: another writer
        (a till, a program, a long job) holding the database past the busy timeout is
        `DatabaseBusy`, a server out of reach `ServerUnreachable`."""
        try:
            yield
        except DBAPIError as exc:
            refusal = self.dialect.refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc

    def compact(self) -> bool:
        """Leave no copy of deleted or rewritten rows in the database's files (`Dialect.compact`;
        after an erasure); False when another connection held the file."""
        return self.dialect.compact(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.refusals(), self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits if the block finishes, rolls back if it raises. A
        refusal (`refusals`) is raised instead of a driver error, nothing written."""
        with self.refusals(), self._write() as session, session.begin():
            yield session

    # --- schema (alembic is imported only when needed: it is slow to import) ------------
    def _alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        # The option is read through configparser, where `%` starts an interpolation: a
        # URL's escapes (a password's `%40`, a socket folder's `%2F`) are doubled.
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def migrate(self, revision: str = "head", connection: Connection | None = None) -> str:
        """Create or upgrade the schema in place, to `revision` (the newest unless told);
        returns the revision now in force. Given a `connection`, inside its transaction
        (left open: a move to a server builds the schema and copies the rows in one)."""
        from alembic import command

        cfg = self._alembic_config()
        if connection is not None:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
            return str(
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            )
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return self.schema_version() or ""

    def stored_revision(self) -> str | None:
        """The revision recorded in the database, read without importing alembic."""
        with self.refusals(), self.engine.connect() as conn:
            try:
                return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            # no table yet: a new database (SQLite says so as an OperationalError)
            except (OperationalError, ProgrammingError):
                return None

    def is_current(self) -> bool:
        """True when no migration is due (checked on every start, so kept cheap)."""
        return self.stored_revision() == latest_revision()

    def schema_version(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_version(self) -> str:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(self._alembic_config()).get_current_head()
        assert head is not None
        return head

    def known_versions(self) -> set[str]:
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self._alembic_config())
        return {rev.revision for rev in script.walk_revisions()}

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Use the database file alone (a restore swaps it inside this block).

        Closes this object's connections and takes the process lock exclusively, or
        refuses at once with a `BackupError` naming who has the database open (another
        process, or another `Database` in this one). Connections made inside the block
        (this object's) are closed again at its end, and the lock is let go.
        """
        self.dispose()
        if self._lock is not None:
            self._lock.take_exclusive()
        try:
            yield
        finally:
            self.dispose()

    def dispose(self) -> None:
        """Close the connections and let go of the process lock; using the database again
        reopens both."""
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
