"""Where the window hands receipts and vouchers to printing (another module's work).

The window emits `print_receipt_requested(sale_no)` / `print_voucher_requested(code)`.
By default they go to `spa_pos.services.receipts.print_receipt(ctx, sale_no)` and
`print_voucher(ctx, code)`; while that module or function does not exist, the cashier is
told printing is not set up.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

from spa_pos.services.context import Ctx

PRINT_MODULE = "spa_pos.services.receipts"

Printer = Callable[[Ctx, str], Any]


def printer(name: str) -> Printer | None:
    """`print_receipt` or `print_voucher` from the printing service, if it exists."""
    if importlib.util.find_spec(PRINT_MODULE) is None:
        return None
    function = getattr(importlib.import_module(PRINT_MODULE), name, None)
    return function if callable(function) else None
