"""The typeset 决算 written the ways PDF writers write: table borders as each segment its own
stroked path (the typeset documents' default), a whole grid in one stroked path, each cell a
stroked rectangle, or thin filled rectangles in one filled path; text as one object per line
(the default) or one per glyph. It reads to the same tables (`final_specs`) and checks clean
whichever way it is written.

Bugs: a path larger than one border was ignored as a filled shape, so a grid drawn in one
path, or as cell rectangles, was no table at all; and with one text object per glyph, the
blank side of a narrow digit (`1`) read as a space inside a figure (`39,465,41 2.56`), so
every such figure was lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import yusuan
from yusuan.audit import check
from yusuan.readers.pdf.pages import Page

from . import typeset
from .test_typeset_audit import _same_as_specs


@pytest.mark.parametrize("borders", ["path", "rects", "fills"])
def test_final_accounts_read_whichever_way_borders_are_drawn(borders: str) -> None:
    typeset.require()
    options = typeset.Final(borders=borders)
    d = yusuan.read(typeset.final_accounts(options), name=f"yunxi-{borders}.pdf")
    assert len(d.tables) == 9
    _same_as_specs(d, options)
    assert check(d).findings == []


def test_a_path_of_curves_draws_no_table() -> None:
    """A page whose only large path is a curve (a seal, a logo ring) and a rectangle with
    slanted sides: no rule comes of them."""

    def draw(c: Any) -> None:
        c.circle(300, 400, 80, stroke=1, fill=0)
        path = c.beginPath()
        path.moveTo(100, 100)
        path.lineTo(200, 120)
        path.lineTo(190, 220)
        path.close()
        c.drawPath(path, stroke=1, fill=0)

    assert _drawn_page(draw).rules == []


def _drawn_page(draw: Callable[[Any], None]) -> Page:
    """An A4 page drawn by `draw` on a reportlab canvas, as the reader sees it."""
    import io

    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas

    from yusuan.readers.pdf.pages import read_page

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595.28, 841.89))
    draw(c)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buffer.getvalue())
    try:
        return read_page(raw, doc, 0)
    finally:
        doc.close()


@pytest.mark.parametrize("yuan", [False, True])
def test_final_accounts_read_with_one_text_object_per_glyph(yuan: bool) -> None:
    typeset.require()
    lines = yusuan.read(typeset.final_accounts(typeset.Final(yuan=yuan)), name="yunxi.pdf")
    options = typeset.Final(yuan=yuan, glyphs=True)
    d = yusuan.read(typeset.final_accounts(options), name="yunxi.pdf")
    _same_as_specs(d, options)
    assert check(d).findings == []
    # Everything else read too: the typed fields, the 情况说明, the 名词解释.
    assert _plain(d) == _plain(lines)


def _plain(d: object) -> object:
    from derive import strip_source

    return strip_source(json.loads(yusuan.dumps(d)))  # type: ignore[arg-type]


def test_type_scaled_by_the_text_matrix_has_its_printed_size() -> None:
    """`1 Tf` with `9 0 0 9 x y Tm` (some writers set all type so) prints 9-point type: the
    run's size is 9, as for `9 Tf`, so that a title's larger type still tells it from the body
    (before, every run of such a writer was 1 point)."""

    def draw(c: Any) -> None:
        scaled = c.beginText()
        scaled.setTextTransform(9, 0, 0, 9, 100, 700)
        scaled.setFont("Helvetica", 1)
        scaled.textOut("scaled")
        c.drawText(scaled)
        c.setFont("Helvetica", 16)
        c.drawString(100, 650, "plain")

    page = _drawn_page(draw)
    sizes = {run.text: round(run.size, 2) for run in page.runs}
    assert sizes == {"scaled": 9.0, "plain": 16.0}
    (run,) = [r for r in page.runs if r.text == "scaled"]
    assert run.baseline == pytest.approx(841.89 - 700, abs=0.01)
