"""Limits on the PDFs the reader accepts: one settings object, configurable."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """How large a PDF the reader takes on. A disclosure is tens of pages and a few MB; the
    limits stop a mistaken upload (a scanned archive, a whole yearbook) before it costs time.

    From the environment with `PdfSettings.from_env()`: `YUSUAN_PDF_MAX_BYTES`,
    `YUSUAN_PDF_MAX_PAGES`.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 300

    @classmethod
    def from_env(cls) -> PdfSettings:
        default = cls()
        return cls(
            max_bytes=_int_env("YUSUAN_PDF_MAX_BYTES", default.max_bytes),
            max_pages=_int_env("YUSUAN_PDF_MAX_PAGES", default.max_pages),
        )


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        return default
    return number if number > 0 else default
