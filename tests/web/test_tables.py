"""Standard tables and the 情况说明 of a 决算, in the API and on the pages: exact cells, the
findings on their rows and paragraphs, drafts hidden, and a budget without tables unchanged.

The database (SQLite, and PostgreSQL when `YUSUAN_TEST_POSTGRES_URL` is set) holds the bundled
fictional 决算 (`final-demo.json`, no finding) and a variant with one cell changed
(`derive.edit_final_cell`: TABLE- and NARR- rules fire), both published, and the variant again
as a draft.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

import yusuan
from backends import BACKENDS, fresh_postgres
from conftest import Stored, add_user, log_in
from derive import FINAL_FILE, edit_final_cell, load_final_bytes
from yusuan.store import db, service
from yusuan.web.app import create_app
from yusuan.web.pages.tables import HeaderCell, header_rows
from yusuan.web.settings import Settings

D = Decimal


@dataclass
class Finals:
    url: str
    final: int
    edited: int
    draft: int


def _import(url: str, data: bytes, name: str, status: str) -> int:
    sessions = db.open_database(url)
    with sessions() as session:
        d = yusuan.read(data, name=name)
        result = service.import_disclosure(
            session,
            d,
            data=data,
            file_name=name,
            status=status,  # type: ignore[arg-type]
        )
    sessions.kw["bind"].dispose()
    return int(result.disclosure_id)


@pytest.fixture(scope="module", params=BACKENDS)
def finals(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Finals:
    if request.param == "postgresql":
        url = fresh_postgres("tables").render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('tables') / 'yusuan.sqlite3'}"
    data = load_final_bytes()
    edited = edit_final_cell(data.decode("utf-8")).encode("utf-8")
    out = Finals(
        url,
        final=_import(url, data, FINAL_FILE, "published"),
        edited=_import(url, edited, "final-edited.json", "published"),
        draft=_import(url, edited + b"\n", "final-draft.json", "draft"),
    )
    add_user(url, "reviewer", "reviewer")
    return out


@pytest.fixture(scope="module")
def client(finals: Finals) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=finals.url))) as c:
        yield c


def data_of(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text[:500]
    payload = json.loads(response.text, parse_float=Decimal)
    assert payload["ok"] is True and set(payload) == {"ok", "data", "meta"}
    return payload["data"]


def html_of(response: Any) -> str:
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    text: str = response.text
    return text


# --------------------------------------------------------------------------------------------
# API


def test_table_list(client: TestClient, finals: Finals) -> None:
    response = client.get(f"/api/v1/disclosures/{finals.final}/tables")
    tables = data_of(response)
    assert json.loads(response.text)["meta"] == {"total": 9, "limit": 100, "offset": 0}
    assert [t["no"] for t in tables] == list(range(1, 10))
    first = tables[0]
    assert first == {
        "no": 1,
        "path": "tables[0]",
        "name": "收入支出决算总表",
        "title": "收入支出决算总表",
        "unit": "万元",
        "pages": [6],
        "empty": False,
        "row_count": 42,
        "finding_count": 0,
    }
    assert tables[6]["name"] == '财政拨款"三公"经费支出决算表'
    assert tables[6]["title"] == "财政拨款“三公”经费支出决算表"
    assert [t["empty"] for t in tables] == [False] * 8 + [True]
    assert [t["pages"] for t in tables] == [[6], [8], [10], [12], [15], [16], [18], [19], [20]]
    assert all(t["finding_count"] == 0 for t in tables)


def test_table_cells_are_exact(client: TestClient, finals: Finals) -> None:
    response = client.get(f"/api/v1/disclosures/{finals.final}/tables/3")
    table = data_of(response)
    assert table["name"] == "支出决算表" and table["unit"] == "万元" and table["pages"] == [10]
    assert table["columns"] == [
        ["本年支出合计"],
        ["基本支出"],
        ["项目支出"],
        ["上缴上级支出"],
        ["经营支出"],
        ["对附属单位补助支出"],
    ]
    assert table["row_count"] == len(table["rows"]) == 18
    total = table["rows"][0]
    assert total["no"] == 1 and total["path"] == "tables[2].rows[0]"
    assert (total["code"], total["label"]) == (None, "合计")
    assert total["values"] == [D("1784.80"), D("1328.14"), D("456.66"), None, None, None]
    assert total["page"] == 10 and total["bbox"] == [
        D("39.39"),
        D("170.0"),
        D("555.61"),
        D("187.25"),
    ]
    assert total["findings"] == [] and table["findings"] == []
    # The scale as printed: 1784.80, not 1784.8 (JSON numbers, exact, like all money).
    assert "[1784.80,1328.14,456.66,null,null,null]" in response.text
    assert table["rows"][1]["code"] == "208"
    assert table["rows"][1]["label"] == "社会保障和就业支出"
    assert table["rows"][1]["values"][0] == D("192.96")

    overview = data_of(client.get(f"/api/v1/disclosures/{finals.final}/tables/1"))
    assert overview["columns"] == [["收入", "决算数"], ["支出", "决算数"]]
    assert overview["rows"][40]["label"] == "总计"
    assert overview["rows"][40]["values"] == [D("1900.10"), None]
    assert overview["rows"][41]["values"] == [None, D("1900.10")]
    assert overview["rows"][34]["label"] == "本年收入合计"
    assert overview["rows"][34]["values"] == [D("1835.80"), None]


def test_empty_table(client: TestClient, finals: Finals) -> None:
    table = data_of(client.get(f"/api/v1/disclosures/{finals.final}/tables/9"))
    assert table["empty"] is True
    assert table["name"] == "国有资本经营预算财政拨款收入支出决算表"


def test_narrative(client: TestClient, finals: Finals) -> None:
    paragraphs = data_of(client.get(f"/api/v1/disclosures/{finals.final}/narrative"))
    assert len(paragraphs) == 21
    first = paragraphs[0]
    assert first["no"] == 1 and first["path"] == "narrative[0]"
    assert first["heading"] == "一、收入支出决算总体情况说明"
    part = "第三部分 示例市示范区示例局2024年度部门决算情况说明"
    assert first["parents"] == [part]
    five = "五、一般公共预算财政拨款支出决算情况说明"
    assert paragraphs[4]["parents"] == [part, five]
    assert paragraphs[4]["heading"] == "（一）一般公共预算财政拨款支出决算总体情况"
    assert first["text"].startswith("示例市示范区示例局2024年度收入、支出总计1900.10万元")
    assert first["page"] == 21
    assert all(p["findings"] == [] for p in paragraphs)
    page = data_of(client.get(f"/api/v1/disclosures/{finals.final}/narrative?limit=2&offset=2"))
    assert [p["no"] for p in page] == [3, 4]


def test_findings_point_at_rows_and_paragraphs(client: TestClient, finals: Finals) -> None:
    tables = data_of(client.get(f"/api/v1/disclosures/{finals.edited}/tables"))
    assert tables[2]["finding_count"] >= 2
    assert [t["finding_count"] for i, t in enumerate(tables) if i != 2] == [0] * 8

    table = data_of(client.get(f"/api/v1/disclosures/{finals.edited}/tables/3"))
    total = table["rows"][0]
    assert total["values"][1] == D("1328.41")
    rules = {f["id"]: f["rule"] for f in table["findings"]}
    assert {"TABLE-COLUMN-SUM", "TABLE-CLASS-SUM"} <= set(rules.values())
    assert total["findings"] and set(total["findings"]) <= set(rules)
    assert "TABLE-COLUMN-SUM" in {rules[i] for i in total["findings"]}
    # A row that only TABLE-CLASS-SUM names (one of the classes summed).
    assert {rules[i] for i in table["rows"][1]["findings"]} == {"TABLE-CLASS-SUM"}
    assert table["rows"][2]["findings"] == []

    paragraphs = data_of(client.get(f"/api/v1/disclosures/{finals.edited}/narrative"))
    flagged = {p["no"]: [f["rule"] for f in p["findings"]] for p in paragraphs if p["findings"]}
    assert flagged == {3: ["NARR-TOTAL"]}


def test_not_found(client: TestClient, finals: Finals) -> None:
    for url in (
        f"/api/v1/disclosures/{finals.final}/tables/10",
        "/api/v1/disclosures/999999/tables",
        "/api/v1/disclosures/999999/tables/1",
        "/api/v1/disclosures/999999/narrative",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/disclosures/{finals.final}/tables/0").status_code == 422
    assert client.get(f"/disclosures/{finals.final}/tables/10").status_code == 404


def test_a_draft_is_hidden_from_the_public(client: TestClient, finals: Finals) -> None:
    urls = [
        f"/api/v1/disclosures/{finals.draft}/tables",
        f"/api/v1/disclosures/{finals.draft}/tables/3",
        f"/api/v1/disclosures/{finals.draft}/narrative",
        f"/disclosures/{finals.draft}/tables/3",
    ]
    client.cookies.clear()
    for url in urls:
        assert client.get(url).status_code == 404, url
    log_in(client, "reviewer")
    try:
        for url in urls:
            assert client.get(url).status_code == 200, url
    finally:
        client.cookies.clear()
        client.headers.pop("X-CSRF-Token", None)


def test_a_budget_without_tables(client_seed: TestClient, stored: Stored) -> None:
    assert data_of(client_seed.get(f"/api/v1/disclosures/{stored.seed}/tables")) == []
    assert data_of(client_seed.get(f"/api/v1/disclosures/{stored.seed}/narrative")) == []
    assert client_seed.get(f"/api/v1/disclosures/{stored.seed}/tables/1").status_code == 404
    html = html_of(client_seed.get(f"/disclosures/{stored.seed}"))
    assert 'id="tables"' not in html and 'id="narrative"' not in html


@pytest.fixture
def client_seed(web_db: tuple[str, Stored]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=web_db[0]))) as c:
        yield c


# --------------------------------------------------------------------------------------------
# Pages


def test_overview_lists_tables_and_narrative(client: TestClient, finals: Finals) -> None:
    html = html_of(client.get(f"/disclosures/{finals.final}"))
    assert 'id="tables"' in html and "标准表" in html and "standard tables" in html
    for no in range(1, 10):
        assert f'href="/disclosures/{finals.final}/tables/{no}"' in html
    assert "收入支出决算总表" in html and "本表无数据" in html
    assert 'id="narrative"' in html and "情况说明" in html
    assert 'id="para-1"' in html and 'id="para-21"' in html
    assert "一、收入支出决算总体情况说明" in html
    # The headings that enclose others are printed once, above the first paragraph under them,
    # each at its depth.
    assert html.count("第三部分 示例市示范区示例局2024年度部门决算情况说明") == 1
    assert html.count("五、一般公共预算财政拨款支出决算情况说明") == 1
    assert '<h3 class="depth-1">五、一般公共预算财政拨款支出决算情况说明</h3>' in html
    assert '<h3 class="depth-2">（一）一般公共预算财政拨款支出决算总体情况</h3>' in html
    assert html.count("（三）一般公共预算财政拨款支出决算具体情况") == 1
    assert "flagged" not in html
    # A 决算 shows its actuals: the cards say 决算, and there is no empty project list to open.
    assert "收入决算" in html and "支出决算" in html
    assert "收入预算" not in html and "支出预算" not in html
    assert "项目绩效目标（0）" not in html

    edited = html_of(client.get(f"/disclosures/{finals.edited}"))
    para = re.search(
        r'<div class="para flagged (\w+)" id="para-3">(.*?)</div>\s*</div>', edited, re.S
    )
    assert para is not None and para.group(1) == "error"
    assert "NARR-TOTAL" in para.group(2)
    assert f'href="/disclosures/{finals.edited}/tables/3#row-1"' in para.group(2)


def test_final_page_looks_its_findings_up_once(
    client: TestClient, finals: Finals, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 决算 page counts its findings and puts them on its tables and paragraphs: one
    lookup serves all three (it made three)."""
    calls: list[int] = []
    real = service.list_findings

    def counted(session: Any, disclosure_id: int, *args: Any, **kwargs: Any) -> Any:
        calls.append(disclosure_id)
        return real(session, disclosure_id, *args, **kwargs)

    from yusuan.store import printed

    monkeypatch.setattr(service, "list_findings", counted)
    monkeypatch.setattr(printed, "list_findings", counted)
    # A query string of its own: the page is rendered, not sent from the response cache.
    html = html_of(client.get(f"/disclosures/{finals.edited}?lookups=1"))
    assert "NARR-TOTAL" in html
    assert calls == [finals.edited]


