"""The narrative (情况说明) of a PDF that prints standard tables, paragraph by paragraph.

The putuo 决算 (`../shared/samples/`) prints its 第三部分 情况说明 on pages 21–24 and its 名词解释
on page 25. Every paragraph below was checked by hand against the rendered pages (pdfium at
1.6×): 29 printed paragraphs, the 其中： lead-in of (三) ending page 21 and the eleven 类款项
items on page 22, each item one paragraph although the typesetter broke three of them into
separate blocks (`…行政单位离退休` / `（项）。主要用于…`, `…主要用于：` / `在职人员…决` / `算数…`)
and one line of 结构情况 (`15.16%；`) onto a line of its own.
"""

from __future__ import annotations

import json
import re

import pytest

import yusuan
from yusuan.model import Disclosure
from yusuan.readers.pdf.narrative import _Block, _Line, _select

from .conftest import SAMPLES

PUTUO = SAMPLES / "putuo-finance-bureau-2024-final.pdf"


@pytest.fixture(scope="module")
def putuo() -> Disclosure:
    if not PUTUO.is_file():
        pytest.skip(f"sample PDF not found: {PUTUO} (../shared/samples/ is beside the clone)")
    return yusuan.read(PUTUO)


def squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_paragraph_count_and_pages(putuo: Disclosure) -> None:
    pages = [p.source.page if p.source else None for p in putuo.narrative]
    # Page 21: 一 … 五（三）'s lead-in (7); page 22: items 1–11; page 23: 六, 七 (3), 八, 九, 十;
    # page 24: 十一's 机关运行经费, 政府采购 (2) and 国有资产. The glossary (page 25) is not prose
    # of the explanation part, nor are the contents (pages 2–3) or the 概况 (pages 4–5).
    assert pages == [21] * 7 + [22] * 11 + [23] * 7 + [24] * 4


def test_headings_as_printed(putuo: Disclosure) -> None:
    headings = [p.heading for p in putuo.narrative]
    assert headings[:7] == [
        "一、收入支出决算总体情况说明",
        "二、收入决算情况说明",
        "三、支出决算情况说明",
        "四、财政拨款收入支出决算总体情况说明",
        "（一）一般公共预算财政拨款支出决算总体情况",
        "（二）一般公共预算财政拨款支出决算结构情况",
        "（三）一般公共预算财政拨款支出决算具体情况",
    ]
    # The eleven items on page 22 are still under (三), the heading of page 21.
    assert set(headings[7:18]) == {"（三）一般公共预算财政拨款支出决算具体情况"}
    assert headings[18] == "六、一般公共预算财政拨款基本支出决算情况说明"
    assert headings[19:21] == ["（一）“三公”经费财政拨款支出决算总体情况说明。"] * 2
    assert headings[25:] == [
        "（一）机关运行经费支出情况",
        "（二）政府采购支出情况",
        "（二）政府采购支出情况",
        "（三）国有资产占有使用情况说明",
    ]


def test_enclosing_headings(putuo: Disclosure) -> None:
    # `第三部分…情况说明` (page 21) is directly followed by `一、…`, and `五、…` (page 21), `七、…`
    # (page 23) and `十一、…` (page 23) by `（一）…`: no paragraph has one of them as its
    # nearest heading, each paragraph keeps the headings above its own, outermost first.
    # `第一部分 …概况` (page 4) heads the 概况, no paragraph of this part.
    part = "第三部分上海市普陀区财政局2024年度部门决算情况说明"
    five = "五、一般公共预算财政拨款支出决算情况说明"
    seven = "七、财政拨款“三公”经费支出决算情况说明"
    eleven = "十一、其他重要事项的情况说明"
    assert [p.parents for p in putuo.narrative] == (
        [[part]] * 4  # 一 … 四
        + [[part, five]] * (3 + 11)  # （一） （二） （三） and the eleven items under it
        + [[part]]  # 六
        + [[part, seven]] * 3  # （一） ×2, （二）
        + [[part]] * 3  # 八 九 十
        + [[part, eleven]] * 4  # （一） （二） ×2 （三）
    )
    # The heading of each paragraph is the innermost: none of the enclosing ones.
    assert not {p.heading for p in putuo.narrative} & {part, five, seven, eleven}
    narrative = json.loads(yusuan.dumps(putuo))["narrative"]
    assert [p["parents"] for p in narrative] == [p.parents for p in putuo.narrative]


