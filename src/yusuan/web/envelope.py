"""The one envelope of every `/api/v1` response, its JSON class and the exception handlers.

Success: `{"ok": true, "data": ..., "meta": {"total", "limit", "offset"} | null}`.
Failure: `{"ok": false, "error": {"code", "message", "details"?}}` — also for 404, 422 and 500.

Money stays exact: responses are written with simplejson (`use_decimal`), as the canonical
export does, so a `Decimal("42.40")` goes out as the JSON number `42.40`, never a float or a
string.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, Generic, TypeVar

import simplejson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import YusuanError

log = logging.getLogger("yusuan.web")

T = TypeVar("T")

API_PREFIX = "/api/"


class Meta(BaseModel):
    """Pagination of a list: `total` rows match, `limit` and `offset` as applied."""

    total: int
    limit: int
    offset: int


class Envelope(BaseModel, Generic[T]):
    ok: bool = True
    data: T
    meta: Meta | None = None


class ErrorBody(BaseModel):
    code: str
    """Stable, machine-readable: `not_found`, `validation_error`, `bad_file`, …"""
    message: str
    """For people: Chinese / English."""
    details: Any = None


class ErrorEnvelope(BaseModel):
    ok: bool = False
    error: ErrorBody


def _default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", by_alias=True)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(content: Any) -> bytes:
    return simplejson.dumps(
        content, use_decimal=True, ensure_ascii=False, default=_default, separators=(",", ":")
    ).encode("utf-8")


class DecimalJSONResponse(JSONResponse):
    """JSON with `Decimal` as JSON numbers exactly as held (simplejson `use_decimal`)."""

    def render(self, content: Any) -> bytes:
        return dumps(content)


def _plain(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="python", by_alias=True)
    if isinstance(data, list):
        return [_plain(item) for item in data]
    return data


def ok(
    data: Any,
    *,
    meta: Meta | None = None,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> DecimalJSONResponse:
    """The success envelope around `data` (pydantic models, lists of them, or plain data)."""
    body = {"ok": True, "data": _plain(data), "meta": _plain(meta)}
    return DecimalJSONResponse(body, status_code=status_code, headers=headers)


def error_response(
    status_code: int, code: str, message: str, details: Any = None
) -> DecimalJSONResponse:
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return DecimalJSONResponse({"ok": False, "error": error}, status_code=status_code)


class APIError(StarletteHTTPException):
    """An HTTP error with a stable code; the handlers turn it into the error envelope (API)
    or an error page (HTML)."""

    def __init__(self, status_code: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(status_code=status_code, detail=message)
        self.code = code
        self.message = message
        self.details = details


def not_found(what_zh: str = "未找到", what_en: str = "not found") -> APIError:
    return APIError(404, "not_found", f"{what_zh} / {what_en}")


def bad_file(exc: YusuanError) -> APIError:
    return APIError(
        422,
        "bad_file",
        exc.one_line(),
        {"file": exc.file, "line": exc.line, "zh": exc.zh, "en": exc.en},
    )


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
}
_MESSAGES = {
    404: "未找到 / not found",
    405: "不支持此方法 / method not allowed",
    401: "需要登录 / login required",
    403: "没有权限 / forbidden",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors[:3]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{loc}: {err.get('msg', '')}" if loc else str(err.get("msg", "")))
    return "参数无效 / invalid parameters — " + "; ".join(parts)


def install_handlers(app: FastAPI, html_error: Callable[[Request, int, str], Response]) -> None:
    """Exception handlers: the envelope under `/api/`, `html_error(request, status, message)`
    (an error page) elsewhere."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if isinstance(exc, APIError):
            code, message, details = exc.code, exc.message, exc.details
        else:
            code = _CODES.get(exc.status_code, "http_error")
            message = _MESSAGES.get(exc.status_code) or str(exc.detail)
            details = None
        if is_api(request):
            response: Response = error_response(exc.status_code, code, message, details)
        else:
            response = html_error(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in exc.errors()
        ]
        message = _validation_message(errors)
        if is_api(request):
            return error_response(422, "validation_error", message, errors)
        return html_error(request, 422, message)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        message = "服务器内部错误 / internal server error"
        if is_api(request):
            return error_response(500, "internal_error", message)
        return html_error(request, 500, message)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
