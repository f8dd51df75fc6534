"""What every page shares: the Jinja2 environment, its helpers and the error page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ...audit.finding import Finding
from ...render.places import place_label, where
from ...store import service
from .. import csrf
from ..auth import resolve_user
from ..charts import fmt

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
STATUS_ZH = {"draft": "草稿", "submitted": "已提交", "published": "已公开"}
ROLE_ZH = {"admin": "管理员", "reviewer": "审核人员", "preparer": "编制人员"}
REVIEW_ZH = {"open": "待审核", "accepted": "认可", "disputed": "有异议"}
KIND_ZH = {"budget": "预算", "final": "决算"}
VALUE_KIND_ZH = {"quantitative": "定量", "deadline": "时限", "qualitative": "定性"}

# The sections of the overview page, by the model key a finding's `section` starts with.
OVERVIEW_ANCHORS = {
    "income": "income",
    "expenditure": "expenditure",
    "three_public": "three-public",
    "operating_costs": "operating-costs",
    "performance": "performance",
    "procurement": "procurement",
    "assets": "assets",
}


def finding_project(finding: Finding) -> int | None:
    return next((loc.project_no for loc in finding.locations if loc.project_no is not None), None)


def finding_anchor(finding: Finding) -> str:
    """The `#…` of the finding's place on its page: an indicator row, a project part or an
    overview section."""
    for loc in finding.locations:
        if loc.project_no is not None:
            if loc.indicator is not None:
                return f"#ind-{loc.indicator}"
            section = loc.section or ""
            if ".plan" in section:
                return "#plan"
            if ".goals" in section:
                return "#goals"
            return ""
    for loc in finding.locations:
        if loc.section:
            key = loc.section.split(".")[0].split("[")[0]
            if key in OVERVIEW_ANCHORS:
                return "#" + OVERVIEW_ANCHORS[key]
    return ""


def place_links(
    finding: Finding, disclosure_id: int, names: Sequence[str]
) -> list[tuple[str, str]]:
    """(label, URL) of each standard-table row, table or narrative paragraph `finding` points
    at (`names`: the disclosure's table names in order): the table page's `#row-N`, the
    overview's `#para-N`."""
    out: list[tuple[str, str]] = []
    for p in service.places_of(finding, names):
        if p.kind == "paragraph":
            n = p.index + 1
            url = f"/disclosures/{disclosure_id}#para-{n}"
            out.append((f"情况说明第 {n} 段 narrative ¶{n}", url))
            continue
        url = f"/disclosures/{disclosure_id}/tables/{p.index + 1}"
        if p.row is None:
            out.append((f"{names[p.index]} table {p.index + 1}", url + "#table-findings"))
        else:
            n = p.row + 1
            out.append((f"{names[p.index]} 第 {n} 行 row {n}", f"{url}#row-{n}"))
    return out


def highlight(text: str, q: str) -> Markup:
    """`text` escaped, with each occurrence of `q` marked."""
    if not q:
        return Markup(escape(text))
    pattern = re.compile(re.escape(q), re.IGNORECASE)
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def _pct_change(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    sign = "+" if value > 0 else ""
    return f"{sign}{fmt(value)}"


templates = Jinja2Templates(directory=str(TEMPLATES))
_env = templates.env
_env.filters["highlight"] = highlight
_env.globals.update(
    fmt=fmt,
    signed=_pct_change,
    SEVERITY_ZH=SEVERITY_ZH,
    STATUS_ZH=STATUS_ZH,
    ROLE_ZH=ROLE_ZH,
    REVIEW_ZH=REVIEW_ZH,
    KIND_ZH=KIND_ZH,
    VALUE_KIND_ZH=VALUE_KIND_ZH,
    place=place_label,
    where=where,
    finding_project=finding_project,
    finding_anchor=finding_anchor,
)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    context.setdefault("settings", request.app.state.settings)
    context.setdefault("user", resolve_user(request))
    # Called by the templates that hold a form; an anonymous visitor gets the CSRF cookie only
    # then (public pages stay cookie-free and cacheable).
    context.setdefault("csrf_token", lambda: csrf.token_for(request))
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    csrf.attach_cookie(request, response)
    return response


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    titles = {
        401: "需要登录",
        403: "没有权限",
        404: "未找到",
        409: "状态冲突",
        422: "请求无效",
        413: "文件过大",
        429: "请求过多",
        500: "服务器错误",
    }
    return render(
        request,
        "error.html",
        {"status": status_code, "heading": titles.get(status_code, "出错了"), "message": message},
        status_code=status_code,
    )
