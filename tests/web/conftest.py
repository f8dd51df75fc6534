"""A web app over a temporary database (SQLite, and PostgreSQL when `YUSUAN_TEST_POSTGRES_URL`
is set — `bash .ci/run` starts a throwaway cluster) holding:

- the seed (2021, published),
- a 2023 budget of the same department (the seed with other figures and the years moved on,
  published): the comparison page has two years,
- another department's 2023 budget as a draft, imported directly through the store service:
  anonymous visitors must never see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import yusuan
from backends import BACKENDS, fresh_postgres
from derive import SEED_FILE, change_figures, rename_department
from yusuan.store import db, service
from yusuan.web.app import create_app
from yusuan.web.settings import Settings


def later_year(text: str) -> str:
    """The same department two years later, with other figures (see `derive.change_figures`)."""
    text = change_figures(text)
    text = re.sub(r"(?<!\d)2021(?!\d)", "2023", text)
    return re.sub(r"(?<!\d)2020(?!\d)", "2022", text)


@dataclass
class Stored:
    seed: int
    later: int
    draft: int


def _import(url: str, data: bytes, name: str, status: str) -> int:
    sessions = db.open_database(url)
    with sessions() as session:
        d = yusuan.read(data, name=name)
        result = service.import_disclosure(session, d, data=data, file_name=name, status=status)
    sessions.kw["bind"].dispose()
    return int(result.disclosure_id)


@pytest.fixture(scope="session", params=BACKENDS)
def web_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seed_bytes: bytes
) -> tuple[str, Stored]:
    if request.param == "postgresql":
        url = fresh_postgres("web").render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'yusuan.sqlite3'}"
    seed_text = seed_bytes.decode("utf-8")
    stored = Stored(
        seed=_import(url, seed_bytes, SEED_FILE, "published"),
        later=_import(url, later_year(seed_text).encode(), "keji-2023.txt", "published"),
        draft=_import(url, rename_department(seed_text).encode(), "caizheng-2023.txt", "draft"),
    )
    return url, stored


@pytest.fixture(scope="session")
def stored(web_db: tuple[str, Stored]) -> Stored:
    return web_db[1]


@pytest.fixture(scope="session")
def client(web_db: tuple[str, Stored]) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=web_db[0]))
    with TestClient(app) as c:
        yield c


PASSWORD = "correct-horse-9"


def add_user(url: str, name: str, role: str, department: str | None = None) -> None:
    """A user with the password `PASSWORD`, straight into the store."""
    from yusuan.store import accounts

    sessions = db.open_database(url)
    with sessions() as session:
        accounts.create_user(session, name, PASSWORD, role, department, actor="test")
    sessions.kw["bind"].dispose()


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log `client` in through the API; its later requests carry the CSRF header too."""
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    anonymous = client.get("/api/v1/session").json()["data"]["csrf_token"]
    response = client.post(
        "/api/v1/session",
        json={"name": name, "password": password},
        headers={"X-CSRF-Token": anonymous},
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["data"]["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return token


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    """An app over an empty database (uploads start from nothing), logged in as a reviewer."""
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    app = create_app(Settings(database_url=url))
    add_user(url, "reviewer", "reviewer")
    with TestClient(app) as c:
        log_in(c, "reviewer")
        yield c
