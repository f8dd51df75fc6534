"""A 决算 in a real browser: from the disclosure to a standard table, to the row a finding
points at."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import Site, shot


def test_final_table_with_a_highlighted_row(page: Page, site: Site) -> None:
    page.goto(f"/disclosures/{site.final}")
    tables = page.locator("#tables")
    expect(tables).to_contain_text("标准表")
    expect(tables.locator("tbody tr")).to_have_count(9)
    expect(page.locator("#narrative")).to_contain_text("情况说明")
    expect(page.locator("#para-3.flagged")).to_contain_text("NARR-TOTAL")
    shot(page, "09-final-overview")

    tables.get_by_role("link", name="支出决算表", exact=True).click()
    expect(page).to_have_url(f"{site.base}/disclosures/{site.final}/tables/3")
    expect(page.locator("h1")).to_have_text("支出决算表")
    expect(page.locator("body")).to_contain_text("单位：万元")
    row = page.locator("tr#row-1")
    expect(row).to_have_class("flagged error")
    expect(row).to_contain_text("合计")
    expect(row).to_contain_text("1328.41")
    expect(row.locator("td.num").first).to_have_css("text-align", "right")
    # The finding's message right below the row, and the badge on the row leads to it.
    finding = page.locator("tr.row-findings").first
    expect(finding).to_be_visible()
    expect(finding).to_contain_text("TABLE-COLUMN-SUM")
    row.locator("a.badge", has_text="TABLE-COLUMN-SUM").click()
    assert "#finding-" in page.url
    expect(page.locator("tr#row-3")).not_to_have_class("flagged error")
    shot(page, "10-final-table")

    page.goto(f"/disclosures/{site.final}/findings")
    with page.expect_navigation():
        page.get_by_role("link", name="支出决算表 第 1 行 row 1").first.click()
    assert page.url.endswith(f"/disclosures/{site.final}/tables/3#row-1")
    expect(page.locator("tr#row-1")).to_be_in_viewport()
