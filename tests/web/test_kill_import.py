"""SIGKILL in the middle of an import leaves the database consistent.

A real server process (`yusuan serve`) is killed while it stores an upload, and so is a real
`yusuan import`. `YUSUAN_TEST_PAUSE_IMPORT` (see `yusuan.store.faults`) makes the import stop
inside its transaction — after the projects and indicators are written, before the tables,
the findings and the commit — so the kill lands there every time. Then the database must pass
its integrity check, hold no trace of the killed import (no disclosure, no orphan row, no
audit row), and take the same file again with exactly the rows of a fresh import.

On SQLite (a temp file) and, when `YUSUAN_TEST_POSTGRES_URL` is set, on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import URL, make_url

import yusuan
from backends import BACKENDS, PG_ENV
from derive import SEED_FILE, change_figures
from yusuan.store import accounts, db, service
from yusuan.store import tables as t
from yusuan.store.faults import ENV_PAUSE

PASSWORD = "kill-test-password-1"

# Tables the killed import would have written to (one row or more for the upload).
CHECKED = [t.Disclosure, t.Project, t.Indicator, t.ProjectGoal, t.Finding, t.SourcePlace]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """A fresh, migrated database holding the seed (published) and a reviewer account."""
    if request.param == "sqlite":
        url = make_url(f"sqlite:///{tmp_path / 'kill.sqlite3'}")
        admin = None
    else:
        admin_url = db.database_url(os.environ[PG_ENV])
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = f"kill_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = admin_url.set(database=name)
    sessions = db.open_database(url)
    data = (Path(yusuan.__file__).parent / "data" / SEED_FILE).read_bytes()
    with sessions() as session:
        service.import_disclosure(
            session, yusuan.read(data, name=SEED_FILE), data=data, file_name=SEED_FILE
        )
        accounts.create_user(session, "reviewer1", PASSWORD, "reviewer")
    sessions.kw["bind"].dispose()
    try:
        yield url
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
            admin.dispose()


def later_year(text: str) -> str:
    """The seed's department two years later, with other figures (as tests/web/conftest.py)."""
    text = change_figures(text)
    text = re.sub(r"(?<!\d)2021(?!\d)", "2023", text)
    return re.sub(r"(?<!\d)2020(?!\d)", "2022", text)


@pytest.fixture
def upload(tmp_path: Path, seed_text: str) -> Path:
    """Another year of the seed's department: a new disclosure, never imported yet."""
    path = tmp_path / "keji-2023.txt"
    path.write_text(later_year(seed_text), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _env(marker: Path, home: Path) -> dict[str, str]:
    env = {**os.environ, ENV_PAUSE: str(marker), "YUSUAN_HOME": str(home)}
    env.pop("YUSUAN_DATABASE_URL", None)
    return env


def _wait_for(marker: Path, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"the process exited ({proc.returncode}) before the pause:\n{out}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the import never reached its pause point")
        time.sleep(0.05)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def _counts(url: URL) -> dict[str, int]:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table.__tablename__: conn.scalar(select(func.count()).select_from(table)) or 0
                for table in [*CHECKED, t.AuditEntry]
            }
    finally:
        engine.dispose()


def _assert_consistent(url: URL) -> None:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            if url.get_backend_name() == "sqlite":
                assert conn.scalar(text("PRAGMA integrity_check")) == "ok"
                assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
            orphans = {
                "projects": select(func.count())
                .select_from(t.Project)
                .where(~t.Project.disclosure_id.in_(select(t.Disclosure.id))),
                "indicators": select(func.count())
                .select_from(t.Indicator)
                .where(~t.Indicator.project_id.in_(select(t.Project.id))),
                "findings": select(func.count())
                .select_from(t.Finding)
                .where(~t.Finding.disclosure_id.in_(select(t.Disclosure.id))),
            }
            for name, stmt in orphans.items():
                assert conn.scalar(stmt) == 0, f"orphan {name}"
    finally:
        engine.dispose()


def _assert_whole(url: URL, disclosure_id: int, data: bytes, name: str) -> None:
    """The stored disclosure has every project and indicator of the file: its export is the
    file's reading."""
    sessions = db.open_database(url, migrate=False)
    try:
        with sessions() as session:
            stored = service.export(session, disclosure_id)
    finally:
        sessions.kw["bind"].dispose()
    assert yusuan.dumps(stored) == yusuan.dumps(yusuan.read(data, name=name))


def _log_in(client: httpx.Client) -> str:
    token = client.get("/api/v1/session").json()["data"]["csrf_token"]
    response = client.post(
        "/api/v1/session",
        json={"name": "reviewer1", "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["data"]["csrf_token"])


def _start_server(url: URL, tmp_path: Path, marker: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "yusuan", "serve", "--port", str(port),
               "--database", _url_text(url), "--no-access-log"]  # fmt: skip
    proc = subprocess.Popen(
        command, env=_env(marker, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"the server exited ({proc.returncode}):\n{out}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the server did not start")
        time.sleep(0.1)


def test_kill_server_mid_upload(database: URL, upload: Path, tmp_path: Path) -> None:
    before = _counts(database)
    marker = tmp_path / "paused"
    proc, base = _start_server(database, tmp_path, marker)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            token = _log_in(client)

            def post() -> None:
                with contextlib.suppress(httpx.HTTPError):  # the server dies under it
                    client.post(
                        "/api/v1/disclosures",
                        files={"file": (upload.name, upload.read_bytes(), "text/plain")},
                        headers={"X-CSRF-Token": token},
                    )

            poster = threading.Thread(target=post, daemon=True)
            poster.start()
            _wait_for(marker, proc)
            assert marker.read_text() == "projects"
            _kill(proc)
            poster.join(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    _assert_consistent(database)
    assert _counts(database) == before, "the killed upload left rows behind"
    _assert_reimport(database, upload)


def test_kill_cli_import(database: URL, upload: Path, tmp_path: Path) -> None:
    before = _counts(database)
    marker = tmp_path / "paused"
    command = [sys.executable, "-m", "yusuan", "import", str(upload),
               "--database", _url_text(database)]  # fmt: skip
    proc = subprocess.Popen(
        command, env=_env(marker, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        _wait_for(marker, proc)
        _kill(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    _assert_consistent(database)
    assert _counts(database) == before, "the killed import left rows behind"
    _assert_reimport(database, upload)


def _assert_reimport(url: URL, upload: Path) -> None:
    """The same file imports afterwards as if nothing had happened (a new disclosure, v1)."""
    env = {k: v for k, v in os.environ.items() if k != ENV_PAUSE}
    done = subprocess.run(
        [sys.executable, "-m", "yusuan", "import", str(upload), "--database", _url_text(url)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "created" in done.stdout and " v1 " in done.stdout, done.stdout
    sessions = db.open_database(url, migrate=False)
    with sessions() as session:
        rows, _total = service.list_disclosures(session, year=2023)
    sessions.kw["bind"].dispose()
    assert len(rows) == 1
    _assert_consistent(url)
    _assert_whole(url, rows[0].id, upload.read_bytes(), str(upload))
