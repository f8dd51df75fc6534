"""The canonical JSON contract (`yusuan/disclosure@1`), checked by hand from DESIGN.md.

Nothing here is derived from the pydantic model: the shapes below are copied from the
"Canonical JSON" section of DESIGN.md, so that the model (or a reader) drifting from the
contract shows up here. `docs/disclosure.schema.json` is the same contract for users; it is
tested too, on the seed, on hand-made documents and on documents that must fail it.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import simplejson
from jsonschema import Draft202012Validator

import yusuan
import yusuan.model
from yusuan.export.canonical import to_dict

SEED_NAME = "seed-2021-shijiazhuang-gaoxin-keji.txt"
SEED = resources.files("yusuan") / "data" / SEED_NAME
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "disclosure.schema.json"

# --------------------------------------------------------------------------------------------
# The contract, by hand.  Type tags:
#   "num?"  JSON number (int or Decimal, never a string, bool or float) or null
#   "int" / "int?"  JSON integer (or null)
#   "str" / "str?"  string (or null)
#   "bool"  boolean;  "list" array (never null);  "obj" object (never null)
# --------------------------------------------------------------------------------------------

TOP_LEVEL = {
    "schema": "str",
    "title": "str?",
    "kind": "str",
    "year": "int?",
    "department": "obj",
    "currency_unit": "str",
    "duties": "list",
    "units": "list",
    "income": "obj",
    "expenditure": "obj",
    "operating_costs": "obj",
    "three_public": "obj",
    "performance": "obj",
    "projects": "list",
    "procurement": "obj",
    "assets": "obj",
    "glossary": "list",
    "notes": "list",
    "tables": "list",
    "discrepancies": "list",
}
DEPARTMENT = {"name": "str?", "short_name": "str?", "code": "str?"}
UNIT = {"name": "str?", "nature": "str?", "level": "str?", "funding": "str?"}
INCOME = {"total": "num?", "change": "num?", "growth_pct": "num?", "sources": "list"}
INCOME_SOURCE = {
    "key": "str",
    "name": "str",
    "amount": "num?",
    "change": "num?",
    "growth_pct": "num?",
    "share_pct": "num?",
}
INCOME_KEYS = {
    "general_budget",
    "government_fund",
    "state_capital",
    "superior_grant",
    "service_income",
    "business_income",
    "subsidiary_remittance",
    "other_income",
    "carryover",
}
EXPENDITURE = {"total": "num?", "basic": "obj", "project": "obj"}
BASIC = {
    "amount": "num?",
    "share_pct": "num?",
    "change": "num?",
    "personnel": "num?",
    "public": "num?",
}
PROJECT_EXPENDITURE = {
    "amount": "num?",
    "share_pct": "num?",
    "change": "num?",
    "own": "num?",
    "carryover": "num?",
}
OPERATING_COSTS = {"amount": "num?", "change": "num?"}
THREE_PUBLIC = {
    "total": "num?",
    "change": "num?",
    "overseas": "num?",
    "vehicle_total": "num?",
    "vehicle_purchase": "num?",
    "vehicle_operation": "num?",
    "reception": "num?",
}
PERFORMANCE = {"overall_goal": "str?", "goals": "list", "safeguards": "list"}
GOAL = {"no": "int", "title": "str?", "goal": "str?", "indicators_text": "str?"}
PROJECT = {
    "no": "int",
    "code": "str?",
    "name": "str?",
    "unit": "str?",
    "amount": "num?",
    "fiscal": "num?",
    "other": "num?",
    "purpose": "str?",
    "plan": "obj",
    "goals": "list",
    "indicators": "list",
}
PLAN_KEYS = {"3", "6", "10", "12"}
INDICATOR = {
    "level1": "str?",
    "level2": "str?",
    "name": "str?",
    "description": "str?",
    "value": "str?",
    "basis": "str?",
    "parsed": "obj",
}
PARSED = {"kind": "str", "comparator": "str?", "number": "num?", "unit": "str?"}
PARSED_KINDS = {"quantitative", "deadline", "qualitative"}
COMPARATORS = {"≥", "≤", ">", "<", "=", None}
PROCUREMENT = {"total": "num?", "count": "int?", "by_category": "obj", "items": "list"}
CATEGORY_TOTAL = {"count": "int?", "amount": "num?"}
CATEGORIES = {"货物", "工程", "服务"}
PROCUREMENT_ITEM = {
    "source_project": "str?",
    "source_budget": "num?",
    "item": "str?",
    "catalog_code": "str?",
    "unit": "str?",
    "quantity": "num?",
    "unit_price": "num?",
    "amount": "num?",
    "general_budget": "num?",
    "other_funds": "obj",
}
ASSETS = {
    "total": "num?",
    "as_of": "str?",
    "categories": "obj",
    "planned_purchase": "num?",
    "table": "list",
}
ASSET_ROW = {"item": "str?", "quantity": "num?", "value": "num?"}
GLOSSARY_ENTRY = {"term": "str", "definition": "str?"}
STANDARD_TABLE = {
    "name": "str",
    "title": "str?",
    "unit": "str?",
    "pages": "list",
    "empty": "bool",
    "columns": "list",
    "rows": "list",
}
TABLE_ROW = {"code": "str?", "label": "str?", "values": "list"}
DISCREPANCY_KEYS = {"field", "table", "prose"}

NUMBERING = re.compile(
    r"^\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:[.．](?![0-9])|、)"
    r"|^\s*[（(]\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*[）)]"
)


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _type_ok(value: object, tag: str) -> bool:
    if tag.endswith("?"):
        if value is None:
            return True
        tag = tag[:-1]
    checks: dict[str, Callable[[object], bool]] = {
        "num": _is_number,
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "str": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "obj": lambda v: isinstance(v, dict),
    }
    return checks[tag](value)


def _shape(obj: object, shape: dict[str, str], where: str, problems: list[str]) -> None:
    """Record every way `obj` differs from `shape` (required keys and their JSON types)."""
    if not isinstance(obj, dict):
        problems.append(f"{where}: expected an object, got {obj!r}")
        return
    for key, tag in shape.items():
        if key not in obj:
            problems.append(f"{where}: missing key {key!r}")
        elif not _type_ok(obj[key], tag):
            problems.append(f"{where}.{key}: expected {tag}, got {obj[key]!r}")


def contract_problems(doc: dict[str, Any]) -> list[str]:
    """Every deviation of a parsed canonical JSON document from DESIGN.md's shapes."""
    p: list[str] = []
    _shape(doc, TOP_LEVEL, "$", p)
    if doc.get("schema") != "yusuan/disclosure@1":
        p.append(f"$.schema: expected 'yusuan/disclosure@1', got {doc.get('schema')!r}")
    if doc.get("kind") not in ("budget", "final"):
        p.append(f"$.kind: expected budget/final, got {doc.get('kind')!r}")
    if doc.get("currency_unit") != "万元":
        p.append(f"$.currency_unit: expected '万元', got {doc.get('currency_unit')!r}")
    if "budget_figures" in doc and doc.get("kind") != "final":
        p.append("$.budget_figures: only a 决算 (kind final) has budget figures")
    _shape(doc.get("department"), DEPARTMENT, "$.department", p)
    for key in ("duties", "notes"):
        for i, item in enumerate(doc.get(key) or []):
            if not isinstance(item, str):
                p.append(f"$.{key}[{i}]: expected a string, got {item!r}")
    for i, unit in enumerate(doc.get("units") or []):
        _shape(unit, UNIT, f"$.units[{i}]", p)

    income = doc.get("income") or {}
    _shape(income, INCOME, "$.income", p)
    for i, source in enumerate(income.get("sources") or []):
        _shape(source, INCOME_SOURCE, f"$.income.sources[{i}]", p)
        if isinstance(source, dict) and source.get("key") not in INCOME_KEYS:
            p.append(f"$.income.sources[{i}].key: not a Names key: {source.get('key')!r}")

    expenditure = doc.get("expenditure") or {}
    _shape(expenditure, EXPENDITURE, "$.expenditure", p)
    _shape(expenditure.get("basic"), BASIC, "$.expenditure.basic", p)
    _shape(expenditure.get("project"), PROJECT_EXPENDITURE, "$.expenditure.project", p)
    _shape(doc.get("operating_costs"), OPERATING_COSTS, "$.operating_costs", p)
    _shape(doc.get("three_public"), THREE_PUBLIC, "$.three_public", p)

    performance = doc.get("performance") or {}
    _shape(performance, PERFORMANCE, "$.performance", p)
    for i, goal in enumerate(performance.get("goals") or []):
        _shape(goal, GOAL, f"$.performance.goals[{i}]", p)
    for i, item in enumerate(performance.get("safeguards") or []):
        if not isinstance(item, str):
            p.append(f"$.performance.safeguards[{i}]: expected a string, got {item!r}")

    for i, project in enumerate(doc.get("projects") or []):
        where = f"$.projects[{i}]"
        _shape(project, PROJECT, where, p)
        if not isinstance(project, dict):
            continue
        plan = project.get("plan")
        if isinstance(plan, dict):
            keys = {k for k in plan if not k.startswith("_")}
            if keys != PLAN_KEYS:
                p.append(f"{where}.plan: keys {sorted(keys)}, expected {sorted(PLAN_KEYS)}")
            for month in PLAN_KEYS & keys:
                if not _type_ok(plan[month], "num?"):
                    p.append(f"{where}.plan.{month}: expected num?, got {plan[month]!r}")
        for j, goal in enumerate(project.get("goals") or []):
            if not isinstance(goal, str):
                p.append(f"{where}.goals[{j}]: expected a string, got {goal!r}")
        for j, indicator in enumerate(project.get("indicators") or []):
            _shape(indicator, INDICATOR, f"{where}.indicators[{j}]", p)
            parsed = indicator.get("parsed") if isinstance(indicator, dict) else None
            if isinstance(parsed, dict):
                pw = f"{where}.indicators[{j}].parsed"
                _shape(parsed, PARSED, pw, p)
                if parsed.get("kind") not in PARSED_KINDS:
                    p.append(f"{pw}.kind: {parsed.get('kind')!r} not in {sorted(PARSED_KINDS)}")
                if parsed.get("comparator") not in COMPARATORS:
                    p.append(f"{pw}.comparator: {parsed.get('comparator')!r} not allowed")
        if "discrepancies" in project:
            _discrepancies(project["discrepancies"], f"{where}.discrepancies", p)

    procurement = doc.get("procurement") or {}
    _shape(procurement, PROCUREMENT, "$.procurement", p)
    by_category = procurement.get("by_category")
    if isinstance(by_category, dict):
        for name, total in by_category.items():
            if name.startswith("_"):
                continue
            if name not in CATEGORIES:
                p.append(f"$.procurement.by_category: unknown category {name!r}")
            _shape(total, CATEGORY_TOTAL, f"$.procurement.by_category.{name}", p)
    for i, item in enumerate(procurement.get("items") or []):
        where = f"$.procurement.items[{i}]"
        _shape(item, PROCUREMENT_ITEM, where, p)
        funds = item.get("other_funds") if isinstance(item, dict) else None
        for column, amount in (funds or {}).items():
            if not column.startswith("_") and not _type_ok(amount, "num?"):
                p.append(f"{where}.other_funds.{column}: expected num?, got {amount!r}")

    assets = doc.get("assets") or {}
    _shape(assets, ASSETS, "$.assets", p)
    as_of = assets.get("as_of")
    if isinstance(as_of, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        p.append(f"$.assets.as_of: expected an ISO date, got {as_of!r}")
    for name, amount in (assets.get("categories") or {}).items():
        if not name.startswith("_") and not _type_ok(amount, "num?"):
            p.append(f"$.assets.categories.{name}: expected num?, got {amount!r}")
    for i, row in enumerate(assets.get("table") or []):
        _shape(row, ASSET_ROW, f"$.assets.table[{i}]", p)

    for i, entry in enumerate(doc.get("glossary") or []):
        _shape(entry, GLOSSARY_ENTRY, f"$.glossary[{i}]", p)

    for i, table in enumerate(doc.get("tables") or []):
        where = f"$.tables[{i}]"
        _shape(table, STANDARD_TABLE, where, p)
        if not isinstance(table, dict):
            continue
        if table.get("unit") not in ("元", "万元", None):
            p.append(f"{where}.unit: expected 元 or 万元, got {table.get('unit')!r}")
        if not all(_type_ok(page, "int") for page in table.get("pages") or []):
            p.append(f"{where}.pages: expected integers, got {table.get('pages')!r}")
        for column in table.get("columns") or []:
            if not isinstance(column, list) or not all(isinstance(c, str) for c in column):
                p.append(f"{where}.columns: expected lists of strings, got {column!r}")
        for j, row in enumerate(table.get("rows") or []):
            _shape(row, TABLE_ROW, f"{where}.rows[{j}]", p)
            values = row.get("values") if isinstance(row, dict) else None
            if not all(_type_ok(v, "num?") for v in values or []):
                p.append(f"{where}.rows[{j}].values: expected numbers or null, got {values!r}")

    _discrepancies(doc.get("discrepancies"), "$.discrepancies", p)
    return p


def _discrepancies(items: object, where: str, p: list[str]) -> None:
    if not isinstance(items, list):
        p.append(f"{where}: expected a list, got {items!r}")
        return
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            p.append(f"{where}[{i}]: expected an object, got {item!r}")
            continue
        missing = (DISCREPANCY_KEYS | {"_source"}) - item.keys()
        if missing:
            p.append(f"{where}[{i}]: missing keys {sorted(missing)}")
        if not isinstance(item.get("field"), str):
            p.append(f"{where}[{i}].field: expected a string, got {item.get('field')!r}")


# --------------------------------------------------------------------------------------------
# Tree walking
# --------------------------------------------------------------------------------------------


def walk(node: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Every value in the tree with its path (dict keys are yielded as values too)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}.{key}(key)", key
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list | tuple):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def strings(node: object) -> Iterator[tuple[str, str]]:
    for path, value in walk(node):
        if isinstance(value, str):
            yield path, value


