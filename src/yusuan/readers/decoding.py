"""Bytes to text: BOM-less or BOM UTF-8, GB18030/GBK, UTF-16 with BOM; LF, CRLF or CR.

Anything that is not text (a binary, an empty file, a file cut in the middle of a character)
is refused here with one clear error, before any reader looks at it. PDFs never get here:
`readers.read` sends them (by their `%PDF` signature) to the PDF reader.
"""

from __future__ import annotations

import codecs

from ..errors import ReadError

#: Control characters that never occur in a published text; their presence means binary input.
_BINARY_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


def decode(data: bytes, *, file: str | None = None) -> str:
    """Decode a text disclosure; newlines normalised to LF."""
    if not data.strip():
        raise ReadError("文件为空", "the file is empty", file=file)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", file)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", file)
    else:
        _refuse_binary(data, file)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":
                raise _truncated(data, file) from exc
            text = _strict(data, "gb18030", file)
    if "\x00" in text:
        _refuse_binary(b"\x00", file)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str, file: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason in (
            "unexpected end of data",
            "truncated data",
            "incomplete multibyte sequence",
        ):
            raise _truncated(data, file) from exc
        line = _line_at(data, exc.start)
        raise ReadError(
            "无法识别文件编码（支持 UTF-8、GB18030/GBK）",
            "cannot decode the file (UTF-8 and GB18030/GBK are supported)",
            file=file,
            line=line,
        ) from exc


def _truncated(data: bytes, file: str | None) -> ReadError:
    return ReadError(
        "文件不完整：在字符中间被截断",
        "the file is truncated in the middle of a character",
        file=file,
        line=_line_at(data, len(data)),
    )


def _refuse_binary(data: bytes, file: str | None) -> None:
    head = data[:4096]
    bad = sum(1 for b in head if b in _BINARY_BYTES)
    if bad and (b"\x00" in head or bad * 100 > len(head)):
        raise ReadError(
            "这不是文本文件（含二进制数据）",
            "this is not a text file (it holds binary data)",
            file=file,
            line=_line_at(head, _first_bad(head)),
        )


def _first_bad(head: bytes) -> int:
    return next((i for i, b in enumerate(head) if b in _BINARY_BYTES), 0)


def _line_at(data: bytes, pos: int) -> int:
    """The 1-based line holding byte `pos`, whichever newline convention the file uses."""
    newline = b"\n" if b"\n" in data else b"\r"
    return data.count(newline, 0, pos) + 1
