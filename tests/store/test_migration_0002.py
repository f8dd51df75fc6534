"""Migration 0002 (accounts, sessions, login failures, audit log): a database at 0001 holding
the seed is upgraded to head with its data intact, and the new tables work at once."""

from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

import yusuan
from yusuan.store import accounts, db, service
from yusuan.store import tables as t

from .conftest import Doc


def row_counts(session: Session) -> dict[str, int]:
    """Rows in every table of the schema that the database has."""
    session.rollback()
    present = set(inspect(session.get_bind()).get_table_names())
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in t.Base.metadata.tables.items()
        if name in present
    }


def test_upgrade_0001_with_seed_to_head(empty_engine: Engine, store_seed: Doc) -> None:
    db.upgrade(empty_engine, "0001")
    assert db.current_revision(empty_engine) == "0001"
    assert not t.ACCOUNT_TABLES & set(inspect(empty_engine).get_table_names())
    sessions = db.make_sessionmaker(empty_engine)
    with sessions() as session:
        result = service.import_disclosure(
            session, store_seed.disclosure, data=store_seed.data, file_name=store_seed.name
        )
        before = row_counts(session)
        # Export reads the tables of the newest schema (0003 narrative, 0004 its parents): what
        # it must give back after the upgrade is what was imported.
        exported = yusuan.dumps(store_seed.disclosure)

    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) == db.head_revision()
    assert set(inspect(empty_engine).get_table_names()) >= t.ACCOUNT_TABLES
    with sessions() as session:
        after = row_counts(session)
        # Tables of later revisions (0003 narrative paragraphs …) come empty.
        assert {k: v for k, v in after.items() if k in before} == before
        assert all(after[k] == 0 for k in after if k not in before)
        assert all(after[name] == 0 for name in t.ACCOUNT_TABLES)
        session.expunge_all()
        assert yusuan.dumps(service.export(session, result.disclosure_id)) == exported
        # The new tables are usable on the upgraded database.
        accounts.create_user(session, "lin", "a-long-password", "reviewer", actor="admin")
        rows, total = accounts.list_audit(session)
        assert total >= 1 and rows[-1].action == "user.add"


def test_downgrade_to_0001_drops_only_the_account_tables(
    empty_engine: Engine, store_seed: Doc
) -> None:
    db.upgrade(empty_engine)
    sessions = db.make_sessionmaker(empty_engine)
    with sessions() as session:
        service.import_disclosure(session, store_seed.disclosure, data=store_seed.data)
        accounts.create_user(session, "lin", "a-long-password", "admin")
        before = row_counts(session)
    db.downgrade(empty_engine, "0001")
    tables = set(inspect(empty_engine).get_table_names())
    assert not t.ACCOUNT_TABLES & tables
    with sessions() as session:
        session.rollback()
        assert service.list_disclosures(session)[1] == 1
    db.upgrade(empty_engine)
    with sessions() as session:
        after = row_counts(session)
    assert after["disclosures"] == before["disclosures"]
    assert after["users"] == 0
