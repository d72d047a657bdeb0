"""The floor under checkout: the rows one sale writes, written through plain `sqlite3`.

What `checkout.sell` has to put on disk for a sale, and nothing else: the sale, its lines
and payment and, for a member, one points lot with its ledger entry and the member's
balance and last visit, plus the hash-chained audit row. It reads only what those rows
need (the member, the items' prices, the day's last sale number, the last audit hash)
and writes them with the app's durability: WAL, `synchronous = FULL`, one `BEGIN
IMMEDIATE` transaction a sale. No ORM, no rules beyond one point a yuan: how far the
app's checkout is above this is the cost of the ORM and of the rules themselves.

The rows are real (same formats as SQLAlchemy writes, a valid audit chain, balances equal
to the ledger), so the app's sales and `points.check_balances` keep working on the file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from spa_pos.db import BUSY_TIMEOUT_MS

GENESIS = "0" * 64
VALIDITY_DAYS = 365


class FloorTill:
    """A till that writes a sale's rows with plain SQL on one connection."""

    def __init__(self, path: Path, cashier: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
            "journal_mode = WAL",
            "foreign_keys = ON",
            "synchronous = FULL",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        self.cashier = cashier

    def close(self) -> None:
        self.conn.close()

    def sell(
        self,
        items: Sequence[str],
        method: str,
        member_ref: str | None,
        stamp: datetime,
        today: date,
    ) -> int:
        """One sale of one unit of each item code, paid in full; returns points earned."""
        c = self.conn
        at = _text(stamp)
        c.execute("BEGIN IMMEDIATE")
        try:
            member = None
            if member_ref is not None:
                member = c.execute(
                    "SELECT id, card_no FROM members WHERE phone = ? OR card_no = ?",
                    (member_ref, member_ref),
                ).fetchone()
            lines = []
            for code in items:
                item_id, name, price = c.execute(
                    "SELECT id, name, price_fen FROM catalog_items WHERE code = ?", (code,)
                ).fetchone()
                lines.append((item_id, name, price))
            due = sum(price for _, _, price in lines)
            earned = due // 100 if member else 0
            stem = f"S{today:%Y%m%d}-"
            (last,) = c.execute(
                "SELECT max(sale_no) FROM sales WHERE sale_no >= ? AND sale_no < ?",
                (stem, stem + "~"),
            ).fetchone()
            sale_no = f"{stem}{int(last.rsplit('-', 1)[1]) + 1 if last else 1:04d}"
            sale_id = c.execute(
                "INSERT INTO sales (sale_no, member_id, created_at, cashier, gross_fen,"
                " discount_fen, due_fen, paid_fen, change_fen, tier, points_earned, status)"
                " VALUES (?, ?, ?, ?, ?, 0, ?, ?, 0, ?, ?, 'completed')",
                (
                    sale_no,
                    member[0] if member else None,
                    at,
                    self.cashier,
                    due,
                    due,
                    due,
                    "普通" if member else None,
                    earned,
                ),
            ).lastrowid
            for no, (item_id, name, price) in enumerate(lines, start=1):
                c.execute(
                    "INSERT INTO sale_lines (sale_id, line_no, item_id, name, qty, unit_fen,"
                    " amount_fen, free_units, net_fen, item_points)"
                    " VALUES (?, ?, ?, ?, 1, ?, ?, 0, ?, ?)",
                    (
                        sale_id,
                        no,
                        item_id,
                        name,
                        price,
                        price,
                        price,
                        price // 100 if member else 0,
                    ),
                )
            c.execute(
                "INSERT INTO payments (sale_id, method, amount_fen) VALUES (?, ?, ?)",
                (sale_id, method, due),
            )
            if member and earned:
                expires = date.fromordinal(today.toordinal() + VALIDITY_DAYS)
                lot_id = c.execute(
                    "INSERT INTO point_lots (member_id, earned_at, expires_on, amount,"
                    " remaining, sale_id) VALUES (?, ?, ?, ?, ?, ?)",
                    (member[0], at, expires.isoformat(), earned, earned, sale_id),
                ).lastrowid
                c.execute(
                    "INSERT INTO ledger_entries (member_id, lot_id, kind, rule, points,"
                    " created_at, sale_id, note, actor) VALUES (?, ?, 'earn', 'E1', ?, ?, ?,"
                    " '', ?)",
                    (member[0], lot_id, earned, at, sale_id, self.cashier),
                )
            if member:
                c.execute(
                    "UPDATE members SET points_balance = points_balance + ?,"
                    " last_visit_at = max(coalesce(last_visit_at, ?), ?) WHERE id = ?",
                    (earned, at, at, member[0]),
                )
            self._audit(sale_no, stamp, member[1] if member else None, due, method, earned)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return earned

    def _audit(
        self, sale_no: str, stamp: datetime, card: str | None, due: int, method: str, earned: int
    ) -> None:
        row = self.conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        detail = json.dumps(
            {
                "member": card,
                "due_fen": due,
                "paid_fen": due,
                "change_fen": 0,
                "payments": [[method, due]],
                "points": earned,
                "vouchers": [],
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        # the chain's digest, as spa_pos.services.audit computes it
        payload = "\x1f".join(
            [prev, stamp.isoformat(), self.cashier, "sale.create", "sale", sale_no, detail]
        )
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash,"
            " hash) VALUES (?, ?, 'sale.create', 'sale', ?, ?, ?, ?)",
            (
                _text(stamp),
                self.cashier,
                sale_no,
                detail,
                prev,
                hashlib.sha256(payload.encode()).hexdigest(),
            ),
        )


def _text(stamp: datetime) -> str:
    """A naive UTC time as SQLAlchemy stores a DATETIME in SQLite (so text order is time
    order across the app's rows and these)."""
    return stamp.strftime("%Y-%m-%d %H:%M:%S.%f")
