"""Language: misspelt official terms and doubled punctuation in the disclosure's prose.

The prose fields (duties, goals, safeguards, purposes, indicator names and descriptions,
glossary, and the 情况说明 paragraphs of a document that prints standard tables) are joined
once into one text with separators; each catalogue entry's literal core is found in it with a
plain substring search (a regex alternation over the whole text is ten times slower), and each
match is mapped back to its field and place only when it is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from ...model import Disclosure
from ..finding import Finding, Location
from ..rule import Example, Rule, at, at_indicator, at_project, evidence, register, shared

#: Fields are joined with this separator; no pattern below can match across it.
_SEP = "\n\x00\n"


#: Which field a stretch of the joined text is: (kind, index, sub-index) into the model.
_Key = tuple[str, int, int]


class _Prose:
    """The disclosure's prose fields joined once, with a map back from offsets to fields.

    Built for every check, so it records only the fields and, per block of fields (the
    duties, each project, …), where the block starts: a field's offset and its key into the
    model are computed from those when a finding needs them, not stored for ~600 fields."""

    def __init__(self, d: Disclosure) -> None:
        self.d = d
        parts: list[str] = [*d.duties]
        # (index of the block's first field, kind, project index, count of its goals)
        blocks: list[tuple[int, str, int, int]] = [(0, "duty", 0, 0)]
        perf = d.performance
        blocks.append((len(parts), "overall", 0, 0))
        parts.append(perf.overall_goal or "")
        blocks.append((len(parts), "goal", 0, 0))
        for goal in perf.goals:
            parts += (goal.title or "", goal.goal or "", goal.indicators_text or "")
        blocks.append((len(parts), "safeguard", 0, 0))
        parts += perf.safeguards
        append = parts.append
        for i, project in enumerate(d.projects):
            # the hottest loop of the build: name, purpose, goals, then each indicator row's
            # name and description
            goals = project.goals
            blocks.append((len(parts), "project", i, len(goals)))
            append(project.name or "")
            append(project.purpose or "")
            parts += goals
            for indicator in project.indicators:
                append(indicator.name or "")
                append(indicator.description or "")
        blocks.append((len(parts), "glossary", 0, 0))
        for entry in d.glossary:
            parts += (entry.term, entry.definition or "")
        blocks.append((len(parts), "narrative", 0, 0))
        parts += (paragraph.text for paragraph in d.narrative)
        self.text = _SEP.join(parts)
        self._parts = parts
        self._blocks = blocks
        self._firsts = [block[0] for block in blocks]
        # text offset of field k = _lengths[k] + k * len(_SEP) (all fields before it, joined)
        self._lengths = list(accumulate(map(len, parts), initial=0))

    def _start(self, k: int) -> int:
        return self._lengths[k] + k * len(_SEP)

    def _index(self, offset: int) -> int:
        return bisect_right(range(len(self._parts)), offset, key=self._start) - 1

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end of the field that holds `offset`."""
        k = self._index(offset)
        start = self._start(k)
        return start, start + len(self._parts[k])

    def _key(self, k: int) -> _Key:
        """(kind, index, sub-index) of field `k`, from its block (1-based numbers where a
        reviewer counts: duties, safeguards, glossary entries, project goals and rows)."""
        # the last block starting at or before k (blocks before it may be empty)
        first, kind, project, goals = self._blocks[bisect_right(self._firsts, k) - 1]
        at = k - first
        if kind in ("duty", "safeguard"):
            return kind, at + 1, 0
        if kind == "overall":
            return kind, 0, 0
        if kind == "goal":
            return ("goal.title", "goal.goal", "goal.indicators_text")[at % 3], at // 3, 0
        if kind == "glossary":
            return kind, at // 2 + 1, 0
        if kind == "narrative":
            return kind, at, 0
        if at < 2:
            return ("name", "purpose")[at], project, 0
        if at < 2 + goals:
            return "pgoal", project, at - 1
        return "indicator", project, (at - 2 - goals) // 2 + 1

    def place(self, offset: int) -> tuple[str, Location]:
        """The model path of the field that holds `offset` (one per printed place: an
        indicator row's name and description are one place) and its location."""
        kind, i, j = self._key(self._index(offset))
        d = self.d
        if kind == "duty":
            return f"duties[{i}]", at(None, f"duties[{i}]")
        if kind == "overall":
            return "performance.overall_goal", at(None, "performance.overall_goal")
        if kind.startswith("goal."):
            goal = d.performance.goals[i]
            path = f"performance.goals[{goal.no}].{kind[5:]}"
            return path, at(goal, path)
        if kind == "safeguard":
            return f"performance.safeguards[{i}]", at(None, f"performance.safeguards[{i}]")
        if kind == "glossary":
            return f"glossary[{i}]", at(d.glossary[i - 1], f"glossary[{i}]")
        if kind == "narrative":
            return f"narrative[{i}]", at(d.narrative[i], f"narrative[{i}]")
        project = d.projects[i]
        base = f"projects[{project.no}]"
        if kind == "indicator":
            return f"{base}.indicators[{j}]", at_indicator(project, j, project.indicators[j - 1])
        path = f"{base}.goals[{j}]" if kind == "pgoal" else f"{base}.{kind}"
        return path, at_project(project, path)