def test_table_page_as_printed(client: TestClient, finals: Finals) -> None:
    html = html_of(client.get(f"/disclosures/{finals.final}/tables/1"))
    assert "<h1>收入支出决算总表</h1>" in html
    assert "万元" in html and "第 6 页" in html
    assert 'id="row-41"' in html and "总计" in html
    assert '<td class="num">1900.10</td>' in html
    assert '<td class="num">1680.20</td>' in html
    # A two-row header: 收入 / 支出 over 决算数 each.
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<tr>") == 2
    assert ">收入</th>" in head and ">支出</th>" in head and head.count(">决算数</th>") == 2
    assert "flagged" not in html and "本表无数据" not in html.split("</h1>")[1].split("<table")[0]

    empty = html_of(client.get(f"/disclosures/{finals.final}/tables/9"))
    assert "本表无数据" in empty and "第 20 页" in empty

    three = html_of(client.get(f"/disclosures/{finals.final}/tables/7"))
    head = three.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<tr>") == 4
    assert 'colspan="12"' in head  # 财政拨款“三公”经费 over every column


def test_table_page_highlights_the_rows_of_findings(client: TestClient, finals: Finals) -> None:
    table = data_of(client.get(f"/api/v1/disclosures/{finals.edited}/tables/3"))
    ids = {f["rule"]: f["id"] for f in table["findings"]}
    html = html_of(client.get(f"/disclosures/{finals.edited}/tables/3"))
    row = re.search(r'<tr id="row-1" class="flagged (\w+)">(.*?)</tr>', html, re.S)
    assert row is not None and row.group(1) == "error"
    assert "合计" in row.group(2) and '<td class="num">1328.41</td>' in row.group(2)
    assert f'href="#finding-{ids["TABLE-COLUMN-SUM"]}"' in row.group(2)
    assert 'id="row-2" class="flagged error"' in html  # named by TABLE-CLASS-SUM
    assert '<tr id="row-3">' in html
    for rule, fid in ids.items():
        assert html.count(f'id="finding-{fid}"') == 1, rule
    assert "「合计」行「本年支出合计」" in html  # TABLE-COLUMN-SUM's message, beside the row
    # The finding card under row 1 comes before row 2.
    assert html.index(f'id="finding-{ids["TABLE-COLUMN-SUM"]}"') < html.index('id="row-2"')


