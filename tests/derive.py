"""Documents derived from the seed by text transformations, and the values they imply.

The reader must read other departments' disclosures of the same template "without code
changes". Each function below is one small, pure transformation of the seed text (`str -> str`,
or `str -> bytes` for the encodings) that such another disclosure could plausibly show. The
expected values come from the transformation itself, never from running the reader.

A transformation that does not find the text it means to change raises `AssertionError`, so a
derived document never silently equals the seed.
"""

from __future__ import annotations

import codecs
import copy
import random
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from importlib.resources import files
from typing import Any

SEED_FILE = "seed-2021-shijiazhuang-gaoxin-keji.txt"
#: The `name=` every test passes to `yusuan.read`, so that `_source` places compare equal.
SEED_NAME = SEED_FILE


def load_seed_bytes() -> bytes:
    """The seed as shipped in the package data (`yusuan/data/`)."""
    return (files("yusuan") / "data" / SEED_FILE).read_bytes()


def load_seed_text() -> str:
    return load_seed_bytes().decode("utf-8")


# --------------------------------------------------------------------------------------------
# Comparing readings


def strip_source(obj: Any) -> Any:
    """`obj` (canonical JSON data) without any `_source` key: exports compare without them."""
    if isinstance(obj, dict):
        return {k: strip_source(v) for k, v in obj.items() if k != "_source"}
    if isinstance(obj, list):
        return [strip_source(v) for v in obj]
    return obj


def plain(disclosure: Any) -> dict[str, Any]:
    """A reading as canonical JSON data without `_source`."""
    from yusuan.export import to_dict

    return strip_source(to_dict(disclosure))  # type: ignore[no-any-return]


def map_strings(obj: Any, fn: Callable[[str], str]) -> Any:
    """`obj` with `fn` applied to every string (values and keys): the reading of a document
    to which a pure string substitution was applied, when the substitution cannot meet the
    reader's whitespace normalisation (it neither makes nor removes white space)."""
    if isinstance(obj, dict):
        return {(fn(k) if isinstance(k, str) else k): map_strings(v, fn) for k, v in obj.items()}
    if isinstance(obj, list):
        return [map_strings(v, fn) for v in obj]
    if isinstance(obj, str):
        return fn(obj)
    return obj


