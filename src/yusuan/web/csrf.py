"""CSRF protection: every state-changing request (POST, PUT, PATCH, DELETE) carries a token.

- Logged in: the token is the session's `csrf_secret` (kept in the database with the session).
- Anonymous (the login form): a random `yusuan_csrf` cookie, and the token is its HMAC under
  `Settings.secret_key` (set `YUSUAN_SECRET_KEY` when several workers serve one site).

Forms send it in the field `csrf_token`; API clients in the header `X-CSRF-Token`, with the
session cookie (`GET /api/v1/session` gives the token). A missing or wrong token is 403. The
check is one app-wide dependency (`protect`), so a new route cannot forget it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request
from fastapi.responses import Response

from ..store.accounts import same_secret
from .auth import login_session, set_cookie
from .envelope import APIError
from .settings import Settings

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
ANON_COOKIE = "yusuan_csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def _anonymous_token(request: Request, cookie: str) -> str:
    settings: Settings = request.app.state.settings
    key = settings.secret_key.encode()
    return hmac.new(key, b"csrf:" + cookie.encode(), hashlib.sha256).hexdigest()


def expected(request: Request) -> str | None:
    """The token this request must carry, or None when it cannot carry a valid one."""
    login = login_session(request)
    if login is not None:
        return login.csrf_secret
    cookie = request.cookies.get(ANON_COOKIE)
    return _anonymous_token(request, cookie) if cookie else None


def token_for(request: Request) -> str:
    """The token to put in a form or hand to an API client; for an anonymous visitor without
    the cookie a new cookie value is made (`attach_cookie` sets it on the response)."""
    token = expected(request)
    if token is not None:
        return token
    cookie = getattr(request.state, "new_csrf_cookie", None)
    if cookie is None:
        cookie = secrets.token_urlsafe(32)
        request.state.new_csrf_cookie = cookie
    return _anonymous_token(request, cookie)


def attach_cookie(request: Request, response: Response) -> None:
    cookie = getattr(request.state, "new_csrf_cookie", None)
    if cookie is not None:
        set_cookie(request, response, ANON_COOKIE, cookie)


def invalid() -> APIError:
    return APIError(
        403, "csrf", "CSRF 令牌缺失或无效，请刷新页面后重试 / missing or invalid CSRF token"
    )


async def protect(request: Request) -> None:
    """The app-wide dependency: refuse a state-changing request without the right token."""
    if request.method in SAFE_METHODS:
        return
    want = expected(request)
    given = request.headers.get(HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            value = form.get(FIELD)
            given = value if isinstance(value, str) else None
    if want is None or not given or not same_secret(given, want):
        raise invalid()
