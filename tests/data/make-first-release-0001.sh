#!/bin/bash
# Builds first-release-0001.db with the code of commit c7cc163 (schema 0001).
set -e
export PYTHONPATH=${OLD:?checkout of the commit} XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) QT_QPA_PLATFORM=offscreen
P() { /work/main/.venv/bin/python -c "import sys; from spa_pos.cli import run; sys.exit(run(sys.argv[1:]))" --db "sqlite:///$PWD/first-release-0001.db" "$@"; }
P init
P demo
P member add --name 王芳 --phone 13800000001 --birthday 1980-05-06 --gender F --at 2026-01-05T10:00
P member add --name 李强 --phone 13800000002 --gender M --referrer 13800000001 --at 2026-01-06T10:00
P member add --name 张敏 --phone 13800000003 --no-consent --at 2026-01-07T10:00
P sell --member 13800000001 --item ZJTN --item ZYB:2 --pay wechat:476 --at 2026-01-10T10:00
P sell --member 13800000002 --item ZJTN10 --pay card:3580 --at 2026-01-10T11:00
P sell --item AJ --pay cash:200 --at 2026-01-10T12:00
P use-course --member 13800000002 --item ZJTN --at 2026-01-11T10:00
P use-course --member 13800000002 --item ZJTN --at 2026-01-12T10:00
P redeem 13800000001 R-Q10 --at 2026-01-12T11:00
P redeem 13800000002 R-TBAM --at 2026-01-12T11:05
P points adjust 13800000003 +50 --reason 开业赠送
P sell --member 13800000003 --item YY --pay alipay:238 --at 2026-01-12T12:00
