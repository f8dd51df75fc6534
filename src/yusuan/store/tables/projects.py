"""Projects (项目绩效目标表): plan, goals, the indicator table, and discrepancies."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, disclosure_fk, position


class Project(Base):
    """One project. The plan's four checkpoints are columns: they are always these four, and
    the spending curve across projects and years is one SELECT."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    no: Mapped[int] = mapped_column(BigInteger)
    code: Mapped[str | None] = mapped_column(Text, index=True)
    name: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[Decimal | None]
    fiscal: Mapped[Decimal | None]
    other: Mapped[Decimal | None]
    purpose: Mapped[str | None] = mapped_column(Text)
    plan_3: Mapped[Decimal | None]
    plan_6: Mapped[Decimal | None]
    plan_10: Mapped[Decimal | None]
    plan_12: Mapped[Decimal | None]


class ProjectGoal(Base):
    """A 绩效目标 item of a project."""

    __tablename__ = "project_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    text: Mapped[str] = mapped_column(Text)


class Indicator(Base):
    """One printed row of the indicator table, with its parsed target (`parsed_kind` is null
    exactly when the value was not parsed at all)."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    level1: Mapped[str | None] = mapped_column(Text)
    level2: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)
    parsed_kind: Mapped[str | None] = mapped_column(String(20))
    parsed_comparator: Mapped[str | None] = mapped_column(String(4))
    parsed_number: Mapped[Decimal | None]
    parsed_unit: Mapped[str | None] = mapped_column(Text)


class Discrepancy(Base):
    """A table/prose disagreement, of a project or (project null) of the whole document.

    `table`, `prose` and `shifted` may each be a number or a text: the two columns of each
    keep which one it was (at most one of a pair is set).
    """

    __tablename__ = "discrepancies"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    field: Mapped[str] = mapped_column(Text)
    table_number: Mapped[Decimal | None]
    table_text: Mapped[str | None] = mapped_column(Text)
    prose_number: Mapped[Decimal | None]
    prose_text: Mapped[str | None] = mapped_column(Text)
    shifted_number: Mapped[Decimal | None]
    shifted_text: Mapped[str | None] = mapped_column(Text)
