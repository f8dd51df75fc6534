"""The narrative against the tables: each figure a 情况说明 sentence states, checked against the
standard-table cell it describes.

A 决算 explains its tables in prose, sentence by sentence: `本年收入合计2946.25万元，其中：财政拨款
收入2940.05万元，占99.79%`, `一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为
1560.05万元，支出决算为1511.89万元。决算数小于预算数…`. The reader keeps those paragraphs
(`Disclosure.narrative`); here every such statement is read once (`_read`, shared by the rules)
into claims, each naming the table cell it describes:

- the table by what the sentence is about (the paragraph's heading names the section: 收入决算,
  支出决算, 财政拨款收入支出决算总体, 一般公共预算财政拨款支出 / 基本支出, 三公 …);
- the row by its label (`本年收入合计`, `总计`, `人员经费合计`) or, for 功能分类 items, by the
  类 / 款 / 项 names (`一般公共服务支出（类）财政事务（款）行政运行（项）` is the 项 row 行政运行
  under the 款 row 财政事务 under the 类 row 一般公共服务支出, by code prefix where the table
  prints codes, else by order);
- the column by its header text (决算数 / 合计 / 本年支出合计 for the actual figure, 年初预算 /
  预算数 for the budget, 基本支出 / 其他收入 … for a part), never by position.

Table figures are converted to 万元 (a table printed in 元 ÷ 10000); a blank cell in a row that
exists counts as 0, as the tables print zero. Figures are compared to the precision the
sentence prints; shares, growth and completion rates to theirs, allowing for the rounding of
the printed figures they derive from (the range the rate can take when each figure is anywhere
within half a unit of its last printed place).

A document without narrative (the seed, whose prose the typed fields hold) costs nothing.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ...model import Disclosure, Node, Paragraph, StandardTable, TableRow
from ..finding import Finding, Location
from ..numbers import HUNDRED, ZERO, agrees, fmt, rounded, tolerance
from ..rule import Example, Rule, at, evidence, register, shared

# --------------------------------------------------------------------------------------------
# Text: spaces removed (a PDF puts them around figures at will), positions kept for quotes

_SPACE = re.compile(r"\s+")
_NUM = r"-?\d+(?:,\d{3})*(?:\.\d+)?"


def _money(name: str) -> str:
    return rf"(?P<{name}>{_NUM})(?P<{name}_u>万元|亿元|元)"


def _pct(name: str) -> str:
    return rf"(?P<{name}>{_NUM})%"


_CLAUSE_END = "。；;"


class _Text:
    """A paragraph with white space removed, mapped back to the printed text for quotes."""

    def __init__(self, printed: str) -> None:
        self.printed = printed
        keep: list[int] = []
        chars: list[str] = []
        for i, ch in enumerate(printed):
            if ch.isspace():
                continue
            keep.append(i)
            chars.append("%" if ch == "％" else ch)
        self.text = "".join(chars)
        self.keep = keep

    def quote(self, start: int, end: int) -> str:
        """The printed clause around `start:end` (to the nearest 。 / ； either side)."""
        text = self.text
        a = max((text.rfind(c, 0, start) for c in _CLAUSE_END), default=-1) + 1
        # From the last "：" before the figure: `其中：基本支出…`, not the whole lead-in.
        colon = max(text.rfind("：", a, start), text.rfind(":", a, start))
        if colon >= 0:
            a = colon + 1
        ends = [i for c in _CLAUSE_END if (i := text.find(c, end)) >= 0]
        b = min(ends) + 1 if ends else len(text)
        if not self.keep or a >= b:
            return ""
        return " ".join(self.printed[self.keep[a] : self.keep[b - 1] + 1].split())


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _amount(m: re.Match[str], name: str) -> Decimal | None:
    """The money figure of group `name`, in 万元."""
    value = _number(m[name])
    if value is None:
        return None
    unit = m[f"{name}_u"]
    if unit == "元":
        return value.scaleb(-4)
    if unit == "亿元":
        return value.scaleb(4)
    return value


def _key(text: str | None) -> str:
    return _SPACE.sub("", text or "").replace("“", '"').replace("”", '"')


_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])"
)


def _label(row: TableRow) -> str:
    return _NUMBERING.sub("", _key(row.label))


# --------------------------------------------------------------------------------------------
# Tables: rows by label, columns by header text, values in 万元


def _wan(table: StandardTable, value: Decimal | None) -> Decimal | None:
    if value is None or table.unit != "元":
        return value
    wan = value.scaleb(-4)
    # 500000 元 is 50 万元 (not 50.0000): exact, without the zeros the shift adds.
    return wan.quantize(Decimal(1)) if wan == wan.to_integral_value() else wan.normalize()


def _budget_column(path: list[str]) -> bool:
    joined = _key("".join(path))
    return ("预算" in joined and "决算" not in joined and "预算财政拨款" not in joined) or (
        "年初预算" in joined
    )


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell a sentence describes (or a typed field where no table prints it)."""

    value: Decimal
    """In 万元; a blank cell of a printed row is 0."""
    where: str
    """As a reviewer finds it: `收入支出决算总表「总计」决算数`."""
    node: Node | None
    section: str


class _Tables:
    def __init__(self, d: Disclosure) -> None:
        self.tables = d.tables
        self.index = {id(t): i for i, t in enumerate(d.tables)}

    def get(self, *names: str) -> StandardTable | None:
        for name in names:
            for t in self.tables:
                if t.name == name and not t.empty and t.rows:
                    return t
        return None

    def row(self, table: StandardTable | None, *labels: str) -> TableRow | None:
        """The first row labelled one of `labels` (numbering stripped) that holds a figure."""
        if table is None:
            return None
        wanted = {_key(x) for x in labels}
        found = [r for r in table.rows if _label(r) in wanted]
        return next((r for r in found if any(v is not None for v in r.values)), None) or (
            found[0] if found else None
        )

    def cell(
        self,
        table: StandardTable | None,
        row: TableRow | None,
        *,
        header: str | None = None,
        budget: bool = False,
    ) -> Cell | None:
        """The row's figure in the column `header` names (or its actual / budget figure)."""
        if table is None or row is None:
            return None
        chosen: int | None = None
        blank: int | None = None
        for k, path in enumerate(table.columns):
            if k >= len(row.values):
                break
            joined = _key("".join(path))
            if header is not None:
                ok = _key(header) in joined and _budget_column(path) == budget
            elif budget:
                ok = _budget_column(path)
            else:
                ok = not _budget_column(path) and not _part_column(path)
            if not ok:
                continue
            if row.values[k] is not None:
                chosen = k
                break
            if blank is None:
                blank = k
        col = chosen if chosen is not None else blank
        if col is None:
            return None
        value = _wan(table, row.values[col]) or ZERO
        column = "".join(_key(h) for h in table.columns[col]) or f"第{col + 1}列"
        ti, ri = self.index[id(table)], table.rows.index(row)
        return Cell(
            value,
            f"{table.name}「{row.label or ''}」{column}",
            row,
            f"tables[{ti}].rows[{ri}]",
        )


