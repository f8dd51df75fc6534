"""Who may see which disclosures: publication statuses everywhere, plus every status of one
department (a preparer's own). The store's list queries take a `Visibility` wherever they take
statuses (`status=`), so paging and counts stay right; `allows` decides for one row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from . import tables as t

ALL_STATUSES: frozenset[str] = frozenset(t.STATUSES)


@dataclass(frozen=True, slots=True)
class Visibility:
    statuses: frozenset[str]
    """Statuses visible in every department."""
    department: str | None = None
    """A department code whose disclosures are visible in every status (a preparer's)."""

    def clause(self) -> ColumnElement[bool]:
        """The SQL condition on `disclosures`."""
        everywhere = t.Disclosure.status.in_(sorted(self.statuses))
        if self.department is None:
            return everywhere
        own = t.Disclosure.department_id.in_(
            select(t.Department.id).where(t.Department.code == self.department)
        )
        return or_(everywhere, own)

    def allows(self, session: Session, status: str, department_id: int) -> bool:
        """May this disclosure (its status, its department row) be seen?"""
        if status in self.statuses:
            return True
        if self.department is None:
            return False
        return department_code(session, department_id) == self.department


def department_code(session: Session, department_id: int) -> str | None:
    """The code of the department row a disclosure is filed under (not as printed)."""
    return session.scalar(select(t.Department.code).where(t.Department.id == department_id))
