"""Browser tests: Playwright for Python driving Debian's Chromium (`/usr/bin/chromium`, no
browser download) against a real `yusuan serve --demo` on a free port and a temp SQLite file.

The database also holds another department's draft and a preparer of that department, so the
tests can log in and see what the public cannot, and the bundled 决算 with one cell changed
(published), whose standard tables and 情况说明 carry findings. Screenshots go to
`screenshots/` at the top of the repository (git-ignored). Skipped, with the reason, when
Chromium or Playwright is missing (`bash .ci/run` installs Chromium from Debian's packages).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import yusuan
from derive import OTHER_CODE, edit_final_cell, load_final_bytes, rename_department
from yusuan.store import accounts, db, service

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PREPARER = "prep412"
PASSWORD = "browser-test-password-1"

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)",
        allow_module_level=True,
    )
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover
    pytest.skip("playwright is not installed (pip install -e '.[dev]')", allow_module_level=True)


@dataclass
class Site:
    base: str
    seed: int
    draft: int
    final: int
    """The bundled 决算 with one cell changed (`derive.edit_final_cell`), published."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'browser.sqlite3'}"
    sessions = db.open_database(url)
    draft_text = rename_department(seed_text).encode("utf-8")
    with sessions() as session:
        draft = service.import_disclosure(
            session,
            yusuan.read(draft_text, name="caizheng-2023.txt"),
            data=draft_text,
            file_name="caizheng-2023.txt",
            status="draft",
        ).disclosure_id
        final_bytes = edit_final_cell(load_final_bytes().decode("utf-8")).encode("utf-8")
        final = service.import_disclosure(
            session,
            yusuan.read(final_bytes, name="final-edited.json"),
            data=final_bytes,
            file_name="final-edited.json",
            status="published",
        ).disclosure_id
        accounts.create_user(session, PREPARER, PASSWORD, "preparer", OTHER_CODE)
    sessions.kw["bind"].dispose()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "YUSUAN_HOME": str(tmp)}
    log = open(tmp / "server.log", "wb")  # noqa: SIM115
    command = [sys.executable, "-m", "yusuan", "serve", "--demo"]
    command += ["--port", str(port), "--database", url]
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_up(base, proc, tmp / "server.log")
        import httpx2 as httpx

        listing = httpx.get(base + "/api/v1/disclosures").json()["data"]
        seed = next(d["id"] for d in listing if d["year"] == 2021)
        yield Site(base, seed, draft, final)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _wait_up(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    import httpx2 as httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"yusuan serve exited ({proc.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    pytest.fail("yusuan serve did not start in 60 s")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(
        base_url=site.base, viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page: Page, name: str = PREPARER, password: str = PASSWORD) -> Any:
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
    return page


def text_of(page: Page, selector: str) -> str:
    return re.sub(r"\s+", " ", page.inner_text(selector)).strip()