def objects(node: object) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, value in walk(node):
        if isinstance(value, dict):
            yield path, value


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> yusuan.model.Disclosure:
    with resources.as_file(SEED) as path:
        return yusuan.read(path)


@pytest.fixture(scope="module")
def seed_json(seed: yusuan.model.Disclosure) -> str:
    return yusuan.dumps(seed)


@pytest.fixture(scope="module")
def doc(seed_json: str) -> dict[str, Any]:
    data = json.loads(seed_json, parse_float=Decimal)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(validator: Draft202012Validator, document: object) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path)
    ]


def fmt(problems: list[str], limit: int = 40) -> str:
    more = f"\n… and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(problems[:limit]) + more


# --------------------------------------------------------------------------------------------
# The seed against the contract
# --------------------------------------------------------------------------------------------


def test_seed_file_is_package_data() -> None:
    assert SEED.is_file()


def test_top_level_keys(doc: dict[str, Any]) -> None:
    assert set(TOP_LEVEL) <= doc.keys(), sorted(set(TOP_LEVEL) - doc.keys())
    assert doc["schema"] == "yusuan/disclosure@1"
    assert doc["kind"] == "budget"
    assert doc["currency_unit"] == "万元"
    # A budget prints no budget-beside-actuals figures: the key is for kind "final" only.
    assert "budget_figures" not in doc


