"""Settings of the web app, declared once (environment variables `YUSUAN_…`)."""

from __future__ import annotations

import secrets

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment (`YUSUAN_DATABASE_URL`, `YUSUAN_DEMO`, …) or passed directly."""

    model_config = SettingsConfigDict(env_prefix="YUSUAN_", extra="ignore")

    database_url: str | None = None
    """SQLAlchemy URL; None = the store's default (the embedded SQLite file,
    `$YUSUAN_HOME/yusuan.sqlite3` or `~/.local/share/yusuan/yusuan.sqlite3`); PostgreSQL for
    shared deployments."""
    demo: bool = False
    """Load the bundled seed disclosure (as published) at start when it is not stored yet."""
    secret_key: str = Field(default_factory=lambda: secrets.token_urlsafe(32))
    """Keys the anonymous CSRF token of the login form (csrf.py); several workers need the same
    one (`yusuan serve --workers` shares one). Sessions need no key: they are random tokens
    kept hashed in the database, each with its own CSRF secret."""
    secure_cookies: bool = False
    """Mark the session and CSRF cookies Secure even when a proxy forwards plain http (they
    are Secure anyway when the request itself came over https)."""
    session_hours: float = 12
    """A login lasts this long."""
    max_upload_bytes: int = 50 * 1024 * 1024
    """Uploads larger than this are refused (413) before the reader sees them."""
    cache_seconds: float = 60
    """How long the public's rendered responses of published disclosures are reused at most
    (`yusuan.web.cache`; a commit in this process clears them at once); 0 turns it off."""
    debug: bool = False
    """Show tracebacks in 500 responses (never in production)."""
    title: str = "yusuan 预算公开"
