"""Batch throughput on the analysis pool with 1 and N worker processes, measured in the same run.

    .venv/bin/python benchmarks/batch.py [--files 120] [--workers N]

Feeds the same files (the sample contracts, cycled to ``--files``; the report cache is not involved) through
``app.pool.AnalysisPool`` the way a batch does (at most 2 x workers in flight) and prints contracts per
second, pages per second and the speed-up of N workers over 1. Worker start-up (each loads the analyzer once)
is timed separately and left out of the throughput.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from concurrent.futures import FIRST_COMPLETED, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(workers: int, payloads: list[tuple[str, bytes]]) -> tuple[float, float, int]:
    """(start-up seconds, batch seconds, files analysed) for one pool size."""
    from app.pool import AnalysisPool
    from rules.context import UserContext

    started = time.perf_counter()
    pool = AnalysisPool(workers)
    pool.warm_up()
    ready = time.perf_counter()
    running, position, ok = set(), 0, 0
    while position < len(payloads) or running:
        while position < len(payloads) and len(running) < 2 * workers:
            name, data = payloads[position]
            running.add(pool.submit(data, name, UserContext()))
            position += 1
        finished, running = wait(running, return_when=FIRST_COMPLETED)
        ok += sum(1 for future in finished if future.result().ok)
    elapsed = time.perf_counter() - ready
    pool.shutdown()
    return ready - started, elapsed, ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    import pypdfium2 as pdfium

    samples = sorted((ROOT / "sample_contracts").glob("*.pdf"))
    payloads = [(f"{i:04d}-{p.name}", p.read_bytes()) for i, p in zip(range(args.files), samples * args.files, strict=False)]
    pages = sum(len(pdfium.PdfDocument(data)) for _, data in payloads)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{len(payloads)} contracts, {pages} pages (the sample contracts, cycled)\n")
    print(f"{'workers':>7} {'start-up s':>10} {'batch s':>8} {'contracts/s':>11} {'pages/s':>8} {'speed-up':>8} {'analysed':>8}")
    base = None
    for workers in sorted({1, args.workers}):
        startup, elapsed, ok = run(workers, payloads)
        base = base or elapsed
        print(f"{workers:>7} {startup:>10.1f} {elapsed:>8.1f} {len(payloads) / elapsed:>11.1f} {pages / elapsed:>8.0f} "
              f"{base / elapsed:>8.2f} {ok:>8}")


if __name__ == "__main__":
    main()
