"""The rule catalogue, one module per family; importing it fills the registry."""

from . import arithmetic, consistency, indicators, language, narrative, plan, references, tables

__all__ = [
    "arithmetic",
    "consistency",
    "indicators",
    "language",
    "narrative",
    "plan",
    "references",
    "tables",
]
