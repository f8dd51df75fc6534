"""Storage: the canonical model in a relational database (SQLAlchemy 2, Alembic).

from yusuan.store import db, service
Session = db.open_database()          # default SQLite file, upgraded to the newest schema
with Session() as session:
    result = service.import_disclosure(session, disclosure, data=raw, file_name="a.txt")
    same = service.export(session, result.disclosure_id)
"""

from .errors import InvalidTransition, NotFound, StoreError
from .views import (
    DepartmentRef,
    DisclosureInfo,
    Grid,
    ImportResult,
    ProjectSummary,
    SearchHit,
    StoredFinding,
)

__all__ = [
    "DepartmentRef",
    "DisclosureInfo",
    "Grid",
    "ImportResult",
    "InvalidTransition",
    "NotFound",
    "ProjectSummary",
    "SearchHit",
    "StoreError",
    "StoredFinding",
]
