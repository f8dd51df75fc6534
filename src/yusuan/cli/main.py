"""The `yusuan` command line.

Exit codes, the same for every command:

- 0: done;
- 1: done, with findings (reserved for `yusuan check`);
- 2: the command could not do its job because of what it was given (a usage error, a missing
  path, a directory, an empty, binary or truncated file, a text that is not a disclosure);
- 3: a bug in yusuan itself;
- 130: interrupted.

Every error is one line on stderr, in Chinese and English, naming the file (and line) where
that applies; `--debug` adds the Python traceback. Only click and this package's own light
modules are imported at start-up: `yusuan --version` must not load pydantic.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import YusuanError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

#: The bundled sample document (package data), read by `yusuan parse --demo`.
SEED_NAME = "seed-2021-shijiazhuang-gaoxin-keji.txt"

CONTEXT_SETTINGS: dict[str, Any] = {
    "help_option_names": ["-h", "--help"],
    "max_content_width": 100,
}

F = TypeVar("F", bound=Callable[..., Any])


class YusuanGroup(click.Group):
    """A click group that handles every command's errors in one place.

    Click's own usage errors and `YusuanError` become one bilingual line and exit code 2;
    anything else is a bug: one line and exit code 3. `--debug` (anywhere on the command
    line) prints the traceback too.
    """

    debug = False

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        self.debug = False
        if not standalone_mode:
            # Programmatic use: let the caller see the exceptions.
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `yusuan` (click >= 8.2)
                click.echo(exc.format_message(), err=True)
            else:
                self._fail(exc, _usage_line(exc), prefix="")
            sys.exit(EXIT_INPUT)
        except click.ClickException as exc:
            self._fail(exc, f"错误：{exc.format_message()} / error: {exc.format_message()}")
            sys.exit(exc.exit_code)
        except YusuanError as exc:
            self._fail(exc, exc.one_line())
            sys.exit(exc.exit_code)
        except click.Abort as exc:
            self._fail(exc, "已中止 / aborted")
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            hint = (
                "" if self.debug else "（加 --debug 查看详情） / (rerun with --debug for details)"
            )
            self._fail(exc, f"内部错误：{detail} / internal error: {detail} {hint}".rstrip())
            sys.exit(EXIT_BUG)
        # A command returns its exit code (or None for 0); --help and --version return 0.
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)

    def _fail(self, exc: BaseException, line: str, prefix: str = "yusuan: ") -> None:
        if self.debug:
            traceback.print_exception(exc, file=sys.stderr)
        click.echo(prefix + _one_line(line), err=True)


class BilingualUsageError(click.UsageError):
    """A usage error this package raises itself, with its Chinese text."""

    def __init__(self, zh: str, en: str, ctx: click.Context | None = None) -> None:
        super().__init__(en, ctx or click.get_current_context(silent=True))
        self.zh = zh


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _usage_line(exc: click.UsageError) -> str:
    command = exc.ctx.command_path if exc.ctx is not None else "yusuan"
    en = exc.format_message()
    if isinstance(exc, BilingualUsageError):
        zh = exc.zh
    elif isinstance(exc, click.NoSuchOption):
        zh = f"没有这个选项：{exc.option_name}"
    elif isinstance(exc, click.MissingParameter):
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else ""
        zh = f"缺少参数 {hint}".rstrip()
    elif isinstance(exc, click.BadParameter):
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else ""
        zh = f"{hint} 的值无效".lstrip()
    elif en.startswith("No such command"):
        zh = "没有这个命令"
    elif "Got unexpected extra argument" in en:
        zh = "多余的参数"
    else:
        zh = "用法错误"
    return f"{command}: {zh}（见 {command} --help） / usage error: {en} (see {command} --help)"


def example(*commands: str) -> str:
    """A help epilog: every command's --help ends with examples (sqlite-utils style)."""
    lines = "\n".join(f"    {c}" for c in commands)
    return f"示例 Example:\n\n\b\n{lines}"


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    root = ctx.find_root().command
    if value and isinstance(root, YusuanGroup):
        root.debug = True


def debug_option(func: F) -> F:
    """`--debug`: accepted by the group and by every command."""
    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help="出错时显示调用栈 / show the traceback on errors.",
    )(func)


@click.group(
    cls=YusuanGroup,
    context_settings=CONTEXT_SETTINGS,
    epilog=example(
        "yusuan parse --demo --format summary", "yusuan check --demo", "yusuan check --help"
    ),
)
@click.version_option(
    __version__, "-V", "--version", prog_name="yusuan", message="%(prog)s %(version)s"
)
@debug_option
def main() -> None:
    """yusuan（预算）：读取、检查、发布部门预算信息公开文件。

    yusuan reads Chinese government department budget disclosures into a typed model and
    canonical JSON (yusuan/disclosure@1).

    \b
    退出码 Exit codes:
      0  完成 done
      1  有检查发现 findings (yusuan check)
      2  输入无法使用（用法错误、路径不存在、目录、空文件、二进制、截断、非预算公开文件）
         the input cannot be used (usage error, missing path, directory, empty, binary,
         truncated, not a disclosure)
      3  yusuan 自身出错 a bug in yusuan
    """


@main.command(
    epilog=example(
        "yusuan parse 2021-budget.txt --format summary",
        "yusuan parse 2021-budget.txt > 2021-budget.json",
        "yusuan parse --demo --format summary",
    )
)
@click.argument("file", required=False, metavar="[FILE]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "summary"]),
    default="json",
    show_default=True,
    help="规范 JSON 或终端概览 / canonical JSON or a terminal overview.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="读取内置样例 / read the bundled sample (高新区科技局 2021).",
)
@debug_option
def parse(file: str | None, fmt: str, demo: bool) -> None:
    """读取一份部门预算信息公开文件，输出规范 JSON 或概览。

    Read a department budget disclosure (the published text form; UTF-8 or GB18030) and
    print its canonical JSON or a readable summary. FILE may be - for standard input.
    """
    if demo and file is not None:
        raise BilingualUsageError(
            "FILE 与 --demo 只能给一个", "give either FILE or --demo, not both"
        )
    if not demo and file is None:
        raise BilingualUsageError(
            "缺少 FILE（或用 --demo 读取内置样例）", "missing FILE (or --demo for the sample)"
        )
    import yusuan

    if demo:
        # Named by its file name, so the output does not depend on where yusuan is installed.
        disclosure = yusuan.read(seed_path(), name=SEED_NAME)
    elif file == "-":
        disclosure = yusuan.read(sys.stdin.buffer.read(), name="<stdin>")
    else:
        assert file is not None
        disclosure = yusuan.read(file)
    if fmt == "json":
        click.echo(yusuan.dumps(disclosure))
    else:
        from .summary import render_summary

        click.echo(render_summary(disclosure), nl=False)


def seed_path() -> str:
    """The path of the bundled sample disclosure."""
    from importlib.resources import files

    return str(files("yusuan") / "data" / SEED_NAME)


# `yusuan check`, `import` and `serve` live in their own modules and register themselves on
# `main`.
from . import check as _check  # noqa: E402, F401
from . import store_commands as _store_commands  # noqa: E402, F401
from . import users as _users  # noqa: E402, F401
