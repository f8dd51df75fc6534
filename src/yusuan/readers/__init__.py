"""Readers: bytes -> model, one module per format, chosen by content."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ReadError, YusuanError
from ..model import Disclosure
from .decoding import decode
from .pdf.settings import PdfSettings

#: Refuse larger inputs: a disclosure text is ~100 KB; this guards against mistakes.
MAX_BYTES = 50 * 1024 * 1024

Input = str | os.PathLike[str] | bytes


def read(
    source: Input, *, name: str | None = None, pdf_settings: PdfSettings | None = None
) -> Disclosure:
    """Read a disclosure from a path or from bytes: the published text, a text-based PDF
    (chosen by its `%PDF` signature), or a canonical JSON export (`yusuan parse --format json`).

    `name` is how messages and `_source` refer to the input (defaults to the path).
    `pdf_settings` limits the PDFs taken on (defaults: `PdfSettings.from_env()`).
    Raises `ReadError` (a `YusuanError`) with the file and line when the input cannot be used.
    """
    settings = pdf_settings or PdfSettings.from_env()
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(source)
        data = _read_file(path, label, max(MAX_BYTES, settings.max_bytes))
    from .pdf import is_pdf
    from .text import read_text

    try:
        if is_pdf(data):
            from .pdf import read_pdf

            return read_pdf(data, file=label, settings=settings)
        text = decode(data, file=label)
        if text.lstrip().startswith("{"):
            # A canonical JSON export reads back to the same model (and the same findings).
            from ..export import loads

            return loads(text, file=label)
        return read_text(text, file=label)
    except YusuanError as exc:
        raise exc.with_file(label) from exc.__cause__


def _read_file(path: Path, label: str, limit: int = MAX_BYTES) -> bytes:
    try:
        if path.is_dir():
            raise ReadError("这是一个目录，不是文件", "this is a directory, not a file", file=label)
        size = path.stat().st_size
        if size > limit:
            raise ReadError(
                f"文件过大（{size} 字节，上限 {limit} 字节）",
                f"the file is too large ({size} bytes, limit {limit})",
                file=label,
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("文件不存在", "no such file", file=label) from exc
    except PermissionError as exc:
        raise ReadError("没有读取权限", "permission denied", file=label) from exc
    except OSError as exc:
        raise ReadError(
            f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}", file=label
        ) from exc


__all__ = ["PdfSettings", "ReadError", "read"]
