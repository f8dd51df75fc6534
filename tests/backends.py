"""The database backends every store and web test runs on: SQLite always, PostgreSQL when
`YUSUAN_TEST_POSTGRES_URL` names a server (`bash .ci/run` starts a throwaway cluster)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from yusuan.store import db

PG_ENV = "YUSUAN_TEST_POSTGRES_URL"
PG_SKIP = f"{PG_ENV} not set (bash .ci/run starts a throwaway cluster)"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=PG_SKIP),
    ),
]


def fresh_postgres(prefix: str) -> URL:
    """A new empty database on the test server, named `prefix_<random>`."""
    admin = db.database_url(os.environ[PG_ENV])
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin.set(database=name)