def test_seed_facts_the_contract_names(doc: dict[str, Any]) -> None:
    assert doc["year"] == 2021
    assert doc["department"]["code"] == "306"
    # "`tables`: [] when the document prints none (the seed)."
    assert doc["tables"] == []
    assert len(doc["projects"]) == 35
    assert len(doc["duties"]) == 13
    assert len(doc["performance"]["goals"]) == 8
    assert [p["no"] for p in doc["projects"]] == list(range(1, 36))
    keys = [s["key"] for s in doc["income"]["sources"]]
    assert keys[0] == "general_budget"
    assert "carryover" in keys


def test_nested_shapes_and_types(doc: dict[str, Any]) -> None:
    problems = contract_problems(doc)
    assert not problems, fmt(problems)


def test_every_project_has_the_four_plan_months(doc: dict[str, Any]) -> None:
    bad = {
        p["no"]: sorted(k for k in p["plan"] if not k.startswith("_"))
        for p in doc["projects"]
        if {k for k in p["plan"] if not k.startswith("_")} != PLAN_KEYS
    }
    assert not bad


def test_every_indicator_has_parsed(doc: dict[str, Any]) -> None:
    missing = [
        (p["no"], i)
        for p in doc["projects"]
        for i, ind in enumerate(p["indicators"])
        if not isinstance(ind.get("parsed"), dict)
    ]
    assert not missing
    assert sum(len(p["indicators"]) for p in doc["projects"]) > 0


