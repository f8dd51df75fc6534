"""Who is asking: the session cookie, logging in and out, and the role checks every route uses.

The cookie `yusuan_session` holds a random token (the database keeps only its SHA-256); it is
HttpOnly, SameSite=Lax, and Secure when the request came over https or
`Settings.secure_cookies` is set. A session lasts `Settings.session_hours`.

Refusals, the same on every route: anonymous -> 401 (a page asked for with GET sends the
browser to /login instead), a logged-in user without the role -> 403, a disclosure the user
may not see -> 404 (see `lookup.disclosure_row`: drafts are invisible, not forbidden).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import accounts
from ..store.accounts import Account, LoginSession
from .envelope import APIError, is_api
from .settings import Settings

COOKIE = "yusuan_session"

_UNSET = object()


def _sessions(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    return factory


def login_session(request: Request) -> LoginSession | None:
    """The request's login (from its cookie), looked up once per request."""
    cached: Any = getattr(request.state, "login", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[no-any-return]
    login: LoginSession | None = None
    token = request.cookies.get(COOKIE)
    if token:
        with _sessions(request)() as session:
            login = accounts.session_for(session, token)
    request.state.login = login
    request.state.user = login.account if login else None
    return login


def resolve_user(request: Request) -> Account | None:
    login = login_session(request)
    return login.account if login else None


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def secure(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    return settings.secure_cookies or request.url.scheme == "https"


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure(request),
    )


def log_in(request: Request, response: Response, account: Account) -> LoginSession:
    """Start a session for `account` and set its cookie on `response`."""
    settings: Settings = request.app.state.settings
    ttl = timedelta(hours=settings.session_hours)
    with _sessions(request)() as session:
        token, login = accounts.start_session(session, account, ttl)
    set_cookie(request, response, COOKIE, token, max_age=int(ttl.total_seconds()))
    request.state.login = login
    request.state.user = account
    return login


def log_out(request: Request, response: Response) -> None:
    token = request.cookies.get(COOKIE)
    if token:
        with _sessions(request)() as session:
            accounts.end_session(session, token)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=secure(request))
    request.state.login = None
    request.state.user = None


def rate_limited() -> APIError:
    return APIError(
        429,
        "too_many_requests",
        f"登录失败次数过多，请 {int(accounts.LOGIN_WINDOW.total_seconds() // 60)} 分钟后再试 / "
        "too many failed logins, try again later",
    )


def check_login(request: Request, session: Session, name: str, password: str) -> Account:
    """The account for a name and password; 429 when rate-limited, 401 when wrong."""
    ip = client_ip(request)
    if accounts.login_blocked(session, name, ip):
        raise rate_limited()
    account = accounts.authenticate(session, name, password, ip)
    if account is None:
        raise APIError(401, "bad_login", "用户名或密码错误 / wrong user name or password")
    return account


# --------------------------------------------------------------------------------------------
# Role checks


def login_required(request: Request) -> StarletteHTTPException:
    """401, or for a page asked for with GET, a redirect to the login page."""
    if request.method == "GET" and not is_api(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return StarletteHTTPException(303, headers={"Location": f"/login?next={quote(target)}"})
    return APIError(401, "unauthorized", "需要登录 / login required")


def forbidden(zh: str = "没有权限", en: str = "forbidden") -> APIError:
    return APIError(403, "forbidden", f"{zh} / {en}")


def require_user(request: Request, user: Account | None) -> Account:
    if user is None:
        raise login_required(request)
    return user


def require_role(request: Request, user: Account | None, *roles: str) -> Account:
    account = require_user(request, user)
    if account.role not in roles:
        raise forbidden()
    return account


REVIEWERS = ("reviewer", "admin")
