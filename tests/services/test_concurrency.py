"""Two terminals (processes) redeeming against the same member at the same moment."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.services import adjustments, members, points, vouchers
from spa_pos.services.context import Ctx
from tests.conftest import register


def _redeem(url: str, barrier: mp.synchronize.Barrier, results: mp.Queue) -> None:  # type: ignore[name-defined]
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
