"""Time `yusuan --version` as a fresh process: the median of N runs.

Usage::

    .venv/bin/python benchmarks/bench_startup.py [--runs 20] [--limit 0.3]

Runs the `yusuan` console script next to this interpreter (falls back to `python -m yusuan`),
prints the median, and exits 1 when it is over the limit (0.3 s: start-up must stay lazy).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def command() -> list[str]:
    script = Path(sys.executable).with_name("yusuan")
    return (
        [str(script), "--version"]
        if script.exists()
        else [sys.executable, "-m", "yusuan", "--version"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--limit", type=float, default=0.3, help="seconds")
    args = parser.parse_args()
    cmd = command()
    subprocess.run(cmd, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"command: {' '.join(cmd)}")
    print(f"start-up median of {args.runs}: {median:.3f} s", end=" ")
    print(f"(min {min(times):.3f} s, limit {args.limit} s)")
    return 0 if median <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
