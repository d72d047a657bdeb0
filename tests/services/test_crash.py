"""A till killed (SIGKILL) in the middle of a stream of checkouts loses nothing it had
acknowledged and leaves a consistent database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from spa_pos.models import Sale
from spa_pos.services import audit, points
from spa_pos.services.context import Ctx
from tests.conftest import register

WRITER = """
import sys
from spa_pos.db import Database
from spa_pos.services import checkout, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx

ctx = Ctx(Database(sys.argv[1]))
phones = ["13800000001", "13800000002", "13800000003"]
n = 0
while True:
    phone = phones[n % 3]
    if n % 7 == 6:
        vouchers.redeem(ctx, phone, "R-Q10")  # spend points too
    result = checkout.sell(ctx, SaleRequest(items=[("ZJTN", 1), ("ZYB", 2)],
                                            payments=[("cash", 50000)], member=phone))
    print(result.sale_no, flush=True)
    n += 1
"""
ACKNOWLEDGED = 20
DEADLINE_S = 10.0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_checkouts_loses_no_acknowledged_sale(
    ctx: Ctx, db_path: Path, engine: str
) -> None:
    for i in range(1, 4):
        register(ctx, f"会员{i}", f"1380000000{i}")
    ctx.db.dispose()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, ctx.db.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    acknowledged: list[str] = []
    deadline = time.monotonic() + DEADLINE_S
    try:
        assert writer.stdout is not None
        while len(acknowledged) < ACKNOWLEDGED and time.monotonic() < deadline:
            line = writer.stdout.readline()
            if not line:
                break
            acknowledged.append(line.strip())
    finally:
        writer.send_signal(signal.SIGKILL)
        _, err = writer.communicate(timeout=10)
    assert writer.returncode == -signal.SIGKILL, err
    assert len(acknowledged) >= 5, f"writer too slow or broken: {err}"

    if engine == "sqlite":  # the file is whole (a server's own files are the server's)
        raw = sqlite3.connect(db_path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            raw.close()
    with ctx.db.read() as s:
        stored = set(s.scalars(select(Sale.sale_no)))
        assert set(acknowledged) <= stored
        check = points.check_balances(s)
        assert check.ok, (check.mismatched, check.lots_mismatched)
        assert audit.verify(s).ok
