"""Dependencies, declared once: settings, the database session, the current user and what that
user may see.

Access control plugs in here: `current_user` is the ONE dependency every route uses to learn
who is asking (None = anonymous; `auth` resolves the session cookie), and `visibility(user)`
is the one place that decides which disclosures that user may see (`visible_statuses(user)`
everywhere, plus a preparer's own department in every status). Store queries are filtered by
it, and a disclosure outside it is answered with 404 (drafts are invisible, not forbidden).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from ..store.accounts import Account
from ..store.visibility import Visibility
from . import auth
from .settings import Settings

#: Statuses anyone (also an anonymous visitor) may see.
PUBLIC_STATUSES: frozenset[str] = frozenset({"published"})


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; committed by the service functions that write, closed here."""
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


def current_user(request: Request) -> Account | None:
    """The logged-in user (from the session cookie, see `auth`), or None for an anonymous
    visitor. Looked up once per request."""
    return auth.resolve_user(request)


def visible_statuses(user: Account | None) -> frozenset[str]:
    """The publication statuses `user` may see in every department: only `published` for
    anonymous visitors and preparers, everything for reviewers and admins. A preparer also
    sees its own department in every status: see `visibility`."""
    if user is None:
        return PUBLIC_STATUSES
    return user.visibility.statuses


def visibility(user: Account | None) -> Visibility:
    """`visible_statuses(user)` plus the department a preparer sees in every status; the
    store's queries take it as `status=`, `lookup.disclosure_row` checks one row with it."""
    if user is None:
        return Visibility(PUBLIC_STATUSES)
    return user.visibility


def get_visible(user: Annotated[Account | None, Depends(current_user)]) -> Visibility:
    return visibility(user)


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
UserDep = Annotated[Account | None, Depends(current_user)]
VisibleDep = Annotated[Visibility, Depends(get_visible)]
