"""The `yusuan` command, run in-process with click's CliRunner.

Every bad input exits with 2 and one line on stderr, in Chinese and English, naming the file
(and line where it applies), never a traceback; `--debug` adds the traceback.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import yusuan
from yusuan.cli.main import main
from yusuan.cli.main import seed_path as bundled_seed_path
from yusuan.cli.summary import render_summary, width
from yusuan.model import (
    BasicExpenditure,
    Department,
    Disclosure,
    Expenditure,
    Income,
    IncomeSource,
    OperatingCosts,
    Plan,
    Project,
    ProjectExpenditure,
    ThreePublic,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
POEM = "静夜思\n\n李白\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n"


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, prog_name="yusuan")


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def has_english(text: str) -> bool:
    return any(len(word) >= 3 and word.isascii() and word.isalpha() for word in text.split())


def assert_refused(result: Result, *names: str) -> str:
    """Exit 2, nothing on stdout, one bilingual line on stderr naming `names`; returns it."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n")
    line = result.stderr[:-1]
    assert "\n" not in line, result.stderr
    assert " / " in line
    zh, _, en = line.partition(" / ")
    assert has_cjk(zh), line
    assert has_english(en), line
    for name in names:
        assert name in line, (name, line)
    return line


# --- version and help ---------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "yusuan 0.1.0\n", "")
    assert run("-V").stdout == "yusuan 0.1.0\n"


@pytest.mark.parametrize("args", [[], ["parse"]])
def test_help_ends_with_an_example(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert "Example:" in "\n".join(lines[-4:])
    assert lines[-1].startswith("yusuan ")


def test_every_command_help_ends_with_an_example() -> None:
    from click import Context

    ctx = Context(main, info_name="yusuan")
    for name in main.list_commands(ctx):
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.rstrip().splitlines()[-1].strip().startswith("yusuan "), name


def test_version_does_not_import_pydantic() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "yusuan", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "yusuan 0.1.0\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "click" in imported  # the importtime report is there
    assert not {m for m in imported if m.split(".")[0] in {"pydantic", "simplejson"}}


# --- usage errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["parse", "x.txt", "--bogus"], ["yusuan parse", "--bogus", "没有这个选项"]),
        (["parse", "x.txt", "--format", "xml"], ["yusuan parse", "--format", "xml", "无效"]),
        (["parse"], ["yusuan parse", "FILE", "--demo"]),
        (["parse", "x.txt", "--demo"], ["yusuan parse", "FILE", "--demo"]),
        (["parse", "x.txt", "y.txt"], ["yusuan parse", "y.txt"]),
        (["nosuch"], ["yusuan", "nosuch", "没有这个命令"]),
        (["--bogus"], ["yusuan", "--bogus"]),
    ],
)
def test_usage_errors(args: list[str], words: list[str]) -> None:
    line = assert_refused(run(*args), *words)
    assert "usage error" in line
    assert "--help" in line


# --- bad files ------------------------------------------------------------------------------


def _cut_in_a_character(seed: bytes) -> bytes:
    """The seed cut after the first byte of a multi-byte UTF-8 character, near its middle."""
    i = len(seed) // 2
    while seed[i] < 0xC0:  # find the lead byte of a multi-byte character
        i += 1
    return seed[: i + 1]


