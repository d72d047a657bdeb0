"""Errors a person can act on.

A `DomainError` is refused input or a refused operation: the message is meant for the
cashier (Chinese first) and nothing has been written when it is raised. The CLI maps it
to exit status 2; the window shows it in a dialog.
"""


class DomainError(Exception):
    """Bad input or a refused operation; the message is shown to the user as is."""


class NotFound(DomainError):
    """An unknown member, item, sale, voucher or reward."""


class BackupError(DomainError):
    """A backup or restore that cannot be done or verified."""


class DatabaseBusy(DomainError):
    """Another writer held the database longer than the busy timeout; nothing was saved."""
