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

FORMATS = ["text", "json", "html", "csv", "pdf"]
FAIL_ON = ["error", "warning", "info", "never"]


@main.command(
    epilog=example(
        "yusuan check 2021-budget.txt",
        "yusuan check 2021-budget.txt --format html -o report.html",
        "yusuan check 2021-budget.json --fail-on warning --config yusuan.toml",
        "yusuan check --demo --format csv -o findings.csv",
        "yusuan check 2021-budget.pdf --format pdf -o 2021-budget-checked.pdf",
    )
)
@click.argument("file", required=False, metavar="[FILE]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="终端文本、JSON 报告、HTML 页面、CSV 表，或标注了发现的 PDF 副本（须为 PDF 输入并给出 "
    "-o） / terminal text, the JSON report, an HTML page, a CSV table, or a copy of the PDF "
    "with each finding highlighted and noted (a PDF input, and -o, required).",
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

    Check a department budget disclosure (the published text, a text-based PDF, or its
    canonical JSON export) with the audit rules (docs/rules.md) and report the findings,
    grouped by severity and place, each with the printed evidence. FILE may be - for
    standard input.

    For a PDF, --format pdf -o OUT.pdf writes a copy of it with each finding highlighted on
    its cell or sentence and a note holding the message and evidence (findings with no page:
    notes on page 1); the input is not changed. PDF 输入可用 --format pdf 输出标注副本。

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
    if fmt == "pdf" and (output is None or output == "-"):
        raise BilingualUsageError(
            "--format pdf 需要 -o OUT.pdf（PDF 不写到标准输出）",
            "--format pdf needs -o OUT.pdf (a PDF is not written to standard output)",
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

    if fmt == "pdf":
        assert output is not None
        if data is None:
            data = Path(seed_path() if demo else label).read_bytes()
        _refuse_for_pdf(data, label, output)

    report = yusuan.check(disclosure, config)
    to_file = output is not None and output != "-"

    if fmt == "pdf":
        assert output is not None and data is not None
        _write_pdf(output, data, report)
        click.echo(_written(output, report), err=True)
        return _exit_code(report, fail_on or config.fail_on)
    if fmt == "json":
        out = report.to_json() + "\n"
    elif fmt == "csv":
        from ..render.csv import render_csv

        out = render_csv(report)
    elif fmt == "html":
        from ..render.html import render_html

        if data is None:
            data = Path(seed_path() if demo else label).read_bytes()
        if _is_pdf(data):
            out = render_html(report, None, pdf=_pdf_link(label, output))
        else:
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

    return _exit_code(report, fail_on or config.fail_on)


def _exit_code(report: Report, fail_on: str | None) -> int:
    limit = fail_on or "error"
    if limit != "never" and report.at_least(limit):  # type: ignore[arg-type]
        return EXIT_FINDINGS
    return EXIT_OK


def _is_pdf(data: bytes) -> bool:
    from ..readers.pdf import is_pdf

    return is_pdf(data)


def _refuse_for_pdf(data: bytes, label: str, output: str) -> None:
    """--format pdf draws on the checked PDF: refuse another input, or an output that would
    replace the input."""
    from ..errors import YusuanError

    if not _is_pdf(data):
        raise YusuanError(
            "--format pdf 只能用于 PDF 输入：这不是 PDF 文件",
            "--format pdf needs a PDF input: this is not a PDF",
            file=label,
        )
    if label != "<stdin>" and os.path.exists(output) and os.path.samefile(label, output):
        raise YusuanError(
            "-o 不能是被检查的 PDF 本身（原文件保持不变）",
            "-o must not be the checked PDF itself (the input is left unchanged)",
            file=output,
        )


def _write_pdf(path: str, data: bytes, report: Report) -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from ..errors import YusuanError
    from ..render.pdf import write_annotated

    try:
        write_annotated(data, report, path)
    except OSError as exc:
        raise YusuanError(
            f"无法写入输出文件：{exc.strerror}",
            f"cannot write the output: {exc.strerror}",
            file=path,
        ) from exc
    except pdfium.PdfiumError as exc:
        raise YusuanError(
            f"无法写出标注的 PDF：{exc}",
            f"cannot write the annotated PDF: {exc}",
            file=path,
        ) from exc


def _pdf_link(label: str, output: str | None) -> str | None:
    """The checked PDF's URL as seen from the HTML page: relative to the output file's folder,
    or as given when the page goes to standard output; None for standard input."""
    from urllib.parse import quote

    if label == "<stdin>":
        return None
    if output is not None and output != "-":
        start = os.path.dirname(os.path.abspath(output))
        path = os.path.relpath(os.path.abspath(label), start)
    else:
        path = label
    return quote(Path(path).as_posix())


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