#: Columns that hold a part of the row's figure (not its total).
_PARTS = ("基本支出", "项目支出", "人员经费", "公用经费", "上缴上级", "经营支出", "对附属单位")


def _part_column(path: list[str]) -> bool:
    last = _key(path[-1]) if path else ""
    total = any(w in last for w in ("合计", "小计", "决算数", "总计", "本年支出"))
    return not total and any(w in _key("".join(path)) for w in _PARTS)


# --------------------------------------------------------------------------------------------
# Claims


@dataclass(frozen=True, slots=True)
class Said:
    """Where a claim was printed."""

    paragraph: Paragraph
    index: int
    quote: str

    def at(self) -> Location:
        return at(self.paragraph, f"narrative[{self.index}]")


@dataclass(frozen=True, slots=True)
class AmountClaim:
    family: str
    """"total", "item" or "three"."""
    said: Said
    what: str
    stated: Decimal
    cell: Cell


@dataclass(frozen=True, slots=True)
class RateClaim:
    """A share, growth or completion rate and the figures it derives from."""

    said: Said
    what: str
    stated: Decimal
    low: Decimal
    high: Decimal
    computed: Decimal
    formula: str
    cells: tuple[Cell, ...] = ()


@dataclass(frozen=True, slots=True)
class WordClaim:
    """A comparison word (决算数小于预算数, 增加 … 下降) the figures contradict."""

    said: Said
    what: str
    words: str
    figures: str
    reason: str
    cells: tuple[Cell, ...] = ()


@dataclass
class Reading:
    amounts: list[AmountClaim] = field(default_factory=list)
    shares: list[RateClaim] = field(default_factory=list)
    growth: list[RateClaim] = field(default_factory=list)
    completion: list[RateClaim] = field(default_factory=list)
    words: list[WordClaim] = field(default_factory=list)
    nones: list[WordClaim] = field(default_factory=list)


def _ratio(
    num: Decimal, den: Decimal, num_tol: Decimal, den_tol: Decimal
) -> tuple[Decimal, Decimal, Decimal] | None:
    """num / den × 100 and the range it takes with each figure anywhere within its rounding."""
    if den <= ZERO or den - den_tol <= ZERO:
        return None
    exact = num * HUNDRED / den
    corners = [
        (n * HUNDRED / q)
        for n in (num - num_tol, num + num_tol)
        for q in (den - den_tol, den + den_tol)
    ]
    return exact, min(corners), max(corners)


# --------------------------------------------------------------------------------------------
# Sections: what a paragraph's heading says it explains

_SECTIONS = (
    ("fiscal", "财政拨款收入支出决算总"),
    ("summary", "收入支出决算总"),
    ("income", "收入决算"),
    ("basic", "一般公共预算财政拨款基本支出"),
    ("general", "一般公共预算财政拨款支出"),
    ("three", '"三公"经费'),
    ("three", "三公经费"),
    ("fund", "政府性基金预算财政拨款"),
    ("capital", "国有资本经营预算财政拨款"),
    ("operating", "机关运行经费"),
    ("spending", "支出决算"),
)


def _section(heading: str | None) -> str | None:
    """The section a heading names: the most specific of `_SECTIONS` it contains."""
    key = _key(heading)
    return next((name for name, words in _SECTIONS if words in key), None)


# --------------------------------------------------------------------------------------------
# Reading the narrative (once per run, shared by the rules)

_FISCAL_TOTAL = re.compile(r"财政拨款收入、?支出总计(?:各)?(?:为|是)?" + _money("v"))
_TOTAL = re.compile(r"(?<!拨款)收入、?支出总计(?:各)?(?:为|是)?" + _money("v"))
_INCOME_TOTAL = re.compile(r"本年收入合计(?:为|是)?" + _money("v"))
_SPENDING_TOTAL = re.compile(r"本年支出合计(?:为|是)?" + _money("v"))
_SHARE_AFTER = re.compile(
    r"[，,]?(?:占(?:本年(?:收入|支出)合计|总(?:收入|支出))?(?:的)?)" + _pct("p")
)
_INCOME_PARTS = re.compile(
    r"(?P<name>一般公共预算财政拨款收入|政府性基金预算财政拨款收入|国有资本经营预算财政拨款收入"
    r"|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)(?:为|是)?"
    + _money("v")
)
_SPENDING_PARTS = re.compile(
    r"(?P<name>基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)(?:为|是)?" + _money("v")
)
_GENERAL_TOTAL = re.compile(
    r"一般公共预算财政拨款(?P<basic>基本)?支出(?:决算)?(?:为|是)?" + _money("v")
)
_SHARE_OF_SPENDING = re.compile(r"[，,]占本年支出合计(?:的)?" + _pct("p"))
_CLASS = re.compile(
    r"(?P<name>[\u4e00-\u9fff]+?)（类）" + _money("v") + r"(?:[，,]占" + _pct("p") + ")?"
)
#: A 类 / 款 / 项 name: may hold a parenthesised part of its own (`政府办公厅（室）及相关机构事务`).
_NAME = r"(?:[^（）。；，：\d]|（(?![类款项]）)[^（）]*）)+?"
_ITEM = re.compile(
    rf"(?P<lei>[\u4e00-\u9fff]+?)（类）(?!\d)(?:(?P<kuan>{_NAME})（款）)?(?:(?P<xiang>{_NAME})（项）)?"
)
_PAIR = re.compile(
    r"(?P<bword>年初预算|调整预算|预算)(?:数)?(?:为|是)?"
    + _money("b")
    + r"[，,]?(?:支出)?(?:决算)(?:数)?(?:为|是)?"
    + _money("a")
)
_COMPLETION = re.compile(r"[，,。]?完成(?:年初|调整)?预算(?:数)?的" + _pct("p"))
_COMPARE = re.compile(
    r"决算数?(?P<more>大于|多于|高于|超过)(?:年初|调整)?预算数?"
    r"|决算数?(?P<less>小于|少于|低于)(?:年初|调整)?预算数?"
    r"|决算数?(?:与|和)(?:年初|调整)?预算数?(?P<flat>基本持平|持平|相等|一致)"
    r"|决算数?(?P<equal>等于)(?:年初|调整)?预算数?"
)
_PERSONNEL = re.compile(r"(?P<name>人员经费|公用经费)(?:合计)?(?:为|是)?" + _money("v"))
_GROWTH = re.compile(
    r"(?P<d1>增加|减少|增长|下降|上升|降低|减)" + _money("c") + r"[，,]?(?:同比)?"
    r"(?P<d2>增长|下降|上升|降低|减少|增加)" + _pct("p")
)
_THREE_PARTS = (
    ("overseas", "因公出国（境）费", r"因公出国[（(]境[）)]费(?:用)?"),
    ("vehicle_total", "公务用车购置及运行维护费", r"公务用车购置及运行(?:维护)?费"),
    ("vehicle_purchase", "公务用车购置费", r"公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费", r"公务用车运行(?:维护)?费"),
    ("reception", "公务接待费", r"公务接待费"),
)
_THREE = re.compile(
    r"(?P<name>"
    + "|".join(p for _, _, p in _THREE_PARTS)
    + r")(?:财政拨款)?(?:支出)?(?:决算)?(?:数)?(?:为|是)?"
    + _money("v")
)
_THREE_PART_BEFORE = [
    (key, label, re.compile(rf"{p}(?:财政拨款)?(?:支出)?[，,]?$")) for key, label, p in _THREE_PARTS
]


