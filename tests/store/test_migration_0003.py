"""Migration 0003 (narrative paragraphs): a database at 0002 holding a disclosure is upgraded
to head with its data intact, and a disclosure with narrative then stores whole."""

from __future__ import annotations

from sqlalchemy import Engine

import yusuan
from yusuan.store import db, service

from .conftest import Doc
from .documents import copy
from .test_migration_0002 import row_counts
from .test_migrations import differences, schema_tables


def test_upgrade_0002_with_data_to_0003_narrative(empty_engine: Engine, store_seed: Doc) -> None:
    """A database at 0002 holding a disclosure gains the narrative table (0003) with its data
    intact; a disclosure with narrative paragraphs then imports and exports whole."""
    db.upgrade(empty_engine, "0002")
    sessions = db.make_sessionmaker(empty_engine)
    with sessions() as session:
        did = service.import_disclosure(
            session, store_seed.disclosure, data=store_seed.data
        ).disclosure_id
        before = row_counts(session)
    assert "narrative_paragraphs" not in schema_tables(empty_engine)
    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) == db.head_revision()
    assert differences(empty_engine) == []
    final = copy(store_seed.disclosure)
    final.kind = "final"
    final.narrative = [
        yusuan.model.Paragraph(
            heading="二、收入决算情况说明",
            text="本年收入合计2946.25万元。",
            source=yusuan.model.Source(page=21, bbox=[73.45, 268.13, 513.15, 293.42]),
        )
    ]
    with sessions() as session:
        after = row_counts(session)
        assert {k: v for k, v in after.items() if k in before} == before
        assert after["narrative_paragraphs"] == 0
        assert service.export(session, did) == store_seed.disclosure
        new = service.import_disclosure(
            session, final, data=yusuan.dumps(final).encode()
        ).disclosure_id
        session.expunge_all()
        back = service.export(session, new)
        assert yusuan.dumps(back) == yusuan.dumps(final)
        assert back.narrative[0].source == final.narrative[0].source
