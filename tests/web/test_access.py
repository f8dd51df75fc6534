"""Roles × routes, exhaustively: every route of the app (read FROM the app), every role
(anonymous included), against one table of expected outcomes.

The database holds the seed (department 306, 2021, published), a draft of department 306
(2023) and a submitted disclosure of department 412 (2023). Roles: anonymous, a preparer of
306, a preparer of 412 ("another department"), a reviewer and an admin.

- Reads: a disclosure the role may not see is 404 on every page and API route; lists, search,
  the grid and the review page show exactly what the role may see.
- Changes: each state-changing route accepts only the roles the table allows (with a valid
  CSRF token), on a fresh copy of the database; an accepted change writes an audit row with
  before/after, a refused one changes nothing.
- CSRF missing or invalid -> 403 on every state-changing route; the login rate limit -> 429;
  the session cookie's flags.

A route added to the app without an entry in `READS` or `CHANGES` fails
`test_every_route_has_an_entry`.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from starlette.routing import Mount, Route

import yusuan
from backends import BACKENDS, PG_ENV
from conftest import PASSWORD, later_year
from derive import FINAL_FILE, SEED_FILE, load_final_bytes, rename_department
from yusuan.store import accounts, db, service
from yusuan.store import tables as t
from yusuan.web.app import create_app
from yusuan.web.settings import Settings

A, P, Q, R, M = "anonymous", "preparer306", "preparer412", "reviewer", "admin"
ROLES = (A, P, Q, R, M)
RETIRED = "retired"  # a disabled reviewer
USERS = {P: ("preparer", "306"), Q: ("preparer", "412"), R: ("reviewer", None), M: ("admin", None)}

# Who sees which disclosure.
SEES = {
    "published": set(ROLES),
    "draft306": {P, R, M},
    "submitted412": {Q, R, M},
}


class Databases:
    """Fresh databases of one backend: SQLite files, or PostgreSQL databases made from a
    template (CREATE DATABASE … TEMPLATE); all dropped at the end."""

    def __init__(self, backend: str, tmp: Path) -> None:
        self.backend = backend
        self.tmp = tmp
        self.made: list[str] = []
        if backend == "postgresql":
            self.admin = db.database_url(os.environ[PG_ENV])
            self.admin_engine = create_engine(self.admin, isolation_level="AUTOCOMMIT")

    def new(self, template: str | None = None) -> str:
        name = f"acc_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            path = self.tmp / f"{name}.sqlite3"
            if template is not None:
                shutil.copyfile(make_url(template).database or "", path)
            url = f"sqlite:///{path}"
        else:
            source = make_url(template).database if template else "template0"
            with self.admin_engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
            url = self.admin.set(database=name).render_as_string(hide_password=False)
        self.made.append(url)
        return url

    def close(self) -> None:
        if self.backend == "postgresql":
            with self.admin_engine.connect() as conn:
                for url in self.made:
                    name = make_url(url).database
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            self.admin_engine.dispose()


@pytest.fixture(
    scope="module",
    params=BACKENDS,
)
def databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Databases]:
    made = Databases(str(request.param), tmp_path_factory.mktemp("access"))
    yield made
    made.close()


@dataclass
class World:
    url: str
    databases: Databases
    published: int
    draft306: int
    submitted412: int
    finding_published: int
    finding_draft306: int

    def id(self, key: str) -> int:
        value: int = getattr(self, key)
        return value


def _import(session: Any, data: bytes, name: str, status: Literal["draft", "published"]) -> int:
    # Every disclosure of the world also prints standard tables and a 情况说明 (those of the
    # bundled 决算), so that a table's routes answer 200 to whoever may see it.
    final = yusuan.read(load_final_bytes(), name=FINAL_FILE)
    d = yusuan.read(data, name=name).model_copy(
        update={"tables": final.tables, "narrative": final.narrative}
    )
    result = service.import_disclosure(session, d, data=data, file_name=name, status=status)
    return int(result.disclosure_id)


@pytest.fixture(scope="module")
def world(databases: Databases, seed_bytes: bytes) -> World:
    url = databases.new()
    sessions = db.open_database(url)
    seed = seed_bytes.decode("utf-8")
    with sessions() as session:
        published = _import(session, seed_bytes, SEED_FILE, "published")
        draft306 = _import(session, later_year(seed).encode(), "keji-2023.txt", "draft")
        other = _import(session, rename_department(seed).encode(), "caizheng-2023.txt", "draft")
        service.set_status(session, other, "submitted")
        for role, (kind, department) in USERS.items():
            accounts.create_user(session, role, PASSWORD, kind, department, actor="setup")
        accounts.create_user(session, RETIRED, PASSWORD, "reviewer", actor="setup")
        accounts.set_active(session, RETIRED, False, actor="setup")

        def first_finding(disclosure_id: int) -> int:
            return service.list_findings(session, disclosure_id)[0].id

        w = World(
            url,
            databases,
            published,
            draft306,
            other,
            first_finding(published),
            first_finding(draft306),
        )
    sessions.kw["bind"].dispose()
    return w


def client_for(app: FastAPI, role: str) -> TestClient:
    """A client of `app` logged in as `role` (anonymous: holding only the anonymous CSRF
    cookie); it sends its CSRF token in the header with every request."""
    client = TestClient(app)
    response = client.get("/api/v1/session")
    token = response.json()["data"]["csrf_token"]
    if role != A:
        response = client.post(
            "/api/v1/session",
            json={"name": role, "password": PASSWORD},
            headers={"X-CSRF-Token": token},
        )
        assert response.status_code == 200, response.text
        token = response.json()["data"]["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return client


@pytest.fixture(scope="module")
def clients(world: World) -> Iterator[dict[str, TestClient]]:
    # A copy: PostgreSQL copies a template only while nobody is connected to it.
    app = create_app(Settings(database_url=world.databases.new(world.url)))
    made = {role: client_for(app, role) for role in ROLES}
    yield made
    for c in made.values():
        c.close()


# --------------------------------------------------------------------------------------------
# The table. Reads: (GET, path) -> how to test it.

VISIBLE = "visible"  # 200 when the role may see the disclosure in the URL, else 404

EVERYONE = dict.fromkeys(ROLES, 200)
LOGGED_IN_PAGE = {A: 303, P: 200, Q: 200, R: 200, M: 200}  # anonymous: to /login
ADMIN_PAGE = {A: 303, P: 403, Q: 403, R: 403, M: 200}
ADMIN_API = {A: 401, P: 403, Q: 403, R: 403, M: 200}

READS: dict[tuple[str, str], Any] = {
    ("GET", "/api/v1/openapi.json"): EVERYONE,
    ("GET", "/api/v1/docs"): EVERYONE,
    ("GET", "/api/v1/redoc"): EVERYONE,
    ("GET", "/docs/oauth2-redirect"): EVERYONE,
    ("GET", "/static/{path}"): EVERYONE,
    ("GET", "/api/v1/health"): EVERYONE,
    ("GET", "/api/v1/session"): EVERYONE,
    ("GET", "/api/v1/disclosures"): EVERYONE,  # + the listed ids: test_lists
    ("GET", "/api/v1/search"): EVERYONE,  # + the hits: test_lists
    ("GET", "/"): EVERYONE,  # + the links: test_lists
    ("GET", "/search"): EVERYONE,  # + the hits: test_lists
    ("GET", "/login"): EVERYONE,
    ("GET", "/api/v1/disclosures/{disclosure_id}"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/projects"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/projects/{no}"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/tables"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/tables/{no}"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/narrative"): VISIBLE,
    ("GET", "/api/v1/disclosures/{disclosure_id}/findings"): VISIBLE,
    ("GET", "/disclosures/{disclosure_id}"): VISIBLE,
    ("GET", "/disclosures/{disclosure_id}/projects"): VISIBLE,
    ("GET", "/disclosures/{disclosure_id}/projects/{no}"): VISIBLE,
    ("GET", "/disclosures/{disclosure_id}/tables/{no}"): VISIBLE,
    ("GET", "/disclosures/{disclosure_id}/findings"): VISIBLE,
    # Two years of 306: the published 2021 and the draft 2023 -- only for who sees the draft.
    ("GET", "/disclosures/{disclosure_id}/compare"): {A: 404, P: 200, Q: 404, R: 200, M: 200},
    ("GET", "/upload"): LOGGED_IN_PAGE,
    ("GET", "/account"): LOGGED_IN_PAGE,
    ("GET", "/review"): LOGGED_IN_PAGE,  # + what it lists: test_review_page_scope
    ("GET", "/admin/users"): ADMIN_PAGE,
    ("GET", "/admin/audit"): ADMIN_PAGE,
    ("GET", "/api/v1/audit"): ADMIN_API,
}

READ_URLS: dict[str, str] = {
    "/static/{path}": "/static/yusuan.css",
    "/api/v1/search": "/api/v1/search?q=科技",
    "/search": "/search?q=科技",
    "/disclosures/{disclosure_id}/compare": "/disclosures/{published}/compare",
}


# Changes: (method, path) -> cases. Each case: the URL's disclosure (or None), a body, the
# expected status per role, and what an accepted change leaves in the audit log.


@dataclass
class Case:
    name: str
    url: str
    expect: dict[str, int]
    json: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    files: Callable[[str, bytes], dict[str, Any]] | None = None
    audit: str | None = None
    """The audit action an accepted change writes (None: no audit row, e.g. logging in)."""
    check: Callable[[World, str], None] | None = None
    """Called after an accepted change: the database shows it."""
    extra: dict[str, Any] = field(default_factory=dict)


def status_of(w: World, key: str) -> str:
    sessions = db.open_database(w.url, migrate=False)
    with sessions() as session:
        value = service.get_disclosure(session, w.id(key)).status
    sessions.kw["bind"].dispose()
    return value


def status_is(key: str, wanted: str) -> Callable[[World, str], None]:
    def check(w: World, _role: str) -> None:
        assert status_of(w, key) == wanted

    return check


def seed_variant(role: str, seed: bytes) -> bytes:
    """The seed with a role-specific number of trailing newlines: other bytes, same reading."""
    return seed + b"\n" * (2 + ROLES.index(role))


def upload_files(role: str, seed: bytes) -> dict[str, Any]:
    return {"file": (SEED_FILE, seed_variant(role, seed), "text/plain")}


SUBMIT = {A: 401, P: 200, Q: 404, R: 200, M: 200}
PUBLISH = {A: 401, P: 404, Q: 403, R: 200, M: 200}
SEND_BACK = {A: 401, P: 404, Q: 403, R: 200, M: 200}
RESUBMIT_PUBLISHED = {A: 401, P: 409, Q: 403, R: 409, M: 409}
SKIP_TO_PUBLISHED = {A: 401, P: 403, Q: 404, R: 409, M: 409}
REVIEW_DRAFT = {A: 401, P: 403, Q: 404, R: 200, M: 200}
REVIEW_PUBLISHED = {A: 401, P: 403, Q: 403, R: 200, M: 200}
ADMIN_ONLY = {A: 401, P: 403, Q: 403, R: 403, M: 303}


def page(expect: dict[str, int]) -> dict[str, int]:
    """A page form answers a success with a redirect (303)."""
    return {role: 303 if code == 200 else code for role, code in expect.items()}


def status_cases(prefix: str, as_page: bool) -> list[Case]:
    url = prefix + "/disclosures/{{{}}}/status"
    wrap = page if as_page else (lambda e: e)

    def body(status: str) -> dict[str, Any]:
        return {"form": {"status": status}} if as_page else {"json": {"status": status}}

    return [
        Case(
            "submit own draft",
            url.format("draft306"),
            wrap(SUBMIT),
            audit="disclosure.status",
            check=status_is("draft306", "submitted"),
            **body("submitted"),
        ),
        Case(
            "publish a submission",
            url.format("submitted412"),
            wrap(PUBLISH),
            audit="disclosure.status",
            check=status_is("submitted412", "published"),
            **body("published"),
        ),
        Case(
            "send a submission back",
            url.format("submitted412"),
            wrap(SEND_BACK),
            audit="disclosure.status",
            check=status_is("submitted412", "draft"),
            **body("draft"),
        ),
        Case(
            "published is final",
            url.format("published"),
            wrap(RESUBMIT_PUBLISHED),
            audit="disclosure.status",
            **body("submitted"),
        ),
        Case(
            "a draft is not published unsubmitted",
            url.format("draft306"),
            wrap(SKIP_TO_PUBLISHED),
            audit="disclosure.status",
            **body("published"),
        ),
    ]


def review_cases(prefix: str, as_page: bool) -> list[Case]:
    url = prefix + "/disclosures/{{{}}}/findings/{{{}}}/review"
    wrap = page if as_page else (lambda e: e)
    data = {"status": "disputed", "comment": "原文如此 as printed"}
    body: dict[str, Any] = {"form": data} if as_page else {"json": data}
    return [
        Case(
            "review a draft's finding",
            url.format("draft306", "finding_draft306"),
            wrap(REVIEW_DRAFT),
            audit="finding.review",
            **body,
        ),
        Case(
            "review a published finding",
            url.format("published", "finding_published"),
            wrap(REVIEW_PUBLISHED),
            audit="finding.review",
            **body,
        ),
    ]


def user_active(name: str, wanted: bool) -> Callable[[World, str], None]:
    def check(w: World, _role: str) -> None:
        sessions = db.open_database(w.url, migrate=False)
        with sessions() as session:
            assert accounts.get_user(session, name).active is wanted
        sessions.kw["bind"].dispose()

    return check


def login_body(role: str) -> dict[str, str]:
    name = P if role == A else role  # anonymous logs in as the preparer
    return {"name": name, "password": PASSWORD}


CHANGES: dict[tuple[str, str], list[Case]] = {
    ("POST", "/api/v1/session"): [
        Case("log in", "/api/v1/session", EVERYONE, extra={"login": True}),
    ],
    ("DELETE", "/api/v1/session"): [Case("log out", "/api/v1/session", EVERYONE)],
    ("POST", "/login"): [
        Case("log in", "/login", dict.fromkeys(ROLES, 303), extra={"login": True}),
    ],
    ("POST", "/logout"): [Case("log out", "/logout", dict.fromkeys(ROLES, 303))],
    ("POST", "/account"): [
        Case(
            "change password",
            "/account",
            {A: 401, P: 200, Q: 200, R: 200, M: 200},
            form={"old": PASSWORD, "new": "another-pass-1", "again": "another-pass-1"},
            audit="user.password",
        )
    ],
    ("POST", "/upload"): [
        Case(
            "upload a 306 file",
            "/upload",
            {A: 401, P: 303, Q: 403, R: 303, M: 303},
            files=upload_files,
            audit="disclosure.upload",
        )
    ],
    ("POST", "/api/v1/disclosures"): [
        Case(
            "upload a 306 file",
            "/api/v1/disclosures",
            {A: 401, P: 201, Q: 403, R: 201, M: 201},
            files=upload_files,
            audit="disclosure.upload",
        ),
        Case(
            "a preparer may not publish",
            "/api/v1/disclosures",
            {A: 401, P: 403, Q: 403, R: 201, M: 201},
            files=upload_files,
            form={"status": "published"},
            audit="disclosure.upload",
        ),
    ],
    ("POST", "/api/v1/disclosures/{disclosure_id}/status"): status_cases("/api/v1", False),
    ("POST", "/disclosures/{disclosure_id}/status"): status_cases("", True),
    ("POST", "/api/v1/disclosures/{disclosure_id}/findings/{finding_id}/review"): review_cases(
        "/api/v1", False
    ),
    ("POST", "/disclosures/{disclosure_id}/findings/{finding_id}/review"): review_cases("", True),
    ("POST", "/admin/users"): [
        Case(
            "add a user",
            "/admin/users",
            ADMIN_ONLY,
            form={
                "name": "newcomer",
                "role": "preparer",
                "department": "306",
                "password": "x" * 10,
            },
            audit="user.add",
        )
    ],
    ("POST", "/admin/users/{name}/disable"): [
        Case(
            "disable a user",
            f"/admin/users/{Q}/disable",
            ADMIN_ONLY,
            audit="user.disable",
            check=user_active(Q, False),
        )
    ],
    ("POST", "/admin/users/{name}/enable"): [
        Case(
            "enable a user",
            f"/admin/users/{RETIRED}/enable",
            ADMIN_ONLY,
            audit="user.enable",
            check=user_active(RETIRED, True),
        )
    ],
}

# --------------------------------------------------------------------------------------------
# Routes from the app


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves (HEAD aside), included routers flattened;
    a mount as `{prefix}/{path}` with GET."""
    out: set[tuple[str, str]] = set()

    def add(path: str, methods: Any) -> None:
        for method in methods or ():
            if method != "HEAD":
                out.add((method, path))

    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:  # FastAPI's included router
            for ctx in contexts():
                add(ctx.path, ctx.methods)
        elif isinstance(route, Route):
            add(route.path, route.methods)
        elif isinstance(route, Mount):
            out.add(("GET", f"{route.path}/{{path}}"))
        else:
            raise AssertionError(f"a route of an unknown kind: {route!r}")
    return out


