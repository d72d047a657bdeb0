"""Shared fixtures: a real SQLite file per test, migrated, with the demo catalog, and a
clock that only moves when told to. Data folders point at tmp_path.

`pytest --engine=postgresql` runs the same tests on PostgreSQL: a throwaway cluster for
the session (tests/pg_cluster.py) and a fresh database per test, copied from a template
migrated once. Tests about the SQLite file itself (its bytes, locks, backups of the file)
are marked `sqlite_only` and skipped there.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from spa_pos import messages, paths
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import clinic, members
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.members import MemberForm
from tests.pg_cluster import Cluster

# 2026-03-10 10:00 in Shanghai
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)

ENGINES = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engine",
        choices=ENGINES,
        default="sqlite",
        help="the database the tests run on (postgresql: a throwaway local cluster)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about the SQLite file itself; skipped on PostgreSQL"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("engine") == "sqlite":
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "about the SQLite file"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


@pytest.fixture(scope="session")
def engine(pytestconfig: pytest.Config) -> str:
    """The database engine this session runs on (`--engine`)."""
    return str(pytestconfig.getoption("engine"))


@pytest.fixture(scope="session")
def pg_cluster(engine: str) -> Iterator[Cluster]:
    """The session's PostgreSQL server (only with `--engine=postgresql`)."""
    assert engine == "postgresql", "a PostgreSQL test fixture used on SQLite"
    cluster = Cluster()
    yield cluster
    cluster.stop()


def _point_user_dirs(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # The same on Windows, where platformdirs reads the known folders, not XDG.
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(home / "AppData" / "Local"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.delenv("SPA_POS_DB", raising=False)
    monkeypatch.delenv("SPA_POS_TILL", raising=False)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches a real user's data, log or config folder."""
    _point_user_dirs(tmp_path / "home", monkeypatch)


@pytest.fixture(autouse=True)
def _messages_in_chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Refusals read in Chinese (the reference catalogue) whatever this machine's locale,
    and a test that switches the language does not leak it into the next."""
    monkeypatch.setenv("SPA_POS_LANG", "zh_CN")
    yield
    messages.set_language(None)


TILL_SCREEN = (1024, 768)  # the smallest screen the window is made for


@pytest.fixture(scope="session")
def qapp_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Qt's offscreen screen is a till's 1024×768 (its default is 800×800), so what fits
    in the tests fits at the till (tests/ui/test_fits_screen.py)."""
    width, height = TILL_SCREEN
    screen = {"name": "till", "x": 0, "y": 0, "width": width, "height": height}
    config = tmp_path_factory.mktemp("qt") / "screens.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBpi": 96}]}))
    return ["spa_pos-tests", "-platform", f"offscreen:configfile={config}"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrating takes a moment, so it is done once and the file copied for each test.
    Its keyring is made in the template's own config folder (`demo_config`)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        _point_user_dirs(folder / "home", patch)
        context = Ctx(Database(f"sqlite:///{path}"), CLI_ACTOR, FixedClock(START))
        clinic.init(context)
        clinic.load_demo(context)
        context.db.dispose()
    return path


PG_TEMPLATE = "demo_template"


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`demo_template` on PostgreSQL: a database migrated once, with the demo catalog,
    that each test's database is copied from; returns the folder of its keyring's home."""
    home = tmp_path_factory.mktemp("pg-template") / "home"
    with pytest.MonkeyPatch.context() as patch:
        _point_user_dirs(home, patch)
        context = Ctx(Database(pg_cluster.create(PG_TEMPLATE)), CLI_ACTOR, FixedClock(START))
        clinic.init(context)
        clinic.load_demo(context)
        context.db.dispose()
    return home


_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture
def db_url(engine: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of this test's database. On SQLite the file `db_path` (made by whoever uses
    it first); on PostgreSQL a database of its own, dropped after the test: a copy of the
    demo template when the test uses `ctx`, else empty."""
    if engine == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = f"t{os.getpid()}_{next(_DATABASE_NUMBERS)}"
    if "ctx" in request.fixturenames:
        home: Path = request.getfixturevalue("pg_template")
        shutil.copytree(_config_of(home), paths.config_dir())
        url = cluster.create(name, PG_TEMPLATE)
    else:
        url = cluster.create(name)
    yield url
    cluster.drop(name)


@pytest.fixture
def db_arg(engine: str, db_path: Path, db_url: str) -> str:
    """What a test gives `--db`: the file's path on SQLite, the URL on PostgreSQL."""
    return str(db_path) if engine == "sqlite" else db_url


def _config_of(home: Path) -> Path:
    return home / "config" / paths.APP_NAME


@pytest.fixture
def ctx(
    engine: str, db_path: Path, db_url: str, clock: FixedClock, request: pytest.FixtureRequest
) -> Iterator[Ctx]:
    """A migrated database with the demo catalog, acting as the owner, on a machine that
    has its keyring (a copy of the template's config folder)."""
    if engine == "sqlite":
        demo_template: Path = request.getfixturevalue("demo_template")
        shutil.copyfile(demo_template, db_path)
        shutil.copytree(_config_of(demo_template.parent / "home"), paths.config_dir())
    context = Ctx(Database(db_url), CLI_ACTOR, clock)
    yield context
    context.db.dispose()


def enter_at(ctx: Ctx, moment: datetime) -> datetime:
    """Move the test clock on to `moment` if it is later, and return `moment`: an entry
    dated `moment` is made at that moment or after it, never before (the services refuse
    times in the future)."""
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.at = max(ctx.clock.at, moment)
    return moment


def register(ctx: Ctx, name: str, phone: str, *, at: datetime | None = None, **kwargs: Any) -> str:
    """Register a member (joining `at`, or now) and return the card number."""
    return members.register(ctx, MemberForm(name=name, phone=phone, **kwargs), at=at).card_no
