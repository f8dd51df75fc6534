"""The declarative base and the columns many tables share."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..types import Money

# Named constraints: Alembic can only drop or alter (SQLite batch mode) what has a stable name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {Decimal: Money()}


def disclosure_fk() -> Mapped[int]:
    """The owning disclosure: deleting it deletes every row it holds."""
    return mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)


def position() -> Mapped[int]:
    """0-based place in its list (or dict) as printed: the canonical JSON keeps document order."""
    return mapped_column(Integer)
