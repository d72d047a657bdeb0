"""The member list window: the filter shows its rows, the coupon and message confirmations
name how many members, and the export writes the whole filter."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos.models import OutboxMessage, Voucher
from spa_pos.services import member_list, members
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from spa_pos.ui.member_list import CouponDialog, MemberListDialog, MessageDialog
from spa_pos.ui.worker import DbWorker
from tests.ui.conftest import answer_yes, child, message_texts, type_text, wait_dialog


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Ctx) -> Iterator[MemberListDialog]:
    """Three members: two born in April (one of them without marketing consent)."""
    for name, phone, born, consent in (
        ("安", "13800000001", date(1990, 4, 5), True),
        ("白", "13800000002", date(1985, 7, 20), True),
        ("丁", "13800000004", date(1970, 4, 30), False),
    ):
        members.register(
            ctx, MemberForm(name=name, phone=phone, birthday=born, marketing_consent=consent)
        )
    worker = DbWorker(ctx)
    shown = MemberListDialog(worker, ctx, member_list.choices(ctx))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.total == 3)
    yield shown
    worker.wait_for_done()


def names(dialog: MemberListDialog) -> list[str]:
    model = dialog.model
    return [str(model.data(model.index(r, 1))) for r in range(model.rowCount())]


def choose_april(qtbot: QtBot, dialog: MemberListDialog) -> None:
    month = child(dialog, QComboBox, "filterMonth")
    month.setCurrentIndex(month.findData(4))
    qtbot.waitUntil(lambda: dialog.model.total == 2)
    qtbot.waitUntil(lambda: names(dialog) == ["安", "丁"])


def test_the_filter_shows_its_rows(qtbot: QtBot, dialog: MemberListDialog) -> None:
    assert names(dialog) == ["安", "白", "丁"]
    assert dialog.model.data(dialog.model.index(0, 2)) == "138****0001"
    choose_april(qtbot, dialog)
    assert "2" in dialog.total.text()
    type_text(child(dialog, QLineEdit, "filterSpendMin"), "1")
    qtbot.mouseClick(child(dialog, QPushButton, "applyFilter"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.total == 0)


def test_sorting_by_a_header_asks_the_service(qtbot: QtBot, dialog: MemberListDialog) -> None:
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: names(dialog) == ["丁", "白", "安"])


def test_coupon_confirmation_names_how_many(
    qtbot: QtBot, ctx: Ctx, dialog: MemberListDialog
) -> None:
    choose_april(qtbot, dialog)
    qtbot.mouseClick(child(dialog, QPushButton, "giveCoupon"), Qt.MouseButton.LeftButton)
    coupon = wait_dialog(qtbot, CouponDialog)
    reward = child(coupon, QComboBox, "couponReward")
    reward.setCurrentIndex(reward.findData("R-TBAM"))
    type_text(child(coupon, QLineEdit, "couponReason"), "四月生日")
    qtbot.mouseClick(child(coupon, QPushButton, "couponNext"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(" 2 " in t for t in message_texts()))
    answer_yes(qtbot)

    def given() -> int:
        with ctx.db.read() as s:
            return s.scalar(select(func.count(Voucher.id))) or 0

    qtbot.waitUntil(lambda: given() == 2)
    # Said as done, not in the red of a refusal.
    qtbot.waitUntil(lambda: "2" in dialog.problem.text())
    assert dialog.problem.property("role") == "muted"
    dialog.spend_min.setText("abc")
    dialog.apply()
    assert dialog.problem.property("role") == "error"


def test_message_confirmation_counts_only_consent(
    qtbot: QtBot, ctx: Ctx, dialog: MemberListDialog
) -> None:
    choose_april(qtbot, dialog)
    qtbot.mouseClick(child(dialog, QPushButton, "sendMessage"), Qt.MouseButton.LeftButton)
    write = wait_dialog(qtbot, MessageDialog)
    type_text(child(write, QPlainTextEdit, "messageText"), "{姓名}您好")
    qtbot.mouseClick(child(write, QPushButton, "messageNext"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_texts()))
    text = message_texts()[-1]
    assert " 1 " in text and "(1 " in text.replace("（", "(")  # 1 consents, 1 does not
    answer_yes(qtbot)

    def queued() -> list[str]:
        with ctx.db.read() as s:
            return list(s.scalars(select(OutboxMessage.text)))

    qtbot.waitUntil(lambda: queued() == ["安您好"])


def test_export_writes_the_whole_filter(
    qtbot: QtBot, dialog: MemberListDialog, tmp_path: Path
) -> None:
    choose_april(qtbot, dialog)
    path = tmp_path / "april.csv"
    dialog.export_to(path)
    qtbot.waitUntil(path.exists)
    qtbot.waitUntil(lambda: "2" in dialog.problem.text())
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[1] for r in rows[1:]] == ["安", "丁"]
