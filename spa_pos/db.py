"""Engine, sessions and schema migrations.

SQLite is set up for a till: WAL, foreign keys, a busy timeout and `synchronous=FULL`.
Write sessions start with `BEGIN IMMEDIATE`, so a balance checked inside one cannot be
spent by another terminal or a second click before it commits.

A database file is locked (`spa_pos.dblock`): shared from the first connection until
`dispose`, exclusively inside `exclusive()` (a restore), so no process keeps the file open
while a restore swaps it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from spa_pos.dblock import DatabaseLock
from spa_pos.errors import DatabaseBusy
from spa_pos.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = migrations_dir()
BUSY_TIMEOUT_MS = 10_000


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


def latest_revision() -> str:
    """The newest migration: revisions are numbered like their files (0001_..., 0002_...),
    a convention tests/test_migrations.py holds alembic to."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


class Database:
    """One database: its engine, a read session and a write unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        # No folder is made here: a database in a folder that does not exist is a typo'd
        # path, not a new till (`paths.resolve_db` makes the app's own data folder).
        self.engine: Engine = create_engine(url, connect_args=self._connect_args())
        path = self.path
        in_file = path is not None and path.name not in ("", ":memory:")
        self._lock = DatabaseLock(path) if path is not None and in_file else None
        write_engine = self.engine
        if self._lock is not None:
            event.listen(self.engine, "do_connect", self._hold_lock)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
            write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    def _hold_lock(self, *_args: Any) -> None:
        """Before a connection opens the file: hold the process lock (shared)."""
        assert self._lock is not None
        self._lock.share()

    def _connect_args(self) -> dict[str, Any]:
        return {"timeout": BUSY_TIMEOUT_MS / 1000} if self.is_sqlite else {}

    @property
    def path(self) -> Path | None:
        """The SQLite file, for backups; None for other databases."""
        if self.url.startswith("sqlite:///"):
            return Path(self.url.removeprefix("sqlite:///"))
        return None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits if the block finishes, rolls back if it raises. If
        another writer (a program, a long job) holds the database past the busy timeout,
        it is refused with `DatabaseBusy`, nothing written, instead of a driver error."""
        try:
            with self._write() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "database is locked" not in str(exc.orig):
                raise
            raise DatabaseBusy("general.database_busy") from exc

    # --- schema (alembic is imported only when needed: it is slow to import) ------------
    def _alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url)
        return cfg

    def migrate(self, revision: str = "head") -> str:
        """Create or upgrade the schema in place, to `revision` (the newest unless told);
        returns the revision now in force."""
        from alembic import command

        cfg = self._alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return self.schema_version() or ""

    def stored_revision(self) -> str | None:
        """The revision recorded in the database, read without importing alembic."""
        with self.engine.connect() as conn:
            try:
                return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            except OperationalError:  # no table yet: a new database
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
