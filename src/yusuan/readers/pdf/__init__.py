"""The PDF reader: a text-based disclosure PDF -> the same model as its published text.

The page layout is rebuilt into the text reader's lines (`layout.build`), the text reader reads
them, and each `_source` line is then replaced by the page and bounding box it was printed at.
pdfium (`pypdfium2`) is imported only here, when a PDF is read.
"""

from __future__ import annotations

from typing import Any

from ...errors import ReadError, YusuanError
from ...model import Disclosure, Source
from .settings import PdfSettings

__all__ = ["PdfSettings", "read_pdf"]

SIGNATURE = b"%PDF"


def is_pdf(data: bytes) -> bool:
    """A PDF by content: the signature within the first KB (some writers put bytes before it)."""
    return SIGNATURE in data[:1024]


def read_pdf(
    data: bytes, *, file: str | None = None, settings: PdfSettings | None = None
) -> Disclosure:
    settings = settings or PdfSettings.from_env()
    if len(data) > settings.max_bytes:
        raise ReadError(
            f"PDF 文件过大（{len(data)} 字节，上限 {settings.max_bytes} 字节）",
            f"the PDF is too large ({len(data)} bytes, limit {settings.max_bytes})",
            file=file,
        )
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(
            "PDF 文件不完整：缺少文件结尾（%%EOF），文件可能在传输中被截断",
            "the PDF is truncated: its end (%%EOF) is missing; it was probably cut in transfer",
            file=file,
        )
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    from ..text import read_lines
    from . import layout
    from .pages import read_page

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, file) from exc
    try:
        n = len(doc)
        if n == 0:
            raise ReadError("PDF 没有页面", "the PDF has no pages", file=file)
        if n > settings.max_pages:
            raise ReadError(
                f"PDF 页数过多（{n} 页，上限 {settings.max_pages} 页）",
                f"the PDF has too many pages ({n}, limit {settings.max_pages})",
                file=file,
            )
        try:
            pages = [read_page(raw, doc, i) for i in range(n)]
        except pdfium.PdfiumError as exc:
            raise ReadError(
                "PDF 文件已损坏：无法读取其页面",
                "the PDF is corrupt: its pages cannot be read",
                file=file,
            ) from exc
    finally:
        doc.close()
    if not any(p.runs for p in pages):
        if any(p.images for p in pages):
            raise ReadError(
                "这是扫描件（只有图像，没有文字层）：不支持文字识别（OCR），请使用带文字的 PDF",
                "this is a scanned PDF (images only, no text layer): OCR is not supported; "
                "use a PDF with text",
                file=file,
            )
        raise ReadError("PDF 中没有文字，无法读取", "the PDF holds no text to read", file=file)
    try:
        document = layout.build(pages)
    except YusuanError:
        raise
    except Exception as exc:  # a layout this reader does not understand: no traceback
        raise ReadError(
            f"无法识别此 PDF 的版面（{type(exc).__name__}）",
            f"the layout of this PDF cannot be read ({type(exc).__name__}: {exc})",
            file=file,
        ) from exc
    from .figures import fill
    from .narrative import read_narrative
    from .standard import read_tables

    tables = read_tables(document.parts)

    def complete(d: Disclosure) -> None:
        _refuse_template(d, tables, file)
        d.tables = tables
        fill(d, tables)

    disclosure = read_lines(document.lines, file=file, complete=complete)
    _place(disclosure, document.places)
    # The prose that explains the standard tables (决算 情况说明), for the audit to check
    # against them; a document without standard tables (the seed) has its prose in the typed
    # fields.
    disclosure.narrative = read_narrative(document.parts, tables)
    return disclosure


def _refuse_template(d: Disclosure, tables: list[Any], file: str | None) -> None:
    """A blank template (上海市 XX 局, every table without a figure) is no department's
    disclosure: reading it would store a department named by a placeholder, with nothing to
    check. Refused, saying what it is."""
    title = " ".join(filter(None, [d.title, d.department.short_name, d.department.name]))
    placeholder = "XX" in title.replace(" ", "").upper() or "ＸＸ" in title
    if placeholder and all(t.empty for t in tables) and d.income.total is None:
        raise ReadError(
            "这是公开文件的空白模板（单位名称为占位符 XX，表格中没有数字），"
            "不是某个部门的预算或决算",
            "this is a blank disclosure template (the department is a placeholder XX and no "
            "table holds a figure), not a department's budget or final accounts",
            file=file,
        )


def _open_error(exc: Exception, file: str | None) -> ReadError:
    code = getattr(exc, "err_code", None)
    import pypdfium2.raw as raw

    if code == raw.FPDF_ERR_PASSWORD:
        return ReadError(
            "PDF 已加密（需要密码）：请提供未加密的文件",
            "the PDF is encrypted (it needs a password): provide an unencrypted copy",
            file=file,
        )
    if code == raw.FPDF_ERR_SECURITY:
        return ReadError(
            "PDF 使用了不支持的加密方式", "the PDF uses an unsupported encryption", file=file
        )
    return ReadError(
        "PDF 文件已损坏或不完整，无法打开",
        "the PDF is corrupt or incomplete and cannot be opened",
        file=file,
    )


def _place(disclosure: Disclosure, places: dict[int, Any]) -> None:
    """Every `_source` that names a line of the rebuilt text names its page and box instead."""
    numbers = sorted(places)
    for source in _sources(disclosure):
        if source.line is None:
            continue
        place = places.get(source.line)
        if place is None:  # a blank line: the next printed one
            later = [n for n in numbers if n > source.line]
            place = places[later[0]] if later else None
        source.line = None
        if place is not None:
            source.page = place.page
            source.bbox = list(place.bbox)


def _sources(obj: object) -> list[Source]:
    from pydantic import BaseModel

    out: list[Source] = []
    stack: list[object] = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, Source):
            out.append(item)
        elif isinstance(item, BaseModel):
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return out
