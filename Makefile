# The two commands of the README: `make run` and `make test`.
.PHONY: run test setup lint bench screenshots

setup:
	@bash installer/bootstrap.sh

run: setup
	.venv/bin/spa-pos

test: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q

lint: setup
	.venv/bin/ruff check . && .venv/bin/mypy

bench: setup
	.venv/bin/python -m bench.run
