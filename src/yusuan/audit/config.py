"""Which checks run, at what severity, and which findings are suppressed — like ruff's.

Read from `yusuan.toml` (top-level keys) or the `[tool.yusuan]` table of `pyproject.toml`,
found next to the checked file or in a parent folder, or given with `--config`::

    select = ["ARITH", "PLAN"]          # rule ids or id prefixes; default: all
    ignore = ["LANG-DOUBLE-PUNCT"]
    [severity]                          # [tool.yusuan.severity] in pyproject.toml
    PLAN-OFF-CHECKPOINT = "warning"
    [[suppress]]                        # one budget project, with a written reason
    rule = "IND-UNMEASURABLE"
    project = "13019021TIFGGGIHXFVON"
    reason = "审计费用按实际发生结算，无法事先确定"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import YusuanError
from .finding import Severity


class Suppression(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    project: str | None = None
    """项目编码 of the project the suppression covers; None for the whole document."""
    reason: str = Field(min_length=1)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    suppress: list[Suppression] = Field(default_factory=list)
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    path: str | None = Field(default=None, exclude=True)

    def enabled(self, rule_id: str) -> bool:
        def hit(patterns: list[str]) -> bool:
            return any(rule_id == p or rule_id.startswith(p.rstrip("-*") + "-") for p in patterns)

        if self.select is not None and not hit(self.select):
            return False
        return not hit(self.ignore)

    def suppression(self, rule_id: str, project_code: str | None) -> Suppression | None:
        for s in self.suppress:
            if s.rule == rule_id and (s.project is None or s.project == project_code):
                return s
        return None

    def validate_ids(self, known: set[str]) -> None:
        """Refuse a configuration that names no existing rule: a typo would silently do nothing."""
        named = [
            *(self.select or []),
            *self.ignore,
            *self.severity,
            *(s.rule for s in self.suppress),
        ]
        for pattern in named:
            stem = pattern.rstrip("-*")
            if not any(k == stem or k.startswith(stem + "-") for k in known):
                raise YusuanError(
                    f"配置中的规则 {pattern} 不存在",
                    f"the configuration names no rule {pattern}",
                    file=self.path,
                )


def load(path: Path) -> Config:
    """A configuration file: `yusuan.toml`, or `pyproject.toml` with a `[tool.yusuan]` table."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise YusuanError(
            "无法读取配置文件", f"cannot read the configuration: {exc.strerror}", file=str(path)
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise YusuanError(
            f"配置文件不是有效的 TOML：{exc}", f"invalid TOML: {exc}", file=str(path)
        ) from exc
    table: Any = data.get("tool", {}).get("yusuan", {}) if path.name == "pyproject.toml" else data
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        raise YusuanError.invalid(exc, "配置项", "configuration", file=str(path)) from exc
    config.path = str(path)
    return config


def discover(start: Path) -> Config:
    """The nearest `yusuan.toml`, or `pyproject.toml` with `[tool.yusuan]`, from `start` up."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / "yusuan.toml"
        if own.is_file():
            return load(own)
        project = candidate / "pyproject.toml"
        if project.is_file() and b"[tool.yusuan" in project.read_bytes():
            return load(project)
    return Config()
