"""The rule catalogue, one module per family; importing it fills the registry."""

from . import arithmetic, consistency, indicators, language, plan, references

__all__ = ["arithmetic", "consistency", "indicators", "language", "plan", "references"]
