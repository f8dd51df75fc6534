"""A Report as one self-contained HTML page (inline CSS, no script, no external resource).

The page shows the findings grouped by severity and place, each linking to the line it points
at (`#L123`), then the document text with line numbers, where every line a finding points at is
highlighted and the finding is shown under it. Without the text (a report on a JSON export)
the page shows the list alone.

A report on a PDF has pages instead of lines: each finding shows `第 N 页 page N`, linking to
`FILE.pdf#page=N` (`pdf`, a URL relative to the page; by default the PDF's file name, for a
page written next to the PDF or its annotated copy).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from ..audit.finding import SEVERITY_ORDER, Finding, Report
from .places import SEVERITIES, group_by_place, severity_label, where
from .text import KIND, summary_lines

if TYPE_CHECKING:
    import jinja2


@dataclass
class Item:
    """A finding on the page: its anchor id, its lines and its check's titles."""

    id: str
    finding: Finding
    title: str
    title_en: str
    where: str
    lines: list[int]
    pages: list[int] = field(default_factory=list)
    """The pages it points at (a report on a PDF), the first one first."""

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None

    @property
    def section(self) -> str | None:
        return next((loc.section for loc in self.finding.locations if loc.section), None)

    @property
    def css(self) -> str:
        return "suppressed" if self.finding.suppressed is not None else self.finding.severity

    @property
    def severity_label(self) -> str:
        return severity_label(self.finding.severity)


@dataclass
class Line:
    no: int
    text: str
    items: list[Item] = field(default_factory=list)
    """Findings shown under this line (the line is the first they point at)."""
    refs: list[Item] = field(default_factory=list)
    """Findings that also point at this line."""

    @property
    def css(self) -> str:
        everyone = [*self.items, *self.refs]
        if not everyone:
            return ""
        active = [i.finding.severity for i in everyone if i.finding.suppressed is None]
        if not active:
            return "hit hit-suppressed"
        return "hit hit-" + min(active, key=lambda s: SEVERITY_ORDER[s])

    @property
    def heading(self) -> bool:
        return self.text.lstrip().startswith("#")


@dataclass
class Section:
    label: str
    css: str
    groups: list[tuple[str, list[Item]]]
    count: int


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    import jinja2

    source = (files("yusuan.render") / "templates" / "report.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source)


def default_pdf_link(report: Report) -> str | None:
    """The PDF's file name (URL-quoted) when the report is on a PDF, else None."""
    from urllib.parse import quote

    file = report.document.file
    if not file or not file.lower().endswith(".pdf"):
        return None
    return quote(posixpath.basename(file.replace("\\", "/")))


def render_html(report: Report, text: str | None = None, *, pdf: str | None = None) -> str:
    """The page; `text` is the checked document's text (None when it is not available), `pdf`
    the URL of the checked PDF that page references link to (default: `default_pdf_link`)."""
    if pdf is None:
        pdf = default_pdf_link(report)
    titles = {c.id: (c.title, c.title_en) for c in report.checks}
    items: dict[int, Item] = {}
    ordered = [*report.findings, *report.suppressed]
    for n, finding in enumerate(ordered, start=1):
        title, title_en = titles.get(finding.rule, ("", ""))
        at = sorted({loc.line for loc in finding.locations if loc.line is not None})
        pages = list(dict.fromkeys(loc.page for loc in finding.locations if loc.page is not None))
        items[id(finding)] = Item(f"F{n}", finding, title, title_en, where(finding), at, pages)

    def section(label: str, css: str, findings: list[Finding]) -> Section:
        groups = [(g.label, [items[id(f)] for f in g.findings]) for g in group_by_place(findings)]
        return Section(label, css, groups, len(findings))

    sections = [
        section(f"{zh} {en}", sev, [f for f in report.findings if f.severity == sev])
        for sev, (zh, en) in SEVERITIES.items()
    ]
    sections = [s for s in sections if s.count]
    if report.suppressed:
        sections.append(section("已抑制 suppressed", "suppressed", report.suppressed))

    lines: list[Line] = []
    if text is not None:
        lines = [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]
        for item in items.values():
            for k, no in enumerate(item.lines):
                if 1 <= no <= len(lines):
                    (lines[no - 1].items if k == 0 else lines[no - 1].refs).append(item)

    doc = report.document
    facts = [
        x
        for x in (
            doc.department,
            f"{doc.year} 年" if doc.year is not None else None,
            KIND.get(doc.kind or "", doc.kind),
            doc.file,
        )
        if x
    ]
    clean = sum(1 for c in report.checks if c.findings == 0 and c.suppressed == 0)
    return _template().render(
        report=report,
        title=doc.title or doc.file or "—",
        facts=facts,
        sections=sections,
        lines=lines,
        has_text=text is not None,
        pdf=pdf,
        on_pdf=pdf is not None or any(i.pages for i in items.values()),
        max_line=len(lines),
        clean=clean,
        summary=summary_lines(report),
    )
