"""The one-folder bundle (`make dist`: installer/build.sh, installer/spa-pos.spec) and the
.deb built from it, used as a clinic would use them.

Built once per run into a temporary folder, the bundle runs with a bare environment: no
PYTHONPATH or virtualenv, only HOME, PATH and the offscreen Qt platform, so the data goes
where it goes on a new till (~/.local/share/spa-pos). It creates the database, loads the
demo, sells, prints a receipt whose Chinese text is set in the font it carries (embedded in
the PDF: no system font needed), prints a voucher whose QR code decodes, and opens the
window until its background jobs have started.

The .deb is installed and removed with the real dpkg, but into a folder of its own
(`--instdir`/`--admindir`, dependencies not checked against that empty package database):
this machine's CI runs as root, but installing into its real / would touch a machine the
other jobs share. What the package does is the same: it unpacks its files, and removing it
takes exactly those away and leaves the clinic's data, which no package owns.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spa_pos.clock import SystemClock
from spa_pos.db import Database
from spa_pos.server import resolve_db
from spa_pos.services import clinic
from spa_pos.services.context import CLI_ACTOR, Ctx

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
DB = Path(".local/share/spa-pos/spa_pos.sqlite3")  # in the user's home
LOG = Path(".local/state/spa-pos/log/spa_pos.log")
WINDOW_TIMEOUT = 90.0


def run(args: list[str | Path], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def bare_env(home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    # A desktop session always has a UTF-8 locale; Qt says so on stderr without one.
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def set_up_clinic(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the first-run wizard does (its answers, in this process): without a manager PIN
    the window waits in the wizard. The same folders as the bundle's (HOME, no XDG_*)."""
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    ctx = Ctx(Database(resolve_db()), CLI_ACTOR, SystemClock())
    try:
        answers = clinic.SetUp("康宁理疗馆", "北京市", "010-12345678", "123456", load_demo=False)
        clinic.set_up(ctx, answers)
    finally:
        ctx.db.dispose()


OFFSCREEN_NOTE = b"This plugin does not support propagateSizeHints()"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="the `dist` extra (make test installs it)")
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "PYTHON": sys.executable}
    subprocess.run(
        ["bash", str(REPO / "installer" / "build.sh"), str(out), str(out / "work")],
        env=env,
        check=True,
        capture_output=True,
    )
    return out


def sell_and_print(exe: Path, env: dict[str, str], out: Path) -> dict[str, str]:
    """init, demo, a member, a sale, its receipt and a voucher, all by the bundle's commands;
    returns the sale number and the voucher code."""
    run([exe, "init"], env)
    run([exe, "demo"], env)
    run([exe, "member", "add", "--name", "张三", "--phone", "13800000002"], env)
    sale = json.loads(
        run(
            [
                exe,
                "sell",
                "--member",
                "13800000002",
                "--item",
                "ZJTN10",
                "--pay",
                "wechat:3580",
                "--json",
            ],
            env,
        )
    )
    run([exe, "receipt", sale["sale_no"], "--pdf", out / "receipt.pdf"], env)
    voucher = json.loads(run([exe, "redeem", "13800000002", "R-TBAM", "--json"], env))
    run([exe, "voucher", "pdf", voucher["voucher_code"], "--pdf", out / "voucher.pdf"], env)
    return {"sale_no": sale["sale_no"], "code": voucher["voucher_code"]}


