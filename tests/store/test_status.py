"""Publication status: draft -> submitted -> published; a rejection goes back to draft."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from yusuan.store import InvalidTransition, NotFound, service

from .conftest import Doc


@pytest.fixture
def draft(session: Session, store_seed: Doc) -> int:
    return service.import_disclosure(
        session, store_seed.disclosure, data=store_seed.data, status="draft"
    ).disclosure_id


def status(session: Session, disclosure_id: int) -> str:
    return service.get_disclosure(session, disclosure_id).status


def test_workflow(session: Session, draft: int) -> None:
    assert service.set_status(session, draft, "submitted") == "draft"
    assert status(session, draft) == "submitted"
    assert service.set_status(session, draft, "draft") == "submitted"  # rejected
    service.set_status(session, draft, "submitted")
    service.set_status(session, draft, "published")
    assert status(session, draft) == "published"


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], "published"),  # a draft is submitted before it is published
        ([], "draft"),
        (["submitted"], "submitted"),
        (["submitted", "published"], "draft"),  # published is final: a new version corrects
        (["submitted", "published"], "submitted"),
        ([], "archived"),
    ],
)
def test_refused(session: Session, draft: int, path: list[str], refused: str) -> None:
    for step in path:
        service.set_status(session, draft, step)
    before = status(session, draft)
    with pytest.raises(InvalidTransition) as err:
        service.set_status(session, draft, refused)
    assert (err.value.current, err.value.wanted) == (before, refused)
    assert status(session, draft) == before


def test_unknown_disclosure(session: Session) -> None:
    with pytest.raises(NotFound):
        service.set_status(session, 999, "submitted")
    with pytest.raises(NotFound):
        service.export(session, 999)
    with pytest.raises(NotFound):
        service.get_disclosure(session, 999)
