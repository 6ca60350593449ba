"""Build the clause rows the classifier trains on, from sources outside this folder, with provenance.

    python -m models.build_rows cuad       # CUAD train split -> models/data/cuad_clauses.jsonl.gz
    python -m models.build_rows samples    # sample contracts + truth -> models/data/sample_clauses.jsonl

Each row is one clause's *own* text as our segmenter cuts it from the PDF (what the classifier sees
at run time), with its kinds, a group id (the contract, so splits never separate a contract's
clauses) and where it came from. The CUAD test split is never read here.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

from models import cuad
from models.train import CUAD_FILE, SAMPLE_FILE, validation_docs
from nlp.extract import extract_document
from nlp.segment import own_text_ends, segment

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parents[1] / "sample_contracts"

#: Negatives kept per CUAD training contract (None: all). Measured on the CUAD validation contracts
#: (eval-cuad --split validation), keeping all of them raised non-compete F1 from 0.52 (25 per contract)
#: to 0.59: precision needs the real variety of commercial clauses. Validation contracts keep all too.
NEGATIVES_PER_CONTRACT: int | None = None
#: Own texts shorter than this are captions or fragments, not clauses.
MIN_CHARS = 40
#: A clause holding less than this share of every relevant span is a clean negative.
NEGATIVE_MAX_SHARE = 0.2
MAX_CHARS = 4000


def _clause_texts(path: Path) -> list[tuple[str, str]]:
    """(clause label, own text) for every clause of a contract file."""
    document = extract_document(path)
    clauses = segment(document)
    ends = own_text_ends(clauses)
    out = []
    for clause in clauses:
        text = document.text[clause.start:ends[clause.id]].strip()
        label = clause.number or clause.heading or clause.id
        out.append((label, text[:MAX_CHARS]))
    return out


def build_cuad() -> list[dict]:

    all_docs = [f"cuad-{doc_id}" for doc_id, _ in cuad.documents("train")]
    keep_all = validation_docs(all_docs)
    rows: list[dict] = []
    for doc_id, pdf in cuad.documents("train"):
        spans = cuad.spans(doc_id)
        mapped = [s for s in spans if s.category in cuad.CATEGORY_TO_KIND]
        for span in mapped:
            rows.append({
                "id": f"cuad-{doc_id}-span-{cuad.CATEGORY_TO_KIND[span.category]}-{span.index}",
                "doc": f"cuad-{doc_id}",
                "text": span.text.replace("<omitted>", " ... ")[:MAX_CHARS],
                "kinds": [cuad.CATEGORY_TO_KIND[span.category]],
                "source": f"CUAD v1 (CC BY 4.0, The Atticus Project), doc {doc_id}, '{span.category}' span {span.index}",
            })
        negatives: list[dict] = []
        hard: list[dict] = []
        for number, (label, text) in enumerate(_clause_texts(pdf)):
            if len(text) < MIN_CHARS:
                continue
            bag = Counter(cuad.words(text))
            # labels need the span word for word (short spans share 60% of their words with many clauses)
            kinds = sorted({
                cuad.CATEGORY_TO_KIND[s.category] for s in mapped
                if cuad.contains_span(text, s) and sum(bag.values()) <= max(
                    cuad.HIT_LENGTH_FACTOR * sum(s.words.values()), cuad.HIT_LENGTH_FLOOR)
            })
            row = {
                "id": f"cuad-{doc_id}-clause-{number}",
                "doc": f"cuad-{doc_id}",
                "text": text,
                "kinds": kinds,
                "source": f"CUAD v1 (CC BY 4.0, The Atticus Project), doc {doc_id}, clause {label!r} as segmented here",
            }
            if kinds:
                rows.append(row)
                continue
            shares = {s.category: cuad.share_held(bag, s.words) for s in spans}
            touches_kind = any(v >= NEGATIVE_MAX_SHARE for c, v in shares.items() if c in cuad.CATEGORY_TO_KIND)
            touches_excluded = any(v >= NEGATIVE_MAX_SHARE for c, v in shares.items() if c in cuad.EXCLUDED_CATEGORIES)
            if touches_kind or touches_excluded:
                continue  # part of a labelled span, or a carve-out: neither a clean positive nor a negative
            if any(cuad.hits(bag, s.words) for s in spans if s.category in ("Exclusivity", "Insurance")):
                hard.append(row)
            else:
                negatives.append(row)
        random.Random(doc_id).shuffle(negatives)
        rows.extend(hard)
        keep = None if f"cuad-{doc_id}" in keep_all else NEGATIVES_PER_CONTRACT
        rows.extend(negatives[:keep])
    return rows


def build_samples() -> list[dict]:
    from app.evaluate import match_clauses  # the same clause pairing the evaluation uses

    rows = []
    for truth_path in sorted(SAMPLES.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text())
        document = extract_document(SAMPLES / truth["file"])
        clauses = segment(document)
        ends = own_text_ends(clauses)
        as_dicts = [{"number": c.number, "heading": c.heading, "id": c.id} for c in clauses]
        by_id = {c.id: c for c in clauses}
        stem = truth_path.name.removesuffix(".truth.json")
        for wanted, found in match_clauses(truth["clauses"], as_dicts):
            if found is None:
                continue
            clause = by_id[found["id"]]
            text = document.text[clause.start:ends[clause.id]].strip()
            if len(text) < MIN_CHARS:
                continue
            rows.append({
                "id": f"sample-{stem}-{clause.id}",
                "doc": f"sample-{stem}",
                "text": text,
                "kinds": sorted(wanted["kinds"]),
                "source": f"sample_contracts/{truth['file']} (synthetic, generated for this project), clause {wanted['number'] or wanted['heading']!r}",
            })
    return rows


def _write(rows: list[dict], name: str) -> None:
    path = DATA / name
    payload = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    if name.endswith(".gz"):
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
            handle.write(payload)  # mtime=0: the same rows give the same bytes
    else:
        path.write_bytes(payload)
    counts = Counter(k for row in rows for k in row["kinds"] or ["(other)"])
    print(f"{path.relative_to(DATA.parent.parent)}: {len(rows)} rows; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def main(argv: list[str] | None = None) -> None:
    which = (argv or sys.argv[1:] or ["samples"])[0]
    if which == "cuad":
        if not cuad.available():
            sys.exit(f"CUAD not found at {cuad.CUAD_DIR}")
        _write(build_cuad(), CUAD_FILE)
    elif which == "samples":
        _write(build_samples(), SAMPLE_FILE)
    else:
        sys.exit("usage: python -m models.build_rows cuad|samples")


if __name__ == "__main__":
    main()
