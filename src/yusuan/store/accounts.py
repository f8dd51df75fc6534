"""Accounts, roles, login sessions, the login rate limit, finding reviews and the audit log.

Roles: `preparer` (one department: uploads its drafts and submits them), `reviewer` (the
finance bureau: sees every department's drafts and submissions, reviews findings, publishes or
sends back), `admin` (everything a reviewer may, and manages users). The public needs no
account: it sees published disclosures.

Every change goes to the audit log in the same transaction as the change itself (`record_audit`
adds the row; the function that changes commits both or neither).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from .. import model as m
from . import service
from . import tables as t
from .errors import NotFound, StoreError
from .views import ImportResult
from .visibility import ALL_STATUSES, Visibility

ROLES = t.ROLES
Role = Literal["admin", "reviewer", "preparer"]
REVIEW_STATUSES = ("open", "accepted", "disputed")

#: Failed logins of one name from one address within `LOGIN_WINDOW` before 429.
LOGIN_LIMIT = 5
LOGIN_WINDOW = timedelta(minutes=15)
SESSION_TTL = timedelta(hours=12)
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Verified against when the name is unknown: a login takes as long either way.
_DUMMY_HASH = _hasher.hash("yusuan-no-such-user")


class AccountError(StoreError):
    """An account request the rules refuse (bilingual, like every user-facing error)."""


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    role: str
    department: str | None
    active: bool
    created_at: datetime | None = None

    @property
    def visibility(self) -> Visibility:
        """Reviewers and admins see everything; a preparer also its department's drafts."""
        if self.role in ("reviewer", "admin"):
            return Visibility(ALL_STATUSES)
        return Visibility(frozenset({"published"}), self.department)

    @property
    def is_reviewer(self) -> bool:
        return self.role in ("reviewer", "admin")


@dataclass(frozen=True, slots=True)
class LoginSession:
    account: Account
    csrf_secret: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    user_name: str | None
    action: str
    object_type: str
    object_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # SQLite gives naive datetimes back; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _account(row: t.User) -> Account:
    return Account(row.id, row.name, row.role, row.department, row.active, row.created_at)


def _public(row: t.User) -> dict[str, Any]:
    """What the audit log keeps of a user (never the password hash)."""
    return {"name": row.name, "role": row.role, "department": row.department, "active": row.active}


def _commit(session: Session) -> None:
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise


# --------------------------------------------------------------------------------------------
# The audit log


