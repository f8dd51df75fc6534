"""`yusuan check`: run the audit rules over a disclosure and report the findings.

Exit code 0 when no finding is at or above `--fail-on` (default: error, or the configuration's
`fail-on`), 1 when one is, 2 when the input or the configuration cannot be used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .main import (
    EXIT_FINDINGS,
    EXIT_OK,
    SEED_NAME,
    BilingualUsageError,
    debug_option,
    example,
    main,
    seed_path,
)

if TYPE_CHECKING:
    from ..audit import Config, Report

FORMATS = ["text", "json", "html", "csv"]
FAIL_ON = ["error", "warning", "info", "never"]


@main.command(
    epilog=example(
        "yusuan check 2021-budget.txt",
        "yusuan check 2021-budget.txt --format html -o report.html",
        "yusuan check 2021-budget.json --fail-on warning --config yusuan.toml",
        "yusuan check --demo --format csv -o findings.csv",
    )
)
@click.argument("file", required=False, metavar="[FILE]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="终端文本、JSON 报告、HTML 页面或 CSV 表 / "
    "terminal text, the JSON report, an HTML page or a CSV table.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="有此级别或更高的发现时退出码为 1（默认 error，或配置中的 fail-on） / "
    "exit with 1 when a finding at or above this severity exists "
    "[default: error, or the configuration's fail-on].",
)
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    help="配置文件（yusuan.toml 或含 [tool.yusuan] 的 pyproject.toml）；默认在 FILE "
    "所在目录及其上级查找 / the configuration file (yusuan.toml, or pyproject.toml with "
    "[tool.yusuan]); by default the nearest one next to FILE or above it.",
)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="写入文件而不是标准输出 / write to this file instead of standard output.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="检查内置样例（默认配置，除非给出 --config） / check the bundled sample "
    "(高新区科技局 2021) with the default configuration unless --config is given.",
)
@debug_option
def check(
    file: str | None,
    fmt: str,
    fail_on: str | None,
    config_path: str | None,
    output: str | None,
    demo: bool,
) -> int:
    """检查一份部门预算信息公开文件：算术、支出计划、绩效指标、引用、一致性、文字。

    Check a department budget disclosure (the published text, or its canonical JSON export)
    with the audit rules (docs/rules.md) and report the findings, grouped by severity and
    place, each with the printed evidence. FILE may be - for standard input.

    \b
    配置 Configuration (yusuan.toml, or [tool.yusuan] in pyproject.toml):
      select = ["ARITH", "PLAN"]        规则或前缀 rule ids or prefixes
      ignore = ["LANG-DOUBLE-PUNCT"]
      fail-on = "warning"
      [severity]
      PLAN-OFF-CHECKPOINT = "info"
      [[suppress]]                      某项目不检查某规则，须写明理由
      rule = "IND-UNMEASURABLE"         suppress a rule for one project, with a reason
      project = "13019021TIFGGGIHXFVON"
      reason = "审计费用按实际发生结算"
    """
    if demo and file is not None:
        raise BilingualUsageError(
            "FILE 与 --demo 只能给一个", "give either FILE or --demo, not both"
        )
    if not demo and file is None:
        raise BilingualUsageError(
            "缺少 FILE（或用 --demo 检查内置样例）", "missing FILE (or --demo for the sample)"
        )
    import yusuan
    from yusuan.audit import Config, discover, load

    data: bytes | None = None
    if demo:
        label = SEED_NAME
        disclosure = yusuan.read(seed_path(), name=SEED_NAME)
    elif file == "-":
        label = "<stdin>"
        data = sys.stdin.buffer.read()
        disclosure = yusuan.read(data, name=label)
    else:
        assert file is not None
        label = file
        disclosure = yusuan.read(file)

    config: Config
    if config_path is not None:
        config = load(Path(config_path))
    elif demo:
        config = Config()
    elif file == "-":
        config = discover(Path.cwd())
    else:
        assert file is not None
        config = discover(Path(file))

    report = yusuan.check(disclosure, config)
    to_file = output is not None and output != "-"

    if fmt == "json":
        out = report.to_json() + "\n"
    elif fmt == "csv":
        from ..render.csv import render_csv

        out = render_csv(report)
    elif fmt == "html":
        from ..render.html import render_html

        if data is None:
            data = Path(seed_path() if demo else label).read_bytes()
        out = render_html(report, _document_text(data, label))
    else:
        from ..render.text import render_text

        out = render_text(report, color=not to_file and "NO_COLOR" not in os.environ)

    if to_file:
        assert output is not None
        _write(output, out)
        click.echo(_written(output, report), err=True)
    else:
        click.echo(out, nl=False)

    limit = fail_on or config.fail_on or "error"
    if limit != "never" and report.at_least(limit):  # type: ignore[arg-type]
        return EXIT_FINDINGS
    return EXIT_OK


def _document_text(data: bytes, label: str) -> str | None:
    """The checked text with its line numbers, or None for a JSON export."""
    from ..readers.decoding import decode

    text = decode(data, file=label)
    return None if text.lstrip().startswith("{") else text


def _write(path: str, text: str) -> None:
    from ..errors import YusuanError

    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise YusuanError(
            f"无法写入输出文件：{exc.strerror}",
            f"cannot write the output: {exc.strerror}",
            file=path,
        ) from exc


def _written(path: str, report: Report) -> str:
    from ..render.text import summary_lines

    zh, en = summary_lines(report)
    return f"已写入 {path}：{zh} / wrote {path}: {en}"
