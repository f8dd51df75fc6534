"""A pause inside an import's transaction, for the crash test only.

`tests/web/test_kill_import.py` kills a real server (or `yusuan import`) with SIGKILL in the
middle of an import and then checks the database. To make the kill land mid-transaction every
time, it sets `YUSUAN_TEST_PAUSE_IMPORT` to a file path: the import then writes that file and
sleeps after the projects and indicators are inserted and before the rest (the standard tables,
the source places, the findings and the commit). Unset — always, outside that test — this is a
dictionary look-up.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ENV_PAUSE = "YUSUAN_TEST_PAUSE_IMPORT"


def pause(point: str) -> None:
    marker = os.environ.get(ENV_PAUSE)
    if not marker:
        return
    Path(marker).write_text(point, encoding="utf-8")
    time.sleep(float(os.environ.get("YUSUAN_TEST_PAUSE_SECONDS", "300")))
