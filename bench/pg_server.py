"""A throwaway PostgreSQL cluster: for `pytest --engine=postgresql` (tests/pg_cluster.py)
and for the benchmarks on PostgreSQL (`python -m bench.bench_engines` without `--url`).

Made with Debian's `postgresql` binaries in a temporary folder, reachable only through a
unix socket in that folder (no network), with fsync off: it lives as long as the test
session or the benchmark run. PostgreSQL refuses to run as root, so as root (CI, this
machine) the folder belongs to the `postgres` user and the binaries run as that user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import NullPool, create_engine


def _bin() -> Path:
    """$SPA_POS_PG_BIN, else the newest of Debian's installed versions."""
    if chosen := os.environ.get("SPA_POS_PG_BIN"):
        return Path(chosen)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _bin()
RUN_AS = "postgres"  # the user Debian's package makes


def _as_owner(argv: list[str]) -> list[str]:
    return ["runuser", "-u", RUN_AS, "--", *argv] if os.geteuid() == 0 else argv


class Cluster:
    """One running server; databases are made in it by name."""

    def __init__(self, durable: bool = False) -> None:
        """`durable`: fsync every commit as a clinic's server would (the benchmarks, held
        against an SQLite file that syncs too); the tests do without, for speed."""
        if not (BIN / "initdb").exists():
            raise RuntimeError(f"no PostgreSQL binaries in {BIN} (apt install postgresql)")
        # Not under pytest's own tmp folder: that one is private to root, and the server
        # (the `postgres` user when run as root) must reach its folder.
        self.folder = Path(tempfile.mkdtemp(prefix="spa-pos-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, RUN_AS)
        self.data = self.folder / "data"
        self._run(BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust")
        fast = "" if durable else "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        self.options = (
            f"-c listen_addresses='' -c unix_socket_directories={self.folder} "
            f"{fast}-c max_connections=200"
        )
        self.start_server()
        # No pool: a connection kept would not survive a test that restarts the server.
        self._admin = create_engine(
            self.url("postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )

    def start_server(self) -> None:
        log = self.folder / "server.log"
        self._run(BIN / "pg_ctl", "-D", self.data, "-l", log, "-o", self.options, "-w", "start")

    def stop_server(self) -> None:
        """Stop the server (a test of a till that cannot reach it); `start_server` again."""
        self._run(BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def _run(self, *argv: object) -> None:
        subprocess.run(
            _as_owner([str(a) for a in argv]),
            check=True,
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}"

    def create(self, database: str, template: str = "template0", icu_locale: str = "") -> str:
        """A new database, a copy of `template` (empty by default), sorting text by the
        language `icu_locale` if given (as a server set up in Chinese does); its URL."""
        collation = f" LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'" if icu_locale else ""
        with self._admin.connect() as conn:
            conn.exec_driver_sql(
                f'CREATE DATABASE "{database}" TEMPLATE "{template}" '
                f"ENCODING 'UTF8' STRATEGY FILE_COPY{collation}"
            )
        return self.url(database)

    def drop(self, database: str) -> None:
        """Drop a database, closing whatever connections a test left open to it."""
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def stop(self) -> None:
        self._admin.dispose()
        self._run(BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
