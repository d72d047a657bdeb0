"""The `spa-pos` command: the reception window when no command is given, the command line
(`spa_pos.cli`) otherwise.

Apart from `spa_pos.cli` so that opening the window does not build the command line's
parser or load the services behind its commands: start-up has a 1.5 s budget.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from spa_pos.window import open_window


def main(argv: Sequence[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        sys.exit(open_window())
    from spa_pos.cli import run

    sys.exit(run(args))
