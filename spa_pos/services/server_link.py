"""Pointing this till at a PostgreSQL server (the window's 服务器设置): try the server, say
what its database holds, and save the choice (`spa_pos.server`) for the next start.

What a database holds decides whether this till may use it:

- `empty`: no table yet; the first start on it sets the clinic up (the first-run wizard);
- `current`: the schema this version of the till writes;
- `older`: an earlier schema; the first start on it upgrades it (backing it up first is
  the server's administrator's, `pg_dump`);
- `newer`: written by a newer version of spa-pos: this till would misread it, refused;
- a database with tables but no spa-pos schema (another program's): refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from spa_pos import messages, server
from spa_pos.db import Database, latest_revision
from spa_pos.errors import DomainError
from spa_pos.services.context import Ctx

State = Literal["empty", "current", "older", "newer"]


@dataclass(frozen=True)
class Probe:
    shown_url: str  # without the password
    place: str  # where it is, in words (`place`)
    state: State
    revision: str  # the database's schema revision, "" when empty
    latest: str  # the revision this till writes


@dataclass(frozen=True)
class Current:
    """What the settings show: where the database in use is, in words (`place`), and the
    fields of the server saved on this terminal, else of the server in use, else empty."""

    in_use: str
    host: str
    port: int
    database: str
    user: str


def current(ctx: Ctx) -> Current:
    in_use = None if ctx.db.is_sqlite else ctx.db.url
    chosen = server.saved() or in_use
    host, port, database, user = (
        server.fields(chosen) if chosen else ("", server.DEFAULT_PORT, "", "")
    )
    return Current(place(ctx.db.url), host, port, database, user)


def place(url: str) -> str:
    """Where the database `url` names is, for a person (the URL's syntax and escapes are
    not): the SQLite file's path, or the server's host and port, database and user; never
    the password. A server reached through its unix socket names the socket's folder."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return messages.render("server.place_file", {"path": parsed.database or ""})
    host, port, database, user = server.fields(url)
    where = {"host": host or "localhost", "port": port, "database": database, "user": user}
    return messages.render("server.place_server" if user else "server.place_no_user", where)


def probe(url: str) -> Probe:
    """Connect to the database `url` names (checked first) and say what it holds; refuses
    a server that cannot be reached or refuses the login (`server.cannot_connect`, with
    the server's reason) and a database of another program (`server.not_ours`)."""
    target = Database(server.checked(url))
    shown = target.shown_url
    where = place(target.url)
    try:
        with target.engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        revision = target.stored_revision() if tables else None
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise DomainError("server.cannot_connect", target=shown, reason=reason) from exc
    finally:
        target.dispose()
    latest = latest_revision()
    if not tables:
        return Probe(shown, where, "empty", "", latest)
    if revision is None:
        raise DomainError("server.not_ours", target=shown, tables=len(tables))
    if revision == latest:
        state: State = "current"
    else:
        state = "older" if revision in target.known_versions() else "newer"
    return Probe(shown, where, state, revision, latest)


def choose(url: str) -> Probe:
    """Try `url` and save it as this terminal's database, in force from the next start;
    refused (nothing saved) when the server cannot be used (`probe`) or holds a newer
    schema than this till's (`server.newer_schema`)."""
    found = probe(url)
    if found.state == "newer":
        raise DomainError("server.newer_schema", target=found.shown_url, revision=found.revision)
    server.save(url)
    return found