def test_every_route_has_an_entry(clients: dict[str, TestClient]) -> None:
    app = clients[A].app
    assert isinstance(app, FastAPI)
    routes = app_routes(app)
    table = set(READS) | set(CHANGES)
    assert routes - table == set(), "routes without an entry in the role table"
    assert table - routes == set(), "entries for routes the app does not have"


def test_route_names_are_unique(clients: dict[str, TestClient]) -> None:
    """Templates link by name (`path_for`): a name used twice would send a form elsewhere
    (the logout button once posted to the API's login)."""
    app = clients[A].app
    assert isinstance(app, FastAPI)
    names: list[str] = []
    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:
            names += [ctx.name for ctx in contexts()]
        elif isinstance(route, Route | Mount):
            names.append(route.name)
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


# --------------------------------------------------------------------------------------------
# Reads


def fill(url: str, w: World, **extra: Any) -> str:
    values = {
        "published": w.published,
        "draft306": w.draft306,
        "submitted412": w.submitted412,
        "finding_published": w.finding_published,
        "finding_draft306": w.finding_draft306,
        **extra,
    }
    return url.format(**values)


READ_CASES = [(method, path, role) for (method, path) in READS for role in ROLES]


@pytest.mark.parametrize(("method", "path", "role"), READ_CASES)
def test_read(
    method: str, path: str, role: str, clients: dict[str, TestClient], world: World
) -> None:
    client = clients[role]
    expect = READS[(method, path)]
    if expect == VISIBLE:
        for key, seen_by in SEES.items():
            url = path.replace("{disclosure_id}", "{" + key + "}").replace("{no}", "1")
            response = client.get(fill(url, world), follow_redirects=False)
            wanted = 200 if role in seen_by else 404
            assert response.status_code == wanted, (key, response.text[:300])
            if wanted == 404 and path.startswith("/api/"):
                assert response.json()["error"]["code"] == "not_found"
        return
    url = fill(READ_URLS.get(path, path), world)
    response = client.get(url, follow_redirects=False)
    assert response.status_code == expect[role], response.text[:300]
    if response.status_code == 303:
        assert response.headers["location"].startswith("/login?next=")


