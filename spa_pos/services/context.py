"""What every service call needs: the database, a clock and who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field

from spa_pos.clock import Clock, SystemClock
from spa_pos.db import Database


@dataclass(frozen=True)
class Actor:
    name: str
    is_manager: bool = False


CLI_ACTOR = Actor("cli", is_manager=True)  # the CLI acts with the owner's rights
SYSTEM_ACTOR = Actor("system", is_manager=True)  # background jobs


@dataclass
class Ctx:
    db: Database
    actor: Actor = CLI_ACTOR
    clock: Clock = field(default_factory=SystemClock)
