"""Query parameters the list routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

Limit = Annotated[int, Query(ge=1, le=1000, description="每页条数 page size")]
Offset = Annotated[int, Query(ge=0, description="跳过条数 rows to skip")]
DEFAULT_LIMIT = 100
