"""预算绩效: the overall goal, the itemised goals and the safeguards."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Goal, Source
from .lines import Line, item_number, paragraphs, starts_item, strip_numbering

_LABEL = re.compile(r"^(绩效目标|绩效指标)\s*[：:]\s*")


def overall_goal(lines: Sequence[Line]) -> str | None:
    texts = [text for _, text in paragraphs(lines)]
    return " ".join(texts) or None


def goals(lines: Sequence[Line]) -> list[Goal]:
    """`1. 标题` then `绩效目标：…` and `绩效指标：…`, the title a heading or a plain line."""
    out: list[Goal] = []
    for line in lines:
        if line.cells is not None or line.blank:
            continue
        label = _LABEL.match(line.text)
        if label is None:
            no = item_number(line.text)
            if no is not None:
                out.append(
                    Goal(
                        source=Source(line=line.no), no=no, title=strip_numbering(line.text) or None
                    )
                )
            continue
        if not out:
            continue
        body = line.text[label.end() :] or None
        if label.group(1) == "绩效目标":
            out[-1].goal = body
        else:
            out[-1].indicators_text = body
    return out


def safeguards(lines: Sequence[Line]) -> list[str]:
    return [strip_numbering(text) for _, text in paragraphs(lines) if starts_item(text)]
