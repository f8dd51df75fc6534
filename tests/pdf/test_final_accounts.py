"""A real 决算: 上海市普陀区财政局 2024 年度部门决算 (25 pages, `../shared/samples/`).

Every figure below was checked by hand against the printed page (pages rendered with pdfium,
and the page text read with pypdfium2): the page numbers are given beside each table.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan
from yusuan.model import Disclosure, StandardTable, TableRow

from .conftest import SAMPLES

PUTUO = SAMPLES / "putuo-finance-bureau-2024-final.pdf"
TEMPLATE = SAMPLES / "final-accounts-template-2024.pdf"

D = Decimal


@pytest.fixture(scope="module")
def putuo() -> Disclosure:
    if not PUTUO.is_file():
        pytest.skip(f"sample PDF not found: {PUTUO} (../shared/samples/ is beside the clone)")
    return yusuan.read(PUTUO)


def table(d: Disclosure, name: str) -> StandardTable:
    found = [t for t in d.tables if t.name == name]
    assert len(found) == 1, [t.name for t in d.tables]
    return found[0]


def row(t: StandardTable, label: str, code: str | None = None) -> TableRow:
    rows = [r for r in t.rows if r.label == label and (code is None or r.code == code)]
    assert rows, f"{t.name}: no row {label!r}"
    # Two-sided tables (收入 | 支出) print 总计 on both sides: the caller picks by values.
    return rows[0]


def vals(*items: str | None) -> list[Decimal | None]:
    return [None if v is None else D(v) for v in items]


def test_kind_title_department(putuo: Disclosure) -> None:
    assert putuo.kind == "final"
    assert putuo.year == 2024
    assert putuo.title == "上海市普陀区财政局2024年度部门决算"  # page 1, two lines
    assert putuo.department.name == "上海市普陀区财政局"


def test_the_nine_standard_tables(putuo: Disclosure) -> None:
    assert [(t.name, t.unit, t.pages, t.empty) for t in putuo.tables] == [
        ("收入支出决算总表", "万元", [6, 7], False),
        ("收入决算表", "万元", [8, 9], False),
        ("支出决算表", "万元", [10, 11], False),
        ("财政拨款收入支出决算总表", "万元", [12, 13], False),
        ("一般公共预算财政拨款支出决算表", "万元", [15], False),
        ("一般公共预算财政拨款基本支出决算表", "万元", [16, 17], False),
        ('财政拨款"三公"经费支出决算表', "万元", [18], False),
        ("政府性基金预算财政拨款收入支出决算表", "万元", [19], True),
        ("国有资本经营预算财政拨款收入支出决算表", "万元", [20], True),
    ]
    titles = {t.name: t.title for t in putuo.tables}
    assert titles['财政拨款"三公"经费支出决算表'] == "财政拨款“三公”经费支出决算表"
    for t in putuo.tables:
        assert t.source is not None and t.source.page == t.pages[0]
        for r in t.rows:
            assert len(r.values) == len(t.columns), (t.name, r)
            assert r.source is not None and r.source.page in t.pages
            assert r.source.bbox is not None and len(r.source.bbox) == 4


def test_income_expenditure_summary(putuo: Disclosure) -> None:
    """收入支出决算总表, pages 6-7: two sides, each row once per side; page 7 continues it
    without a repeated header."""
    t = table(putuo, "收入支出决算总表")
    assert t.columns == [["收入", "决算数"], ["支出", "决算数"]]
    assert row(t, "一、一般公共预算财政拨款收入").values == vals("2940.05", None)
    assert row(t, "八、其他收入").values == vals("6.20", None)
    assert row(t, "二、政府性基金预算财政拨款收入").values == vals(None, None)
    assert row(t, "一、一般公共服务支出").values == vals(None, "2106.66")
    assert row(t, "八、社会保障和就业支出").values == vals(None, "326.71")  # as printed
    assert row(t, "十九、住房保障支出").values == vals(None, "445.69")
    assert row(t, "二十六、抗疫特别国债安排的支出").values == vals(None, None)
    assert row(t, "本年收入合计").values == vals("2946.25", None)
    assert row(t, "本年支出合计").values == vals(None, "2940.05")
    # Page 7: the rest of the table.
    assert row(t, "年初结转和结余").values == vals("49.14", None)
    assert row(t, "年末结转和结余").values == vals(None, "55.34")
    assert row(t, "年末结转和结余").source.page == 7  # type: ignore[union-attr]
    totals = [r.values for r in t.rows if r.label == "总计"]
    assert totals == [vals("2995.39", None), vals(None, "2995.39")]
    assert [r.label for r in t.rows[:2]] == ["一、一般公共预算财政拨款收入", "一、一般公共服务支出"]
    assert all(r.code is None for r in t.rows)
    assert len(t.rows) == 8 * 2 + 18 + 2 + 6  # 8 printed rows both sides, 18 支出 only, …


def test_income_table(putuo: Disclosure) -> None:
    """收入决算表, pages 8-9: 类/款/项 in three columns (joined into one code), 合计 on the
    header's 类/款/项 row, page 9 without a header."""
    t = table(putuo, "收入决算表")
    assert t.columns == [
        ["本年收入合计"],
        ["财政拨款收入"],
        ["上级补助收入"],
        ["事业收入"],
        ["经营收入"],
        ["附属单位上缴收入"],
        ["其他收入"],
    ]
    first = t.rows[0]
    assert (first.code, first.label) == (None, "合计")
    assert first.values == vals("2946.25", "2940.05", None, None, None, None, "6.20")
    assert row(t, "行政运行").code == "2010601"
    assert row(t, "行政运行").values == vals("1511.90", "1511.89", None, None, None, None, "0.01")
    r = row(t, "一般行政管理事务")
    assert (r.code, r.values) == ("2010602", vals("16.19", "10.00", None, None, None, None, "6.19"))
    # A label wrapped in its cell is one label.
    r = row(t, "机关事业单位基本养老保险缴费支出")
    assert (r.code, r.values[:2]) == ("2080505", vals("160.75", "160.75"))
    r = row(t, "行政单位医疗")  # first row of page 9
    assert (r.code, r.values[:2]) == ("2101101", vals("60.99", "60.99"))
    assert r.source is not None and r.source.page == 9
    last = t.rows[-1]
    assert (last.code, last.label, last.values[:2]) == (
        "2210203",
        "购房补贴",
        vals("258.50", "258.50"),
    )
    assert len(t.rows) == 20


