"""This terminal's database (服务器设置): which database the till opens when it is not told.

Like the till's name (`spa_pos.till`), the choice belongs to the terminal, not to a
database (it says which database), so it lives in the user's config folder:
`server.json`, `{"url": "postgresql+psycopg://…"}`. The order of choice is `--db`, then
$SPA_POS_DB, then this file, then the SQLite file in the user's data folder.

The URL is composed from the fields a person types (host, port, database, user,
password) rather than typed whole: nobody at a clinic's desk knows URL syntax, and a
password holding `@`, `/` or `%` must be escaped, which `URL.create` does.

The password is kept in that file, written with mode 0600 (only this user reads it), not
in the keyring of `spa_pos.services.keys`: that keyring is filed under the clinic id,
which is read from the database, so it cannot hold what opens the database. Both are
files of the same folder with the same mode: the protection is the same.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from spa_pos import paths
from spa_pos.errors import DomainError

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


def _file() -> Path:
    return paths.config_dir() / "server.json"


def checked(url: str) -> str:
    """`url` (as typed, trimmed) when it names a PostgreSQL database through psycopg, else
    `server.bad_url` (a typo, another engine or driver, no database name): the till only
    opens what it can open."""
    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise DomainError("server.bad_url") from exc
    # psycopg (3) is the driver installed: `postgresql://` alone would ask for psycopg2
    if parsed.drivername != DRIVER or not parsed.database:
        raise DomainError("server.bad_url")
    return url.strip()


def compose(host: str, port: int, database: str, user: str, password: str) -> str:
    """The URL of a PostgreSQL database from its fields (escaped), checked."""
    if not database.strip() or not 0 < port < 65536 or (password and not user.strip()):
        raise DomainError("server.bad_url")  # a password is a user's: none is sent without
    where = host.strip()
    socket = where.startswith("/")  # a folder: the server's unix socket on this machine
    url = URL.create(
        DRIVER,
        username=user.strip() or None,
        password=password or None,
        host=None if socket else where or None,
        port=port,
        database=database.strip(),
        query={"host": where} if socket else {},
    )
    text = checked(url.render_as_string(hide_password=False))
    back = make_url(text)
    if (back.username, back.password, back.database) != (
        url.username,
        url.password,
        url.database,
    ) or fields(text)[:2] != (where, port):
        raise DomainError("server.bad_url")  # a field the URL cannot carry as typed
    return text


def fields(url: str) -> tuple[str, int, str, str]:
    """Host, port, database and user of a URL, to fill the fields (never the password)."""
    parsed = make_url(url)
    socket = parsed.query.get("host")
    host = parsed.host or (socket if isinstance(socket, str) else "")
    return host, parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username or ""


def saved() -> str | None:
    """The server saved on this terminal, or None (an unreadable or damaged file counts as
    none: the till opens its own file, as before it was set)."""
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return checked(str(data["url"]))
    except (OSError, ValueError, KeyError, TypeError, DomainError):
        return None


def save(url: str) -> str:
    """Make `url` (checked) this terminal's database from the next start on. Written to a
    new file made 0600 before the password goes in, then renamed over the old one."""
    text = checked(url)
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".server-")  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"url": text}, out, ensure_ascii=False)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return text


def resolve_db(explicit: str | None = None) -> str:
    """The database URL: `--db` wins over $SPA_POS_DB, which wins over the saved server,
    which wins over the data folder (made here when it is the one used: the app's own
    folder may not exist yet, any other folder must)."""
    chosen = explicit or os.environ.get(paths.ENV_DB) or saved()
    if not chosen:
        paths.data_dir().mkdir(parents=True, exist_ok=True)
        chosen = str(paths.default_db_path())
    if "://" in chosen:
        return chosen
    path = Path(chosen).expanduser().resolve()
    return f"sqlite:///{path}"
