"""The pages: each renders with its key content, in Chinese; drafts stay hidden."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from conftest import Stored
from derive import SEED_FILE


def page(client: TestClient, url: str, status: int = 200, **params: Any) -> str:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    text: str = response.text
    assert '<html lang="zh-CN">' in text
    return text


def test_home_grid(client: TestClient, stored: Stored) -> None:
    html = page(client, "/")
    assert "部门预算公开" in html
    assert "石家庄高新技术产业开发区科学技术局" in html
    assert "2021 年" in html and "2023 年" in html
    assert f"/disclosures/{stored.seed}" in html
    assert f"/disclosures/{stored.later}" in html
    assert f"/disclosures/{stored.draft}" not in html
    assert "财政局" not in html  # the draft's department


def test_no_cdn(client: TestClient) -> None:
    html = page(client, "/")
    assert "/static/vendor/htmx.min.js" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    js = client.get("/static/vendor/htmx.min.js")
    assert js.status_code == 200
    assert "htmx" in js.text[:2000]


def test_overview(client: TestClient, stored: Stored) -> None:
    html = page(client, f"/disclosures/{stored.seed}")
    for label in ("收入预算", "支出预算", "“三公”经费", "机关运行经费", "一般公共预算拨款"):
        assert label in html
    assert "44999" in html  # income total
    assert "44419" in html  # general budget
    assert "31.97" in html  # operating costs
    assert html.count('<svg class="chart"') >= 3
    assert f"/disclosures/{stored.seed}/compare?with={stored.later}" in html


def test_projects_page(client: TestClient, stored: Stored, seed: Any) -> None:
    html = page(client, f"/disclosures/{stored.seed}/projects")
    assert "项目绩效目标" in html
    rows = re.findall(r'<td class="num">(\d+)</td>\s*<td class="name">', html)
    assert [int(r) for r in rows] == list(range(1, 36))
    for p in seed.projects:
        assert f">{p.name}</a>" in html
        assert f'<td class="num">{p.amount}</td>' in html
    assert "合计 total（35 个）" in html
    assert '<td class="num">60.00%</td>' in html


def test_projects_filter_and_sort(client: TestClient, stored: Stored, seed: Any) -> None:
    url = f"/disclosures/{stored.seed}/projects"
    html = page(client, url, q="孵化器")
    shown = re.findall(r'<td class="num">(\d+)</td>\s*<td class="name">', html)
    assert 0 < len(shown) < 35
    html = page(client, url, sort="-amount")
    shown = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>\s*<td class="name">', html)]
    assert shown[0] == 8  # 20000.00, the largest
    # htmx asks for the table only
    response = client.get(url, params={"q": "孵化器"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "<table" in response.text


def test_project_page(client: TestClient, stored: Stored, seed: Any) -> None:
    html = page(client, f"/disclosures/{stored.seed}/projects/1")
    project = seed.projects[0]
    assert project.name in html
    assert "资金支出计划" in html
    assert 'class="plan-line"' in html  # the SVG cumulative curve
    assert "绩效指标" in html and "绩效目标" in html
    for ind in project.indicators:
        assert (ind.name or "") in html
    assert 'id="ind-1"' in html
    assert "≥30" in html or "&gt;=30" in html or "≥ 30" in html


def test_project_page_gap(client: TestClient, stored: Stored, seed: Any) -> None:
    gap = next(p for p in seed.projects if p.plan.get("12") is None)
    html = page(client, f"/disclosures/{stored.seed}/projects/{gap.no}")
    assert 'class="gap"' in html
    assert "未列明" in html


def test_unknown_project_page(client: TestClient, stored: Stored) -> None:
    html = page(client, f"/disclosures/{stored.seed}/projects/99", status=404)
    assert "未找到" in html


def test_findings_page(client: TestClient, stored: Stored, seed: Any) -> None:
    import yusuan

    report = yusuan.check(seed)
    url = f"/disclosures/{stored.seed}/findings"
    html = page(client, url)
    assert "审核发现" in html
    assert html.count('<div class="finding ') == len(report.findings)
    warnings = sum(f.severity == "warning" for f in report.findings)
    html = page(client, url, severity="warning")
    assert html.count('<div class="finding warning"') == warnings
    assert '<div class="finding error"' not in html
    assert f"/disclosures/{stored.seed}/projects/1#ind-" in page(client, url, project="1")


def test_compare_page(client: TestClient, stored: Stored) -> None:
    html = page(client, f"/disclosures/{stored.seed}/compare", **{"with": str(stored.later)})
    assert "2021 年与 2023 年对比" in html
    assert "44999" in html and "45999" in html  # income totals
    assert "+1000" in html
    assert html.count('<svg class="chart"') == 2
    # the other direction gives the same order, earlier year first
    html2 = page(client, f"/disclosures/{stored.later}/compare")
    assert "2021 年与 2023 年对比" in html2


def test_search_page(client: TestClient, stored: Stored) -> None:
    html = page(client, "/search", q="科技保险")
    assert "<mark>科技保险</mark>" in html
    assert f"/disclosures/{stored.seed}/projects/1" in html
    assert f"/disclosures/{stored.draft}/" not in html
    assert "搜索" in page(client, "/search")


def test_upload_form_and_bad_file(empty_client: TestClient) -> None:
    html = page(empty_client, "/upload")
    assert 'type="file"' in html and 'enctype="multipart/form-data"' in html
    files = {"file": ("notes.txt", "这不是预算公开文件。\n".encode(), "text/plain")}
    response = empty_client.post("/upload", files=files)
    assert response.status_code == 422
    assert 'class="alert error"' in response.text
    assert "notes.txt" in response.text
    assert " / " in response.text


def test_upload_seed_redirects_to_overview(empty_client: TestClient, seed_bytes: bytes) -> None:
    files = {"file": (SEED_FILE, seed_bytes, "text/plain")}
    response = empty_client.post("/upload", files=files, follow_redirects=False)
    assert response.status_code == 303
    target = response.headers["location"]
    assert re.search(r"/disclosures/\d+\?uploaded=new$", target)
    html = empty_client.get(target).text
    assert "上传成功" in html


def test_draft_pages_are_404(client: TestClient, stored: Stored) -> None:
    for url in (
        f"/disclosures/{stored.draft}",
        f"/disclosures/{stored.draft}/projects",
        f"/disclosures/{stored.draft}/projects/1",
        f"/disclosures/{stored.draft}/findings",
        f"/disclosures/{stored.draft}/compare",
        f"/disclosures/{stored.seed}/compare?with={stored.draft}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "财政局" not in response.text


def test_bad_page_params_are_422_pages(client: TestClient, stored: Stored) -> None:
    response = client.get(f"/disclosures/{stored.seed}/projects", params={"sort": "bogus"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "请求无效" in response.text
