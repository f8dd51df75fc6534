"""Which 三公 figure each column of a 三公 table holds: one reading of the headers for the
reader (typed fields filled from the table) and the audit (TABLE-THREE-PUBLIC).

Bug: the reader knew only the long headers (`公务用车购置费`); a table printing `购置费` /
`运行费` under 公务用车购置及运行费 left those typed fields empty while the audit read them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.model import Disclosure, StandardTable, TableRow, three_public_field
from yusuan.readers.pdf.figures import fill

D = Decimal
TOP = "财政拨款“三公”经费"


@pytest.mark.parametrize(
    ("head", "field"),
    [
        ([TOP, "合计", "决算数"], "total"),
        ([TOP, "因公出国（境）费", "预算数"], "overseas"),
        ([TOP, "公务用车购置及运行费", "小计", "决算数"], "vehicle_total"),
        ([TOP, "公务用车购置及运行费", "公务用车购置费", "决算数"], "vehicle_purchase"),
        ([TOP, "公务用车购置及运行费", "购置费"], "vehicle_purchase"),
        ([TOP, "公务用车购置及运行费", "公务用车运行费"], "vehicle_operation"),
        ([TOP, "公务用车购置及运行费", "运行维护费"], "vehicle_operation"),
        (["公务用车购置及运行费"], "vehicle_total"),
        (["公务接待费"], "reception"),
        (["备注"], None),
    ],
)
def test_three_public_field(head: list[str], field: str | None) -> None:
    assert three_public_field(head) == field


def test_short_vehicle_headers_fill_the_typed_fields() -> None:
    heads = ["合计", "因公出国（境）费", "小计", "购置费", "运行费", "公务接待费"]
    columns = [
        [TOP, h, "决算数"]
        if h in ("合计", "因公出国（境）费", "公务接待费")
        else [TOP, "公务用车购置及运行费", h, "决算数"]
        for h in heads
    ]
    table = StandardTable(
        name='财政拨款"三公"经费支出决算表',
        unit="万元",
        columns=columns,
        rows=[TableRow(values=[D("10.20"), D("2.80"), D("5.10"), D("0"), D("5.10"), D("2.30")])],
    )
    d = Disclosure(kind="final", year=2023)
    fill(d, [table])
    t = d.three_public
    assert (t.total, t.overseas, t.vehicle_total, t.vehicle_purchase, t.vehicle_operation) == (
        D("10.20"),
        D("2.80"),
        D("5.10"),
        D("0"),
        D("5.10"),
    )
    assert t.reception == D("2.30")