def _three_part(before: str) -> tuple[str, str] | None:
    """The 三公 part a `年初预算为…` clause follows (`公务接待费年初预算为…`), if any."""
    for key, label, pattern in _THREE_PART_BEFORE:
        if pattern.search(before):
            return key, label
    return None


_THREE_PAIR_SUBJECT = re.compile(r'["“]?三公["”]?经费(?:财政拨款)?(?:支出)?$')
_NONE = re.compile(
    r"无(?P<what>政府性基金预算财政拨款|国有资本经营预算财政拨款|[\"“]?三公[\"”]?经费财政拨款)"
    r"(?:收入)?(?:和|及|、)?(?:支出)?"
)
_UP = ("增加", "增长", "上升")
#: 基本持平: the actual within this share of the budget.
ROUGHLY_FLAT = Decimal(5)


def read(d: Disclosure) -> Reading:
    """Every checkable statement of the narrative (computed once per run)."""
    return shared(d, _read)


def _read(d: Disclosure) -> Reading:
    out = Reading()
    if not d.narrative:
        return out
    tables = _Tables(d)
    for index, paragraph in enumerate(d.narrative):
        if not paragraph.text:
            continue
        text = _Text(paragraph.text)
        section = _section(paragraph.heading)
        _Paragraph(d, tables, out, paragraph, index, text, section).read()
    return out


