"""Pages with /Rotate: a landscape table saved as a portrait page that viewers turn a quarter
(its content drawn a quarter turn back). The reader works on the page as displayed, so such a
document reads exactly like the same document set on landscape pages, every `_source` box
included; the annotator draws each finding where it is displayed.

Bug: before, a turned page was read in pdfium's page space (before /Rotate): every line of text
stood on end, no table had a row, and the boxes pointed at the wrong places.
"""

from __future__ import annotations

import json

import pytest

import yusuan
from yusuan.audit import check
from yusuan.readers.pdf.space import Space
from yusuan.render.pdf import annotate

from . import typeset
from .test_annotate import assert_quotes_drawn


def _pdf(**options: bool) -> bytes:
    typeset.require()
    return typeset.final_accounts(typeset.Final(**options))


def test_a_turned_document_reads_like_the_upright_one() -> None:
    upright = json.loads(yusuan.dumps(yusuan.read(_pdf(), name="yunxi.pdf")))
    turned_pdf = _pdf(turned=True)
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(turned_pdf)
    try:
        assert {doc[i].get_rotation() for i in range(len(doc))} == {90}
    finally:
        doc.close()
    turned = yusuan.read(turned_pdf, name="yunxi.pdf")
    # Every value, page and box: the same.
    assert json.loads(yusuan.dumps(turned)) == upright
    assert len(turned.tables) == 9
    assert check(turned).findings == []


def test_findings_on_a_turned_page_are_drawn_where_they_are_displayed() -> None:
    """The planted contradictions of the typeset 决算, on turned pages: the text under each
    情况说明 finding's highlight is the clause it quotes."""
    pdf = _pdf(turned=True, contradictions=True)
    report = check(yusuan.read(pdf, name="yunxi.pdf"))
    assert_quotes_drawn(annotate(pdf, report), report)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_space_maps_back_and_forth(rotation: int) -> None:
    space = Space(rotation // 90, 595.0, 842.0)
    assert (space.shown_width, space.shown_height) == (
        (842.0, 595.0) if rotation % 180 else (595.0, 842.0)
    )
    for x, y in [(0.0, 0.0), (10.0, 20.0), (595.0, 842.0), (300.5, 12.25)]:
        shown = space.point(x, y)
        assert 0 <= shown[0] <= space.shown_width and 0 <= shown[1] <= space.shown_height
        assert space.to_page(*shown) == pytest.approx((x, y))
    # The page's top-left corner as displayed: page space's top-left when upright, its
    # bottom-left when turned clockwise (the left edge is on top).
    corner = {0: (0.0, 842.0), 90: (0.0, 0.0), 180: (595.0, 0.0), 270: (595.0, 842.0)}
    assert space.to_page(0.0, 0.0) == corner[rotation]
