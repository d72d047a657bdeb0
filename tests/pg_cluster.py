"""The throwaway PostgreSQL cluster of `pytest --engine=postgresql`: the benchmarks start
the same one (`bench/pg_server.py`), so it lives there."""

from bench.pg_server import Cluster

__all__ = ["Cluster"]
