"""The reader for the published text form of a disclosure (a PDF converted to text)."""

from .document import read_lines, read_text

__all__ = ["read_lines", "read_text"]
