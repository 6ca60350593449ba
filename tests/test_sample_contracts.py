"""The sample contracts' ground truth is well formed and its pages are right.

For every ``sample_contracts/*.truth.json``: the JSON follows docs/ground_truth.md (kinds and term names
of nlp/kinds.py, flag ids of docs/flags.md); the contract file exists; and each clause's ``starts_with``
is printed on its ``page_start`` (page text read with pypdfium2, or from the DOCX split at its explicit
page breaks with python-docx). The files are not regenerated here, except by the determinism test,
which writes a fresh copy to a temporary directory and compares bytes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn

from nlp.kinds import CLAUSE_KINDS, TERM_CHOICES, TERM_UNITS
from tests.conftest import ROOT, SAMPLES

TRUTHS = sorted(SAMPLES.glob("*.truth.json"))
FLAG_IDS = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", (ROOT / "docs" / "flags.md").read_text(), re.M))
TOP_KEYS = {
    "format", "file", "description", "context", "clauses", "terms", "expected_high_flags", "absent_kinds",
}
CLAUSE_KEYS = {"number", "heading", "page_start", "page_end", "kinds", "starts_with"}
NUMBER = re.compile(
    r"^(Article [IVXLC]+|Exhibit [A-Z]|Schedule \d+|\d+(\.\d+)*(\([a-z]\))?(\([ivx]+\))?)$"
)


def _stem(path: Path) -> str:
    return path.name.removesuffix(".truth.json")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _normalise(text: str) -> str:
    return " ".join(text.split())


def pdf_page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    texts = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return texts


def docx_page_texts(path: Path) -> list[str]:
    """Body text of a DOCX split at explicit page breaks (``<w:br w:type="page"/>``), tables included."""
    body = docx.Document(str(path)).element.body
    pages: list[list[str]] = [[]]
    for element in body.iter():
        if element.tag == qn("w:t"):
            pages[-1].append(element.text or "")
        elif element.tag == qn("w:br") and element.get(qn("w:type")) == "page":
            pages.append([])
        elif element.tag in (qn("w:p"), qn("w:tc")):
            pages[-1].append("\n")
    return ["".join(parts) for parts in pages]


def page_texts(path: Path) -> list[str]:
    return pdf_page_texts(path) if path.suffix == ".pdf" else docx_page_texts(path)


@pytest.mark.parametrize("truth_path", TRUTHS, ids=_stem)
def test_truth_format(truth_path):
    truth = _load(truth_path)
    assert set(truth) == TOP_KEYS
    assert truth["format"] == "contract-risk-truth/1"
    assert truth["file"].startswith(_stem(truth_path) + ".")
    assert Path(truth["file"]).suffix in (".pdf", ".docx", ".txt")
    assert isinstance(truth["description"], str) and truth["description"]
    assert {"specialty", "state", "setting"} <= set(truth["context"])

    assert truth["clauses"], "a labelled contract has clauses"
    previous_start = 1
    present: set[str] = set()
    for clause in truth["clauses"]:
        label = clause["number"] or clause["heading"]
        assert set(clause) == CLAUSE_KEYS, label
        assert clause["number"] is None or NUMBER.match(clause["number"]), label
        assert clause["number"] is not None or clause["heading"], "an unnumbered clause needs its heading"
        assert 1 <= clause["page_start"] <= clause["page_end"], label
        assert clause["page_start"] >= previous_start, f"{label}: clauses are in document order"
        previous_start = clause["page_start"]
        assert set(clause["kinds"]) <= set(CLAUSE_KINDS), label
        assert len(clause["starts_with"].split()) >= 5, label
        present.update(clause["kinds"])

    for term in truth["terms"]:
        assert set(term) == {"name", "value", "unit"}
        assert term["name"] in TERM_UNITS, term
        assert term["unit"] == TERM_UNITS[term["name"]], term
        if term["name"] in TERM_CHOICES:
            assert term["value"] in TERM_CHOICES[term["name"]], term
        else:
            assert isinstance(term["value"], int | float) and term["value"] > 0, term
        assert term["name"].split(".")[0] in present, f"{term['name']} stated but its kind is not tagged"

    assert set(truth["expected_high_flags"]) <= FLAG_IDS
    assert len(set(truth["expected_high_flags"])) == len(truth["expected_high_flags"])
    assert set(truth["absent_kinds"]) <= set(CLAUSE_KINDS)
    assert not present & set(truth["absent_kinds"]), "a kind is both tagged and listed absent"
    for flag in truth["expected_high_flags"]:
        assert flag.split(".")[0] not in truth["absent_kinds"], flag


@pytest.mark.parametrize("truth_path", TRUTHS, ids=_stem)
def test_contract_file_exists(truth_path):
    path = SAMPLES / _load(truth_path)["file"]
    assert path.is_file()
    assert path.stat().st_size > 1000


@pytest.mark.parametrize("truth_path", TRUTHS, ids=_stem)
def test_clauses_start_on_their_pages(truth_path):
    truth = _load(truth_path)
    texts = [_normalise(t) for t in page_texts(SAMPLES / truth["file"])]
    assert 5 <= len(texts) <= 14, f"{len(texts)} pages"
    wrong = []
    for clause in truth["clauses"]:
        assert clause["page_end"] <= len(texts)
        if _normalise(clause["starts_with"]) not in texts[clause["page_start"] - 1]:
            wrong.append(f"{clause['number'] or clause['heading']!r} p.{clause['page_start']}: "
                         f"{clause['starts_with']!r}")
    assert not wrong, "starts_with not on page_start:\n" + "\n".join(wrong)


def test_the_set_covers_each_kind_with_and_without():
    truths = [_load(t) for t in TRUTHS]
    suffixes = [Path(t["file"]).suffix for t in truths]
    assert suffixes.count(".pdf") >= 12 and suffixes.count(".docx") >= 1
    for kind in CLAUSE_KINDS:
        absent = sum(kind in t["absent_kinds"] for t in truths)
        assert absent >= 3, f"{kind} absent from only {absent} contracts"
        assert len(truths) - absent >= 3, f"{kind} present in only {len(truths) - absent} contracts"
    assert any(not t["expected_high_flags"] for t in truths), "at least one fair contract"
    numbers = [c["number"] or "" for t in truths for c in t["clauses"]]
    assert any(n.startswith("Article ") for n in numbers)
    assert any(re.fullmatch(r"\d+\.\d+\.\d+", n) for n in numbers)
    assert any(re.fullmatch(r"\d+\.\d+\([a-z]\)\([ivx]+\)", n) for n in numbers)
    assert {"Exhibit A", "Schedule 1"} <= set(numbers)
    assert any(c["number"] is None for t in truths for c in t["clauses"])


def test_readme_table_matches_the_samples():
    """README's table: one row per sample, with the real page count and the truth's high flags."""
    rows = {}
    for line in (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 6:
            rows[cells[0].strip("`")] = cells
    for truth_path in TRUTHS:
        truth = _load(truth_path)
        assert truth["file"] in rows, f"{truth['file']} missing from README.md"
        _, _, _, pages, high, _ = rows[truth["file"]]
        assert int(pages) == len(page_texts(SAMPLES / truth["file"])), truth["file"]
        listed = set() if high == "—" else {flag.strip() for flag in high.split(",")}
        assert listed == set(truth["expected_high_flags"]), truth["file"]


def test_generator_is_deterministic(tmp_path):
    """Two fresh generations are byte-identical, and their truth matches the committed truth files."""
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(out), "--no-check"],
                       check=True, capture_output=True, timeout=120)
        runs.append(out)
    first, second = runs
    written = sorted(p.name for p in first.iterdir())
    assert written == sorted(p.name for p in second.iterdir())
    for name in written:
        assert (first / name).read_bytes() == (second / name).read_bytes(), f"{name} is not deterministic"
    assert sorted(p.name for p in first.glob("*.truth.json")) == [p.name for p in TRUTHS]
    for truth_path in TRUTHS:
        assert (first / truth_path.name).read_bytes() == truth_path.read_bytes(), (
            f"{truth_path.name} is out of date: run sample_contracts/generate.py")
