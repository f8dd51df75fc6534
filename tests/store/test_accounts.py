"""Accounts: users, passwords (argon2), sessions, the login rate limit, audited changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.store import InvalidTransition, NotFound, accounts, service
from yusuan.store import tables as t
from yusuan.store.accounts import AccountError
from yusuan.store.visibility import Visibility

from .conftest import Doc

PW = "a-long-password"


def test_create_user_hashes_the_password(session: Session) -> None:
    user = accounts.create_user(session, "wang", PW, "preparer", "306", actor="admin")
    assert (user.role, user.department, user.active) == ("preparer", "306", True)
    stored = session.scalars(select(t.User.password_hash)).one()
    assert stored.startswith("$argon2") and PW not in stored
    rows, _ = accounts.list_audit(session)
    assert rows[0].action == "user.add" and rows[0].user_name == "admin"
    assert rows[0].before is None
    assert rows[0].after == {
        "name": "wang",
        "role": "preparer",
        "department": "306",
        "active": True,
    }
    assert "password" not in str(rows[0].after)


@pytest.mark.parametrize(
    ("name", "password", "role", "department"),
    [
        ("", PW, "reviewer", None),
        ("a b", PW, "reviewer", None),
        ("x", PW, "boss", None),
        ("x", PW, "preparer", None),
        ("x", PW, "reviewer", "306"),
        ("x", "short", "reviewer", None),
    ],
)
def test_create_user_refuses(
    session: Session, name: str, password: str, role: str, department: str | None
) -> None:
    with pytest.raises(AccountError) as exc:
        accounts.create_user(session, name, password, role, department)
    assert " / " in exc.value.one_line()
    assert accounts.list_users(session) == []


def test_duplicate_name(session: Session) -> None:
    accounts.create_user(session, "li", PW, "admin")
    with pytest.raises(AccountError):
        accounts.create_user(session, "li", PW, "reviewer")


def test_authenticate_and_rate_limit(session: Session) -> None:
    accounts.create_user(session, "li", PW, "reviewer")
    assert accounts.authenticate(session, "li", PW, "1.2.3.4") is not None
    for _ in range(accounts.LOGIN_LIMIT):
        assert accounts.authenticate(session, "li", "wrong", "1.2.3.4") is None
    assert accounts.login_blocked(session, "li", "1.2.3.4")
    assert not accounts.login_blocked(session, "li", "5.6.7.8")
    assert accounts.authenticate(session, "nobody", PW, "1.2.3.4") is None


def test_sessions(session: Session) -> None:
    user = accounts.create_user(session, "li", PW, "reviewer")
    token, login = accounts.start_session(session, user)
    found = accounts.session_for(session, token)
    assert found is not None and found.account.name == "li"
    assert found.csrf_secret == login.csrf_secret
    assert accounts.session_for(session, token + "x") is None
    stored = session.scalars(select(t.UserSession.token_hash)).all()
    assert token not in stored
    expired, _ = accounts.start_session(session, user, ttl=timedelta(seconds=-1))
    assert accounts.session_for(session, expired) is None
    accounts.set_active(session, "li", False, actor="admin")
    assert accounts.session_for(session, token) is None
    accounts.set_active(session, "li", True, actor="admin")
    assert accounts.authenticate(session, "li", PW) is not None
    token2, _ = accounts.start_session(session, user)
    accounts.end_session(session, token2)
    assert accounts.session_for(session, token2) is None


def test_change_password(session: Session) -> None:
    accounts.create_user(session, "li", PW, "reviewer")
    with pytest.raises(AccountError):
        accounts.change_password(session, "li", "wrong", "another-password")
    accounts.change_password(session, "li", PW, "another-password")
    assert accounts.authenticate(session, "li", PW) is None
    assert accounts.authenticate(session, "li", "another-password") is not None
    with pytest.raises(NotFound):
        accounts.change_password(session, "nobody", PW, "another-password")


def test_audited_import_status_and_review(session: Session, store_seed: Doc) -> None:
    result = accounts.import_audited(
        session,
        store_seed.disclosure,
        data=store_seed.data,
        file_name=store_seed.name,
        status="draft",
        actor="wang",
        department_code="306",
    )
    again = accounts.import_audited(
        session,
        store_seed.disclosure,
        data=store_seed.data,
        file_name=store_seed.name,
        status="draft",
        actor="wang",
    )
    assert not again.created
    rows, total = accounts.list_audit(session)
    assert total == 1 and rows[0].action == "disclosure.upload"
    assert rows[0].after is not None and rows[0].after["status"] == "draft"
    assert rows[0].object_id == str(result.disclosure_id)

    with pytest.raises(InvalidTransition):
        accounts.change_status(session, result.disclosure_id, "published", actor="wang")
    assert accounts.list_audit(session)[1] == 1  # the refused change left no row
    assert accounts.change_status(session, result.disclosure_id, "submitted", actor="wang") == (
        "draft"
    )
    rows, _ = accounts.list_audit(session, object_type="disclosure")
    assert rows[0].before is not None and rows[0].before["status"] == "draft"
    assert rows[0].after is not None and rows[0].after["status"] == "submitted"

    finding = service.list_findings(session, result.disclosure_id)[0]
    with pytest.raises(AccountError):
        accounts.review_finding(session, finding.id, "disputed", "  ", actor="zhao")
    review = accounts.review_finding(session, finding.id, "disputed", "原文如此", actor="zhao")
    assert (review.status, review.comment, review.reviewed_by) == ("disputed", "原文如此", "zhao")
    stored = service.list_findings(session, result.disclosure_id)[0]
    assert (stored.review_status, stored.review_comment) == ("disputed", "原文如此")
    rows, _ = accounts.list_audit(session, object_type="finding", object_id=finding.id)
    assert rows[0].before is not None and rows[0].before["review_status"] == "open"
    with pytest.raises(NotFound):
        accounts.review_finding(session, 10**9, "accepted", None, actor="zhao")


def test_visibility_scopes_queries(session: Session, store_seed: Doc) -> None:
    result = service.import_disclosure(
        session, store_seed.disclosure, data=store_seed.data, status="draft"
    )
    public = Visibility(frozenset({"published"}))
    own = Visibility(frozenset({"published"}), "306")
    other = Visibility(frozenset({"published"}), "412")
    assert service.list_disclosures(session, status=public)[1] == 0
    assert service.list_disclosures(session, status=own)[1] == 1
    assert service.list_disclosures(session, status=other)[1] == 0
    assert service.search(session, "科技", status=own)[1] > 0
    assert service.search(session, "科技", status=other)[1] == 0
    assert service.departments_years(session, status=own).departments
    assert not service.departments_years(session, status=other).departments
    info = service.get_disclosure(session, result.disclosure_id)
    assert own.allows(session, info.status, info.department_id)
    assert not other.allows(session, info.status, info.department_id)
