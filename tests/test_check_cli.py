"""`yusuan check`, run in-process with click's CliRunner, and the report renderers.

The seed as bundled has findings of its own; tests that need one known finding use `broken`:
the seed with ARITH-INCOME-SUM's example edit (income total 44999 against sources of 44990,
line 50), checked with `select = ["ARITH-INCOME-SUM"]` where the other rules would distract.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

import yusuan
from audit_helpers import edit
from derive import SEED_NAME
from yusuan.audit import REGISTRY, Config
from yusuan.audit.finding import (
    CheckRun,
    DocumentRef,
    Evidence,
    Finding,
    Location,
    Report,
    Summary,
)
from yusuan.cli.docs import render as render_cli_docs
from yusuan.cli.main import main
from yusuan.render.csv import COLUMNS, render_csv
from yusuan.render.html import render_html
from yusuan.render.text import render_text, summary_lines

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text("utf-8"))
ONLY_INCOME = 'select = ["ARITH-INCOME-SUM"]\n'
REASON = "已与财政局核对，差额为四舍五入 / checked with the finance bureau: rounding"


def run(*args: str, input: bytes | None = None, color: bool = False) -> Result:
    return CliRunner().invoke(main, list(args), input=input, prog_name="yusuan", color=color)


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_refused(result: Result, *names: str) -> str:
    """Exit 2, nothing on stdout, one bilingual line on stderr naming `names`."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    line = result.stderr.removesuffix("\n")
    assert "\n" not in line, result.stderr
    zh, sep, en = line.partition(" / ")
    assert sep and has_cjk(zh) and any(w.isascii() and w.isalpha() for w in en.split()), line
    for name in names:
        assert name in line, (name, line)
    return line


@pytest.fixture
def broken_text(seed_text: str) -> str:
    example = REGISTRY["ARITH-INCOME-SUM"].example
    return edit(seed_text, example.old, example.new)


@pytest.fixture
def broken(tmp_path: Path, broken_text: str) -> Path:
    path = tmp_path / "broken.txt"
    path.write_text(broken_text, encoding="utf-8")
    return path


def config_file(folder: Path, text: str, name: str = "yusuan.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def seed_report(config: Config | None = None) -> Report:
    from yusuan.cli.main import seed_path

    return yusuan.check(yusuan.read(seed_path(), name=SEED_NAME), config)


# --- the text output ------------------------------------------------------------------------


def test_demo_text_is_grouped_by_severity_and_place() -> None:
    report = seed_report()
    result = run("check", "--demo")
    assert result.stderr == ""
    assert report.summary.error > 0  # the seed has mistakes of its own (see docs/rules.md)
    assert result.exit_code == 1
    out = result.stdout
    assert out == render_text(report)
    assert "\x1b[" not in out  # not a terminal: plain
    lines = out.splitlines()
    assert lines[0] == "审核报告 Audit report：高新区科技局 2021 年部门预算信息公开 情况说明"
    assert lines[1] == (
        "石家庄高新技术产业开发区科学技术局 · 2021 年 · 预算 budget · "
        "seed-2021-shijiazhuang-gaoxin-keji.txt"
    )
    headers = [line for line in lines if line and not line.startswith(" ")][2:-2]
    expected = [
        f"{zh} {en} · {n}"
        for zh, en, n in (
            ("错误", "error", report.summary.error),
            ("警告", "warning", report.summary.warning),
            ("提示", "info", report.summary.info),
        )
        if n
    ]
    assert headers[: len(expected)] == expected
    ran = len(report.checks)
    clean = sum(1 for c in report.checks if not c.findings and not c.suppressed)
    assert lines[-1].startswith(f"{ran} checks ran, {clean} clean; ")
    assert lines[-2].startswith(f"检查 {ran} 项，{clean} 项无发现；错误 {report.summary.error}，")


def test_demo_text_quotes_the_evidence_of_a_known_finding() -> None:
    """基本支出 695.17 of 44999 is printed as 1.55% (line 54); it is 1.5449%."""
    out = run("check", "--demo").stdout
    block = out[out.index("    ARITH-SHARE · 第 54 行 line 54 · expenditure.basic.share_pct") :]
    block_lines = block.splitlines()[:6]
    assert block_lines[3] == "      所印 stated   1.55"
    assert block_lines[4] == "      计算 computed 1.54 = 695.17 / 44999 × 100"
    assert "  支出预算 expenditure" in out.splitlines()


def test_text_is_coloured_on_a_terminal() -> None:
    plain = run("check", "--demo").stdout
    coloured = run("check", "--demo", color=True).stdout
    assert "\x1b[31m" in coloured  # red: errors and stated values
    assert "\x1b[" not in plain
    import click

    assert click.unstyle(coloured) == plain


def test_no_color_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "--demo", color=True).stdout