class _Paragraph:
    def __init__(
        self,
        d: Disclosure,
        tables: _Tables,
        out: Reading,
        paragraph: Paragraph,
        index: int,
        text: _Text,
        section: str | None,
    ) -> None:
        self.d = d
        self.t = tables
        self.out = out
        self.paragraph = paragraph
        self.index = index
        self.text = text
        self.s = text.text
        self.section = section
        self.used: list[tuple[int, int]] = []
        self.stated: list[tuple[int, str, Decimal]] = []
        """(position, subject text before it, amount) of every amount read, for growth."""

    # -- helpers --------------------------------------------------------------------------

    def said(self, m: re.Match[str]) -> Said:
        return Said(self.paragraph, self.index, self.text.quote(m.start(), m.end()))

    def free(self, m: re.Match[str]) -> bool:
        a, b = m.span()
        if any(a < y and x < b for x, y in self.used):
            return False
        self.used.append((a, b))
        return True

    def amount(self, family: str, m: re.Match[str], what: str, cell: Cell | None) -> None:
        stated = _amount(m, "v")
        if stated is None:
            return
        self.stated.append((m.start("v"), self.s[max(0, m.start() - 20) : m.start("v")], stated))
        if cell is not None:
            self.out.amounts.append(AmountClaim(family, self.said(m), what, stated, cell))

    def share(
        self,
        m: re.Match[str],
        what: str,
        stated: Decimal | None,
        part: Decimal | None,
        whole: Decimal | None,
        whole_tol: Decimal | None = None,
        whole_name: str = "",
        cells: tuple[Cell | None, ...] = (),
    ) -> None:
        if stated is None or part is None or whole is None:
            return
        r = _ratio(part, whole, tolerance(part), whole_tol or tolerance(whole))
        if r is None:
            return
        exact, low, high = r
        self.out.shares.append(
            RateClaim(
                self.said(m),
                what,
                stated,
                low,
                high,
                exact,
                f"{fmt(part)} / {fmt(whole)}{whole_name} × 100",
                tuple(c for c in cells if c is not None),
            )
        )

    # -- the statements -------------------------------------------------------------------

    def read(self) -> None:
        sec = self.section
        self.totals()
        if sec == "income" or (sec is None and "本年收入合计" in self.s):
            self.income_parts()
        if sec == "spending":
            self.spending_parts()
        if sec == "general":
            self.general()
        if sec == "basic":
            self.basic()
        if sec == "three":
            self.three()
        self.pairs()
        self.growth()
        self.nones()

    def totals(self) -> None:
        fiscal = self.t.get("财政拨款收入支出决算总表", "财政拨款收支总表")
        summary = self.t.get("收入支出决算总表", "部门收支总表")
        for m in _FISCAL_TOTAL.finditer(self.s):
            if self.free(m):
                cell = self.t.cell(fiscal, self.t.row(fiscal, "总计"))
                self.amount("total", m, "财政拨款收入支出总计", cell)
        for m in _TOTAL.finditer(self.s):
            if self.free(m):
                cell = self.t.cell(summary, self.t.row(summary, "总计"))
                self.amount("total", m, "收入支出总计", cell)
        # 本年收入合计 / 本年支出合计 of the section's table (the 财政拨款 one in its section).
        table = fiscal if self.section == "fiscal" else summary
        name = "财政拨款" if self.section == "fiscal" else ""
        for pattern, label in ((_INCOME_TOTAL, "本年收入合计"), (_SPENDING_TOTAL, "本年支出合计")):
            for m in pattern.finditer(self.s):
                if not self.free(m):
                    continue
                cell = self.t.cell(table, self.t.row(table, label))
                if cell is None and not name:
                    other = self.t.get("收入决算表" if "收入" in label else "支出决算表")
                    cell = self.t.cell(other, self.t.row(other, "合计"), header=label)
                self.amount("total", m, name + label, cell)

    def _whole(self, label: str) -> tuple[Decimal | None, str]:
        """The total a share is of: as this paragraph states it, else the table's."""
        pattern = _INCOME_TOTAL if "收入" in label else _SPENDING_TOTAL
        m = pattern.search(self.s)
        if m is not None:
            return _amount(m, "v"), ""
        summary = self.t.get("收入支出决算总表", "部门收支总表")
        cell = self.t.cell(summary, self.t.row(summary, label))
        return (cell.value, f"（{label}）") if cell is not None else (None, "")

    def _parts(self, pattern: re.Pattern[str], table_name: str, total: str) -> None:
        table = self.t.get(table_name)
        summary = self.t.get("收入支出决算总表", "部门收支总表")
        whole, whole_name = self._whole(total)
        for m in pattern.finditer(self.s):
            if not self.free(m):
                continue
            name = m["name"]
            cell = self.t.cell(table, self.t.row(table, "合计", "总计"), header=name)
            if cell is None:
                cell = self.t.cell(summary, self.t.row(summary, name))
            self.amount("total", m, name, cell)
            after = _SHARE_AFTER.match(self.s, m.end())
            if after is not None:
                self.share(
                    after,
                    f"{name}占{total}",
                    _number(after["p"]),
                    _amount(m, "v"),
                    whole,
                    whole_name=whole_name,
                    cells=(cell,),
                )

    def income_parts(self) -> None:
        self._parts(_INCOME_PARTS, "收入决算表", "本年收入合计")

    def spending_parts(self) -> None:
        self._parts(_SPENDING_PARTS, "支出决算表", "本年支出合计")

    def _general_table(self) -> StandardTable | None:
        if self.section == "fund":
            return self.t.get("政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出表")
        if self.section == "capital":
            return self.t.get("国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算支出表")
        return self.t.get("一般公共预算财政拨款支出决算表", "一般公共预算支出表")

    def _sum_row(self, table: StandardTable | None) -> TableRow | None:
        return self.t.row(table, "合计", "总计", "本年支出合计")

    def general(self) -> None:
        table = self._general_table()
        total: Decimal | None = None
        for m in _GENERAL_TOTAL.finditer(self.s):
            if m["basic"] or not self.free(m):
                continue
            cell = self.t.cell(table, self._sum_row(table))
            self.amount("total", m, "一般公共预算财政拨款支出", cell)
            if total is None:
                total = _amount(m, "v")
            after = _SHARE_OF_SPENDING.match(self.s, m.end())
            if after is not None:
                whole, name = self._whole("本年支出合计")
                self.share(
                    after,
                    "一般公共预算财政拨款支出占本年支出合计",
                    _number(after["p"]),
                    _amount(m, "v"),
                    whole,
                    whole_name=name or "（本年支出合计）",
                    cells=(cell,),
                )
        whole_name = ""
        if total is None:
            cell = self.t.cell(table, self._sum_row(table))
            total = cell.value if cell is not None else None
            whole_name = "（合计）"
        for m in _CLASS.finditer(self.s):
            if not self.free(m):
                continue
            row = self._item_row(table, [m["name"]])
            cell = self.t.cell(table, row)
            name = f"{m['name']}（类）"
            self.amount("item", m, name, cell)
            if m["p"] is not None:
                self.share(
                    m,
                    f"{name}占一般公共预算财政拨款支出",
                    _number(m["p"]),
                    _amount(m, "v"),
                    total,
                    whole_name=whole_name,
                    cells=(cell,),
                )

    def basic(self) -> None:
        general = self.t.get("一般公共预算财政拨款支出决算表", "一般公共预算支出表")
        basic = self.t.get("一般公共预算财政拨款基本支出决算表", "一般公共预算基本支出表")
        for m in _GENERAL_TOTAL.finditer(self.s):
            if not m["basic"] or not self.free(m):
                continue
            cell = self.t.cell(general, self._sum_row(general), header="基本支出")
            self.amount("total", m, "一般公共预算财政拨款基本支出", cell)
        for m in _PERSONNEL.finditer(self.s):
            if not self.free(m):
                continue
            name = m["name"]
            labels = (
                (f"{name}合计", name, "日常公用经费合计")
                if name == "公用经费"
                else (f"{name}合计", name)
            )
            cell = self.t.cell(basic, self.t.row(basic, *labels))
            self.amount("total", m, name, cell)

    # -- 功能分类 items and budget / actual pairs ---------------------------------------------

    def _item_row(self, table: StandardTable | None, names: list[str]) -> TableRow | None:
        """The row of the 项 under the 款 under the 类 `names` names (by code or by order)."""
        if table is None:
            return None
        rows = table.rows
        start, stop = 0, len(rows)
        found: TableRow | None = None
        for depth, name in enumerate(names):
            key = _key(name)
            match: int | None = None
            for k in range(start, stop):
                label = _label(rows[k])
                if label == key or (depth == 0 and key.endswith(label) and len(label) >= 2):
                    code = rows[k].code
                    if (
                        code
                        and found is not None
                        and found.code
                        and not code.startswith(found.code)
                    ):
                        continue
                    if depth == 0 and code and len(code) != 3:
                        continue
                    match = k
                    break
            if match is None:
                return None
            found = rows[match]
            start = match + 1
            # The rows below it, up to the next row of the same level.
            level = len(found.code) if found.code else None
            stop = len(rows)
            for k in range(start, len(rows)):
                code = rows[k].code
                if level is not None and code and len(code) <= level:
                    stop = k
                    break
        return found

    def _subject_three(self, before: str) -> bool:
        return _THREE_PAIR_SUBJECT.search(before) is not None

    def pairs(self) -> None:
        """`年初预算为X万元，支出决算为Y万元` with what follows it: the completion rate and the
        comparison word, checked for the item (or total) the paragraph names."""
        items = (
            list(_ITEM.finditer(self.s)) if self.section in ("general", "fund", "capital") else []
        )
        table = self._general_table()
        pairs = list(_PAIR.finditer(self.s))
        for n, m in enumerate(pairs):
            budget, actual = _amount(m, "b"), _amount(m, "a")
            if budget is None or actual is None:
                continue
            before = self.s[: m.start()]
            item = next((i for i in reversed(items) if i.end() <= m.start()), None)
            b_cell: Cell | None = None
            a_cell: Cell | None = None
            family = "item"
            if item is not None:
                names = [x for x in (item["lei"], item["kuan"], item["xiang"]) if x]
                row = self._item_row(table, names)
                what = "".join(
                    f"{x}（{w}）" for x, w in zip(names, ("类", "款", "项"), strict=False)
                )
                a_cell = self.t.cell(table, row)
                b_cell = self.t.cell(table, row, budget=True)
            elif self.section == "three" and self._subject_three(before):
                family, what = "three", '"三公"经费财政拨款支出'
                a_cell, b_cell = self._three_cells("total")
            elif self.section == "three" and (part := _three_part(before)) is not None:
                family, what = "three", part[1]
                a_cell, b_cell = self._three_cells(part[0])
            elif self.section == "general" and before.rstrip("，,").endswith(
                "一般公共预算财政拨款支出"
            ):
                family, what = "total", "一般公共预算财政拨款支出"
                row = self._sum_row(table)
                a_cell = self.t.cell(table, row)
                b_cell = self.t.cell(table, row, budget=True)
            else:
                continue
            said = self.said(m)
            if self.free(m):
                if a_cell is not None:
                    self.out.amounts.append(
                        AmountClaim(family, said, f"{what}决算数", actual, a_cell)
                    )
                if b_cell is not None and b_cell.node is not None:
                    self.out.amounts.append(
                        AmountClaim(family, said, f"{what}{m['bword']}数", budget, b_cell)
                    )
            self.stated.append((m.start("a"), before[-20:], actual))
            end = pairs[n + 1].start() if n + 1 < len(pairs) else len(self.s)
            nxt = next((i.start() for i in items if i.start() > m.end()), len(self.s))
            end = min(end, nxt)
            self._completion(m.end(), end, what, actual, budget)
            self._compare(m.end(), end, what, actual, budget)

    def _completion(
        self, start: int, end: int, what: str, actual: Decimal, budget: Decimal
    ) -> None:
        m = _COMPLETION.match(self.s, start)
        if m is None or m.end() > end:
            return
        stated = _number(m["p"])
        r = _ratio(actual, budget, tolerance(actual), tolerance(budget))
        if stated is None or r is None:
            return
        exact, low, high = r
        self.out.completion.append(
            RateClaim(
                self.said(m), what, stated, low, high, exact, f"{fmt(actual)} / {fmt(budget)} × 100"
            )
        )

    def _compare(self, start: int, end: int, what: str, actual: Decimal, budget: Decimal) -> None:
        m = _COMPARE.search(self.s, start, end)
        if m is None:
            return
        diff = actual - budget
        slack = tolerance(actual) + tolerance(budget)
        words = m.group(0)
        reason = ""
        if m["more"] and diff <= ZERO:
            reason = "决算数不大于预算数" if diff == ZERO else "决算数小于预算数"
        elif m["less"] and diff >= ZERO:
            reason = "决算数不小于预算数" if diff == ZERO else "决算数大于预算数"
        elif m["equal"] or m["flat"] in ("持平", "相等", "一致"):
            if abs(diff) > slack:
                reason = "决算数与预算数不等"
        elif m["flat"] == "基本持平" and budget > ZERO:
            share = abs(diff) * HUNDRED / budget
            if share > ROUGHLY_FLAT:
                reason = f"两者相差 {fmt(rounded(share, Decimal('0.01')))}%"
        if not reason:
            return
        self.out.words.append(
            WordClaim(
                self.said(m),
                what,
                words,
                f"决算数 {fmt(actual)}，预算数 {fmt(budget)}",
                reason,
            )
        )

    # -- 三公 ---------------------------------------------------------------------------

    def _three_cells(self, key: str) -> tuple[Cell | None, Cell | None]:
        """(actual, budget) of a 三公 part: the 三公 table's cells, else the typed fields."""
        table = self.t.get('财政拨款"三公"经费支出决算表', '一般公共预算"三公"经费支出表')
        if table is not None:
            row = next((r for r in table.rows if any(v is not None for v in r.values)), None)
            row = row or (table.rows[0] if table.rows else None)
            if row is None:
                return None, None
            return self._three_col(table, row, key, False), self._three_col(table, row, key, True)
        actual = getattr(self.d.three_public, "total" if key == "total" else key)
        budget_fields = self.d.budget_figures.three_public if self.d.budget_figures else None
        budget = (
            getattr(budget_fields, "total" if key == "total" else key) if budget_fields else None
        )
        a = (
            Cell(actual, f"three_public.{key}", self.d.three_public, f"three_public.{key}")
            if (actual is not None)
            else None
        )
        b = (
            Cell(
                budget,
                f"budget_figures.three_public.{key}",
                budget_fields,
                f"budget_figures.three_public.{key}",
            )
            if budget is not None
            else None
        )
        return a, b

    def _three_col(
        self, table: StandardTable, row: TableRow, key: str, budget: bool
    ) -> Cell | None:
        words = {
            "total": ("合计",),
            "overseas": ("因公出国",),
            "vehicle_total": ("购置及运行",),
            "vehicle_purchase": ("公务用车购置费",),
            "vehicle_operation": ("公务用车运行",),
            "reception": ("公务接待",),
        }[key]
        for k, path in enumerate(table.columns):
            if k >= len(row.values):
                break
            joined = _key("".join(path))
            if not all(w in joined for w in words):
                continue
            # The 购置及运行 group's own (小计) column, not its 购置费 / 运行费 columns.
            rest = joined.replace("购置及运行", "")
            if key == "vehicle_total" and ("公务用车购置费" in rest or "公务用车运行" in rest):
                continue
            if key == "total" and any(w in joined for w in ("因公出国", "公务用车", "公务接待")):
                continue
            if _budget_column(path) != budget:
                continue
            value = _wan(table, row.values[k])
            ti, ri = self.t.index[id(table)], table.rows.index(row)
            column = "".join(_key(h) for h in path)
            return Cell(
                value if value is not None else ZERO,
                f"{table.name}「{column}」",
                row,
                f"tables[{ti}].rows[{ri}]",
            )
        return None

    def three(self) -> None:
        names = {re.compile(p): (k, label) for k, label, p in _THREE_PARTS}
        for m in _THREE.finditer(self.s):
            if not self.free(m):
                continue
            key, label = next(v for p, v in names.items() if p.fullmatch(m["name"]))
            actual, budget = self._three_cells(key)
            # A 预算's sentence states its budget figure, which its table prints.
            kind = "决算数" if self.d.kind == "final" else "预算数"
            self.amount("three", m, f"{label}{kind}", actual)
            after = _COMPLETION.match(self.s, m.end())
            stated = _amount(m, "v")
            if (
                after is not None
                and budget is not None
                and budget.value > ZERO
                and stated is not None
            ):
                r = _ratio(stated, budget.value, tolerance(stated), tolerance(budget.value))
                p = _number(after["p"])
                if r is not None and p is not None:
                    exact, low, high = r
                    self.out.completion.append(
                        RateClaim(
                            self.said(after),
                            label,
                            p,
                            low,
                            high,
                            exact,
                            f"{fmt(stated)} / {fmt(budget.value)}（预算数）× 100",
                            (budget,),
                        )
                    )

    # -- year on year -------------------------------------------------------------------

    def growth(self) -> None:
        for m in _GROWTH.finditer(self.s):
            change = _amount(m, "c")
            stated = _number(m["p"])
            if change is None or stated is None:
                continue
            up1, up2 = m["d1"] in _UP, m["d2"] in _UP
            said = self.said(m)
            what = self._growth_subject(m.start())
            if up1 != up2:
                self.out.words.append(
                    WordClaim(
                        said,
                        what,
                        f"{m['d1']}…{m['d2']}",
                        f"增减额 {fmt(change)} 万元",
                        "增减额与增减幅度方向相反",
                    )
                )
                continue
            current, cell = self._current(m.start(), what)
            if current is None:
                continue
            previous = current - change if up1 else current + change
            r = _ratio(
                change,
                previous,
                tolerance(change),
                tolerance(change) + (tolerance(cell.value) if cell else tolerance(current)),
            )
            if r is None:
                continue
            exact, low, high = r
            sign = "" if up1 else "+"
            self.out.growth.append(
                RateClaim(
                    said,
                    what,
                    stated,
                    low,
                    high,
                    exact,
                    f"{fmt(change)} / ({fmt(current)} {'−' if up1 else sign} {fmt(change)}) × 100",
                    (cell,) if cell else (),
                )
            )

    def _growth_subject(self, pos: int) -> str:
        head = self.s[:pos]
        cut = max(head.rfind(c) for c in "，,。；：")
        subject = head[cut + 1 :]
        subject = re.sub(
            r"^(?:与|比|较)?\d{4}年度?(?:相比)?|^较上年|^比上年|^与上年相比", "", subject
        )
        subject = re.sub(r"(?:比|较)(?:\d{4}年度?|上年)$|各$", "", subject)
        if not subject:
            first = re.match(r"^(?:\d{4}年度?)?(?P<s>[^\d，,。；：]+?)" + _NUM, self.s)
            subject = first["s"] if first else ""
        return subject or "与上年相比"

    def _current(self, pos: int, subject: str) -> tuple[Decimal | None, Cell | None]:
        """This year's figure the change is of: stated in the paragraph, else the table's."""
        earlier = [(p, s, v) for p, s, v in self.stated if p < pos]
        for _, s, v in reversed(earlier):
            if subject and s.endswith(subject):
                return v, None
        head = self.s[:pos]
        first = re.search(_money("v"), head)
        if first is not None:
            return _amount(first, "v"), None
        if self.section == "three":
            actual, _ = self._three_cells("total")
            if actual is not None:
                return actual.value, actual
        if self.section == "operating" and self.d.operating_costs.amount is not None:
            return self.d.operating_costs.amount, None
        return None, None

    # -- 无 … 收入和支出 ------------------------------------------------------------------

    def nones(self) -> None:
        for m in _NONE.finditer(self.s):
            what = m["what"]
            if "政府性基金" in what:
                table = self._any("政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出表")
            elif "国有资本" in what:
                table = self._any(
                    "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算支出表"
                )
            else:
                table = self._any('财政拨款"三公"经费支出决算表', '一般公共预算"三公"经费支出表')
            if table is None:
                continue
            budget_ok = "三公" in what
            for ri, row in enumerate(table.rows):
                hit = next(
                    (
                        (k, v)
                        for k, v in enumerate(row.values)
                        if v is not None
                        and v != ZERO
                        and not (
                            budget_ok
                            and k < len(table.columns)
                            and _budget_column(table.columns[k])
                        )
                    ),
                    None,
                )
                if hit is None:
                    continue
                k, value = hit
                ti = self.t.index[id(table)]
                column = (
                    "".join(_key(h) for h in table.columns[k]) if k < len(table.columns) else ""
                )
                cell = Cell(
                    _wan(table, value) or ZERO,
                    f"{table.name}「{row.label or ''}」{column}",
                    row,
                    f"tables[{ti}].rows[{ri}]",
                )
                self.out.nones.append(
                    WordClaim(
                        self.said(m),
                        m.group(0),
                        m.group(0),
                        f"{fmt(cell.value)} 万元",
                        "表中有数",
                        (cell,),
                    )
                )
                break

    def _any(self, *names: str) -> StandardTable | None:
        for name in names:
            for t in self.t.tables:
                if t.name == name:
                    return t
        return None


