"""Store fixtures: every test runs on SQLite (a temp file) and on PostgreSQL.

PostgreSQL needs `YUSUAN_TEST_POSTGRES_URL` (`bash .ci/run` starts a throwaway cluster and sets
it); without it the PostgreSQL variants are skipped. Each test gets a database of its own: a
copy of a template migrated once per session (a file copy for SQLite, CREATE DATABASE …
TEMPLATE for PostgreSQL), so that no test sees another's rows.

- `url`: a fresh, migrated database; `engine`, `session` (`Session`) on it
- `empty_url` / `empty_engine`: a fresh database with no schema at all (Alembic tests)
- `backend`: "sqlite" or "postgresql"
- `store_seed` (session): the seed read from the package data, with its bytes
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

import yusuan
from backends import BACKENDS, PG_ENV
from derive import SEED_NAME, load_seed_bytes
from yusuan.store import db
from yusuan.store import tables as t


@dataclass
class Doc:
    """A disclosure and the bytes it was read from."""

    disclosure: Any
    data: bytes
    name: str = SEED_NAME


@pytest.fixture(scope="session")
def store_seed() -> Doc:
    data = load_seed_bytes()
    return Doc(yusuan.read(data, name=SEED_NAME), data)


# --------------------------------------------------------------------------------------------
# Databases


class Factory:
    """Makes fresh databases of one backend; removes them at the end of the session."""

    def __init__(self, backend: str, tmp: Path) -> None:
        self.backend = backend
        self.tmp = tmp
        self.created: list[URL] = []
        self._template: URL | None = None
        if backend == "postgresql":
            self.admin = db.database_url(os.environ[PG_ENV])
            self.admin_engine = create_engine(self.admin, isolation_level="AUTOCOMMIT")

    def _new(self, template: str = "template0") -> URL:
        name = f"t_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            url = make_url(f"sqlite:///{self.tmp / (name + '.sqlite3')}")
        else:
            with self.admin_engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            url = self.admin.set(database=name)
        self.created.append(url)
        return url

    def empty(self) -> URL:
        return self._new()

    def migrated(self) -> URL:
        if self._template is None:
            self._template = self._new()
            engine = db.make_engine(self._template)
            db.upgrade(engine)
            engine.dispose()
        if self.backend == "sqlite":
            url = self._new()
            assert self._template.database and url.database
            shutil.copyfile(self._template.database, url.database)
            return url
        return self._new(template=self._template.database or "")

    def close(self) -> None:
        if self.backend == "postgresql":
            with self.admin_engine.connect() as conn:
                for url in self.created:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
            self.admin_engine.dispose()


@pytest.fixture(scope="session")
def factories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Factory]]:
    made: dict[str, Factory] = {}
    yield made
    for factory in made.values():
        factory.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def factory(
    backend: str, factories: dict[str, Factory], tmp_path_factory: pytest.TempPathFactory
) -> Factory:
    if backend not in factories:
        factories[backend] = Factory(backend, tmp_path_factory.mktemp(f"store-{backend}"))
    return factories[backend]


@pytest.fixture
def url(factory: Factory) -> URL:
    return factory.migrated()


@pytest.fixture
def engine(url: URL) -> Iterator[Engine]:
    engine = db.make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with db.make_sessionmaker(engine)() as session:
        yield session


@pytest.fixture
def empty_url(factory: Factory) -> URL:
    return factory.empty()


@pytest.fixture
def empty_engine(empty_url: URL) -> Iterator[Engine]:
    engine = db.make_engine(empty_url)
    yield engine
    engine.dispose()


@pytest.fixture
def extra_findings(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Imports store `documents.with_findings(check(d))`: findings of every shape, whatever
    rules exist. Returns the function that gives the report an import stores."""
    from yusuan.store import service

    from .documents import with_findings

    real = service.check

    def report(d: Any, config: Any = None) -> Any:
        return with_findings(real(d, config))

    monkeypatch.setattr(service, "check", report)
    return report


# --------------------------------------------------------------------------------------------
# Helpers


def row_counts(session: Session) -> dict[str, int]:
    """Rows in every table of the schema."""
    session.rollback()  # a fresh snapshot
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in t.Base.metadata.tables.items()
    }
