"""A PDF through the web upload (API and form), on each test backend: it reads as the seed
(35 projects), and its findings name the page they are on (`第 6 页 page 6`), not a line.

The sample PDF lives in `../shared/samples/` beside the clone (see tests/pdf/conftest.py); the
tests skip, saying why, when it is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backends import BACKENDS, fresh_postgres
from conftest import add_user, log_in
from pdf.conftest import SEED_PDF
from yusuan.web.app import create_app
from yusuan.web.settings import Settings

PDF_NAME = "seed-2021-budget-rendered.pdf"


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    if not SEED_PDF.is_file():
        pytest.skip(f"sample PDF not found: {SEED_PDF} (../shared/samples/ is beside the clone)")
    return SEED_PDF.read_bytes()


@pytest.fixture(params=BACKENDS)
def pdf_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    """An app over an empty database, logged in as a reviewer."""
    if request.param == "postgresql":
        url = fresh_postgres("pdfupload").render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path / 'pdf.sqlite3'}"
    app = create_app(Settings(database_url=url))
    add_user(url, "reviewer", "reviewer")
    with TestClient(app) as c:
        log_in(c, "reviewer")
        yield c


def test_upload_form_accepts_pdf(pdf_client: TestClient) -> None:
    html = pdf_client.get("/upload").text
    (accept,) = re.findall(r'<input type="file" name="file" required accept="([^"]*)"', html)
    assert ".pdf" in accept.split(",") and "application/pdf" in accept.split(",")
    assert "PDF" in html


def test_api_upload_of_a_pdf(pdf_client: TestClient, pdf_bytes: bytes) -> None:
    files = {"file": (PDF_NAME, pdf_bytes, "application/pdf")}
    response = pdf_client.post("/api/v1/disclosures", files=files)
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert data["created"] is True
    assert data["findings"] == {"error": 2, "warning": 48, "info": 6}
    disclosure = data["id"]
    projects = pdf_client.get(f"/api/v1/disclosures/{disclosure}/projects").json()["data"]
    assert len(projects) == 35
    findings = pdf_client.get(
        f"/api/v1/disclosures/{disclosure}/findings", params={"rule": "PLAN-NOT-100"}
    ).json()["data"]
    (finding,) = [f for f in findings if f["rule"] == "PLAN-NOT-100"]
    (loc,) = finding["locations"]
    assert (loc["page"], loc["line"], loc["project_no"]) == (6, None, 3)
    assert loc["bbox"] == pytest.approx([124.0, 550.84, 532.28, 567.14])
    # The findings page names the page of each finding.
    html = pdf_client.get(f"/disclosures/{disclosure}/findings").text
    assert "第 6 页 page 6 · projects[3].plan" in html
    assert "第 17 页 page 17" in html
    assert " 行 line " not in html


def test_form_upload_of_a_pdf(pdf_client: TestClient, pdf_bytes: bytes) -> None:
    files = {"file": (PDF_NAME, pdf_bytes, "application/pdf")}
    response = pdf_client.post("/upload", files=files, follow_redirects=False)
    assert response.status_code == 303, response.text[:500]
    target = response.headers["location"]
    match = re.search(r"/disclosures/(\d+)\?uploaded=new$", target)
    assert match
    assert "上传成功" in pdf_client.get(target).text
    projects = pdf_client.get(f"/api/v1/disclosures/{match.group(1)}/projects").json()["data"]
    assert len(projects) == 35


def test_upload_of_a_bad_pdf_says_why(pdf_client: TestClient) -> None:
    truncated = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    files = {"file": ("budget.pdf", truncated, "application/pdf")}
    response = pdf_client.post("/api/v1/disclosures", files=files)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "bad_file"
    assert error["message"].startswith("budget.pdf")
    assert "PDF" in error["message"] and " / " in error["message"]
