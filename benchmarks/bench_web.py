"""Load benchmark of the web app on loopback: 50 concurrent clients, bounded in requests and time.

Starts the real server (`python -m yusuan serve --demo`) as a subprocess on 127.0.0.1 with a
temporary SQLite file (or `--database URL`, e.g. PostgreSQL), warms it up, then sends
`--requests` requests per target with `--concurrency` clients to the project list (API and
page) and the project page (API and page, cycling through the projects), each target bounded by
`--seconds`. Prints p50 / p95 / max latency and requests per second, and exits with 1 when a
project list's p95 is at or above `--max-p95` ms (default 100).

    .venv/bin/python benchmarks/bench_web.py
    .venv/bin/python benchmarks/bench_web.py --workers 2
    .venv/bin/python benchmarks/bench_web.py --database postgresql+psycopg://postgres@/yusuan?host=/tmp/pg

Anonymous requests (no cookie): the public's view, served from the response cache of
published disclosures after the first request (`yusuan.web.cache`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) of the process `pid` and its children so far (Linux /proc);
    0 elsewhere."""
    if pid is None:
        return 0.0
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    except (OSError, ValueError, IndexError):
        return 0.0
    return total


@dataclass
class Result:
    name: str
    latencies: list[float]
    errors: int
    elapsed: float
    server_cpu: float = 0.0

    def pct(self, p: float) -> float:
        data = sorted(self.latencies)
        if not data:
            return float("nan")
        return data[min(len(data) - 1, round(p / 100 * (len(data) - 1)))] * 1000

    def row(self) -> str:
        n = len(self.latencies)
        rps = n / self.elapsed if self.elapsed else 0.0
        mean = statistics.fmean(self.latencies) * 1000 if n else float("nan")
        return (
            f"{self.name:<28} {n:>6} {self.errors:>4} {self.pct(50):>8.1f} {self.pct(95):>8.1f} "
            f"{max(self.latencies, default=0) * 1000:>8.1f} {mean:>8.1f} {rps:>8.0f} "
            f"{self.server_cpu / max(n, 1) * 1000:>8.2f}"
        )


class Connection:
    """A minimal HTTP/1.1 keep-alive client connection: the load generator must cost far less
    CPU than the server it measures (httpx spends ~1.5 ms per request, several times the
    server's own time for a cached page, and both share the machine)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])
        }
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run_target(
    host: str,
    port: int,
    name: str,
    paths: list[str],
    requests: int,
    concurrency: int,
    seconds: float,
) -> Result:
    latencies: list[float] = []
    errors = 0
    counter = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal counter, errors
        connection = Connection(host, port)
        try:
            while counter < requests and time.perf_counter() < deadline:
                path = paths[counter % len(paths)]
                counter += 1
                t0 = time.perf_counter()
                try:
                    ok = await connection.get(path) == 200
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    connection.close()
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - t0)
                else:
                    errors += 1
        finally:
            connection.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Result(name, latencies, errors, time.perf_counter() - start)


async def bench(base: str, args: argparse.Namespace, pid: int | None) -> list[Result]:
    host, port = "127.0.0.1", int(base.rsplit(":", 1)[1])
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
        listing = (await client.get("/api/v1/disclosures")).json()["data"]
        seed = next(d for d in listing if d["year"] == 2021)
        did = seed["id"]
        projects = (await client.get(f"/api/v1/disclosures/{did}/projects")).json()["data"]
        nos = [p["no"] for p in projects]
        targets = {
            "project list (API)": [f"/api/v1/disclosures/{did}/projects"],
            "project list (page)": [f"/disclosures/{did}/projects"],
            "project (API)": [f"/api/v1/disclosures/{did}/projects/{no}" for no in nos],
            "project (page)": [f"/disclosures/{did}/projects/{no}" for no in nos],
        }
        for paths in targets.values():  # warm-up: caches, connections, the JIT-less rest
            await run_target(host, port, "warm-up", paths, len(paths) * 3, args.concurrency, 30)
        results = []
        for name, paths in targets.items():
            before = cpu_seconds(pid)
            result = await run_target(
                host, port, name, paths, args.requests, args.concurrency, args.seconds
            )
            result.server_cpu = cpu_seconds(pid) - before
            results.append(result)
        return results


def wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="per target")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="time bound per target")
    parser.add_argument("--database", help="URL (default: a temporary SQLite file)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="turn the response cache off (YUSUAN_CACHE_SECONDS=0): every request renders",
    )
    parser.add_argument("--max-p95", type=float, default=100.0, help="ms, project lists")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [
            sys.executable, "-m", "yusuan", "serve", "--demo", "--no-access-log",
            "--port", str(port), "--database", url, "--workers", str(args.workers),
        ]  # fmt: skip
        env = {**os.environ, "YUSUAN_HOME": tmp}
        if args.no_cache:
            env["YUSUAN_CACHE_SECONDS"] = "0"
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_up(base, proc)
            try:
                import uvloop

                uvloop.install()
            except ImportError:
                pass
            results = asyncio.run(bench(base, args, proc.pid))
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()

    backend = url.split(":", 1)[0].split("+", 1)[0]
    print(
        f"yusuan web benchmark: {backend}, {args.workers} worker(s), "
        f"{args.concurrency} concurrent clients, loopback"
        + (", response cache off" if args.no_cache else "")
    )
    print(f"{'target':<28} {'n':>6} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
          f"{'mean ms':>8} {'req/s':>8} {'srv cpu':>8}")  # fmt: skip
    for r in results:
        print(r.row())
    worst = max(r.pct(95) for r in results if r.name.startswith("project list"))
    failed = any(r.errors for r in results) or worst >= args.max_p95
    if failed:
        print(f"FAIL: project list p95 {worst:.1f} ms (limit {args.max_p95:.0f} ms) or errors")
        return 1
    print(f"ok: project list p95 {worst:.1f} ms < {args.max_p95:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
