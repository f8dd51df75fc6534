"""Standard tables: every total a table prints against its rows and columns, the same figure in
two tables, the figures the text states against the tables, and the set of tables printed.

Rows are found by their label (本年收入合计, 总计, 人员经费合计 …) or their 功能分类 /
经济分类 code, columns by their header text (本年支出合计, 基本支出, 预算数 …): no check reads
a row or a column by its position, so a province that orders its columns differently is read
the same way.

A table prints figures rounded to its own precision (two decimals of 万元 as a rule, whole 元 in
some provinces), each within half a unit of the amount it stands for. A printed total therefore
agrees with n printed parts when it differs from their sum by at most (n + 1) half-units, and the
same amount printed twice agrees when the two figures differ by at most one unit (their rounding
intervals meet). Figures are compared in the table's own unit; a comparison with the 万元 of the
typed fields converts a table in 元 exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ...model import (
    BUDGET_NAMES,
    FINAL_NAMES,
    Disclosure,
    Node,
    StandardTable,
    TableRow,
    three_public_field,
)
from ..finding import Finding, Location
from ..numbers import ZERO, fmt, places
from ..rule import Example, Rule, at, evidence, register
from .narrative import read as read_narrative

# The standard tables a disclosure prints, by kind (`model.tables`); budget names match
# without their 部门 / 单位 prefix, since provinces vary it.
FINAL_TABLES = FINAL_NAMES
BUDGET_TABLES = BUDGET_NAMES
KIND_NAME = {"final": "决算", "budget": "预算"}

_TOTAL_WORDS = {"合计", "小计", "总计", "本年收入合计", "本年支出合计"}
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）])"
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "＂": '"', "「": '"', "」": '"'})
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: 经济分类 classes of 人员经费 (工资福利支出, 对个人和家庭的补助); the others are 公用经费.
_PERSONNEL_CLASSES = ("301", "303")


# ---------------------------------------------------------------------------------------------
# Reading a table by its words


def _norm(text: str | None) -> str:
    """A label or header cell without white space and leading numbering (一、 （一） 1.)."""
    return _norm_text(text) if text else ""


@lru_cache(maxsize=4096)
def _norm_text(text: str) -> str:
    return _ENUM.sub("", "".join(text.split()), count=1)


def _std(name: str) -> str:
    """A table name as compared with the standard lists (quotes and 部门/单位 prefix unified)."""
    name = "".join(name.split()).translate(_QUOTES)
    for prefix in ("部门", "单位"):
        if name.startswith(prefix) and not name.startswith(prefix + "决算"):
            return name[len(prefix) :]
    return name


def _code(row: TableRow) -> str | None:
    if not row.code:
        return None
    code = "".join(row.code.split())
    return code if code.isdigit() else None


def _head(t: StandardTable, j: int) -> list[str]:
    return [_norm(c) for c in t.columns[j]] if j < len(t.columns) else []


def _column(t: StandardTable, j: int) -> str:
    """A column's header as a reviewer names it: its cells joined, without the top cell that
    every column shares (财政拨款“三公”经费)."""
    cells = [c for c in _head(t, j) if c]
    if (
        len(cells) > 1
        and len(t.columns) > 1
        and all(h[:1] and _norm(h[0]) == cells[0] for h in t.columns)
    ):
        cells = cells[1:]
    return "/".join(cells) if cells else f"第{j + 1}列"


def _value(row: TableRow, j: int) -> Decimal | None:
    return row.values[j] if 0 <= j < len(row.values) else None


def _half(t: StandardTable) -> Decimal:
    """Half a unit in the last place the table prints (0.005 for two decimals)."""
    most = 0
    for row in t.rows:
        for v in row.values:
            if v is not None:
                p = places(v)
                if p > most:
                    most = p
    return Decimal(5).scaleb(-most - 1)


def _half_wan(t: StandardTable) -> Decimal:
    """`_half(t)` in 万元."""
    return _half(t) / 10000 if t.unit == "元" else _half(t)


def _wan(t: StandardTable, value: Decimal) -> Decimal:
    """A figure of the table in 万元."""
    return value / 10000 if t.unit == "元" else value


def _unit(t: StandardTable) -> str:
    return t.unit or "万元"


def _find(t: StandardTable, names: Sequence[str], start: int = 0, stop: int | None = None) -> int:
    """The index of the first row from `start` whose label is one of `names`; -1 if none."""
    end = len(t.rows) if stop is None else stop
    for i in range(start, end):
        if _norm(t.rows[i].label) in names:
            return i
    return -1


def _columns(t: StandardTable, *words: str, without: Sequence[str] = ()) -> list[int]:
    """Columns whose header holds every word of `words` (in some cell) and none of `without`."""
    out = []
    for j in range(len(t.columns)):
        text = "|".join(_head(t, j))
        if all(w in text for w in words) and not any(w in text for w in without):
            out.append(j)
    return out


def _label(row: TableRow) -> str:
    label = " ".join((row.label or "").split())
    code = _code(row)
    return f"{code} {label}".strip() if code else label or "（无名称）"


def _where(t: StandardTable, i: int) -> Location:
    return at(t.rows[i], f"tables[{t.name}].rows[{i}]")


def _has_figures(d: Disclosure) -> bool:
    return any(not t.empty and t.rows for t in d.tables)


def _tables(d: Disclosure, *words: str) -> list[StandardTable]:
    """The tables whose (unified) name holds every word of `words`."""
    return [t for t in d.tables if all(w in _std(t.name) for w in words)]


def _plus(parts: Sequence[Decimal]) -> str:
    return " + ".join(fmt(p) for p in parts) if parts else "0"


# ---------------------------------------------------------------------------------------------
# The base of the sum rules


class _TableRule(Rule):
    """(base class, not registered)"""

    category = "table"
    severity = "error"
    source = "文件自身结构 / 财预〔2016〕143号（地方预决算公开操作规程）"
    message = "{table}：{what}为 {stated}，而 {formula} = {computed}（{unit}）"
    message_en = "{table}: {what_en} is {stated}, but {formula} = {computed} ({unit})"

    def sum_finding(
        self,
        t: StandardTable,
        i: int,
        j: int,
        parts: Sequence[tuple[int, Decimal]],
        *,
        what: str | None = None,
        what_en: str | None = None,
        stated: Decimal | None = None,
        places_at: Sequence[Location] = (),
    ) -> Finding | None:
        """A finding when the figure in row `i`, column `j` differs from the sum of `parts`
        (row index, figure) by more than the rounding of the parts and the total allows."""
        total = _value(t.rows[i], j) if stated is None else stated
        if total is None:
            return None
        figures = [v for _, v in parts]
        computed = sum(figures, ZERO)
        if total == computed or abs(total - computed) <= _half(t) * (len(figures) + 1):
            return None
        row = t.rows[i]
        what = what or f"「{_label(row)}」行「{_column(t, j)}」列"
        what_en = what_en or f'row "{_label(row)}", column "{_column(t, j)}"'
        formula = _plus(figures)
        seen = {i}
        locations = [_where(t, i)]
        for k, _ in parts:
            if k not in seen:
                seen.add(k)
                locations.append(_where(t, k))
        locations.extend(places_at)
        return self.finding(
            locations=locations,
            evidence=evidence(
                quote=_label(row), stated=fmt(total), computed=fmt(computed), formula=formula
            ),
            table=t.name,
            what=what,
            what_en=what_en,
            stated=fmt(total),
            computed=fmt(computed),
            formula=formula,
            unit=_unit(t),
        )


def _parts(t: StandardTable, rows: Sequence[int], j: int) -> list[tuple[int, Decimal]]:
    out = []
    for k in rows:
        v = _value(t.rows[k], j)
        if v is not None:
            out.append((k, v))
    return out


# ---------------------------------------------------------------------------------------------
# 收支总表: the two sides


@dataclass(frozen=True)
class _Side:
    name: str  # 收入 / 支出
    columns: list[int]
    total: int  # the row of 本年收入合计 / 本年支出合计
    grand: int  # the row of 总计 (-1 when not printed)

    @property
    def main(self) -> int:
        """The column that holds the side's whole figure (支出/合计 where the side is split)."""
        return self.columns[0] if self.columns else -1


