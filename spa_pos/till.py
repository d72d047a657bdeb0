"""This terminal's till name (收银台名称): which till a sale, refund or day close was made at.

The name belongs to the terminal, not to the shared database (two tills on one database
each keep their own), so it lives in the user's config folder (`till.json`, next to the
window's `window.ini`). `SPA_POS_TILL` overrides it and the command line's `--till NAME`
overrides both. A terminal that was never named is `DEFAULT`, "前台" (front desk): that is
what a clinic with one till calls it, it is stable (a host name changes with the machine),
and it is the till the rows written before tills existed belong to, so a clinic that
upgrades keeps closing the same till's days. A second till must be given its own name.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from spa_pos import paths
from spa_pos.errors import DomainError

DEFAULT = "前台"
ENV = "SPA_POS_TILL"
MAX_LEN = 40  # the `till` columns' width


def _file() -> Path:
    return paths.config_dir() / "till.json"


def checked(name: str) -> str:
    """The name trimmed, or `till.bad_name` when it is blank, too long or holds control
    characters (it is printed on receipts and Z reports)."""
    text = name.strip()
    if not text or len(text) > MAX_LEN or any(unicodedata.category(c)[0] == "C" for c in text):
        raise DomainError("till.bad_name", max=MAX_LEN)
    return text


def saved() -> str:
    """The name saved on this terminal, else `DEFAULT` (an unreadable file counts as none:
    the till still opens, under the default name)."""
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return checked(str(data["name"]))
    except (OSError, ValueError, KeyError, TypeError, DomainError):
        return DEFAULT


def save(name: str) -> str:
    """Name this terminal's till (checked); the name in force from the next sale on."""
    text = checked(name)
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"name": text}, ensure_ascii=False), encoding="utf-8")
    return text


def resolve(explicit: str | None = None) -> str:
    """The till name in force: `--till` wins over $SPA_POS_TILL, which wins over the saved
    name (or `DEFAULT`)."""
    chosen = explicit or os.environ.get(ENV)
    return checked(chosen) if chosen else saved()
