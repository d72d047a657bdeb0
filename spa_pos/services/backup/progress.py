"""Progress reports of a backup: one 0…1 fraction for the whole job, made of steps."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], None]
"""Receives the fraction done, 0.0 … 1.0."""


def phase(progress: Progress | None, start: float, end: float) -> Progress | None:
    """Map a step's own 0…1 progress onto its share [start, end] of the whole job."""
    if progress is None:
        return None

    def report(fraction: float) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0))

    return report
