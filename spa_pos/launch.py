"""The `spa-pos` command: the reception window when no command is given, the command line
(`spa_pos.cli`) otherwise.

Apart from `spa_pos.cli` so that opening the window does not build the command line's
parser or load the services behind its commands: start-up has a 1.5 s budget.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        sys.exit(open_window())
    from spa_pos.cli import run

    sys.exit(run(args))


def open_window(db: str | None = None) -> int:
    """The reception window on `db` (or $SPA_POS_DB, or the data folder)."""
    # The window collects garbage itself, on timers on the UI thread (`ui.guards`).
    # Stopping automatic collection before its modules load spares start-up the
    # collector's passes over them, and freezing what they made keeps the later full
    # collections short (they no longer walk Qt's and SQLAlchemy's module objects).
    gc.disable()
    from spa_pos.paths import resolve_db
    from spa_pos.ui.app import main as window_main  # Qt only when the window is wanted

    gc.freeze()
    return window_main(resolve_db(db))
