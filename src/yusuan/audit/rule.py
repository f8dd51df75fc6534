"""A check: a small class with a stable id, titles, a message template and its reason.

Each rule's docstring says why the rule exists and where it comes from (the document's own
structure, or a regulation such as 财预〔2015〕88号 or 财预〔2021〕101号); `docs/rules.md` is
generated from them.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypedDict, TypeVar, Unpack

from ..model import Disclosure, Indicator, Node, Project
from .finding import Category, Evidence, Finding, Location, Severity

#: What an example edits: the bundled seed (石家庄高新区科技局 2021 年部门预算, text) or the
#: bundled final-accounts demo (`data/final-demo.json`, canonical JSON with the standard tables).
ExampleBase = Literal["seed", "final"]


@dataclass(frozen=True)
class Example:
    """How to make the rule fire on its base document: replace `old` by `new` (once) in the
    seed's text (`base="seed"`) or in the JSON text of the bundled final-accounts demo
    (`base="final"`), or leave the base as it is (`old` empty) when it carries the mistake
    itself. Used by the docs and by a test that every rule fires on its example."""

    old: str = ""
    new: str = ""
    note: str = ""
    base: ExampleBase = "seed"


class Rule(ABC):
    id: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    title: ClassVar[str]
    title_en: ClassVar[str]
    message: ClassVar[str]
    """Chinese message template, `str.format` placeholders."""
    message_en: ClassVar[str]
    hint: ClassVar[str | None] = None
    hint_en: ClassVar[str | None] = None
    source: ClassVar[str] = "文件自身结构 / the document's own structure"
    example: ClassVar[Example]

    @abstractmethod
    def check(self, d: Disclosure) -> Iterator[Finding]:
        """The findings of this rule on `d`, in document order."""

    @classmethod
    def why(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def finding(
        self,
        *,
        locations: list[Location],
        evidence: Evidence | None = None,
        **params: Any,
    ) -> Finding:
        """A finding with this rule's templates filled from `params`."""
        finding: Finding = _new_finding(
            {
                "rule": self.id,
                "severity": self.severity,
                "category": self.category,
                "message": self.message.format(**params),
                "message_en": self.message_en.format(**params),
                "locations": locations,
                "evidence": evidence or _new_evidence({}),
                "hint": _fill(self.hint, params),
                "hint_en": _fill(self.hint_en, params),
            }
        )
        return finding


def _fill(template: str | None, params: dict[str, Any]) -> str | None:
    # Most hints are fixed text: formatting them anyway costs a parse per finding.
    if template is None or "{" not in template:
        return template
    return template.format(**params)


# Findings and locations are made through their models' pydantic-core validators from a
# dict: the same validation as `Finding(**fields)`, without the Python frame of
# `BaseModel.__init__`, which is a third of the cost of these small models (a check makes a
# few hundred of them).
_new_finding = Finding.__pydantic_validator__.validate_python
_new_location = Location.__pydantic_validator__.validate_python
_new_evidence = Evidence.__pydantic_validator__.validate_python


class _EvidenceFields(TypedDict, total=False):
    quote: str | None
    stated: str | None
    computed: str | None
    formula: str | None


def evidence(**fields: Unpack[_EvidenceFields]) -> Evidence:
    """`Evidence(**fields)`, made by its validator like findings and locations."""
    made: Evidence = _new_evidence(fields)
    return made


REGISTRY: dict[str, Rule] = {}

T = TypeVar("T")

# What several rules derive from one disclosure (e.g. its prose joined once), kept for one
# engine run: the engine clears it before and after, so a changed disclosure is never served
# stale data. Entries keep the disclosure itself, so an id is never reused while cached.
_SHARED: dict[tuple[int, Callable[..., Any]], tuple[Disclosure, Any]] = {}


def shared(d: Disclosure, build: Callable[[Disclosure], T]) -> T:
    """`build(d)`, computed once per engine run however many rules ask for it."""
    key = (id(d), build)
    hit = _SHARED.get(key)
    if hit is not None and hit[0] is d:
        return hit[1]  # type: ignore[no-any-return]
    if len(_SHARED) > 32:
        _SHARED.clear()
    value = build(d)
    _SHARED[key] = (d, value)
    return value


def forget_shared() -> None:
    _SHARED.clear()


R = TypeVar("R", bound=type[Rule])


def register(cls: R) -> R:
    """Add a rule to the registry; ids are stable and unique."""
    if cls.id in REGISTRY:
        raise ValueError(f"duplicate rule id {cls.id}")
    REGISTRY[cls.id] = cls()
    return cls


def at(node: Node | None, section: str | None = None, **fields: Any) -> Location:
    """The location of a model object (its `_source`), labelled with the section."""
    src = node.source if node is not None else None
    location: Location
    if src is None:
        location = _new_location({"section": section, **fields})
    elif src.page is None:  # a text document: a line, no page
        location = _new_location({"line": src.line, "section": section, **fields})
    else:
        location = _new_location(
            {"line": src.line, "page": src.page, "bbox": src.bbox, "section": section, **fields}
        )
    return location


def at_project(project: Project, section: str | None = None, node: Node | None = None) -> Location:
    return at(
        node if node is not None else project,
        section or f"projects[{project.no}]",
        project_no=project.no,
        project_code=project.code,
    )


def at_indicator(project: Project, row: int, indicator: Indicator) -> Location:
    """`row` is 1-based, as a reviewer counts the printed rows."""
    return at(
        indicator,
        f"projects[{project.no}].indicators[{row}]",
        project_no=project.no,
        project_code=project.code,
        indicator=row,
    )
