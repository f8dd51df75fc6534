"""Shared fixtures: the seed disclosure as shipped in the package data, and its reading.

- `seed_path`: a `Path` to `yusuan/data/seed-2021-shijiazhuang-gaoxin-keji.txt`
- `seed_bytes` / `seed_text`: its content (UTF-8, 975 lines, no final newline)
- `seed`: its reading (`yusuan.read(seed_bytes, name=SEED_NAME)`), read once per session
- `seed_dict`: `yusuan.export.to_dict(seed)` (with `_source`)

Tests that compare another reading with the seed's pass the same `name=` (`derive.SEED_NAME`),
so that `_source` places compare equal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest

# The helpers in tests/derive.py are imported as `derive` whatever the import mode.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from derive import SEED_FILE, SEED_NAME


@pytest.fixture(scope="session")
def seed_path() -> Iterator[Path]:
    with as_file(files("yusuan") / "data" / SEED_FILE) as path:
        yield path


@pytest.fixture(scope="session")
def seed_bytes(seed_path: Path) -> bytes:
    return seed_path.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes: bytes) -> str:
    return seed_bytes.decode("utf-8")


@pytest.fixture(scope="session")
def seed(seed_bytes: bytes) -> Any:
    import yusuan

    return yusuan.read(seed_bytes, name=SEED_NAME)


@pytest.fixture(scope="session")
def seed_dict(seed: Any) -> dict[str, Any]:
    from yusuan.export import to_dict

    return to_dict(seed)