def record_audit(
    session: Session,
    actor: str | None,
    action: str,
    object_type: str,
    object_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add one audit row to the session: it is committed with the change it describes."""
    session.add(
        t.AuditEntry(
            at=_now(),
            user_name=actor,
            action=action,
            object_type=object_type,
            object_id=None if object_id is None else str(object_id),
            before=before,
            after=after,
        )
    )


def list_audit(
    session: Session,
    *,
    object_type: str | None = None,
    object_id: object = None,
    action: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[AuditRecord], int]:
    """Newest first."""
    conditions = [
        c
        for c in (
            t.AuditEntry.object_type == object_type if object_type else None,
            t.AuditEntry.object_id == str(object_id) if object_id is not None else None,
            t.AuditEntry.action == action if action else None,
        )
        if c is not None
    ]
    total = session.scalar(select(func.count(t.AuditEntry.id)).where(*conditions)) or 0
    rows = session.scalars(
        select(t.AuditEntry)
        .where(*conditions)
        .order_by(t.AuditEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    out = [
        AuditRecord(
            r.id, _aware(r.at), r.user_name, r.action, r.object_type, r.object_id, r.before, r.after
        )
        for r in rows
    ]
    return out, total


# --------------------------------------------------------------------------------------------
# Users


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() or c == "/" for c in name):
        raise AccountError(
            f"用户名无效：{name!r}（1–64 个字符，不含空白和 /）",
            f"bad user name {name!r} (1-64 characters, no white space or /)",
        )
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            f"密码至少 {MIN_PASSWORD} 个字符", f"the password needs {MIN_PASSWORD} characters"
        )


def _user_row(session: Session, name: str) -> t.User:
    row = session.scalars(select(t.User).where(t.User.name == name)).first()
    if row is None:
        raise NotFound(f"用户 {name}", f"user {name}")
    return row


def create_user(
    session: Session,
    name: str,
    password: str,
    role: str,
    department: str | None = None,
    *,
    actor: str | None = None,
) -> Account:
    """Add a user (audited as `user.add`). A preparer needs its department's code."""
    name = _check_name(name)
    if role not in ROLES:
        raise AccountError(f"角色无效：{role}", f"bad role {role} (one of {', '.join(ROLES)})")
    department = (department or "").strip() or None
    if role == "preparer" and department is None:
        raise AccountError(
            "编制人员（preparer）需要 --department 部门编码", "a preparer needs --department CODE"
        )
    if role != "preparer" and department is not None:
        raise AccountError("只有编制人员属于某个部门", "only a preparer belongs to a department")
    _check_password(password)
    if session.scalars(select(t.User.id).where(t.User.name == name)).first() is not None:
        raise AccountError(f"用户 {name} 已存在", f"user {name} exists already")
    row = t.User(
        name=name,
        password_hash=_hasher.hash(password),
        role=role,
        department=department,
        active=True,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    record_audit(session, actor, "user.add", "user", name, None, _public(row))
    _commit(session)
    return _account(row)


def list_users(session: Session) -> list[Account]:
    return [_account(r) for r in session.scalars(select(t.User).order_by(t.User.name))]


def get_user(session: Session, name: str) -> Account:
    return _account(_user_row(session, name))


def set_active(session: Session, name: str, active: bool, *, actor: str | None = None) -> Account:
    """Disable (or enable again) a user; disabling ends its sessions. Audited."""
    row = _user_row(session, name)
    if row.active == active:  # nothing changes, nothing to log
        return _account(row)
    before = _public(row)
    row.active = active
    if not active:
        session.execute(delete(t.UserSession).where(t.UserSession.user_id == row.id))
    record_audit(
        session,
        actor,
        "user.enable" if active else "user.disable",
        "user",
        name,
        before,
        _public(row),
    )
    _commit(session)
    return _account(row)


def change_password(
    session: Session, name: str, old: str, new: str, *, actor: str | None = None
) -> None:
    """Change a password (the old one must match); other sessions of the user end. Audited
    without any hash: before/after say only that it changed."""
    row = _user_row(session, name)
    if not _verify(row.password_hash, old):
        raise AccountError("原密码不正确", "the current password is wrong")
    _check_password(new)
    row.password_hash = _hasher.hash(new)
    record_audit(
        session,
        actor or name,
        "user.password",
        "user",
        name,
        {"password": "old"},
        {"password": "changed"},
    )
    _commit(session)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


# --------------------------------------------------------------------------------------------
# Logging in: the rate limit, sessions


def login_blocked(session: Session, name: str, ip: str) -> bool:
    """True when `name` has failed LOGIN_LIMIT times from `ip` within LOGIN_WINDOW."""
    since = _now() - LOGIN_WINDOW
    count = session.scalar(
        select(func.count(t.LoginFailure.id)).where(
            t.LoginFailure.name == name, t.LoginFailure.ip == ip, t.LoginFailure.at >= since
        )
    )
    return (count or 0) >= LOGIN_LIMIT


def authenticate(session: Session, name: str, password: str, ip: str = "") -> Account | None:
    """The active user with this name and password, or None (and the failure is counted for
    the rate limit; a success clears the count). Check `login_blocked` first."""
    row = session.scalars(select(t.User).where(t.User.name == name)).first()
    ok = _verify(row.password_hash if row else _DUMMY_HASH, password)
    if row is None or not ok or not row.active:
        session.add(t.LoginFailure(name=name[:200], ip=ip, at=_now()))
        # Old failures go: the table holds at most a window's worth.
        session.execute(delete(t.LoginFailure).where(t.LoginFailure.at < _now() - LOGIN_WINDOW))
        _commit(session)
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    session.execute(
        delete(t.LoginFailure).where(t.LoginFailure.name == name, t.LoginFailure.ip == ip)
    )
    _commit(session)
    return _account(row)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(
    session: Session, account: Account, ttl: timedelta = SESSION_TTL
) -> tuple[str, LoginSession]:
    """A new login: returns the cookie token (kept only hashed) and the session."""
    token = secrets.token_urlsafe(32)
    now = _now()
    row = t.UserSession(
        token_hash=token_hash(token),
        user_id=account.id,
        created_at=now,
        expires_at=now + ttl,
        csrf_secret=secrets.token_urlsafe(32),
    )
    session.add(row)
    session.execute(delete(t.UserSession).where(t.UserSession.expires_at < now))
    _commit(session)
    return token, LoginSession(account, row.csrf_secret, row.expires_at)


def session_for(session: Session, token: str) -> LoginSession | None:
    """The unexpired session of an active user holding this cookie token, or None."""
    row = session.execute(
        select(t.UserSession, t.User)
        .join(t.User, t.User.id == t.UserSession.user_id)
        .where(t.UserSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    login, user = row
    if not user.active or _aware(login.expires_at) <= _now():
        return None
    return LoginSession(_account(user), login.csrf_secret, _aware(login.expires_at))


def end_session(session: Session, token: str) -> None:
    session.execute(delete(t.UserSession).where(t.UserSession.token_hash == token_hash(token)))
    _commit(session)


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


# --------------------------------------------------------------------------------------------
# Changes to disclosures and findings, audited


def _disclosure_state(session: Session, disclosure_id: int) -> dict[str, Any]:
    info = service.get_disclosure(session, disclosure_id)
    return {
        "status": info.status,
        "department": info.department.code,
        "year": info.year,
        "kind": info.kind,
        "version": info.version,
        "file_name": info.file_name,
        "content_hash": info.content_hash,
    }


@contextmanager
def _audit_new_disclosures(session: Session, actor: str | None) -> Iterator[None]:
    """While inside, every disclosure row the session inserts gets an `disclosure.upload` audit
    row, added just before the commit that stores it (so both or neither are kept)."""
    inserted: list[t.Disclosure] = []

    def after_flush(sess: Session, _context: Any) -> None:
        inserted.extend(o for o in sess.new if isinstance(o, t.Disclosure))

    def before_commit(sess: Session) -> None:
        for row in inserted:
            record_audit(
                sess,
                actor,
                "disclosure.upload",
                "disclosure",
                row.id,
                None,
                {
                    "status": row.status,
                    "department": row.department_code,
                    "year": row.year,
                    "kind": row.kind,
                    "version": row.version,
                    "file_name": row.file_name,
                    "content_hash": row.content_hash,
                },
            )
        inserted.clear()

    def after_rollback(_sess: Session) -> None:
        inserted.clear()

    hooks = (
        ("after_flush", after_flush),
        ("before_commit", before_commit),
        ("after_soft_rollback", lambda sess, _prev: after_rollback(sess)),
    )
    for name, fn in hooks:
        event.listen(session, name, fn)
    try:
        yield
    finally:
        for name, fn in hooks:
            event.remove(session, name, fn)


def import_audited(
    session: Session,
    disclosure: m.Disclosure,
    *,
    data: bytes,
    file_name: str | None,
    status: Literal["published", "draft"],
    actor: str | None,
    department_code: str | None = None,
) -> ImportResult:
    """`service.import_disclosure`, with a `disclosure.upload` audit row in its transaction
    (none when the same bytes were stored before: nothing changed)."""
    with _audit_new_disclosures(session, actor):
        return service.import_disclosure(
            session,
            disclosure,
            data=data,
            file_name=file_name,
            status=status,
            department_code=department_code,
            imported_by=actor,
        )


def change_status(session: Session, disclosure_id: int, status: str, *, actor: str | None) -> str:
    """`service.set_status` (draft -> submitted -> published; submitted -> draft) with a
    `disclosure.status` audit row committed with it. Returns the old status."""
    before = _disclosure_state(session, disclosure_id)
    after = {**before, "status": status}
    # set_status must check the transition on the row as it is under its lock, not on the
    # copy just read: forget it.
    session.expire_all()
    record_audit(session, actor, "disclosure.status", "disclosure", disclosure_id, before, after)
    # set_status commits the audit row with the change, or rolls both back.
    return service.set_status(session, disclosure_id, status)


@dataclass(frozen=True, slots=True)
class Review:
    finding_id: int
    disclosure_id: int
    status: str
    comment: str | None
    reviewed_by: str | None
    reviewed_at: datetime | None


def _review_state(row: t.Finding) -> dict[str, Any]:
    return {
        "rule": row.rule,
        "review_status": row.review_status,
        "review_comment": row.review_comment,
        "reviewed_by": row.reviewed_by,
    }


def finding_disclosure(session: Session, finding_id: int) -> int:
    """The disclosure a finding belongs to (NotFound for an unknown finding)."""
    disclosure_id = session.scalar(
        select(t.Finding.disclosure_id).where(t.Finding.id == finding_id)
    )
    if disclosure_id is None:
        raise NotFound(f"审核发现 {finding_id}", f"finding {finding_id}")
    return disclosure_id


def review_finding(
    session: Session, finding_id: int, status: str, comment: str | None, *, actor: str
) -> Review:
    """Mark a finding accepted or disputed (or open again) with a comment. Audited."""
    if status not in REVIEW_STATUSES:
        raise AccountError(
            f"审核结论只能是 {'、'.join(REVIEW_STATUSES)}",
            f"the review status must be one of {', '.join(REVIEW_STATUSES)}",
        )
    comment = (comment or "").strip() or None
    if status == "disputed" and comment is None:
        raise AccountError("有异议时请写明理由", "a disputed finding needs a comment")
    row = session.get(t.Finding, finding_id)
    if row is None:
        raise NotFound(f"审核发现 {finding_id}", f"finding {finding_id}")
    before = _review_state(row)
    row.review_status = status
    row.review_comment = comment
    row.reviewed_by = actor
    row.reviewed_at = _now()
    record_audit(
        session, actor, "finding.review", "finding", finding_id, before, _review_state(row)
    )
    _commit(session)
    return Review(
        row.id, row.disclosure_id, row.review_status, row.review_comment, actor, row.reviewed_at
    )
