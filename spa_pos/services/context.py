"""What every service call needs: the database, a clock and who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field

from spa_pos.clock import Clock, SystemClock
from spa_pos.db import Database
from spa_pos.till import DEFAULT as DEFAULT_TILL


@dataclass(frozen=True)
class Actor:
    """Who acts, with which role (`spa_pos.services.permissions.ROLES`), and who approved
    on the spot. An `approver` is only ever set by `spa_pos.services.staff` after it
    checked that person's PIN, so a service may trust it."""

    name: str
    role: str = "cashier"
    approver: Actor | None = None

    @property
    def label(self) -> str:
        """The name stored in `*_by` columns and the audit's actor: both names when a
        manager approved ("收银台(店长)")."""
        return f"{self.name}({self.approver.name})" if self.approver else self.name


CLI_ACTOR = Actor("cli", "owner")  # the CLI acts with the owner's rights (cli.md)
SYSTEM_ACTOR = Actor("system", "system")  # background jobs: may run jobs, nothing else


@dataclass
class Ctx:
    """`till` is the name of the till (terminal) acting (`spa_pos.till`): sales, refunds
    and day closes record it, and its own day close closes its books."""

    db: Database
    actor: Actor = CLI_ACTOR
    clock: Clock = field(default_factory=SystemClock)
    till: str = DEFAULT_TILL
