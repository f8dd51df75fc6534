"""Alembic environment: runs on the connection `yusuan.store.db` hands over (no alembic.ini).
The alembic command line works too, with `sqlalchemy.url` (or YUSUAN_DATABASE_URL) set."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from yusuan.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from yusuan.store.db import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("yusuan migrations run online only (they need the database's dialect)")
run()