def test_parsed_values_are_consistent_with_their_kind(doc: dict[str, Any]) -> None:
    problems = []
    for p in doc["projects"]:
        for i, ind in enumerate(p["indicators"]):
            parsed = ind["parsed"]
            where = f"project {p['no']} indicator {i} ({ind.get('value')!r}): {parsed}"
            if parsed["kind"] == "qualitative":
                if (parsed["comparator"], parsed["number"], parsed["unit"]) != (None,) * 3:
                    problems.append(where)
            elif parsed["number"] is None or parsed["comparator"] is None:
                problems.append(where)
    assert not problems, fmt(problems)


def test_projects_and_indicators_have_a_source_line(doc: dict[str, Any]) -> None:
    problems = []
    for p in doc["projects"]:
        nodes = [(f"project {p['no']}", p)] + [
            (f"project {p['no']} indicator {i}", ind) for i, ind in enumerate(p["indicators"])
        ]
        for where, node in nodes:
            line = (node.get("_source") or {}).get("line")
            if not (isinstance(line, int) and not isinstance(line, bool) and line > 0):
                problems.append(f"{where}: _source = {node.get('_source')!r}")
    assert not problems, fmt(problems)


def test_every_source_is_a_place(doc: dict[str, Any]) -> None:
    problems = []
    for path, obj in objects(doc):
        if "_source" not in obj:
            continue
        src = obj["_source"]
        ok = isinstance(src, dict) and (
            (isinstance(src.get("line"), int) and src["line"] > 0)
            or (
                isinstance(src.get("page"), int)
                and isinstance(src.get("bbox"), list)
                and len(src["bbox"]) == 4
            )
        )
        if not ok:
            problems.append(f"{path}._source = {src!r}")
    assert not problems, fmt(problems)


