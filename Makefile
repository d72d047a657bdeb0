# The two commands of the README: `make run` and `make test`. CI runs `make lint` too.
.PHONY: run test setup lint bench screenshots

setup:
	@bash installer/bootstrap.sh

run: setup
	.venv/bin/spa-pos

test: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q

# ruff and mypy (strict; what it checks is in pyproject.toml), as the pre-commit hooks run them.
lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m bench.run
