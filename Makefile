# The two commands of the README: `make run` and `make test`. CI runs `make lint` too.
.PHONY: run test test-postgresql setup lint bench screenshots dist

setup:
	@bash installer/bootstrap.sh

run: setup
	.venv/bin/spa-pos

test: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -n auto

# The service and CLI tests again on PostgreSQL (several tills): a throwaway cluster of the
# `postgresql` package's binaries, in a temporary folder, on a unix socket (tests/pg_cluster.py).
test-postgresql: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -n auto --engine=postgresql tests/services tests/test_cli*.py tests/test_migrations.py

# ruff and mypy (strict; what it checks is in pyproject.toml), as the pre-commit hooks run them.
lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m bench.run

# The one-folder bundle dist/spa-pos/ (PyInstaller, installer/spa-pos.spec), with the per-user
# install script and menu entry beside it, and the .deb built from it. PyInstaller (the
# `dist` extra) is installed on first use. VENV=DIR builds with another virtualenv.
VENV ?= .venv
dist: $(if $(filter .venv,$(VENV)),setup)
	$(VENV)/bin/python -c "import PyInstaller" 2>/dev/null || $(VENV)/bin/pip install -q -e ".[dist]"
	PYTHON=$(VENV)/bin/python bash installer/build.sh dist build/pyinstaller