def _report() -> Report:
    return Report(
        document=DocumentRef(
            title="某局 2022 年部门预算信息公开",
            department="某市某区科学技术局",
            year=2022,
            kind="budget",
            file="budget.txt",
        ),
        checks=[
            CheckRun(
                id="ARITH-INCOME-SUM",
                category="arithmetic",
                severity="error",
                title="收入总计与各项收入之和不符",
                title_en="Income total differs",
                findings=1,
            ),
            CheckRun(
                id="IND-UNMEASURABLE",
                category="indicator",
                severity="warning",
                title="指标值无法衡量",
                title_en="Target cannot be measured",
                findings=1,
                suppressed=1,
            ),
            CheckRun(
                id="LANG-TYPO",
                category="language",
                severity="info",
                title="错别字",
                title_en="Typo",
                findings=1,
            ),
            CheckRun(
                id="PLAN-RANGE",
                category="plan",
                severity="error",
                title="支出进度超出 0–100%",
                title_en="Share outside 0–100%",
            ),
        ],
        findings=[
            Finding(
                rule="ARITH-INCOME-SUM",
                severity="error",
                category="arithmetic",
                message="收入总计 1234.50 万元，而各项收入之和为 1234.40 万元",
                message_en="income total 1234.50 万元, but its sources add up to 1234.40 万元",
                locations=[Location(line=12, section="income.total")],
                evidence=Evidence(stated="1234.50", computed="1234.40", formula="1200.40 + 34.00"),
                hint="核对收入总计或各项收入金额",
                hint_en="correct the total or the source amounts",
            ),
            Finding(
                rule="IND-UNMEASURABLE",
                severity="warning",
                category="indicator",
                message="项目2第3行时效指标的指标值「及时」只是等级",
                message_en="project 2 row 3: target '及时' is a grade",
                locations=[
                    Location(
                        line=4,
                        section="projects[2].indicators[3]",
                        project_no=2,
                        project_code="13019021ABC",
                        indicator=3,
                    )
                ],
                evidence=Evidence(quote="时效指标 | 资金拨付 | 及时", stated="及时"),
                hint="改为可衡量的目标值",
                hint_en="state a measurable target",
            ),
            Finding(
                rule="LANG-TYPO",
                severity="info",
                category="language",
                message="「贯彻挑行」应为「贯彻执行」",
                message_en="「贯彻挑行」 should read 「贯彻执行」",
                locations=[Location(section="duties[3]")],
                evidence=Evidence(quote="贯彻挑行国家政策", stated="贯彻挑行"),
            ),
        ],
        suppressed=[
            Finding(
                rule="IND-UNMEASURABLE",
                severity="warning",
                category="indicator",
                message="项目5第4行成本指标的指标值「以实际发生为准」不是可衡量的目标",
                message_en="project 5 row 4: '以实际发生为准' sets no target",
                locations=[
                    Location(
                        line=7,
                        section="projects[5].indicators[4]",
                        project_no=5,
                        project_code="13019021XYZ",
                        indicator=4,
                    )
                ],
                evidence=Evidence(stated="以实际发生为准"),
                suppressed="审计费用按实际发生结算",
            )
        ],
        summary=Summary(error=1, warning=1, info=1, suppressed=1),
    )