def test_no_float_anywhere(seed: yusuan.model.Disclosure, doc: dict[str, Any]) -> None:
    for tree in (to_dict(seed), doc):
        floats = [path for path, value in walk(tree) if isinstance(value, float)]
        assert not floats, fmt(floats)


SHAPES_WITH_NUMBERS = (
    *(INCOME, INCOME_SOURCE, BASIC, PROJECT_EXPENDITURE, OPERATING_COSTS, THREE_PUBLIC),
    *(GOAL, PROJECT, PARSED, PROCUREMENT, CATEGORY_TOTAL, PROCUREMENT_ITEM, ASSETS, ASSET_ROW),
)


def test_numeric_keys_hold_numbers_wherever_they_occur(doc: dict[str, Any]) -> None:
    # A number written as a string ("42.40", "98.71%") is the classic drift. Every key the
    # contract makes a number is checked wherever it occurs (also inside extra objects).
    numeric = {
        key
        for shape in SHAPES_WITH_NUMBERS
        for key, tag in shape.items()
        if tag.startswith(("num", "int"))
    } - {"quantity", "value"}  # also text keys elsewhere (indicator.value)
    wrong = [
        (path, obj[key])
        for path, obj in objects(doc)
        for key in numeric & obj.keys()
        if not _type_ok(obj[key], "num?")
    ]
    assert not wrong, wrong


def test_leading_numbering_is_stripped(doc: dict[str, Any]) -> None:
    items = [("duties", s) for s in doc["duties"]]
    items += [("safeguards", s) for s in doc["performance"]["safeguards"]]
    items += [("goal title", g["title"]) for g in doc["performance"]["goals"] if g["title"]]
    items += [(f"project {p['no']} goal", s) for p in doc["projects"] for s in p["goals"]]
    items += [("glossary term", g["term"]) for g in doc["glossary"]]
    numbered = [(where, s) for where, s in items if NUMBERING.search(s)]
    assert not numbered, numbered


def test_no_markup_in_strings(doc: dict[str, Any]) -> None:
    marked = [(path, s) for path, s in strings(doc) if re.search(r"</?b>", s, re.IGNORECASE)]
    assert not marked, marked


def test_strings_are_whitespace_normalised(doc: dict[str, Any]) -> None:
    bad = [(path, s) for path, s in strings(doc) if re.search(r"\s\s|[^\S ]", s) or s != s.strip()]
    assert not bad, fmt([repr(b) for b in bad])


def test_codes_contain_no_spaces(doc: dict[str, Any]) -> None:
    codes = [("department.code", doc["department"]["code"])]
    codes += [(f"project {p['no']} code", p["code"]) for p in doc["projects"]]
    codes += [
        (f"procurement item {i} catalog_code", item["catalog_code"])
        for i, item in enumerate(doc["procurement"]["items"])
    ]
    codes += [
        (f"table {t['name']} row code", row["code"]) for t in doc["tables"] for row in t["rows"]
    ]
    spaced = [(where, c) for where, c in codes if c is not None and re.search(r"\s", c)]
    assert not spaced, spaced
    assert all(p["code"] for p in doc["projects"]), "every seed project prints a 项目编码"


