#!/usr/bin/env bash
# `make dist`: the one-folder bundle DIST/spa-pos/ from installer/spa-pos.spec, the per-user
# install script and menu entry beside its executable, and the .deb built from it.
#   PYTHON=.venv/bin/python installer/build.sh [DIST [WORK]]
# (tests/test_bundle.py runs it into a temporary folder.)
set -euo pipefail
cd "$(dirname "$0")/.."

py=${PYTHON:-.venv/bin/python}
dist=${1:-dist}
work=${2:-build/pyinstaller}
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" installer/spa-pos.spec
cp installer/install.sh installer/spa-pos.desktop "$dist/spa-pos/"
bash installer/build-deb.sh "$dist/spa-pos" "$dist"
