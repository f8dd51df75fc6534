"""`yusuan check FILE.pdf --format pdf -o OUT.pdf`: a copy of the PDF with every finding drawn
as a highlight over its box and a note holding its message (`yusuan.render.pdf`), and the HTML
report's page links.

A finding's bbox is `[x0, top, x1, bottom]` with `top` from the top of the page; pdfium's
annotation rectangles are in PDF space (y up from the bottom): left x0, top `height - top`,
right x1, bottom `height - bottom`.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as raw  # type: ignore[import-untyped]
import pytest

import yusuan
from test_check_cli import assert_refused, run
from yusuan.audit.finding import DocumentRef, Evidence, Finding, Location, Report, Summary
from yusuan.render.html import render_html
from yusuan.render.pdf import COLORS, annotate, marks, write_annotated

#: pdfium stores rectangles as 32-bit floats.
TOLERANCE = 0.01


@dataclass
class Annot:
    page: int
    subtype: int
    rect: tuple[float, float, float, float]
    """left, top, right, bottom in PDF space (top > bottom)."""
    contents: str
    author: str
    quads: int
    color: tuple[int, int, int]


def _string(annot: Any, key: bytes) -> str:
    n = raw.FPDFAnnot_GetStringValue(annot, key, None, 0)
    buf = (ctypes.c_ushort * max(n // 2, 1))()
    raw.FPDFAnnot_GetStringValue(annot, key, buf, n)
    return bytes(buf)[: max(n - 2, 0)].decode("utf-16-le")


def read_annots(data: bytes) -> tuple[list[Annot], dict[int, float]]:
    """Every annotation of the PDF, and each page's height."""
    doc = pdfium.PdfDocument(data)
    out: list[Annot] = []
    heights: dict[int, float] = {}
    try:
        for i in range(len(doc)):
            page = doc[i]
            heights[i + 1] = page.get_height()
            for j in range(raw.FPDFPage_GetAnnotCount(page.raw)):
                annot = raw.FPDFPage_GetAnnot(page.raw, j)
                rect = raw.FS_RECTF()
                raw.FPDFAnnot_GetRect(annot, rect)
                r, g, b, a = (ctypes.c_uint() for _ in range(4))
                raw.FPDFAnnot_GetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, r, g, b, a)
                out.append(
                    Annot(
                        i + 1,
                        raw.FPDFAnnot_GetSubtype(annot),
                        (rect.left, rect.top, rect.right, rect.bottom),
                        _string(annot, b"Contents"),
                        _string(annot, b"T"),
                        raw.FPDFAnnot_CountAttachmentPoints(annot),
                        (r.value, g.value, b.value),
                    )
                )
                raw.FPDFPage_CloseAnnot(annot)
            page.close()
    finally:
        doc.close()
    return out, heights


