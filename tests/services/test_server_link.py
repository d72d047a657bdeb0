"""This terminal's database server (spa_pos/server.py, spa_pos/services/server_link.py):
the URL composed and checked, saved in the config folder (0600) and read at start, and a
server tried for what its database holds. The tries need a server: they run with
`pytest --engine=postgresql` and are skipped on SQLite."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from spa_pos import messages, paths, server
from spa_pos.db import Database, latest_revision
from spa_pos.errors import DomainError
from spa_pos.services import server_link
from spa_pos.services.context import Ctx

SERVER = "postgresql+psycopg://spa:s3cret@192.168.1.10:5432/clinic"


def test_a_server_saved_is_the_database_opened_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    default = f"sqlite:///{paths.default_db_path().resolve()}"
    assert server.resolve_db() == default
    server.save(SERVER)
    assert server.saved() == SERVER
    assert server.resolve_db() == SERVER
    # $SPA_POS_DB and --db still win over it
    monkeypatch.setenv("SPA_POS_DB", str(tmp_path / "env.db"))
    assert server.resolve_db() == f"sqlite:///{tmp_path / 'env.db'}"
    assert server.resolve_db(str(tmp_path / "arg.db")) == f"sqlite:///{tmp_path / 'arg.db'}"


def test_the_file_holding_the_password_is_readable_by_this_user_only() -> None:
    server.save(SERVER)
    path = paths.config_dir() / "server.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8")) == {"url": SERVER}
    assert not list(path.parent.glob(".server-*"))  # no temporary file left


@pytest.mark.parametrize("content", ["{", '{"url": "sqlite:///x.db"}', '{"name": 1}', "[]"])
def test_a_damaged_file_counts_as_no_server(content: str) -> None:
    path = paths.config_dir() / "server.json"
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert server.saved() is None
    assert server.resolve_db().startswith("sqlite:///")


def test_fields_are_composed_into_an_escaped_url_and_read_back() -> None:
    url = server.compose(" 192.168.1.10 ", 5433, "clinic", "spa", "p@ss/w%rd:1")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database) == ("192.168.1.10", 5433, "clinic")
    assert parsed.password == "p@ss/w%rd:1"
    assert server.fields(url) == ("192.168.1.10", 5433, "clinic", "spa")
    socket = server.compose("/run/postgresql", 5432, "clinic", "spa", "")
    assert server.fields(socket) == ("/run/postgresql", 5432, "clinic", "spa")


@pytest.mark.parametrize(
    "url",
    [
        "",
        "clinic",
        "sqlite:///x.db",
        "mysql://u@h/db",
        "postgresql://u@h/db",  # psycopg2's, not installed
        "postgresql+pg8000://u@h/db",
        "postgresql+psycopg://u@h/",
        "postgresql+psycopg://u@h:port/db",
        "://",
        "x:y",
    ],
)
def test_what_is_not_a_postgresql_database_is_refused(url: str) -> None:
    with pytest.raises(DomainError) as refused:
        server.checked(url)
    assert refused.value.code == "server.bad_url"
    with pytest.raises(DomainError):
        server.save(url)
    assert server.saved() is None


@pytest.mark.parametrize(("database", "port"), [("", 5432), ("  ", 5432), ("c", 0), ("c", 70000)])
def test_fields_without_a_database_or_a_port_are_refused(database: str, port: int) -> None:
    with pytest.raises(DomainError) as refused:
        server.compose("h", port, database, "u", "p")
    assert refused.value.code == "server.bad_url"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text() | st.builds("postgresql+psycopg://{}".format, st.text()))
def test_any_text_is_a_url_or_a_clear_refusal(text: str) -> None:
    try:
        url = server.checked(text)
    except DomainError as exc:
        assert exc.code == "server.bad_url"
        return
    assert make_url(url).drivername == "postgresql+psycopg"
    assert server.checked(url) == url
    Database(url).dispose()  # an engine is made for it (nothing is connected yet)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(), st.text(), st.text(), st.text())
def test_any_fields_make_a_url_that_reads_back_or_a_clear_refusal(
    host: str, port: int, database: str, user: str, password: str
) -> None:
    try:
        url = server.compose(host, port, database, user, password)
    except DomainError as exc:
        assert exc.code == "server.bad_url"
        return
    parsed = make_url(url)
    assert parsed.database == database.strip()
    assert parsed.password == (password or None)
    assert parsed.port == port


# --- trying a server ---------------------------------------------------------------------


@pytest.fixture
def pg(engine: str) -> None:
    if engine != "postgresql":
        pytest.skip("tries a database server: PostgreSQL only (pytest --engine=postgresql)")


def test_a_database_is_shown_as_where_it_is_never_as_a_url_or_with_its_password() -> None:
    assert server_link.place("sqlite:////home/clinic/spa-pos.sqlite3") == (
        "本机文件 /home/clinic/spa-pos.sqlite3"
    )
    assert server_link.place(SERVER) == "服务器 192.168.1.10:5432 数据库 clinic 用户 spa"
    socket = server.compose("/tmp/walk16/pg", 5432, "clinic", "postgres", "p@ss/%")
    assert server_link.place(socket) == "服务器 /tmp/walk16/pg:5432 数据库 clinic 用户 postgres"
    assert server_link.place("postgresql+psycopg://:5433/clinic") == (
        "服务器 localhost:5433 数据库 clinic"
    )
    messages.set_language("en")
    try:
        assert server_link.place(SERVER) == ("Server 192.168.1.10:5432, database clinic, user spa")
    finally:
        messages.set_language("zh_CN")


def test_what_the_settings_show_of_the_database_in_use(ctx: Ctx) -> None:
    shown = server_link.current(ctx).in_use
    assert shown == server_link.place(ctx.db.url) and "://" not in shown


@pytest.fixture
def empty(pg: None, db_url: str) -> Iterator[str]:
    yield db_url


def _with_password(url: str) -> str:
    return make_url(url).set(password="s3cret").render_as_string(hide_password=False)


def test_an_empty_database_is_said_empty_and_saved(empty: str) -> None:
    found = server_link.choose(_with_password(empty))
    assert found.state == "empty"
    assert "s3cret" not in found.shown_url and "***" in found.shown_url
    assert found.place == server_link.place(empty) and "s3cret" not in found.place
    assert server.saved() == _with_password(empty)  # trust login: the password is unused


def test_a_database_at_this_version_is_current(pg: None, ctx: Ctx) -> None:
    found = server_link.probe(ctx.db.url)
    assert (found.state, found.revision) == ("current", latest_revision())


def test_an_older_database_needs_an_upgrade(empty: str) -> None:
    # composed from the fields, the socket folder is escaped (`%2F`): migrations take it
    host, port, database, user = server.fields(empty)
    url = server.compose(host, port, database, user, "")
    assert "%2F" in url
    old = Database(url)
    old.migrate("0021")
    old.dispose()
    found = server_link.choose(url)
    assert (found.state, found.revision, found.latest) == ("older", "0021", latest_revision())
    assert server.saved() == url


def test_a_newer_database_is_refused_and_not_saved(pg: None, ctx: Ctx) -> None:
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    assert server_link.probe(ctx.db.url).state == "newer"
    with pytest.raises(DomainError) as refused:
        server_link.choose(ctx.db.url)
    assert refused.value.code == "server.newer_schema"
    assert "9999" in str(refused.value)
    assert server.saved() is None


def test_another_programs_database_is_refused(empty: str) -> None:
    engine = create_engine(empty)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id integer)")
    engine.dispose()
    with pytest.raises(DomainError) as refused:
        server_link.choose(empty)
    assert refused.value.code == "server.not_ours"
    assert server.saved() is None


def test_a_server_that_cannot_be_reached_is_refused_with_its_reason(empty: str) -> None:
    missing = make_url(empty).set(database="no_such_clinic", password="s3cret")
    with pytest.raises(DomainError) as refused:
        server_link.choose(missing.render_as_string(hide_password=False))
    assert refused.value.code == "server.cannot_connect"
    text = str(refused.value)
    assert "no_such_clinic" in text and "does not exist" in text
    assert "s3cret" not in text
    assert server.saved() is None
