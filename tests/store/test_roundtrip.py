"""Import -> export gives back exactly the canonical JSON that was imported."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

import derive as dv
import yusuan
from derive import SEED_NAME
from pdf.conftest import SAMPLES
from test_properties import mutated_seed, seed_block_soup
from yusuan.store import db, service
from yusuan.store import tables as t

from .conftest import Doc, row_counts
from .documents import full_document

PUTUO = SAMPLES / "putuo-finance-bureau-2024-final.pdf"


def round_trip(session: Session, d: Any, data: bytes) -> Any:
    result = service.import_disclosure(session, d, data=data, file_name=SEED_NAME)
    assert result.created
    session.expunge_all()  # export reads the database, not what the session remembers
    back = service.export(session, result.disclosure_id)
    assert yusuan.dumps(back) == yusuan.dumps(d)
    assert back == d
    return back


def test_seed(session: Session, store_seed: Doc) -> None:
    back = round_trip(session, store_seed.disclosure, store_seed.data)
    # Decimal scale as printed, _source places, nulls and empty lists, key order.
    assert str(back.projects[0].amount) == "42.40"
    assert back.projects[0].source == store_seed.disclosure.projects[0].source
    assert back.tables == []
    assert list(yusuan.export.to_dict(back)) == list(yusuan.export.to_dict(store_seed.disclosure))


def test_every_table_of_the_schema(session: Session, store_seed: Doc, extra_findings: Any) -> None:
    d = full_document(store_seed.disclosure)
    back = round_trip(session, d, yusuan.dumps(d).encode())
    assert back.tables[0].columns[1] == []
    assert [str(v) for v in back.tables[0].rows[1].values] == ["0.00", "-6.37"]
    assert back.discrepancies[1].table == "70"  # the text "70", not the number 70
    assert back.budget_figures is not None and back.budget_figures.operating_costs is None
    assert [p.parents for p in back.narrative] == [d.narrative[0].parents, []]
    assert len(back.narrative[0].parents) == 2
    assert back.source is not None and back.source.bbox == [0.0, 0.0, 595.28, 841.89]
    counts = row_counts(session)
    # Accounts and the audit log (0002) are not part of a disclosure.
    empty = sorted(name for name, n in counts.items() if n == 0 and name not in t.ACCOUNT_TABLES)
    assert empty == [], f"tables this document does not reach: {empty}"


DERIVED = {
    **{f"text:{k}": (lambda t, f=f: f(t).encode("utf-8")) for k, f in dv.ALL_TEXT.items()},
    **{f"bytes:{k}": f for k, f in dv.SAME_BYTES.items()},
}


@pytest.mark.parametrize("variant", sorted(DERIVED))
def test_derived(variant: str, session: Session, store_seed: Doc) -> None:
    data = DERIVED[variant](store_seed.data.decode("utf-8"))
    d = yusuan.read(data, name=SEED_NAME)
    round_trip(session, d, data)


FEW = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


@FEW
@given(st.one_of(mutated_seed(), seed_block_soup))
def test_mutated_seed(engine: Engine, text: str) -> None:
    data = text.encode("utf-8")
    try:
        d = yusuan.read(data, name=SEED_NAME)
    except yusuan.ReadError:
        return
    with db.make_sessionmaker(engine)() as session:
        existing = service.import_disclosure(session, d, data=data)
        session.expunge_all()
        back = service.export(session, existing.disclosure_id)
        # The same bytes drawn twice give the stored disclosure back: equal all the same.
        assert yusuan.dumps(back) == yusuan.dumps(d)
        assert back == d


def test_final_accounts_pdf_with_narrative(session: Session) -> None:
    """A 决算 PDF (standard tables, narrative paragraphs with page places) comes back identical."""
    if not PUTUO.is_file():
        pytest.skip(f"sample PDF not found: {PUTUO} (../shared/samples/ is beside the clone)")
    data = PUTUO.read_bytes()
    d = yusuan.read(data, name=PUTUO.name)
    assert len(d.narrative) == 29
    result = service.import_disclosure(session, d, data=data, file_name=PUTUO.name)
    session.expunge_all()
    back = service.export(session, result.disclosure_id)
    assert yusuan.dumps(back) == yusuan.dumps(d)
    assert back.narrative == d.narrative
    assert back.narrative[5].source == d.narrative[5].source
    # Every paragraph sits under a sub-heading of 第三部分, some under a sub-heading of that
    # (`五、…` above `（一）…`): the headings that enclose each come back too.
    part = "第三部分上海市普陀区财政局2024年度部门决算情况说明"
    assert [p.parents for p in back.narrative] == [p.parents for p in d.narrative]
    assert {p.parents[0] for p in back.narrative} == {part}
    assert back.narrative[4].parents == [part, "五、一般公共预算财政拨款支出决算情况说明"]
