"""`spa-pos keys export --to FILE` and `spa-pos keys import FILE`: carry the clinic's
keyring to another till of the same clinic (`spa_pos.services.keyring_transfer`). The
passphrase that seals the file comes from `$SPA_POS_KEYS_PASSPHRASE` or is typed without
echo, never from an option (it would stay in the shell's history and the process list).
Registered on the main parser by `spa_pos.cli`; the service is imported when a command
runs."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from spa_pos.cli_common import Refused, add_command, add_group, output_file
from spa_pos.services.context import Ctx

PASSPHRASE_ENV = "SPA_POS_KEYS_PASSPHRASE"


def _passphrase() -> str:
    """From the environment, else typed at the terminal; with neither (a script, a service)
    the command is refused rather than reading the passphrase from stdin with echo on."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise Refused("cli.keys_passphrase_missing", name=PASSPHRASE_ENV)
    return getpass.getpass("密钥文件口令 / keys passphrase: ")


def cmd_keys_export(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import keyring_transfer

    path = output_file(args.to)
    keyring_transfer.export_file(ctx, _passphrase(), path)
    return {"file": str(path)}, f"已导出本店密钥到 {path}（用口令加密）"


def cmd_keys_import(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import keyring_transfer

    imported = keyring_transfer.import_file(ctx, Path(args.file), _passphrase())
    text = "已导入本店密钥" if imported else "本收银台已有这套密钥，未作改动"
    return {"imported": imported}, text


def register(sub: Any) -> None:
    group = add_group(sub, "keys", "the clinic's keyring, carried to another till")
    p = add_command(group, "export", cmd_keys_export, "write the keyring, sealed, to a file")
    p.add_argument("--to", required=True, metavar="FILE")
    p = add_command(group, "import", cmd_keys_import, "keep the keyring of a keys file here")
    p.add_argument("file", metavar="FILE")
