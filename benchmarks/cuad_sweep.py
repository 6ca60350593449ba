"""Robustness and time on real contracts: analyse every CUAD train-split PDF, count outcomes.

    .venv/bin/python benchmarks/cuad_sweep.py [--split train]

Needs ../shared/data/cuad. Prints how many files were analysed, refused (with the error code) or
crashed (a bug), total and slowest times. The test split is evaluation-only: this sweep reads the
train split unless asked otherwise, and nothing here tunes anything.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CUAD = ROOT.parent / "shared" / "data" / "cuad"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="train", choices=["train", "test"])
    args = parser.parse_args()
    if not CUAD.is_dir():
        sys.exit(f"CUAD not found at {CUAD}")

    from app.analyze import Analyzer
    from nlp.errors import InputError

    splits = {row["doc_id"]: row["split"] for row in csv.DictReader((CUAD / "splits.csv").open())}
    analyzer = Analyzer.load()
    outcomes: collections.Counter[str] = collections.Counter()
    times: list[tuple[float, str, int]] = []
    started = time.perf_counter()
    for row in csv.DictReader((CUAD / "contracts_index.csv").open()):
        if splits[row["doc_id"]] != args.split:
            continue
        clock = time.perf_counter()
        try:
            report = analyzer.analyze(CUAD / row["pdf_path"])
            outcomes["analysed"] += 1
            pages = report.document.pages
        except InputError as error:
            outcomes[f"refused:{error.code}"] += 1
            pages = 0
        except Exception as error:  # a bug: count it, name it, keep going
            outcomes[f"crashed:{type(error).__name__}"] += 1
            pages = 0
        times.append((time.perf_counter() - clock, row["doc_id"], pages))
    total = time.perf_counter() - started
    print(f"CUAD {args.split} split: {sum(outcomes.values())} PDFs, {dict(outcomes)}")
    print(f"total {total:.1f} s, mean {total / len(times):.2f} s per contract")
    for seconds, doc_id, pages in sorted(times, reverse=True)[:5]:
        print(f"  slowest: doc {doc_id} ({pages} pages) {seconds:.2f} s")


if __name__ == "__main__":
    main()
