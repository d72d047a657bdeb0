"""`spa-pos` reaches a usable window without loading what only some screens or jobs need
(the start-up target is 1.5 s on 100,000 members; `bench/bench_ui.py` measures it). Each of
these modules once cost the window 0.05–0.3 s before the cashier could type."""

from __future__ import annotations

import os
import subprocess
import sys

from spa_pos.services import staff
from spa_pos.services.context import Ctx
from tests.ui.conftest import MANAGER_PIN

# Runs `spa-pos` with no arguments (its console script is `spa_pos.launch:main`) and prints
# the modules loaded at the moment the window is ready.
CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from spa_pos import launch
from spa_pos.ui.main_window import MainWindow

def report():
    print("LOADED", " ".join(sorted(sys.modules)), flush=True)
    QApplication.closeAllWindows()

def hook():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    if window.is_ready:
        report()
    else:
        window.ready.connect(report)

app = QApplication(sys.argv[:1])
QTimer.singleShot(0, hook)
launch.main([])
"""

# The command line: not for the window. pypinyin: name keys are stored. reportlab, PDFium
# and Qt print support: only to print. cryptography: only encrypted backups. alembic: only
# to migrate. The manage tab's screens: on use.
NOT_AT_START = (
    "spa_pos.cli",
    "spa_pos.cli_ops",
    "pypinyin",
    "reportlab",
    "pypdfium2",
    "PySide6.QtPrintSupport",
    "cryptography",
    "alembic",
    "spa_pos.ui.manage",
    "spa_pos.ui.day_close",
    "spa_pos.ui.restore_dialog",
)


def test_the_window_is_ready_without_the_slow_imports(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, MANAGER_PIN)  # no first-run wizard
    env = {**os.environ, "SPA_POS_DB": ctx.db.url, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("LOADED")), "")
    assert line, done.stdout + done.stderr
    loaded = set(line.split()[1:])
    assert "spa_pos.ui.lookup" in loaded  # the check sees the window's modules
    assert {m for m in loaded if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START} == set()
