"""Three layouts of the standard tables that 决算 (and 预算) PDFs of other provinces print and
the putuo sample does not:

- 行次 columns. The national (财政部) template prints a 行次 (line number) column beside each
  项目 column of the 收入支出决算总表 and the 财政拨款收入支出决算总表 (`项目 | 行次 | 决算数 ‖
  项目 | 行次 | 决算数`, or 金额), the lines numbered 1, 2, 3 … down the left side and on down
  the right. A column headed 行次 (栏次, 序号) holds no figure of the table: it is no data
  column (not in `columns`, not in `values`) and no label, and the sides are told without it.
- 栏次 rows. Right under the header the template prints a row `栏次 | | 1 | 2 | 3 …` that
  numbers the columns (`栏次` on both sides of a two-sided table). It is the header's last row:
  no row of the table, and its numbers are in no column's path.
- A title repeated over a continuation page. Excel prints a sheet's title rows on every page,
  so a table cut by a page break goes on under its title again (`收入决算表`, or
  `收入决算表（续）`; above the grid or in its first rows), usually with the header repeated. A
  title naming the same standard table as the table read last, over the first table of the page
  after that table's last part, continues it (one table, both pages); the same title anywhere
  else — after another table, after a page of prose, a page further on, or in another unit —
  is another table of that name (a unit's own table after the department's).

The typeset 决算 (`typeset.final_accounts`) prints the first two with `Final(national=True)` and
the third with `Final(repeat_titles=True)`; the tables and figures are the same as without
them (`typeset.final_specs`), so every reading must equal the specs and the audit find nothing.
The cases the 决算 does not print are typeset here as small documents and read by the standard
table reader alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from yusuan.audit import check
from yusuan.model import Disclosure, StandardTable

from . import typeset
from .test_typeset_audit import PROVINCE_TITLES, _read, _same_as_specs

D = Decimal
INDEX_WORDS = {"行次", "栏次", "序号"}


def _no_numbering(d: Disclosure) -> None:
    """No column is a 行次 column or named by a 栏次 number; no row is the 栏次 row."""
    for t in d.tables:
        for path in t.columns:
            assert not INDEX_WORDS & set(path), (t.name, path)
            assert not any(cell.isdigit() for cell in path), (t.name, path)
        assert not any(r.label and "栏次" in r.label for r in t.rows), t.name
        assert all(len(r.values) == len(t.columns) for r in t.rows), t.name


@pytest.mark.parametrize(
    "options",
    [
        typeset.Final(national=True),
        typeset.Final(national=True, yuan=True),
        typeset.Final(national=True, narrow_continuation=True),
        typeset.Final(national=True, title_in_grid=True, titles=PROVINCE_TITLES, unit_name=True),
    ],
    ids=["plain", "yuan", "narrow-continuation", "title-in-grid"],
)
def test_national_template_line_and_column_numbers(options: typeset.Final) -> None:
    """Bug: the 行次 column was a data column (`columns` listed `['收入', '行次']`, the 收入
    总计 read `[12, 43934510.22, None, None]`), and the 栏次 row under each header was a row of
    the table (label 栏次, values 1, 2, 3 …: the audit found 1 万元 in the empty fund tables).
    The 行次 columns are neither data nor label, the 栏次 rows are header rows without a
    path: every table equals the one printed without them."""
    d = _read(options)
    _same_as_specs(d, options)
    _no_numbering(d)
    assert d.tables[0].columns == [["收入", "决算数"], ["支出", "决算数"]]
    assert check(d).findings == []


@pytest.mark.parametrize(
    "options",
    [
        typeset.Final(repeat_titles=True),
        typeset.Final(repeat_titles=True, title_in_grid=True),
        typeset.Final(repeat_titles=True, national=True),
        typeset.Final(repeat_titles=True, titles=PROVINCE_TITLES, unit_name=True),
        typeset.Final(repeat_titles=True, narrow_continuation=True, yuan=True),
    ],
    ids=["plain", "title-in-grid", "national", "province-titles", "narrow-yuan"],
)
def test_title_repeated_over_a_continuation_page(options: typeset.Final) -> None:
    """Bug: the 收入决算表 (page 4 under `收入决算表（续）` and its header) and the 支出决算表
    (page 6 under its title again, no header, a row cut by the break) were read as two tables
    each, the second parts with their own name. Each is one table over both pages, its title
    as printed on its first page, the cut row joined."""
    d = _read(options)
    _same_as_specs(d, options)
    by_name = {t.name: t for t in d.tables}
    assert len(by_name) == len(d.tables) == 9
    assert by_name["收入决算表"].pages == [3, 4]
    assert by_name["支出决算表"].pages == [5, 6]
    assert not any("续" in (t.title or "") for t in d.tables)
    cut = [r for r in by_name["支出决算表"].rows if r.code == "2080505"]
    assert [r.label for r in cut] == ["机关事业单位基本养老保险缴费支出"]
    assert check(d).findings == []


# --------------------------------------------------------------------------------------------
# Small documents: a few titled grids on pages of their own, read by the standard-table reader


#: A grid cell covered by the cell on its left (merged across).
_LEFT = "<"


@dataclass
class _Grid:
    """A bordered table: its rows of cells (one grid cell each, or `_LEFT`), column widths,
    and what is printed above it."""

    rows: list[list[str]]
    widths: list[float]
    title: str | None = None
    unit: str | None = "万元"
    x0: float = 56.0
    open_bottom: bool = False


def _typeset(pages: list[list[_Grid | str]]) -> bytes:
    """Each page's grids (a string: a paragraph of prose), top to bottom."""
    ts = typeset.Typesetter(landscape=True)
    for n, page in enumerate(pages):
        if n:
            ts.new_page()
        for item in page:
            if isinstance(item, str):
                ts.paragraph(item)
                continue
            if item.title is not None:
                ts.line(item.title, 16, bold=True, align="center", gap=4)
            if item.unit is not None:
                ts.line(f"单位：{item.unit}", 10, align="right", gap=2)
            cells: list[typeset.Cell] = []
            for r, row in enumerate(item.rows):
                for k, text in enumerate(row):
                    if text == _LEFT:
                        cells[-1].cols += 1
                    else:
                        cells.append(typeset.Cell(r, k, text))
            ts.grid(item.x0, item.widths, cells, open_bottom=item.open_bottom)
            ts.y += 24
    return ts.finish()


