"""Canonical JSON (`yusuan/disclosure@1`): money as JSON numbers, exactly as printed."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import simplejson

from ..errors import ReadError
from ..model import Disclosure


def to_dict(disclosure: Disclosure) -> dict[str, Any]:
    """The canonical JSON object as Python data; numbers stay `Decimal`."""
    return disclosure.model_dump(by_alias=True, mode="python")


def dumps(disclosure: Disclosure, *, indent: int | None = 2) -> str:
    # simplejson writes a Decimal as the number it holds (42.40 stays 42.40): the stdlib
    # encoder would need a float, which is exactly what the money rule forbids.
    return simplejson.dumps(
        to_dict(disclosure), use_decimal=True, ensure_ascii=False, indent=indent
    )


def from_dict(data: dict[str, Any]) -> Disclosure:
    return Disclosure.model_validate(data)


def loads(text: str | bytes, *, file: str | None = None) -> Disclosure:
    """Read a canonical JSON export back into the model."""
    from pydantic import ValidationError

    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ReadError(
            f"不是有效的 JSON：{exc}", f"not valid JSON: {exc}", file=file, line=line
        ) from exc
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith(
        "yusuan/disclosure@"
    ):
        raise ReadError(
            "不是 yusuan 规范 JSON（缺少 schema: yusuan/disclosure@1）",
            "not a yusuan canonical JSON export (no schema: yusuan/disclosure@1)",
            file=file,
        )
    try:
        return from_dict(data)
    except ValidationError as exc:
        raise ReadError.invalid(exc, "规范 JSON 字段", "canonical JSON field", file=file) from exc
