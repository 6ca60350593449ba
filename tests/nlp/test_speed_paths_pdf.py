"""The PDF reader's fast paths read the same numbers as the pypdfium2 helpers they replaced.

* ``path_bounds`` (raw pdfium calls) yields what ``page.get_objects(filter=[PATH], max_depth=2)``
  with ``obj.get_bounds()`` yielded, in the same order, so ``has_ruled_grid`` decides the same;
* ``_charbox_reader`` returns ``textpage.get_charbox(i)`` for every character;
* ``count_visible`` counts what ``sum(1 for c in text if not c.isspace())`` counted.

Checked on the sample contracts and on CUAD train-split PDFs (every 20th, when ../shared/data is there).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from nlp.extract import pdf as reader

ROOT = Path(__file__).resolve().parents[2]
CUAD = ROOT.parent / "shared" / "data" / "cuad"


def _helper_path_bounds(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """The code before the speed work."""
    return [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)]


def _helper_has_ruled_grid(page: pdfium.PdfPage) -> bool:
    """``has_ruled_grid`` as it was, on the helper objects."""
    vertical = horizontal = boxes = paths = 0
    for left, bottom, right, top in _helper_path_bounds(page):
        paths += 1
        if paths > reader.MAX_PATHS_FOR_TABLE:
            return False
        width, height = right - left, top - bottom
        if width <= reader.RULE_THICKNESS and height >= reader.BOX_SIZE:
            vertical += 1
        elif height <= reader.RULE_THICKNESS and width >= reader.BOX_SIZE:
            horizontal += 1
        elif width >= reader.BOX_SIZE and height >= reader.BOX_SIZE:
            boxes += 1
    return (
        vertical >= reader.MIN_VERTICAL_RULES and horizontal >= reader.MIN_HORIZONTAL_RULES
    ) or boxes >= reader.MIN_BOXES


def _pdfs() -> list[Path]:
    files = sorted((ROOT / "sample_contracts").glob("*.pdf"))
    if (CUAD / "contracts_index.csv").is_file():
        with (CUAD / "splits.csv").open() as handle:
            splits = {row["doc_id"]: row["split"] for row in csv.DictReader(handle)}
        with (CUAD / "contracts_index.csv").open() as handle:
            rows = list(csv.DictReader(handle))
        train = [CUAD / row["pdf_path"] for row in rows if splits.get(row["doc_id"]) == "train"]
        files += train[::20]
    return files


PDFS = _pdfs()


@pytest.mark.parametrize("path", PDFS, ids=[p.name[:40] for p in PDFS])
def test_raw_page_reads_equal_helper_reads(path: Path) -> None:
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        for index in range(len(document)):
            page = document[index]
            assert list(reader.path_bounds(page)) == _helper_path_bounds(page), (path.name, index)
            assert reader.has_ruled_grid(page) == _helper_has_ruled_grid(page), (path.name, index)
            textpage = page.get_textpage()
            charbox = reader._charbox_reader(textpage)
            assert [charbox(i) for i in range(textpage.count_chars())] == [
                textpage.get_charbox(i) for i in range(textpage.count_chars())
            ], (path.name, index)
            textpage.close()
            page.close()
    finally:
        document.close()


def test_the_pdf_set_exercises_paths_forms_and_grids() -> None:
    """The equality above means something only if the set holds paths, nested forms and grid pages."""
    paths = forms = grids = 0
    for path in PDFS:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            paths += len(_helper_path_bounds(page))
            forms += sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_FORM], max_depth=1))
            grids += _helper_has_ruled_grid(page)
            page.close()
        document.close()
    assert paths > 0 and grids > 0
    if (CUAD / "contracts_index.csv").is_file():
        assert forms > 0


def test_a_charbox_outside_the_page_raises_like_the_helper() -> None:
    document = pdfium.PdfDocument((ROOT / "sample_contracts" / "hospitalist_employed.pdf").read_bytes())
    page = document[0]
    textpage = page.get_textpage()
    with pytest.raises(pdfium.PdfiumError):
        textpage.get_charbox(textpage.count_chars() + 5)
    with pytest.raises(pdfium.PdfiumError):
        reader._charbox_reader(textpage)(textpage.count_chars() + 5)
    textpage.close()
    page.close()
    document.close()


VISIBLE_TEXTS = [
    "",
    " ",
    "a",
    "  a b\tc\r\nd\n",
    "\u00a0\u2002\u2003\u2009\u3000\u200b\ufeff\x1c\x1d\x1e\x1f\x85",
    "Non-compete\u00a0radius: 10\u2009miles.\r\n\r\n",
    "ﬁnal ﬂat \x00\x02 \ufffe",
]


@pytest.mark.parametrize("text", VISIBLE_TEXTS)
def test_count_visible_equals_per_character_test(text: str) -> None:
    assert reader.count_visible(text) == sum(1 for char in text if not char.isspace())


def test_count_visible_agrees_with_isspace_on_every_code_point() -> None:
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert reader.count_visible(everything) == sum(1 for char in everything if not char.isspace())
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (reader.count_visible(char) == 0) == char.isspace(), hex(code)


NORMALISE_TEXTS = VISIBLE_TEXTS + [chr(code) for code in reader._CHAR_FIXES] + [
    "plain ascii line",
    "caf\u00e9 \u201cquoted\u201d \u2014 no fixes here",
    "e\ufb03cient and \ufb02at\u00a0rate \u00ad",
]


@pytest.mark.parametrize("text", NORMALISE_TEXTS)
def test_normalise_chars_is_the_translation(text: str) -> None:
    assert reader._normalise_chars(text) == text.translate(reader._CHAR_FIXES)


def test_normalise_chars_is_the_translation_on_every_line_of_the_pdf_set() -> None:
    lines = 0
    for path in PDFS:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            for line in textpage.get_text_range().split("\r\n"):
                assert reader._normalise_chars(line) == line.translate(reader._CHAR_FIXES), (path.name, index)
                lines += 1
            textpage.close()
            page.close()
        document.close()
    assert lines > 1000
