"""The JSON API: the envelope on every route (errors included), pagination, exact money,
canonical JSON, projects, indicators, findings, search, upload, and drafts kept hidden."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

import yusuan
from conftest import Stored, add_user, log_in
from derive import SEED_FILE, strip_source
from yusuan.web.app import create_app
from yusuan.web.settings import Settings


def body(response: Any) -> dict[str, Any]:
    """The JSON body with numbers as Decimal (exact, as sent)."""
    data: dict[str, Any] = json.loads(response.text, parse_float=Decimal)
    return data


def ok_data(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    payload = body(response)
    assert payload["ok"] is True
    assert set(payload) == {"ok", "data", "meta"}
    return payload["data"]


def error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    payload = body(response)
    assert payload["ok"] is False
    assert set(payload) == {"ok", "error"}
    assert {"code", "message"} <= set(payload["error"])
    assert payload["error"]["message"]
    error: dict[str, Any] = payload["error"]
    return error


# --------------------------------------------------------------------------------------------
# health, list, envelope and pagination


def test_health(client: TestClient, web_db: tuple[str, Any]) -> None:
    data = ok_data(client.get("/api/v1/health"))
    assert data["status"] == "ok"
    assert data["database"] == web_db[0].split(":")[0].split("+")[0]
    assert data["version"] == yusuan.__version__


def test_list_disclosures(client: TestClient, stored: Stored) -> None:
    response = client.get("/api/v1/disclosures")
    rows = ok_data(response)
    meta = body(response)["meta"]
    assert meta == {"total": 2, "limit": 100, "offset": 0}
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {stored.seed, stored.later}
    seed = by_id[stored.seed]
    assert seed["department"] == {
        "name": "石家庄高新技术产业开发区科学技术局",
        "short_name": "高新区科技局",
        "code": "306",
    }
    assert seed["year"] == 2021
    assert seed["kind"] == "budget"
    assert seed["status"] == "published"
    assert by_id[stored.later]["year"] == 2023


def test_list_pagination(client: TestClient) -> None:
    response = client.get("/api/v1/disclosures", params={"limit": 1, "offset": 1})
    rows = ok_data(response)
    assert len(rows) == 1
    assert body(response)["meta"] == {"total": 2, "limit": 1, "offset": 1}
    first = ok_data(client.get("/api/v1/disclosures", params={"limit": 1}))
    assert first[0]["id"] != rows[0]["id"]


def test_list_filters(client: TestClient, stored: Stored) -> None:
    rows = ok_data(client.get("/api/v1/disclosures", params={"year": 2023}))
    assert [r["id"] for r in rows] == [stored.later]
    rows = ok_data(client.get("/api/v1/disclosures", params={"department": "306"}))
    assert {r["id"] for r in rows} == {stored.seed, stored.later}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/disclosures?limit=0",
        "/api/v1/disclosures?limit=abc",
        "/api/v1/disclosures?offset=-1",
        "/api/v1/disclosures?year=x",
        "/api/v1/disclosures/abc",
        "/api/v1/disclosures/1/projects?sort=bogus",
        "/api/v1/disclosures/1/projects/x",
        "/api/v1/disclosures/1/findings?severity=fatal",
        "/api/v1/search",
    ],
)
def test_bad_params_are_422_in_the_envelope(client: TestClient, url: str) -> None:
    error = error_of(client.get(url), 422)
    assert error["code"] == "validation_error"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/disclosures/999999",
        "/api/v1/disclosures/999999/projects",
        "/api/v1/disclosures/999999/projects/1",
        "/api/v1/disclosures/999999/findings",
        "/api/v1/nothing-here",
    ],
)
def test_unknown_is_404_in_the_envelope(client: TestClient, url: str) -> None:
    error = error_of(client.get(url), 404)
    assert error["code"] == "not_found"


def test_unknown_project_is_404(client: TestClient, stored: Stored) -> None:
    error = error_of(client.get(f"/api/v1/disclosures/{stored.seed}/projects/99"), 404)
    assert error["code"] == "not_found"


def test_method_not_allowed_in_the_envelope(client: TestClient) -> None:
    error = error_of(client.delete("/api/v1/health"), 405)
    assert error["code"] == "method_not_allowed"


def test_server_error_in_the_envelope(web_db: tuple[str, Stored]) -> None:
    app = create_app(Settings(database_url=web_db[0]))

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as c:
        error = error_of(c.get("/api/v1/boom"), 500)
    assert error["code"] == "internal_error"
    assert "boom" not in error["message"]


def test_openapi_docs(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/health",
        "/api/v1/disclosures",
        "/api/v1/disclosures/{disclosure_id}",
        "/api/v1/disclosures/{disclosure_id}/projects",
        "/api/v1/disclosures/{disclosure_id}/projects/{no}",
        "/api/v1/disclosures/{disclosure_id}/findings",
        "/api/v1/search",
    ):
        assert path in paths
    assert "post" in paths["/api/v1/disclosures"]
    assert not any(not p.startswith("/api/") for p in paths)  # pages are not API
    assert client.get("/api/v1/docs").status_code == 200


# --------------------------------------------------------------------------------------------
# one disclosure, its projects and findings


def test_disclosure_is_the_canonical_json(client: TestClient, stored: Stored, seed: Any) -> None:
    data = ok_data(client.get(f"/api/v1/disclosures/{stored.seed}"))
    expected = json.loads(yusuan.dumps(seed), parse_float=Decimal)
    assert strip_source(data) == strip_source(expected)
    assert data["schema"] == "yusuan/disclosure@1"


def test_money_is_sent_as_printed(client: TestClient, stored: Stored) -> None:
    response = client.get(f"/api/v1/disclosures/{stored.seed}/projects", params={"limit": 1})
    assert '"amount":42.40' in response.text  # a JSON number, scale kept, not "42.40"


def test_projects(client: TestClient, stored: Stored, seed: Any) -> None:
    response = client.get(f"/api/v1/disclosures/{stored.seed}/projects")
    rows = ok_data(response)
    assert body(response)["meta"] == {"total": 35, "limit": 100, "offset": 0}
    assert len(rows) == 35
    first = rows[0]
    assert first["no"] == 1
    assert first["amount"] == Decimal("42.40")
    assert first["plan"] == {"3": 0, "6": 60, "10": 60, "12": 100}
    assert {"no", "code", "name", "amount", "plan"} <= set(first)
    for row, project in zip(rows, seed.projects, strict=True):
        assert row["no"] == project.no
        assert row["code"] == project.code
        assert row["name"] == project.name
        assert row["amount"] == project.amount
        assert row["plan"] == {m: v for m, v in project.plan.items()}


def test_projects_sort_filter_page(client: TestClient, stored: Stored, seed: Any) -> None:
    url = f"/api/v1/disclosures/{stored.seed}/projects"
    rows = ok_data(client.get(url, params={"sort": "-amount"}))
    amounts = [r["amount"] for r in rows if r["amount"] is not None]
    assert amounts == sorted(amounts, reverse=True)
    response = client.get(url, params={"limit": 10, "offset": 30})
    assert [r["no"] for r in ok_data(response)] == [31, 32, 33, 34, 35]
    assert body(response)["meta"] == {"total": 35, "limit": 10, "offset": 30}
    rows = ok_data(client.get(url, params={"q": "科技保险"}))
    # name, code or purpose hold the words
    expected = [
        p.no
        for p in seed.projects
        if any("科技保险" in (x or "") for x in (p.name, p.code, p.purpose))
    ]
    assert 0 < len(expected) < 35
    assert [r["no"] for r in rows] == expected


def test_project_detail(client: TestClient, stored: Stored, seed: Any) -> None:
    data = ok_data(client.get(f"/api/v1/disclosures/{stored.seed}/projects/1"))
    project = seed.projects[0]
    assert data["no"] == 1
    assert data["name"] == project.name
    assert data["amount"] == Decimal("42.40")
    assert data["purpose"] == project.purpose
    assert data["goals"] == project.goals
    assert len(data["indicators"]) == len(project.indicators) > 0
    for i, (row, ind) in enumerate(zip(data["indicators"], project.indicators, strict=True)):
        assert row["no"] == i + 1
        assert row["level1"] == ind.level1
        assert row["name"] == ind.name
        assert row["value"] == ind.value
        if ind.parsed is not None:
            assert row["parsed"]["kind"] == ind.parsed.kind
            assert row["parsed"]["number"] == ind.parsed.number
    assert isinstance(data["findings"], list)


def test_findings(client: TestClient, stored: Stored, seed: Any) -> None:
    report = yusuan.check(seed)
    url = f"/api/v1/disclosures/{stored.seed}/findings"
    response = client.get(url, params={"limit": 1000})
    rows = ok_data(response)
    assert body(response)["meta"]["total"] == len(report.findings) == len(rows)
    assert sorted(r["rule"] for r in rows) == sorted(f.rule for f in report.findings)
    first = rows[0]
    assert {"rule", "severity", "category", "message", "message_en", "locations"} <= set(first)


def test_findings_filters(client: TestClient, stored: Stored, seed: Any) -> None:
    report = yusuan.check(seed)
    url = f"/api/v1/disclosures/{stored.seed}/findings"
    for severity in ("error", "warning", "info"):
        rows = ok_data(client.get(url, params={"severity": severity, "limit": 1000}))
        assert all(r["severity"] == severity for r in rows)
        assert len(rows) == sum(f.severity == severity for f in report.findings)
    rule = report.findings[0].rule
    rows = ok_data(client.get(url, params={"rule": rule, "limit": 1000}))
    assert rows
    assert {r["rule"] for r in rows} == {rule}
    with_project = next(f for f in report.findings if any(loc.project_no for loc in f.locations))
    no = next(loc.project_no for loc in with_project.locations if loc.project_no)
    rows = ok_data(client.get(url, params={"project": no, "limit": 1000}))
    assert rows
    assert all(any(loc["project_no"] == no for loc in r["locations"]) for r in rows)


def test_search(client: TestClient, stored: Stored) -> None:
    response = client.get("/api/v1/search", params={"q": "科技保险"})
    rows = ok_data(response)
    assert rows
    assert body(response)["meta"]["total"] >= len(rows)
    assert {r["disclosure_id"] for r in rows} <= {stored.seed, stored.later}
    hit = next(r for r in rows if r["disclosure_id"] == stored.seed)
    assert "科技保险" in hit["project_name"]
    assert hit["department"]["code"] == "306"


# --------------------------------------------------------------------------------------------
# upload


def test_upload_seed_then_again(empty_client: TestClient, seed_bytes: bytes) -> None:
    files = {"file": (SEED_FILE, seed_bytes, "text/plain")}
    data = ok_data(empty_client.post("/api/v1/disclosures", files=files), 201)
    assert data["created"] is True
    assert isinstance(data["id"], int)
    assert data["status"] == "published"
    again = ok_data(empty_client.post("/api/v1/disclosures", files=files), 200)
    assert again["id"] == data["id"]
    assert again["created"] is False
    rows = ok_data(empty_client.get(f"/api/v1/disclosures/{data['id']}/projects"))
    assert len(rows) == 35


def test_upload_bad_file(empty_client: TestClient) -> None:
    files = {"file": ("notes.txt", "这不是预算公开文件。\n只是一段话。\n".encode(), "text/plain")}
    error = error_of(empty_client.post("/api/v1/disclosures", files=files), 422)
    assert error["code"] == "bad_file"
    assert error["message"].startswith("notes.txt")
    assert " / " in error["message"]  # Chinese / English, one line
    assert "\n" not in error["message"]
    assert ok_data(empty_client.get("/api/v1/disclosures")) == []


def test_upload_empty_and_missing(empty_client: TestClient) -> None:
    files = {"file": ("empty.txt", b"", "text/plain")}
    assert error_of(empty_client.post("/api/v1/disclosures", files=files), 422)["code"] == (
        "bad_file"
    )
    error = error_of(empty_client.post("/api/v1/disclosures"), 422)
    assert error["code"] == "validation_error"


def test_upload_too_large(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    settings = Settings(database_url=url, max_upload_bytes=10)
    with TestClient(create_app(settings)) as c:
        add_user(url, "reviewer", "reviewer")
        log_in(c, "reviewer")
        files = {"file": ("big.txt", b"x" * 100, "text/plain")}
        assert error_of(c.post("/api/v1/disclosures", files=files), 413)["code"] == "too_large"


# --------------------------------------------------------------------------------------------
# drafts are invisible to anonymous visitors


def test_draft_is_invisible(client: TestClient, stored: Stored) -> None:
    listed = ok_data(client.get("/api/v1/disclosures", params={"limit": 1000}))
    assert stored.draft not in {r["id"] for r in listed}
    assert not ok_data(client.get("/api/v1/disclosures", params={"department": "412"}))
    for url in (
        f"/api/v1/disclosures/{stored.draft}",
        f"/api/v1/disclosures/{stored.draft}/projects",
        f"/api/v1/disclosures/{stored.draft}/projects/1",
        f"/api/v1/disclosures/{stored.draft}/findings",
    ):
        assert error_of(client.get(url), 404)["code"] == "not_found", url
    hits = ok_data(client.get("/api/v1/search", params={"q": "科技", "limit": 1000}))
    assert hits
    assert stored.draft not in {h["disclosure_id"] for h in hits}
    hits = ok_data(client.get("/api/v1/search", params={"q": "财政局"}))
    assert stored.draft not in {h["disclosure_id"] for h in hits}
