"""References: the documents a project cites as its legal basis, and what its purpose states.

A project's 预算规模及资金用途 paragraph and its 指标值确定依据 (basis) column name the policy
documents the money rests on. A reviewer checks that one document is cited the same way
throughout a project, that every basis names something checkable, and that the paragraph's
own figures and subject belong to this project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ...model import Disclosure, Project
from ..finding import Finding, Location
from ..numbers import fmt, places
from ..rule import Example, Rule, at_indicator, at_project, evidence, register, shared


def _compact(text: str) -> str:
    """`text` without any white space (str.split is much faster than a regex here)."""
    return "".join(text.split())


def _rows(rows: list[int]) -> str:
    """1, 2, 3, 5 -> "1–3、5" (printed row numbers, 1-based)."""
    parts: list[str] = []
    start = prev = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == prev + 1:
            prev = row
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if row is not None:
            start = prev = row
    return "、".join(parts)


# --------------------------------------------------------------------------------------------
# REF-DOC-NUMBER

#: 《title》 followed by its 文号: (石高管字〔2020〕13号), [2017], 【2020】 all count.
_CITATION = re.compile(
    r"《(?P<title>[^《》]{2,120})》\s*[（(]?\s*"
    r"(?P<prefix>[^\s（()）《》〔〕\[\]【】，。；、]{0,12}?)\s*[〔\[【]\s*(?P<year>\d{4})\s*[〕\]】]"
    r"\s*第?\s*(?P<no>\d+)\s*号(?:\s*[)）])?"
)


_Number = tuple[str, str, str]
#: (title, (office prefix, year, number), printed citation)
_Citation = tuple[str, _Number, str]


@lru_cache(maxsize=4096)
def _citations(text: str) -> tuple[_Citation, ...]:
    """(title, (office prefix, year, number), printed citation) of each 《title》 + 文号 in
    `text`; a pure function of the cell, so repeated cells are parsed once."""
    return tuple(
        (
            _compact(m["title"]),
            (_compact(m["prefix"]), m["year"], m["no"].lstrip("0") or "0"),
            m[0].strip(),
        )
        for m in _CITATION.finditer(text)
    )


@dataclass
class _Cited:
    printed: str
    prefix: str
    year: str
    no: str
    places: list[str]
    #: 0 for the purpose paragraph, else the 1-based indicator row.
    rows: list[int]

    @property
    def number(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.no}号"


def _two_numbers(texts: list[tuple[int, tuple[_Citation, ...]]]) -> bool:
    """Whether some title is cited with two different numbers: without one, nothing in the
    project can conflict (most projects cite each document one way)."""
    seen: dict[str, _Number] = {}
    for _, citations in texts:
        for title, number, _ in citations:
            if seen.setdefault(title, number) != number:
                return True
    return False


def _conflicts(a: _Cited, b: _Cited) -> bool:
    if (a.year, a.no) != (b.year, b.no):
        return True
    return bool(a.prefix and b.prefix and a.prefix != b.prefix)


@register
class DocumentNumber(Rule):
    """同一项目内，同一文件（《》标题相同）引用了不同的文号或年份。

    A policy document has exactly one 文号 (issuing-office code, year in 〔〕 and number); it is
    how a reviewer finds the document. When one project cites the same title with two
    different numbers or years — in the purpose paragraph and the 指标值确定依据 column — at
    least one citation is wrong, usually a copy from another project (the seed's project 16
    cites its 疫情 measures as 石高管字〔2020〕13号 and as 〔2020〕14号, which is the number of the
    挂牌上市 measures). Source: the document's own citations; 财预〔2021〕101号 asks that every
    indicator value state a verifiable basis.
    """

    id = "REF-DOC-NUMBER"
    category = "reference"
    severity = "warning"
    title = "同一文件引用的文号不一致"
    title_en = "One document cited with different numbers"
    message = "项目 {project}：《{document}》被引用为 {variants}"
    message_en = "project {project}: 《{document}》 is cited as {variants_en}"
    hint = "核对文件原文的文号，统一各处引用"
    hint_en = "look up the document's real number and cite it the same way everywhere"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for refs in shared(d, _references):
            if _two_numbers(refs.cited):
                yield from self._project(refs.project, refs.cited)

    def _project(
        self, project: Project, texts: list[tuple[int, tuple[_Citation, ...]]]
    ) -> Iterator[Finding]:
        cited: dict[str, dict[tuple[str, str, str], _Cited]] = {}
        for row, citations in texts:
            place = f"第{row}行" if row else "资金用途"
            for title, key, printed in citations:
                entry = cited.setdefault(title, {}).get(key)
                if entry is None:
                    entry = _Cited(printed, *key, [], [])
                    cited[title][key] = entry
                if place not in entry.places:
                    entry.places.append(place)
                    entry.rows.append(row)
        for title, variants in cited.items():
            found = list(variants.values())
            if not any(_conflicts(a, b) for i, a in enumerate(found) for b in found[i + 1 :]):
                continue
            zh = "，".join(f"{c.number}（{'、'.join(c.places)}）" for c in found)
            en = ", ".join(
                f"{c.number} ({', '.join(_place_en(p) for p in c.places)})" for c in found
            )
            yield self.finding(
                locations=[_locate(project, row) for c in found for row in c.rows],
                evidence=evidence(
                    quote=" / ".join(c.printed for c in found),
                    stated=" / ".join(c.number for c in found),
                ),
                project=project.no,
                document=title,
                variants=zh,
                variants_en=en,
            )


def _locate(project: Project, row: int) -> Location:
    if row == 0:
        return at_project(project, f"projects[{project.no}].purpose")
    return at_indicator(project, row, project.indicators[row - 1])


def _place_en(place: str) -> str:
    if place == "资金用途":
        return "purpose"
    return "row " + place.removeprefix("第").removesuffix("行")


# --------------------------------------------------------------------------------------------
# REF-YEAR-DRIFT

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@register
class YearDrift(Rule):
    """同一项目的指标值确定依据除年份外完全相同，而年份逐行递增（表格下拉填充）。

    When the basis cells of one project read the same document except for a year that goes
    up by one from row to row (关于科技局 2021、2022、2023、2024、2025 年专项项目经费请示), the
    cells were filled by dragging a spreadsheet cell down: the spreadsheet incremented the
    year. Only one of those documents exists; the others cite requests that were never
    written. At least three consecutive rows counting up are required, so that two
    legitimately different years are not taken for a fill. Source: the document's own basis
    column.
    """

    id = "REF-YEAR-DRIFT"
    category = "reference"
    severity = "error"
    title = "依据中的年份逐行递增（下拉填充错误）"
    title_en = "Basis year counts up row by row (spreadsheet fill)"
    message = (
        "项目 {project}：指标值确定依据的年份逐行变为 {years}（第 {rows} 行），疑为表格下拉填充"
    )
    message_en = (
        "project {project}: the basis year runs {years} down rows {rows}, a spreadsheet fill error"
    )
    hint = "各行应引用同一文件，统一为正确年份"
    hint_en = "every row cites the same document: use its one correct year"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for refs in shared(d, _references):
            project = refs.project
            groups: dict[str, list[tuple[int, int, str]]] = {}
            for row, template, year, basis in refs.years:
                groups.setdefault(template, []).append((row, year, basis))
            for cells in groups.values():
                if not _counts_up(cells):
                    continue
                rows = [row for row, _, _ in cells]
                years_text = "、".join(str(y) for _, y, _ in cells)
                yield self.finding(
                    locations=[
                        at_indicator(project, row, project.indicators[row - 1]) for row in rows
                    ],
                    evidence=evidence(
                        quote=" / ".join(f"第{row}行：{text}" for row, _, text in cells),
                        stated=years_text,
                    ),
                    project=project.no,
                    years=years_text,
                    rows=_rows(rows),
                )


def _year_template(basis: str) -> tuple[str, int] | None:
    """The cell with its one year taken out, and that year; None without exactly one year."""
    compact = _compact(basis)
    years = _YEAR.findall(compact)
    if len(years) != 1:
        return None
    return _YEAR.sub("{y}", compact), int(years[0])


def _counts_up(cells: list[tuple[int, int, str]]) -> bool:
    """Three or more rows in a row (within the group) whose year goes up by one each time."""
    run = 1
    for (_, before, _), (_, after, _) in pairwise(cells):
        run = run + 1 if after == before + 1 else 1
        if run >= 3:
            return True
    return False


# --------------------------------------------------------------------------------------------
# REF-NO-DOCUMENT

#: A document or standard the basis names: a title in 《》, a 文号, a document-type ending, or
#: one of the value-setting standards of 财预〔2021〕101号.
_NAMES_DOCUMENT = re.compile(
    r"《[^》]+》"
    r"|[〔\[【]\s*\d{4}\s*[〕\]】]\s*\d+\s*号"
    r"|(?:请示|通知|方案|办法|意见|政策|条例|协议|协议书|纪要|报告|结论|规划|合同|规定|细则"
    r"|决定|批复|计划|函|要点|指引|指南|公告|通告|章程)"
    r"(?:\s*[（(][^）)]{0,10}[)）]?)?\s*(?=$|[\s、，,；;。/和及与])"
    r"|计划标准|行业标准|历史标准|其他标准|国家标准|计划指标|历史指标|行业指标"
)


def _names_document(basis: str) -> bool:
    return _NAMES_DOCUMENT.search(basis) is not None


@register
class NoDocument(Rule):
    """指标值确定依据没有指明任何文件或标准。

    财预〔2021〕101号 (项目支出绩效目标和指标设置及取值指引) asks that each indicator value
    state where it comes from: a policy document, a plan, or one of the recognised standards
    (计划标准, 行业标准, 历史标准, 其他标准). A basis such as 产出成效, 效益成效 or 满意度
    restates the indicator's category and gives the reviewer nothing to check the value
    against. Reported once per project, listing its rows.
    """

    id = "REF-NO-DOCUMENT"
    category = "reference"
    severity = "warning"
    title = "指标值确定依据未指明文件或标准"
    title_en = "Basis names no document or standard"
    message = "项目 {project}：第 {rows} 行的指标值确定依据（{bases}）未指明任何文件或标准"
    message_en = (
        "project {project}: the basis of rows {rows} ({bases}) names no document or standard"
    )
    hint = "写明取值所依据的文件（标题、文号）或标准类别（计划标准、行业标准、历史标准等）"
    hint_en = (
        "name the document (title, number) or the standard (计划标准, 行业标准, 历史标准 …) "
        "the value comes from"
    )
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for refs in shared(d, _references):
            project, bad = refs.project, refs.undocumented
            if not bad:
                continue
            rows = [row for row, _ in bad]
            distinct = list(dict.fromkeys(basis for _, basis in bad))
            yield self.finding(
                locations=[at_indicator(project, r, project.indicators[r - 1]) for r in rows],
                evidence=evidence(
                    quote=" / ".join(
                        f"{b}（第{_rows([r for r, x in bad if x == b])}行）" for b in distinct
                    )
                ),
                project=project.no,
                rows=_rows(rows),
                bases="、".join(distinct),
            )


# --------------------------------------------------------------------------------------------
# REF-PURPOSE-AMOUNT

_PURPOSE_TOTAL = re.compile(
    r"共(?:计)?\s*(?:预算)?\s*(?:资金|经费)?\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*万元"
)


def _last_total(purpose: str) -> re.Match[str] | None:
    """The last 共(计) … 万元 of the paragraph (not the 共 of 公共 or 一共)."""
    at_gong = purpose.rfind("共")
    while at_gong >= 0:
        if purpose[at_gong - 1 : at_gong] not in ("公", "一"):
            m = _PURPOSE_TOTAL.match(purpose, at_gong)
            if m:
                return m
        at_gong = purpose.rfind("共", 0, at_gong)
    return None


@lru_cache(maxsize=1024)
def _stated_total(purpose: str) -> tuple[Decimal, str] | None:
    """The amount and the printed words of the paragraph's last 共(计) … 万元, or None; a pure
    function of the paragraph, parsed once."""
    if "共" not in purpose:
        return None
    last = _last_total(purpose)
    if last is None:
        return None
    try:
        return Decimal(last["amount"].replace(",", "")), last[0]
    except InvalidOperation:  # pragma: no cover - the pattern only takes digits
        return None


def _coarse(value: Decimal, digits: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@register
class PurposeAmount(Rule):
    """资金用途段落所说的经费总额与项目预算数不符。

    The purpose paragraph closes with a plan sentence (以上专项经费共计 … 万元，其中 …) that
    restates the project's money; the table prints the same money as 预算数. The two are
    compared to the coarser of the two printed precisions (7666.475 and 7666.48 agree; so do
    2.0083 and 2.01), so that only a real difference — a copied sentence, a changed budget
    not carried into the text — is reported. Source: the document's own table and prose;
    财预〔2016〕143号 requires the disclosed figures to agree.
    """

    id = "REF-PURPOSE-AMOUNT"
    category = "reference"
    severity = "warning"
    title = "资金用途所述金额与预算数不符"
    title_en = "Purpose paragraph amount differs from the budget"
    message = "项目 {project}：资金用途写明共 {stated} 万元，而预算数为 {amount} 万元"
    message_en = (
        "project {project}: the purpose paragraph states {stated} 万元, the budget is {amount} 万元"
    )
    hint = "核对预算数或资金用途段落中的金额"
    hint_en = "correct the budget or the amount in the purpose paragraph"
    example = Example("以上专项经费共计42.4万元", "以上专项经费共计24.2万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project in d.projects:
            amount, purpose = project.amount, project.purpose
            if amount is None or not purpose:
                continue
            total = _stated_total(purpose)
            if total is None:
                continue
            stated, quote = total
            if stated == amount:
                continue
            digits = min(places(stated), places(amount))
            if _coarse(stated, digits) == _coarse(amount, digits):
                continue
            yield self.finding(
                locations=[at_project(project, f"projects[{project.no}].purpose")],
                evidence=evidence(
                    quote=quote,
                    stated=fmt(stated),
                    computed=fmt(project.amount),
                    formula="预算数 / budget",
                ),
                project=project.no,
                stated=fmt(stated),
                amount=fmt(project.amount),
            )


# --------------------------------------------------------------------------------------------
# REF-OTHER-PROJECT

_SUBJECT_TAIL = re.compile(r"(?:经费|资金|项目|专项)?(?:主要)?用于")


@register
class OtherProject(Rule):
    """资金用途段落以本部门另一个项目的名称为主语（复制粘贴）。

    A purpose paragraph that starts with, or says "X经费主要用于" of, another project of the
    same disclosure describes that project's money, not its own: the paragraph was copied and
    only partly rewritten (the seed's project 17 科技创新业务培训 starts
    "科技创新考察学习经费主要用于…", the name of project 5). A name merely mentioned in passing
    (双创活动经费 auditing the 孵化器入驻企业房租补贴 applications) is not reported, nor a name
    that is part of the project's own name. Source: the document's own project list.
    """

    id = "REF-OTHER-PROJECT"
    category = "reference"
    severity = "warning"
    title = "资金用途描述的是另一个项目"
    title_en = "Purpose paragraph describes another project"
    message = "项目 {project}（{name}）的资金用途以项目 {other}「{other_name}」为主语，疑为复制"
    message_en = (
        "project {project} ({name}): its purpose paragraph is about project {other} "
        "「{other_name}」, probably copied"
    )
    hint = "改写资金用途，说明本项目资金的用途"
    hint_en = "rewrite the purpose paragraph for this project's own money"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        with_purpose = [p for p in d.projects if p.purpose]
        if not with_purpose:
            return
        names = [_compact_field(p.name or "") for p in d.projects]
        # A name can only be a paragraph's subject at its start or just before …用于, a few
        # places per paragraph: each project's name is looked up there by its first or last
        # four characters (every name has at least four) instead of being searched for in
        # every paragraph. These are candidates; `_as_subject` decides, as before.
        firsts: dict[str, list[int]] = {}
        lasts: dict[str, list[int]] = {}
        for k, name in enumerate(names):
            if len(name) >= 4:
                firsts.setdefault(name[:4], []).append(k)
                lasts.setdefault(name[-4:], []).append(k)
        slots = [_subject_slots(p.purpose or "") for p in with_purpose]
        hits: dict[int, set[int]] = {}  # a project's index -> the paragraphs naming it
        for i, (text, ends) in enumerate(slots):
            for k in firsts.get(text[:4], ()):
                if text.startswith(names[k]):
                    hits.setdefault(k, set()).add(i)
            for end in ends:
                for k in lasts.get(text[end - 4 : end], ()) if end >= 4 else ():
                    if text.endswith(names[k], 0, end):
                        hits.setdefault(k, set()).add(i)
        for k in sorted(hits):
            other, name = d.projects[k], names[k]
            for i in sorted(hits[k]):
                project = with_purpose[i]
                if project is other or name in _compact_field(project.name or ""):
                    continue
                quote = _as_subject(slots[i][0], name)
                if quote is None:
                    continue
                yield self.finding(
                    locations=[
                        at_project(project, f"projects[{project.no}].purpose"),
                        at_project(other, f"projects[{other.no}].name"),
                    ],
                    evidence=evidence(quote=quote, stated=other.name),
                    project=project.no,
                    name=project.name,
                    other=other.no,
                    other_name=other.name,
                )


@lru_cache(maxsize=1024)
def _compact_field(text: str) -> str:
    return _compact(text)


@lru_cache(maxsize=1024)
def _subject_slots(purpose: str) -> tuple[str, tuple[int, ...]]:
    """The paragraph without white space, and the offsets in it where …用于 follows (what a
    subject is followed by); a pure function of the paragraph."""
    text = _compact(purpose)
    ends: set[int] = set()
    use = text.find("用于")
    while use >= 0:
        # the tail is 用于 after at most two two-character words (经费 / 资金 … and 主要)
        ends.update(e for e in (use, use - 2, use - 4) if e >= 0 and _SUBJECT_TAIL.match(text, e))
        use = text.find("用于", use + 1)
    return text, tuple(sorted(ends))


def _as_subject(purpose: str, name: str) -> str | None:
    """The printed words where `name` is the paragraph's subject, or None."""
    start = purpose.find(name)
    while start >= 0:
        end = start + len(name)
        tail = _SUBJECT_TAIL.match(purpose, end)
        if start == 0 or tail:
            stop = tail.end() if tail else end
            return purpose[start : min(len(purpose), stop + 6 if not tail else stop)]
        start = purpose.find(name, end)
    return None


