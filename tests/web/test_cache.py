"""The public's response cache (`yusuan.web.cache`): hits for anonymous requests of published
disclosures only, bypassed with a cookie, cleared by any commit, off with cache_seconds=0."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import yusuan
from conftest import Stored, later_year
from yusuan.store import service
from yusuan.web.app import create_app
from yusuan.web.cache import CACHEABLE, ResponseCache
from yusuan.web.settings import Settings


@pytest.fixture
def app_client(web_db: tuple[str, Stored]) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=web_db[0]))
    with TestClient(app) as c:
        yield c


def _cache(client: TestClient) -> ResponseCache:
    cache: ResponseCache = client.app.state.response_cache  # type: ignore[attr-defined]
    return cache


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/disclosures/{id}/projects",
        "/api/v1/disclosures/{id}/projects/1",
        "/disclosures/{id}/projects",
        "/disclosures/{id}/projects/8",
        "/disclosures/{id}/findings",
        "/api/v1/disclosures/{id}",
        "/api/v1/disclosures/{id}/tables",
        "/api/v1/disclosures/{id}/narrative",
    ],
)
def test_second_anonymous_request_is_a_hit(
    app_client: TestClient, stored: Stored, path: str
) -> None:
    cache = _cache(app_client)
    url = path.format(id=stored.seed)
    first = app_client.get(url)
    hits = cache.hits
    second = app_client.get(url)
    assert first.status_code == second.status_code == 200
    assert cache.hits == hits + 1
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]


def test_query_and_htmx_are_part_of_the_key(app_client: TestClient, stored: Stored) -> None:
    url = f"/disclosures/{stored.seed}/projects"
    full = app_client.get(url).text
    partial = app_client.get(url, headers={"HX-Request": "true"}).text
    sorted_ = app_client.get(url + "?sort=-amount").text
    assert "<html" in full and "<html" not in partial
    assert sorted_ != full
    assert app_client.get(url, headers={"HX-Request": "true"}).text == partial


def test_drafts_and_misses_are_not_cached(app_client: TestClient, stored: Stored) -> None:
    cache = _cache(app_client)
    for _ in range(2):
        assert app_client.get(f"/api/v1/disclosures/{stored.draft}/projects").status_code == 404
        assert app_client.get(f"/disclosures/{stored.draft}/projects/1").status_code == 404
    assert not any(str(stored.draft) in key[0] for key in cache._entries)


def test_a_request_with_a_cookie_bypasses_the_cache(app_client: TestClient, stored: Stored) -> None:
    cache = _cache(app_client)
    url = f"/api/v1/disclosures/{stored.seed}/projects/2"
    app_client.cookies.set("yusuan_session", "whatever")
    app_client.get(url)
    app_client.get(url)
    assert cache.hits == 0 and len(cache) == 0
    app_client.cookies.clear()


def test_a_commit_clears_the_cache(tmp_path: Path, seed_text: str) -> None:
    """An import through the app's sessions (as an upload does) empties the cache."""
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'c.sqlite3'}", demo=True))
    with TestClient(app) as c:
        cache = _cache(c)
        seed = c.get("/api/v1/disclosures").json()["data"][0]["id"]
        c.get(f"/api/v1/disclosures/{seed}/projects")
        assert len(cache) == 1
        data = later_year(seed_text).encode()
        with app.state.sessions() as session:
            service.import_disclosure(
                session, yusuan.read(data, name="x.txt"), data=data, file_name="x.txt"
            )
        assert len(cache) == 0
        c.get(f"/api/v1/disclosures/{seed}/projects")
        assert len(cache) == 1


def test_cache_seconds_0_turns_it_off(web_db: tuple[str, Stored], stored: Stored) -> None:
    app = create_app(Settings(database_url=web_db[0], cache_seconds=0))
    with TestClient(app) as c:
        c.get(f"/api/v1/disclosures/{stored.seed}/projects")
        c.get(f"/api/v1/disclosures/{stored.seed}/projects")
        assert len(app.state.response_cache) == 0


def test_cacheable_routes() -> None:
    for path in (
        "/disclosures/3",
        "/api/v1/disclosures/3/projects/12",
        "/disclosures/3/findings",
        "/disclosures/3/tables/2",
        "/api/v1/disclosures/3/tables",
        "/api/v1/disclosures/3/tables/2",
        "/api/v1/disclosures/3/narrative",
    ):
        assert CACHEABLE.match(path), path
    for path in (
        "/",
        "/search",
        "/api/v1/disclosures",
        "/disclosures/3/compare",
        "/upload",
        "/disclosures/3/tables/x",
    ):
        assert not CACHEABLE.match(path), path
