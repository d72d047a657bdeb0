"""A hypothesis fuzz of the whole command line: every subcommand of the real parser with
its real options, given adversarial values (huge numbers, other scripts' digits, control
characters, undecodable bytes, far dates, empty strings, paths into missing folders or
at text files). Every run exits 0 or 2 -- never 1, the internal error -- and a refusal
(2) writes nothing. Then the inputs the hardening issue found, one test each."""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spa_pos import paths, server
from spa_pos.cli import build_parser, run
from spa_pos.db import Database
from spa_pos.services import dayclose
from spa_pos.services.context import Ctx

pytestmark = pytest.mark.sqlite_only("fuzzes the commands on a SQLite file and digests the file")

COMMON = {"--db", "--json", "-h", "--help"}


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, sub in action.choices.items():
            yield from _leaves(sub, (*path, name))


COMMANDS = sorted(_leaves(build_parser()), key=lambda leaf: leaf[0])


def digest(db: Path) -> str:
    """Every row of every table, hashed: equal digests, nothing written."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        h = hashlib.sha256()
        for table in sorted(tables):
            for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))):
                h.update(f"{table}:{row}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()
    finally:
        conn.close()


class Clinic:
    """A database with the demo catalog, a member with points and a sale, and the files
    the fuzz points at: a text file and a path into a folder that does not exist."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root, self.capsys = root, capsys
        self.db = root / "clinic.sqlite3"
        self.text_file = root / "notes.txt"
        self.text_file.write_text("not a database\n", encoding="utf-8")
        self.missing = root / "no-such-folder" / "file.pdf"
        assert self("init")[0] == 0 and self("demo")[0] == 0
        out = self("member", "add", "--name", "张三", "--phone", "13800000001")[1]
        self.card = json.loads(out)["card_no"]
        out = self("sell", "--member", "13800000001", "--item", "ZJTN", "--pay", "cash:400")[1]
        self.sale = json.loads(out)["sale_no"]

    def __call__(self, *argv: str, db: str | None = None) -> tuple[int, str]:
        """`spa-pos ARGV --db DB --json`: (exit status, stdout); stderr in `self.err`.
        Exit 1, the internal error, fails the test at once."""
        self.capsys.readouterr()
        try:
            code = run([*argv, "--db", db or str(self.db), "--json"])
        except SystemExit as exc:  # argparse's refusal
            code = int(str(exc.code))
        out, self.err = self.capsys.readouterr()
        if code == 1:
            pytest.fail(f"exit 1 for {argv!r} (db {db}): {self.err}")
        return code, out


@pytest.fixture
def clinic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Clinic:
    monkeypatch.chdir(tmp_path)  # relative paths the fuzz makes up land here
    return Clinic(tmp_path, capsys)


ADVERSARIAL = [
    "",
    " ",
    str(2**63),
    str(-(2**63)),
    "9223372036854775000",
    "99999999999999999999999",
    "-1",
    "0",
    "+50",
    "²",
    "３",
    "٣٩٨",
    "ZJTN:²",
    "ZJTN:99999999999999999999",
    "cash:90000000000000000",
    "cash:3,9,8",
    "cash:٣",
    "wechat:-5",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2026-02-30",
    "\x1bp\x19drawer",
    "\u202eevil",
    "\u200b",
    "line\nbreak",
    "\udcff\udcfe",
    "名\udc80",
]


def values(c: Clinic) -> st.SearchStrategy[str]:
    plausible = [
        "ZJTN",
        "zjtn:2",
        "ZJTN10",
        "cash:400",
        "card:398",
        "13800000001",
        c.card,
        c.sale,
        c.sale.lower(),
        "R-Q10",
        "2026-03-10",
        "2026-03-10T10:00",
        "1",
        "80",
        "张三",
        "F",
        str(c.missing),
        str(c.text_file),
        str(c.root / "out.pdf"),
        str(c.root),
    ]
    # Surrogates come from ADVERSARIAL; NUL cannot be in a real command line.
    text = st.text(st.characters(codec="utf-8", blacklist_characters="\x00"))
    return st.one_of(st.sampled_from(ADVERSARIAL + plausible), text)


