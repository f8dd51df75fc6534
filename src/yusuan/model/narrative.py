"""The explanatory prose of a disclosure that prints standard tables (决算 情况说明 …)."""

from __future__ import annotations

from pydantic import Field

from .base import Node


class Paragraph(Node):
    """One printed paragraph of the narrative, under the heading it belongs to.

    Kept so that each sentence's figures can be checked against the table cells they describe
    (the audit works on the model alone). Lines a page or line wrap split are joined.
    """

    parents: list[str] = Field(default_factory=list, exclude_if=lambda v: not v)
    """The headings that enclose `heading`, outermost first, as printed: for a paragraph under
    `（一）…` in part three, `["第三部分 …2024年度部门决算情况说明",
    "五、一般公共预算财政拨款支出决算情况说明"]`. Left out of the canonical JSON when empty
    (no heading above, or the nearest heading is the outermost)."""
    heading: str | None = None
    """The nearest heading above, as printed (e.g. `五、一般公共预算财政拨款支出决算情况说明`)."""
    text: str
