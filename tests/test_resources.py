"""The package carries its fonts, translations and icons (package data `spa_pos.resources`,
from the top-level resources/ folder), and a start without the font says so in the log.

The builds run on a clean `git clone` of this checkout (so only committed files count) with
the project's declared build requirements (setuptools>=68, wheel), fetched by pip's build
isolation: the development virtualenv does not have them."""

from __future__ import annotations

import logging
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spa_pos.paths import resources_dir
from spa_pos.ui.app import FONT_FILE, use_bundled_font

REPO = Path(__file__).resolve().parent.parent
RESOURCES = (
    "fonts/wqy-microhei.ttc",
    "fonts/wqy-microhei-LICENSE.txt",
    "translations/spa_pos_zh_CN.qm",
    "translations/spa_pos_en.qm",
    "icons/spa_pos.svg",
    "icons/chevron-down.svg",
    "icons/chevron-up.svg",
)


def run(*args: str | Path, cwd: Path) -> None:
    subprocess.run([str(a) for a in args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def clean_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    run("git", "clone", "--quiet", REPO, copy, cwd=tmp_path)
    return copy


def test_the_app_finds_every_resource_where_it_runs() -> None:
    for name in RESOURCES:
        assert (resources_dir() / name).is_file(), name
    assert resources_dir() / "fonts" / "wqy-microhei.ttc" == FONT_FILE


@pytest.mark.slow
def test_a_wheel_of_a_clean_copy_carries_the_resources_and_every_module(
    clean_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "wheel"
    run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, ".", cwd=clean_copy
    )

    (wheel,) = out.glob("spa_pos-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in RESOURCES:
        assert f"spa_pos/resources/{name}" in names, name
    assert "spa_pos/resources/__init__.py" in names
    modules = {p.relative_to(clean_copy).as_posix() for p in (clean_copy / "spa_pos").rglob("*.py")}
    assert modules - names == set()  # the package list in pyproject.toml is complete


@pytest.mark.slow
def test_the_sdist_carries_the_resources(clean_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "sdist"
    build = f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})"
    run(sys.executable, "-c", build, cwd=clean_copy)

    (sdist,) = out.glob("spa-pos-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for name in (*RESOURCES, "__init__.py"):
        assert f"resources/{name}" in names, name


@pytest.mark.slow
def test_an_editable_install_reads_the_resources_from_the_checkout(
    clean_copy: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "--quiet", "--no-deps", "--editable", ".", cwd=clean_copy)

    where = subprocess.run(
        [python, "-c", "import importlib.resources as r; print(r.files('spa_pos.resources'))"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    assert Path(where) == clean_copy / "resources"


def test_starting_without_the_font_logs_a_warning(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    missing = tmp_path / "fonts" / "wqy-microhei.ttc"
    font_before = app.font()

    with caplog.at_level(logging.WARNING, logger="spa_pos.ui"):
        use_bundled_font(app, missing)

    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert str(missing) in message and "boxes" in message and "\n" not in message
    assert app.font() == font_before


def test_starting_with_the_font_logs_nothing_and_uses_it(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    with caplog.at_level(logging.WARNING, logger="spa_pos.ui"):
        use_bundled_font(app)

    assert caplog.records == []
    assert "WenQuanYi" in app.font().family()
