"""`yusuan user add | list | disable | enable`: the accounts of the web app.

Roles: `preparer` (one department: uploads and submits its drafts; needs `--department CODE`),
`reviewer` (sees every department's drafts and submissions, reviews findings, publishes) and
`admin` (everything a reviewer may, and manages users). Every change is written to the audit
log as `cli:<login name>`.
"""

from __future__ import annotations

import sys

import click

from .main import BilingualUsageError, debug_option, example, main
from .store_commands import _actor, _open, database_option


@main.group(
    epilog=example(
        "yusuan user add wang --role preparer --department 306",
        "yusuan user add zhao --role reviewer",
        "printf '%s\\n' \"$PASSWORD\" | yusuan user add admin --role admin --password-stdin",
        "yusuan user list",
        "yusuan user disable wang",
    )
)
@debug_option
def user() -> None:
    """管理网页应用的用户（编制人员、审核人员、管理员）。

    Manage the web app's users: preparers (one department), reviewers (the finance bureau)
    and admins. Passwords are stored as argon2 hashes; changes go to the audit log.
    """


def _password(stdin: bool) -> str:
    if stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    value: str = click.prompt(
        "密码 password", hide_input=True, confirmation_prompt="再输一次 again", err=True
    )
    return value


@user.command(
    "add",
    epilog=example(
        "yusuan user add wang --role preparer --department 306",
        "yusuan user add zhao --role reviewer --database postgresql://yusuan@localhost/yusuan",
        "printf '%s\\n' \"$PASSWORD\" | yusuan user add admin --role admin --password-stdin",
    ),
)
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["preparer", "reviewer", "admin"]),
    required=True,
    help="角色 / the role.",
)
@click.option(
    "--department",
    metavar="CODE",
    help="部门编码（编制人员必填，如 306） / the department code (preparers only, e.g. 306).",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="从标准输入的第一行读取密码（不提示） / read the password from the first line of "
    "standard input instead of a prompt.",
)
@database_option
@debug_option
def add(
    name: str, role: str, department: str | None, password_stdin: bool, database: str | None
) -> None:
    """添加用户（密码至少 8 个字符，在提示中输入）。

    Add a user. The password (8 characters or more) is asked for twice, or read from
    standard input with --password-stdin.
    """
    if role == "preparer" and not department:
        raise BilingualUsageError(
            "编制人员需要 --department 部门编码", "a preparer needs --department CODE"
        )
    if role != "preparer" and department:
        raise BilingualUsageError(
            "只有编制人员属于某个部门（去掉 --department）",
            "only a preparer belongs to a department (drop --department)",
        )
    password = _password(password_stdin)
    from ..store import accounts

    _url, sessions = _open(database)
    with sessions() as session:
        account = accounts.create_user(session, name, password, role, department, actor=_actor())
    where = f"，部门 {account.department}" if account.department else ""
    click.echo(f"已添加用户 {account.name}（{account.role}{where}） / added user {account.name}")


@user.command("list", epilog=example("yusuan user list", "yusuan user list --database URL"))
@database_option
@debug_option
def list_(database: str | None) -> None:
    """列出用户：用户名、角色、部门、是否启用。

    List the users: name, role, department, active or disabled (tab-separated).
    """
    from ..store import accounts

    _url, sessions = _open(database)
    with sessions() as session:
        users = accounts.list_users(session)
    for u in users:
        state = "active" if u.active else "disabled"
        click.echo(f"{u.name}\t{u.role}\t{u.department or '-'}\t{state}")


def _set_active(name: str, active: bool, database: str | None) -> None:
    from ..store import accounts

    _url, sessions = _open(database)
    with sessions() as session:
        accounts.set_active(session, name, active, actor=_actor())
    zh, en = ("已启用", "enabled") if active else ("已停用", "disabled")
    click.echo(f"{zh}用户 {name} / {en} user {name}")


@user.command("disable", epilog=example("yusuan user disable wang"))
@click.argument("name")
@database_option
@debug_option
def disable(name: str, database: str | None) -> None:
    """停用用户：立即退出其所有登录，不能再登录。

    Disable a user: its sessions end at once and it cannot log in again (the audit log keeps
    its name).
    """
    _set_active(name, False, database)


@user.command("enable", epilog=example("yusuan user enable wang"))
@click.argument("name")
@database_option
@debug_option
def enable(name: str, database: str | None) -> None:
    """重新启用已停用的用户。

    Enable a disabled user again.
    """
    _set_active(name, True, database)
