"""Shared helpers for rule tests: derive a document from the seed by a small edit, run one rule."""

from __future__ import annotations

from functools import lru_cache

import yusuan
from derive import SEED_NAME
from yusuan.audit import REGISTRY, Finding
from yusuan.model import Disclosure


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """`text` with `old` replaced by `new`; fails loudly if `old` is not printed there."""
    assert old in text, f"not in the document: {old!r}"
    return text.replace(old, new, count)


@lru_cache(maxsize=64)
def read_text(text: str) -> Disclosure:
    return yusuan.read(text.encode("utf-8"), name=SEED_NAME)


def run(rule_id: str, disclosure: Disclosure) -> list[Finding]:
    """The findings of one rule, exactly as the engine would report them."""
    return list(REGISTRY[rule_id].check(disclosure))


def run_text(rule_id: str, text: str) -> list[Finding]:
    return run(rule_id, read_text(text))
