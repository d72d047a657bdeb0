"""The till (收银台) on the receipt: a sale or refund made at another till than the default
prints the till's name, on 80 mm and 58 mm paper; the default till's receipts print what
they always did (spa_pos/services/receipts.py, spa_pos/printing/content.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spa_pos.services import checkout, receipts, refunds
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from tests.printing.test_receipt_pdf import layout_text, render, value_of

UPSTAIRS = "二楼VIP收银台"


def _printed(ctx: Ctx, number: str, width_mm: int) -> str:
    with ctx.db.read() as s:
        data = receipts.receipt(s, number, ctx.clock.now())
    return layout_text(render(data, width_mm))


@pytest.mark.parametrize("width_mm", [80, 58])
def test_a_sale_and_its_refund_at_another_till_print_the_till(ctx: Ctx, width_mm: int) -> None:
    upstairs = replace(ctx, till=UPSTAIRS)
    sale = checkout.sell(upstairs, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    text = _printed(ctx, sale.sale_no, width_mm)
    assert value_of(text, "收银台") == UPSTAIRS
    assert value_of(text, "收银 ") != ""  # the cashier's row is still there
    refund = refunds.refund(upstairs, sale.sale_no)
    assert value_of(_printed(ctx, refund.refund_no, width_mm), "收银台") == UPSTAIRS


@pytest.mark.parametrize("width_mm", [80, 58])
def test_the_default_tills_receipt_has_no_till_line(ctx: Ctx, width_mm: int) -> None:
    sale = checkout.sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    text = _printed(ctx, sale.sale_no, width_mm)
    assert "收银台" not in text
    assert sale.sale_no in text
