"""yusuan (预算): read, check and publish department budget disclosures.

The library comes first; the `yusuan` command is a thin shell over it::

    import yusuan
    disclosure = yusuan.read("budget.txt")
    print(yusuan.dumps(disclosure))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .audit import Report, check
    from .errors import ReadError, YusuanError
    from .export import dumps, loads
    from .model import Disclosure
    from .readers import read

__all__ = [
    "Disclosure",
    "ReadError",
    "Report",
    "YusuanError",
    "__version__",
    "check",
    "dumps",
    "loads",
    "read",
]

# Imported on first use so that `yusuan --version` does not pay for pydantic.
_LAZY = {
    "read": ("yusuan.readers", "read"),
    "dumps": ("yusuan.export", "dumps"),
    "loads": ("yusuan.export", "loads"),
    "Disclosure": ("yusuan.model", "Disclosure"),
    "ReadError": ("yusuan.errors", "ReadError"),
    "check": ("yusuan.audit", "check"),
    "Report": ("yusuan.audit", "Report"),
    "YusuanError": ("yusuan.errors", "YusuanError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'yusuan' has no attribute {name!r}")