# --------------------------------------------------------------------------------------------
# Round trip
# --------------------------------------------------------------------------------------------


def test_round_trip(seed: yusuan.model.Disclosure, seed_json: str) -> None:
    again = yusuan.loads(seed_json)
    assert again == seed
    assert yusuan.dumps(again) == seed_json


def test_handmade_document_round_trips_through_the_model() -> None:
    # A contract-conformant document the model must carry unchanged: catches model drift
    # (a renamed, dropped or retyped key) without the reader.
    text = simplejson.dumps(handmade(), use_decimal=True, ensure_ascii=False)
    back = json.loads(yusuan.dumps(yusuan.loads(text)), parse_float=Decimal)
    assert back == handmade()


# --------------------------------------------------------------------------------------------
# The schema
# --------------------------------------------------------------------------------------------

HANDMADE = r"""
{
  "schema": "yusuan/disclosure@1",
  "title": "高新区科技局 2021 年部门预算信息公开 情况说明",
  "kind": "budget",
  "year": 2021,
  "department": {"name": "石家庄高新技术产业开发区科学技术局", "short_name": "高新区科技局",
                 "code": "306"},
  "currency_unit": "万元",
  "duties": ["负责科技金融创新工作。", "负责科协工作。"],
  "units": [{"name": "石家庄高新技术产业开发区科学技术局", "nature": "行政", "level": "正科级",
             "funding": "财政拨款", "_source": {"line": 41}}],
  "income": {"total": 44999, "change": 4606.21, "growth_pct": 11.4, "_source": {"line": 45},
             "sources": [
               {"key": "general_budget", "name": "一般公共预算拨款", "amount": 44419,
                "change": 4026.21, "growth_pct": 9.97, "share_pct": 98.71},
               {"key": "carryover", "name": "上年结转", "amount": 580, "change": 0,
                "growth_pct": null, "share_pct": 1.29}]},
  "expenditure": {"total": 44999,
                  "basic": {"amount": 695.17, "share_pct": 1.55, "change": 255.7,
                            "personnel": 663.2, "public": 31.97},
                  "project": {"amount": 44303.83, "share_pct": 98.45, "change": null,
                              "own": 43723.83, "carryover": 580}},
  "operating_costs": {"amount": 31.97, "change": -1.5},
  "three_public": {"total": 0, "change": 0, "overseas": 0, "vehicle_total": 0,
                   "vehicle_purchase": 0, "vehicle_operation": 0, "reception": 0},
  "performance": {"overall_goal": "推动科技创新。",
                  "goals": [{"no": 1, "title": "强化企业创新主体地位", "goal": "培育企业。",
                             "indicators_text": "新增高新技术企业 100 家。"}],
                  "safeguards": ["加强组织领导。"]},
  "projects": [
    {"no": 1, "code": "1301902101PDD8ZPY4KBQ", "name": "科技保险保费补贴",
     "unit": "306001 石家庄高新技术产业开发区科学技术局本级",
     "amount": 42.40, "fiscal": 42.40, "other": 0, "purpose": "依据……设立该项目资金。",
     "plan": {"3": null, "6": 60.00, "10": 60.00, "12": 100.00},
     "goals": ["通过政策引导，推广科技保险产品。", "分散和转移风险。"],
     "indicators": [
       {"level1": "产出指标", "level2": "数量指标", "name": "完成科技保险单数",
        "description": "2020年投保科技保险单数", "value": "≥30单", "basis": "《方案》",
        "parsed": {"kind": "quantitative", "comparator": "≥", "number": 30, "unit": "单"},
        "_source": {"line": 157}},
       {"level1": "产出指标", "level2": "时效指标", "name": "资金拨付时限",
        "description": "发放奖励资金的时间", "value": "12月底前", "basis": null,
        "parsed": {"kind": "deadline", "comparator": "≤", "number": 12, "unit": "月"},
        "_source": {"line": 161}},
       {"level1": "效益指标", "level2": "社会效益指标", "name": "提高风险管理水平",
        "description": null, "value": "显著提高", "basis": null,
        "parsed": {"kind": "qualitative", "comparator": null, "number": null, "unit": null},
        "_source": {"line": 163}}],
     "discrepancies": [{"field": "plan.10", "table": 100, "prose": 0,
                        "_source": {"line": 154}}],
     "_source": {"line": 145}}],
  "procurement": {"total": 120.5, "count": 2,
                  "by_category": {"货物": {"count": 1, "amount": 20.5},
                                  "服务": {"count": 1, "amount": 100}},
                  "items": [{"source_project": "科技保险保费补贴", "source_budget": 42.40,
                             "item": "宣传材料", "catalog_code": "C020702", "unit": "批",
                             "quantity": 1, "unit_price": 20.5, "amount": 20.5,
                             "general_budget": 20.5, "other_funds": {"其他资金": null}}]},
  "assets": {"total": 150.25, "as_of": "2020-12-31",
             "categories": {"通用设备": 100.25, "家具、用具及装具": 50},
             "planned_purchase": null,
             "table": [{"item": "车辆", "quantity": 0, "value": 0}]},
  "glossary": [{"term": "上年结转", "definition": "指以前年度尚未完成的资金。"}],
  "notes": ["本部门无政府性基金预算。"],
  "tables": [{"name": "部门收支总表", "title": "部门收支总表", "unit": "元", "pages": [3, 4],
              "empty": false, "columns": [["项目", "科目"], ["金额", ""]],
              "rows": [{"code": null, "label": "一般公共预算拨款", "values": [444190000.00]},
                       {"code": "2060199", "label": "其他科学技术管理事务支出",
                        "values": [null]}],
              "_source": {"page": 3, "bbox": [36.5, 72, 560, 780.25], "file": "a.pdf"}}],
  "discrepancies": []
}
"""


