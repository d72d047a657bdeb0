"""The DB worker: results and errors come back on the UI thread, never a frozen window."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from spa_pos.errors import DomainError
from spa_pos.services.context import Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.worker import DbWorker
from tests.ui.conftest import message_texts


@pytest.fixture
def worker(cashier: Ctx) -> Iterator[DbWorker]:
    db_worker = DbWorker(cashier)
    yield db_worker
    db_worker.wait_for_done()


def test_jobs_run_off_the_ui_thread_and_report_back_on_it(qtbot: QtBot, worker: DbWorker) -> None:
    seen: dict[str, object] = {}

    def job(ctx: Ctx) -> int:
        seen["job_thread"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"], seen["done_thread"] = result, threading.current_thread()

    worker.run(job, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["job_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot, worker: DbWorker) -> None:
    order: list[int] = []

    def job(n: int) -> Callable[[Ctx], None]:
        return lambda ctx: order.append(n)

    for n in range(5):
        worker.run(job(n))
    qtbot.waitUntil(lambda: not worker.busy)
    assert order == [0, 1, 2, 3, 4]


def test_a_refusal_is_handled_or_reported(qtbot: QtBot, worker: DbWorker) -> None:
    def refuse(ctx: Ctx) -> None:
        raise DomainError("积分不足")

    handled: list[Exception] = []

    def handle(exc: Exception) -> bool:
        handled.append(exc)
        return True

    with qtbot.assertNotEmitted(worker.failed):
        worker.run(refuse, on_error=handle)
        qtbot.waitUntil(lambda: bool(handled))
    with qtbot.waitSignal(worker.failed) as failed:
        worker.run(refuse)
    assert str(failed.args[0]) == "积分不足"


def test_a_bug_is_logged_with_its_traceback(
    qtbot: QtBot, worker: DbWorker, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(ctx: Ctx) -> None:
        raise ZeroDivisionError("boom")

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(worker.failed):
        worker.run(broken)
    record = next(r for r in caplog.records if r.name == "spa_pos.ui.worker")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_changes_are_announced_after_a_write(qtbot: QtBot, worker: DbWorker) -> None:
    with qtbot.waitSignal(worker.changed) as changed:
        worker.run(lambda ctx: None, changes=Change.SALES)
    assert changed.args == [Change.SALES]


def test_a_refused_write_announces_no_change(qtbot: QtBot, worker: DbWorker) -> None:
    announced: list[Change] = []
    worker.changed.connect(announced.append)

    def refused(ctx: Ctx) -> None:
        raise DomainError("general.already_set_up")

    with qtbot.waitSignal(worker.failed):
        worker.run(refused, changes=Change.SETTINGS)
    assert announced == []


def test_callbacks_of_a_closed_dialog_are_dropped(qtbot: QtBot, worker: DbWorker) -> None:
    owner = QWidget()
    called: list[object] = []
    gate = threading.Event()
    worker.run(lambda ctx: gate.wait(5), called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: not worker.busy)
    assert called == []


def test_the_busy_indicator_shows_for_slow_work_only(qtbot: QtBot, worker: DbWorker) -> None:
    gate = threading.Event()
    with qtbot.assertNotEmitted(worker.busy_changed):
        worker.run(lambda ctx: None)
        qtbot.waitUntil(lambda: not worker.busy)
    with qtbot.waitSignal(worker.busy_changed) as shown:
        worker.run(lambda ctx: gate.wait(5))
    assert shown.args == [True]
    with qtbot.waitSignal(worker.busy_changed) as hidden:
        gate.set()
    assert hidden.args == [False]


def test_the_window_shows_an_unhandled_error_as_a_message(qtbot: QtBot, window: MainWindow) -> None:
    def broken(ctx: Ctx) -> None:
        raise RuntimeError("disk on fire")

    with qtbot.waitSignal(window.error_shown) as shown:
        window.worker.run(broken)
    assert "RuntimeError: disk on fire" in shown.args[0]
    assert "Traceback" not in shown.args[0]
    assert shown.args[0] in message_texts()
