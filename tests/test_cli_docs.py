"""docs/cli.md is generated from the commands' help and must be kept up to date."""

from __future__ import annotations

from pathlib import Path

from yusuan.cli.docs import render

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is out of date: run `.venv/bin/python -m yusuan.cli.docs > docs/cli.md`"
    )


def test_cli_reference_covers_every_command() -> None:
    text = render()
    assert "## yusuan parse" in text
    assert "--format [json|summary]" in text
