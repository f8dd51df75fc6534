"""The sample PDFs live in `../shared/samples/` beside the clone (CI has it); they are never
copied into the project. Tests that need one skip, saying why, when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SEED_PDF = SAMPLES / "seed-2021-budget-rendered.pdf"


@pytest.fixture(scope="session")
def seed_pdf_path() -> Path:
    if not SEED_PDF.is_file():
        pytest.skip(f"sample PDF not found: {SEED_PDF} (../shared/samples/ is beside the clone)")
    return SEED_PDF


@pytest.fixture(scope="session")
def seed_pdf_bytes(seed_pdf_path: Path) -> bytes:
    return seed_pdf_path.read_bytes()
