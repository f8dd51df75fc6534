"""Alembic: the migrations build exactly the schema the models declare, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from yusuan.store import db, service
from yusuan.store import tables as t

from .conftest import Doc, row_counts


def schema_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, t.Base.metadata))


def test_upgrade_empty_database_to_head(empty_engine: Engine) -> None:
    assert schema_tables(empty_engine) == set()
    assert db.current_revision(empty_engine) is None
    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) == db.head_revision()
    assert schema_tables(empty_engine) == set(t.Base.metadata.tables)
    assert differences(empty_engine) == []


def test_every_revision_steps_up_and_down(empty_engine: Engine) -> None:
    """Upgrade one revision at a time, then downgrade one at a time to an empty database."""
    script = ScriptDirectory.from_config(db.alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert revisions[0] == "0001"
    for revision in revisions:
        db.upgrade(empty_engine, revision)
        assert db.current_revision(empty_engine) == revision
    assert differences(empty_engine) == []
    for _ in revisions:
        db.downgrade(empty_engine, "-1")
    assert schema_tables(empty_engine) == set()
    db.upgrade(empty_engine)
    assert differences(empty_engine) == []


def test_upgrading_an_existing_database_keeps_its_data(
    empty_engine: Engine, store_seed: Doc
) -> None:
    db.upgrade(empty_engine)
    sessions = db.make_sessionmaker(empty_engine)
    with sessions() as session:
        did = service.import_disclosure(
            session, store_seed.disclosure, data=store_seed.data
        ).disclosure_id
        before = row_counts(session)
    db.upgrade(empty_engine)  # already at head: nothing to do, nothing lost
    with sessions() as session:
        assert row_counts(session) == before
        assert service.export(session, did) == store_seed.disclosure


def test_open_database_migrates(empty_url: URL) -> None:
    sessions = db.open_database(empty_url)
    with sessions() as session:
        assert set(row_counts(session).values()) == {0}
    engine = sessions.kw["bind"]
    assert db.current_revision(engine) == db.head_revision()


# --------------------------------------------------------------------------------------------
# Where the database is


def test_default_sqlite_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    assert db.default_sqlite_path() == tmp_path / "home" / "yusuan.sqlite3"
    monkeypatch.delenv("YUSUAN_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert db.default_sqlite_path() == tmp_path / "xdg" / "yusuan" / "yusuan.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    expected = tmp_path / "user" / ".local" / "share" / "yusuan" / "yusuan.sqlite3"
    assert db.default_sqlite_path() == expected
    # Created on first use, with its folder.
    url = db.database_url()
    assert url.get_backend_name() == "sqlite" and db.describe(url) == str(expected)
    db.open_database()
    assert expected.is_file()


def test_database_url_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YUSUAN_DATABASE_URL", "postgres://u:secret@db.example/yusuan")
    url = db.database_url()
    assert url.drivername == "postgresql+psycopg" and url.database == "yusuan"
    assert "secret" not in db.describe(url)
    assert db.database_url("sqlite:////tmp/x.sqlite3").database == "/tmp/x.sqlite3"
    assert db.database_url("postgresql://h/d").drivername == "postgresql+psycopg"


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'a' / 'b.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()
