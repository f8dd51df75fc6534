"""Other departments' disclosures of the same template read "without code changes".

Every document here is derived from the seed by a text transformation (`derive.py`); the
expected values follow from the transformation, not from running the reader. Where a
transformation changes nothing of a value, the value must equal the seed's reading.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import derive as dv
import yusuan
from derive import SEED_NAME, plain, strip_source
from yusuan.export import to_dict


def read(data: str | bytes) -> Any:
    return yusuan.read(data.encode("utf-8") if isinstance(data, str) else data, name=SEED_NAME)


def differences(got: Any, want: Any, path: str = "$", limit: int = 25) -> list[str]:
    """Where two canonical JSON values differ, as "path: got != want" lines (a readable
    failure message instead of a diff of two 1 MB dicts)."""
    out: list[str] = []
    if isinstance(got, dict) and isinstance(want, dict):
        for key in sorted(set(got) | set(want), key=str):
            if key not in got:
                out.append(f"{path}.{key}: missing (want {want[key]!r:.120})")
            elif key not in want:
                out.append(f"{path}.{key}: unexpected {got[key]!r:.120}")
            else:
                out += differences(got[key], want[key], f"{path}.{key}", limit)
            if len(out) >= limit:
                break
    elif isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            out.append(f"{path}: {len(got)} items != {len(want)}")
        for i, (g, w) in enumerate(zip(got, want, strict=False)):
            out += differences(g, w, f"{path}[{i}]", limit)
            if len(out) >= limit:
                break
    elif got != want or (type(got) is not type(want) and not _same_number(got, want)):
        out.append(f"{path}: {got!r:.160} != {want!r:.160}")
    return out[:limit]


def _same_number(a: Any, b: Any) -> bool:
    numbers = (int, Decimal)
    return (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
        and a == b
    )


def assert_same(got: Any, want: Any) -> None:
    diffs = differences(got, want)
    assert not diffs, "\n".join(diffs)


def without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def plan_of(project: Any) -> dict[str, Any]:
    return strip_source(to_dict(project)["plan"])  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seed_plain(seed: Any) -> dict[str, Any]:
    return plain(seed)


# --------------------------------------------------------------------------------------------
# The derivations themselves (these run without the reader).


def test_derivations_change_the_text(seed_text: str) -> None:
    for name, fn in dv.ALL_TEXT.items():
        assert fn(seed_text) != seed_text, name
    for name, enc in dv.SAME_BYTES.items():
        assert enc(seed_text) != seed_text.encode("utf-8"), name


def test_same_reading_derivations_keep_lines(seed_text: str) -> None:
    for name, fn in dv.SAME_READING.items():
        assert fn(seed_text).count("\n") == seed_text.count("\n"), name
    for name in ("rename_department", "change_figures", "plan_conflict"):
        assert dv.ALL_TEXT[name](seed_text).count("\n") == seed_text.count("\n"), name


def test_project_blocks(seed_text: str) -> None:
    head, blocks, tail = dv.split_projects(seed_text)
    assert [n for n, _ in blocks] == list(range(1, 36))
    assert dv.join_projects(head, blocks, tail) == seed_text
    assert tail[0].startswith("## 六、政府采购预算情况")
    kept = dv.keep_projects(seed_text)
    assert dv.project_order(kept) == list(dv.KEEP)
    assert dv.project_order(dv.renumber_projects(kept)) == [1, 2, 3, 4, 5]
    shuffled = dv.project_order(dv.shuffle_projects(seed_text))
    assert sorted(shuffled) == list(range(1, 36)) and shuffled != sorted(shuffled)
    bare = dv.project_headings_bare(seed_text)
    assert "\n1、科技保险保费补贴绩效目标表\n" in bare and "\n35、生物医药" in bare
    assert bare.count("\n#") == seed_text.count("\n#") - 35


# --------------------------------------------------------------------------------------------
# Baseline: the hand-checked values of the seed (so that a derived failure can be told apart
# from a seed failure).


def test_seed_baseline(seed: Any) -> None:
    assert seed.title == "高新区科技局 2021 年部门预算信息公开 情况说明"
    assert seed.year == 2021
    assert seed.department.name == "石家庄高新技术产业开发区科学技术局"
    assert seed.department.short_name == "高新区科技局"
    assert seed.department.code == "306"
    assert seed.income.total == 44999
    assert len(seed.projects) == 35
    p1 = seed.projects[0]
    assert (p1.no, p1.code, p1.amount) == (1, "1301902101PDD8ZPY4KBQ", Decimal("42.40"))
    assert plan_of(p1) == {"3": 0, "6": 60, "10": 60, "12": 100}
    assert seed.projects[3].amount == Decimal("7666.48")
    assert plan_of(seed.projects[7]) == {"3": 0, "6": 0, "10": 0, "12": 100}
    assert seed.procurement.total == 219 and len(seed.procurement.items) == 7
    assert len(seed.glossary) == 7


# --------------------------------------------------------------------------------------------
# (a) Another department and year.


@pytest.fixture(scope="module")
def renamed(seed_text: str) -> Any:
    return read(dv.rename_department(seed_text))


def test_renamed_department(renamed: Any) -> None:
    assert renamed.title == dv.OTHER_TITLE
    assert renamed.year == dv.OTHER_YEAR
    assert renamed.department.name == dv.OTHER_NAME
    assert renamed.department.short_name == dv.OTHER_SHORT
    assert renamed.department.code == dv.OTHER_CODE


def test_renamed_units_and_dates(renamed: Any) -> None:
    assert [u.name for u in renamed.units] == [dv.OTHER_NAME]
    assert {p.unit for p in renamed.projects} == {"412001 石家庄高新技术产业开发区财政局本级"}
    assert renamed.assets.as_of == "2022-12-31"


def test_renamed_rest_as_seed(renamed: Any, seed_plain: dict[str, Any]) -> None:
    assert_same(plain(renamed), dv.expected_renamed(seed_plain))


# --------------------------------------------------------------------------------------------
# (b) Other figures.


@pytest.fixture(scope="module")
def figures(seed_text: str) -> Any:
    return read(dv.change_figures(seed_text))


def test_figures_income(figures: Any) -> None:
    income = figures.income
    assert (income.total, income.change, income.growth_pct) == (
        Decimal("45999"),
        Decimal("5606.21"),
        Decimal("13.89"),
    )
    general = income.sources[0]
    assert (general.key, general.amount, general.change, general.growth_pct, general.share_pct) == (
        "general_budget",
        Decimal("45419"),
        Decimal("5026.21"),
        Decimal("12.44"),
        Decimal("98.74"),
    )
    assert (income.sources[-1].key, income.sources[-1].amount) == ("carryover", 590)


def test_figures_expenditure(figures: Any) -> None:
    basic = figures.expenditure.basic
    assert (basic.personnel, basic.public) == (Decimal("600.8"), Decimal("94.37"))
    assert figures.expenditure.project.carryover == 580  # the expenditure sentence kept 580


def test_figures_operating_costs_decrease(figures: Any) -> None:
    assert figures.operating_costs.amount == Decimal("94.37")
    assert figures.operating_costs.change == Decimal("-6.37")  # "较上年减少了6.37万元"


def test_figures_three_public(figures: Any) -> None:
    assert figures.three_public.total == Decimal("3.5")
    assert figures.three_public.reception == Decimal("3.5")


def test_figures_projects(figures: Any) -> None:
    p1 = figures.projects[0]
    assert (p1.amount, p1.fiscal, p1.other) == (Decimal("52.40"), Decimal("50.00"), Decimal("2.40"))
    assert plan_of(p1) == {"3": 0, "6": 70, "10": 80, "12": 100}
    assert "共计52.4万元" in p1.purpose
    p8 = figures.projects[7]
    assert (p8.no, p8.amount, p8.fiscal) == (8, 18000, 18000)


def test_figures_indicators(figures: Any) -> None:
    def parsed(no: int, row: int) -> tuple[Any, ...]:
        ind = figures.projects[no - 1].indicators[row]
        p = ind.parsed
        return (ind.value, p.kind, p.comparator, p.number, p.unit)

    assert parsed(2, 2) == ("≤90天", "quantitative", "≤", 90, "天")
    assert parsed(4, 0) == ("≥25 个", "quantitative", "≥", 25, "个")
    assert parsed(12, 2) == ("≥4次", "quantitative", "≥", 4, "次")


def test_figures_procurement_item(figures: Any) -> None:
    item = figures.procurement.items[0]
    assert (item.catalog_code, item.quantity, item.amount, item.general_budget) == (
        "A0999",
        12,
        12,
        12,
    )


def test_figures_rest_as_seed(figures: Any, seed_plain: dict[str, Any]) -> None:
    assert_same(plain(figures), dv.expected_figures(seed_plain))


def test_plan_conflict_table_wins(seed_text: str, seed_plain: dict[str, Any]) -> None:
    got = plain(read(dv.plan_conflict(seed_text)))
    p9 = got["projects"][8]
    assert p9["no"] == 9
    assert p9["plan"] == {"3": 0, "6": 60, "10": 70, "12": 100}
    found = [d for d in p9["discrepancies"] if d["field"] == "plan.10"]
    assert len(found) == 1, p9["discrepancies"]
    assert (found[0]["table"], found[0]["prose"]) == (70, 60)
    want = seed_plain["projects"][8]
    assert_same(without(p9, "plan", "discrepancies"), without(want, "plan", "discrepancies"))
    assert_same(without(got, "projects"), without(seed_plain, "projects"))


def test_income_decrease(seed_text: str, seed_plain: dict[str, Any]) -> None:
    got = plain(read(dv.income_decrease(seed_text)))
    assert (got["income"]["change"], got["income"]["growth_pct"]) == (
        Decimal("-4606.21"),
        Decimal("-11.4"),
    )
    assert_same(without(got, "income"), without(seed_plain, "income"))
    assert_same(got["income"]["sources"], seed_plain["income"]["sources"])


def test_second_unit(seed_text: str, seed_plain: dict[str, Any]) -> None:
    got = plain(read(dv.second_unit(seed_text)))
    units = [(u["name"], u["nature"], u["level"], u["funding"]) for u in got["units"]]
    assert units == [
        ("石家庄高新技术产业开发区科学技术局", "行政", "正科级", "财政拨款"),
        dv.SECOND_UNIT,
    ]
    assert got["projects"][4]["unit"] == dv.SECOND_UNIT_CODE
    assert got["projects"][5]["unit"] == seed_plain["projects"][5]["unit"]
    assert_same(without(got["projects"][4], "unit"), without(seed_plain["projects"][4], "unit"))
    assert_same(without(got, "units", "projects"), without(seed_plain, "units", "projects"))


# --------------------------------------------------------------------------------------------
# (c) Fewer projects; (i) another order.


def test_keep_projects(seed_text: str, seed_plain: dict[str, Any]) -> None:
    got = read(dv.keep_projects(seed_text))
    assert [p.no for p in got.projects] == list(dv.KEEP)
    for project in got.projects:
        code, name, amount = dv.KEPT[project.no]
        assert (project.code, project.name, project.amount) == (code, name, amount)
    plans = {p.no: plan_of(p) for p in got.projects}
    assert plans[1] == {"3": 0, "6": 60, "10": 60, "12": 100}
    assert plans[8] == {"3": 0, "6": 0, "10": 0, "12": 100}
    got_plain = plain(got)
    for project in got_plain["projects"]:
        assert_same(project, seed_plain["projects"][project["no"] - 1])
    assert_same(without(got_plain, "projects"), without(seed_plain, "projects"))


def test_keep_renumbered(seed_text: str, seed_plain: dict[str, Any]) -> None:
    got = plain(read(dv.renumber_projects(dv.keep_projects(seed_text))))
    assert [p["no"] for p in got["projects"]] == [1, 2, 3, 4, 5]
    for project, old_no in zip(got["projects"], dv.KEEP, strict=True):
        assert project["code"] == dv.KEPT[old_no][0]
        assert_same(without(project, "no"), without(seed_plain["projects"][old_no - 1], "no"))


def test_shuffled_projects(seed_text: str, seed_plain: dict[str, Any]) -> None:
    text = dv.shuffle_projects(seed_text)
    got = plain(read(text))
    assert [p["no"] for p in got["projects"]] == dv.project_order(text)
    for project in got["projects"]:
        assert_same(project, seed_plain["projects"][project["no"] - 1])
    assert_same(without(got, "projects"), without(seed_plain, "projects"))


# --------------------------------------------------------------------------------------------
# (d) heading depths, (h) <b> markup; (e)–(g) encodings and newlines: the seed's reading,
# `_source` lines included (none of them adds or removes a line).


@pytest.mark.parametrize("variant", sorted(dv.SAME_READING))
def test_reads_as_seed(variant: str, seed_text: str, seed: Any) -> None:
    got = read(dv.SAME_READING[variant](seed_text))
    assert_same(strip_source(to_dict(got)), strip_source(to_dict(seed)))
    assert_same(to_dict(got), to_dict(seed))
    assert yusuan.dumps(got) == yusuan.dumps(seed)


@pytest.mark.parametrize("variant", sorted(dv.SAME_BYTES))
def test_bytes_read_as_seed(variant: str, seed_text: str, seed: Any) -> None:
    got = read(dv.SAME_BYTES[variant](seed_text))
    assert_same(to_dict(got), to_dict(seed))
    assert yusuan.dumps(got) == yusuan.dumps(seed)


def test_headings_bare_read_as_seed(seed_text: str, seed: Any) -> None:
    # Titles printed without `#` must not be glued onto the sentence below them (a bug:
    # income's source pointed at its title line, 48, instead of the sentence, 50).
    got = read(dv.headings_bare(seed_text))
    assert_same(to_dict(got), to_dict(seed))
    assert got.income.source.line == 50


def test_bold_projects_keep_numbers(seed_text: str) -> None:
    got = read(dv.bold_projects(seed_text))
    p1 = got.projects[0]
    assert (p1.code, p1.name, p1.amount) == (
        "1301902101PDD8ZPY4KBQ",
        "科技保险保费补贴",
        Decimal("42.40"),
    )
    assert not any("<b>" in str(v) for v in _strings(to_dict(got)))


def test_unbold_projects_22_24(seed_text: str, seed: Any) -> None:
    got = read(dv.unbold(seed_text))
    for i in (21, 23):
        assert_same(to_dict(got.projects[i]), to_dict(seed.projects[i]))


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return [obj] if isinstance(obj, str) else []
