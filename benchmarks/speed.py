"""Speed of extraction and of the whole analysis, as ratios to bare pypdfium2 measured in the same run.

    .venv/bin/python benchmarks/speed.py [PDF ...] [--repeat N]

Without arguments it uses the sample contracts and, when ../shared/data is present, CUAD train-split
contracts of about 40 and 120 pages. For each file it prints the median time (ms) of:

    floor      pypdfium2: open + get_text_range on every page (the fastest text we could have)
    plumber    pdfplumber: extract_text on every page (the slow, layout-aware path)
    extract    our nlp.extract.extract_document (pdfium text + layout clean-up + pdfplumber on ruled-table pages)
    analyze    our whole analysis (extract, segment, tag, terms, rules, report)

the ratios plumber/floor, extract/floor and analyze/floor, pages per second of the floor and of our
analysis, and the peak memory (maximum resident set) of a fresh process that loads the analyzer and
analyses the file once. The targets of the speed issue: analyze/floor <= 3 and peak memory < 250 MB on a
40-page contract.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CUAD = ROOT.parent / "shared" / "data" / "cuad"


def _floor(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def _plumber(data: bytes) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


# VmHWM (this process's peak resident set, in kB), not ru_maxrss: Linux carries ru_maxrss across fork and exec,
# so a child started by a large parent would report the parent's peak.
PEAK_SCRIPT = """
import sys
def peak_kb():
    with open('/proc/self/status') as status:
        return next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))
sys.path.insert(0, sys.argv[2])
from app.analyze import Analyzer
analyzer = Analyzer.load()
loaded = peak_kb()
analyzer.analyze(open(sys.argv[1], 'rb').read(), 'x.pdf')
print(loaded, peak_kb())
"""


def peak_memory_mb(path: Path) -> tuple[float, float]:
    """(after loading the analyzer, after analysing ``path``): peak resident MB of a fresh process."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(path), str(ROOT)], capture_output=True, text=True,
                          check=True)
    loaded, peak = (int(x) / 1024 for x in done.stdout.split())
    return loaded, peak


def _median_ms(function, data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _round(data: bytes, name: str, analyzer, extract_document) -> tuple[float, float, float]:
    """One round: floor, our extraction and our analysis of the same file back to back (ms). Ratios are taken
    per round, then their median, so a slow spell of a shared machine hits a round's baseline and analysis
    alike instead of one column's runs."""
    out = []
    for function in (_floor, lambda d: extract_document(d, name), lambda d: analyzer.analyze(d, name)):
        start = time.perf_counter()
        function(data)
        out.append((time.perf_counter() - start) * 1000)
    return out[0], out[1], out[2]


def default_files() -> list[Path]:
    files = sorted((ROOT / "sample_contracts").glob("*.pdf"))[:3]
    if (CUAD / "contracts_index.csv").is_file():
        import pypdfium2 as pdfium

        splits = {row["doc_id"]: row["split"] for row in csv.DictReader((CUAD / "splits.csv").open())}
        wanted = {40: None, 120: None}
        for row in csv.DictReader((CUAD / "contracts_index.csv").open()):
            if splits.get(row["doc_id"]) != "train":
                continue
            path = CUAD / row["pdf_path"]
            pages = len(pdfium.PdfDocument(str(path)))
            for target in wanted:
                best = wanted[target]
                if best is None or abs(pages - target) < abs(best[0] - target):
                    wanted[target] = (pages, path)
        files += [path for _, path in (v for v in wanted.values() if v)]
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from app.analyze import Analyzer
    from nlp.extract import extract_document

    analyzer = Analyzer.load()
    files = args.files or default_files()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"median of {args.repeat} rounds per file (floor, extract, analyze back to back in each round); extract/fl "
          "and analyze/fl are the medians of the per-round ratios\n")
    header = f"{'file':<42} {'pages':>5} {'floor ms':>9} {'plumber ms':>11} {'extract ms':>11} {'analyze ms':>11} " \
             f"{'plumber/fl':>10} {'extract/fl':>10} {'analyze/fl':>10} {'floor p/s':>9} {'ours p/s':>8} {'peak MB':>8}"
    print(header)
    print("-" * len(header))
    for path in files:
        data = path.read_bytes()
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(data))
        analyzer.analyze(data, path.name)  # warm caches (spaCy vocab, regexes)
        plumber = _median_ms(_plumber, data, max(1, args.repeat // 2))
        rounds = [_round(data, path.name, analyzer, extract_document) for _ in range(args.repeat)]
        floor, extract, analyze = (statistics.median(r[i] for r in rounds) for i in range(3))
        extract_ratio = statistics.median(r[1] / r[0] for r in rounds)
        analyze_ratio = statistics.median(r[2] / r[0] for r in rounds)
        _, peak = peak_memory_mb(path)
        print(f"{path.name[:42]:<42} {pages:>5} {floor:>9.1f} {plumber:>11.1f} {extract:>11.1f} {analyze:>11.1f} "
              f"{plumber / floor:>10.1f} {extract_ratio:>10.2f} {analyze_ratio:>10.2f} "
              f"{pages / floor * 1000:>9.0f} {pages / analyze * 1000:>8.0f} {peak:>8.0f}")
    loaded, _ = peak_memory_mb(files[0])
    print(f"\npeak MB: maximum resident set of a fresh process that loads the analyzer ({loaded:.0f} MB with nothing "
          "analysed yet) and analyses the file once")


if __name__ == "__main__":
    main()
