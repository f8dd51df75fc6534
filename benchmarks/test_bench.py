"""pytest-benchmark versions of benchmarks/bench_read.py (not part of the default test run).

Run with::

    .venv/bin/pytest benchmarks --benchmark-enable
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import yusuan
from yusuan.cli.main import SEED_NAME, seed_path


@pytest.fixture(scope="module")
def seed() -> tuple[bytes, str]:
    path = seed_path()
    return Path(path).read_bytes(), yusuan.dumps(yusuan.read(path, name=SEED_NAME)) + "\n"


def test_read_seed(benchmark: Any, seed: tuple[bytes, str]) -> None:
    data, _ = seed
    disclosure = benchmark(yusuan.read, data, name=SEED_NAME)
    assert disclosure.projects


def test_json_loads_seed_export(benchmark: Any, seed: tuple[bytes, str]) -> None:
    _, text = seed
    assert benchmark(json.loads, text)["schema"] == "yusuan/disclosure@1"
