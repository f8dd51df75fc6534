"""`yusuan import` and `yusuan serve`: the database (store) and the web app.

Both take `--database URL` (else `$YUSUAN_DATABASE_URL`, else the embedded SQLite file) and
bring the schema up to date first. Heavy modules (SQLAlchemy, the reader, FastAPI, uvicorn)
are imported inside the commands: `yusuan --version` stays fast.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from .main import (
    EXIT_INPUT,
    EXIT_OK,
    BilingualUsageError,
    debug_option,
    example,
    main,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session, sessionmaker

DATABASE_HELP = (
    "数据库 URL（默认 $YUSUAN_DATABASE_URL，否则内置 SQLite 文件，如 "
    "postgresql://user@host/yusuan） / the database URL [default: $YUSUAN_DATABASE_URL, "
    "else the embedded SQLite file $YUSUAN_HOME/yusuan.sqlite3 or "
    "~/.local/share/yusuan/yusuan.sqlite3]."
)


def database_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option("--database", "database", metavar="URL", help=DATABASE_HELP)(func)


def _open(database: str | None) -> tuple[URL, sessionmaker[Session]]:
    """The resolved URL and a session factory, the schema upgraded; the database is named on
    stderr (the SQLite file's path, or the URL without its password)."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ..errors import YusuanError
    from ..store import db

    try:
        url = db.database_url(database)
    except ArgumentError as exc:  # not a URL, or a dialect SQLAlchemy does not know
        raise BilingualUsageError(f"数据库 URL 无效：{exc}", f"bad database URL: {exc}") from exc
    click.echo(f"数据库 database: {db.describe(url)}", err=True)
    try:
        engine = db.make_engine(url)
    except ImportError as exc:  # e.g. mysql:// without its driver
        raise YusuanError(
            f"没有这种数据库的驱动：{exc}", f"no driver for this database: {exc}"
        ) from exc
    try:
        db.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = " ".join(str(exc.orig).split()) if exc.orig is not None else str(exc)
        raise YusuanError(
            f"无法打开数据库：{reason}", f"cannot open the database: {reason}"
        ) from exc
    except Exception:
        engine.dispose()
        raise
    return url, db.make_sessionmaker(engine)


def _actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in this environment
        return "cli"


@dataclass
class _Outcome:
    file: str
    line: str
    failed: bool


def _import_one(sessions: sessionmaker[Session], path: str, status: str) -> _Outcome:
    """Read and import one file in its own transaction; a bad file is one bilingual line."""
    from ..errors import YusuanError
    from ..readers import read
    from ..store import accounts

    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        zh = "是目录，不是文件" if isinstance(exc, IsADirectoryError) else f"无法读取：{reason}"
        return _Outcome(path, f"{path}: {zh} / cannot read: {reason}", True)
    try:
        disclosure = read(data, name=path)
        with sessions() as session:
            # Audited like an upload: who (the command line and the system user), what, when.
            result = accounts.import_audited(
                session,
                disclosure,
                data=data,
                file_name=os.path.basename(path),
                status="draft" if status == "draft" else "published",
                actor=_actor(),
            )
    except YusuanError as exc:
        return _Outcome(path, exc.with_file(path).one_line(), True)
    ident = f"#{result.disclosure_id} v{result.version}"
    if not result.created:
        what = f"未变（已导入过） unchanged (already imported) {ident}"
    elif result.version > 1:
        what = f"新版本 new version {ident} ({status})"
    else:
        what = f"已新建 created {ident} ({status})"
    return _Outcome(path, f"{path}: {what}", False)


@main.command(
    "import",
    epilog=example(
        "yusuan import 2021-budget.txt",
        "yusuan import budgets/*.txt --draft",
        "yusuan import 2021-budget.txt --database postgresql://yusuan@localhost/yusuan",
    ),
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--draft",
    is_flag=True,
    help="保存为草稿（默认直接公开） / keep them as drafts [default: published].",
)
@database_option
@debug_option
def import_(files: tuple[str, ...], draft: bool, database: str | None) -> int:
    """把公开文件导入数据库：读取、检查、保存，每个文件一个事务。

    Import disclosures (published text or canonical JSON) into the database: each file is read,
    audited and stored in one transaction, published unless --draft. For each file one line
    says: created, new version (another file for the same department and year) or unchanged
    (the same bytes were imported before), with the disclosure id. A bad file gets its error
    line and the others are still imported; the exit code is then 2.
    """
    status = "draft" if draft else "published"
    _url, sessions = _open(database)
    outcomes: list[_Outcome] = []
    try:
        if len(files) > 1 and sys.stderr.isatty():
            with click.progressbar(
                files, label="导入 importing", file=sys.stderr, show_pos=True
            ) as bar:
                outcomes = [_import_one(sessions, path, status) for path in bar]
            for outcome in outcomes:
                _report(outcome)
        else:
            for path in files:
                outcomes.append(_import_one(sessions, path, status))
                _report(outcomes[-1])
    finally:
        sessions.kw["bind"].dispose()
    return EXIT_INPUT if any(o.failed for o in outcomes) else EXIT_OK


def _report(outcome: _Outcome) -> None:
    if outcome.failed:
        click.echo(f"yusuan: {outcome.line}", err=True)
    else:
        click.echo(outcome.line)


def _is_empty(sessions: sessionmaker[Session]) -> bool:
    from ..store import service

    with sessions() as session:
        _rows, total = service.list_disclosures(session, limit=1)
    return total == 0


@main.command(
    epilog=example(
        "yusuan serve --demo",
        "yusuan serve --host 0.0.0.0 --port 8080 --workers 2",
        "yusuan serve --database postgresql://yusuan@localhost/yusuan",
    )
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="监听地址 / the address to listen on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="端口 / the port.",
)
@database_option
@click.option(
    "--demo",
    is_flag=True,
    help="导入内置样例（已公开）；数据库为空时首次启动也会导入 / load the bundled sample "
    "(高新区科技局 2021) as published; a first start on an empty database does it too.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="工作进程数 / worker processes.",
)
@click.option(
    "--access-log/--no-access-log",
    default=True,
    show_default=True,
    help="逐个请求记录日志 / log every request.",
)
@debug_option
def serve(
    host: str, port: int, database: str | None, demo: bool, workers: int, access_log: bool
) -> None:
    """启动网页和 JSON 接口（/api/v1）。

    Start the web app and the JSON API (/api/v1, docs at /api/v1/docs). The database is named
    at start and its schema upgraded; with --demo, or on a first start with an empty database,
    the bundled samples (the seed budget and a fictional 决算) are loaded as published so there
    is something to see at once. Stop with Ctrl-C.
    """
    import uvicorn

    url, sessions = _open(database)
    try:
        if demo or _is_empty(sessions):
            from ..web.app import DEMO_FILES, load_demo

            load_demo(sessions)
            for name in DEMO_FILES:
                click.echo(f"已载入样例 loaded the sample: {name}", err=True)
    finally:
        sessions.kw["bind"].dispose()

    # The app (each worker's, too) reads its settings from the environment.
    os.environ["YUSUAN_DATABASE_URL"] = url.render_as_string(hide_password=False)
    os.environ.pop("YUSUAN_DEMO", None)  # loaded above, once
    if workers > 1:
        # One secret for all workers, or a session cookie signed by one is refused by another.
        import secrets

        os.environ.setdefault("YUSUAN_SECRET_KEY", secrets.token_urlsafe(32))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"网址 open: http://{shown}:{port}/  （Ctrl-C 停止 / to stop）", err=True)
    uvicorn.run(
        "yusuan.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level="info",
    )
