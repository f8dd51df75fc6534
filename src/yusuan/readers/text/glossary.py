"""专业名词解释 and 其他需要说明的事项."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import GlossaryEntry, Source
from .lines import Line, paragraphs, strip_numbering

_TERM = re.compile(r"^(.+?)[：:]\s*(.*)$")


def glossary(lines: Sequence[Line]) -> list[GlossaryEntry]:
    out: list[GlossaryEntry] = []
    for line_no, text in paragraphs(lines):
        body = strip_numbering(text)
        m = _TERM.match(body)
        if m:
            term, definition = m.group(1).strip(), m.group(2).strip() or None
        else:
            term, definition = body, None
        out.append(GlossaryEntry(source=Source(line=line_no), term=term, definition=definition))
    return out


def notes(lines: Sequence[Line]) -> list[str]:
    return [text for _, text in paragraphs(lines)]
