"""Reading the seed in-process vs `json.loads` on the seed's own canonical JSON.

Usage::

    .venv/bin/python benchmarks/bench_read.py [--repeat 7] [--limit 20]

Both are timed in this one run with `timeit`, in turns (several rounds, per-call medians).
The JSON is exactly what `yusuan parse --demo --format json` writes. Prints both times and
the ratio and exits 1 when reading is more than `--limit` times slower than `json.loads`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import yusuan
from yusuan.cli.main import SEED_NAME, seed_path


def timers(*funcs: Callable[[], object]) -> list[tuple[timeit.Timer, int]]:
    """A timeit timer per function with a loop count that takes about 0.2 s."""
    out = []
    for func in funcs:
        timer = timeit.Timer(func)
        number, _ = timer.autorange()
        out.append((timer, number))
    return out


def medians(repeat: int, *funcs: Callable[[], object]) -> list[float]:
    """Median seconds per call of each function over `repeat` rounds.

    The functions are timed in turns within each round, so that a busy machine slows them alike.
    """
    runs = timers(*funcs)
    samples: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for (timer, number), times in zip(runs, samples, strict=True):
            times.append(timer.timeit(number) / number)
    return [statistics.median(times) for times in samples]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--limit", type=float, default=20.0)
    args = parser.parse_args()

    path = seed_path()
    data = Path(path).read_bytes()
    text = (
        yusuan.dumps(yusuan.read(path, name=SEED_NAME)) + "\n"
    )  # as `yusuan parse --format json` writes it

    read_s, json_s = medians(
        args.repeat, lambda: yusuan.read(data, name=SEED_NAME), lambda: json.loads(text)
    )
    ratio = read_s / json_s
    print(f"seed: {path} ({len(data)} bytes; canonical JSON {len(text.encode())} bytes)")
    print(f"yusuan.read  median {read_s * 1000:9.3f} ms")
    print(f"json.loads   median {json_s * 1000:9.3f} ms")
    print(f"ratio {ratio:.1f}x (limit {args.limit:g}x)")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