def handmade() -> dict[str, Any]:
    data = json.loads(HANDMADE, parse_float=Decimal)
    assert isinstance(data, dict)
    return data


def test_schema_is_valid_draft_2020_12(validator: Draft202012Validator) -> None:
    assert validator.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_seed_validates_against_the_schema(
    validator: Draft202012Validator, doc: dict[str, Any]
) -> None:
    errors = schema_errors(validator, doc)
    assert not errors, fmt(errors)


def test_empty_model_validates_against_the_schema(validator: Draft202012Validator) -> None:
    minimal = json.loads(yusuan.dumps(yusuan.model.Disclosure()), parse_float=Decimal)
    assert not schema_errors(validator, minimal)
    assert not contract_problems(minimal)


def test_handmade_document_validates(validator: Draft202012Validator) -> None:
    doc = handmade()
    assert not schema_errors(validator, doc)
    assert not contract_problems(doc)


def test_final_accounts_may_carry_budget_figures(validator: Draft202012Validator) -> None:
    doc = handmade()
    doc["kind"] = "final"
    doc["budget_figures"] = {
        "income": copy.deepcopy(doc["income"]),
        "three_public": copy.deepcopy(doc["three_public"]),
    }
    assert not schema_errors(validator, doc)


PART = "第三部分上海市普陀区财政局2024年度部门决算情况说明"
FIVE = "五、一般公共预算财政拨款支出决算情况说明"


def with_narrative() -> dict[str, Any]:
    """The handmade document as a 决算 with 情况说明 paragraphs: one right under the part's
    heading (no `parents` key), one under a sub-heading of the part, one under a sub-heading
    of that (two enclosing headings, outermost first)."""
    doc = handmade()
    doc["kind"] = "final"
    doc["narrative"] = [
        {"heading": PART, "text": "现将2024年度部门决算情况说明如下。"},
        {
            "_source": {"page": 21, "bbox": [73.45, 268.13, 513.15, 293.42]},
            "parents": [PART],
            "heading": "一、收入支出决算总体情况说明",
            "text": "本年收入支出总计2995.39万元。",
        },
        {
            "parents": [PART, FIVE],
            "heading": "（一）一般公共预算财政拨款支出决算总体情况",
            "text": "一般公共预算财政拨款支出2940.05万元。",
        },
    ]
    return doc


def test_final_accounts_may_carry_narrative_with_enclosing_headings(
    validator: Draft202012Validator,
) -> None:
    doc = with_narrative()
    assert not schema_errors(validator, doc)
    # The model carries `parents` unchanged and writes no key where there are none.
    text = simplejson.dumps(doc, use_decimal=True, ensure_ascii=False)
    back = json.loads(yusuan.dumps(yusuan.loads(text)))
    assert back["narrative"] == json.loads(text)["narrative"]
    assert "parents" not in back["narrative"][0]
    assert [p.parents for p in yusuan.loads(text).narrative] == [[], [PART], [PART, FIVE]]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("parents", None),
        ("parents", PART),
        ("parents", [PART, 3]),
        ("parents", [None]),
        ("heading", 3),
        ("text", None),
    ],
)
def test_schema_rejects_a_paragraph(
    validator: Draft202012Validator, key: str, value: object
) -> None:
    doc = with_narrative()
    doc["narrative"][2][key] = value
    assert schema_errors(validator, doc), f"the schema accepted {key} = {value!r}"


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


