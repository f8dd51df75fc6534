"""Audit findings of a disclosure as `yusuan.check` reported them at import."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, disclosure_fk, position


class Finding(Base):
    """A finding; `suppressed` holds the configured reason for a suppressed one.

    `project_no` repeats the first location's project so that filtering needs no join.
    `review_*` is where a reviewer's verdict goes (open / accepted / disputed).
    """

    __tablename__ = "findings"
    __table_args__ = (
        CheckConstraint("review_status IN ('open', 'accepted', 'disputed')", name="review_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    rule: Mapped[str] = mapped_column(String(100), index=True)
    severity: Mapped[str] = mapped_column(String(20), index=True)
    category: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    hint: Mapped[str | None] = mapped_column(Text)
    hint_en: Mapped[str | None] = mapped_column(Text)
    suppressed: Mapped[str | None] = mapped_column(Text)
    evidence_quote: Mapped[str | None] = mapped_column(Text)
    evidence_stated: Mapped[str | None] = mapped_column(Text)
    evidence_computed: Mapped[str | None] = mapped_column(Text)
    evidence_formula: Mapped[str | None] = mapped_column(Text)
    project_no: Mapped[int | None] = mapped_column(BigInteger, index=True)
    review_status: Mapped[str] = mapped_column(String(20), default="open")
    review_comment: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FindingLocation(Base):
    __tablename__ = "finding_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    line: Mapped[int | None] = mapped_column(BigInteger)
    page: Mapped[int | None] = mapped_column(BigInteger)
    bbox_x0: Mapped[float | None]
    bbox_top: Mapped[float | None]
    bbox_x1: Mapped[float | None]
    bbox_bottom: Mapped[float | None]
    section: Mapped[str | None] = mapped_column(Text)
    project_no: Mapped[int | None] = mapped_column(BigInteger)
    project_code: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[int | None] = mapped_column(BigInteger)
