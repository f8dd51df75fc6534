"""Audit: model -> findings. Each rule is small, explained, and points at its evidence."""

from .config import Config, Suppression, discover, load
from .engine import check
from .finding import Evidence, Finding, Location, Report
from .rule import REGISTRY, Example, Rule, register

__all__ = [
    "REGISTRY",
    "Config",
    "Evidence",
    "Example",
    "Finding",
    "Location",
    "Report",
    "Rule",
    "Suppression",
    "check",
    "discover",
    "load",
    "register",
]
