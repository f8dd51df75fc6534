"""Queries across departments and years, projects, findings and search."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import derive as dv
import yusuan
from derive import SEED_NAME
from yusuan.store import DisclosureInfo, NotFound, service
from yusuan.store import tables as t

from .conftest import Doc
from .documents import full_document, with_year


@pytest.fixture
def four(session: Session, store_seed: Doc) -> dict[tuple[str, int], int]:
    """Two departments × two years: the seed (306, 2021), `rename_department` (412, 2023),
    and each of them moved to the other's year. 412/2021 stays a draft."""
    seed = store_seed.disclosure
    other_bytes = dv.rename_department(store_seed.data.decode()).encode()
    other = yusuan.read(other_bytes, name=SEED_NAME)
    docs = {
        ("306", 2021): (seed, store_seed.data),
        ("412", 2023): (other, other_bytes),
        ("306", 2023): (with_year(seed, 2023), None),
        ("412", 2021): (with_year(other, 2021), None),
    }
    ids = {}
    for key, (d, data) in docs.items():
        result = service.import_disclosure(
            session,
            d,
            data=data or yusuan.dumps(d).encode(),
            status="draft" if key == ("412", 2021) else "published",
        )
        ids[key] = result.disclosure_id
    return ids


def test_list_across_departments_and_years(
    session: Session, four: dict[tuple[str, int], int]
) -> None:
    rows, total = service.list_disclosures(session)
    assert total == 4
    assert [(r.department.code, r.year) for r in rows] == [
        ("306", 2023),
        ("412", 2023),
        ("306", 2021),
        ("412", 2021),
    ]
    rows, total = service.list_disclosures(session, status="published")
    assert total == 3 and ("412", 2021) not in {(r.department.code, r.year) for r in rows}
    rows, total = service.list_disclosures(session, department="412")
    assert {r.year for r in rows} == {2021, 2023} and total == 2
    rows, _ = service.list_disclosures(session, department=dv.OTHER_SHORT, year=2023)
    assert [r.id for r in rows] == [four[("412", 2023)]]
    rows, total = service.list_disclosures(session, year=2021, status=["draft", "submitted"])
    assert (total, rows[0].id) == (1, four[("412", 2021)])
    page, total = service.list_disclosures(session, limit=2, offset=1)
    assert total == 4 and [r.year for r in page] == [2023, 2021]


def test_grid(session: Session, four: dict[tuple[str, int], int]) -> None:
    grid = service.departments_years(session)
    assert [d.code for d in grid.departments] == ["306", "412"]
    assert grid.years == [2021, 2023]
    ids = {d.code: d.id for d in grid.departments}
    for (code, year), disclosure_id in four.items():
        assert assert_one(grid.cells[(ids[code], year)]) == disclosure_id
    public = service.departments_years(session, status="published")
    assert (ids["412"], 2021) not in public.cells


def assert_one(cells: list[DisclosureInfo]) -> int:
    assert len(cells) == 1
    return cells[0].id


def test_grid_shows_the_newest_version(session: Session, store_seed: Doc) -> None:
    service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    newer = service.import_disclosure(session, store_seed.disclosure, data=b"v2")
    grid = service.departments_years(session)
    (cell,) = grid.cells.values()
    assert [c.id for c in cell] == [newer.disclosure_id]


def test_amount_order(session: Session, store_seed: Doc) -> None:
    """By number, not by text: 20000.00 > 7666.48 > 42.40 > 5.00 (text order would differ)."""
    did = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    rows, total = service.list_projects(session, did.disclosure_id, sort="amount", limit=100)
    amounts = [r.amount for r in rows]
    assert total == 35 and len(amounts) == 35
    assert amounts == sorted(amounts, key=lambda a: (a is None, a))
    assert amounts != sorted(amounts, key=lambda a: (a is None, str(a)))
    top, _ = service.list_projects(session, did.disclosure_id, sort="-amount", limit=3)
    assert [r.amount for r in top] == [Decimal("20000.00"), Decimal("7666.48"), Decimal("6001.30")]
    assert str(top[0].amount) == "20000.00"
    # Comparing money in SQL works the same way.
    from yusuan.store.types import money_order

    big = session.scalars(
        select(t.Project.no).where(money_order(t.Project.amount) > 1000).order_by(t.Project.no)
    ).all()
    assert sorted(big) == sorted(
        p.no for p in store_seed.disclosure.projects if p.amount and p.amount > 1000
    )