def test_compare_with_a_draft_is_hidden(clients: dict[str, TestClient], world: World) -> None:
    url = f"/disclosures/{world.published}/compare?with={world.draft306}"
    for role in ROLES:
        wanted = 200 if role in SEES["draft306"] else 404
        assert clients[role].get(url).status_code == wanted, role


@pytest.mark.parametrize("role", ROLES)
def test_lists(role: str, clients: dict[str, TestClient], world: World) -> None:
    """Lists, search and the grid show exactly the disclosures the role may see."""
    client = clients[role]
    seen = {world.id(key) for key, roles in SEES.items() if role in roles}
    listed = {d["id"] for d in client.get("/api/v1/disclosures").json()["data"]}
    assert listed == seen
    hits = client.get("/api/v1/search", params={"q": "科技", "limit": 1000}).json()["data"]
    assert {h["disclosure_id"] for h in hits} == seen
    html = client.get("/search", params={"q": "科技"}).text
    linked = {int(n) for n in re.findall(r'href="/disclosures/(\d+)', html)}
    assert linked and linked <= seen  # one page of hits (the newest first)
    home = client.get("/").text
    linked = {int(n) for n in re.findall(r'href="/disclosures/(\d+)"', home)}
    assert linked == seen


def test_review_page_scope(clients: dict[str, TestClient], world: World) -> None:
    def listed(role: str) -> set[int]:
        html = clients[role].get("/review").text
        return {int(n) for n in re.findall(r'href="/disclosures/(\d+)"', html)}

    assert listed(P) == {world.draft306}
    assert listed(Q) == {world.submitted412}
    assert listed(R) == listed(M) == {world.draft306, world.submitted412}


