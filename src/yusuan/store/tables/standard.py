"""Standard tables (部门收支总表 …) as printed: header cells, rows and every cell."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, disclosure_fk, position


class StandardTable(Base):
    """`column_count` keeps header columns that hold no cell at all (`[]` in `columns`)."""

    __tablename__ = "standard_tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    name: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    empty: Mapped[bool]
    column_count: Mapped[int] = mapped_column(Integer)


class TablePage(Base):
    __tablename__ = "table_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("standard_tables.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    page: Mapped[int] = mapped_column(BigInteger)


class TableHeaderCell(Base):
    """A header cell: `columns[column][level]`, level 0 the top row."""

    __tablename__ = "table_header_cells"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("standard_tables.id", ondelete="CASCADE"), index=True
    )
    column: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class TableRow(Base):
    __tablename__ = "table_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("standard_tables.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    code: Mapped[str | None] = mapped_column(Text, index=True)
    label: Mapped[str | None] = mapped_column(Text)


class TableCell(Base):
    """One data cell, blank ones included (value null), in the table's own unit."""

    __tablename__ = "table_cells"

    id: Mapped[int] = mapped_column(primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("table_rows.id", ondelete="CASCADE"), index=True)
    column: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None]
