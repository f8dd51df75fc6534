"""Shared helpers for rule tests: derive a document from the seed (or from the bundled
final-accounts demo) by a small edit, run one rule."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yusuan
from derive import SEED_NAME
from yusuan.audit import REGISTRY, Finding
from yusuan.model import Disclosure


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """`text` with `old` replaced by `new`; fails loudly if `old` is not printed there."""
    assert old in text, f"not in the document: {old!r}"
    return text.replace(old, new, count)


#: The bundled 决算 demo (canonical JSON, the nine standard tables): what `base="final"`
#: examples edit.
FINAL_NAME = "final-demo.json"


@lru_cache(maxsize=64)
def read_text(text: str) -> Disclosure:
    return yusuan.read(text.encode("utf-8"), name=SEED_NAME)


def final_text() -> str:
    """The JSON text of the bundled final-accounts demo."""
    return (files("yusuan") / "data" / FINAL_NAME).read_text("utf-8")


@lru_cache(maxsize=64)
def read_final(text: str) -> Disclosure:
    """A (possibly edited) JSON text of the final-accounts demo, read as a file would be."""
    return yusuan.read(text.encode("utf-8"), name=FINAL_NAME)


def read_base(base: str, text: str) -> Disclosure:
    """`text` read as an example's base document ("seed" text or "final" demo JSON)."""
    return read_final(text) if base == "final" else read_text(text)


def run(rule_id: str, disclosure: Disclosure) -> list[Finding]:
    """The findings of one rule, exactly as the engine would report them."""
    return list(REGISTRY[rule_id].check(disclosure))


def run_text(rule_id: str, text: str) -> list[Finding]:
    return run(rule_id, read_text(text))