# --------------------------------------------------------------------------------------------
# Changes: every case × every role, each on a fresh copy of the database


@dataclass
class Fresh:
    world: World
    app: FastAPI


@pytest.fixture
def fresh(world: World) -> Iterator[Fresh]:
    url = world.databases.new(world.url)
    copy = World(**{**world.__dict__, "url": url})
    app = create_app(Settings(database_url=url))
    yield Fresh(copy, app)
    app.state.engine.dispose()


def audit_rows(w: World) -> list[accounts.AuditRecord]:
    sessions = db.open_database(w.url, migrate=False)
    with sessions() as session:
        rows, _ = accounts.list_audit(session, limit=1000)
    sessions.kw["bind"].dispose()
    return [r for r in rows if r.user_name != "setup"]


def send(
    client: TestClient, method: str, case: Case, w: World, role: str, seed: bytes, **kw: Any
) -> Any:
    url = fill(case.url, w)
    data = dict(case.form or {})
    if case.extra.get("login"):
        if url.startswith("/api/"):
            return client.request(method, url, json=login_body(role), **kw)
        data.update(login_body(role))
    files = case.files(role, seed) if case.files else None
    return client.request(
        method,
        url,
        json=case.json,
        data=data or None,
        files=files,
        follow_redirects=False,
        **kw,
    )


