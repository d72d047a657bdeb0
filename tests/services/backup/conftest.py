"""A real database file in a data folder, and a folder standing in for the USB drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.backup.helpers import make_db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return make_db(tmp_path / "data" / "spa_pos.db")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path
