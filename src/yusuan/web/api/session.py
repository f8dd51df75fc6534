"""Logging in from an API client: the same session cookie as the browser, plus the CSRF token
in the `X-CSRF-Token` header of every POST/PUT/PATCH/DELETE.

    GET    /api/v1/session   -> {user, csrf_token}  (anonymous: a token for the login itself)
    POST   /api/v1/session   {"name", "password"} -> sets the `yusuan_session` cookie
    DELETE /api/v1/session   -> logs out
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from ...store.accounts import Account
from .. import auth, csrf
from ..deps import SessionDep, UserDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, ok

router = APIRouter(prefix="/session", tags=["session"])


class UserOut(BaseModel):
    name: str
    role: str
    department: str | None


class SessionOut(BaseModel):
    user: UserOut | None
    csrf_token: str
    """Send it as `X-CSRF-Token` with every change."""


class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)


def user_out(user: Account | None) -> UserOut | None:
    if user is None:
        return None
    return UserOut(name=user.name, role=user.role, department=user.department)


def _session_response(request: Request, user: Account | None, **kw: Any) -> DecimalJSONResponse:
    response = ok(SessionOut(user=user_out(user), csrf_token=csrf.token_for(request)), **kw)
    csrf.attach_cookie(request, response)
    return response


@router.get(
    "", name="api_session", response_model=Envelope[SessionOut], summary="当前登录 who am I"
)
def whoami(request: Request, user: UserDep) -> DecimalJSONResponse:
    return _session_response(request, user)


@router.post(
    "",
    name="api_login",
    response_model=Envelope[SessionOut],
    responses={401: {"model": ErrorEnvelope}, 429: {"model": ErrorEnvelope}},
    summary="登录 log in",
)
def login(request: Request, body: LoginIn, session: SessionDep) -> DecimalJSONResponse:
    account = auth.check_login(request, session, body.name, body.password)
    response = ok(None)
    auth.log_in(request, response, account)
    out = _session_response(request, account)
    for value in response.headers.getlist("set-cookie"):
        out.headers.append("set-cookie", value)
    return out


@router.delete("", name="api_logout", response_model=Envelope[None], summary="退出登录 log out")
def logout(request: Request) -> DecimalJSONResponse:
    response = ok(None)
    auth.log_out(request, response)
    return response