def test_the_bundle_runs_every_part_of_the_app_with_a_bare_environment(
    dist: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exe = dist / "spa-pos" / "spa-pos"
    home = tmp_path / "home"
    env = bare_env(home)

    done = sell_and_print(exe, env, tmp_path)

    assert (home / DB).is_file()
    text = run(["pdftotext", "-layout", tmp_path / "receipt.pdf", "-"])
    assert done["sale_no"] in text and "针灸推拿十次疗程" in text and "积分" in text
    fonts = run(["pdffonts", tmp_path / "receipt.pdf"])
    assert "WenQuanYiMicroHei" in fonts and " yes " in fonts  # embedded: prints on any machine
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    run(["pdftoppm", "-r", "150", "-png", "-singlefile", tmp_path / "voucher.pdf", tmp_path / "v"])
    payloads = [b.text for b in zxingcpp.read_barcodes(Image.open(tmp_path / "v.png"))]
    assert len(payloads) == 1 and done["code"] in payloads[0]
    check = json.loads(run([exe, "voucher", "check", payloads[0], "--json"], env))
    assert check["valid"] is True
    run([exe, "audit", "verify"], env)
    set_up_clinic(home, monkeypatch)

    log = home / LOG
    with subprocess.Popen(
        [exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as window:
        try:
            deadline = time.monotonic() + WINDOW_TIMEOUT
            while not (log.is_file() and "background jobs started" in log.read_text("utf-8")):
                assert window.poll() is None, f"exit {window.returncode}"
                assert time.monotonic() < deadline, "the window did not become ready"
                time.sleep(0.2)
        finally:
            window.terminate()
            stderr = window.communicate(timeout=30)[1]
    # no Qt warning but the offscreen platform's own note that it has no window manager
    # to pass a maximized window's size hints to (a real screen has one)
    said = [line for line in stderr.splitlines() if line != OFFSCREEN_NOTE]
    assert said == []
    written = log.read_text("utf-8")
    assert "WARNING" not in written and "ERROR" not in written and "CRITICAL" not in written


def test_the_bundle_is_lean(dist: Path) -> None:
    inside = {p.name for p in (dist / "spa-pos").rglob("*")}
    for unused in ("libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6Network", "QtNetwork"):
        assert not any(name.startswith(unused) for name in inside), unused
    for needed in ("libqoffscreen.so", "libqxcb.so", "libqsvg.so", "wqy-microhei.ttc"):
        assert needed in inside, needed


def test_the_per_user_install_adds_a_menu_entry_and_its_removal_keeps_the_data(
    dist: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = bare_env(home)
    script = dist / "spa-pos" / "install.sh"

    run(["bash", script], env)

    command = home / ".local/bin/spa-pos"
    entry = home / ".local/share/applications/spa-pos.desktop"
    assert (home / ".local/share/icons/hicolor/scalable/apps/spa-pos.svg").is_file()
    exec_line = next(ln for ln in entry.read_text("utf-8").splitlines() if ln.startswith("Exec="))
    assert exec_line == f'Exec="{home}/.local/lib/spa-pos/spa-pos"'
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", entry])
    run([command, "init"], env)

    run(["bash", script, "--uninstall"], env)

    assert not (home / ".local/lib/spa-pos").exists()
    assert not command.is_symlink() and not entry.exists()
    assert (home / DB).is_file()


def dpkg(root: Path, *args: str | Path) -> str:
    return run(
        [
            "dpkg",
            f"--instdir={root}",
            f"--admindir={root}/var/lib/dpkg",
            f"--log={root}/dpkg.log",
            "--force-not-root",
            "--force-depends",
            *args,
        ]
    )


def test_the_deb_installs_runs_and_is_removed_leaving_the_data(dist: Path, tmp_path: Path) -> None:
    (deb,) = dist.glob("spa-pos_*.deb")
    info = run(["dpkg-deb", "--field", deb, "Package", "Depends"])
    assert info.startswith("Package: spa-pos") and "fonts-" not in info  # the font is inside
    root = tmp_path / "root"
    (root / "var/lib/dpkg/info").mkdir(parents=True)
    (root / "var/lib/dpkg/updates").mkdir()
    (root / "var/lib/dpkg/status").touch()

    dpkg(root, "--install", deb)

    assert "install ok installed" in dpkg(root, "--status", "spa-pos")
    assert os.readlink(root / "usr/bin/spa-pos") == "/opt/spa-pos/spa-pos"
    assert (root / "usr/share/applications/spa-pos.desktop").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/spa-pos.svg").is_file()
    home = tmp_path / "home"
    sell_and_print(root / "opt/spa-pos/spa-pos", bare_env(home), tmp_path)

    dpkg(root, "--purge", "spa-pos")

    assert not (root / "opt/spa-pos").exists()
    assert not (root / "usr/bin/spa-pos").is_symlink()
    assert not (root / "usr/share/applications/spa-pos.desktop").exists()
    with sqlite3.connect(home / DB) as db:
        assert db.execute("SELECT count(*) FROM sales").fetchone() == (1,)
