"""国有资产: fixed assets at the year end, planned purchases and the asset table."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import AssetRow, Assets, Source
from .lines import Line, number, paragraphs, to_decimal

NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_YEAR_END = re.compile(r"(\d{4})\s*年\s*末")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TOTAL = re.compile(r"(?:资产)?总额\s*" + NUM + r"\s*万元")
_PART = re.compile(r"([^\s，,、；;：:0-9]+?)\s*" + NUM + r"\s*万元")
_PLANNED = re.compile(r"(?:计划)?新购(?:置)?(?:资产)?\s*" + NUM + r"\s*万元")


def read_assets(lines: Sequence[Line]) -> Assets:
    assets = Assets()
    for line_no, text in paragraphs(lines):
        if assets.total is None and (m := _TOTAL.search(text)):
            assets.source = Source(line=line_no)
            assets.total = to_decimal(m.group(1))
            if d := _DATE.search(text):
                assets.as_of = f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"
            elif y := _YEAR_END.search(text):
                assets.as_of = f"{y.group(1)}-12-31"
            _, _, parts = text.partition("包括")
            for part in _PART.finditer(parts):
                value = to_decimal(part.group(2))
                if value is not None:
                    assets.categories[part.group(1)] = value
        if assets.planned_purchase is None and (m := _PLANNED.search(text)):
            assets.planned_purchase = to_decimal(m.group(1))
    in_table = False
    for line in lines:
        if line.cells is None:
            continue
        if not in_table:
            in_table = line.label == "项目" and any("价值" in c or "金额" in c for c in line.cells)
            continue
        cells = [*line.cells, "", ""]
        if cells[0]:
            assets.table.append(
                AssetRow(
                    source=Source(line=line.no),
                    item=cells[0],
                    quantity=number(cells[1]),
                    value=number(cells[2]),
                )
            )
    return assets