def test_expenditure_table(putuo: Disclosure) -> None:
    """支出决算表, pages 10-11."""
    t = table(putuo, "支出决算表")
    assert [c[-1] for c in t.columns] == [
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ]
    assert t.rows[0].label == "合计"
    assert t.rows[0].values == vals("2940.05", "2336.91", "603.14", None, None, None)
    r = row(t, "行政运行")
    assert (r.code, r.values[:3]) == ("2010601", vals("1511.89", "1503.52", "8.37"))
    r = row(t, "财政委托业务支出")
    assert (r.code, r.values[:3]) == ("2010608", vals("449.52", None, "449.52"))
    r = row(t, "其他行政事业单位养老支出")  # first row of page 11
    assert (r.code, r.values[:2], r.source.page) == ("2080599", vals("0.94", "0.94"), 11)  # type: ignore[union-attr]
    assert len(t.rows) == 20


def test_fiscal_summary(putuo: Disclosure) -> None:
    """财政拨款收入支出决算总表, pages 12-13 (page 14 holds an empty ruled strip, no row)."""
    t = table(putuo, "财政拨款收入支出决算总表")
    assert t.columns == [
        ["收入", "决算数"],
        ["支出", "合计"],
        ["支出", "一般公共预算财政拨款"],
        ["支出", "政府性基金预算财政拨款"],
        ["支出", "国有资本经营预算财政拨款"],
    ]
    assert row(t, "一、一般公共服务支出").values == vals(None, "2106.66", "2106.66", None, None)
    assert row(t, "十九、住房保障支出").values == vals(None, "445.69", "445.69", None, None)
    assert row(t, "本年收入合计").values == vals("2940.05", None, None, None, None)
    assert row(t, "本年支出合计").values == vals(None, "2940.05", "2940.05", None, None)
    assert row(t, "年初财政拨款结转和结余").values == vals("21.63", None, None, None, None)
    assert row(t, "年末财政拨款结转和结余").values == vals(None, "21.63", "21.63", None, None)
    totals = [r.values for r in t.rows if r.label == "总计"]
    assert totals == [
        vals("2961.68", None, None, None, None),
        vals(None, "2961.68", "2961.68", None, None),
    ]
    assert t.pages == [12, 13]


