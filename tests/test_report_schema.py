"""The JSON report (`yusuan check --format json`) against docs/report.schema.json."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from audit_helpers import edit, read_text
from yusuan.audit import REGISTRY, Config, Suppression, check
from yusuan.audit.finding import CheckRun, DocumentRef, Evidence, Finding, Location, Report, Summary

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def broken_report(seed_text: str) -> dict[str, Any]:
    """The seed with ARITH-INCOME-SUM's example edit; one project finding suppressed."""
    example = REGISTRY["ARITH-INCOME-SUM"].example
    disclosure = read_text(edit(seed_text, example.old, example.new))
    plain = check(disclosure)
    target = next(f for f in plain.findings if f.locations and f.locations[0].project_code)
    config = Config(
        suppress=[
            Suppression(
                rule=target.rule, project=target.locations[0].project_code, reason="已确认 ok"
            )
        ]
    )
    report = check(disclosure, config)
    assert report.suppressed
    assert any(f.rule == "ARITH-INCOME-SUM" for f in report.findings)
    data: dict[str, Any] = json.loads(report.to_json())
    return data


def test_schema_is_valid_draft_2020_12(validator: Draft202012Validator) -> None:
    assert validator.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_seed_report_validates(validator: Draft202012Validator, seed: Any) -> None:
    data = json.loads(check(seed).to_json())
    assert data["schema"] == "yusuan/report@1"
    assert list(validator.iter_errors(data)) == []


def test_report_with_findings_and_suppressions_validates(
    validator: Draft202012Validator, broken_report: dict[str, Any]
) -> None:
    assert list(validator.iter_errors(broken_report)) == []


def _finding(r: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = r["findings"][0]
    return first


MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "no schema": lambda r: r.pop("schema"),
    "other schema version": lambda r: r.update(schema="yusuan/report@2"),
    "no summary": lambda r: r.pop("summary"),
    "extra top-level key": lambda r: r.update(extra=1),
    "unknown severity": lambda r: _finding(r).update(severity="fatal"),
    "unknown category": lambda r: _finding(r).update(category="style"),
    "line as a string": lambda r: _finding(r)["locations"][0].update(line="50"),
    "line zero": lambda r: _finding(r)["locations"][0].update(line=0),
    "extra key in a finding": lambda r: _finding(r).update(note="x"),
    "evidence as a number": lambda r: _finding(r)["evidence"].update(stated=44999),
    "no message": lambda r: _finding(r).pop("message"),
    "empty message": lambda r: _finding(r).update(message=""),
    "bad rule id": lambda r: _finding(r).update(rule="arith income"),
    "negative count": lambda r: r["summary"].update(error=-1),
    "suppressed without a reason": lambda r: r["suppressed"][0].update(suppressed=None),
    "check without title": lambda r: r["checks"][0].pop("title"),
    "bbox of two numbers": lambda r: _finding(r)["locations"][0].update(bbox=[1, 2]),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_invalid_reports_fail(
    name: str, validator: Draft202012Validator, broken_report: dict[str, Any]
) -> None:
    data = copy.deepcopy(broken_report)
    MUTATIONS[name](data)
    assert list(validator.iter_errors(data)), f"{name}: the schema accepts it"


SHAPES: dict[str, type[BaseModel]] = {
    "": Report,
    "document": DocumentRef,
    "check": CheckRun,
    "finding": Finding,
    "location": Location,
    "evidence": Evidence,
    "summary": Summary,
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_schema_names_every_field_of_the_model(name: str, validator: Draft202012Validator) -> None:
    """A field added to (or removed from) finding.py must be added to the schema too."""
    schema = validator.schema
    node = schema["$defs"][name] if name else schema
    model = SHAPES[name]
    fields = {(info.alias or key) for key, info in model.model_fields.items() if not info.exclude}
    assert set(node["properties"]) == fields
    assert set(node["required"]) == fields  # to_json writes every key, null included
