"""What the store refuses, in Chinese and English like every user-facing error."""

from __future__ import annotations

from ..errors import YusuanError


class StoreError(YusuanError):
    """The database cannot hold or give what was asked."""


class NotFound(StoreError):
    """No such disclosure (or project) in the database."""

    def __init__(self, what_zh: str, what_en: str) -> None:
        super().__init__(f"找不到{what_zh}", f"no such {what_en}")


class InvalidTransition(StoreError):
    """A publication status change the workflow does not allow."""

    def __init__(self, current: str, wanted: str) -> None:
        self.current = current
        self.wanted = wanted
        super().__init__(
            f"不能把状态从 {current} 改为 {wanted}",
            f"cannot change the status from {current} to {wanted}",
        )
