"""Write the sample contracts and their ground truth: ``.venv/bin/python sample_contracts/generate.py``.

Deterministic: the same code writes byte-identical files. Options:
  --out DIR     write somewhere else (default: this directory)
  --only STEM   write one contract (repeatable)
  --no-check    skip reading the files back to check each clause's first and last words are on their pages
  --table       also print the contracts table of README.md (file, pages, high and medium flags)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generator import layout as layout_mod  # noqa: E402
from generator import pagetext, render_docx, render_pdf, truth  # noqa: E402
from generator.contracts import ALL_CONTRACTS  # noqa: E402


def body_text(contract, texts: list[str], page: int) -> str:
    """Page text without the running header and footer (PDF), whitespace-normalised."""
    lines = texts[page - 1].splitlines()
    if contract.fmt == "pdf":
        furniture = {pagetext.normalise(text) for text in (
            contract.header, contract.header_right or "", contract.footer_left or "",
            render_pdf._footer_text(contract.footer, page, len(texts)))}
        lines = [line for line in lines if pagetext.normalise(line) not in furniture]
    return pagetext.normalise(" ".join(lines))


def write_one(contract, out_dir: Path, check: bool = True) -> dict:
    layout = layout_mod.build(contract)
    renderer = render_pdf if contract.fmt == "pdf" else render_docx
    data, pages = renderer.render(layout)
    for block in layout.blocks:
        if block.kind == "table" and block.table.expect_split:
            table_pages = pages[block.track[-1]]
            if table_pages[0] == table_pages[-1]:
                raise SystemExit(f"{contract.stem}: the tier table was meant to cross a page break")
    result = truth.build_truth(layout, pages)
    n_pages = max(p for v in pages.values() for p in v)
    if check:
        texts = (pagetext.pdf_pages if contract.fmt == "pdf" else pagetext.docx_pages)(data)
        n_pages = len(texts)
        for clause, info in zip(result["clauses"], layout.clauses, strict=True):
            label = clause["number"] or clause["heading"]
            page_text = pagetext.normalise(texts[clause["page_start"] - 1])
            if pagetext.normalise(clause["starts_with"]) not in page_text:
                raise SystemExit(f"{contract.stem}: {label!r} does not start on page {clause['page_start']}: "
                                 f"{clause['starts_with']!r}")
            tail = layout.ends_with(info)
            if tail:  # the last words may straddle a page break: the last two must be on page_end itself
                end = clause["page_end"]
                around = " ".join(body_text(contract, texts, n) for n in (end - 1, end) if n >= 1)
                last_two = " ".join(tail.split()[-2:])
                if tail not in around or last_two not in body_text(contract, texts, end):
                    raise SystemExit(f"{contract.stem}: {label!r} does not end on page {end}: {tail!r}")
    if not 5 <= n_pages <= 14:
        raise SystemExit(f"{contract.stem}: {n_pages} pages (want 5-14)")
    (out_dir / f"{contract.stem}.{contract.fmt}").write_bytes(data)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (out_dir / f"{contract.stem}.truth.json").write_text(text, encoding="utf-8")
    return {"stem": contract.stem, "pages": n_pages, "truth": result, "contract": contract,
            "medium": [f for f, level in truth.compute_flags(layout).items() if level == "medium"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for make in ALL_CONTRACTS:
        contract = make()
        if args.only and contract.stem not in args.only:
            continue
        info = write_one(contract, args.out, check=not args.no_check)
        flags = ", ".join(info["truth"]["expected_high_flags"]) or "none"
        print(f"{info['stem']:32s} {info['pages']:2d} pages  high: {flags}")
        rows.append(f"| `{info['truth']['file']}` | {contract.style} | {info['pages']} | "
                    f"{', '.join(info['truth']['expected_high_flags']) or '—'} | "
                    f"{', '.join(info['medium']) or '—'} |")
    if args.table:
        print("\n| file | numbering | pages | expected high flags | medium flags (not in the truth) |")
        print("|---|---|---|---|---|")
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
