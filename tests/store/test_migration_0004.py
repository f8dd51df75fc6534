"""Migration 0004 (the headings that enclose a narrative paragraph's own): a database at 0003
holding narrative paragraphs is upgraded to head with every paragraph intact and no enclosing
headings, and a paragraph with them then stores whole; downgrading to 0003 drops the column and
nothing else."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

import yusuan
from yusuan.store import db, service

from .conftest import Doc
from .documents import copy
from .test_migration_0002 import row_counts
from .test_migrations import differences

PART = "第三部分 上海市普陀区财政局2023年度部门决算情况说明"
FIVE = "五、一般公共预算财政拨款支出决算情况说明"


def columns(engine: Engine) -> list[str]:
    return [c["name"] for c in inspect(engine).get_columns("narrative_paragraphs")]


def test_upgrade_0003_with_narrative_to_0004_parents(empty_engine: Engine, store_seed: Doc) -> None:
    """Paragraphs stored at 0003 (as 0003 wrote them: no parents column) come back unchanged
    with no enclosing headings; a disclosure whose paragraphs have them then imports and
    exports whole."""
    db.upgrade(empty_engine, "0003")
    sessions = db.make_sessionmaker(empty_engine)
    with sessions() as session:
        did = service.import_disclosure(
            session, store_seed.disclosure, data=store_seed.data
        ).disclosure_id
        # The newest mapping writes `parents`, a column 0003 lacks: the rows 0003 wrote, by
        # hand.
        session.execute(
            text(
                "INSERT INTO narrative_paragraphs (disclosure_id, position, heading, text)"
                " VALUES (:d, 0, :h, :t0), (:d, 1, NULL, :t1)"
            ),
            {
                "d": did,
                "h": "二、收入决算情况说明",
                "t0": "本年收入合计2946.25万元。",
                "t1": "无标题",
            },
        )
        session.execute(
            text(
                "INSERT INTO source_places"
                " (disclosure_id, path, page, bbox_x0, bbox_top, bbox_x1, bbox_bottom)"
                " VALUES (:d, 'narrative[0]', 21, 73.45, 268.13, 513.15, 293.42)"
            ),
            {"d": did},
        )
        session.commit()
        before = row_counts(session)
    assert "parents" not in columns(empty_engine)

    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) == db.head_revision()
    assert differences(empty_engine) == []
    assert "parents" in columns(empty_engine)
    stored = copy(store_seed.disclosure)
    stored.narrative = [
        yusuan.model.Paragraph(
            heading="二、收入决算情况说明",
            text="本年收入合计2946.25万元。",
            source=yusuan.model.Source(page=21, bbox=[73.45, 268.13, 513.15, 293.42]),
        ),
        yusuan.model.Paragraph(heading=None, text="无标题"),
    ]
    final = copy(stored)
    final.kind = "final"
    final.narrative[0].parents = [PART, FIVE]
    final.narrative[0].heading = "（一）一般公共预算财政拨款支出决算总体情况"
    with sessions() as session:
        assert row_counts(session) == before
        session.expunge_all()
        back = service.export(session, did)
        assert yusuan.dumps(back) == yusuan.dumps(stored)
        assert [p.parents for p in back.narrative] == [[], []]
        assert back.narrative[0].source == stored.narrative[0].source
        new = service.import_disclosure(
            session, final, data=yusuan.dumps(final).encode()
        ).disclosure_id
        session.expunge_all()
        back = service.export(session, new)
        assert yusuan.dumps(back) == yusuan.dumps(final)
        assert [p.parents for p in back.narrative] == [[PART, FIVE], []]
        # Stored as a JSON list, outermost first; none is NULL, not a JSON `null` or `[]`.
        rows = session.execute(
            text(
                "SELECT parents IS NULL FROM narrative_paragraphs"
                " WHERE disclosure_id = :d ORDER BY position"
            ),
            {"d": new},
        ).all()
        assert [bool(r[0]) for r in rows] == [False, True]


def test_downgrade_to_0003_drops_only_the_parents_column(
    empty_engine: Engine, store_seed: Doc
) -> None:
    db.upgrade(empty_engine)
    sessions = db.make_sessionmaker(empty_engine)
    final = copy(store_seed.disclosure)
    final.kind = "final"
    final.narrative = [
        yusuan.model.Paragraph(parents=[PART], heading="一、收入支出决算总体情况说明", text="甲。"),
        yusuan.model.Paragraph(
            parents=[PART, FIVE], heading="（一）一般公共预算财政拨款支出决算总体情况", text="乙。"
        ),
    ]
    with sessions() as session:
        did = service.import_disclosure(
            session, final, data=yusuan.dumps(final).encode()
        ).disclosure_id
        before = row_counts(session)
    db.downgrade(empty_engine, "0003")
    assert db.current_revision(empty_engine) == "0003"
    assert "parents" not in columns(empty_engine)
    with sessions() as session:
        assert row_counts(session) == before
        rows = session.execute(
            text(
                "SELECT position, heading, text FROM narrative_paragraphs"
                " WHERE disclosure_id = :d ORDER BY position"
            ),
            {"d": did},
        ).all()
        assert [tuple(r) for r in rows] == [
            (0, "一、收入支出决算总体情况说明", "甲。"),
            (1, "（一）一般公共预算财政拨款支出决算总体情况", "乙。"),
        ]
    # Upgraded again, the paragraphs are whole; their enclosing headings, which 0003 has no
    # column for, are gone (reading the PDF again gives them back).
    db.upgrade(empty_engine)
    assert differences(empty_engine) == []
    with sessions() as session:
        back = service.export(session, did)
        assert [(p.parents, p.heading, p.text) for p in back.narrative] == [
            ([], "一、收入支出决算总体情况说明", "甲。"),
            ([], "（一）一般公共预算财政拨款支出决算总体情况", "乙。"),
        ]