# --------------------------------------------------------------------------------------------
# One pass over the cells the REF rules read


class _BasisCell(NamedTuple):
    """What the REF rules take from one 指标值确定依据 cell."""

    #: the cell's 《title》 + 文号 citations (REF-DOC-NUMBER)
    citations: tuple[_Citation, ...]
    #: the cell without its one year, and that year (REF-YEAR-DRIFT)
    year: tuple[str, int] | None
    #: the stripped cell when it names no document or standard (REF-NO-DOCUMENT)
    undocumented: str | None


@lru_cache(maxsize=4096)
def _basis_cell(basis: str) -> _BasisCell | None:
    """The facts of one non-empty basis cell, None when it has none of them (most cells): a
    pure function of the cell, so a cell repeated across rows, projects and runs is read once."""
    citations = _citations(basis) if "号" in basis and "《" in basis else ()
    year = _year_template(basis)
    stripped = basis.strip()
    undocumented = stripped if stripped and not _names_document(stripped) else None
    if not citations and year is None and undocumented is None:
        return None
    return _BasisCell(citations, year, undocumented)


@dataclass
class _ProjectRefs:
    project: Project
    #: (row, citations) of the texts citing a 《title》 with its 文号; row 0 is the purpose.
    cited: list[tuple[int, tuple[_Citation, ...]]]
    #: (row, cell without its year, year, cell) of the basis cells printing one year.
    years: list[tuple[int, str, int, str]]
    #: (row, stripped cell) of the basis cells naming no document or standard.
    undocumented: list[tuple[int, str]]


def _references(d: Disclosure) -> list[_ProjectRefs]:
    """The projects whose purpose or basis cells give any REF rule something to look at, in
    document order. Built once per engine run (`shared`): three rules would otherwise each
    walk every indicator row of every project and read its basis through the model."""
    out: list[_ProjectRefs] = []
    for project in d.projects:
        cited: list[tuple[int, tuple[_Citation, ...]]] = []
        purpose = project.purpose
        if purpose and "号" in purpose and "《" in purpose:
            found = _citations(purpose)
            if found:
                cited.append((0, found))
        years: list[tuple[int, str, int, str]] = []
        undocumented: list[tuple[int, str]] = []
        for row, indicator in enumerate(project.indicators, 1):
            basis = indicator.basis
            if not basis:
                continue
            cell = _basis_cell(basis)
            if cell is None:
                continue
            if cell.citations:
                cited.append((row, cell.citations))
            if cell.year is not None:
                years.append((row, *cell.year, basis))
            if cell.undocumented is not None:
                undocumented.append((row, cell.undocumented))
        if cited or years or undocumented:
            out.append(_ProjectRefs(project, cited, years, undocumented))
    return out