def test_findings_page_links_to_rows_and_paragraphs(client: TestClient, finals: Finals) -> None:
    html = html_of(client.get(f"/disclosures/{finals.edited}/findings"))
    assert f'href="/disclosures/{finals.edited}/tables/3#row-1"' in html
    assert f'href="/disclosures/{finals.edited}/tables/3#row-2"' in html
    assert f'href="/disclosures/{finals.edited}#para-3"' in html
    assert "支出决算表 第 1 行 row 1" in html
    assert "情况说明第 3 段" in html


# --------------------------------------------------------------------------------------------
# The header as printed


def test_header_rows_merge_and_stretch() -> None:
    columns = [
        ["三公", "合计", "预算数"],
        ["三公", "合计", "决算数"],
        ["三公", "用车", "小计", "预算数"],
        ["三公", "用车", "小计", "决算数"],
        [],
    ]
    rows = header_rows(columns)
    assert rows == [
        [HeaderCell("三公", 4, 1), HeaderCell("", 1, 4)],
        [HeaderCell("合计", 2, 2), HeaderCell("用车", 2, 1)],
        [HeaderCell("小计", 2, 1)],
        [
            HeaderCell("预算数", 1, 1),
            HeaderCell("决算数", 1, 1),
            HeaderCell("预算数", 1, 1),
            HeaderCell("决算数", 1, 1),
        ],
    ]
    assert header_rows([["收入"], ["支出", "决算数"]]) == [
        [HeaderCell("收入", 1, 2), HeaderCell("支出", 1, 1)],
        [HeaderCell("决算数", 1, 1)],
    ]
    assert header_rows([]) == []
