"""The structure of a clinic's database on a PostgreSQL server, compared with the one the
migrations create: `schema.py`'s check for the server's restore.

A dump is a script: besides the clinic's rows it may bring a trigger, a rule, a function,
a column dropped or a constraint left out, and nothing that counts rows would notice. So
before a restore commits, every object of the restored schema (tables and views with
their columns, constraints, indexes, triggers, rules, functions, sequences, types) is
compared by the definition the server itself prints for it (`pg_get_constraintdef`,
`pg_get_indexdef`, `pg_get_triggerdef`…) with what the migrations build for the dump's
revision. The reference is built in the same transaction, in a schema of its own
(`REFERENCE`), and dropped with it: nothing of it outlives the restore, and a role that
may not create databases can still restore.
"""

from __future__ import annotations

from sqlalchemy import Connection

from spa_pos.services.backup.schema import Entry, Schema, check_schema_matches

REFERENCE = "spa_pos_reference"  # where the migrations build the expected schema

# (kind, SQL giving (name, table, definition) of each object of the schema `%(ns)s` names)
_OBJECTS = (
    (
        "relation",
        "SELECT c.relname, c.relname, c.relkind::text FROM pg_class c"
        " WHERE c.relnamespace = %(ns)s AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')",
    ),
    (
        "view",
        "SELECT c.relname, c.relname, pg_get_viewdef(c.oid) FROM pg_class c"
        " WHERE c.relnamespace = %(ns)s AND c.relkind IN ('v', 'm')",
    ),
    (
        "constraint",
        "SELECT k.conname || ' on ' || c.relname, c.relname, pg_get_constraintdef(k.oid)"
        " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
        " WHERE k.connamespace = %(ns)s",
    ),
    (
        "index",
        "SELECT i.relname, c.relname, pg_get_indexdef(i.oid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
        " WHERE c.relnamespace = %(ns)s",
    ),
    (
        "trigger",
        "SELECT t.tgname || ' on ' || c.relname, c.relname, pg_get_triggerdef(t.oid)"
        " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE c.relnamespace = %(ns)s AND NOT t.tgisinternal",
    ),
    (
        "rule",
        "SELECT r.rulename || ' on ' || c.relname, c.relname, pg_get_ruledef(r.oid)"
        " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class"
        " WHERE c.relnamespace = %(ns)s AND r.rulename <> '_RETURN'",
    ),
    (
        "function",
        "SELECT p.oid::regprocedure::text, '', CASE WHEN p.prokind IN ('f', 'p')"
        " THEN pg_get_functiondef(p.oid) ELSE p.prokind::text END"
        " FROM pg_proc p WHERE p.pronamespace = %(ns)s",
    ),
    (
        "type",
        "SELECT t.typname, '', t.typtype::text || ' ' || format_type(t.typbasetype, t.typtypmod)"
        " || ' ' || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
        " FROM pg_enum e WHERE e.enumtypid = t.oid), '')"
        " FROM pg_type t WHERE t.typnamespace = %(ns)s AND t.typtype IN ('e', 'd')",
    ),
)

_COLUMNS = (
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE c.relnamespace = %(ns)s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
    " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
)


def read_schema(conn: Connection, schema: str) -> Schema:
    """Every object of `schema`, each by the definition the server prints for it, with
    the schema's own name taken out (the reference lives under another name). Columns are
    compared in order, not by number: a column a migration dropped leaves a gap a dump's
    table does not have."""
    ns = conn.exec_driver_sql(
        "SELECT oid FROM pg_namespace WHERE nspname = %(name)s", {"name": schema}
    ).scalar_one()
    conn.exec_driver_sql(f'SET LOCAL search_path TO "{schema}"')  # names print unqualified
    try:
        columns: dict[str, list[tuple[object, ...]]] = {}
        for table, *column in conn.exec_driver_sql(_COLUMNS, {"ns": ns}):
            found = columns.setdefault(str(table), [])
            found.append(
                (len(found), *(_plain(v, schema) if isinstance(v, str) else v for v in column))
            )
        read: Schema = {}
        for kind, sql in _OBJECTS:
            for name, table, definition in conn.exec_driver_sql(sql, {"ns": ns}):
                entry = Entry(
                    kind,
                    str(name),
                    str(table),
                    _plain(str(definition), schema),
                    tuple(columns.get(str(name), ())) if kind == "relation" else (),
                )
                read[(kind, entry.name)] = entry
        return read
    finally:
        conn.exec_driver_sql("SET LOCAL search_path TO DEFAULT")


def _plain(value: str, schema: str) -> str:
    """`value` with `schema.` / `"schema".` qualifications taken out of a definition."""
    return value.replace(f'"{schema}".', "").replace(f"{schema}.", "")


def check_restored(conn: Connection, url: str, schema: str, revision: str) -> None:
    """Refuse (`backup.schema_tampered`) the restored `schema` unless it is exactly what
    the migrations build for `revision`; inside the restore's transaction on `conn`."""
    from spa_pos.db import Database  # the migrations: only when a restore needs them

    found = read_schema(conn, schema)
    conn.exec_driver_sql(f'CREATE SCHEMA "{REFERENCE}"')
    conn.exec_driver_sql(f'SET LOCAL search_path TO "{REFERENCE}"')
    db = Database(url)
    try:
        db.migrate(revision, connection=conn)
    finally:
        db.dispose()
    _as_dumped(conn, REFERENCE)
    expected = read_schema(conn, REFERENCE)
    conn.exec_driver_sql(f'DROP SCHEMA "{REFERENCE}" CASCADE')
    check_schema_matches(found, expected, revision)


def _as_dumped(conn: Connection, schema: str) -> None:
    """Make each CHECK constraint of `schema` again from its printed definition, as a
    dump's script does: the server prints a parsed CHECK otherwise than it was written (an
    IN list of `varchar` values gains casts), and prints it the same once parsed again."""
    checks = conn.exec_driver_sql(
        "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
        " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace"
        " WHERE n.nspname = %(name)s AND k.contype = 'c'",
        {"name": schema},
    ).all()
    for table, name, definition in checks:
        conn.exec_driver_sql(
            f'ALTER TABLE "{schema}"."{table}" DROP CONSTRAINT "{name}",'
            f' ADD CONSTRAINT "{name}" {definition}'.replace("%", "%%")
        )
