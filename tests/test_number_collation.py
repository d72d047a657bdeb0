"""Migration 0026: on a PostgreSQL database made in Chinese (ICU zh-CN), a till's next
number (the largest of its day's, a byte-order range: spa_pos/services/numbering.py) and
a lookup by number are read through the numbers' unique indexes, not by reading every
sale. Before 0026 the range could not use them. SQLite is unchanged (the model/migration
check holds on both engines: tests/test_migrations.py)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from spa_pos.db import Database
from spa_pos.models import Refund, Sale
from spa_pos.services.numbering import _last_of_day
from tests.pg_cluster import Cluster
from tests.test_migrations import migrate_to

RANGE = {"low": "S20260310-0", "high": "S20260310-:"}


def _plans(db: Database) -> list[str]:
    """The plans of the day's last number and of a lookup by number, for both columns,
    with sequential scans priced out (a table this small would be read whole anyway):
    what is left shows whether the index can be walked to the numbers."""
    plans = []
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        for column in (Sale.sale_no, Refund.refund_no):
            for query, params in (
                (_last_of_day(column), RANGE),
                (select(column).where(column == "S20260310-0001"), {}),
            ):
                compiled = query.compile(dialect=conn.dialect)
                rows = conn.exec_driver_sql(f"EXPLAIN {compiled}", {**compiled.params, **params})
                plans.append("\n".join(row[0] for row in rows))
    db.dispose()
    return plans


def test_numbers_are_read_through_their_index_on_a_chinese_server(
    engine: str, request: pytest.FixtureRequest
) -> None:
    if engine != "postgresql":
        pytest.skip("PostgreSQL only (pytest --engine=postgresql)")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = f"zhnum{os.getpid()}"
    db = Database(cluster.create(name, icu_locale="zh-CN"))
    try:
        db.migrate()
        after = _plans(db)
        migrate_to(db, "0022", down=True)
        before = _plans(db)
    finally:
        db.dispose()
        cluster.drop(name)
    # after: each range and each lookup is the index's condition (the index walked to it)
    for plan, column in zip(after, ["sale_no", "sale_no", "refund_no", "refund_no"], strict=True):
        assert f"Index Cond: ({column} " in plan or f"Index Cond: (({column} >=" in plan, plan
        assert "Filter" not in plan and "Seq Scan" not in plan, plan
    # before: the day's range was only a filter over every row (the lookup used the index)
    for plan in (before[0], before[2]):
        assert "Index Cond" not in plan and "Filter" in plan, plan
