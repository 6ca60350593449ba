"""What the decompression-bomb check costs and how far real PDFs are from its limit.

    .venv/bin/python benchmarks/pdf_streams.py [--repeat N]      # about a minute

For every CUAD train-split PDF (when ../shared/data is present; never the test split) and every sample contract:
how many bytes its text-bearing Flate streams really unpack to, the upper bound the check counts
(``nlp.extract.pdf_streams.check_inflated_size``: small streams by their worst case), the median time of that
check and the median time of bare pypdfium2 text extraction of the same file (the floor of benchmarks/speed.py),
measured back to back in each round. Prints the largest files, the check/floor ratios (median, 95th percentile,
largest), and the margins: the check refuses a real file only when the streams it decodes pass half the limit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import _floor  # noqa: E402
from nlp.extract.pdf_streams import MAX_INFLATED_BYTES, check_inflated_size, inflated_size, text_streams  # noqa: E402


def files() -> list[Path]:
    from models import cuad

    found = sorted((ROOT / "sample_contracts").glob("*.pdf"))
    if cuad.available():
        found += [path for _, path in cuad.documents("train") if path.suffix.lower() == ".pdf"]
    return found


def exact_size(data: bytes) -> int:
    return sum(inflated_size(data[start:end], chain, 1 << 40) for start, end, chain in text_streams(data))


def measure(data: bytes, repeat: int) -> tuple[int, float, float]:
    """(bound the check counts, median check ms, median floor ms), check and floor back to back in each round."""
    checks, floors = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        bound = check_inflated_size(data)
        checks.append(time.perf_counter() - start)
        start = time.perf_counter()
        _floor(data)
        floors.append(time.perf_counter() - start)
    return bound, statistics.median(checks) * 1000, statistics.median(floors) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for path in files():
        data = path.read_bytes()
        bound, check_ms, floor_ms = measure(data, args.repeat)
        rows.append((exact_size(data), bound, check_ms, floor_ms, path.name))
    ratios = sorted(check / floor for _, _, check, floor, _ in rows)
    print(f"{len(rows)} PDFs, median of {args.repeat} rounds each (check and floor back to back)")
    print(f"{'unpacked MB':>11} {'counted MB':>10} {'check ms':>9} {'floor ms':>9} {'check/floor':>11}  file")
    for exact, bound, check_ms, floor_ms, name in sorted(rows)[-5:]:
        print(f"{exact / 1e6:11.1f} {bound / 1e6:10.1f} {check_ms:9.1f} {floor_ms:9.1f} {check_ms / floor_ms:11.3f}  {name[:60]}")
    print(f"check/floor: median {statistics.median(ratios):.3f}, 95th percentile {ratios[int(0.95 * (len(ratios) - 1))]:.3f}, "
          f"largest {ratios[-1]:.3f}")
    largest = max(rows)[0]
    print(f"largest really unpacked: {largest / 1e6:.1f} MB, {MAX_INFLATED_BYTES / 2 / largest:.1f}x below half the limit "
          f"({MAX_INFLATED_BYTES / 2e6:.0f} MB); largest counted: {max(r[1] for r in rows) / 1e6:.1f} MB of "
          f"{MAX_INFLATED_BYTES / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
