"""Departments, disclosures and the short lists of a disclosure's narrative."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, disclosure_fk, position

STATUSES = ("draft", "submitted", "published")


class Department(Base):
    """A department across years. `key` is "code:306", or "name:…" when no code was printed."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    code: Mapped[str | None] = mapped_column(Text, index=True)
    name: Mapped[str | None] = mapped_column(Text)
    short_name: Mapped[str | None] = mapped_column(Text)


class Disclosure(Base):
    """One imported file: the root of the model plus its import and publication record.

    The department as printed stays here (`department_*`): another year may print another
    short name for the same department, and export must give back this file's text.
    """

    __tablename__ = "disclosures"
    __table_args__ = (
        UniqueConstraint("department_id", "year", "kind", "version"),
        CheckConstraint("status IN ('draft', 'submitted', 'published')", name="status"),
        CheckConstraint("kind IN ('budget', 'final')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    year: Mapped[int | None] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    schema_id: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    department_name: Mapped[str | None] = mapped_column(Text)
    department_short_name: Mapped[str | None] = mapped_column(Text)
    department_code: Mapped[str | None] = mapped_column(Text)
    currency_unit: Mapped[str] = mapped_column(String(20))
    overall_goal: Mapped[str | None] = mapped_column(Text)
    has_budget_figures: Mapped[bool] = mapped_column(default=False)


class TextItem(Base):
    """The plain string lists: `duties`, `performance.safeguards` and `notes`."""

    __tablename__ = "text_items"
    __table_args__ = (CheckConstraint("kind IN ('duties', 'safeguards', 'notes')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = position()
    text: Mapped[str] = mapped_column(Text)


class Unit(Base):
    """机构设置: the units of the department."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    name: Mapped[str] = mapped_column(Text)
    nature: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str | None] = mapped_column(Text)
    funding: Mapped[str | None] = mapped_column(Text)


class PerformanceGoal(Base):
    """分项绩效目标 of `performance.goals`."""

    __tablename__ = "performance_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    no: Mapped[int] = mapped_column(BigInteger)
    title: Mapped[str | None] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(Text)
    indicators_text: Mapped[str | None] = mapped_column(Text)


class GlossaryEntry(Base):
    __tablename__ = "glossary"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    term: Mapped[str] = mapped_column(Text)
    definition: Mapped[str | None] = mapped_column(Text)


class NarrativeParagraph(Base):
    """`narrative`: the printed paragraphs of the prose that explains the standard tables
    (决算 情况说明), in order, each under its nearest heading and the headings that enclose it
    (`parents`, a JSON list outermost first; NULL when there are none, 0004). Its place (page
    and box) is a `SourcePlace` row ("narrative[3]"), as for every object of the model."""

    __tablename__ = "narrative_paragraphs"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    heading: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    parents: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))


class SourcePlace(Base):
    """Where an object of the model was read (its `_source`), keyed by its path in the model.

    One table for every object: most of them (the plan, a parsed value, the income section)
    are columns of a parent row, not rows of their own, and a finding's place is looked up by
    the same kind of path. Paths use 0-based list indexes as the canonical JSON lists them:
    "" (the disclosure), "department", "projects[3].plan", "procurement.by_category.货物".
    """

    __tablename__ = "source_places"
    __table_args__ = (UniqueConstraint("disclosure_id", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    file: Mapped[str | None] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(BigInteger)
    page: Mapped[int | None] = mapped_column(BigInteger)
    # A PDF box [x0, top, x1, bottom] in points; all four or none.
    bbox_x0: Mapped[float | None]
    bbox_top: Mapped[float | None]
    bbox_x1: Mapped[float | None]
    bbox_bottom: Mapped[float | None]
