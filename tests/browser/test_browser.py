"""The demo in a real browser: the public's pages, a bad upload, and a preparer's draft."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from .conftest import Site, log_in, shot, text_of

MONTHS = ("m3", "m6", "m10", "m12")


def _pct(value: Any) -> str:
    return "未列明" if value is None else f"{format(value, 'f')}%"


def test_demo_home_links_to_the_seed(page: Page, site: Site) -> None:
    page.goto("/")
    expect(page.locator("body")).to_contain_text("科学技术局")
    expect(page.locator("body")).to_contain_text("2021")
    shot(page, "01-home")
    page.click(f"a[href='/disclosures/{site.seed}']")
    expect(page).to_have_url(f"{site.base}/disclosures/{site.seed}")
    expect(page.locator("body")).to_contain_text("三公")
    shot(page, "02-overview")


def test_project_list_has_35_projects_with_amounts_and_plans(
    page: Page, site: Site, seed: Any
) -> None:
    page.goto(f"/disclosures/{site.seed}/projects")
    rows = page.locator("table.projects tbody tr")
    expect(rows).to_have_count(35)
    by_no = {p.no: p for p in seed.projects}
    for i in range(35):
        cells = [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]
        project = by_no[int(cells[0])]
        assert cells[2] == format(project.amount, "f"), cells
        plan = [_pct(getattr(project.plan, m)) for m in MONTHS]
        assert cells[5:9] == plan, (cells, plan)
    first = [c.strip() for c in rows.nth(0).locator("td").all_inner_texts()]
    eighth = [c.strip() for c in rows.nth(7).locator("td").all_inner_texts()]
    assert (first[0], first[2], first[5:9]) == ("1", "42.40", ["0%", "60.00%", "60.00%", "100.00%"])
    assert (eighth[0], eighth[2]) == ("8", "20000.00")
    expect(page.locator("body")).to_contain_text("共 35 个项目")
    shot(page, "03-projects")


def test_project_page_shows_plan_chart_and_indicators(page: Page, site: Site) -> None:
    page.goto(f"/disclosures/{site.seed}/projects")
    page.locator("table.projects tbody tr").first.locator("a").click()
    expect(page).to_have_url(f"{site.base}/disclosures/{site.seed}/projects/1")
    chart = page.locator("#plan svg")
    expect(chart).to_be_visible()
    assert chart.locator("path, polyline").count() >= 1
    expect(page.locator("#plan")).to_contain_text("60.00%")
    indicators = page.locator("tr[id^='ind-']")
    assert indicators.count() > 0
    expect(indicators.first).to_be_visible()
    shot(page, "04-project")


def test_findings_filter_by_severity(page: Page, site: Site) -> None:
    page.goto(f"/disclosures/{site.seed}/findings")
    total = text_of(page, "p.muted:has-text('showing')")
    page.select_option("select[name=severity]", "error")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "severity=error" in page.url
    shown = text_of(page, "p.muted:has-text('showing')")
    assert shown != total
    cards = page.locator("[id^='finding-']")
    assert cards.count() > 0
    for i in range(cards.count()):
        expect(cards.nth(i)).to_contain_text("错误")
        assert "警告" not in cards.nth(i).locator(".badge").first.inner_text()
    shot(page, "05-findings-errors")


def test_upload_of_a_bad_file_shows_the_error(page: Page, site: Site, tmp_path: Any) -> None:
    log_in(page)
    bad = tmp_path / "not-a-budget.txt"
    bad.write_text("这不是预算公开文件。\n只是一段文字。\n", encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(bad))
    with page.expect_navigation():
        page.click("form.upload button[type=submit]")
    alert = page.locator(".alert.error")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("not-a-budget.txt")
    expect(alert).to_contain_text("不是部门预算")
    shot(page, "06-upload-error")


def test_preparer_sees_the_draft_the_public_cannot(page: Page, site: Site) -> None:
    response = page.goto(f"/disclosures/{site.draft}")
    assert response is not None and response.status == 404
    page.goto("/")
    expect(page.locator("body")).not_to_contain_text("财政局")
    shot(page, "07-public-no-draft")

    log_in(page)
    response = page.goto(f"/disclosures/{site.draft}")
    assert response is not None and response.status == 200
    expect(page.locator("body")).to_contain_text("财政局")
    expect(page.locator("body")).to_contain_text("草稿")
    shot(page, "08-preparer-draft")
