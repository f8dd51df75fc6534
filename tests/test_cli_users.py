"""`yusuan user add | list | disable | enable`, run in-process."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from yusuan.cli.main import main
from yusuan.store import accounts, db


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, prog_name="yusuan")


def test_add_list_disable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    result = run(
        "user", "add", "wang", "--role", "preparer", "--department", "306",
        "--password-stdin", "--database", url, input="secret-pass-1\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = run("user", "add", "zhao", "--role", "reviewer", "--database", url,
                 input="another-pass\nanother-pass\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    result = run("user", "list", "--database", url)
    assert "wang\tpreparer\t306\tactive" in result.output
    assert "zhao\treviewer\t-\tactive" in result.output
    assert run("user", "disable", "wang", "--database", url).exit_code == 0
    assert "wang\tpreparer\t306\tdisabled" in run("user", "list", "--database", url).output
    sessions = db.open_database(url)
    with sessions() as session:
        assert accounts.authenticate(session, "zhao", "another-pass") is not None
        assert accounts.authenticate(session, "wang", "secret-pass-1") is None  # disabled
        rows, _ = accounts.list_audit(session)
        assert [r.action for r in rows] == ["user.disable", "user.add", "user.add"]
        assert rows[0].user_name is not None and rows[0].user_name.startswith("cli")
    sessions.kw["bind"].dispose()


def test_errors_are_one_bilingual_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    result = run("user", "add", "li", "--role", "preparer", "--database", url)
    assert result.exit_code == 2
    assert "--department" in result.output and " / " in result.output
    result = run("user", "add", "li", "--role", "admin", "--password-stdin", "--database", url,
                 input="short\n")  # fmt: skip
    assert result.exit_code == 2
    assert "8" in result.output and " / " in result.output
    result = run("user", "disable", "nobody", "--database", url)
    assert result.exit_code == 2 and "nobody" in result.output


def test_help_ends_with_examples() -> None:
    for command in (["user"], ["user", "add"], ["user", "list"], ["user", "disable"]):
        output = run(*command, "--help").output
        assert "示例 Example:" in output
        assert "yusuan user" in output.rstrip().splitlines()[-1]