def _standard_tables(pages: list[list[_Grid | str]]) -> list[StandardTable]:
    typeset.require()
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    from yusuan.readers.pdf import layout
    from yusuan.readers.pdf.pages import read_page
    from yusuan.readers.pdf.standard import read_tables

    doc = pdfium.PdfDocument(_typeset(pages))
    try:
        read = [read_page(raw, doc, i) for i in range(len(doc))]
    finally:
        doc.close()
    return read_tables(layout.build(read).parts)


def _rows(t: StandardTable) -> list[tuple[str | None, str | None, list[Decimal | None]]]:
    return [(r.code, r.label, r.values) for r in t.rows]


def test_line_numbers_beside_amount_columns() -> None:
    """`项目 | 行次 | 金额 ‖ 项目 | 行次 | 金额` without a 栏次 row: 行次 ends the header (金额
    says nothing of it), the two sides are told without the 行次 columns, and no value is a
    line number (the right side's blank line 6 prints only its number: no row)."""
    head = ["项目", "行次", "金额"]
    rows = [
        ["收入", _LEFT, _LEFT, "支出", _LEFT, _LEFT],
        head + head,
        ["一、财政拨款收入", "1", "300.00", "一、文化旅游体育与传媒支出", "4", "280.00"],
        ["二、事业收入", "2", "20.00", "二、住房保障支出", "5", "40.00"],
        ["三、其他收入", "3", "", "", "6", ""],
    ]
    grid = _Grid(rows, [200, 40, 90, 200, 40, 90], title="收入支出决算总表")
    [t] = _standard_tables([[grid]])
    assert t.columns == [["收入", "金额"], ["支出", "金额"]]
    assert _rows(t) == [
        (None, "一、财政拨款收入", [D("300.00"), None]),
        (None, "一、文化旅游体育与传媒支出", [None, D("280.00")]),
        (None, "二、事业收入", [D("20.00"), None]),
        (None, "二、住房保障支出", [None, D("40.00")]),
        (None, "三、其他收入", [None, None]),
    ]


