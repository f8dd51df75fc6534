"""Logging in and out, and changing one's password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...store import accounts
from ...store.accounts import AccountError
from .. import auth
from ..deps import SessionDep, UserDep
from ..envelope import APIError
from .common import render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host, no `//`): never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login", name="login_form", response_class=HTMLResponse)
def login_form(request: Request, user: UserDep, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html", {"next": safe_next(next), "name": ""})


@router.post("/login", name="login_submit", response_class=HTMLResponse)
def login_submit(
    request: Request,
    session: SessionDep,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    try:
        account = auth.check_login(request, session, name.strip(), password)
    except APIError as exc:
        context = {"next": safe_next(next), "name": name, "error": exc.message}
        return render(request, "login.html", context, status_code=exc.status_code)
    response = RedirectResponse(safe_next(next), status_code=303)
    auth.log_in(request, response, account)
    return response


@router.post("/logout", name="logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    auth.log_out(request, response)
    return response


@router.get("/account", name="account_page", response_class=HTMLResponse)
def account_page(request: Request, user: UserDep) -> HTMLResponse:
    auth.require_user(request, user)
    return render(request, "account.html", {})


@router.post("/account", name="account_submit", response_class=HTMLResponse)
def account_submit(
    request: Request,
    session: SessionDep,
    user: UserDep,
    old: Annotated[str, Form(max_length=1000)] = "",
    new: Annotated[str, Form(max_length=1000)] = "",
    again: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    account = auth.require_user(request, user)
    try:
        if new != again:
            raise AccountError("两次输入的新密码不一致", "the new passwords differ")
        accounts.change_password(session, account.name, old, new, actor=account.name)
    except AccountError as exc:
        return render(request, "account.html", {"error": exc.one_line()}, status_code=422)
    return render(request, "account.html", {"done": True})
