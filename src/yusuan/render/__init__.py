"""The presentation of an audit Report: text for a terminal, HTML, CSV (and JSON, its own).

Used by `yusuan check` now and by the web pages later. Every renderer takes the Report alone
(plus, for HTML, the document's text when it is available) and returns a string.
"""

from __future__ import annotations

from .places import Group, group_by_place, place_label, severity_label

__all__ = ["Group", "group_by_place", "place_label", "severity_label"]
