"""Where the app keeps its files (platformdirs); which database a terminal opens is
`spa_pos.server.resolve_db`."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "spa-pos"
ENV_DB = "SPA_POS_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's config folder: the keyring of each clinic and its last audit anchor live
    here, outside the database file (see `spa_pos.services.keys`)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "spa_pos.sqlite3"


def package_dir() -> Path:
    """The folder of the `spa_pos` package's files: the source (or installed) package, or
    in the one-folder bundle (PyInstaller, `installer/spa-pos.spec`) its `spa_pos/` folder
    beside the executable's libraries, where the spec puts the migrations and resources."""
    bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return Path(bundle) / "spa_pos" if bundle else Path(__file__).resolve().parent


def migrations_dir() -> Path:
    """The alembic scripts, read as files (alembic imports them by path)."""
    return package_dir() / "migrations"


def resources_dir() -> Path:
    """The folder of the app's fonts, translations and icons.

    Installed (wheel, sdist or editable), it is the package `spa_pos.resources`, which
    pyproject.toml maps to the top-level `resources/` folder. Run from a checkout that is
    not installed (PYTHONPATH), there is no such package and the checkout's folder is used.
    In the bundle it is a plain folder (not a package): `spa_pos/resources`.
    """
    if getattr(sys, "frozen", False):
        return package_dir() / "resources"
    try:
        return Path(str(resources.files("spa_pos.resources")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"
