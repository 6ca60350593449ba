"""Fuzzing the extractor: whatever the bytes, ``extract_document`` returns a well-formed Document or
raises an ``nlp.errors.InputError``; nothing else escapes, and nothing hangs (a watchdog kills a stuck
example). Seeds are the real sample contracts, mutated; plus bytes with no structure at all.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from nlp.document import Document
from nlp.errors import InputError
from nlp.extract import extract_document
from tests.conftest import BAD_INPUTS
from tests.fuzz.strategies import (
    FUZZ,
    docx_with,
    hang_watchdog,
    mutated_docx_xml,
    mutated_docx_zip,
    mutated_pdf,
    mutated_text,
)

pytestmark = pytest.mark.hostile


#: Seconds one small file may take: generous (the slowest seed reads in ~0.2 s), far below a hang.
SLOW_SECONDS = 20

CONTRACT_TEXT = (
    "PHYSICIAN EMPLOYMENT AGREEMENT\n\n1. Compensation. The Practice shall pay Physician $250,000 per year.\n"
    "2. Non-Competition. For two (2) years Physician shall not practise within 25 miles.\n\x0c"
    "3. Termination. Either party may terminate on ninety (90) days' notice.\n"
)
TEXT_PIECES = ["\x00", "\x0c", "\r\n", "\r", "\ufeff", "\ud7ff", "\x1b", "é", "\u2028", "\x7f", "\x0c" * 5]


def assert_document_well_formed(document: Document) -> None:
    text = document.text
    assert document.pages, "a document has at least one page"
    previous_end = 0
    for number, page in enumerate(document.pages, start=1):
        assert page.number == number
        assert previous_end <= page.start <= page.end <= len(text)
        previous_end = page.end
    assert document.media_type in ("pdf", "docx", "txt")


def extract_or_refuse(data: bytes, filename: str = "upload") -> Document | None:
    """The property of every test here: a Document or an InputError, soon."""
    started = time.perf_counter()
    with hang_watchdog():
        try:
            document = extract_document(data, filename)
        except InputError as error:
            assert error.code and error.message
            document = None
    assert time.perf_counter() - started < SLOW_SECONDS
    if document is not None:
        assert_document_well_formed(document)
    return document


@settings(FUZZ, max_examples=300)
@given(st.binary(max_size=4096))
@example(b"")
@example(b"%PDF-")
@example(b"%PDF-1.7\n%%EOF")
@example(b"PK\x03\x04")
@example(b"PK\x05\x06" + b"\x00" * 18)
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\x0c" * 401)
def test_arbitrary_bytes(data: bytes) -> None:
    extract_or_refuse(data)


@settings(FUZZ, max_examples=150)
@given(mutated_text(CONTRACT_TEXT, TEXT_PIECES).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_mutated_plain_text(data: bytes) -> None:
    extract_or_refuse(data, "contract.txt")


@settings(FUZZ, max_examples=400)
@given(mutated_pdf())
def test_mutated_pdfs(data: bytes) -> None:
    extract_or_refuse(data, "contract.pdf")


@settings(FUZZ, max_examples=60)
@given(mutated_docx_zip())
def test_mutated_docx_archives(data: bytes) -> None:
    extract_or_refuse(data, "contract.docx")


TC = '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="4680"/></w:tcPr>'


@settings(FUZZ, max_examples=200)
@given(mutated_docx_xml())
# values python-docx parses lazily, which used to escape read_docx as ValueError / RecursionError / hangs
@example(docx_with("word/numbering.xml", '<w:start w:val="1"/>', '<w:start w:val="x"/>'))
@example(docx_with("word/numbering.xml", '<w:start w:val="1"/>', '<w:start w:val="100000000000000000000"/>'))
@example(docx_with("word/numbering.xml", 'w:ilvl="0"', 'w:ilvl="x"'))
@example(docx_with("word/numbering.xml", 'w:ilvl="0"', 'w:ilvl="2000000000"'))
@example(docx_with("word/styles.xml", '<w:numId w:val="1"/>', '<w:numId w:val="x"/>'))
@example(docx_with("word/styles.xml", '<w:ilvl w:val="1"/>', '<w:ilvl w:val="2000000000"/>'))
@example(docx_with("word/styles.xml", 'w:type="paragraph"', 'w:type="bogus"'))
@example(docx_with("word/document.xml", TC, '<w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr>'))
@example(docx_with("word/document.xml", TC, '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>'))
@example(docx_with("word/document.xml", TC, "<w:tc><w:tcPr><w:vMerge/></w:tcPr>"))
@example(
    docx_with(
        "word/document.xml", "<w:body>", "<w:body><w:p><w:pPr><w:pageBreakBefore w:val='x'/></w:pPr></w:p>"
    )
)
@example(docx_with("word/document.xml", "w:body>", "w:bodx>", count=-1))
def test_mutated_docx_xml_parts(data: bytes) -> None:
    extract_or_refuse(data, "contract.docx")


def _tiny_pdf_with_duplicate_object_number() -> bytes:
    data = bytearray((BAD_INPUTS / "tiny_text.pdf").read_bytes())
    assert data[199:206] == b"3 0 obj"
    data[199:200] = b"2"
    return bytes(data)


@settings(FUZZ, phases=[Phase.explicit])
@given(st.binary())
@example(_tiny_pdf_with_duplicate_object_number())
def test_found_by_fuzzing_a_pdf_page_that_cannot_load_is_corrupt_file(data: bytes) -> None:
    """Found by this fuzzer: one byte of tiny_text.pdf changed ('3 0 obj' -> '2 0 obj') loses the page object."""
    with pytest.raises(InputError) as refused:
        extract_document(data, "contract.pdf")
    assert refused.value.code == "corrupt_file"