# --------------------------------------------------------------------------------------------
# The rules


def _cell_at(cell: Cell) -> Location:
    return at(cell.node, cell.section)


class _Amounts(Rule):
    family: str

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.narrative:
            return
        for c in read(d).amounts:
            if c.family != self.family or agrees(c.stated, c.cell.value):
                continue
            yield self.finding(
                locations=[c.said.at(), _cell_at(c.cell)],
                evidence=evidence(
                    quote=c.said.quote,
                    stated=fmt(c.stated),
                    computed=fmt(c.cell.value),
                    formula=c.cell.where,
                ),
                what=c.what,
                stated=fmt(c.stated),
                table=c.cell.where,
                value=fmt(c.cell.value),
            )


_AMOUNT_MESSAGE = "情况说明中{what}为 {stated} 万元，而{table}为 {value} 万元"
_AMOUNT_MESSAGE_EN = "the narrative states {what} as {stated} 万元, but {table} holds {value} 万元"
_FINAL = (
    "财预〔2016〕143号（地方预决算公开操作规程）：公开的数字应相互一致 / disclosed figures agree"
)


@register
class NarrativeTotal(_Amounts):
    """情况说明所述总额与分项（收入支出总计、本年收入合计及各项收入、本年支出合计及基本支出 /
    项目支出、财政拨款收入支出总计、一般公共预算财政拨款支出、人员经费 / 公用经费）必须等于其所
    说明的表格单元格。

    The 情况说明 explains the standard tables sentence by sentence; a total it states is the
    figure of one table cell: 收入支出总计 the 收入支出决算总表's 总计, 财政拨款收入支出总计 the
    财政拨款收入支出决算总表's 总计, 本年收入合计 and its sources the 收入决算表's 合计 row,
    基本支出 / 项目支出 the 支出决算表's, 人员经费 / 公用经费 the 基本支出决算表's 合计 rows. The
    row is found by its label and the column by its header text (the table's unit converted to
    万元); the figure is compared to the precision the sentence prints.
    """

    id = "NARR-TOTAL"
    family = "total"
    category = "table"
    severity = "error"
    title = "情况说明中的总额与表格不符"
    title_en = "A total in the narrative differs from its table"
    message = _AMOUNT_MESSAGE
    message_en = _AMOUNT_MESSAGE_EN
    hint = "核对情况说明中的数字与表格"
    hint_en = "correct the sentence or the table"
    source = _FINAL
    example = Example("收入、支出总计1900.10万元", "收入、支出总计1990.10万元", base="final")