def _cut_at_a_line(seed: bytes) -> bytes:
    lines = seed.split(b"\n")
    return b"\n".join(lines[: len(lines) // 2]) + b"\n"


BAD_FILES: dict[str, Callable[[bytes], bytes]] = {
    "empty.txt": lambda seed: b"",
    "blank.txt": lambda seed: b" \n\n\t\r\n",
    "image.png": lambda seed: PNG,
    "budget.pdf": lambda seed: PDF,
    "cut-in-a-character.txt": _cut_in_a_character,
    "cut-in-half.txt": _cut_at_a_line,
    "poem.txt": lambda seed: POEM.encode("utf-8"),
    "poem-gb18030.txt": lambda seed: POEM.encode("gb18030"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file(name: str, tmp_path: Path, seed_bytes: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name](seed_bytes))
    for fmt in ("json", "summary"):
        assert_refused(run("parse", str(path), "--format", fmt), name)


def test_truncated_file_names_the_line(tmp_path: Path, seed_bytes: bytes) -> None:
    data = _cut_in_a_character(seed_bytes)
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    lineno = data.count(b"\n") + 1
    line = assert_refused(run("parse", str(path)), f"cut.txt:{lineno}:")
    assert "截断" in line
    assert "truncated" in line


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "no-such-budget.txt"
    line = assert_refused(run("parse", str(path)), "no-such-budget.txt")
    assert "不存在" in line
    assert "no such file" in line


def test_directory(tmp_path: Path) -> None:
    line = assert_refused(run("parse", str(tmp_path)), str(tmp_path))
    assert "目录" in line
    assert "directory" in line


def test_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "budget.pdf"
    path.write_bytes(PDF)
    line = assert_refused(run("parse", str(path)), "budget.pdf")
    assert "PDF" in line


def test_bad_standard_input() -> None:
    assert_refused(run("parse", "-", input=PNG), "<stdin>")


# --- --debug and bugs -----------------------------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback(where: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    args = ["--debug", "parse", str(path)] if where == "before" else ["parse", str(path), "--debug"]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert "ReadError" in result.stderr
    last = result.stderr.rstrip("\n").splitlines()[-1]
    assert last.startswith("yusuan: ")
    assert "empty.txt" in last


def test_debug_is_not_sticky(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    run("--debug", "parse", str(path))
    assert_refused(run("parse", str(path)), "empty.txt")


def test_a_bug_is_one_line_with_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(yusuan, "read", boom)
    path = tmp_path / "x.txt"
    result = run("parse", str(path))
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "内部错误" in result.stderr
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "--debug" in result.stderr
    result = run("--debug", "parse", str(path))
    assert result.exit_code == 3
    assert "Traceback" in result.stderr


# --- parse ----------------------------------------------------------------------------------


def test_parse_json_is_the_canonical_export(seed_path: Path) -> None:
    result = run("parse", str(seed_path), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == yusuan.dumps(yusuan.read(seed_path)) + "\n"
    assert run("parse", str(seed_path)).stdout == result.stdout  # json is the default


def test_parse_demo_reads_the_bundled_seed(seed_path: Path) -> None:
    assert Path(bundled_seed_path()).read_bytes() == seed_path.read_bytes()
    result = run("parse", "--demo")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == yusuan.dumps(yusuan.read(seed_path, name=seed_path.name)) + "\n"
    assert f'"file": "{seed_path.name}"' in result.stdout  # not where yusuan is installed


def test_bare_command_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: yusuan [OPTIONS] COMMAND [ARGS]...")
    assert "parse" in result.stderr


def test_parse_standard_input(seed_bytes: bytes) -> None:
    result = run("parse", "-", input=seed_bytes)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == yusuan.dumps(yusuan.read(seed_bytes, name="<stdin>")) + "\n"


def _num(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def test_summary_of_the_seed(seed_path: Path) -> None:
    seed = yusuan.read(seed_path)
    result = run("parse", str(seed_path), "--format", "summary")
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    assert out == render_summary(seed)
    lines = out.splitlines()
    assert seed.title and lines[0] == seed.title
    assert seed.department.name and seed.department.name in out
    assert "年度 Year        2021" in lines
    income = next(line for line in lines if line.strip().startswith("收入合计"))
    assert _num(seed.income.total) in income.split()
    spending = next(line for line in lines if line.strip().startswith("支出合计"))
    assert _num(seed.expenditure.total) in spending.split()
    assert len(seed.projects) == 35
    for project in seed.projects:
        assert project.name
        row = next(line for line in lines if line.endswith("  " + project.name))
        plan = ["—" if v is None else f"{v:f}%" for _, v in project.plan.items()]
        assert row.split()[: 2 + 4] == [str(project.no), _num(project.amount), *plan]
    assert any(line.split()[:3] == ["项目", "projects", "35"] for line in lines)


# --- the summary rendering, exactly -------------------------------------------------------


def test_summary_exact() -> None:
    d = Disclosure(
        title="某局 2022 年部门预算信息公开",
        year=2022,
        department=Department(name="某市某区科学技术局", short_name="某局", code="307"),
        income=Income(
            total=Decimal("1234.50"),
            change=Decimal("-10.00"),
            sources=[
                IncomeSource(
                    key="general_budget", name="一般公共预算拨款", amount=Decimal("1200.50")
                ),
                IncomeSource(key="carryover", name="上年结转", amount=Decimal("34.00")),
                IncomeSource(key="service_income", name="事业收入"),
            ],
        ),
        expenditure=Expenditure(
            total=Decimal("1234.50"),
            basic=BasicExpenditure(amount=Decimal("234.50"), personnel=Decimal("200")),
            project=ProjectExpenditure(amount=Decimal("1000.00")),
        ),
        operating_costs=OperatingCosts(amount=Decimal("34.5"), change=Decimal("0")),
        three_public=ThreePublic(total=Decimal("1.20")),
        projects=[
            Project(
                no=1,
                name="科技保险保费补贴",
                amount=Decimal("42.40"),
                plan=Plan(
                    m3=Decimal("25.00"), m6=Decimal("50.00"), m10=Decimal("80"), m12=Decimal("100")
                ),
            ),
            Project(
                no=12, name="Lab 设备", amount=Decimal("7666.48"), plan=Plan(m12=Decimal("100"))
            ),
        ],
    )
    expected = """\
某局 2022 年部门预算信息公开

部门 Department  某市某区科学技术局（某局，编码 code 307）
年度 Year        2022
类型 Kind        预算 budget
金额单位 Unit    万元

总额 Totals（万元）
  科目 Item                     金额 Amount  较上年 Change
  收入合计 Income                   1234.50         -10.00
    一般公共预算拨款                1200.50              —
    上年结转                          34.00              —
  支出合计 Expenditure              1234.50
    基本支出 Basic                   234.50              —
      人员经费 Personnel                200
      日常公用经费 Public                 —
    项目支出 Projects               1000.00              —
  机关运行经费 Operating costs         34.5              0
  三公经费 Three public                1.20              —
  政府采购 Procurement                    —
  国有资产 Assets                         —

项目 Projects（2；预算数单位 万元；资金支出计划 plan）
  序号   预算数     3月     6月  10月  12月  项目名称 Project
     1    42.40  25.00%  50.00%   80%  100%  科技保险保费补贴
    12  7666.48       —       —     —  100%  Lab 设备

数量 Counts
  职责 duties                     0
  单位 units                      0
  项目 projects                   2
  绩效指标 indicators             0
  分项绩效目标 goals              0
  政府采购条目 procurement items  0
  名词解释 glossary               0
  标准表 tables                   0
  情况说明段落 narrative          0
  差异 discrepancies              0
"""
    assert render_summary(d) == expected


def test_summary_columns_align_by_display_width() -> None:
    assert width("科技") == 4
    assert width("ab") == 2
    assert width("（万元）") == 8
    assert width("—") == 1
