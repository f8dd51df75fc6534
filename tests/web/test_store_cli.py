"""`yusuan import` and `yusuan serve` (the commands that put the store and the web together)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest
from click.testing import CliRunner

from derive import SEED_FILE, change_figures
from yusuan.cli.main import main, seed_path
from yusuan.store import db, service


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default database is a SQLite file under a temp YUSUAN_HOME."""
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    return tmp_path / "home" / "yusuan.sqlite3"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_reports_created_unchanged_and_new_version(env: Path, tmp_path: Path) -> None:
    seed = seed_path()
    code, out, err = _run("import", seed)
    assert code == 0, err
    assert f"数据库 database: {env}" in err  # the embedded default, created on first use
    assert env.exists()
    assert f"{seed}: 已新建 created #1 v1 (published)" in out

    code, out, _ = _run("import", seed)
    assert code == 0
    assert "unchanged (already imported) #1 v1" in out

    other = tmp_path / "corrected.txt"
    other.write_text(change_figures(Path(seed).read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = _run("import", str(other), "--draft")
    assert code == 0
    assert "new version #2 v2 (draft)" in out

    sessions = db.open_database(f"sqlite:///{env}")
    with sessions() as session:
        rows, total = service.list_disclosures(session)
    sessions.kw["bind"].dispose()
    assert total == 2
    assert {(r.version, r.status) for r in rows} == {(1, "published"), (2, "draft")}


def test_a_bad_file_fails_alone_and_exits_2(env: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("只是一段文字。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = _run("import", str(bad), seed_path(), str(missing))
    assert code == 2
    assert "created #1 v1" in out  # the good file is imported all the same
    lines = [line for line in err.splitlines() if line.startswith("yusuan: ")]
    assert len(lines) == 2
    assert lines[0].startswith(f"yusuan: {bad}: ") and " / " in lines[0]
    assert lines[1].startswith(f"yusuan: {missing}: ") and "No such file" in lines[1]


def test_import_needs_a_file(env: Path) -> None:
    code, _, err = _run("import")
    assert code == 2
    assert "FILE..." in err


def test_import_to_a_database_url(tmp_path: Path, env: Path) -> None:
    target = tmp_path / "other.sqlite3"
    code, _out, err = _run("import", seed_path(), "--database", f"sqlite:///{target}")
    assert code == 0, err
    assert f"数据库 database: {target}" in err
    assert target.exists() and not env.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_on_an_empty_database_loads_the_seed(tmp_path: Path) -> None:
    """A first start prints the database, creates it, loads the seed as published and serves
    its 35 projects."""
    port = _free_port()
    env = {**os.environ, "YUSUAN_HOME": str(tmp_path)}
    env.pop("YUSUAN_DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "yusuan", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "yusuan serve did not start"
            time.sleep(0.1)
        listing = httpx.get(base + "/api/v1/disclosures").json()
        assert listing["meta"]["total"] == 2
        seed = next(d for d in listing["data"] if d["year"] == 2021)
        assert (seed["status"], seed["kind"]) == ("published", "budget")
        final = next(d for d in listing["data"] if d["year"] == 2024)
        assert (final["status"], final["kind"]) == ("published", "final")
        tables = httpx.get(f"{base}/api/v1/disclosures/{final['id']}/tables").json()
        assert tables["meta"]["total"] == 9
        projects = httpx.get(f"{base}/api/v1/disclosures/{seed['id']}/projects").json()
        assert projects["meta"]["total"] == 35
        assert (
            '"amount":42.40,' in httpx.get(f"{base}/api/v1/disclosures/{seed['id']}/projects").text
        )
        page = httpx.get(f"{base}/disclosures/{seed['id']}/projects")
        assert "共 35 个项目" in page.text
    finally:
        proc.terminate()
        out = proc.communicate(timeout=15)[0].decode()
    assert f"数据库 database: {tmp_path / 'yusuan.sqlite3'}" in out
    assert f"已载入样例 loaded the sample: {SEED_FILE}" in out
    assert "已载入样例 loaded the sample: final-demo.json" in out
    assert f"http://127.0.0.1:{port}/" in out


def test_serve_rejects_a_bad_port() -> None:
    code, _, err = _run("serve", "--port", "70000")
    assert code == 2
    assert "--port" in err


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("nonsense", "bad database URL"),
        ("mysql://a@localhost/x", "no driver for this database"),
        ("postgresql://nobody@127.0.0.1:1/x", "cannot open the database"),
    ],
)
def test_a_database_that_cannot_be_used_is_one_line_and_exit_2(url: str, words: str) -> None:
    code, _, err = _run("import", seed_path(), "--database", url)
    assert code == 2
    line = err.strip().splitlines()[-1]
    assert words in line and " / " in line
