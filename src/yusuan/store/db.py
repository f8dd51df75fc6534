"""Where the database is, how to connect, and bringing its schema up to date.

The embedded default is a SQLite file created on first use; PostgreSQL (or another URL) comes
from `--database URL` or `YUSUAN_DATABASE_URL`. Every schema change is an Alembic migration,
run programmatically: no alembic.ini is needed at run time.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

ENV_URL = "YUSUAN_DATABASE_URL"
ENV_HOME = "YUSUAN_HOME"
FILE_NAME = "yusuan.sqlite3"


def default_sqlite_path() -> Path:
    """`$YUSUAN_HOME/yusuan.sqlite3`, else `$XDG_DATA_HOME/yusuan/yusuan.sqlite3`, else
    `~/.local/share/yusuan/yusuan.sqlite3`."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home).expanduser() / FILE_NAME
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data).expanduser() / "yusuan" / FILE_NAME


def database_url(url: str | None = None) -> URL:
    """The URL to use: `url`, else `$YUSUAN_DATABASE_URL`, else the default SQLite file.

    `postgresql://` and `postgres://` get the psycopg 3 driver, the one yusuan installs.
    """
    text = url or os.environ.get(ENV_URL) or f"sqlite:///{default_sqlite_path()}"
    if text.startswith("postgres://"):
        text = "postgresql://" + text.removeprefix("postgres://")
    parsed = make_url(text)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def describe(url: URL) -> str:
    """The database for a start-up line: the SQLite file's path, or the URL without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite enforces foreign keys (and so ON DELETE CASCADE) only when asked, per connection;
    # WAL lets readers (the web app) go on while an import writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str | URL | None = None, **kwargs: Any) -> Engine:
    """An engine for `url` (see `database_url`); a SQLite file's folder is created."""
    resolved = url if isinstance(url, URL) else database_url(url)
    if resolved.get_backend_name() == "sqlite":
        path = resolved.database
        if path and path != ":memory:" and not path.startswith("file:"):
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(resolved, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(resolved, pool_pre_ping=True, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit: the service returns plain values built from them.
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped in the package. The connection
    is handed over in `config.attributes` (a URL in the config would go through
    configparser, which chokes on the `%` of an escaped socket path)."""
    config = Config()
    config.set_main_option("script_location", str(files("yusuan.store") / "migrations"))
    return config


def _run(engine: Engine, fn: Any, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        # env.py uses this connection instead of opening one of its own.
        config.attributes["connection"] = connection
        fn(config, revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (by default the newest); a no-op when it is there."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, command.downgrade, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def open_database(url: str | URL | None = None, *, migrate: bool = True) -> sessionmaker[Session]:
    """A session factory for `url`, its schema upgraded to the newest migration first."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return make_sessionmaker(engine)