def test_general_budget_table(putuo: Disclosure) -> None:
    """一般公共预算财政拨款支出决算表, page 15: 合计 printed last."""
    t = table(putuo, "一般公共预算财政拨款支出决算表")
    assert t.columns == [["合计"], ["基本支出"], ["项目支出"]]
    assert (t.rows[0].code, t.rows[0].label) == ("201", "一般公共服务支出")
    assert t.rows[0].values == vals("2106.66", "1503.52", "603.14")
    assert row(t, "一般行政管理事务").values == vals("10.00", None, "10.00")
    assert row(t, "住房公积金").code == "2210201"
    assert (t.rows[-1].code, t.rows[-1].label) == (None, "合计")
    assert t.rows[-1].values == vals("2940.05", "2336.91", "603.14")
    assert len(t.rows) == 20


def test_basic_expenditure_table(putuo: Disclosure) -> None:
    """一般公共预算财政拨款基本支出决算表, pages 16-17: two halves, each its own rows;
    labels printed letter-spaced read as words."""
    t = table(putuo, "一般公共预算财政拨款基本支出决算表")
    assert t.columns == [["决算数"], ["决算数"]]
    assert row(t, "工资福利支出").code == "301"
    assert row(t, "工资福利支出").values == vals("2082.85", None)
    assert row(t, "津贴补贴").values == vals("1238.58", None)
    assert row(t, "商品和服务支出").values == vals(None, "171.07")
    r = row(t, "因公出国（境）费用")  # printed 因 公 出 国 （ 境 ） 费 用
    assert (r.code, r.values) == ("30212", vals(None, None))
    r = row(t, "其他商品和服务支出")  # page 17
    assert (r.code, r.values) == ("30299", vals(None, "11.53"))
    assert row(t, "办公设备购置").values == vals(None, "13.58")
    assert row(t, "奖励金").values == vals("0.31", None)
    assert row(t, "人员经费合计").values == vals("2152.26", None)
    assert row(t, "公用经费合计").values == vals(None, "184.65")
    assert row(t, "公用经费合计").code is None


def test_three_public_table(putuo: Disclosure) -> None:
    """财政拨款"三公"经费支出决算表, page 18: only 预算数 under 合计 and 公务接待费."""
    t = table(putuo, '财政拨款"三公"经费支出决算表')
    assert len(t.columns) == 12
    assert t.columns[0] == ["财政拨款“三公”经费", "合计", "预算数"]
    assert t.columns[5] == ["财政拨款“三公”经费", "公务用车购置及运行费", "小计", "决算数"]
    assert t.columns[11] == ["财政拨款“三公”经费", "公务接待费", "决算数"]
    assert len(t.rows) == 1
    assert t.rows[0].values == vals("0.95", *[None] * 9, "0.95", None)


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("政府性基金预算财政拨款收入支出决算表", 19),
        ("国有资本经营预算财政拨款收入支出决算表", 20),
    ],
)
def test_empty_tables(putuo: Disclosure, name: str, page: int) -> None:
    t = table(putuo, name)
    assert t.empty and t.pages == [page]
    assert t.columns == [
        ["年初结转和结余"],
        ["本年收入"],
        ["本年支出", "小计"],
        ["本年支出", "基本支出"],
        ["本年支出", "项目支出"],
        ["年末结转和结余"],
    ]
    assert [(r.code, r.label, r.values) for r in t.rows] == [(None, "合计", [None] * 6)]