@st.composite
def command_lines(draw: st.DrawFn, c: Clinic) -> tuple[list[str], str | None]:
    """A subcommand with every positional, some of its options, each given a valid choice
    or an adversarial value; and the clinic's --db, or a missing folder, or a text file."""
    path, parser = draw(st.sampled_from(COMMANDS))
    argv = list(path)
    value = values(c)

    def one(action: argparse.Action) -> str:
        choices = [str(choice) for choice in action.choices or []]
        pick_a_choice: bool = draw(st.booleans())
        if choices and pick_a_choice:
            return draw(st.sampled_from(choices))
        return draw(value)

    for action in parser._actions:
        if set(action.option_strings) & COMMON:
            continue
        if not action.option_strings:  # a positional: always given
            argv.append(one(action))
        elif action.required or draw(st.booleans()):
            option = action.option_strings[-1]
            if action.nargs == 0:  # a flag
                argv.append(option)
                continue
            repeat = isinstance(action, argparse._AppendAction)
            for _ in range(draw(st.integers(1, 2)) if repeat else 1):
                argv += [option, one(action)]
    db = draw(st.sampled_from([None] * 8 + [str(c.missing), str(c.text_file)]))
    return argv, db


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_command_exits_0_or_2_and_a_refusal_writes_nothing(
    clinic: Clinic, data: st.DataObject
) -> None:
    argv, db = data.draw(command_lines(clinic))
    text_before = clinic.text_file.read_bytes()
    before = digest(clinic.db)
    code, out = clinic(*argv, db=db)
    assert code in (0, 2), argv
    if code == 0 and argv[0] == "close-day":  # reopen it, or every later write is refused
        ctx = Ctx(Database(f"sqlite:///{clinic.db}"))
        dayclose.reopen_day(ctx, date.fromisoformat(json.loads(out)["date"]))
        ctx.db.dispose()
        return
    if code == 2:
        assert digest(clinic.db) == before, f"refused {argv!r} but wrote"
        assert clinic.text_file.read_bytes() == text_before
    assert not clinic.missing.parent.exists(), f"{argv!r} made a folder"


# --- the inputs the issue found --------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["sell", "--item", "ZJTN:²", "--pay", "cash:400"],
        ["sell", "--item", "ZJTN", "--pay", "cash:3,9,8"],
        ["sell", "--item", "ZJTN", "--pay", "cash:90000000000000000"],
        ["sell", "--item", "ZJTN", "--pay", f"cash:{2**63}"],
        ["sell", "--item", "ZJTN", "--pay", "cash:400", "--at", "0001-01-01"],
        ["sell", "--item", "ZJTN", "--pay", "cash:400", "--at", "9999-12-31"],
        ["points", "adjust", "13800000001", "9223372036854775000", "--reason", "x"],
        ["close-day", "--date", "0001-01-01"],
        ["close-day", "--date", "9999-12-31"],
        ["close-day", "--counted-cash", str(2**63)],
        ["event", "attend", str(2**63), "13800000001"],
        ["refund", "S1", "--line", str(2**63)],
        ["jobs", "run", "expiry", "--at", "9999-12-31"],
        ["member", "add", "--name", "名\udc80", "--phone", "13800000002"],
        ["member", "add", "--name", "李四", "--phone", "13800000002", "--at", "2099-01-01"],
        ["member", "add", "--name", "李四", "--phone", "13800000002", "--birthday", "0001-01-01"],
        ["receipt", "S1", "--pdf", "no-such-folder/r.pdf"],
        ["receipt", "S1", "--pdf", ""],
        ["voucher", "pdf", "X", "--pdf", "."],
        ["restore", ""],
    ],
)
def test_the_inputs_that_crashed_are_refused(clinic: Clinic, argv: list[str]) -> None:
    before = digest(clinic.db)
    assert clinic(*argv)[0] == 2
    assert digest(clinic.db) == before


def test_a_receipt_into_a_missing_folder_names_it(clinic: Clinic) -> None:
    assert clinic("receipt", clinic.sale, "--pdf", str(clinic.missing))[0] == 2
    assert str(clinic.missing.parent) in clinic.err
    assert not clinic.missing.parent.exists()


def test_db_in_a_missing_folder_creates_nothing(clinic: Clinic) -> None:
    assert clinic("init", db=str(clinic.missing))[0] == 2
    assert not clinic.missing.parent.exists()


def test_the_apps_own_data_folder_is_made_on_first_use() -> None:
    """The one folder made on the way: the app's data folder (under the test's home)."""
    assert not paths.data_dir().exists()
    assert server.resolve_db(None) == f"sqlite:///{paths.default_db_path().resolve()}"
    assert paths.data_dir().is_dir()


def test_db_at_a_text_file_is_refused_and_left_alone(clinic: Clinic) -> None:
    for argv in (["init"], ["member", "find", "张"], ["close-day"]):
        assert clinic(*argv, db=str(clinic.text_file))[0] == 2
    assert clinic.text_file.read_text(encoding="utf-8") == "not a database\n"


def test_an_invalid_stored_time_zone_reads_as_the_default(clinic: Clinic) -> None:
    conn = sqlite3.connect(clinic.db)
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('timezone', '\"Mars/Olympus\"')"
        )
    conn.close()
    code, out = clinic("sell", "--item", "ZYB", "--pay", "cash:39", "--at", "2026-11-01T10:00")
    assert code == 0, out


def test_sale_numbers_are_case_insensitive(clinic: Clinic) -> None:
    code, out = clinic("refund", clinic.sale.lower())
    assert code == 0
    assert json.loads(out)["refunded_fen"] == 39800


def test_an_argparse_error_is_one_line(clinic: Clinic) -> None:
    for argv in (["refund", "S1", "--line", "two"], ["sell", "--bogus"], ["no-such-command"]):
        assert clinic(*argv)[0] == 2
        assert clinic.err.count("\n") == 1 and ": error: " in clinic.err, clinic.err