def _budget_figures_on_a_budget(doc: dict[str, Any]) -> None:
    doc["budget_figures"] = {"income": copy.deepcopy(doc["income"])}


INVALID: dict[str, Callable[[dict[str, Any]], None]] = {
    "money as a string": _set("income/total", "44999"),
    "project amount as a string": _set("projects/0/amount", "42.40"),
    "percentage as a string": _set("income/sources/0/share_pct", "98.71%"),
    "plan value as a string": _set("projects/0/plan/6", "60.00%"),
    "missing top-level key": _delete("income"),
    "missing discrepancies": _delete("discrepancies"),
    "missing nested key": _delete("three_public/reception"),
    "missing plan": _delete("projects/0/plan"),
    "missing parsed": _delete("projects/0/indicators/0/parsed"),
    "missing plan month": _delete("projects/0/plan/12"),
    "bad plan key": _set("projects/0/plan/9", 75),
    "bad plan key Q1": _set("projects/0/plan/Q1", 0),
    "kind other": _set("kind", "other"),
    "wrong schema id": _set("schema", "yusuan/disclosure@2"),
    "currency unit 元": _set("currency_unit", "元"),
    "list null": _set("duties", None),
    "object null": _set("expenditure/basic", None),
    "no as a string": _set("projects/0/no", "1"),
    "no null": _set("performance/goals/0/no", None),
    "count not an integer": _set("procurement/count", Decimal("1.5")),
    "parsed kind unknown": _set("projects/0/indicators/0/parsed/kind", "numeric"),
    "comparator unknown": _set("projects/0/indicators/0/parsed/comparator", "≈"),
    "unknown category": _set("procurement/by_category/其他", {"count": 1, "amount": 1}),
    "unknown income key": _set("income/sources/0/key", "general"),
    "source line zero": _set("projects/0/_source", {"line": 0}),
    "source line a string": _set("projects/0/indicators/0/_source", {"line": "157"}),
    "source with neither line nor page": _set("units/0/_source", {"file": "a.txt"}),
    "bbox of three": _set("tables/0/_source", {"page": 3, "bbox": [1, 2, 3]}),
    "code with a space": _set("projects/0/code", "1301902101PDD8ZPY 4KBQ"),
    "numbered duty": _set("duties/0", "7. 负责科技金融创新工作。"),
    "numbered safeguard": _set("performance/safeguards/0", "（一）加强组织领导。"),
    "numbered glossary term": _set("glossary/0/term", "7、上年结转"),
    "numbered project goal": _set("projects/0/goals/0", "1.通过政策引导"),
    "whitespace run": _set("title", "高新区科技局  2021 年"),
    "trailing space": _set("projects/0/name", "科技保险保费补贴 "),
    "line break": _set("performance/overall_goal", "推动\n科技创新。"),
    "empty string for an unstated value": _set("units/0/level", ""),
    "as_of not ISO": _set("assets/as_of", "2020 年末"),
    "table unit 千元": _set("tables/0/unit", "千元"),
    "table value a string": _set("tables/0/rows/0/values/0", "444190000.00"),
    "non-standard table name": _set("tables/0/name", "项目支出表"),
    "discrepancy without field": _delete("projects/0/discrepancies/0/field"),
    "discrepancy without source": _delete("projects/0/discrepancies/0/_source"),
    "budget figures on a budget": _budget_figures_on_a_budget,
    "boolean as money": _set("operating_costs/amount", True),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_schema_rejects(validator: Draft202012Validator, name: str) -> None:
    doc = handmade()
    INVALID[name](doc)
    assert schema_errors(validator, doc), f"the schema accepted: {name}"


def test_schema_allows_extra_keys(validator: Draft202012Validator) -> None:
    doc = handmade()
    doc["x_publisher"] = "someone"
    doc["projects"][0]["x_note"] = 1
    doc["projects"][0]["plan"]["_note"] = "extra metadata"
    doc["projects"][0]["discrepancies"][0]["shifted"] = 100
    assert not schema_errors(validator, doc)