def blocks(*items: tuple[bool, str]) -> list[_Block]:
    """(heading, text) blocks of one line each, down page 21."""
    out = []
    for k, (heading, text) in enumerate(items):
        top = 100.0 + 20 * k
        out.append(_Block(heading, [_Line(21, text, 72.0, top, 500.0, top + 12, 12.0, 12.0)]))
    return out


def test_parents_where_a_lower_heading_comes_between() -> None:
    got = _select(
        blocks(
            (True, "第一部分 部门概况"),
            (False, "主要职能：……。"),
            (True, "第三部分 某局2024年度部门决算情况说明"),
            (False, "现将本局2024年度部门决算情况说明如下。"),
            (True, "一、收入支出决算总体情况说明"),
            (False, "本年收入支出总计1.00万元。"),
            (True, "二、收入决算情况说明"),
            (False, "本年收入合计1.00万元。"),
        )
    )
    part = "第三部分 某局2024年度部门决算情况说明"
    assert [(p.parents, p.heading) for p in got] == [
        ([], part),  # right under the part's heading: it is the paragraph's own
        ([part], "一、收入支出决算总体情况说明"),
        ([part], "二、收入决算情况说明"),
    ]
    assert '"parents"' not in yusuan.dumps(Disclosure(narrative=got[:1]))


def test_parents_over_three_levels() -> None:
    """`第三部分` → `五、` → `（一）` → prose, `（二）` → prose, `六、` → prose: a heading pops
    every heading of its level or below, then goes on top."""
    part = "第三部分 某局2024年度部门决算情况说明"
    five = "五、一般公共预算财政拨款支出决算情况说明"
    got = _select(
        blocks(
            (True, part),
            (True, five),
            (True, "（一）一般公共预算财政拨款支出决算总体情况"),
            (False, "一般公共预算财政拨款支出1.00万元。"),
            (True, "（二）一般公共预算财政拨款支出决算结构情况"),
            (False, "主要用于以下方面：……。"),
            (True, "六、一般公共预算财政拨款基本支出决算情况说明"),
            (False, "一般公共预算财政拨款基本支出1.00万元。"),
        )
    )
    assert [(p.parents, p.heading) for p in got] == [
        ([part, five], "（一）一般公共预算财政拨款支出决算总体情况"),
        ([part, five], "（二）一般公共预算财政拨款支出决算结构情况"),
        ([part], "六、一般公共预算财政拨款基本支出决算情况说明"),
    ]
    assert json.loads(yusuan.dumps(Disclosure(narrative=got)))["narrative"][0]["parents"] == [
        part,
        five,
    ]


def test_levels_by_numbering() -> None:
    """`1.` / `1、` / `1．` below `（一）`, `（1）` / `(1)` below those; an unnumbered heading one
    level below the heading it follows; a heading of a higher level closes the lower ones."""
    part = "第三部分 某局2024年度部门决算情况说明"
    got = _select(
        blocks(
            (True, part),
            (True, "十、其他重要事项的情况说明"),
            (True, "(一)机关运行经费支出情况"),
            (True, "1．支出情况"),
            (True, "(1)办公费"),
            (False, "办公费1.00万元。"),
            (True, "（2）差旅费"),
            (False, "差旅费1.00万元。"),
            (True, "2.政府采购"),
            (False, "政府采购金额1.00万元。"),
            (True, "（二）国有资产占有使用情况"),
            (True, "车辆情况"),
            (False, "共有车辆2辆。"),
        )
    )
    ten, one = "十、其他重要事项的情况说明", "(一)机关运行经费支出情况"
    assert [(p.parents, p.heading) for p in got] == [
        ([part, ten, one, "1．支出情况"], "(1)办公费"),
        ([part, ten, one, "1．支出情况"], "（2）差旅费"),
        ([part, ten, one], "2.政府采购"),
        ([part, ten, "（二）国有资产占有使用情况"], "车辆情况"),
    ]


