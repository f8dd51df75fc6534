"""Checking the seed in-process: `yusuan.check` on the already-read bundled sample.

Usage::

    .venv/bin/python benchmarks/bench_check.py [--runs 200] [--limit 10]

Reads the seed once, warms up, then times `yusuan.check(seed)` `--runs` times and prints the
median, the fastest and the slowest run in milliseconds (wall clock), and the median CPU
time of the process. Exits 1 when the wall-clock median is above `--limit` ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import yusuan
from yusuan.cli.main import SEED_NAME, seed_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--limit", type=float, default=10.0, help="milliseconds")
    args = parser.parse_args()

    seed = yusuan.read(seed_path(), name=SEED_NAME)
    report = yusuan.check(seed)
    for _ in range(args.warmup):
        yusuan.check(seed)
    times, cpu = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        yusuan.check(seed)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    median = statistics.median(times)
    print(
        f"yusuan.check(seed): {len(report.checks)} checks, {len(report.findings)} findings; "
        f"{args.runs} runs"
    )
    print(f"median {median:.3f} ms  min {min(times):.3f} ms  max {max(times):.3f} ms")
    # CPU time of this process: what a busy machine does not inflate.
    print(f"cpu    {statistics.median(cpu):.3f} ms (median)")
    print(f"limit {args.limit:g} ms: {'ok' if median <= args.limit else 'TOO SLOW'}")
    return 0 if median <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