def test_typed_fields(putuo: Disclosure) -> None:
    """收入决算 / 支出决算 情况说明 (page 21) state 本年收入合计 and 本年支出合计 with their
    parts; 人员经费 / 公用经费 come from the 基本支出 table (page 17), the budget 三公 from
    page 18."""
    inc = putuo.income
    assert inc.total == D("2946.25")
    assert [(s.key, s.name, s.amount, s.share_pct) for s in inc.sources] == [
        ("general_budget", "财政拨款收入", D("2940.05"), D("99.79")),
        ("other_income", "其他收入", D("6.2"), D("0.21")),
    ]
    e = putuo.expenditure
    assert e.total == D("2940.05")
    assert (e.basic.amount, e.basic.share_pct) == (D("2336.91"), D("79.49"))
    assert (e.project.amount, e.project.share_pct) == (D("603.14"), D("20.51"))
    assert (e.basic.personnel, e.basic.public) == (D("2152.26"), D("184.65"))
    assert e.basic.personnel is not None and e.basic.personnel.is_finite()
    # 机关运行经费 (page 24): 184.65 万元，比2023年度增加2.55万元.
    assert (putuo.operating_costs.amount, putuo.operating_costs.change) == (D("184.65"), D("2.55"))
    # 三公 (page 23): 年初预算为0.95万元，支出决算为0.00万元 … each part 0.00.
    tp = putuo.three_public
    assert (tp.total, tp.overseas, tp.vehicle_total, tp.reception) == (D(0), D(0), D(0), D(0))
    assert putuo.budget_figures is not None
    bp = putuo.budget_figures.three_public
    assert bp is not None
    assert (bp.total, bp.reception, bp.overseas, bp.vehicle_total) == (
        D("0.95"),
        D("0.95"),
        None,
        None,
    )
    assert putuo.budget_figures.income is None  # no table prints a budget column for it
    # 政府采购 (page 24): 政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、
    # 工程采购金额0万元、服务采购金额246.47万元 — no count is printed. 4.79 + 0 + 246.47 =
    # 251.26: within the rounding of two rounded parts, so no finding (see below).
    pr = putuo.procurement
    assert (pr.total, pr.count) == (D("251.25"), None)
    assert {k: (c.count, c.amount) for k, c in pr.by_category.items()} == {
        "货物": (None, D("4.79")),
        "工程": (None, D("0")),
        "服务": (None, D("246.47")),
    }
    assert pr.source is not None and pr.source.page == 24


def test_procurement_categories_within_rounding_are_no_finding(putuo: Disclosure) -> None:
    found = [f.rule for f in yusuan.check(putuo).findings if f.rule.startswith("ARITH-PROC")]
    assert found == []


def test_front_matter(putuo: Disclosure) -> None:
    """主要职能 (pages 4-5) and 部门决算单位构成 (page 5)."""
    assert putuo.duties[0].startswith("贯彻执行国家和本市有关财政工作的法律")
    assert putuo.duties[-1] == "完成区委、区政府交办的其他任务。"
    assert [u.name for u in putuo.units] == [
        "上海市普陀区财政局（本级）",
        "上海市普陀区财政局财政所",
        "上海市普陀区国库收付中心",
    ]


def test_exports_and_reads_back(putuo: Disclosure) -> None:
    again = yusuan.loads(yusuan.dumps(putuo))
    assert again.tables == putuo.tables


def test_template_is_refused() -> None:
    """The blank template (上海市 XX 局, no figure anywhere) is no department's disclosure."""
    if not TEMPLATE.is_file():
        pytest.skip(f"sample PDF not found: {TEMPLATE}")
    with pytest.raises(yusuan.ReadError) as info:
        yusuan.read(TEMPLATE)
    assert "模板" in str(info.value) and "template" in str(info.value)


def test_glossary_under_a_part_title_in_body_type(putuo: Disclosure) -> None:
    """Page 25: `第四部分 名词解释` (body type, not bold) and eleven items `一、财政拨款收入：指…`;
    the contents page (page 3) lists the same title and is no glossary."""
    terms = [g.term for g in putuo.glossary]
    assert terms == [
        "财政拨款收入",
        "事业收入",
        "经营收入",
        "其他收入",
        "年初结转和结余",
        "年末结转和结余",
        "基本支出",
        "项目支出",
        "经营支出",
        "“三公”经费",
        "机关运行经费",
    ]
    first = putuo.glossary[0]
    assert first.definition is not None and first.definition.startswith(
        "指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款"
    )
    assert putuo.glossary[1].definition == "指事业单位开展专业业务活动及辅助活动所取得的收入。"
    assert putuo.glossary[-1].definition == (
        "指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的"
        "日常公用经费支出。"
    )
    for g in putuo.glossary:
        assert g.source is not None and g.source.page == 25 and g.source.bbox is not None