def _side_columns(t: StandardTable) -> dict[str, list[int]]:
    sides: dict[str, list[int]] = {"收入": [], "支出": []}
    for j, cells in enumerate(t.columns):
        if len(cells) >= 2:
            first = _norm(cells[0])
            if first in sides:
                sides[first].append(j)
    return sides if sides["收入"] and sides["支出"] else {}


def _sides(t: StandardTable) -> list[_Side]:
    """The income and expenditure sides of a 收支总表 (收入 | 支出 side by side), [] when the
    table is not one."""
    columns = _side_columns(t)
    out = []
    for name, cols in columns.items():
        total = _find(t, (f"本年{name}合计", f"{name}合计"))
        if total < 0:
            return []
        whole = [j for j in cols if "合计" in _head(t, j)] + [j for j in cols]
        grand = -1
        for i in range(total + 1, len(t.rows)):
            if _norm(t.rows[i].label) in ("总计", f"{name}总计") and any(
                _value(t.rows[i], j) is not None for j in cols
            ):
                grand = i
                break
        out.append(_Side(name, list(dict.fromkeys(whole)), total, grand))
    return out


def _summaries(d: Disclosure) -> list[tuple[StandardTable, list[_Side]]]:
    out = []
    for t in d.tables:
        sides = _sides(t)
        if sides:
            out.append((t, sides))
    return out


def _is_item(row: TableRow) -> bool:
    label = _norm(row.label)
    return (
        bool(label) and "合计" not in label and "总计" not in label and not label.startswith("其中")
    )


