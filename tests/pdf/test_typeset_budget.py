"""A 预算 typeset here from a derived seed text (another department, other figures: see
`derive.py`), read back: a budget PDF, project performance tables and all, that always runs.

The key is the hand reading of the seed (`tests/data/seed_expected.json`) changed exactly as the
derivations change the text (`derive.expected_renamed`, `derive.expected_figures`), so the
reading is checked against values no reader produced. The document is typeset with reportlab,
which writes a line as several text objects (one per 256-glyph font subset): the reader must
join them without inventing spaces, whatever the glyphs' ink.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import derive as dv
import yusuan
from derive import plain, strip_source
from test_seed import EXPECTED, differences
from yusuan.model import Disclosure

from . import typeset

D = Decimal


def _derived_text() -> str:
    return dv.change_figures(dv.rename_department(dv.load_seed_text()))


@pytest.fixture(scope="module")
def budget_pdf() -> bytes:
    typeset.require()
    return typeset.budget(_derived_text())


@pytest.fixture(scope="module")
def budget(budget_pdf: bytes) -> Disclosure:
    return yusuan.read(budget_pdf, name="derived-budget.pdf")


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    hand = strip_source(json.loads(Path(EXPECTED).read_text("utf-8"), parse_float=Decimal))
    return dv.expected_figures(dv.expected_renamed(hand))


def test_whole_reading_equals_the_key(budget: Disclosure, key: dict[str, Any]) -> None:
    assert differences(key, plain(budget)) == []


def test_same_as_the_text_reading(budget: Disclosure) -> None:
    text = yusuan.read(_derived_text().encode(), name="derived-budget.txt")
    assert differences(plain(text), plain(budget)) == []


def test_figures_and_projects(budget: Disclosure) -> None:
    assert (budget.kind, budget.year) == ("budget", dv.OTHER_YEAR)
    assert budget.department.name == dv.OTHER_NAME
    assert budget.income.total == D("45999")
    assert budget.income.sources[0].amount == D("45419")
    assert (budget.expenditure.basic.personnel, budget.expenditure.basic.public) == (
        D("600.8"),
        D("94.37"),
    )
    assert len(budget.projects) == 35
    p1 = budget.projects[0]
    assert (p1.amount, p1.fiscal, p1.other) == (D("52.40"), D("50.00"), D("2.40"))
    plan = plain(budget)["projects"][0]["plan"]
    assert (plan["6"], plan["10"]) == (D("70"), D("80"))
    assert budget.projects[1].indicators[2].value == "≤90天"
    for p in budget.projects:
        assert p.source is not None and p.source.page is not None


def test_no_space_beside_full_width_punctuation_between_runs(budget: Disclosure) -> None:
    """Bug: a line printed as several text objects read `〔 2017 〕 114号` and `保险 ,提高`:
    the gap between two runs was measured from ink to ink (`〕` leaves half its width blank,
    `1` sits inside its advance) against the run's own ink height (a lone comma's is tiny)."""
    p1 = budget.projects[0]
    assert (
        p1.indicators[0].basis
        == "《石家庄高新区科技保险创新试点工作方案》（石高管办〔2017〕114号）"
    )
    assert p1.indicators[4].description == (
        "通过科技保险奖励,鼓励科技型企业参加科技保险,提高风险管理水平,降低投保成本"
    )
    assert budget.projects[7].indicators[8].description == "收益对象满意度（%）"


def test_a_thin_glyph_run_stays_on_its_line(budget: Disclosure) -> None:
    """Bug: `一` alone in a text object has an ink box a stroke high, in the middle of the
    line: grouped into printed lines by ink, it went to the next line (`‘类’ … 年度一考核`).
    Runs are grouped by their baseline."""
    assert "“年度考核评价结果为‘一类’的孵化器" in budget.projects[13].purpose