@register
class NarrativeItem(_Amounts):
    """情况说明中功能分类科目（类 / 款 / 项）的金额必须等于一般公共预算财政拨款支出决算表中该科目
    的数字。

    The 结构情况 sentence states each 类's amount (`一般公共服务支出（类）2106.66万元`) and the
    具体情况 sentences each 项's budget and actual (`一般公共服务支出（类）财政事务（款）
    行政运行（项）…年初预算为1560.05万元，支出决算为1511.89万元`). The row is the 项 under
    that 款 under that 类 (by code prefix, or by order where no code is printed); the actual is
    its 决算 (合计) column, the budget its 年初预算 / 预算数 column where the table prints one.
    """

    id = "NARR-ITEM"
    family = "item"
    category = "table"
    severity = "error"
    title = "情况说明中的科目金额与表格不符"
    title_en = "An item's figure in the narrative differs from its table row"
    message = _AMOUNT_MESSAGE
    message_en = _AMOUNT_MESSAGE_EN
    hint = "核对该科目在情况说明与一般公共预算财政拨款支出决算表中的数字"
    hint_en = "correct the item's figure in the sentence or in the table"
    source = _FINAL
    example = Example("支出决算为230.00万元", "支出决算为203.00万元", base="final")


@register
class NarrativeThreePublic(_Amounts):
    """情况说明中的“三公”经费（合计及因公出国（境）费、公务用车购置及运行维护费、公务接待费）
    的预算数和决算数必须等于“三公”经费支出决算表。

    财预〔2015〕88号 asks for the 三公 figures and their explanation; the sentence states the
    budget and the actual of the total and of each part, which the 三公 table prints in its
    预算数 / 决算数 columns (a blank cell is 0). Without a 三公 table the typed fields are used.
    """

    id = "NARR-THREE-PUBLIC"
    family = "three"
    category = "table"
    severity = "error"
    title = "情况说明中的“三公”经费与表格不符"
    title_en = "A 三公 figure in the narrative differs from the 三公 table"
    message = _AMOUNT_MESSAGE
    message_en = _AMOUNT_MESSAGE_EN
    hint = "核对“三公”经费说明与“三公”经费支出决算表"
    hint_en = "correct the 三公 sentence or the 三公 table"
    source = "财预〔2015〕88号 / 财预〔2016〕143号"
    example = Example("公务接待费支出决算为0.86万元", "公务接待费支出决算为0.68万元", base="final")