def test_projects(session: Session, store_seed: Doc, extra_findings: Any) -> None:
    seed = store_seed.disclosure
    did = service.import_disclosure(session, seed, data=store_seed.data).disclosure_id
    rows, total = service.list_projects(session, did)
    assert [r.no for r in rows] == sorted(p.no for p in seed.projects)
    first = rows[0]
    p1 = seed.projects[0]
    assert (first.code, first.name, first.amount) == (p1.code, p1.name, p1.amount)
    assert first.plan == {m: p1.plan.get(m) for m in ("3", "6", "10", "12")}
    for summary in rows:
        findings = service.list_findings(session, did, project_no=summary.no)
        assert summary.findings == len(findings)
    assert rows[0].findings > 0 and rows[3].findings > 0  # project 4: its second location
    page, total = service.list_projects(session, did, sort="-no", limit=5, offset=5)
    assert total == 35 and [r.no for r in page] == [30, 29, 28, 27, 26]
    hits, total = service.list_projects(session, did, q="保险")
    texts = {p.no: f"{p.name}{p.code}{p.purpose}" for p in seed.projects}
    assert total == len(hits) >= 2
    assert [h.no for h in hits] == sorted(no for no, text in texts.items() if "保险" in text)
    assert service.project_amount_total(session, did) == sum(
        (p.amount for p in seed.projects if p.amount is not None), Decimal(0)
    )
    with pytest.raises(ValueError):
        service.list_projects(session, did, sort="purpose")
    with pytest.raises(NotFound):
        service.list_projects(session, 999)


def test_get_project(session: Session, store_seed: Doc) -> None:
    seed = store_seed.disclosure
    did = service.import_disclosure(session, seed, data=store_seed.data).disclosure_id
    for p in (seed.projects[0], seed.projects[20], seed.projects[-1]):
        assert service.get_project(session, did, p.no) == p
    with pytest.raises(NotFound):
        service.get_project(session, did, 999)
    assert service.source_place(session, did, "projects[0]") == seed.projects[0].source
    assert service.source_place(session, did, "nowhere") is None


def test_findings_filters(session: Session, store_seed: Doc, extra_findings: Any) -> None:
    report = extra_findings(store_seed.disclosure)
    did = service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
    did_ = did.disclosure_id
    every = service.list_findings(session, did_)
    assert [f.finding for f in every] == report.findings
    for severity in ("error", "warning", "info"):
        got = service.list_findings(session, did_, severity=severity)
        assert [f.finding for f in got] == [f for f in report.findings if f.severity == severity]
    rule = report.findings[0].rule
    got = service.list_findings(session, did_, rule=rule)
    assert got and {f.finding.rule for f in got} == {rule}
    for no in (1, 4):
        got = service.list_findings(session, did_, project_no=no)
        expected = [f for f in report.findings if any(x.project_no == no for x in f.locations)]
        assert got and [f.finding for f in got] == expected
    with_suppressed = service.list_findings(session, did_, include_suppressed=True)
    assert [f.finding for f in with_suppressed] == [*report.findings, *report.suppressed]
    assert with_suppressed[-1].finding.suppressed == "已书面说明"


def test_search(session: Session, store_seed: Doc) -> None:
    seed = store_seed.disclosure
    d = full_document(seed)
    draft = service.import_disclosure(session, d, data=b"full", status="draft")
    published = service.import_disclosure(session, seed, data=store_seed.data)
    hits, total = service.search(session, "保险", status="published")
    assert total == len(hits) and {h.disclosure_id for h in hits} == {published.disclosure_id}
    by_no = {h.project_no: h for h in hits}
    assert {"name", "purpose", "indicator"} <= set(by_no[1].matched)
    assert by_no[1].indicators and by_no[1].project_name == "科技保险保费补贴"
    # Indicator names and descriptions are searched too.
    name = seed.projects[5].indicators[0].name
    hits, _ = service.search(session, name, status="published")
    assert 6 in {h.project_no for h in hits}
    # LIKE wildcards are taken literally: "_100%" matches only the project that holds it.
    hits, total = service.search(session, "_100%")
    assert [(h.disclosure_id, h.project_no) for h in hits] == [(draft.disclosure_id, 1)]
    hits, _ = service.search(session, "\\补贴")
    assert [h.project_no for h in hits] == [1]
    assert service.search(session, "   ") == ([], 0)
    page, total = service.search(session, "科技", limit=3, offset=2)
    assert len(page) == 3 and total > 5
