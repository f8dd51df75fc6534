"""A page as people see it: pdfium's page space (points, y up, before the page's /Rotate) mapped
to the displayed page (points, `top` measured down from its top edge, /Rotate applied).

Every place the reader records (`_source` page and bbox) is in the displayed page's terms, so
that a table printed on a portrait page turned a quarter (a landscape table in a portrait
document) reads like one printed on a landscape page, and a finding's box means what the reader
of the PDF sees. The annotator maps the boxes back (`to_page`) to draw on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Space:
    rotation: int
    """The page's /Rotate in quarter turns clockwise (0-3), as pdfium reports it."""
    width: float
    """The page's width in page space (before rotation)."""
    height: float
    """The page's height in page space (before rotation)."""

    @classmethod
    def of(cls, page: Any) -> Space:
        """The space of a `pypdfium2.PdfPage`."""
        return cls(page.get_rotation() // 90 % 4, page.get_width(), page.get_height())

    @property
    def shown_width(self) -> float:
        return self.height if self.rotation % 2 else self.width

    @property
    def shown_height(self) -> float:
        return self.width if self.rotation % 2 else self.height

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Page space -> (x, top) on the displayed page."""
        r = self.rotation
        if r == 0:
            return x, self.height - y
        if r == 1:  # turned clockwise: the left edge is on top
            return y, x
        if r == 2:
            return self.width - x, y
        return self.height - y, self.width - x

    def vector(self, dx: float, dy: float) -> tuple[float, float]:
        """A direction in page space -> the same direction on the displayed page."""
        x0, t0 = self.point(0.0, 0.0)
        x1, t1 = self.point(dx, dy)
        return x1 - x0, t1 - t0

    def box(
        self, left: float, bottom: float, right: float, top: float
    ) -> tuple[float, float, float, float]:
        """A page-space rectangle -> (x0, top, x1, bottom) on the displayed page."""
        xa, ta = self.point(left, bottom)
        xb, tb = self.point(right, top)
        return min(xa, xb), min(ta, tb), max(xa, xb), max(ta, tb)

    def to_page(self, x: float, top: float) -> tuple[float, float]:
        """(x, top) on the displayed page -> page space: the inverse of `point`."""
        r = self.rotation
        if r == 0:
            return x, self.height - top
        if r == 1:
            return top, x
        if r == 2:
            return self.width - x, top
        return self.width - top, self.height - x