def _sub1(text: str, old: str, new: str) -> str:
    """Replace the one occurrence of `old`; fail if there is not exactly one."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times"
    return text.replace(old, new)


# --------------------------------------------------------------------------------------------
# Project blocks: the 项目绩效目标表 from its "N、…绩效目标表" heading to the next heading.

_PROJECT_HEADING = re.compile(r"^#*\s*(\d+)、.*绩效目标表\s*$")


def _is_heading(line: str) -> bool:
    return line.startswith("#") or bool(_PROJECT_HEADING.match(line))


def split_projects(text: str) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """(lines before the first project, [(no, block lines)], lines after the last project).

    A block runs from its heading to the line before the next heading of any kind (the
    seed's project tables hold no heading marks), so it keeps its trailing blank line."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _PROJECT_HEADING.match(line)]
    assert starts, "no project headings"
    head = lines[: starts[0]]
    blocks: list[tuple[int, list[str]]] = []
    end = len(lines)
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else None
        if stop is None:
            stop = next(
                (i for i in range(start + 1, len(lines)) if _is_heading(lines[i])), len(lines)
            )
            end = stop
        match = _PROJECT_HEADING.match(lines[start])
        assert match
        blocks.append((int(match.group(1)), lines[start:stop]))
    return head, blocks, lines[end:]


def join_projects(head: list[str], blocks: Iterable[tuple[int, list[str]]], tail: list[str]) -> str:
    out = list(head)
    for _, block in blocks:
        out.extend(block)
    out.extend(tail)
    return "\n".join(out)


def in_project(text: str, no: int, fn: Callable[[str], str]) -> str:
    """Apply `fn` to the text of project `no`'s block only (the seed repeats many cells)."""
    head, blocks, tail = split_projects(text)
    assert any(n == no for n, _ in blocks), f"no project {no}"
    changed = [(n, fn("\n".join(b)).split("\n") if n == no else b) for n, b in blocks]
    return join_projects(head, changed, tail)


# --------------------------------------------------------------------------------------------
# (a) Another department and year.

OTHER_NAME = "石家庄高新技术产业开发区财政局"
OTHER_SHORT = "高新区财政局"
OTHER_CODE = "412"
OTHER_YEAR = 2023
OTHER_TITLE = "高新区财政局 2023 年部门预算信息公开 情况说明"


def rename_department(text: str) -> str:
    """Another department of the same 管委会 and two years later: the full name, the short
    name of the title, the department code (306 -> 412, unit 306001 -> 412001) and the years
    2021 -> 2023, 2020 -> 2022 (the seed's only other 4-digit years are document numbers
    such as 〔2019〕 and are left alone; 2022 … 2025 in project 17 stay as they are).

    It is a pure string substitution that makes no white space, so it also maps every string
    of the seed's reading to the derived reading's (see `expected_renamed`)."""
    text = text.replace("石家庄高新技术产业开发区科学技术局", OTHER_NAME)
    text = text.replace("高新区科技局", OTHER_SHORT)
    text = re.sub(r"(?<!\d)306(001)? (?=石家庄高新技术产业开发区)", OTHER_CODE + r"\1 ", text)
    text = re.sub(r"(?<!\d)2021(?!\d)", "2023", text)
    return re.sub(r"(?<!\d)2020(?!\d)", "2022", text)


def expected_renamed(seed_plain: dict[str, Any]) -> dict[str, Any]:
    """The seed's reading (without `_source`) as `rename_department` changes it."""
    out: dict[str, Any] = map_strings(seed_plain, rename_department)
    out["year"] = OTHER_YEAR
    out["department"]["code"] = OTHER_CODE
    return out


# --------------------------------------------------------------------------------------------
# (b) Other figures. Each change keeps the table and the prose in agreement unless it says so.

INCOME_OLD = (
    "本年收入总计 44999 万元，比上年增长 4606.21 万元，增长 11.4%。其中：一般公共预算拨款 "
    "44419 万元，比上年增长 4026.21 万元，增长 9.97%，占全年预算 98.71%"
)
INCOME_NEW = (
    "本年收入总计 45999 万元，比上年增长 5606.21 万元，增长 13.89%。其中：一般公共预算拨款 "
    "45419 万元，比上年增长 5026.21 万元，增长 12.44%，占全年预算 98.74%"
)
P1_PURPOSE_CHANGES = (
    ("以上专项经费共计42.4万元", "以上专项经费共计52.4万元"),
    ("6月底前支出60%，10月底前支出60%", "6月底前支出70%，10月底前支出80%"),
)


def change_figures(text: str) -> str:
    """Other amounts in the same sentences and cells; see `expected_figures` for the values.

    - income: total, change and rate, the 一般公共预算拨款 figures, and 上年结转 (580 -> 590)
      in the income sentence only (the expenditure sentence repeats it);
    - expenditure: 人员经费 / 日常公用经费 663.2 / 31.97 -> 600.8 / 94.37 (same 基本支出);
    - 机关运行经费 31.97 -> 94.37 and "增加了6.37" -> "减少了6.37" (a decrease: change -6.37);
    - 三公经费 total and 公务接待费 2 -> 3.5;
    - project 1: 预算数 / 财政资金 / 其他资金 42.40 / 42.40 / 0 -> 52.40 / 50.00 / 2.40, its
      plan cells 60/60 -> 70/80 and the prose sentence with them;
    - project 8: 预算数 and 财政资金 20000.00 -> 18000.00 and the prose 20000 -> 18000;
    - indicator values: project 2 "≤180天" -> "≤90天", project 4 "≥20 个" -> "≥25 个",
      project 12 "按季度" (qualitative) -> "≥4次" (quantitative);
    - the first procurement item: quantity 11 -> 12, amounts 11.00 -> 12.00.
    """
    text = _sub1(text, INCOME_OLD, INCOME_NEW)
    text = _sub1(text, "较上年无变化；上年结转 580 万元", "较上年无变化；上年结转 590 万元")
    text = _sub1(
        text,
        "其中人员经费 663.2 万元，日常公用经费 31.97 万元",
        "其中人员经费 600.8 万元，日常公用经费 94.37 万元",
    )
    text = _sub1(
        text,
        "机关运行经费支出预算31.97万元，较上年增加了6.37万元",
        "机关运行经费支出预算94.37万元，较上年减少了6.37万元",
    )
    text = _sub1(text, "“三公”经费预算安排2万元", "“三公”经费预算安排3.5万元")
    text = _sub1(text, "公务接待费2万元，较上年相同", "公务接待费3.5万元，较上年相同")

    def project1(block: str) -> str:
        block = _sub1(
            block,
            "预算数\t42.40\t其中：财政资金\t42.40\t其他资金\t0",
            "预算数\t52.40\t其中：财政资金\t50.00\t其他资金\t2.40",
        )
        for old, new in P1_PURPOSE_CHANGES:
            block = _sub1(block, old, new)
        return _sub1(block, "\t\t\t60.00%\t60.00%\t100.00%\t", "\t\t\t70.00%\t80.00%\t100.00%\t")

    def project8(block: str) -> str:
        block = _sub1(
            block,
            "预算数\t20000.00\t其中：财政资金\t20000.00",
            "预算数\t18000.00\t其中：财政资金\t18000.00",
        )
        return _sub1(block, "预算资金 20000 万元", "预算资金 18000 万元")

    text = in_project(text, 1, project1)
    text = in_project(text, 8, project8)
    text = in_project(text, 2, lambda b: _sub1(b, "\t≤180天\t", "\t≤90天\t"))
    text = in_project(text, 4, lambda b: _sub1(b, "\t≥20 个\t", "\t≥25 个\t"))
    text = in_project(text, 12, lambda b: _sub1(b, "\t按季度\t", "\t≥4次\t"))
    return _sub1(text, "A0999\t批\t11\t1.00\t11.00\t11.00", "A0999\t批\t12\t1.00\t12.00\t12.00")


def _d(value: str) -> Decimal:
    return Decimal(value)


def expected_figures(seed_plain: dict[str, Any]) -> dict[str, Any]:
    """The seed's reading (without `_source`) with exactly the values `change_figures` changes."""
    out = copy.deepcopy(seed_plain)
    income = out["income"]
    income.update(total=_d("45999"), change=_d("5606.21"), growth_pct=_d("13.89"))
    general = income["sources"][0]
    assert general["key"] == "general_budget"
    general.update(
        amount=_d("45419"), change=_d("5026.21"), growth_pct=_d("12.44"), share_pct=_d("98.74")
    )
    carryover = income["sources"][-1]
    assert carryover["key"] == "carryover"
    carryover["amount"] = _d("590")
    out["expenditure"]["basic"].update(personnel=_d("600.8"), public=_d("94.37"))
    out["operating_costs"].update(amount=_d("94.37"), change=_d("-6.37"))
    out["three_public"].update(total=_d("3.5"), reception=_d("3.5"))

    p1 = out["projects"][0]
    p1.update(amount=_d("52.40"), fiscal=_d("50.00"), other=_d("2.40"))
    for old, new in P1_PURPOSE_CHANGES:
        p1["purpose"] = p1["purpose"].replace(old, new)
    p1["plan"].update({"6": _d("70"), "10": _d("80")})

    p8 = out["projects"][7]
    p8.update(amount=_d("18000"), fiscal=_d("18000"))
    p8["purpose"] = p8["purpose"].replace("预算资金 20000 万元", "预算资金 18000 万元")

    ind = out["projects"][1]["indicators"][2]
    ind["value"] = "≤90天"
    ind["parsed"]["number"] = _d("90")
    ind = out["projects"][3]["indicators"][0]
    ind["value"] = "≥25 个"
    ind["parsed"]["number"] = _d("25")
    ind = out["projects"][11]["indicators"][2]
    ind["value"] = "≥4次"
    ind["parsed"] = {"kind": "quantitative", "comparator": "≥", "number": _d("4"), "unit": "次"}

    item = out["procurement"]["items"][0]
    item.update(quantity=_d("12"), amount=_d("12"), general_budget=_d("12"))
    return out


def plan_conflict(text: str) -> str:
    """Project 9's 10 月底 cell says 70% while its prose still says 60%: the table wins and
    the disagreement is recorded as {"field": "plan.10", "table": 70, "prose": 60}."""
    return in_project(
        text,
        9,
        lambda b: _sub1(b, "\t\t\t60.00%\t60.00%\t100.00%\t", "\t\t\t60.00%\t70.00%\t100.00%\t"),
    )


def income_decrease(text: str) -> str:
    """Income that fell: "比上年减少 … 万元，下降 …%" states a negative change and rate."""
    return _sub1(
        text,
        "本年收入总计 44999 万元，比上年增长 4606.21 万元，增长 11.4%",
        "本年收入总计 44999 万元，比上年减少 4606.21 万元，下降 11.4%",
    )


SECOND_UNIT = ("石家庄高新区科技服务中心", "事业", "正科级", "财政补助")
SECOND_UNIT_CODE = "306002 石家庄高新区科技服务中心"


def second_unit(text: str) -> str:
    """A department with a second (事业) unit in its 机构设置 table, and project 5 budgeted
    by that unit instead of 306001 本级."""
    text = _sub1(
        text,
        "石家庄高新技术产业开发区科学技术局\t行政\t正科级\t财政拨款",
        "石家庄高新技术产业开发区科学技术局\t行政\t正科级\t财政拨款\n" + "\t".join(SECOND_UNIT),
    )
    return in_project(
        text,
        5,
        lambda b: _sub1(b, "306001 石家庄高新技术产业开发区科学技术局本级", SECOND_UNIT_CODE),
    )


# --------------------------------------------------------------------------------------------
# (c) Fewer projects, (i) another order.

KEEP = (1, 4, 8, 21, 34)
#: no -> (code, name, 预算数) of the projects `KEEP` keeps, as hand-read from the seed.
KEPT = {
    1: ("1301902101PDD8ZPY4KBQ", "科技保险保费补贴", Decimal("42.40")),
    4: ("130190213GKIC4938U9MA", "生物医药产业发展扶持资金", Decimal("7666.48")),
    8: ("13019021AG00F4BAL64BQ", "科技金融集团投资资金", Decimal("20000.00")),
    21: ("13019021M27G3K3IPQ313", "科技型中小企业认定奖励资金", Decimal("1835.00")),
    34: ("13019021ZL8Y5V824ZH3U", "科技政策汇编及非法集资宣传经费", Decimal("5.00")),
}


def keep_projects(text: str, keep: Iterable[int] = KEEP) -> str:
    """A department with fewer projects: only the tables numbered in `keep` remain, with their
    printed numbers (the reader takes `no` from the heading, it does not count)."""
    wanted = set(keep)
    head, blocks, tail = split_projects(text)
    return join_projects(head, [(n, b) for n, b in blocks if n in wanted], tail)


def renumber_projects(text: str) -> str:
    """The project headings numbered 1, 2, 3 … in document order (after `keep_projects`, a
    department whose own tables are numbered consecutively)."""
    head, blocks, tail = split_projects(text)
    renumbered = []
    for k, (_, block) in enumerate(blocks, start=1):
        first = re.sub(r"^(#*\s*)\d+、", rf"\g<1>{k}、", block[0])
        renumbered.append((k, [first, *block[1:]]))
    return join_projects(head, renumbered, tail)


SHUFFLE_SEED = 20210306


def shuffle_projects(text: str, seed: int = SHUFFLE_SEED) -> str:
    """The project tables in another order (a fixed pseudo-random permutation). Nothing in the
    template ties a table's place to its number, so each keeps its printed `no`."""
    head, blocks, tail = split_projects(text)
    random.Random(seed).shuffle(blocks)
    return join_projects(head, blocks, tail)


def project_order(text: str) -> list[int]:
    """The printed numbers of the project tables in document order."""
    return [n for n, _ in split_projects(text)[1]]


# --------------------------------------------------------------------------------------------
# (d) Other heading depths: depth carries no meaning, so every variant reads as the seed.

_HEADING = re.compile(r"^#+[ \t]*", re.M)


def headings_at(text: str, depth: int) -> str:
    """Every markdown heading at one depth (`#` … `######`)."""
    return _HEADING.sub("#" * depth + " ", text)


def headings_random(text: str, seed: int = 2021) -> str:
    """Every markdown heading at a pseudo-random depth 1–6 (fixed seed)."""
    rng = random.Random(seed)
    return _HEADING.sub(lambda _m: "#" * rng.randint(1, 6) + " ", text)


def project_headings_bare(text: str) -> str:
    """The project headings ("## 1、科技保险保费补贴绩效目标表") printed without `#` at all,
    as a converter that did not recognise them as headings would print them."""
    return re.sub(r"^#+[ \t]*(?=\d+、.*绩效目标表[ \t]*$)", "", text, flags=re.M)


def headings_bare(text: str) -> str:
    """No heading marks at all: every heading a plain line. The values read as the seed's;
    only `_source` places may point at a heading line instead of the line below it."""
    return _HEADING.sub("", text)


# --------------------------------------------------------------------------------------------
# (e)–(g) Encodings and newlines: the same text, so the same reading, `_source` lines included.


def to_gb18030(text: str) -> bytes:
    """The GB18030 encoding Chinese government sites still publish."""
    return text.encode("gb18030")


def to_crlf(text: str) -> str:
    """Windows newlines."""
    return text.replace("\n", "\r\n")


def to_cr(text: str) -> str:
    """Classic Mac newlines (docs/reading.md: LF, CRLF or CR)."""
    return text.replace("\n", "\r")


def with_bom(text: str) -> bytes:
    """UTF-8 with a byte-order mark, as Windows Notepad saves it."""
    return codecs.BOM_UTF8 + text.encode("utf-8")


def to_utf16(text: str) -> bytes:
    """UTF-16 with BOM (docs/reading.md lists it)."""
    return text.encode("utf-16")


# --------------------------------------------------------------------------------------------
# (h) <b> markup: around cells is markup, not text.

BOLD_PROJECTS = (1, 3, 8, 21, 34)
SEED_BOLD_PROJECTS = (22, 24)


def _bold_line(line: str) -> str:
    if "\t" not in line:
        return line
    return "\t".join(f"<b>{c}</b>" if c.strip() and "<b>" not in c else c for c in line.split("\t"))


def bold_projects(text: str, projects: Iterable[int] = BOLD_PROJECTS) -> str:
    """`<b>…</b>` around every non-empty cell of a few project tables (as the seed has around
    the label cells of projects 22 and 24); 3 and 34 hold the shifted plan rows, 21 a header
    row shifted by one column."""
    for no in projects:
        text = in_project(text, no, lambda b: "\n".join(map(_bold_line, b.split("\n"))))
    return text


def bold_all_cells(text: str) -> str:
    """`<b>…</b>` around every non-empty cell of every table of the document."""
    return "\n".join(map(_bold_line, text.split("\n")))


def unbold(text: str) -> str:
    """No `<b>` markup at all (the seed has it in projects 22 and 24 only)."""
    assert "<b>" in text
    return text.replace("<b>", "").replace("</b>", "")


#: Text transformations after which the document reads exactly as the seed (same lines).
SAME_READING: dict[str, Callable[[str], str]] = {
    "headings_1": lambda t: headings_at(t, 1),
    "headings_5": lambda t: headings_at(t, 5),
    "headings_6": lambda t: headings_at(t, 6),
    "headings_random": headings_random,
    "headings_random_7": lambda t: headings_random(t, 7),
    "project_headings_bare": project_headings_bare,
    "bold_projects": bold_projects,
    "bold_all_cells": bold_all_cells,
    "unbold": unbold,
}

#: Byte encodings after which the document reads exactly as the seed (same lines).
SAME_BYTES: dict[str, Callable[[str], bytes]] = {
    "gb18030": to_gb18030,
    "crlf": lambda t: to_crlf(t).encode("utf-8"),
    "cr": lambda t: to_cr(t).encode("utf-8"),
    "bom": with_bom,
    "bom_crlf": lambda t: with_bom(to_crlf(t)),
    "gb18030_crlf": lambda t: to_gb18030(to_crlf(t)),
    "utf16": to_utf16,
    "utf16_crlf": lambda t: to_utf16(to_crlf(t)),
}

#: Every text derivation, for the round-trip and determinism properties.
ALL_TEXT: dict[str, Callable[[str], str]] = {
    **SAME_READING,
    "rename_department": rename_department,
    "change_figures": change_figures,
    "plan_conflict": plan_conflict,
    "income_decrease": income_decrease,
    "second_unit": second_unit,
    "headings_bare": headings_bare,
    "keep_projects": keep_projects,
    "keep_renumber": lambda t: renumber_projects(keep_projects(t)),
    "shuffle_projects": shuffle_projects,
}


# --------------------------------------------------------------------------------------------
# The bundled fictional 决算 (canonical JSON) and a variant with one cell changed

FINAL_FILE = "final-demo.json"


def load_final_bytes() -> bytes:
    """The fictional 决算 shipped in the package data: nine standard tables, 21 paragraphs of
    情况说明, no finding."""
    return (files("yusuan") / "data" / FINAL_FILE).read_bytes()


#: 支出决算表 (table 3) row 1 合计: 基本支出 printed 1328.41 instead of 1328.14, so that the
#: row no longer adds up (TABLE-COLUMN-SUM, TABLE-CLASS-SUM) and disagrees with the
#: 情况说明's third paragraph (NARR-TOTAL).
EDITED_CELL = ("[1784.80, 1328.14, 456.66", "[1784.80, 1328.41, 456.66")


def edit_final_cell(text: str) -> str:
    return _sub1(text, *EDITED_CELL)