class _Rates(Rule):
    """(base class, not registered) Rate claims of one kind against their figures."""

    @abstractmethod
    def claims(self, reading: Reading) -> list[RateClaim]:
        """The claims of this rule's kind in the read narrative."""

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.narrative:
            return
        for c in self.claims(read(d)):
            slack = tolerance(c.stated)
            if c.low - slack <= c.stated <= c.high + slack:
                continue
            yield self.finding(
                locations=[c.said.at(), *(_cell_at(x) for x in c.cells)],
                evidence=evidence(
                    quote=c.said.quote,
                    stated=fmt(c.stated),
                    computed=fmt(rounded(c.computed, c.stated)),
                    formula=c.formula,
                ),
                what=c.what,
                stated=fmt(c.stated),
                computed=fmt(rounded(c.computed, c.stated)),
                formula=c.formula,
            )


@register
class NarrativeShare(_Rates):
    """情况说明中“占X%”的比例必须等于所述金额除以其总额。

    `一般公共服务支出（类）2106.66万元，占71.73%`: the share is the amount over the total the
    sentence describes (一般公共预算财政拨款支出, 本年收入合计, 本年支出合计), as stated in the
    same paragraph or, where it is not, as the table prints it. Compared to the precision the
    share prints, allowing for the rounding of the two amounts.
    """

    id = "NARR-SHARE"
    category = "table"
    severity = "warning"
    title = "情况说明中的占比与金额不符"
    title_en = "A share in the narrative differs from amount ÷ total"
    message = "{what}印为 {stated}%，而 {formula} = {computed}%"
    message_en = "{what}: printed {stated}%, but {formula} = {computed}%"
    hint = "核对占比或金额"
    hint_en = "correct the share or the amounts"
    source = _FINAL
    example = Example("占79.38%", "占78.39%", base="final")

    def claims(self, reading: Reading) -> list[RateClaim]:
        return reading.shares


@register
class NarrativeGrowth(_Rates):
    """情况说明中“与上年相比增加（减少）X万元，增长（下降）Y%”的增幅必须等于增减额除以上年数。

    The previous year's figure is implied: this year's (stated in the paragraph, or the table's)
    minus the increase, or plus the decrease. The rate is compared to the precision it prints,
    allowing for the rounding of the two figures (as ARITH-GROWTH does for the budget).
    """

    id = "NARR-GROWTH"
    category = "table"
    severity = "warning"
    title = "情况说明中的增减幅度与增减额不符"
    title_en = "A year-on-year rate in the narrative differs from change ÷ last year"
    message = "{what}增减幅度印为 {stated}%，而 {formula} = {computed}%"
    message_en = (
        "{what}: the year-on-year rate is printed as {stated}%, but {formula} = {computed}%"
    )
    hint = "上年数 = 本年数 − 增加额（或 + 减少额）；核对增减额或幅度"
    hint_en = "last year = this year − increase (or + decrease); correct the change or the rate"
    source = _FINAL
    example = Example("增长3.96%", "增长6.39%", base="final")

    def claims(self, reading: Reading) -> list[RateClaim]:
        return reading.growth


@register
class NarrativeCompletion(_Rates):
    """情况说明中“完成（年初）预算的X%”必须等于决算数除以预算数。

    Stated beside the budget and the actual it derives from (the total, a 类款项 item, a 三公
    part); compared to the precision it prints.
    """

    id = "NARR-COMPLETION"
    category = "table"
    severity = "warning"
    title = "情况说明中的预算完成率与数字不符"
    title_en = "A completion rate in the narrative differs from actual ÷ budget"
    message = "{what}完成预算印为 {stated}%，而 {formula} = {computed}%"
    message_en = "{what}: completion printed as {stated}%, but {formula} = {computed}%"
    hint = "核对完成率或预算数、决算数"
    hint_en = "correct the rate or the figures"
    source = _FINAL
    example = Example("完成年初预算的97.29%", "完成年初预算的92.79%", base="final")

    def claims(self, reading: Reading) -> list[RateClaim]:
        return reading.completion