def test_an_unnumbered_title_of_the_explanation_is_the_part() -> None:
    # No `第…部分`: the title that names the explanation, above the numbered headings (level
    # 0, in place of the document's title before it).
    title = "某局2024年度部门决算情况说明"
    got = _select(
        blocks(
            (True, "某局2024年度部门决算"),
            (True, title),
            (True, "一、收入支出决算总体情况说明"),
            (False, "本年收入支出总计1.00万元。"),
            (True, "（一）收入决算情况"),
            (False, "本年收入合计1.00万元。"),
        )
    )
    assert [(p.parents, p.heading) for p in got] == [
        ([title], "一、收入支出决算总体情况说明"),
        ([title, "一、收入支出决算总体情况说明"], "（一）收入决算情况"),
    ]
    # Without a part-level heading of its own the outline starts at the heading that opens
    # the part: the headings of the part before (`第一部分 …概况`, with its prose) are not
    # this one's.
    got = _select(
        blocks(
            (True, "第一部分 部门概况"),
            (True, "一、部门职责"),
            (False, "负责……。"),
            (True, "二、收入支出决算总体情况说明"),
            (False, "本年收入支出总计1.00万元。"),
            (True, "（一）收入决算情况"),
            (False, "本年收入合计1.00万元。"),
        )
    )
    assert [(p.parents, p.heading) for p in got] == [
        ([], "二、收入支出决算总体情况说明"),
        (["二、收入支出决算总体情况说明"], "（一）收入决算情况"),
    ]


def test_headings_before_the_pages_left_out_head_nothing() -> None:
    # The document's title (page 1), then the contents and tables left out: the explanation
    # after them starts a new outline.
    got = blocks(
        (True, "某局2024年度部门决算"),
        (True, "一、收入支出决算总体情况说明"),
        (False, "本年收入支出总计1.00万元。"),
    )
    got[1].barrier = True
    assert [(p.parents, p.heading) for p in _select(got)] == [([], "一、收入支出决算总体情况说明")]


def test_texts(putuo: Disclosure) -> None:
    n = putuo.narrative
    assert n[0].text == (
        "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少"
        "56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付"
        "进度条款等原因减少支付。"
    )
    # `主要原因：` ends the printed block; its reason, printed below without an indent, is the
    # same sentence.
    assert n[3].text == (
        "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入"
        "支出总计持平。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款"
        "等原因减少支付。"
    )
    # `15.16%；` on a line of its own belongs to the structure sentence.
    assert n[5].text == (
        "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66"
        "万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99"
        "万元，占2.07%；住房保障支出（类）445.69万元，占15.16%；"
    )
    assert squeeze(n[6].text).endswith("个别信息化项目和中介机构服务调减。其中：")
    # Item 5: `…行政单位离退休` / `（项）。主要用于…` is one paragraph.
    assert squeeze(n[11].text).startswith(
        "5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于："
    )
    # Item 9: three printed blocks, one paragraph (`决` / `算数` joined).
    assert squeeze(n[15].text) == (
        "9、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：在职人员基本"
        "医疗保险费。年初预算为62.29万元，支出决算为60.99万元。决算数小于预算数的主要原因：预算"
        "按周全保障测算，实际执行基本贴合预期。"
    )
    assert n[25].text.startswith("机关运行经费支出184.65万元，比2023年度增加2.55万元")
    assert squeeze(n[-1].text).endswith("单价100万元（含）以上设备（不含车辆）2台（套）。")
    assert not any("名词解释" in p.text or "财政拨款收入：指" in p.text for p in n)


def test_places_are_the_first_page_box(putuo: Disclosure) -> None:
    first = putuo.narrative[0].source
    assert first is not None and first.page == 21 and first.line is None
    assert first.bbox is not None and len(first.bbox) == 4
    x0, top, x1, bottom = first.bbox
    assert 72 < x0 < 74 and 184 < top < 185 and 518 < x1 < 519 and 223 < bottom < 224
    # Item 9 spans three printed blocks on page 22: its box covers all of them.
    item9 = putuo.narrative[15].source
    assert item9 is not None and item9.page == 22 and item9.bbox is not None
    assert item9.bbox[1] < 562 and item9.bbox[3] > 605


def test_round_trips_through_the_canonical_json(putuo: Disclosure) -> None:
    back = yusuan.loads(yusuan.dumps(putuo))
    assert back.narrative == putuo.narrative
    assert '"narrative"' in yusuan.dumps(putuo)


def test_the_seed_pdf_has_no_narrative(seed_pdf_bytes: bytes) -> None:
    # No standard tables: its prose is held by the typed fields, and the key is left out.
    d = yusuan.read(seed_pdf_bytes, name="seed.pdf")
    assert d.narrative == []
    assert '"narrative"' not in yusuan.dumps(d)
