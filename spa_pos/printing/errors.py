"""The printing layer's error, in a module of its own so that the printers and the
ESC/POS renderer both raise it without importing each other."""

from __future__ import annotations

from spa_pos.errors import DomainError


class PrinterError(DomainError):
    """The printer could not be reached or refused the job; the message says which one."""
