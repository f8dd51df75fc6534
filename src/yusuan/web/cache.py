"""An in-process cache of rendered responses for the public (anonymous visitors).

Published disclosures never change (a correction is a new disclosure beside the old one), so
what the public sees of one — its project list, a project, its tables, its findings, its
canonical JSON, as API JSON or page HTML — can be rendered once and sent again as bytes. The
project list went from ~20 ms of CPU per request to a dictionary look-up.

Which responses (`CACHEABLE`): GET under `/disclosures/{id}` and `/api/v1/disclosures/{id}`
(the overview, the project list, a project, the standard tables, a table, the narrative, the
findings). Keyed by (path, query string, `HX-Request`): the path holds the route and the
disclosure id; the visibility is always the public's, because:

- a request carrying a cookie (a session, or the anonymous CSRF cookie, whose token a page
  may embed) or an `Authorization` header bypasses the cache both ways: logged-in users
  (`current_user` not None) never read or fill it;
- only a 200 is kept, without `Set-Cookie`, and only when no user was resolved for the
  request (`request.state.user`); an anonymous visitor gets 200 for published disclosures
  only (anything else is 404), so only published ones are cached.

Invalidation: any commit through the app's sessions (an upload, a status change, a review)
clears the whole cache (`watch`); a response being rendered while that happens is not kept.
Writers in other processes (`yusuan import`, another worker) are covered by the time limit
(`Settings.cache_seconds`, 0 turns the cache off): for published disclosures they can only
add new ones or review findings.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHEABLE = re.compile(
    r"^(/api/v1)?/disclosures/\d+(/(projects|tables)(/\d+)?|/findings|/narrative)?/?$"
)

Key = tuple[str, bytes, bytes]


@dataclass(frozen=True, slots=True)
class Cached:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    stored_at: float


class ResponseCache:
    """A bounded LRU of responses with a time limit; thread-safe."""

    def __init__(self, max_entries: int = 1024, seconds: float = 60.0) -> None:
        self.max_entries = max_entries
        self.seconds = seconds
        self.generation = 0
        """Bumped by `clear`: a response rendered across a clear is not stored."""
        self._entries: OrderedDict[Key, Cached] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self.max_entries > 0

    def get(self, key: Key) -> Cached | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or time.monotonic() - entry.stored_at > self.seconds:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Key, entry: Cached, generation: int) -> None:
        with self._lock:
            if generation != self.generation:
                return
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def watch(cache: ResponseCache, sessions: sessionmaker[Session]) -> None:
    """Clear `cache` whenever a session made by `sessions` commits."""

    def _after_commit(_session: Session) -> None:
        cache.clear()

    event.listen(sessions, "after_commit", _after_commit)


class CacheMiddleware:
    """Serves and fills the cache (pure ASGI, outermost: a hit costs no routing, no dependency
    and no database query)."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not self.cache.enabled
            or not CACHEABLE.match(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        hx = b""
        for name, value in scope["headers"]:
            if name in (b"cookie", b"authorization"):
                await self.app(scope, receive, send)
                return
            if name == b"hx-request":
                hx = value
        key: Key = (scope["path"], scope["query_string"], hx)
        hit = self.cache.get(key)
        if hit is not None:
            await send(
                {"type": "http.response.start", "status": hit.status, "headers": hit.headers}
            )
            await send({"type": "http.response.body", "body": hit.body})
            return

        generation = self.cache.generation
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        user = scope.get("state", {}).get("user")
        if (
            start.get("status") == 200
            and user is None
            and not any(k.lower() == b"set-cookie" for k, _ in headers)
        ):
            entry = Cached(200, headers, b"".join(chunks), time.monotonic())
            self.cache.put(key, entry, generation)


def install(app: Any, sessions: sessionmaker[Session], seconds: float) -> ResponseCache:
    """Add the cache to `app` (call last in `create_app`, so it is the outermost layer)."""
    cache = ResponseCache(seconds=seconds)
    watch(cache, sessions)
    app.state.response_cache = cache
    app.add_middleware(CacheMiddleware, cache=cache)
    return cache
