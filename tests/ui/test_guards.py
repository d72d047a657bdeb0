"""The guard of a long-running window process."""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from spa_pos.ui import guards


def test_the_application_collects_garbage_on_the_ui_thread_only(qapp: QApplication) -> None:
    intervals = {t.interval() for t in qapp.findChildren(QTimer)}
    assert {guards.YOUNG_GC_MS, guards.FULL_GC_MS} <= intervals
    assert not gc.isenabled()  # only the UI thread's timers collect


def test_many_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 lost a reference to None per call and aborted Python; pinned out."""
    import sys

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
