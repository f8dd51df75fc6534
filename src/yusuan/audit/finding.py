"""What a check reports: plain data, with the place as fields and the evidence quoted."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
Category = Literal[
    "arithmetic", "plan", "indicator", "reference", "consistency", "language", "table"
]

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
REPORT_SCHEMA = "yusuan/report@1"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Data):
    """Where a finding points: the printed place and the part of the disclosure."""

    line: int | None = None
    page: int | None = None
    bbox: list[float] | None = None
    section: str | None = None
    """The model path of the section or field, e.g. `expenditure.basic.share_pct`."""
    project_no: int | None = None
    project_code: str | None = None
    indicator: int | None = None
    """1-based row of the project's indicator table."""


class Evidence(_Data):
    """What a reviewer needs to verify a finding in seconds."""

    quote: str | None = None
    """The printed text the finding is about."""
    stated: str | None = None
    """The value the document prints."""
    computed: str | None = None
    """The value the document's own figures give."""
    formula: str | None = None
    """How `computed` was obtained, e.g. `695.17 / 44999 × 100`."""


class Finding(_Data):
    rule: str
    severity: Severity
    category: Category
    message: str
    """In Chinese (the users' language)."""
    message_en: str
    locations: list[Location] = Field(default_factory=list)
    evidence: Evidence = Field(default_factory=Evidence)
    hint: str | None = None
    hint_en: str | None = None
    suppressed: str | None = None
    """The written reason when a configured suppression covers this finding."""

    @property
    def line(self) -> int | None:
        return next((loc.line for loc in self.locations if loc.line is not None), None)


class CheckRun(_Data):
    """One check that ran, so that no finding means checked and clean."""

    id: str
    category: Category
    severity: Severity
    title: str
    title_en: str
    findings: int = 0
    suppressed: int = 0


class DocumentRef(_Data):
    title: str | None = None
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    file: str | None = None


class Summary(_Data):
    error: int = 0
    warning: int = 0
    info: int = 0
    suppressed: int = 0


class Report(_Data):
    schema_: str = Field(default=REPORT_SCHEMA, alias="schema")
    document: DocumentRef = Field(default_factory=DocumentRef)
    checks: list[CheckRun] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    suppressed: list[Finding] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def at_least(self, severity: Severity) -> list[Finding]:
        limit = SEVERITY_ORDER[severity]
        return [f for f in self.findings if SEVERITY_ORDER[f.severity] <= limit]