@register
class NarrativeCompare(Rule):
    """情况说明中的比较用语（决算数大于 / 小于预算数、与预算数（基本）持平、增加 … 下降）必须与
    所比较的两个数字相符。

    `决算数小于预算数的主要原因` explains a shortfall that the two figures printed just before
    it must show; 持平 means equal to the printed precision, 基本持平 within 5% of the budget;
    an increase (增加) cannot be a fall (下降) in the same breath.
    """

    id = "NARR-COMPARE"
    category = "table"
    severity = "warning"
    title = "情况说明中的比较用语与数字不符"
    title_en = "A comparison word in the narrative contradicts the figures"
    message = "{what}：情况说明称“{words}”，而{figures}（{reason}）"
    message_en = "{what}: the narrative says “{words}”, but {figures} ({reason})"
    hint = "核对比较用语或数字"
    hint_en = "correct the comparison word or the figures"
    source = _FINAL
    example = Example(
        "决算数大于预算数的主要原因：年中追加", "决算数小于预算数的主要原因：年中追加", base="final"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.narrative:
            return
        for c in read(d).words:
            yield self.finding(
                locations=[c.said.at(), *(_cell_at(x) for x in c.cells)],
                evidence=evidence(quote=c.said.quote, stated=c.words, computed=c.figures),
                what=c.what,
                words=c.words,
                figures=c.figures,
                reason=c.reason,
            )


@register
class NarrativeNone(Rule):
    """情况说明称“无政府性基金 / 国有资本经营预算财政拨款收入和支出”或“无“三公”经费支出”时，
    对应表格中不得有数。

    The sentence and the (empty) table state the same fact twice; a figure in the table means
    one of them is wrong. The 三公 table's 预算数 columns may hold a budget that was not spent.
    """

    id = "NARR-NONE"
    category = "table"
    severity = "error"
    title = "情况说明称无收支而表中有数"
    title_en = "The narrative says there is none, but the table holds a figure"
    message = "情况说明称“{words}”，而{table}为 {value} 万元"
    message_en = "the narrative says “{words}”, but {table} holds {value} 万元"
    hint = "核对该表或情况说明"
    hint_en = "correct the table or the sentence"
    source = _FINAL
    example = Example(
        "2024年度无国有资本经营预算财政拨款收入和支出",
        "2024年度无政府性基金预算财政拨款收入和支出",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.narrative:
            return
        for c in read(d).nones:
            cell = c.cells[0]
            yield self.finding(
                locations=[c.said.at(), _cell_at(cell)],
                evidence=evidence(
                    quote=c.said.quote, stated=c.words, computed=fmt(cell.value), formula=cell.where
                ),
                words=c.words,
                table=cell.where,
                value=fmt(cell.value),
            )


# --------------------------------------------------------------------------------------------
# Years: the document's own headings and sentences name its year

_A_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})年")
#: Words before a year that make it a comparison (与2023年度相比, 比2023年度增加, 较上年).
_COMPARED = ("与", "和", "同", "比", "较", "对比", "相比", "上年", "上一年", "截至上年")
#: Sentences that name the report year as their subject: `2024年度部门决算`, `2024年度收入支出
#: 总计…`, `2024年度无…`, `2024年度“三公”经费…`, `2024年度政府采购金额…`.
_OWN_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d{2})年度?(?=部门决算|部门预算|收入、?支出总计|财政拨款收入、?支出总计|无"
    r"|[\"“]?三公|政府采购金额|预算绩效管理工作)"
)
#: The 国有资产 date of a 决算: the end of its own year.
_AS_OF = re.compile(r"截[至止](?P<y>(?:19|20)\d{2})年(?:12月31日|末|底)")


def _compared(text: str, start: int) -> bool:
    return text[:start].endswith(_COMPARED)


@register
class NarrativeYear(Rule):
    """文件的标题、情况说明的标题和以本年度为主语的句子必须是文件的年度。

    A 2024 决算 explains 2024: a heading such as `一、2023年度收入支出决算总体情况说明`, a
    sentence such as `2023年度收入支出总计…` or `截至2023年12月31日，…共有车辆…` (the 国有资产
    date of a 决算 is the end of its own year) was copied from the year before and not updated.
    Comparison years are not the report year and are left alone: `与2023年度相比`, `比2023年度
    增加`, `较上年`. The title is checked too where the year was not read from it, and so is
    every heading that encloses a paragraph's own (`Paragraph.parents`), each once, at the first
    paragraph under it: a part's heading `第三部分 …2023年度部门决算情况说明` or a heading
    `五、2023年度…情况说明` directly followed by `（一）…`. Source: 财预〔2016〕143号
    (公开内容应真实、准确).
    """

    id = "NARR-YEAR"
    category = "table"
    severity = "warning"
    title = "情况说明中的年度与文件年度不符"
    title_en = "The narrative names a year other than the document's"
    message = "{where}为 {year} 年，文件年度为 {expected} 年"
    message_en = "{where_en} says {year}, the document's year is {expected}"
    hint = "核对标题和情况说明中的年度是否已更新"
    hint_en = "update the year in the heading or the sentence"
    source = _FINAL
    example = Example(
        "一、收入支出决算总体情况说明", "一、2023年度收入支出决算总体情况说明", base="final"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if d.year is None:
            return
        year = d.year
        if d.title:
            title = _SPACE.sub("", d.title)
            for m in _A_YEAR.finditer(title):
                if int(m.group("y")) != year and not _compared(title, m.start()):
                    yield self._found(
                        at(d, "title"), d.title, m.group("y"), "标题", "the title", year
                    )
        seen: set[str] = set()
        for index, paragraph in enumerate(d.narrative):
            where = at(paragraph, f"narrative[{index}]")
            # The headings that enclose the paragraph's own, outermost first, then its own:
            # each checked once, at the first paragraph under it.
            for printed in (*paragraph.parents, paragraph.heading):
                heading = _SPACE.sub("", printed or "")
                if not heading or heading in seen:
                    continue
                seen.add(heading)
                for m in _A_YEAR.finditer(heading):
                    if int(m.group("y")) != year and not _compared(heading, m.start()):
                        yield self._found(
                            where,
                            printed or "",
                            m.group("y"),
                            "情况说明标题",
                            "a narrative heading",
                            year,
                        )
            text = _Text(paragraph.text)
            patterns = [_OWN_YEAR, _AS_OF] if d.kind == "final" else [_OWN_YEAR]
            for pattern in patterns:
                for m in pattern.finditer(text.text):
                    if int(m.group("y")) != year and not _compared(text.text, m.start()):
                        yield self._found(
                            where,
                            text.quote(m.start(), m.end()),
                            m.group("y"),
                            "情况说明",
                            "the narrative",
                            year,
                        )

    def _found(self, where: Location, quote: str, y: str, zh: str, en: str, year: int) -> Finding:
        return self.finding(
            locations=[where],
            evidence=evidence(quote=" ".join(quote.split()), stated=y, computed=str(year)),
            where=zh,
            where_en=en,
            year=y,
            expected=year,
        )