def _context(prose: _Prose, start: int, end: int, before: int, after: int) -> str:
    """The printed words around a match, within its own field (`before` / `after` characters,
    more where a number or a Latin word would be cut)."""
    text = prose.text
    first, last = prose.bounds(start)
    lo, hi = max(first, start - before), min(last, end + after)
    # never cut a number or a Latin word in two
    while lo > first and text[lo - 1 : lo + 1].isascii() and text[lo - 1 : lo + 1].isalnum():
        lo -= 1
    while hi < last and text[hi - 1 : hi + 1].isascii() and text[hi - 1 : hi + 1].isalnum():
        hi += 1
    return text[lo:hi]


# --------------------------------------------------------------------------------------------
# LANG-TYPO


@dataclass(frozen=True)
class TypoEntry:
    """One unmistakable misspelling. `core` is a literal every match contains (found with a
    plain substring search); `pattern` matches only the wrong form, never the correct term or
    a legitimate longer word around it; `right` is the correction (`\\1` stands for the
    pattern's one group, if it has one)."""

    core: str
    pattern: str
    right: str


TYPOS: tuple[TypoEntry, ...] = (
    # 挑 for 执: 贯彻执行 (duty 12 of the seed)
    TypoEntry("贯彻挑行", "贯彻挑行", "贯彻执行"),
    # 切 for 彻; "一贯切实" is correct, so only before 落实/执行
    TypoEntry("贯切", "贯切(落实|执行)", r"贯彻\1"),
    # 收益 (revenue) for 受益 (benefit): the beneficiaries' satisfaction indicator
    TypoEntry("收益", "收益(对象|群众|人群)满意度", r"受益\1满意度"),
    # 械 missing: 医疗器械注册证 (医疗器材 is a word, 医疗器注册 is not)
    TypoEntry("医疗器", "医疗器(注册|备案)", r"医疗器械\1"),
    # 心 for 小 where the object is the enterprises being relieved or supported
    TypoEntry("中心企业", "(减轻|扶持|帮助|助力|缓解|帮扶)中心企业", r"\1中小企业"),
    # 区 for 新: 高新技术企业 is the official category ("高新区高新技术企业" is correct)
    TypoEntry("高新区技术企业", "高新区技术企业", "高新技术企业"),
    # 薪 (salary) for 新: 高新技术企业 / 高新技术产业
    TypoEntry("高薪技术", "高薪技术(企业|产业)", r"高新技术\1"),
    # 按 for 安: 安排 (预算安排, 资金安排); "按排名/按排序" stay correct
    TypoEntry("按排", "(预算|资金|经费|统筹|合理|工作|年度)按排", r"\1安排"),
    # 拔 (pull out) for 拨 (allocate): 拨付, 拨款, 划拨; "提拔/选拔" stay correct
    TypoEntry("拔", "(?<![提选挺])拔(付|款)", r"拨\1"),
    TypoEntry("划拔", "划拔", "划拨"),
    # 布 for 部: 部署 ("发布署名" is correct: only before what a 部署 is followed by)
    TypoEntry("布署", "(?<![发公颁散分宣])布署", "部署"),
    # 公用 for 公共: 一般公共预算 (日常公用经费 is correct and not matched)
    TypoEntry("一般公用预算", "一般公用预算", "一般公共预算"),
    # idioms of official prose
    TypoEntry("再接再励", "再接再励", "再接再厉"),
    TypoEntry("按步就班", "按步就班", "按部就班"),
)

_TYPO_PATTERNS = tuple(re.compile(entry.pattern) for entry in TYPOS)

