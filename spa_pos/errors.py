"""Errors a person can act on.

A `DomainError` is refused input or a refused operation, raised before anything has been
written. It carries a message *code* and its parameters, not a sentence: the sentence is
rendered in the user's language from the catalogues in `spa_pos.messages` when it is
shown (the window's dialogs, the CLI's one-line message). The CLI maps it to exit status 2.

    raise DomainError("points.not_enough", balance=120, needed=300)
"""

from __future__ import annotations

from spa_pos import messages


class DomainError(Exception):
    """Bad input or a refused operation, named by a catalogue code with its parameters."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def render(self, language: str | None = None) -> str:
        """The message for a person, in `language` (default: the language in force)."""
        return messages.render(self.code, self.params, language)

    def __str__(self) -> str:
        return self.render()


class NotFound(DomainError):
    """An unknown member, item, sale, voucher or reward."""


class BackupError(DomainError):
    """A backup or restore that cannot be done or verified."""


class DatabaseBusy(DomainError):
    """Another writer held the database longer than the busy timeout; nothing was saved."""


class ServerUnreachable(DomainError):
    """The database server (PostgreSQL, several tills) cannot be reached; nothing was
    saved. The next operation tries again: a till reconnects by itself."""
