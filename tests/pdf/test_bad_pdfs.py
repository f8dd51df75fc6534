"""Bad PDFs get one clear bilingual error (exit 2 in the CLI), never a traceback."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

import yusuan
from test_cli import assert_refused, run
from yusuan.readers import PdfSettings

from .fixtures import corrupt_pdf, encrypted_pdf, scanned_pdf, text_pdf


def _truncated(seed_pdf: bytes) -> bytes:
    return seed_pdf[: len(seed_pdf) // 2]


def _cut_end(seed_pdf: bytes) -> bytes:
    return seed_pdf[:-200]


# name -> (make the bytes from the seed PDF (or not), words the message must hold)
BAD: dict[str, tuple[Callable[[bytes], bytes], tuple[str, ...]]] = {
    "encrypted.pdf": (lambda seed: encrypted_pdf(), ("加密", "encrypted")),
    "corrupt.pdf": (lambda seed: corrupt_pdf(), ("损坏", "corrupt")),
    "truncated.pdf": (_truncated, ("不完整", "truncated")),
    "cut-at-the-end.pdf": (_cut_end, ("不完整", "truncated")),
    "scanned.pdf": (lambda seed: scanned_pdf(), ("扫描", "OCR is not supported")),
    "poem.pdf": (
        lambda seed: text_pdf(["Quiet Night Thought", "Moonlight before my bed"]),
        ("不是部门预算", "not a department budget"),
    ),
    "signature-only.pdf": (lambda seed: b"%PDF-1.7\n", ("不完整", "truncated")),
}


def _seed_or_nothing(request: pytest.FixtureRequest, name: str) -> bytes:
    if name in ("truncated.pdf", "cut-at-the-end.pdf"):
        data: bytes = request.getfixturevalue("seed_pdf_bytes")
        return data
    return b""


@pytest.mark.parametrize("name", sorted(BAD))
def test_read_refuses_with_a_clear_error(name: str, request: pytest.FixtureRequest) -> None:
    make, words = BAD[name]
    data = make(_seed_or_nothing(request, name))
    with pytest.raises(yusuan.ReadError) as caught:
        yusuan.read(data, name=name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_exits_2_without_a_traceback(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    make, words = BAD[name]
    path = tmp_path / name
    path.write_bytes(make(_seed_or_nothing(request, name)))
    line = assert_refused(run("parse", str(path)), name)
    for word in words:
        assert word in line


def test_too_many_pages(seed_pdf_bytes: bytes) -> None:
    settings = PdfSettings(max_pages=20)
    with pytest.raises(
        yusuan.ReadError, match=r"33 页，上限 20 页.*too many pages \(33, limit 20\)"
    ):
        yusuan.read(seed_pdf_bytes, name="big.pdf", pdf_settings=settings)


def test_too_many_bytes() -> None:
    data = text_pdf(["x"] * 200)
    settings = PdfSettings(max_bytes=1000)
    with pytest.raises(yusuan.ReadError, match=r"过大.*too large"):
        yusuan.read(data, name="big.pdf", pdf_settings=settings)


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("YUSUAN_PDF_MAX_PAGES", "1")
    assert PdfSettings.from_env() == dataclasses.replace(PdfSettings(), max_pages=1)
    path = tmp_path / "scans.pdf"
    path.write_bytes(scanned_pdf(pages=2))
    line = assert_refused(run("parse", str(path)), "scans.pdf")
    assert "limit 1" in line
    monkeypatch.setenv("YUSUAN_PDF_MAX_PAGES", "many")
    assert PdfSettings.from_env() == PdfSettings()


def test_text_is_still_refused_as_binary_when_decoded_directly() -> None:
    from yusuan.readers.decoding import decode

    with pytest.raises(yusuan.ReadError, match="binary"):
        decode(corrupt_pdf(), file="x.pdf")
