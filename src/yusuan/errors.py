"""The one error type users see: what went wrong, where, in Chinese and in English."""

from __future__ import annotations

from typing import Any


class YusuanError(Exception):
    """An input yusuan cannot use. Carries the file and line so the message can point at it."""

    exit_code = 2

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        file: str | None = None,
        line: int | None = None,
    ) -> None:
        self.zh = zh
        self.en = en
        self.file = file
        self.line = line
        super().__init__(self.one_line())

    @property
    def place(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def one_line(self) -> str:
        place = f"{self.place}: " if self.place else ""
        return f"{place}{self.zh} / {self.en}"

    def with_file(self, file: str) -> YusuanError:
        """The same error, naming `file` if it named none yet."""
        if self.file is None:
            self.file = file
            self.args = (self.one_line(),)
        return self

    @classmethod
    def invalid(
        cls, exc: Any, what_zh: str, what_en: str, *, file: str | None = None
    ) -> YusuanError:
        """The first problem of a pydantic `ValidationError`, as one line naming the field."""
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return cls(
            f"{what_zh} {where} 无效：{first['msg']}",
            f"invalid {what_en} {where}: {first['msg']}",
            file=file,
        )


class ReadError(YusuanError):
    """The reader could not turn the input into a disclosure."""
