"""Reading disclosure PDFs in-process: seconds, pages per second, peak memory.

Usage::

    .venv/bin/python benchmarks/bench_pdf.py [PDF ...] [--repeat 5] [--limit 1.5]

Without arguments it reads `../shared/samples/seed-2021-budget-rendered.pdf` (the 33-page
seed). Each file is read once to warm up (imports, pdfium), then `--repeat` times; the median
wall time, the median CPU time of this process, pages per second and the peak Python heap
(tracemalloc, one extra run) and the process's peak RSS are printed. Exits 1 when the median
wall time of the first file exceeds `--limit` seconds. A file that is refused (a final
account the reader does not take yet) prints its error instead.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import yusuan

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DEFAULT = SAMPLES / "seed-2021-budget-rendered.pdf"


def pages_of(data: bytes) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def bench(path: Path, repeat: int) -> float | None:
    data = path.read_bytes()
    pages = pages_of(data)
    try:
        yusuan.read(data, name=path.name)
    except yusuan.ReadError as exc:
        print(f"{path.name}: {pages} pages, refused: {exc}")
        return None
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        yusuan.read(data, name=path.name)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    tracemalloc.start()
    yusuan.read(data, name=path.name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"{path.name}: {pages} pages, {len(data) / 1e6:.1f} MB; median of {repeat}: "
        f"{wall:.3f} s wall ({pages / wall:.1f} pages/s), {cpu:.3f} s CPU "
        f"({pages / cpu:.1f} pages/s); peak Python heap {peak / 1e6:.1f} MB, "
        f"peak RSS {rss:.0f} MB"
    )
    return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args()
    first = None
    for n, path in enumerate(args.pdfs):
        if not path.is_file():
            print(f"{path}: not found (the samples are in ../shared/samples/)")
            return 2
        wall = bench(path, args.repeat)
        if n == 0:
            first = wall
    if first is not None and first > args.limit:
        print(f"too slow: {first:.3f} s > {args.limit} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