def test_text_exact() -> None:
    expected = """\
审核报告 Audit report：某局 2022 年部门预算信息公开
某市某区科学技术局 · 2022 年 · 预算 budget · budget.txt

错误 error · 1
  收入预算 income
    ARITH-INCOME-SUM · 第 12 行 line 12 · income.total
      收入总计 1234.50 万元，而各项收入之和为 1234.40 万元
      income total 1234.50 万元, but its sources add up to 1234.40 万元
      所印 stated   1234.50
      计算 computed 1234.40 = 1200.40 + 34.00
      建议 hint     核对收入总计或各项收入金额 / correct the total or the source amounts

警告 warning · 1
  项目 project 2 · 13019021ABC
    IND-UNMEASURABLE · 第 4 行 line 4 · projects[2].indicators[3]
      项目2第3行时效指标的指标值「及时」只是等级
      project 2 row 3: target '及时' is a grade
      原文 quote    「时效指标 | 资金拨付 | 及时」
      所印 stated   及时
      建议 hint     改为可衡量的目标值 / state a measurable target

提示 info · 1
  部门职责 duties
    LANG-TYPO · duties[3]
      「贯彻挑行」应为「贯彻执行」
      「贯彻挑行」 should read 「贯彻执行」
      原文 quote    「贯彻挑行国家政策」
      所印 stated   贯彻挑行

已抑制 suppressed · 1
  项目 project 5 · 13019021XYZ
    IND-UNMEASURABLE · 警告 warning · 第 7 行 line 7 · projects[5].indicators[4]
      项目5第4行成本指标的指标值「以实际发生为准」不是可衡量的目标
      project 5 row 4: '以实际发生为准' sets no target
      所印 stated   以实际发生为准
      理由 reason   审计费用按实际发生结算

检查 4 项，1 项无发现；错误 1，警告 1，提示 1，已抑制 1。
4 checks ran, 1 clean; 1 error, 1 warning, 1 info, 1 suppressed.
"""
    assert render_text(_report()) == expected


def test_text_without_findings() -> None:
    report = Report(document=DocumentRef(file="x.txt"), checks=_report().checks[3:])
    assert render_text(report) == (
        "审核报告 Audit report：x.txt\nx.txt\n\n没有发现 no findings\n\n"
        "检查 1 项，1 项无发现；错误 0，警告 0，提示 0，已抑制 0。\n"
        "1 check ran, 1 clean; 0 errors, 0 warnings, 0 info, 0 suppressed.\n"
    )


# --- exit codes -----------------------------------------------------------------------------


def test_exit_codes_follow_fail_on(broken: Path) -> None:
    config_file(broken.parent, ONLY_INCOME)
    assert run("check", str(broken)).exit_code == 1  # an error; fail-on error by default
    assert run("check", str(broken), "--fail-on", "error").exit_code == 1
    assert run("check", str(broken), "--fail-on", "never").exit_code == 0
    result = run("check", str(broken), "--fail-on", "never")
    assert "ARITH-INCOME-SUM" in result.stdout  # still reported


def test_exit_codes_with_a_warning(broken: Path) -> None:
    config_file(broken.parent, ONLY_INCOME + '[severity]\nARITH-INCOME-SUM = "warning"\n')
    assert run("check", str(broken)).exit_code == 0
    assert run("check", str(broken), "--fail-on", "warning").exit_code == 1
    assert run("check", str(broken), "--fail-on", "info").exit_code == 1
    result = run("check", str(broken), "--fail-on", "warning")
    assert "\n警告 warning · 1\n" in result.stdout
    assert "错误 error" not in result.stdout


def test_fail_on_from_the_config_and_the_command_line_overrides_it(broken: Path) -> None:
    config_file(
        broken.parent,
        'fail-on = "warning"\n' + ONLY_INCOME + '[severity]\nARITH-INCOME-SUM = "warning"\n',
    )
    assert run("check", str(broken)).exit_code == 1
    assert run("check", str(broken), "--fail-on", "error").exit_code == 0