def test_line_numbers_on_a_page_without_header_and_fewer_columns() -> None:
    """The 财政拨款收入支出决算总表 goes on without its header and without the two empty fund
    columns, shifted: its 行次 columns (numbers counting on from the page before) are told
    apart from the figures and the codes by their counting, and each figure stays under its
    own header. The page's first line, with no figure where the line before the break has
    one, is no rest of a cut line: it prints its own 行次."""
    funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    left = [["一、一般公共预算财政拨款", "1", "360.00"], ["二、政府性基金预算财政拨款", "2", ""]]
    right = [
        ["一、文化旅游体育与传媒支出", "11", "280.00", "280.00", "", ""],
        ["二、社会保障和就业支出", "12", "40.00", "40.00", "", ""],
    ]
    first = [
        ["项目", "行次", "决算数", "项目", "行次", "合计", *funds],
        ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
        *([*a, *b] for a, b in zip(left, right, strict=True)),
    ]
    widths = [150.0, 32, 70, 150, 32, 70, 70, 70, 70]
    more = [
        ["三、国有资本经营预算财政拨款", "3", "", "", "13", "", ""],
        ["", "4", "", "三、住房保障支出", "14", "40.00", "40.00"],
        ["本年收入合计", "5", "360.00", "本年支出合计", "15", "360.00", "360.00"],
    ]
    table = _Grid(first, widths, title="财政拨款收入支出决算总表", open_bottom=True)
    after = _Grid(more, [160.0, 36, 76, 160, 36, 76, 76], unit=None, x0=80)
    [t] = _standard_tables([[table], [after]])
    assert t.pages == [1, 2]
    assert t.columns == [["决算数"], ["合计"], *([f] for f in funds)]
    assert _rows(t) == [
        (None, "一、一般公共预算财政拨款", [D("360.00"), None, None, None, None]),
        (None, "一、文化旅游体育与传媒支出", [None, D("280.00"), D("280.00"), None, None]),
        (None, "二、政府性基金预算财政拨款", [None] * 5),
        (None, "二、社会保障和就业支出", [None, D("40.00"), D("40.00"), None, None]),
        (None, "三、国有资本经营预算财政拨款", [None] * 5),
        (None, "三、住房保障支出", [None, D("40.00"), D("40.00"), None, None]),
        (None, "本年收入合计", [D("360.00"), None, None, None, None]),
        (None, "本年支出合计", [None, D("360.00"), D("360.00"), None, None]),
    ]


_HEAD = ["科目编码", "科目名称", "本年收入合计", "财政拨款收入"]
_WIDTHS = [90.0, 240, 120, 120]


def _income(title: str, unit: str = "万元", first: int = 0) -> _Grid:
    """A 收入决算表 part under `title`: its header, then two rows (`first` picks which)."""
    body = [
        ["", "合计", "320.00", "300.00"],
        ["207", "文化旅游体育与传媒支出", "280.00", "260.00"],
        ["221", "住房保障支出", "40.00", "40.00"],
        ["2210201", "住房公积金", "40.00", "40.00"],
    ]
    return _Grid([_HEAD, *body[first : first + 2]], _WIDTHS, title=title, unit=unit)


_SPENDING = _Grid(
    [["科目编码", "科目名称", "本年支出合计", "基本支出"], ["", "合计", "300.00", "120.00"]],
    _WIDTHS,
    title="支出决算表",
)
_OTHER = _Grid(
    [["科目编码", "科目名称", "年初预算数", "决算数"], ["", "合计", "100.00", "90.00"]],
    _WIDTHS,
    title="一般公共预算财政拨款项目支出决算表",
)


def test_title_repeated_on_the_next_page_continues() -> None:
    """`收入决算表（续）` over the first table of the next page, the header repeated: one
    table, the header dropped, the title as printed first."""
    [t] = _standard_tables([[_income("收入决算表")], [_income("收入决算表（续）", first=2)]])
    assert (t.name, t.title, t.pages) == ("收入决算表", "收入决算表", [1, 2])
    assert [r.code for r in t.rows] == [None, "207", "221", "2210201"]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            [[_income("收入决算表")], [_SPENDING], [_income("收入决算表", first=2)]],
            [("收入决算表", [1]), ("支出决算表", [2]), ("收入决算表", [3])],
        ),
        (
            [[_income("收入决算表"), _OTHER], [_income("收入决算表", first=2)]],
            [("收入决算表", [1]), ("收入决算表", [2])],
        ),
        (
            [
                [_income("收入决算表")],
                ["以下为所属单位的决算表。单位决算表的口径与部门决算表相同。"],
                [_income("收入决算表", first=2)],
            ],
            [("收入决算表", [1]), ("收入决算表", [3])],
        ),
        (
            [[_income("收入决算表")], [_income("收入决算表", unit="元", first=2)]],
            [("收入决算表", [1]), ("收入决算表", [2])],
        ),
    ],
    ids=["after-another-standard-table", "after-another-table", "after-prose", "other-unit"],
)
def test_same_title_elsewhere_is_another_table(
    pages: list[list[_Grid | str]], expected: list[tuple[str, list[int]]]
) -> None:
    """The same title is a continuation only over the page right after the table's last part
    with nothing read in between: after another table (a standard one, or one that is none of
    the nine, on the same page), after a page of prose, or in another unit, it is another table
    of that name (a unit's own 收入决算表 after the department's), read on its own."""
    tables = _standard_tables(pages)
    assert [(t.name, t.pages) for t in tables] == expected
    last = tables[-1]
    assert [r.code for r in last.rows] == ["221", "2210201"]
    assert [r.code for r in tables[0].rows] == [None, "207"]
