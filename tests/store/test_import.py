"""Imports are transactions, idempotent by content hash, and keep versions side by side."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import yusuan
from yusuan.store import StoreError, mapping, service
from yusuan.store import tables as t

from .conftest import Doc, row_counts
from .documents import copy, full_document


def test_same_bytes_change_nothing(session: Session, store_seed: Doc) -> None:
    first = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    before = row_counts(session)
    again = service.import_disclosure(
        session, store_seed.disclosure, data=store_seed.data, status="draft", imported_by="x"
    )
    assert (again.disclosure_id, again.created, again.version) == (first.disclosure_id, False, 1)
    assert row_counts(session) == before
    assert service.get_disclosure(session, first.disclosure_id).status == "published"


def test_new_version_kept_beside_the_old(session: Session, store_seed: Doc) -> None:
    first = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    changed = copy(store_seed.disclosure)
    changed.projects[0].name = "改过的名称"
    second = service.import_disclosure(
        session, changed, data=yusuan.dumps(changed).encode(), file_name="v2.json"
    )
    assert second.created and second.version == 2
    assert second.disclosure_id != first.disclosure_id
    session.expunge_all()
    assert service.export(session, first.disclosure_id) == store_seed.disclosure
    assert service.export(session, second.disclosure_id) == changed
    rows, total = service.list_disclosures(session)
    assert total == 2 and [r.version for r in rows] == [2, 1]
    assert len({r.department_id for r in rows}) == 1
    # Another kind of the same department and year is not a version of the budget.
    final = copy(store_seed.disclosure)
    final.kind = "final"
    third = service.import_disclosure(session, final, data=yusuan.dumps(final).encode())
    assert third.version == 1


def test_findings_stored_with_the_disclosure(
    session: Session, store_seed: Doc, extra_findings: Any
) -> None:
    report = extra_findings(store_seed.disclosure)
    result = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    stored = service.list_findings(session, result.disclosure_id, include_suppressed=True)
    assert [s.finding for s in stored] == [*report.findings, *report.suppressed]
    assert {s.review_status for s in stored} <= {"open"}
    # Checking the stored export gives the same findings as checking the file.
    again = yusuan.check(service.export(session, result.disclosure_id))
    assert again.findings == yusuan.check(store_seed.disclosure).findings


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("step", ["_insert_indicators", "insert_findings", "_insert_sources"])
def test_failed_import_leaves_nothing(
    session: Session, store_seed: Doc, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A database error midway (after half the rows are in) rolls the whole import back."""
    original = getattr(mapping, step)

    def half_then_fail(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        session.flush()
        assert session.scalar(select(t.Disclosure.id)) is not None  # rows really went in
        raise Boom("injected")

    monkeypatch.setattr(mapping, step, half_then_fail)
    with pytest.raises(Boom):
        service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    assert set(row_counts(session).values()) == {0}
    monkeypatch.undo()
    # Nothing half-done blocks importing the same file afterwards.
    result = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    assert result.created


def test_interrupted_import_leaves_nothing(
    session: Session, store_seed: Doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(mapping, "_insert_tables", interrupt)
    with pytest.raises(KeyboardInterrupt):
        service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    assert set(row_counts(session).values()) == {0}


def test_department_code_must_match(session: Session, store_seed: Doc) -> None:
    with pytest.raises(StoreError) as err:
        service.import_disclosure(
            session, store_seed.disclosure, data=store_seed.data, department_code="412"
        )
    assert "412" in err.value.zh and "306" in err.value.en
    assert set(row_counts(session).values()) == {0}


def test_department_by_name_then_code(session: Session, store_seed: Doc) -> None:
    """A department first seen without a code is the same department once a code is known."""
    no_code = copy(store_seed.disclosure)
    no_code.department.code = None
    a = service.import_disclosure(session, no_code, data=b"no code")
    b = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    ids = {service.get_disclosure(session, x.disclosure_id).department_id for x in (a, b)}
    assert len(ids) == 1
    assert b.version == 2
    dept = session.scalars(select(t.Department)).one()
    assert (dept.code, dept.key) == ("306", "code:306")
    # The preparer's department files a document that prints no code.
    c = service.import_disclosure(session, no_code, data=b"filed", department_code="306")
    assert service.get_disclosure(session, c.disclosure_id).department_id in ids


def test_bad_bbox_refused(session: Session, store_seed: Doc) -> None:
    d = full_document(store_seed.disclosure)
    d.projects[2].source = yusuan.model.Source(page=3, bbox=[1.0, 2.0])
    with pytest.raises(StoreError, match=r"projects\[2\]"):
        service.import_disclosure(session, d, data=b"bad bbox")
    assert set(row_counts(session).values()) == {0}


def test_draft_import(session: Session, store_seed: Doc) -> None:
    result = service.import_disclosure(
        session, store_seed.disclosure, data=store_seed.data, status="draft", imported_by="张三"
    )
    info = service.get_disclosure(session, result.disclosure_id)
    assert (info.status, info.imported_by, info.file_name) == ("draft", "张三", None)
    assert info.content_hash == service.content_hash(store_seed.data)
    assert info.department.code == "306" and info.year == 2021 and info.kind == "budget"


def test_text_the_database_cannot_hold(session: Session, store_seed: Doc, backend: str) -> None:
    """PostgreSQL text holds no NUL character: the import is refused whole, with one error."""
    d = copy(store_seed.disclosure)
    d.projects[3].indicators[2].description = "a\x00b"
    if backend == "sqlite":
        result = service.import_disclosure(session, d, data=b"nul")
        assert service.export(session, result.disclosure_id) == d
        return
    with pytest.raises(StoreError):
        service.import_disclosure(session, d, data=b"nul")
    assert set(row_counts(session).values()) == {0}
