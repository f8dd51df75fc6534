"""Admins manage users and read the audit log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...store import NotFound, accounts
from ...store.accounts import AccountError
from ..auth import require_role
from ..deps import SessionDep, UserDep
from .common import render

router = APIRouter(prefix="/admin")

PAGE = 100


def _users_page(
    request: Request, session: Any, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    context = {"users": accounts.list_users(session), "roles": accounts.ROLES, **extra}
    return render(request, "admin_users.html", context, status_code=status_code)


@router.get("/users", name="admin_users", response_class=HTMLResponse)
def users(request: Request, session: SessionDep, user: UserDep) -> HTMLResponse:
    require_role(request, user, "admin")
    return _users_page(request, session)


@router.post("/users", name="admin_user_add", response_class=HTMLResponse)
def add_user(
    request: Request,
    session: SessionDep,
    user: UserDep,
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    department: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    admin = require_role(request, user, "admin")
    try:
        accounts.create_user(session, name, password, role, department or None, actor=admin.name)
    except AccountError as exc:
        return _users_page(
            request, session, 422, error=exc.one_line(), form=locals_form(name, role, department)
        )
    return RedirectResponse(request.app.url_path_for("admin_users"), status_code=303)


def locals_form(name: str, role: str, department: str) -> dict[str, str]:
    return {"name": name, "role": role, "department": department}


def _set_active(request: Request, session: Any, user: Any, name: str, active: bool) -> Response:
    admin = require_role(request, user, "admin")
    if admin.name == name and not active:
        return _users_page(
            request, session, 422, error="不能停用自己 / you cannot disable yourself"
        )
    try:
        accounts.set_active(session, name, active, actor=admin.name)
    except NotFound as exc:
        return _users_page(request, session, 404, error=exc.one_line())
    return RedirectResponse(request.app.url_path_for("admin_users"), status_code=303)


@router.post("/users/{name}/disable", name="admin_user_disable")
def disable_user(request: Request, name: str, session: SessionDep, user: UserDep) -> Response:
    return _set_active(request, session, user, name, False)


@router.post("/users/{name}/enable", name="admin_user_enable")
def enable_user(request: Request, name: str, session: SessionDep, user: UserDep) -> Response:
    return _set_active(request, session, user, name, True)


@router.get("/audit", name="admin_audit", response_class=HTMLResponse)
def audit(
    request: Request,
    session: SessionDep,
    user: UserDep,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    require_role(request, user, "admin")
    rows, total = accounts.list_audit(session, limit=PAGE, offset=offset)
    context = {"rows": rows, "total": total, "offset": offset, "page": PAGE}
    return render(request, "admin_audit.html", context)
