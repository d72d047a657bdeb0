"""Two terminals (processes) redeeming against the same member at the same moment, and a
sale while another program holds the database."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from spa_pos import db as db_module
from spa_pos.db import Database
from spa_pos.errors import DatabaseBusy, DomainError
from spa_pos.models import Sale
from spa_pos.services import adjustments, members, points, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register


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
    url = f"sqlite:///{db_path}"
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


def test_a_sale_while_another_program_holds_the_database_is_refused_clearly(
    ctx: Ctx, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    till = Ctx(Database(ctx.db.url), ctx.actor, ctx.clock)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. `spa-pos backup` run from a script
    try:
        with pytest.raises(DatabaseBusy, match=r"数据库正忙.*没有保存"):
            sell(till, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with till.db.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 0
    assert sell(till, SaleRequest([("AJ", 1)], [("cash", 16800)])).total_fen == 16800
    till.db.dispose()
