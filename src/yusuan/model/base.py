"""Building blocks shared by every part of the disclosure model."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer

#: Money in 万元, percentages and quantities: exact decimals as printed, never float.
Number = Decimal


class Source(BaseModel):
    """Where a value was read: a text line, or a PDF page and bounding box."""

    model_config = ConfigDict(extra="ignore")

    file: str | None = None
    line: int | None = None
    page: int | None = None
    bbox: list[float] | None = None

    @model_serializer(mode="plain")
    def _only_set(self) -> dict[str, Any]:
        # The contract shows {"line": 123}: unset places are left out, not null.
        out: dict[str, Any] = {}
        for key in ("file", "line", "page", "bbox"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


def _is_none(value: object) -> bool:
    return value is None


SourceField = Annotated[Source | None, Field(default=None, alias="_source", exclude_if=_is_none)]


class Node(BaseModel):
    """Any object of the model: may carry the place it was read from under `_source`."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", validate_assignment=False)

    source: SourceField = None


def at(line: int | None = None, **kwargs: Any) -> Source:
    """Shorthand for a text source place."""
    return Source(line=line, **kwargs)
