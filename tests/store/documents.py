"""Disclosures for the store tests beyond what the seed holds.

`full_document` fills every part of the model the seed leaves empty (standard tables, a 决算's
budget figures, PDF places, text-valued discrepancies, fund columns, asset categories), so
that the round trip covers every table of the schema.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yusuan
from yusuan import model as m


def D(text: str) -> Decimal:
    return Decimal(text)


def pdf(page: int, *box: float) -> m.Source:
    return m.Source(file="决算.pdf", page=page, bbox=list(box))


def copy(d: Any) -> Any:
    """A deep copy through the canonical JSON (the way a stored export comes back)."""
    return yusuan.loads(yusuan.dumps(d))


def with_year(d: Any, year: int) -> Any:
    out = copy(d)
    out.year = year
    out.title = (out.title or "").replace(str(d.year), str(year))
    return out


def full_document(seed: Any) -> Any:
    d = copy(seed)
    d.kind = "final"
    d.source = m.Source(file="决算.pdf", page=1, bbox=[0.0, 0.0, 595.28, 841.89])
    d.department.source = pdf(1, 72.0, 100.25, 540.5, 112.125)
    d.budget_figures = m.BudgetFigures(
        source=pdf(7, 10.5, 20.25, 30.0, 40.0),
        income=m.Income(
            total=D("45000.00"),
            change=None,
            sources=[
                m.IncomeSource(key="general_budget", name="一般公共预算拨款", amount=D("44420.10")),
                m.IncomeSource(
                    key="carryover", name="上年结转", amount=D("579.90"), source=pdf(7, 1, 2, 3, 4)
                ),
            ],
        ),
        expenditure=m.Expenditure(total=D("45000"), basic=m.BasicExpenditure(amount=D("695.17"))),
        operating_costs=None,
        three_public=m.ThreePublic(total=D("2.00"), reception=D("2.000")),
    )
    d.tables = [
        m.StandardTable(
            source=pdf(5, 50.0, 60.0, 550.0, 700.0),
            name="收入支出决算总表",
            title="收入支出决算总表",
            unit="元",
            pages=[5, 6],
            columns=[["项目"], [], ["决算数", "金额"], ["预算数", "金额", "合计"]],
            rows=[
                m.TableRow(code="201", label="一般公共服务支出", values=[D("1234.50"), None]),
                m.TableRow(
                    code=None,
                    label="合计",
                    values=[D("0.00"), D("-6.37")],
                    source=pdf(6, 1.5, 2.5, 3.5, 4.5),
                ),
                m.TableRow(code="2010101", label=None, values=[]),
            ],
        ),
        m.StandardTable(name="政府性基金预算财政拨款收入支出决算表", empty=True),
    ]
    d.discrepancies = [
        m.Discrepancy(
            field="income.total", table=D("44999"), prose=D("44999.00"), source=m.Source(line=50)
        ),
        m.Discrepancy(field="plan.10", table="70", prose="六成", shifted=D("100.00")),
        m.Discrepancy(field="note", table=None, prose=None),
    ]
    d.procurement.items[0].other_funds = {"政府性基金": D("1.50"), "其他资金": None}
    d.procurement.by_category["工程"] = m.CategoryTotal(
        count=0, amount=D("0.00"), source=m.Source(line=1)
    )
    d.assets.categories = {"房屋": D("100.00"), "车辆": D("20")}
    d.assets.table = [m.AssetRow(item="电脑", quantity=D("3"), value=D("1.2345"))]
    d.assets.as_of = "2020-12-31"
    p = d.projects[0]
    p.indicators[0].parsed = None
    p.indicators[1].source = pdf(9, 1e-3, 2.5e10, 3.0, 4.0)
    p.name = "科技保险_100%保费\\补贴 ☃"
    p.plan.m6 = None
    p.discrepancies.append(m.Discrepancy(field="amount", table=D("42.40"), prose="四十二万元"))
    d.units.append(m.Unit(name="石家庄高新区科技服务中心", nature=None))
    d.notes = ["", "  two  spaces kept as given  "]
    d.narrative = [
        m.Paragraph(
            parents=[
                "第三部分 上海市普陀区财政局2024年度部门决算情况说明",
                "五、一般公共预算财政拨款支出决算情况说明",
            ],
            heading="（一）一般公共预算财政拨款支出决算总体情况",
            text="一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。",
            source=pdf(21, 73.45, 268.13, 513.15, 293.42),
        ),
        m.Paragraph(heading=None, text="no heading, no parents, no place"),
    ]
    d.duties = []
    return d


def with_findings(report: Any) -> Any:
    """`report` plus findings of every shape (whatever rules exist when the tests run): two
    locations with the project only in the second, a PDF box, evidence, a suppression."""
    from yusuan.audit import Evidence, Finding, Location

    extra = [
        Finding(
            rule="TEST-TWO-PLACES",
            severity="error",
            category="consistency",
            message="两处不一致",
            message_en="two places disagree",
            locations=[
                Location(line=50, section="income.total"),
                Location(
                    page=3,
                    bbox=[1.0, 2.5, 3.0, 4.0],
                    section="projects[4].amount",
                    project_no=4,
                    project_code="130190213GKIC4938U9MA",
                    indicator=2,
                ),
            ],
            evidence=Evidence(quote="44999", stated="1", computed="2", formula="1 + 1"),
            hint="核对",
            hint_en="check",
        ),
        Finding(
            rule="TEST-PROJECT",
            severity="info",
            category="language",
            message="项目 1",
            message_en="project 1",
            locations=[Location(line=144, project_no=1)],
        ),
    ]
    suppressed = Finding(
        rule="TEST-SUPPRESSED",
        severity="warning",
        category="plan",
        message="已豁免",
        message_en="suppressed",
        locations=[Location(line=150, project_no=1)],
        suppressed="已书面说明",
    )
    out = report.model_copy(deep=True)
    out.findings = [*extra[:1], *out.findings, *extra[1:]]
    out.suppressed = [*out.suppressed, suppressed]
    return out
