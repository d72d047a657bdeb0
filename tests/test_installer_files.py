"""The Windows installer script and its CI workflow, held to each other and to the bundle
the PyInstaller spec makes (`dist/spa-pos/spa-pos.exe`, the windowed till, and
`spa-pos-cli.exe`, the commands): they cannot run on this machine, so what can be checked
here is checked here."""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from platformdirs.windows import Windows

from spa_pos import paths

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installer" / "spa-pos.iss"
SPEC = ROOT / "installer" / "spa-pos.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
BUNDLE_EXE = "dist/spa-pos/spa-pos.exe"  # what installer/spa-pos.spec produces
BUNDLE_CLI = "dist/spa-pos/spa-pos-cli.exe"


@dataclass
class _Built:
    """What the spec asked PyInstaller to build: its executables and the folder."""

    exes: list[dict[str, Any]] = field(default_factory=list)
    folder: str = ""
    collected: list[Any] = field(default_factory=list)


def _run_spec(
    platform: str, monkeypatch: pytest.MonkeyPatch, hooked: list[tuple[str, str, str]] | None = None
) -> _Built:
    """Evaluate installer/spa-pos.spec as PyInstaller would on `platform`, with PyInstaller's
    build steps recording what they are given (PyInstaller is not installed here).
    `hooked`: the data entries (bundle name, source, kind) PyInstaller's hooks would add."""
    built = _Built()
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name]  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda name: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)

    def exe(*parts: Any, **options: Any) -> dict[str, Any]:
        built.exes.append(options)
        return options

    def collect(*parts: Any, name: str, **_: Any) -> None:
        built.folder, built.collected = name, list(parts)

    analysis = types.SimpleNamespace(binaries=[], datas=list(hooked or []), scripts=[], pure=[])
    spec_globals = {
        "__name__": "__spec__",
        "SPECPATH": str(SPEC.parent),
        "Analysis": lambda *a, **k: analysis,
        "PYZ": lambda *a, **k: object(),
        "EXE": exe,
        "COLLECT": collect,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    return built


def test_on_windows_the_till_is_windowed_and_the_commands_have_a_console_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _run_spec("win32", monkeypatch)
    consoles = {e["name"]: e["console"] for e in built.exes}
    # No console window behind the till; the commands print to the console they run in.
    assert consoles == {"spa-pos": False, "spa-pos-cli": True}
    assert built.folder == "spa-pos"  # one folder, both programs in it
    assert all(e in built.collected for e in built.exes)
    for exe in (BUNDLE_EXE, BUNDLE_CLI):
        folder, name = PureWindowsPath(exe).parts[-2:]
        assert folder == built.folder and name.removesuffix(".exe") in consoles


def test_elsewhere_one_spa_pos_does_both_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _run_spec("linux", monkeypatch)
    assert [(e["name"], e["console"]) for e in built.exes] == [("spa-pos", True)]
    assert built.folder == "spa-pos"


def test_qts_own_translations_stay_in_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """PySide6's hooks bring Qt's translations (qtbase_*.qm): the spec's trimming keeps them,
    or Qt's dialogs (file pickers, message box buttons) would be half English in Chinese."""
    qt = "PySide6/Qt/translations"
    entries = [(f"{qt}/{name}", f"/wheel/{qt}/{name}", "DATA") for name in ("qtbase_zh_CN.qm",)]
    unused = ("PySide6/Qt/lib/libQt6Qml.so.6", "/wheel/libQt6Qml.so.6", "DATA")
    built = _run_spec("linux", monkeypatch, [*entries, unused])
    datas = built.collected[-1]
    assert all(entry in datas for entry in entries)
    assert unused not in datas  # the trimming itself still works


def _sections(text: str) -> dict[str, list[str]]:
    """The .iss file's sections and their lines (comments and blanks left out)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))


def _setup(sections: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections["Setup"])


def test_the_installer_is_per_user_needs_no_administrator_and_has_both_languages() -> None:
    sections = _sections(ISS.read_text(encoding="utf-8"))
    setup = _setup(sections)
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # the user's Programs folder then
    languages = " ".join(sections["Languages"])
    assert "ChineseSimplified.isl" in languages and "Default.isl" in languages
    assert (ISS.parent / setup["SetupIconFile"]).is_file()


def test_start_menu_and_desktop_shortcuts_open_the_bundles_windowed_till(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = ISS.read_text(encoding="utf-8")
    defines, sections = _defines(text), _sections(text)
    icons = sections["Icons"]
    assert any(line.startswith('Name: "{autoprograms}') for line in icons)
    assert any(
        line.startswith('Name: "{autodesktop}') and "Tasks: desktopicon" in line for line in icons
    )
    assert all('Filename: "{app}\\{#AppExe}"' in line for line in icons)
    # The files come from the folder the spec makes, the shortcut opens its executable.
    bundle = PureWindowsPath(ISS.parent.name, defines["BundleDir"], defines["AppExe"])
    assert Path(*bundle.parts).resolve() == (ROOT / BUNDLE_EXE).resolve()
    windowed = [e["name"] for e in _run_spec("win32", monkeypatch).exes if not e["console"]]
    assert [f"{name}.exe" for name in windowed] == [defines["AppExe"]]
    assert all("{#AppExe}" in line for line in sections["Run"])  # "open the till now" too


def test_the_uninstaller_keeps_the_clinics_data(monkeypatch: pytest.MonkeyPatch) -> None:
    sections = _sections(ISS.read_text(encoding="utf-8"))
    assert "UninstallDelete" not in sections  # it removes only what it installed
    # The data folder (platformdirs on Windows, as spa_pos.paths asks it) is not inside
    # the program's folder ({autopf} of a per-user install: LOCALAPPDATA\Programs).
    local = "C:\\Users\\张三\\AppData\\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    data = PureWindowsPath(Windows(paths.APP_NAME, appauthor=False).user_data_dir)
    program = PureWindowsPath(local, "Programs", paths.APP_NAME)
    assert data == PureWindowsPath(local, paths.APP_NAME)
    assert program not in data.parents and data not in program.parents and data != program


def test_the_workflow_builds_the_bundle_and_installer_and_runs_the_tests_on_windows() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    setup = _setup(_sections(ISS.read_text(encoding="utf-8")))
    assert "runs-on: windows-latest" in workflow
    assert "python -m pytest" in workflow
    assert "pyinstaller --noconfirm --clean installer/spa-pos.spec" in workflow
    assert PureWindowsPath(BUNDLE_EXE).as_posix() in workflow.replace("\\", "/")
    assert PureWindowsPath(BUNDLE_CLI).as_posix() in workflow.replace("\\", "/")
    # The commands run through the console program: the windowed one prints nothing and
    # PowerShell does not wait for it.
    commands = [
        ln for ln in workflow.splitlines() if " --json" in ln and ln.strip().startswith("&")
    ]
    assert commands and all("spa-pos-cli.exe" in ln or "$exe " in ln for ln in commands)
    assert '$exe = "dist\\spa-pos\\spa-pos-cli.exe"' in workflow
    assert "installer\\spa-pos.iss" in workflow
    # The installer the workflow uploads is the one the script names.
    name = setup["OutputBaseFilename"].replace("{#AppName}", "spa-pos")
    name = name.replace("{#AppVersion}", "${{ steps.version.outputs.version }}")
    assert f"dist\\{name}.exe" in workflow
    assert setup["OutputDir"] == "..\\dist"
