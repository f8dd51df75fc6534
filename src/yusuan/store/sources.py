"""Source places (`_source`) of every object of the model, by path, both directions.

Walking the model generically (rather than naming each object) means a node added to the
model later gets its place stored without a change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..model import Node, Source

_SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def walk(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every node under `node` (itself included) with its path: "projects[3].plan"."""
    yield path, node
    for name in type(node).model_fields:
        if name == "source":
            continue
        value = getattr(node, name)
        key = _child(path, name)
        if isinstance(value, Node):
            yield from walk(value, key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Node):
                    yield from walk(item, f"{key}[{i}]")
        elif isinstance(value, dict):
            for k, item in value.items():
                if isinstance(item, Node):
                    # Dict keys are 货物 / 工程 / 服务: never holding "." or "[".
                    yield from walk(item, f"{key}.{k}")


def places(root: Node) -> Iterator[tuple[str, Source]]:
    """(path, source) of every node that has a place."""
    for path, node in walk(root):
        if node.source is not None:
            yield path, node.source


def resolve(root: BaseModel, path: str) -> Any:
    """The object at `path` (as `walk` names it)."""
    obj: Any = root
    for m in _SEGMENT.finditer(path):
        name, index = m.groups()
        if index is not None:
            obj = obj[int(index)]
        elif isinstance(obj, dict):
            obj = obj[name]
        else:
            obj = getattr(obj, name)
    return obj


def attach(root: Node, path: str, source: Source) -> None:
    target = resolve(root, path)
    if not isinstance(target, Node):
        raise LookupError(f"no model object at {path!r}")
    target.source = source
