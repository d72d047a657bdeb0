"""Two terminals (processes) redeeming against the same member at the same moment, and a
sale while another program holds the database; on PostgreSQL, a server out of reach."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from spa_pos import db as db_module
from spa_pos.db import Database
from spa_pos.errors import DatabaseBusy, DomainError, ServerUnreachable
from spa_pos.models import Sale
from spa_pos.services import adjustments, members, points, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register
from tests.pg_cluster import Cluster


def _redeem(url: str, barrier: mp.synchronize.Barrier, results: mp.queues.Queue[str]) -> None:
    ctx = Ctx(Database(url))
    barrier.wait()
    for _ in range(3):
        try:
            vouchers.redeem(ctx, "13800000002", "R-TBAM")
            results.put("ok")
        except DomainError as exc:
            results.put(str(exc))
    ctx.db.dispose()


def test_two_processes_cannot_spend_the_same_points_twice(ctx: Ctx, db_path: Path) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 1000, "测试")  # enough for three vouchers, not six
    spawn = mp.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    url = ctx.db.url
    procs = [spawn.Process(target=_redeem, args=(url, barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    outcomes = [results.get(timeout=5) for _ in range(6)]
    assert outcomes.count("ok") == 3
    assert all("积分不足" in o for o in outcomes if o != "ok")
    with ctx.db.read() as s:
        member = members.find_one(s, card)
        assert member.points_balance == 100
        assert len(vouchers.member_vouchers(s, member.id)) == 3
        assert points.check_balances(s).ok


@contextmanager
def another_writer(ctx: Ctx, engine: str, db_path: Path) -> Iterator[None]:
    """Another writer in the middle of its transaction: on SQLite another program on the
    file (e.g. `spa-pos backup` run from a script), on PostgreSQL another till."""
    if engine == "sqlite":
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    till = Database(ctx.db.url)
    try:
        with till.write() as session:
            session.execute(select(func.count(Sale.id)))
            yield
            session.rollback()
    finally:
        till.dispose()


def test_a_sale_while_another_program_holds_the_database_is_refused_clearly(
    ctx: Ctx, db_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    till = Ctx(Database(ctx.db.url), ctx.actor, ctx.clock)
    with (
        another_writer(ctx, engine, db_path),
        pytest.raises(DatabaseBusy, match=r"数据库正忙.*没有保存"),
    ):
        sell(till, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    with till.db.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 0
    assert sell(till, SaleRequest([("AJ", 1)], [("cash", 16800)])).total_fen == 16800
    till.db.dispose()


def test_a_server_out_of_reach_refuses_clearly_and_the_till_reconnects_by_itself(
    ctx: Ctx, engine: str, request: pytest.FixtureRequest
) -> None:
    if engine != "postgresql":
        pytest.skip("a database server: PostgreSQL only")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 1000, "测试")
    cluster.stop_server()
    try:
        with pytest.raises(ServerUnreachable, match=r"连接不上数据库服务器.*没有保存"):
            vouchers.redeem(ctx, card, "R-TBAM")
        with pytest.raises(ServerUnreachable):
            members.hits(ctx, "张三")
    finally:
        cluster.start_server()
    vouchers.redeem(ctx, card, "R-TBAM")  # the same ctx: its dead connections are replaced
    with ctx.db.read() as s:
        member = members.find_one(s, card)
        assert member.points_balance == 1000 - 300
        assert points.check_balances(s).ok


def test_a_server_that_never_answers_is_refused_clearly_before_anything_is_written(
    tmp_path: Path,
) -> None:
    nowhere = Ctx(Database(f"postgresql+psycopg://postgres@/clinic?host={tmp_path}"))
    with pytest.raises(ServerUnreachable, match="连接不上数据库服务器"):
        sell(nowhere, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    with pytest.raises(ServerUnreachable):
        nowhere.db.stored_revision()
    nowhere.db.dispose()


def test_a_server_url_is_shown_without_its_password() -> None:
    db = Database("postgresql+psycopg://spa:secret@192.168.1.10/clinic")
    assert db.shown_url == "postgresql+psycopg://spa:***@192.168.1.10/clinic"
    db.dispose()