CHANGE_CASES = [
    pytest.param(method, path, i, role, id=f"{method} {path} [{case.name}] {role}")
    for (method, path), cases in CHANGES.items()
    for i, case in enumerate(cases)
    for role in ROLES
]


@pytest.mark.parametrize(("method", "path", "index", "role"), CHANGE_CASES)
def test_change(
    method: str, path: str, index: int, role: str, fresh: Fresh, seed_bytes: bytes
) -> None:
    case = CHANGES[(method, path)][index]
    w = fresh.world
    client = client_for(fresh.app, role)
    before = audit_rows(w)
    response = send(client, method, case, w, role, seed_bytes)
    wanted = case.expect[role]
    assert response.status_code == wanted, response.text[:400]
    after = audit_rows(w)
    new = after[: len(after) - len(before)]
    accepted = wanted in (200, 201, 303)
    if case.audit is None:
        assert new == []
    elif accepted:
        assert [r.action for r in new] == [case.audit]
        row = new[0]
        assert row.user_name == role
        assert row.after is not None
        if case.audit != "user.add" and case.audit != "disclosure.upload":
            assert row.before is not None and row.before != row.after
        if case.check:
            case.check(w, role)
    else:
        assert new == [], "a refused change wrote the audit log"
        if case.audit == "disclosure.status":
            assert status_of(w, "draft306") == "draft"
            assert status_of(w, "submitted412") == "submitted"
            assert status_of(w, "published") == "published"