def test_clean_document_exits_0(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    config_file(tmp_path, ONLY_INCOME)
    result = run("check", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\n没有发现 no findings\n" in result.stdout
    assert result.stdout.endswith(
        "检查 1 项，1 项无发现；错误 0，警告 0，提示 0，已抑制 0。\n"
        "1 check ran, 1 clean; 0 errors, 0 warnings, 0 info, 0 suppressed.\n"
    )


# --- json, csv, html ------------------------------------------------------------------------


def test_json_is_the_report_and_validates(broken: Path, broken_text: str) -> None:
    result = run("check", str(broken), "--format", "json")
    assert result.exit_code == 1
    expected = yusuan.check(yusuan.read(broken), yusuan.audit.discover(broken))
    assert result.stdout == expected.to_json() + "\n"
    data = json.loads(result.stdout)
    Draft202012Validator(SCHEMA).validate(data)
    income = [f for f in data["findings"] if f["rule"] == "ARITH-INCOME-SUM"]
    assert income[0]["evidence"]["stated"] == "44999"
    assert income[0]["evidence"]["computed"] == "44990"
    assert income[0]["locations"][0]["line"] == 50


def test_demo_json_validates() -> None:
    result = run("check", "--demo", "--format", "json")
    assert result.stdout == seed_report().to_json() + "\n"
    Draft202012Validator(SCHEMA).validate(json.loads(result.stdout))


def test_csv_rows(broken: Path) -> None:
    config_file(broken.parent, ONLY_INCOME)
    result = run("check", str(broken), "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.startswith("\ufeffrule,severity,category,line,section,")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0] == COLUMNS
    assert len(rows) == 2
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["rule"] == "ARITH-INCOME-SUM"
    assert row["severity"] == "error"
    assert row["category"] == "arithmetic"
    assert row["line"] == "50"
    assert row["section"] == "income.total"
    assert row["project_no"] == ""
    assert row["message"] == "收入总计 44999 万元，而各项收入之和为 44990 万元"
    assert row["stated"] == "44999"
    assert row["computed"] == "44990"
    assert row["formula"].startswith("44410 + ")
    assert row["hint"] == "核对收入总计或各项收入金额 / correct the total or the source amounts"
    assert row["suppressed"] == ""
    assert b"\r\n" in result.stdout_bytes


def test_csv_of_the_demo_has_a_row_per_finding() -> None:
    report = seed_report()
    text = run("check", "--demo", "--format", "csv").stdout_bytes.decode("utf-8")
    assert text == render_csv(report)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == len(report.findings) + len(report.suppressed)
    assert [r["rule"] for r in rows] == [f.rule for f in report.findings]


def test_html_highlights_the_line_and_links_to_it(broken: Path) -> None:
    config_file(broken.parent, ONLY_INCOME)
    result = run("check", str(broken), "--format", "html")
    assert result.exit_code == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert "<script" not in page
    assert "http://" not in page and "https://" not in page  # self-contained
    assert '<div class="ln hit hit-error" id="L50"><a class="no" href="#L50">50</a>' in page
    assert '<a class="goto" href="#L50">第 50 行</a>' in page
    assert '<div class="card error" id="F1">' in page
    assert "收入总计 44999 万元，而各项收入之和为 44990 万元" in page
    assert '<dd class="stated">44999</dd>' in page
    assert page.count('class="ln') == len(broken.read_text("utf-8").split("\n"))
    assert '<div class="ln" id="L49">' in page  # other lines are not highlighted


def test_html_of_the_demo_highlights_every_finding_line() -> None:
    report = seed_report()
    page = run("check", "--demo", "--format", "html").stdout
    assert page == render_html(report, Path(_seed_file()).read_text("utf-8"))
    for finding in report.findings:
        if finding.line is not None:
            assert f'id="L{finding.line}"><a class="no"' in page
            assert f'href="#L{finding.line}"' in page
            assert re.search(rf'<div class="ln( h)? hit hit-\w+" id="L{finding.line}">', page)
    placed = [f for f in report.findings if f.line is not None]
    assert page.count('<div class="card ') == len(placed)


def _seed_file() -> str:
    from yusuan.cli.main import seed_path

    return seed_path()


def test_html_escapes_the_document(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(seed_text.replace("专业名词解释", "专业名词解释<b>&</b>", 1), encoding="utf-8")
    page = run("check", str(path), "--format", "html").stdout
    assert "专业名词解释&lt;b&gt;&amp;&lt;/b&gt;" in page


def test_html_of_a_json_export_shows_the_list_only(tmp_path: Path, broken: Path) -> None:
    export = tmp_path / "broken.json"
    export.write_text(run("parse", str(broken)).stdout, encoding="utf-8")
    config_file(tmp_path, ONLY_INCOME)
    result = run("check", str(export), "--format", "html")
    assert result.exit_code == 1
    page = result.stdout
    assert 'id="L' not in page
    assert 'href="#L' not in page
    assert '<span class="goto">第 50 行</span>' in page
    assert "原文不可用" in page
    assert '<dd class="stated">44999</dd>' in page  # the evidence is in the list instead


# --- configuration ------------------------------------------------------------------------


def test_yusuan_toml_is_discovered_next_to_the_file(broken: Path) -> None:
    config_file(broken.parent, 'ignore = ["ARITH-INCOME-SUM"]\n')
    data = json.loads(run("check", str(broken), "--format", "json").stdout)
    assert "ARITH-INCOME-SUM" not in [c["id"] for c in data["checks"]]
    assert len(data["checks"]) == len(REGISTRY) - 1


def test_pyproject_table_is_discovered_in_a_parent_folder(tmp_path: Path, broken_text: str) -> None:
    (tmp_path / "budgets").mkdir()
    path = tmp_path / "budgets" / "broken.txt"
    path.write_text(broken_text, encoding="utf-8")
    config_file(
        tmp_path,
        '[project]\nname = "x"\n\n[tool.yusuan]\nselect = ["ARITH-INCOME-SUM"]\n'
        '[tool.yusuan.severity]\nARITH-INCOME-SUM = "info"\n',
        "pyproject.toml",
    )
    result = run("check", str(path))
    assert result.exit_code == 0
    assert "\n提示 info · 1\n" in result.stdout
    assert "1 check ran, 0 clean; 0 errors, 0 warnings, 1 info, 0 suppressed." in result.stdout


def test_config_option_overrides_discovery(broken: Path, tmp_path: Path) -> None:
    config_file(broken.parent, 'ignore = ["ARITH"]\n')
    other = tmp_path / "other"
    other.mkdir()
    explicit = config_file(other, ONLY_INCOME)
    data = json.loads(
        run("check", str(broken), "--config", str(explicit), "--format", "json").stdout
    )
    assert [c["id"] for c in data["checks"]] == ["ARITH-INCOME-SUM"]


def test_demo_uses_the_default_config_unless_given(tmp_path: Path) -> None:
    explicit = config_file(tmp_path, ONLY_INCOME)
    data = json.loads(run("check", "--demo", "--config", str(explicit), "--format", "json").stdout)
    assert [c["id"] for c in data["checks"]] == ["ARITH-INCOME-SUM"]
    data = json.loads(run("check", "--demo", "--format", "json").stdout)
    assert len(data["checks"]) == len(REGISTRY)


def _suppressing_config(folder: Path) -> tuple[str, str]:
    """Suppress the seed's first project finding for its project; returns (rule, code)."""
    report = seed_report()
    target = next(f for f in report.findings if f.locations and f.locations[0].project_code)
    code = target.locations[0].project_code
    assert code is not None
    config_file(
        folder,
        f'[[suppress]]\nrule = "{target.rule}"\nproject = "{code}"\nreason = "{REASON}"\n',
    )
    return target.rule, code


def test_suppression_is_shown_with_its_reason(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    rule, code = _suppressing_config(tmp_path)

    text = run("check", str(path)).stdout
    tail = text[text.index("\n已抑制 suppressed · ") :]
    assert "项目 project " in tail and code in tail
    assert f"      理由 reason   {REASON}\n" in tail
    assert ", 0 suppressed." not in text

    data = json.loads(run("check", str(path), "--format", "json").stdout)
    Draft202012Validator(SCHEMA).validate(data)
    assert data["suppressed"] and all(f["suppressed"] == REASON for f in data["suppressed"])
    assert all(f["rule"] == rule for f in data["suppressed"])
    assert data["summary"]["suppressed"] == len(data["suppressed"])

    page = run("check", str(path), "--format", "html").stdout
    assert f'<dd class="reason">{REASON}</dd>' in page
    assert '<h3 class="suppressed">已抑制 suppressed · ' in page
    assert '<div class="card suppressed"' in page

    rows = list(csv.DictReader(io.StringIO(run("check", str(path), "--format", "csv").stdout)))
    assert [r["suppressed"] for r in rows if r["suppressed"]] == [REASON] * len(data["suppressed"])


BAD_CONFIGS = {
    "invalid TOML": ("select = [", ["yusuan.toml", "TOML"]),
    "unknown rule": ('ignore = ["NOPE-RULE"]\n', ["yusuan.toml", "NOPE-RULE"]),
    "bad severity": ('[severity]\nARITH-INCOME-SUM = "fatal"\n', ["yusuan.toml", "severity"]),
    "unknown key": ('selekt = ["ARITH"]\n', ["yusuan.toml", "selekt"]),
    "suppression without reason": (
        '[[suppress]]\nrule = "ARITH-INCOME-SUM"\n',
        ["yusuan.toml", "reason"],
    ),
    "bad fail-on": ('fail-on = "sometimes"\n', ["yusuan.toml", "fail-on"]),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_config_is_refused(name: str, broken: Path) -> None:
    text, words = BAD_CONFIGS[name]
    config_file(broken.parent, text)
    assert_refused(run("check", str(broken)), *words)
    assert_refused(run("check", str(broken), "--format", "html"), *words)


def test_bad_config_given_explicitly(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert_refused(run("check", "--demo", "--config", str(missing)), "nope.toml", "配置")
    config_file(tmp_path, 'ignore = ["NOPE-RULE"]\n', "custom.toml")
    assert_refused(run("check", "--demo", "--config", str(tmp_path / "custom.toml")), "NOPE-RULE")


# --- bad input, as for parse --------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
BAD_FILES = {
    "empty.txt": b"",
    "image.png": PNG,
    "budget.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "poem.txt": "静夜思\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".encode(),
    "broken.json": b'{"schema": "yusuan/disclosure@1", "year": "x"',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_bad_file(name: str, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    assert_refused(run("check", str(path), "--format", fmt), name)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    assert "不存在" in assert_refused(run("check", str(tmp_path / "nope.txt")), "nope.txt")
    assert "目录" in assert_refused(run("check", str(tmp_path)), str(tmp_path))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check"], ["yusuan check", "FILE", "--demo"]),
        (["check", "x.txt", "--demo"], ["yusuan check", "FILE", "--demo"]),
        (["check", "--demo", "--format", "xml"], ["yusuan check", "--format", "xml"]),
        (["check", "--demo", "--fail-on", "always"], ["yusuan check", "--fail-on", "always"]),
        (["check", "--demo", "--bogus"], ["yusuan check", "--bogus"]),
    ],
)
def test_usage_errors(args: list[str], words: list[str]) -> None:
    assert "usage error" in assert_refused(run(*args), *words)


# --- other inputs and outputs ---------------------------------------------------------------


def test_json_export_gives_the_same_findings(tmp_path: Path, broken: Path) -> None:
    export = tmp_path / "broken.json"
    export.write_text(run("parse", str(broken)).stdout, encoding="utf-8")
    from_text = json.loads(run("check", str(broken), "--format", "json").stdout)
    from_json = json.loads(run("check", str(export), "--format", "json").stdout)
    assert from_json["findings"] == from_text["findings"]
    assert from_json["checks"] == from_text["checks"]
    assert from_json["summary"] == from_text["summary"]


def test_standard_input(seed_bytes: bytes) -> None:
    result = run("check", "-", "--format", "json", input=seed_bytes)
    data = json.loads(result.stdout)
    assert data["document"]["file"] == "<stdin>"
    assert data["findings"] == json.loads(seed_report().to_json())["findings"]
    page = run("check", "-", "--format", "html", input=seed_bytes).stdout
    assert 'id="L975"' in page


@pytest.mark.parametrize("fmt", ["text", "json", "html", "csv"])
def test_output_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run("check", "--demo", "--format", fmt, "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    zh, en = summary_lines(seed_report())
    assert result.stderr == f"已写入 {out}：{zh} / wrote {out}: {en}\n"
    data = out.read_bytes()
    assert data == run("check", "--demo", "--format", fmt).stdout_bytes
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbfrule,")


def test_output_file_cannot_be_written(tmp_path: Path) -> None:
    assert_refused(run("check", "--demo", "-o", str(tmp_path)), str(tmp_path))


def test_pdf_format_needs_a_pdf(tmp_path: Path, broken: Path) -> None:
    out = tmp_path / "out.pdf"
    for args in (["--demo"], [str(broken)]):
        line = assert_refused(run("check", *args, "--format", "pdf", "-o", str(out)))
        assert "PDF" in line and "not a PDF" in line
    assert SEED_NAME in assert_refused(run("check", "--demo", "--format", "pdf", "-o", str(out)))
    assert str(broken) in assert_refused(
        run("check", str(broken), "--format", "pdf", "-o", str(out))
    )
    assert not out.exists()


def test_pdf_format_needs_an_output_file(broken: Path) -> None:
    for args in ([], ["-o", "-"]):
        line = assert_refused(run("check", str(broken), "--format", "pdf", *args), "yusuan check")
        assert "-o OUT.pdf" in line and "usage error" in line


# --- help and docs ----------------------------------------------------------------------


def test_help_ends_with_examples() -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    lines = result.stdout.rstrip().splitlines()
    assert (
        lines[-1].strip() == "yusuan check 2021-budget.pdf --format pdf -o 2021-budget-checked.pdf"
    )
    assert "示例 Example:" in result.stdout
    assert "--fail-on [error|warning|info|never]" in result.stdout


def test_cli_reference_has_check() -> None:
    text = render_cli_docs()
    assert "## yusuan check" in text
    assert "--format [text|json|html|csv|pdf]" in text


def test_checks_list_is_in_the_html(tmp_path: Path) -> None:
    page = run("check", "--demo", "--format", "html").stdout
    for rule_id in REGISTRY:
        assert f'<td><span class="rule">{rule_id}</span></td>' in page