#: The character each core is searched by: one official prose seldom prints. Searching for
#: one character runs at memchr speed, for several CJK characters ten to twenty times slower;
#: any character of the core finds the same matches (a core without an entry: its last).
_ANCHORS = {
    "贯彻挑行": "挑",
    "贯切": "切",
    "收益": "益",
    "医疗器": "疗",
    "中心企业": "心",
    "高新区技术企业": "术",
    "高薪技术": "薪",
    "按排": "排",
    "布署": "署",
    "一般公用预算": "般",
    "再接再励": "再",
    "按步就班": "班",
}


def _occurrences(text: str, core: str) -> Iterator[int]:
    """Every offset of `core` in `text` (overlapping ones too), in order, as repeated
    `text.find(core, previous + 1)` gives them: through its anchor character."""
    char = _ANCHORS.get(core, core[-1])
    shift = core.index(char)
    at_char = text.find(char, shift)
    while at_char >= 0:
        if text.startswith(core, at_char - shift):
            yield at_char - shift
        at_char = text.find(char, at_char + 1)


#: How far before / after the core a pattern may reach (its longest prefix / suffix).
_REACH = 8


@register
class Typo(Rule):
    """公文常用术语的明显错别字（如「贯彻挑行」应为「贯彻执行」）。

    A disclosure is an official, published document (《中华人民共和国预算法》第十四条 makes
    it public); a misspelt official term such as 贯彻挑行, 收益对象满意度 (收益 is revenue,
    受益 is benefit) or 高新区技术企业 is a proof-reading failure the finance bureau sends back.
    The catalogue holds only unmistakable misspellings of official terms, each with its
    correct form; every pattern is written so that the correct term never matches.
    Source: 《党政机关公文处理工作条例》 and GB/T 9704 require official documents to be
    accurate in wording.
    """

    id = "LANG-TYPO"
    category = "language"
    severity = "warning"
    title = "公文术语错别字"
    title_en = "Misspelt official term"
    message = "「{wrong}」应为「{right}」"
    message_en = "「{wrong}」 should read 「{right}」"
    hint = "改为「{right}」"
    hint_en = "write 「{right}」"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        prose = shared(d, _Prose)
        text = prose.text
        hits: list[tuple[int, int, str, str]] = []
        for entry, pattern in zip(TYPOS, _TYPO_PATTERNS, strict=True):
            for at_core in _occurrences(text, entry.core):
                lo, hi = prose.bounds(at_core)
                lo = max(lo, at_core - _REACH)
                hi = min(hi, at_core + len(entry.core) + _REACH)
                for m in pattern.finditer(text, lo, hi):
                    if m.start() <= at_core < m.end():
                        right = entry.right.replace("\\1", m[1]) if m.re.groups else entry.right
                        hits.append((m.start(), m.end(), m[0], right))
                        break
        seen: set[tuple[str, str]] = set()
        for start, end, wrong, right in sorted(hits):
            place, location = prose.place(start)
            if (place, wrong) in seen:
                continue
            seen.add((place, wrong))
            yield self.finding(
                locations=[location],
                evidence=evidence(quote=_context(prose, start, end, 6, 6), stated=wrong),
                wrong=wrong,
                right=right,
            )


# --------------------------------------------------------------------------------------------
# LANG-DOUBLE-PUNCT

#: Sentence marks that are never doubled (unlike …… and ——).
_MARKS = "。，；、：！？,;"


@register
class DoublePunctuation(Rule):
    """句读标点重复（如「。。」「，，」）。

    A doubled full stop or comma (保费支持。。以上) is a typing slip left in a published
    official document; it is harmless to the figures but shows the text was not proof-read.
    Ellipses (……) and dashes (——), which are doubled by rule, are not matched. Source:
    GB/T 15834-2011 标点符号用法.
    """

    id = "LANG-DOUBLE-PUNCT"
    category = "language"
    severity = "info"
    title = "标点重复"
    title_en = "Doubled punctuation"
    message = "标点「{mark}」重复：「{quote}」"
    message_en = "doubled punctuation 「{mark}」: 「{quote}」"
    hint = "删去多余的标点"
    hint_en = "remove the extra mark"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        prose = shared(d, _Prose)
        text = prose.text
        runs: list[tuple[int, int]] = []
        for mark in _MARKS:
            start = text.find(mark + mark)
            while start >= 0:
                end = start + 2
                while text.startswith(mark, end):
                    end += 1
                runs.append((start, end))
                start = text.find(mark + mark, end)
        for start, end in sorted(runs):
            quote = _context(prose, start, end, 4, 2)
            yield self.finding(
                locations=[prose.place(start)[1]],
                evidence=evidence(quote=quote),
                mark=text[start:end],
                quote=quote,
            )