# --------------------------------------------------------------------------------------------
# CSRF: every state-changing route, without a token and with a wrong one


CSRF_CASES = [
    pytest.param(method, path, bad, id=f"{method} {path} {bad}")
    for (method, path) in CHANGES
    for bad in ("missing", "invalid")
]


@pytest.mark.parametrize(("method", "path", "bad"), CSRF_CASES)
def test_csrf_refused(method: str, path: str, bad: str, fresh: Fresh, seed_bytes: bytes) -> None:
    case = CHANGES[(method, path)][0]
    # The role the case accepts (the admin where it may), so only the token is wrong.
    role = M if case.expect[M] in (200, 201, 303) else R
    client = client_for(fresh.app, role)
    token = client.headers.pop("X-CSRF-Token")
    if bad == "invalid":
        client.headers["X-CSRF-Token"] = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    before = audit_rows(fresh.world)
    response = send(client, method, case, fresh.world, role, seed_bytes)
    assert response.status_code == 403, response.text[:300]
    assert audit_rows(fresh.world) == before
    if path.startswith("/api/"):
        assert response.json()["error"]["code"] == "csrf"


def test_csrf_form_field_and_other_sessions_token(fresh: Fresh) -> None:
    """The form field works like the header; another session's token does not."""
    admin = client_for(fresh.app, M)
    token = admin.headers.pop("X-CSRF-Token")
    form = {"name": "viaform", "role": "reviewer", "password": "y" * 10}
    response = admin.post(
        "/admin/users", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    other = client_for(fresh.app, M)  # a second login of the same user
    response = admin.post(
        "/admin/users",
        data={**form, "name": "viaform2", "csrf_token": other.headers["X-CSRF-Token"]},
        follow_redirects=False,
    )
    assert response.status_code == 403
    anonymous = client_for(fresh.app, A)
    response = admin.post(
        "/admin/users",
        data={**form, "name": "viaform3", "csrf_token": anonymous.headers["X-CSRF-Token"]},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_login_form_needs_csrf(fresh: Fresh) -> None:
    client = TestClient(fresh.app)
    response = client.post("/login", data={"name": P, "password": PASSWORD})
    assert response.status_code == 403
    html = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert token is not None
    response = client.post(
        "/login",
        data={"name": P, "password": PASSWORD, "csrf_token": token.group(1), "next": "/review"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/review"


def test_login_next_is_never_another_site(fresh: Fresh) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        client = client_for(fresh.app, A)
        response = client.post(
            "/login",
            data={"name": P, "password": PASSWORD, "next": target},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/"


# --------------------------------------------------------------------------------------------
# The login rate limit, cookies, sessions


@pytest.mark.parametrize("where", ["api", "page"])
def test_login_rate_limit(where: str, fresh: Fresh) -> None:
    client = client_for(fresh.app, A)

    def attempt(name: str, password: str) -> int:
        if where == "api":
            body = {"name": name, "password": password}
            return client.post("/api/v1/session", json=body).status_code
        data = {"name": name, "password": password}
        return client.post("/login", data=data, follow_redirects=False).status_code

    ok = 200 if where == "api" else 303
    wrong = 401
    for _ in range(accounts.LOGIN_LIMIT):
        assert attempt(P, "wrong-password") == wrong
    assert attempt(P, PASSWORD) == 429  # even the right password, for now
    assert attempt("no-such-user", "x") == wrong  # another name from the same address
    assert attempt(R, PASSWORD) == ok


def test_rate_limit_is_in_the_database(fresh: Fresh) -> None:
    """Several workers (here: two apps on one database) share the count."""
    first = client_for(fresh.app, A)
    second_app = create_app(Settings(database_url=fresh.world.url))
    second = client_for(second_app, A)
    for i in range(accounts.LOGIN_LIMIT):
        client = first if i % 2 else second
        body = {"name": Q, "password": "nope-nope"}
        assert client.post("/api/v1/session", json=body).status_code == 401
    assert first.post("/api/v1/session", json=login_body(Q)).status_code == 429


def set_cookie_header(response: Any, name: str) -> str:
    for value in response.headers.get_list("set-cookie"):
        if value.startswith(name + "="):
            return str(value)
    raise AssertionError(f"no {name} cookie set")


@pytest.mark.parametrize("secure", [False, True])
def test_cookie_flags(secure: bool, fresh: Fresh) -> None:
    app = create_app(Settings(database_url=fresh.world.url, secure_cookies=secure))
    client = TestClient(app)
    response = client.get("/api/v1/session")
    anonymous = set_cookie_header(response, "yusuan_csrf")
    token = response.json()["data"]["csrf_token"]
    # A Secure cookie is not sent back over http by the client: send it by hand.
    value = anonymous.split(";")[0]
    response = client.post(
        "/api/v1/session", json=login_body(R), headers={"X-CSRF-Token": token, "Cookie": value}
    )
    cookie = set_cookie_header(response, "yusuan_session")
    for value in (cookie, anonymous):
        flags = value.lower()
        assert "httponly" in flags
        assert "samesite=lax" in flags
        assert ("secure" in flags.split("; ")) is secure
        assert "path=/" in flags


def test_cookie_secure_over_https(fresh: Fresh) -> None:
    app = fresh.app
    client = TestClient(app, base_url="https://testserver")
    response = client.get("/api/v1/session")
    assert "secure" in set_cookie_header(response, "yusuan_csrf").lower().split("; ")


def test_public_pages_set_no_cookie(clients: dict[str, TestClient], world: World) -> None:
    """An anonymous visitor reading published pages gets no cookie (cacheable responses)."""
    client = TestClient(clients[A].app)
    for url in ("/", f"/disclosures/{world.published}", f"/disclosures/{world.published}/projects"):
        response = client.get(url)
        assert response.status_code == 200
        assert "set-cookie" not in response.headers


def test_session_token_is_stored_hashed(fresh: Fresh) -> None:
    client = client_for(fresh.app, R)
    token = client.cookies.get("yusuan_session")
    assert token
    sessions = db.open_database(fresh.world.url, migrate=False)
    with sessions() as session:
        stored = session.scalars(select(t.UserSession.token_hash)).all()
    sessions.kw["bind"].dispose()
    assert token not in stored
    assert accounts.token_hash(token) in stored


def test_logout_ends_the_session(fresh: Fresh) -> None:
    client = client_for(fresh.app, R)
    token = client.cookies.get("yusuan_session")
    assert client.get(f"/api/v1/disclosures/{fresh.world.draft306}").status_code == 200
    assert client.delete("/api/v1/session").status_code == 200
    # The old cookie, replayed, is anonymous now.
    replay = TestClient(fresh.app)
    replay.cookies.set("yusuan_session", token or "")
    assert replay.get(f"/api/v1/disclosures/{fresh.world.draft306}").status_code == 404


def test_disabled_user_loses_access(fresh: Fresh) -> None:
    preparer = client_for(fresh.app, P)
    assert preparer.get(f"/disclosures/{fresh.world.draft306}").status_code == 200
    admin = client_for(fresh.app, M)
    assert admin.post(f"/admin/users/{P}/disable", follow_redirects=False).status_code == 303
    assert preparer.get(f"/disclosures/{fresh.world.draft306}").status_code == 404
    response = TestClient(fresh.app).get("/api/v1/session")
    token = response.json()["data"]["csrf_token"]
    again = TestClient(fresh.app)
    again.cookies.update(response.cookies)
    body = {"name": P, "password": PASSWORD}
    response = again.post("/api/v1/session", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 401


def test_audit_log_records_before_and_after(fresh: Fresh) -> None:
    reviewer = client_for(fresh.app, R)
    w = fresh.world
    response = reviewer.post(
        f"/api/v1/disclosures/{w.submitted412}/status", json={"status": "published"}
    )
    assert response.status_code == 200
    response = reviewer.post(
        f"/api/v1/disclosures/{w.published}/findings/{w.finding_published}/review",
        json={"status": "accepted", "comment": "确认"},
    )
    assert response.status_code == 200
    admin = client_for(fresh.app, M)
    rows = admin.get("/api/v1/audit").json()["data"]
    review, status = rows[0], rows[1]
    assert status["action"] == "disclosure.status" and status["user"] == R
    assert status["object_id"] == str(w.submitted412)
    assert status["before"]["status"] == "submitted" and status["after"]["status"] == "published"
    assert review["action"] == "finding.review"
    assert review["before"]["review_status"] == "open"
    assert review["after"]["review_status"] == "accepted"
    assert review["after"]["review_comment"] == "确认"
    assert "T" in status["at"]  # ISO, UTC
    findings = reviewer.get(f"/api/v1/disclosures/{w.published}/findings").json()["data"]
    reviewed = next(f for f in findings if f["id"] == w.finding_published)
    assert reviewed["review_status"] == "accepted" and reviewed["review_comment"] == "确认"
    html = admin.get("/admin/audit").text
    assert "disclosure.status" in html and "finding.review" in html


def test_preparer_upload_is_a_draft_of_its_department(fresh: Fresh, seed_bytes: bytes) -> None:
    preparer = client_for(fresh.app, P)
    files = {"file": ("v2.txt", seed_variant(P, seed_bytes), "text/plain")}
    data = preparer.post("/api/v1/disclosures", files=files).json()["data"]
    assert data["status"] == "draft"
    anonymous = TestClient(fresh.app)
    assert anonymous.get(f"/api/v1/disclosures/{data['id']}").status_code == 404
    other = client_for(fresh.app, Q)
    assert other.get(f"/api/v1/disclosures/{data['id']}").status_code == 404
    other_file = {"file": ("x.txt", rename_department(seed_bytes.decode()).encode(), "text/plain")}
    response = preparer.post("/api/v1/disclosures", files=other_file)
    assert response.status_code == 403


def test_pages_offer_only_the_allowed_buttons(clients: dict[str, TestClient], world: World) -> None:
    def html(role: str, url: str) -> str:
        return clients[role].get(fill(url, world)).text

    submit = 'value="submitted"'
    publish = 'value="published"'
    review_form = "/review"
    draft_page, submitted_page = "/disclosures/{draft306}", "/disclosures/{submitted412}"
    assert submit in html(P, draft_page) and publish not in html(P, draft_page)
    assert submit in html(R, draft_page)
    assert publish in html(R, submitted_page) and publish not in html(Q, submitted_page)
    findings = "/disclosures/{published}/findings"
    assert review_form not in html(A, findings).split("<main>")[1]
    assert review_form not in html(P, findings).split("<main>")[1]
    assert f"/findings/{world.finding_published}/review" in html(R, findings)
    public = html(A, "/disclosures/{published}")
    assert 'href="/login"' in public and "csrf_token" not in public
    assert 'action="/logout"' in html(P, "/")
    assert 'href="/admin/users"' in html(M, "/") and 'href="/admin/users"' not in html(R, "/")