def page_texts(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def to_pdf_space(bbox: list[float], height: float) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return (x0, height - top, x1, height - bottom)


def assert_rect(actual: tuple[float, ...], expected: tuple[float, ...]) -> None:
    assert actual == pytest.approx(expected, abs=TOLERANCE), (actual, expected)


def highlights(annots: list[Annot]) -> list[Annot]:
    return [a for a in annots if a.subtype == raw.FPDF_ANNOT_HIGHLIGHT]


def notes(annots: list[Annot]) -> list[Annot]:
    return [a for a in annots if a.subtype == raw.FPDF_ANNOT_TEXT]


def head(finding: dict[str, Any]) -> str:
    return f"[{finding['rule']}] {finding['message']}"


# --- the seed PDF through the command line --------------------------------------------------


@dataclass
class Checked:
    source: bytes
    out: bytes
    report: dict[str, Any]
    exit_code: int
    stderr: str


@pytest.fixture(scope="module")
def checked(seed_pdf_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Checked:
    before = hashlib.sha256(seed_pdf_path.read_bytes()).hexdigest()
    out = tmp_path_factory.mktemp("annotated") / "seed-checked.pdf"
    result = run("check", str(seed_pdf_path), "--format", "pdf", "-o", str(out))
    report = json.loads(run("check", str(seed_pdf_path), "--format", "json").stdout)
    source = seed_pdf_path.read_bytes()
    assert hashlib.sha256(source).hexdigest() == before  # the input is left as it was
    return Checked(source, out.read_bytes(), report, result.exit_code, result.stderr)


def test_written_with_the_summary_and_exit_code(checked: Checked) -> None:
    assert checked.exit_code == 1  # the seed has errors; --fail-on decides as for any format
    assert checked.stderr.startswith("已写入 ")
    assert "wrote " in checked.stderr and "2 errors" in checked.stderr
    assert checked.out.startswith(b"%PDF")


def test_one_highlight_per_finding_and_page(checked: Checked) -> None:
    findings = checked.report["findings"]
    assert len(findings) == 56
    located = [f for f in findings if any(loc.get("bbox") for loc in f["locations"])]
    assert len(located) == 54
    annots, _ = read_annots(checked.out)
    marked = highlights(annots)
    # One highlight on every page a located finding has a box on (most have one page).
    expected = Counter(
        (head(f), loc["page"]) for f in located for loc in f["locations"] if loc.get("bbox")
    )
    got = Counter((a.contents.split("\n")[0], a.page) for a in marked)
    assert set(got) == set(expected)
    assert all(n == 1 for n in got.values())
    assert len(marked) == len(expected) == 59  # 5 findings point at two pages
    assert {a.contents.split("\n")[0] for a in marked} == {head(f) for f in located}
    assert all(a.author == "yusuan" for a in annots)


def test_plan_not_100_on_project_3(checked: Checked) -> None:
    (finding,) = [f for f in checked.report["findings"] if f["rule"] == "PLAN-NOT-100"]
    (loc,) = finding["locations"]
    assert (loc["page"], loc["project_no"]) == (6, 3)
    annots, heights = read_annots(checked.out)
    (mark,) = [a for a in highlights(annots) if a.contents.startswith("[PLAN-NOT-100] ")]
    assert mark.page == 6
    assert_rect(mark.rect, to_pdf_space(loc["bbox"], heights[6]))
    assert mark.quads == 1
    assert finding["message"] in mark.contents
    assert finding["message_en"] in mark.contents
    assert mark.contents.split("\n")[1] == finding["message_en"]
    ev = finding["evidence"]
    for value in (ev.get("quote"), ev.get("stated"), ev.get("computed"), ev.get("formula")):
        if value:
            assert value in mark.contents
    if finding.get("hint"):
        assert finding["hint"] in mark.contents
    assert mark.color == COLORS["error"]


def test_ref_year_drift_on_project_17_covers_every_row(checked: Checked) -> None:
    (finding,) = [f for f in checked.report["findings"] if f["rule"] == "REF-YEAR-DRIFT"]
    boxes = [loc["bbox"] for loc in finding["locations"]]
    assert {loc["page"] for loc in finding["locations"]} == {17}
    annots, heights = read_annots(checked.out)
    (mark,) = [a for a in highlights(annots) if a.contents.startswith("[REF-YEAR-DRIFT] ")]
    assert mark.page == 17
    assert mark.quads == len(boxes) == 6
    union = [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]
    assert_rect(mark.rect, to_pdf_space(union, heights[17]))
    assert finding["message"] in mark.contents


def test_a_finding_on_two_pages_is_marked_on_both(checked: Checked) -> None:
    (finding,) = [f for f in checked.report["findings"] if f["rule"] == "REF-OTHER-PROJECT"]
    pages = [loc["page"] for loc in finding["locations"]]
    assert pages == [16, 8]
    annots, heights = read_annots(checked.out)
    marked = [a for a in highlights(annots) if a.contents.startswith(head(finding))]
    assert sorted(a.page for a in marked) == [8, 16]
    for loc in finding["locations"]:
        (mark,) = [a for a in marked if a.page == loc["page"]]
        # The project's heading and, below it, the quoted words: the rectangle holds both.
        left, top, right, bottom = to_pdf_space(loc["bbox"], heights[loc["page"]])
        assert mark.quads == 2
        assert mark.rect[0] <= left and mark.rect[1] >= top - TOLERANCE
        assert mark.rect[2] >= right and mark.rect[3] < bottom
        other = 8 if loc["page"] == 16 else 16
        assert f"see also page {other}" in mark.contents


def test_colours_follow_the_severity(checked: Checked) -> None:
    annots, _ = read_annots(checked.out)
    severity = {head(f): f["severity"] for f in checked.report["findings"]}
    for mark in highlights(annots):
        assert mark.color == COLORS[severity[mark.contents.split("\n")[0]]]


def test_findings_without_a_page_are_notes_on_page_1(checked: Checked) -> None:
    unplaced = [
        f for f in checked.report["findings"] if not any(loc.get("bbox") for loc in f["locations"])
    ]
    assert [f["rule"] for f in unplaced] == ["LANG-TYPO", "LANG-TYPO"]
    annots, _ = read_annots(checked.out)
    on_page_1 = notes(annots)
    assert {a.page for a in on_page_1} == {1}
    assert len(on_page_1) == len(unplaced) + 1  # and one summary note
    summary = on_page_1[0].contents
    assert "错误 2，警告 48，提示 6" in summary and "2 errors, 48 warnings, 6 info" in summary
    assert "2 finding(s) without a page" in summary
    for note, finding in zip(on_page_1[1:], unplaced, strict=True):
        assert note.contents.startswith(head(finding) + "\n" + finding["message_en"] + "\n")
        assert note.contents.endswith("警告 warning · language")


def test_pages_and_text_unchanged(checked: Checked) -> None:
    assert page_texts(checked.out) == page_texts(checked.source)
    assert len(pdfium.PdfDocument(checked.out)) == len(pdfium.PdfDocument(checked.source)) == 33
    # The copy still reads as the same disclosure, with the same findings.
    assert len(read_annots(checked.source)[0]) == 0


def test_fail_on_decides_the_exit_code(seed_pdf_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run(
        "check", str(seed_pdf_path), "--format", "pdf", "-o", str(out), "--fail-on", "never"
    )
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"%PDF")


# --- refusals ------------------------------------------------------------------------------


def test_missing_output_is_a_usage_error(seed_pdf_path: Path) -> None:
    for args in ([], ["-o", "-"]):
        line = assert_refused(run("check", str(seed_pdf_path), "--format", "pdf", *args), "-o")
        assert "usage error" in line and "OUT.pdf" in line


def test_output_cannot_be_written(seed_pdf_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.pdf"
    assert_refused(
        run("check", str(seed_pdf_path), "--format", "pdf", "-o", str(missing)), str(missing)
    )
    assert not missing.parent.exists()
    assert_refused(
        run("check", str(seed_pdf_path), "--format", "pdf", "-o", str(tmp_path)), str(tmp_path)
    )
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_output_is_not_the_input(seed_pdf_path: Path, tmp_path: Path) -> None:
    # Through two links, so that even a failure of this check would replace a link only.
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    one.symlink_to(seed_pdf_path)
    two.symlink_to(seed_pdf_path)
    line = assert_refused(run("check", str(one), "--format", "pdf", "-o", str(two)), str(two))
    assert "-o" in line
    assert two.is_symlink()


def test_a_failure_leaves_the_old_output(
    seed_pdf_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the previous report")

    def broken(data: bytes, report: Report) -> bytes:
        raise pdfium.PdfiumError("Failed to save document.")

    monkeypatch.setattr("yusuan.render.pdf.annotate", broken)
    assert_refused(run("check", str(seed_pdf_path), "--format", "pdf", "-o", str(out)), str(out))
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_annotated(_blank_pdf(), Report(), out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


# --- the HTML report links each finding to its page ---------------------------------------


def test_html_links_each_finding_to_its_page(seed_pdf_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("check", str(seed_pdf_path), "--format", "html", "-o", str(out))
    assert result.exit_code == 1, result.output
    page = out.read_text("utf-8")
    href = Path(os.path.relpath(seed_pdf_path, tmp_path)).as_posix()
    assert f'<a class="goto" href="{href}#page=6">第 6 页 page 6</a>' in page
    assert f'<a class="goto" href="{href}#page=17">第 17 页 page 17</a>' in page
    assert 'id="L' not in page  # no text lines for a PDF
    assert "原文是 PDF" in page
    assert "第 6 页 page 6" in page
    # On standard output the link is the path as given.
    stdout = run("check", str(seed_pdf_path), "--format", "html").stdout
    assert f'href="{seed_pdf_path.as_posix()}#page=6"' in stdout


def test_html_of_standard_input_names_the_page_without_a_link(seed_pdf_bytes: bytes) -> None:
    page = run("check", "-", "--format", "html", input=seed_pdf_bytes).stdout
    assert '<span class="goto">第 6 页 page 6</span>' in page
    assert "#page=" not in page


# --- without the samples: a blank PDF and a report made by hand ----------------------------


def _blank_pdf(pages: int = 2) -> bytes:
    import io

    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(595.0, 842.0)
    buffer = io.BytesIO()
    doc.save(buffer)
    doc.close()
    return buffer.getvalue()


def _report() -> Report:
    return Report(
        document=DocumentRef(file="dir/预算 2021.pdf", kind="budget"),
        findings=[
            Finding(
                rule="ARITH-INCOME-SUM",
                severity="error",
                category="arithmetic",
                message="收入总计 44999 万元，而各项收入之和为 44990 万元",
                message_en="the income total 44999 is not the sum 44990",
                locations=[Location(page=2, bbox=[100.0, 200.0, 300.0, 220.5], section="income")],
                evidence=Evidence(stated="44999", computed="44990", formula="44000 + 990"),
                hint="核对收入表",
                hint_en="check the income table",
            ),
            Finding(
                rule="LANG-TYPO",
                severity="warning",
                category="language",
                message="「贯彻挑行」应为「贯彻执行」",
                message_en="typo",
                locations=[Location(section="duties[12]")],
            ),
        ],
        summary=Summary(error=1, warning=1),
    )


def test_annotate_converts_the_box_to_pdf_space() -> None:
    out = annotate(_blank_pdf(), _report())
    annots, heights = read_annots(out)
    (mark,) = highlights(annots)
    assert mark.page == 2
    assert heights[2] == pytest.approx(842.0)
    assert_rect(mark.rect, (100.0, 842.0 - 200.0, 300.0, 842.0 - 220.5))
    assert mark.contents.split("\n") == [
        "[ARITH-INCOME-SUM] 收入总计 44999 万元，而各项收入之和为 44990 万元",
        "the income total 44999 is not the sum 44990",
        "所印 stated：44999",
        "计算 computed：44990 = 44000 + 990",
        "建议 hint：核对收入表 / check the income table",
        "位置 at：第 2 页 page 2 · income",
        "错误 error · arithmetic",
    ]
    assert mark.author == "yusuan"
    typo = [a for a in notes(annots) if a.contents.startswith("[LANG-TYPO]")]
    assert [a.page for a in typo] == [1]


def test_marks_skip_pages_the_pdf_does_not_have() -> None:
    report = _report()
    report.findings[0].locations[0].page = 9
    todo, unplaced = marks(report, pages=2)
    assert todo == []
    assert [f.rule for f in unplaced] == ["ARITH-INCOME-SUM", "LANG-TYPO"]


def test_html_default_link_is_the_pdf_file_name() -> None:
    page = render_html(_report())
    assert '<a class="goto" href="%E9%A2%84%E7%AE%97%202021.pdf#page=2">第 2 页 page 2</a>' in page
    assert "原文是 PDF" in page
    assert '<span class="goto">第 2 页 page 2</span>' in render_html(
        _report().model_copy(update={"document": DocumentRef(file="<stdin>")})
    )


# --- a quoted sentence or cell is highlighted where it is printed ----------------------------


def _quad_texts(data: bytes, rule: str) -> list[tuple[int, list[str]]]:
    """For each highlight of `rule`: its page and the text printed under each of its quads."""
    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            for j in range(raw.FPDFPage_GetAnnotCount(page.raw)):
                annot = raw.FPDFPage_GetAnnot(page.raw, j)
                if _string(annot, b"Subj") == rule:
                    quad = raw.FS_QUADPOINTSF()
                    texts = []
                    for k in range(raw.FPDFAnnot_CountAttachmentPoints(annot)):
                        raw.FPDFAnnot_GetAttachmentPoints(annot, k, quad)
                        # The corners' extent: on a turned page the quad is turned too.
                        xs = (quad.x1, quad.x2, quad.x3, quad.x4)
                        ys = (quad.y1, quad.y2, quad.y3, quad.y4)
                        text = textpage.get_text_bounded(min(xs), min(ys), max(xs), max(ys))
                        texts.append("".join(text.split()))
                    out.append((i + 1, texts))
                raw.FPDFPage_CloseAnnot(annot)
            textpage.close()
            page.close()
    finally:
        doc.close()
    return out


def test_a_narrative_sentence_is_highlighted_not_its_paragraph() -> None:
    """The typeset 决算 with planted contradictions: each 情况说明 finding is drawn on the
    clause it quotes, one quad per printed line, and the text under the quads is the quote;
    the table cell it contradicts keeps its row's box."""
    from yusuan.audit import check

    from . import typeset

    typeset.require()
    pdf = typeset.final_accounts(typeset.Final(contradictions=True))
    report = check(yusuan.read(pdf, name="yunxi-2023-final.pdf"))
    assert_quotes_drawn(annotate(pdf, report), report)


def assert_quotes_drawn(out: bytes, report: Report) -> None:
    """Every planted 情况说明 contradiction of the typeset 决算 is in `report`, and the text
    under one of its highlights, on the sentence's page, is the clause it quotes."""
    from . import typeset

    narrative = [f for f in report.findings if f.rule.startswith("NARR-")]
    assert len(narrative) == len([c for c in typeset.CONTRADICTIONS if c[0].startswith("NARR")])
    for finding in narrative:
        quote = "".join((finding.evidence.quote or "").split())
        assert quote
        drawn = _quad_texts(out, finding.rule)
        sentence_page = finding.locations[0].page
        texts = [t for page, t in drawn if page == sentence_page and "".join(t) == quote]
        assert texts, (finding.rule, quote, drawn)


def test_a_typo_in_a_cell_is_highlighted_on_its_words(checked: Checked) -> None:
    """The seed's `二类医疗器注册证个数` (project 4's indicator row, page 7): the highlight
    covers the words, not the row."""
    drawn = _quad_texts(checked.out, "LANG-TYPO")
    assert (7, ["二类医疗器注册证个数"]) in drawn


def test_a_quote_under_a_project_heading_keeps_the_heading(checked: Checked) -> None:
    """The seed's project 1 prose `保费支持。。以上` (LANG-DOUBLE-PUNCT): its location is the
    project (its heading); the heading stays highlighted and the doubled 。 is highlighted too."""
    ((page, texts),) = _quad_texts(checked.out, "LANG-DOUBLE-PUNCT")
    assert page == 5
    assert texts == ["1、科技保险保费补贴绩效目标表", "保费支持。。以上"]


def _chars(*lines: tuple[str, float]) -> list[Any]:
    """Characters 10 points wide, one line per (text, top), from x = 100."""
    from yusuan.render.pdf import _Char

    return [
        _Char(ch, 100.0 + 10 * k, top, 110.0 + 10 * k, top + 10)
        for text, top in lines
        for k, ch in enumerate(text)
    ]


def _mark(quote: str, *boxes: tuple[float, float, float, float]) -> Any:
    from yusuan.render.pdf import Mark

    finding = _report().findings[0].model_copy(update={"evidence": Evidence(quote=quote)})
    return Mark(finding, 1, boxes)


def test_narrowed_splits_a_quote_over_its_lines() -> None:
    from yusuan.render.pdf import narrowed

    chars = _chars(("收入总计为一千", 100.0), ("万元，比上年增加", 112.0))
    paragraph = (100.0, 100.0, 180.0, 122.0)
    got = narrowed(_mark("一 千\n万元", paragraph), chars)
    assert got.boxes == ((150.0, 100.0, 170.0, 110.0), (100.0, 112.0, 120.0, 122.0))


def test_narrowed_keeps_the_box_when_the_quote_is_not_printed() -> None:
    from yusuan.render.pdf import narrowed

    chars = _chars(("收入总计为一千", 100.0))
    box = (100.0, 100.0, 170.0, 110.0)
    assert narrowed(_mark("支出总计", box), chars).boxes == (box,)
    # Compatibility forms are folded: a full-width ％ in the quote finds a printed %.
    chars = _chars(("增长5%。", 100.0))
    assert narrowed(_mark("5％", box), chars).boxes == ((120.0, 100.0, 140.0, 110.0),)