@register
class SummaryTotals(_TableRule):
    """收支总表中的本年收入合计、本年支出合计、总计必须等于其各行之和。

    A 收支总表 (收入支出决算总表, 财政拨款收入支出决算总表; 部门收支总表, 财政拨款收支总表 of
    a budget) prints each side's items, then 本年收入合计 / 本年支出合计, then the balances
    (使用非财政拨款结余, 年初结转和结余 | 结余分配, 年末结转和结余) and 总计. By the table's own
    definition 合计 is the sum of the items above it, 总计 is 合计 plus the balances, and a
    结转和结余 row that lists its funds below it (一、一般公共预算财政拨款 …) is their sum.
    Checked for every column of
    each side. Source: the 部门决算 template (财政部《部门决算报表》) and 财预〔2016〕143号.
    """

    id = "TABLE-TOTAL-SUM"
    title = "收支总表合计、总计与各行之和不符"
    title_en = "A 收支总表 total differs from the rows it adds up"
    hint = "核对该合计行及其各组成行的金额"
    hint_en = "correct the total or the rows it adds up"
    example = Example(
        '"label": "八、其他收入", "values": [35.60, null]',
        '"label": "八、其他收入", "values": [36.60, null]',
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t, sides in _summaries(d):
            for side in sides:
                yield from self._side(t, side)

    def _side(self, t: StandardTable, side: _Side) -> Iterator[Finding]:
        items = [i for i in range(side.total) if _is_item(t.rows[i])]
        for j in side.columns:
            found = self.sum_finding(t, side.total, j, _parts(t, items, j))
            if found:
                yield found
        if side.grand < 0:
            return
        tail: list[int] = [side.total]
        parent = -1
        subs: dict[int, list[int]] = {}
        for i in range(side.total + 1, side.grand):
            row = t.rows[i]
            if not any(_value(row, j) is not None for j in side.columns):
                continue
            raw = "".join((row.label or "").split())
            if parent >= 0 and _ENUM.match(raw):
                subs[parent].append(i)
                continue
            tail.append(i)
            if "结转和结余" in raw or "结余" in raw:
                parent = i
                subs[i] = []
        for j in side.columns:
            found = self.sum_finding(t, side.grand, j, _parts(t, tail, j))
            if found:
                yield found
        for p, members in subs.items():
            if not members:
                continue
            for j in side.columns:
                found = self.sum_finding(t, p, j, _parts(t, members, j))
                if found:
                    yield found


@register
class Balance(_TableRule):
    """收支总表收入总计必须等于支出总计；资金收支表年初结转 + 本年收入 − 本年支出 = 年末结转。

    The two sides of a 收支总表 account for the same money: what came in (本年收入 plus the
    balances brought forward) equals what went out plus what is carried forward, so 收入总计 and
    支出总计 are the same figure. Likewise, in a fund's 收入支出决算表 (政府性基金预算 /
    国有资本经营预算财政拨款收入支出决算表) each row's 年末结转和结余 is 年初结转和结余 + 本年收入 −
    本年支出. Source: the 部门决算 template (财政部《部门决算报表》); 财预〔2016〕143号.
    """

    id = "TABLE-BALANCE"
    title = "收支不平衡"
    title_en = "Income and expenditure do not balance"
    message = "{table}：{what}为 {stated}，而 {formula} = {computed}（{unit}）"
    message_en = "{table}: {what_en} is {stated}, but {formula} = {computed} ({unit})"
    hint = "核对收入总计、支出总计或结转结余金额"
    hint_en = "correct the grand totals or the balances carried over"
    example = Example(
        '"label": "总计", "values": [null, 1900.10]',
        '"label": "总计", "values": [null, 1910.10]',
        note="收入支出决算总表的支出总计 / the 支出总计 of 收入支出决算总表",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t, sides in _summaries(d):
            found = self._sides(t, sides)
            if found:
                yield found
        for t in d.tables:
            yield from self._fund(t)

    def _sides(self, t: StandardTable, sides: list[_Side]) -> Finding | None:
        income = next((s for s in sides if s.name == "收入"), None)
        spend = next((s for s in sides if s.name == "支出"), None)
        if income is None or spend is None or income.grand < 0 or spend.grand < 0:
            return None
        a = next(
            (v for j in income.columns if (v := _value(t.rows[income.grand], j)) is not None), None
        )
        b = _value(t.rows[spend.grand], spend.main)
        if a is None or b is None or a == b or abs(a - b) <= 2 * _half(t):
            return None
        return self.finding(
            locations=[_where(t, income.grand), _where(t, spend.grand)],
            evidence=evidence(
                quote="总计", stated=fmt(a), computed=fmt(b), formula="收入总计 = 支出总计"
            ),
            table=t.name,
            what="收入总计",
            what_en="收入总计 (income grand total)",
            stated=fmt(a),
            computed=fmt(b),
            formula="支出总计",
            unit=_unit(t),
        )

    def _fund(self, t: StandardTable) -> Iterator[Finding]:
        start = _columns(t, "年初")
        income = _columns(t, "本年收入")
        spend = [
            j
            for j in _columns(t, "本年支出")
            if len(_head(t, j)) == 1 or "小计" in _head(t, j) or "合计" in _head(t, j)
        ]
        end = _columns(t, "年末")
        if not (len(start) == len(income) == len(spend) == len(end) == 1):
            return
        a, b, c, e = start[0], income[0], spend[0], end[0]
        for i, row in enumerate(t.rows):
            figures = [_value(row, j) for j in (a, b, c, e)]
            if all(v is None for v in figures):
                continue
            v0, v1, v2, v3 = (v if v is not None else ZERO for v in figures)
            computed = v0 + v1 - v2
            if computed == v3 or abs(computed - v3) <= 4 * _half(t):
                continue
            formula = f"{fmt(v0)} + {fmt(v1)} − {fmt(v2)}"
            yield self.finding(
                locations=[_where(t, i)],
                evidence=evidence(
                    quote=_label(row), stated=fmt(v3), computed=fmt(computed), formula=formula
                ),
                table=t.name,
                what=f"「{_label(row)}」行年末结转和结余",
                what_en=f'row "{_label(row)}", 年末结转和结余 (balance carried forward)',
                stated=fmt(v3),
                computed=fmt(computed),
                formula=formula,
                unit=_unit(t),
            )


# ---------------------------------------------------------------------------------------------
# 功能分类 / 经济分类: 类 = Σ 款 = Σ 项; 合计 = Σ 类


def _coded(t: StandardTable) -> dict[str, int]:
    """The first row of each code."""
    out: dict[str, int] = {}
    for i, row in enumerate(t.rows):
        code = _code(row)
        if code is not None and code not in out:
            out[code] = i
    return out


@register
class ClassSum(_TableRule):
    """分类科目表中类必须等于所属款之和，款必须等于所属项之和，合计必须等于各类之和。

    功能分类 codes print 类 (3 digits), 款 (5) and 项 (7), 经济分类 codes 类 (3) and 款 (5):
    a 类 row is the sum of the 款 rows under it, a 款 row the sum of its 项 rows, and the 合计 row
    the sum of the 类 rows, in every figure column (收入决算表, 支出决算表, 一般公共预算财政拨款
    支出决算表, 基本支出决算表, 政府性基金 / 国有资本经营预算表). Source: 《政府收支分类科目》
    (财政部) and the 部门决算 template; 财预〔2016〕143号.
    """

    id = "TABLE-CLASS-SUM"
    title = "类、款、项金额与下级科目之和不符"
    title_en = "A 类 / 款 row differs from the sum of the rows under it"
    hint = "核对该科目及其下级科目的金额"
    hint_en = "correct the row or the rows under it"
    example = Example(
        '"code": "2080506", "label": "机关事业单位职业年金缴费支出", "values": [64.32',
        '"code": "2080506", "label": "机关事业单位职业年金缴费支出", "values": [64.42',
        note="收入决算表中的一个项，其款随之不符 / one 项 of 收入决算表: its 款 no longer adds up",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t in d.tables:
            if t.empty or not t.rows:
                continue
            yield from self._table(t)

    def _table(self, t: StandardTable) -> Iterator[Finding]:
        codes = _coded(t)
        if not codes:
            return
        width = max((len(r.values) for r in t.rows), default=0)
        for code, i in codes.items():
            below = [c for c in codes if len(c) > len(code) and c.startswith(code)]
            if not below:
                continue
            step = min(len(c) for c in below)
            children = [codes[c] for c in below if len(c) == step]
            for j in range(width):
                parts = _parts(t, children, j)
                if not parts:
                    continue
                found = self.sum_finding(t, i, j, parts)
                if found:
                    yield found
        total = _find(t, ("合计", "总计"))
        if total < 0 or _code(t.rows[total]) is not None:
            return
        classes = [i for c, i in codes.items() if len(c) == 3]
        for j in range(width):
            parts = _parts(t, classes, j)
            if not parts:
                continue
            found = self.sum_finding(t, total, j, parts)
            if found:
                yield found


# ---------------------------------------------------------------------------------------------
# Across columns: 合计 = its sibling columns


def _column_groups(t: StandardTable) -> list[tuple[int, list[int]]]:
    """(total column, its part columns) for every column headed 合计 / 小计 / 本年支出合计 …:
    the columns beside it under the same upper header (and the same lower cells, e.g. 预算数),
    a group with its own 小计 counted by that 小计."""
    heads = [_head(t, j) for j in range(len(t.columns))]
    out = []
    for j, head in enumerate(heads):
        at_ = next((k for k, cell in enumerate(head) if cell in _TOTAL_WORDS), -1)
        if at_ < 0:
            continue
        prefix, suffix = head[:at_], head[at_ + 1 :]
        groups: dict[str, list[int]] = {}
        for k, other in enumerate(heads):
            if k == j or len(other) <= at_ or other[:at_] != prefix or other[at_] in _TOTAL_WORDS:
                continue
            if suffix and other[len(other) - len(suffix) :] != suffix:
                continue
            if not suffix and len(other) > at_ + 1 and other[-1] in ("预算数", "决算数"):
                continue
            groups.setdefault(other[at_], []).append(k)
        parts = []
        for members in groups.values():
            if len(members) == 1:
                parts.extend(members)
                continue
            sub = [
                k for k in members if len(heads[k]) > at_ + 1 and heads[k][at_ + 1] in _TOTAL_WORDS
            ]
            parts.extend(sub[:1] if sub else members)
        if parts:
            out.append((j, sorted(parts)))
    return out


def _column_findings(rule: _TableRule, t: StandardTable) -> Iterator[Finding]:
    groups = _column_groups(t)
    if not groups:
        return
    for i, row in enumerate(t.rows):
        for j, parts in groups:
            if _value(row, j) is None:
                continue
            figures = [(i, v) for k in parts if (v := _value(row, k)) is not None]
            if _value(row, j) == sum((v for _, v in figures), ZERO):
                continue  # the usual case: no names built
            names = " + ".join(_column(t, k) for k in parts)
            where = f"「{_label(row)}」行" if row.label else ""
            where_en = f'row "{_label(row)}", ' if row.label else ""
            found = rule.sum_finding(
                t,
                i,
                j,
                figures,
                what=f"{where}「{_column(t, j)}」（{names}）",
                what_en=f'{where_en}column "{_column(t, j)}" ({names})',
            )
            if found:
                yield found


def _is_three_public(t: StandardTable) -> bool:
    return "三公" in t.name


@register
class ColumnSum(_TableRule):
    """合计列（小计列）必须等于同组各列之和。

    A column headed 合计, 小计, 本年收入合计 or 本年支出合计 adds up the columns beside it under
    the same header: 本年收入合计 = 财政拨款收入 + 上级补助收入 + … + 其他收入 (收入决算表);
    本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
    (支出决算表); 合计 = 一般公共预算财政拨款 + 政府性基金 + 国有资本经营 (财政拨款收入支出决算
    总表). Checked in every row. Source: the 部门决算 template; 财预〔2016〕143号.
    """

    id = "TABLE-COLUMN-SUM"
    title = "合计列与各列之和不符"
    title_en = "A total column differs from the columns it adds up"
    hint = "核对该行的合计数及各列金额"
    hint_en = "correct the row's total or its columns"
    example = Example(
        '"code": "2120104", "label": "城管执法", "values": [245.80, null, 245.80',
        '"code": "2120104", "label": "城管执法", "values": [245.80, null, 254.80',
        note="支出决算表中一行的项目支出 / the 项目支出 of a 支出决算表 row",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t in d.tables:
            if t.empty or not t.rows or _is_three_public(t):
                continue
            yield from _column_findings(self, t)


# ---------------------------------------------------------------------------------------------
# 基本支出: 人员经费 + 公用经费


@dataclass(frozen=True)
class _Cell:
    table: StandardTable
    row: int
    value: Decimal

    @property
    def location(self) -> Location:
        return _where(self.table, self.row)

    @property
    def wan(self) -> Decimal:
        return _wan(self.table, self.value)


def _first_value(row: TableRow) -> Decimal | None:
    return next((v for v in row.values if v is not None), None)


def _row_cell(t: StandardTable, names: Sequence[str]) -> _Cell | None:
    i = _find(t, names)
    if i < 0:
        return None
    v = _first_value(t.rows[i])
    return None if v is None else _Cell(t, i, v)


def _basic_tables(d: Disclosure) -> list[StandardTable]:
    return [t for t in d.tables if "基本支出" in t.name and not t.empty and t.rows]


@register
class BasicParts(_TableRule):
    """基本支出表中人员经费、公用经费合计必须等于其经济分类之和，并与支出表、正文一致。

    基本支出 is 人员经费 (经济分类 301 工资福利支出, 303 对个人和家庭的补助) plus 公用经费
    (302 商品和服务支出, 310 资本性支出 and the other classes). The 基本支出决算表 prints
    人员经费合计 and 公用经费合计 under the classes: each must be the sum of its classes, their
    sum must be the 基本支出 of the 合计 row of 一般公共预算财政拨款支出决算表, and the 人员经费 /
    公用经费 the text states must be the table's. Source: 《政府收支分类科目》(支出经济分类)
    and the 部门决算 template; 财预〔2016〕143号.
    """

    id = "TABLE-BASIC-PARTS"
    title = "基本支出与人员经费、公用经费不符"
    title_en = "Basic expenditure differs from personnel + public costs"
    hint = "核对人员经费合计、公用经费合计及基本支出"
    hint_en = "correct the personnel or public cost totals, or the basic expenditure"
    example = Example(
        '"label": "公用经费合计", "values": [null, 142.37]',
        '"label": "公用经费合计", "values": [null, 142.73]',
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t in _basic_tables(d):
            yield from self._table(d, t)

    def _table(self, d: Disclosure, t: StandardTable) -> Iterator[Finding]:
        codes = _coded(t)
        staff = [i for c, i in codes.items() if len(c) == 3 and c in _PERSONNEL_CLASSES]
        other = [i for c, i in codes.items() if len(c) == 3 and c not in _PERSONNEL_CLASSES]
        personnel = _find(t, ("人员经费合计", "人员经费"))
        public = _find(t, ("公用经费合计", "公用经费", "日常公用经费合计", "日常公用经费"))
        width = max((len(r.values) for r in t.rows), default=0)
        for row, members in ((personnel, staff), (public, other)):
            if row < 0 or not members:
                continue
            for j in range(width):
                if _value(t.rows[row], j) is None:
                    continue
                found = self.sum_finding(t, row, j, _parts(t, members, j))
                if found:
                    yield found
        p = _row_cell(t, ("人员经费合计", "人员经费"))
        q = _row_cell(t, ("公用经费合计", "公用经费", "日常公用经费合计", "日常公用经费"))
        if p is None or q is None:
            return
        total = _find(t, ("合计", "基本支出合计"))
        if total >= 0 and (v := _first_value(t.rows[total])) is not None:
            j = next(k for k, x in enumerate(t.rows[total].values) if x is not None)
            found = self.sum_finding(
                t,
                total,
                j,
                [(p.row, p.value), (q.row, q.value)],
                what="基本支出合计（人员经费合计 + 公用经费合计）",
                what_en="the basic expenditure total (personnel + public)",
                stated=v,
            )
            if found:
                yield found
        yield from self._against_spending(d, t, p, q)
        yield from self._against_text(d, p, q)

    def _against_spending(
        self, d: Disclosure, t: StandardTable, p: _Cell, q: _Cell
    ) -> Iterator[Finding]:
        for s in d.tables:
            if (
                s is t
                or "基本支出" in s.name
                or "一般公共预算" not in s.name
                or "支出" not in s.name
            ):
                continue
            if "三公" in s.name or "收入" in s.name:
                continue
            cols = _columns(s, "基本支出", without=("人员", "公用"))
            row = _find(s, ("合计",))
            if len(cols) != 1 or row < 0:
                continue
            basic = _value(s.rows[row], cols[0])
            if basic is None:
                continue
            stated = _wan(s, basic)
            parts = [p.wan, q.wan]
            computed = p.wan + q.wan
            if stated == computed or abs(stated - computed) <= _half_wan(s) + 2 * _half_wan(t):
                continue
            formula = _plus(parts)
            yield self.finding(
                locations=[_where(s, row), p.location, q.location],
                evidence=evidence(
                    quote="基本支出", stated=fmt(stated), computed=fmt(computed), formula=formula
                ),
                table=f"{s.name}、{t.name}",
                what=f"{s.name}「合计」行基本支出",
                what_en=f"the 基本支出 of the 合计 row of {s.name}",
                stated=fmt(stated),
                computed=fmt(computed),
                formula=formula,
                unit="万元",
            )

    def _against_text(self, d: Disclosure, p: _Cell, q: _Cell) -> Iterator[Finding]:
        b = d.expenditure.basic
        for cell, typed, name, field in (
            (p, b.personnel, "人员经费", "personnel"),
            (q, b.public, "公用经费", "public"),
        ):
            found = _typed_mismatch(self, cell, typed, b, f"expenditure.basic.{field}", name)
            if found:
                yield found


def _typed_mismatch(
    rule: _TableRule,
    cell: _Cell,
    typed: Decimal | None,
    node: Node,
    section: str,
    name: str,
) -> Finding | None:
    """A finding when the figure the text states (`typed`, 万元) is not the table's."""
    if typed is None:
        return None
    if typed == cell.wan:
        return None
    half = _half_wan(cell.table)
    if abs(typed - cell.wan) <= half + Decimal(5).scaleb(-places(typed) - 1):
        return None
    return rule.finding(
        locations=[at(node, section), cell.location],
        evidence=evidence(
            quote=_label(cell.table.rows[cell.row]),
            stated=fmt(typed),
            computed=fmt(cell.wan),
            formula=f"{cell.table.name}：{fmt(cell.value)} {_unit(cell.table)}",
        ),
        table=cell.table.name,
        what=f"正文所述{name}",
        what_en=f"the {name} the text states",
        stated=fmt(typed),
        computed=fmt(cell.wan),
        formula=f"表中{name}",
        unit="万元",
    )


# ---------------------------------------------------------------------------------------------
# “三公”经费


_THREE_PUBLIC_FIELDS = (
    "total",
    "overseas",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)


@register
class ThreePublicTable(_TableRule):
    """“三公”经费表合计必须等于各项之和，并与正文所述“三公”经费一致。

    财政拨款“三公”经费支出表 prints, for 预算数 and 决算数: 合计 = 因公出国（境）费 + 公务用车
    购置及运行费 + 公务接待费, and 公务用车购置及运行费 = 购置费 + 运行费. The figures the text
    states (three_public; for a 决算 the budget figures under budget_figures) must be the table's;
    where a 情况说明 sentence states the same figure against the same cell, NARR-THREE-PUBLIC
    reports it with the sentence and this rule does not report it again. A blank cell in a row
    that prints figures is 0. Source: 财预〔2016〕143号 (“三公”经费 are disclosed separately)
    and the 部门决算 template.
    """

    id = "TABLE-THREE-PUBLIC"
    title = "“三公”经费表合计与各项之和或正文不符"
    title_en = "The 三公 table's total differs from its items or from the text"
    hint = "核对“三公”经费表及正文中的“三公”经费"
    hint_en = "correct the 三公 table or the text"
    example = Example(
        '"values": [11.20, 10.50, 0.00, 0.00, 10.00, 9.64',
        '"values": [11.20, 10.50, 0.00, 0.00, 10.00, 9.46',
        note="“三公”经费表中公务用车的决算数 / the 三公 table's vehicle figures (final)",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        for t in d.tables:
            if t.empty or not t.rows or not _is_three_public(t):
                continue
            yield from _column_findings(self, t)
            yield from self._against_text(d, t)

    def _against_text(self, d: Disclosure, t: StandardTable) -> Iterator[Finding]:
        row = next((i for i, r in enumerate(t.rows) if any(v is not None for v in r.values)), -1)
        if row < 0:
            return
        budget_cols = _columns(t, "预算数")
        final_cols = _columns(t, "决算数")
        targets: list[tuple[Node | None, str, list[int]]] = []
        if d.kind == "final":
            figures = d.budget_figures.three_public if d.budget_figures else None
            targets.append((figures, "budget_figures.three_public", budget_cols))
            targets.append((d.three_public, "three_public", final_cols))
        else:
            every = list(range(len(t.columns)))
            targets.append((d.three_public, "three_public", budget_cols or every))
        fields = {j: three_public_field(_head(t, j)) for j in range(len(t.columns))}
        # A figure a 情况说明 sentence states against this same cell is NARR-THREE-PUBLIC's to
        # report (with the sentence): the typed field read from that sentence would say it twice.
        claims = read_narrative(d).amounts
        spoken = {(c.stated, c.cell.value) for c in claims if c.family == "three"}
        for node, section, cols in targets:
            if node is None or not cols:
                continue
            for field in _THREE_PUBLIC_FIELDS:
                typed = getattr(node, field)
                j = next((k for k in cols if fields[k] == field), -1)
                if typed is None or j < 0:
                    continue
                v = _value(t.rows[row], j)
                cell = _Cell(t, row, v if v is not None else ZERO)
                if (typed, cell.wan) in spoken:
                    continue
                name = f"“三公”经费（{_column(t, j)}）"
                found = _typed_mismatch(self, cell, typed, node, f"{section}.{field}", name)
                if found:
                    yield found


# ---------------------------------------------------------------------------------------------
# The same figure in two tables


@dataclass(frozen=True)
class _Fact:
    key: str
    name: str
    cell: _Cell
    column: int


def _facts(d: Disclosure) -> list[_Fact]:
    """The figures that more than one table prints, keyed by what they are."""
    out: list[_Fact] = []
    for t in d.tables:
        if not t.rows:
            continue
        sides = _sides(t)
        if sides:
            out.extend(_summary_facts(t, sides, "财政拨款" in t.name))
        else:
            out.extend(_table_facts(t))
    return out


#: (table names, fact key, fact name, header words of its column) for the 合计 row of a table.
_TOTALS: tuple[tuple[tuple[str, ...], str, str, tuple[str, ...]], ...] = (
    (("收入决算表", "收入总表"), "income", "本年收入合计", ("合计",)),
    (("收入决算表",), "fiscal-income", "财政拨款收入", ("财政拨款收入",)),
    (("支出决算表", "支出总表"), "spend", "本年支出合计", ("合计",)),
    (
        ("一般公共预算财政拨款支出决算表", "一般公共预算支出表"),
        "general-spend",
        "一般公共预算财政拨款支出",
        ("合计",),
    ),
    (
        ("政府性基金预算财政拨款收入支出决算表",),
        "fund-income",
        "政府性基金预算财政拨款收入",
        ("本年收入",),
    ),
    (
        ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出表"),
        "fund-spend",
        "政府性基金预算财政拨款支出",
        ("本年支出", "小计"),
    ),
)
#: Tables whose 类 rows (3-digit codes) repeat a 收支总表's rows, and the fact key prefix.
_CLASSES: dict[str, str] = {
    "支出决算表": "spend",
    "支出总表": "spend",
    "一般公共预算财政拨款支出决算表": "general-spend",
    "一般公共预算支出表": "general-spend",
}


def _total_columns(t: StandardTable) -> list[int]:
    """Columns headed 合计 (本年收入合计, 本年支出合计 …) at their top."""
    return [j for j in range(len(t.columns)) if (h := _head(t, j)) and h[0].endswith("合计")]


def _table_facts(t: StandardTable) -> list[_Fact]:
    out: list[_Fact] = []
    name = _std(t.name)
    total = _find(t, ("合计",))
    if total < 0 or _code(t.rows[total]) is not None:
        return out
    for names, key, label, words in _TOTALS:
        if name not in names:
            continue
        if key == "income" and _counts_carryover(t):
            key, label = "income-grand", "收入总计"
        cols = _total_columns(t) if words == ("合计",) else _columns(t, *words)
        if len(cols) == 1 and (v := _value(t.rows[total], cols[0])) is not None:
            out.append(_Fact(key, label, _Cell(t, total, v), cols[0]))
    prefix = _CLASSES.get(name)
    cols = _total_columns(t)
    if prefix is None or len(cols) != 1:
        return out
    for i, row in enumerate(t.rows):
        code = _code(row)
        if code is not None and len(code) == 3:
            v = _value(row, cols[0])
            label = _norm(row.label)
            out.append(_Fact(f"{prefix}:{label}", label, _Cell(t, i, v or ZERO), cols[0]))
    return out


#: A 预算 收入总表's column for the balance brought forward, which it counts as a source.
_CARRYOVER_HEADS = ("上年结转", "上年结转结余", "上年结转和结余")


def _counts_carryover(t: StandardTable) -> bool:
    """A 预算 部门收入总表 that prints 上年结转 beside its sources (合计 | 上年结转 |
    一般公共预算拨款 …): its 合计 is the 收支总表's 收入总计 (本年收入合计 + 上年结转), not its
    本年收入合计."""
    return any(
        _head(t, j)[:1] and _head(t, j)[0] in _CARRYOVER_HEADS for j in range(len(t.columns))
    )


def _summary_facts(t: StandardTable, sides: list[_Side], fiscal: bool) -> list[_Fact]:
    out: list[_Fact] = []
    income = next(s for s in sides if s.name == "收入")
    spend = next(s for s in sides if s.name == "支出")

    def put(key: str, name: str, i: int, j: int, zero: bool = False) -> None:
        v = _value(t.rows[i], j)
        if v is None and zero:
            v = ZERO
        if v is not None:
            out.append(_Fact(key, name, _Cell(t, i, v), j))

    put("fiscal-income" if fiscal else "income", "本年收入合计", income.total, income.main)
    if not fiscal and income.grand >= 0:
        put("income-grand", "收入总计", income.grand, income.main)
    general = [j for j in spend.columns if "一般公共预算" in "".join(_head(t, j))]
    fund = [j for j in spend.columns if "政府性基金" in "".join(_head(t, j))]
    if fiscal:
        if len(general) == 1:
            put("general-spend", "一般公共预算财政拨款支出", spend.total, general[0])
        if len(fund) == 1:
            put("fund-spend", "政府性基金预算财政拨款支出", spend.total, fund[0])
    else:
        put("spend", "本年支出合计", spend.total, spend.main)
    for i in range(min(income.total, spend.total)):
        row = t.rows[i]
        label = _norm(row.label)
        if any(_value(row, j) is not None for j in income.columns):
            if "政府性基金" in label:
                put("fund-income", label, i, income.main)
            continue
        if not label.endswith("支出"):
            continue
        if fiscal and len(general) == 1:
            put(f"general-spend:{label}", label, i, general[0], zero=True)
        elif not fiscal:
            put(f"spend:{label}", label, i, spend.main, zero=True)
    return out


@register
class CrossTable(_TableRule):
    """同一数字在两张表中必须一致。

    The standard tables print several figures twice: 本年收入合计 in 收入支出决算总表 and
    收入决算表; 本年支出合计 and each 类 in 收入支出决算总表 and 支出决算表; 一般公共预算财政
    拨款支出 and its 类 in 财政拨款收入支出决算总表 and 一般公共预算财政拨款支出决算表; 财政拨款
    收入 in 收入决算表 and 财政拨款收入支出决算总表; 政府性基金 in its own table and the 财政拨款
    总表. A 预算's 部门收入总表 that prints 上年结转 beside its sources counts it in its 合计: that
    is the 部门收支总表's 收入总计, not its 本年收入合计. Each pair is the same amount and must
    agree (within one unit of the last printed place: two tables may round the same amount in
    元 differently). Source: 财预〔2016〕143号
    and the 部门决算 template's 表间审核关系.
    """

    id = "TABLE-CROSS"
    title = "两张表中的同一数字不一致"
    title_en = "The same figure differs between two tables"
    message = "{name}：{table}为 {stated}，{other}为 {computed}（万元）"
    message_en = "{name}: {stated} in {table}, {computed} in {other} (万元)"
    hint = "核对两张表中的该数字"
    hint_en = "correct the figure in one of the two tables"
    example = Example(
        '"code": "210", "label": "卫生健康支出", "values": [52.18, 52.18, null]',
        '"code": "210", "label": "卫生健康支出", "values": [52.81, 52.81, null]',
        note="一般公共预算财政拨款支出决算表中的一个类 / a 类 of 一般公共预算财政拨款支出决算表",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        first: dict[str, _Fact] = {}
        for fact in _facts(d):
            seen = first.get(fact.key)
            if seen is None:
                first[fact.key] = fact
                continue
            if seen.cell.table is fact.cell.table:
                continue
            a, b = seen.cell, fact.cell
            if a.wan == b.wan or abs(a.wan - b.wan) <= _half_wan(a.table) + _half_wan(b.table):
                continue
            yield self.finding(
                locations=[a.location, b.location],
                evidence=evidence(
                    quote=seen.name,
                    stated=fmt(a.wan),
                    computed=fmt(b.wan),
                    formula=f"{a.table.name} = {b.table.name}",
                ),
                name=seen.name,
                table=a.table.name,
                other=b.table.name,
                stated=fmt(a.wan),
                computed=fmt(b.wan),
            )


# ---------------------------------------------------------------------------------------------
# The text's figures against the tables


@register
class StatedFigures(_TableRule):
    """正文所述收入、支出合计及基本支出、项目支出必须与表中数字一致。

    A 决算's 情况说明 states 本年收入合计 and its sources (财政拨款收入, 其他收入 …), 本年支出
    合计, 基本支出 and 项目支出; the model keeps them in income / expenditure. They are the 合计
    row of 收入决算表 and 支出决算表 (columns found by their headers) and must agree. A 预算's
    text states 收入总计 and 支出总计 with 上年结转 counted among the sources: they are the
    部门收支总表's 总计 rows (its 本年 合计 rows where it prints no 总计), and 基本支出 / 项目支出
    the 部门支出总表's 合计 row. Source: 财预〔2016〕143号 (公开的文字说明与报表一致).
    """

    id = "TABLE-STATED"
    title = "正文所述收支与表中数字不符"
    title_en = "The income or expenditure the text states differs from the tables"
    hint = "核对正文中的数字与表格"
    hint_en = "correct the text or the table"
    example = Example(
        '"total": 1784.80,',
        '"total": 1748.80,',
        note="正文所述本年支出合计 / the 本年支出合计 the text states",
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        if d.kind != "final":
            yield from self._budget(d)
            return
        income = next((t for t in d.tables if _std(t.name) == "收入决算表"), None)
        spend = next((t for t in d.tables if _std(t.name) == "支出决算表"), None)
        e = d.expenditure
        checks: list[tuple[StandardTable | None, str, Decimal | None, Node, str, str]] = [
            (income, "", d.income.total, d.income, "income.total", "本年收入合计"),
            (spend, "", e.total, e, "expenditure.total", "本年支出合计"),
            (spend, "基本支出", e.basic.amount, e.basic, "expenditure.basic.amount", "基本支出"),
            (
                spend,
                "项目支出",
                e.project.amount,
                e.project,
                "expenditure.project.amount",
                "项目支出",
            ),
        ]
        for k, s in enumerate(d.income.sources):
            section = f"income.sources[{k}].amount"
            checks.append((income, _norm(s.name), s.amount, s, section, s.name))
        yield from self._against(checks)

    def _budget(self, d: Disclosure) -> Iterator[Finding]:
        summary = next((t for t in d.tables if _std(t.name) == _std("部门收支总表")), None)
        if summary is not None and (sides := _sides(summary)):
            e = d.expenditure
            for side, typed, node, section in (
                ("收入", d.income.total, d.income, "income.total"),
                ("支出", e.total, e, "expenditure.total"),
            ):
                s = next(x for x in sides if x.name == side)
                row = s.grand if s.grand >= 0 else s.total
                v = _value(summary.rows[row], s.main)
                if v is None:
                    continue
                name = f"{side}总计" if s.grand >= 0 else f"本年{side}合计"
                found = _typed_mismatch(self, _Cell(summary, row, v), typed, node, section, name)
                if found:
                    yield found
        spend = next((t for t in d.tables if _std(t.name) == _std("部门支出总表")), None)
        e = d.expenditure
        parts = (("基本支出", "basic", e.basic), ("项目支出", "project", e.project))
        yield from self._against(
            [
                (spend, word, part.amount, part, f"expenditure.{key}.amount", word)
                for word, key, part in parts
            ]
        )

    def _against(
        self, checks: list[tuple[StandardTable | None, str, Decimal | None, Node, str, str]]
    ) -> Iterator[Finding]:
        """Each typed figure against the 合计 row of its table: the column `header` names, or
        the table's total column when `header` is empty."""
        for t, header, typed, node, section, name in checks:
            if t is None or typed is None:
                continue
            row = _find(t, ("合计",))
            if header:
                cols = [j for j in range(len(t.columns)) if _head(t, j)[:1] == [header]]
            else:
                cols = _total_columns(t)
            if row < 0 or len(cols) != 1 or (v := _value(t.rows[row], cols[0])) is None:
                continue
            found = _typed_mismatch(self, _Cell(t, row, v), typed, node, section, name)
            if found:
                yield found


# ---------------------------------------------------------------------------------------------
# Which tables are printed


def _expected(d: Disclosure) -> tuple[str, ...]:
    return FINAL_TABLES if d.kind == "final" else BUDGET_TABLES


def _wanted(d: Disclosure) -> dict[str, str]:
    return {_std(n): n for n in _expected(d)}


@register
class MissingTable(Rule):
    """公开了标准表的文件必须公开其类别的全部标准表。

    A 决算 discloses nine standard tables (收入支出决算总表 … 国有资本经营预算财政拨款收入支出
    决算表), a 预算 nine others (部门收支总表 … 国有资本经营预算支出表); a table with no figures is
    still printed, marked 本表无数据 (“空表也要公开并说明”). Checked only when the document prints
    standard tables at all. Source: 财预〔2016〕143号 (地方预决算公开操作规程) and the 部门决算 /
    部门预算 公开 templates.
    """

    id = "TABLE-MISSING"
    category = "table"
    severity = "warning"
    source = "财预〔2016〕143号（地方预决算公开操作规程）"
    title = "缺少标准表"
    title_en = "A standard table is missing"
    message = "{kind}应公开的标准表「{name}」未见于文件"
    message_en = "the standard {kind} table {name} is not in the document"
    hint = "补充公开该表；无数据时公开空表并注明“本表无数据”"
    hint_en = "publish the table; if it holds no figure, publish it empty, marked 本表无数据"
    example = Example(
        '"name": "国有资本经营预算财政拨款收入支出决算表"',
        '"name": "国有资本经营预算财政拨款收入支出表"',
        base="final",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        have = {_std(t.name) for t in d.tables}
        for key, name in _wanted(d).items():
            if key not in have:
                yield self.finding(
                    locations=[at(d.tables[0], "tables")],
                    evidence=evidence(quote=name),
                    kind=KIND_NAME.get(d.kind, d.kind),
                    name=name,
                )


@register
class ExtraTable(Rule):
    """文件中的表必须是其类别的标准表，且每张只出现一次。

    A table that is not one of the document's kind (a 预算 table such as 部门收支总表 in a 决算, or
    a name outside both lists) or one printed twice points at a mistaken template or a doubled
    page: the reader of the disclosure cannot tell which figures are meant. Source: 财预〔2016〕
    143号 and the 部门决算 / 部门预算 公开 templates.
    """

    id = "TABLE-EXTRA"
    category = "table"
    severity = "warning"
    source = "财预〔2016〕143号（地方预决算公开操作规程）"
    title = "非本类标准表或重复的表"
    title_en = "A table not of the document's kind, or printed twice"
    message = "表「{name}」{problem}"
    message_en = "table {name} {problem_en}"
    hint = "核对表名和表样是否用错，删除重复的表"
    hint_en = "check the table's name and template; remove the duplicate"
    example = Example('"name": "收入决算表"', '"name": "部门收入总表"', base="final")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables:
            return
        wanted = _wanted(d)
        seen: set[str] = set()
        kind = KIND_NAME.get(d.kind, d.kind)
        for k, t in enumerate(d.tables):
            key = _std(t.name)
            if key not in wanted:
                problem = f"不是{kind}的标准表"
                problem_en = f"is not a standard {kind} table"
            elif key in seen:
                problem, problem_en = "重复出现", "is printed twice"
            else:
                seen.add(key)
                continue
            yield self.finding(
                locations=[at(t, f"tables[{k}]")],
                evidence=evidence(quote=t.title or t.name),
                name=t.name,
                problem=problem,
                problem_en=problem_en,
            )


@register
class TableYear(Rule):
    """表名和表中的年度必须是文件的年度。

    A 2024 决算 prints 2024 tables: a table titled with another year, or a header or row naming a
    year other than the document's (the previous year is allowed beside it, as a comparison), is
    a table copied from another year's disclosure and not updated. Source: 财预〔2016〕143号
    (公开内容应真实、准确).
    """

    id = "TABLE-YEAR"
    category = "table"
    severity = "warning"
    source = "财预〔2016〕143号（地方预决算公开操作规程）"
    title = "表中年度与文件年度不符"
    title_en = "A table names a year other than the document's"
    message = "{table}的{where}为 {year} 年，文件年度为 {expected} 年"
    message_en = "{table}: its {where_en} says {year}, the document's year is {expected}"
    hint = "核对表名、表头年度是否已更新"
    hint_en = "update the year in the table's title or headers"
    example = Example(
        '"title": "收入支出决算总表"', '"title": "2023年度收入支出决算总表"', base="final"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.tables or d.year is None:
            return
        year = d.year
        for k, t in enumerate(d.tables):
            for m in _YEAR.finditer(t.title or ""):
                if int(m.group(1)) != year:
                    yield self._found(
                        t,
                        at(t, f"tables[{k}].title"),
                        t.title or "",
                        m.group(1),
                        "表名",
                        "title",
                        year,
                    )
            # (text, its row or -1 for a header, what it is)
            texts: list[tuple[str, int, str, str]] = []
            for j in range(len(t.columns)):
                texts.append(("|".join(t.columns[j]), -1, "表头", "header"))
            for i, row in enumerate(t.rows):
                if row.label:
                    texts.append((row.label, i, "行名", "row label"))
            for text, i, zh, en in texts:
                if "年" not in text:
                    continue
                for m in _YEAR.finditer(text):
                    y = int(m.group(1))
                    if y not in (year, year - 1):
                        yield self._found(
                            t,
                            _where(t, i) if i >= 0 else at(t, f"tables[{k}].columns"),
                            text,
                            m.group(1),
                            zh,
                            en,
                            year,
                        )

    def _found(
        self, t: StandardTable, where: Location, text: str, y: str, zh: str, en: str, year: int
    ) -> Finding:
        return self.finding(
            locations=[where],
            evidence=evidence(quote=" ".join(text.split()), stated=y, computed=str(year)),
            table=t.name,
            where=zh,
            where_en=en,
            year=y,
            expected=year,
        )
