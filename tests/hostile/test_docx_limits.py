"""The DOCX reader's defences, one at a time: the ZIP limits of ``check_package`` (entries, declared and
inflated sizes, ratio, compression methods, DTDs), the one-pass table reader (the same cells as
python-docx's ``row.cells`` on legal tables), and numbering counters outside Word's range.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import docx
import pytest
from docx.exceptions import InvalidSpanError

from nlp.errors import CorruptFile, FileTooComplex, InputError
from nlp.extract import docx as reader
from nlp.extract import extract_document
from tests.conftest import SAMPLES

pytestmark = pytest.mark.hostile


SAMPLE = (SAMPLES / "urology_group.docx").read_bytes()


def package(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, compress_type=method
            )
    return buffer.getvalue()


def sample_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(SAMPLE)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_sample_docx_passes_every_check() -> None:
    reader.check_package(SAMPLE)
    assert "Platte Valley Urology" in extract_document(SAMPLE, "offer.docx").text


@pytest.mark.parametrize(
    "limit, value",
    [
        ("MAX_ZIP_ENTRIES", 5),
        ("MAX_PART_BYTES", 100_000),
        ("MAX_PACKAGE_BYTES", 500_000),
    ],
)
def test_declared_sizes_are_bounded(monkeypatch: pytest.MonkeyPatch, limit: str, value: int) -> None:
    monkeypatch.setattr(reader, limit, value)
    with pytest.raises(FileTooComplex):
        reader.check_package(SAMPLE)


def test_a_part_that_inflates_over_100_times_is_refused() -> None:
    parts = sample_parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b" " * (2 << 20) + b"</w:body>"
    )
    with pytest.raises(FileTooComplex) as refused:
        extract_document(package(parts), "offer.docx")
    assert refused.value.code == "file_too_complex" and "word/document.xml" in refused.value.message


def test_a_declared_size_that_lies_costs_one_step_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared small, inflating large: zipfile stops at the declared size and the CRC fails; the
    reader never holds more than one 1 MiB step."""
    data = bytearray(package({**sample_parts(), "word/media/blob.bin": b"\x00" * (8 << 20)}))
    name = b"word/media/blob.bin"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[
                0
            ]
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + name_length] == name:
                struct.pack_into("<I", data, start + size_at, 1000)
            start += 4
    with pytest.raises(CorruptFile):
        reader.check_package(bytes(data))


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_methods_word_never_writes_are_refused(method: int) -> None:
    with pytest.raises(CorruptFile, match="compression method"):
        reader.check_package(package(sample_parts(), method))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("where", ["head", "across_a_step"])
def test_a_dtd_is_refused_in_any_encoding_and_position(encoding: str, where: str) -> None:
    """Also when "<!DOCTYPE" is cut in two by the 1 MiB steps the reader inflates in."""
    parts = sample_parts()
    dtd = '<!DOCTYPE w:document SYSTEM "http://example.invalid/w.dtd">'  # no <!ENTITY to find instead
    head, rest = parts["word/styles.xml"].decode("utf-8").split("?>", 1)
    head = head.replace('encoding="UTF-8"', f'encoding="{encoding[:6].upper()}"') + "?>"
    bom = {"utf-8": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    width = 1 if encoding == "utf-8" else 2
    filler = ""
    if where == "across_a_step":  # a comment long enough that the first step ends 4 characters into the DTD
        length = (reader._READ_STEP - 4 * width - len(bom)) // width - len(head) - 7
        filler = "<!--" + "".join(random.Random(0).choices("abcdefghijklmnopqrstuvwxyz ", k=length)) + "-->"
    data = bom + (head + filler + dtd + rest).encode(encoding)
    if where == "across_a_step":
        assert data[reader._READ_STEP - 4 * width : reader._READ_STEP + 5 * width] == "<!DOCTYPE".encode(
            encoding
        )
    parts["word/styles.xml"] = data
    with pytest.raises(CorruptFile, match="DTD"):
        reader.check_package(package(parts))


def test_an_encrypted_entry_is_a_damaged_file() -> None:
    data = bytearray(SAMPLE)
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            struct.pack_into(
                "<H", data, start + flags_at, struct.unpack_from("<H", data, start + flags_at)[0] | 1
            )
            start += 4
    with pytest.raises(InputError):
        extract_document(bytes(data), "offer.docx")


def test_a_damaged_deflate_stream_is_a_damaged_file() -> None:
    parts = package({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 500})
    data = bytearray(parts)
    local = data.find(b"PK\x03\x04", 1)
    start = local + 30 + len("word/document.xml")
    data[start : start + 8] = zlib.compress(b"x")[:8]
    with pytest.raises(CorruptFile):
        reader.check_package(bytes(data))


# --- tables: the same cells as python-docx, in one pass ----------------------------------------------


def python_docx_rows(table) -> list[list[str]]:
    return [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("seed", range(40))
def test_table_rows_match_python_docx_on_merged_tables(seed: int) -> None:
    rng = random.Random(seed)
    document = docx.Document()
    rows, cols = rng.randint(1, 6), rng.randint(1, 6)
    table = document.add_table(rows=rows, cols=cols)
    for r in range(rows):
        for c in range(cols):
            table.cell(r, c).text = rng.choice(["", "x", f"r{r}c{c}", "Base  salary\t$1", "same", "a\nb"])
    for _ in range(rng.randint(0, 3)):
        r1, c1 = rng.randrange(rows), rng.randrange(cols)
        r2, c2 = rng.randrange(r1, rows), rng.randrange(c1, cols)
        try:
            table.cell(r1, c1).merge(table.cell(r2, c2))
        except InvalidSpanError:  # not a rectangle after an earlier merge
            continue
    assert list(reader.table_rows(table._tbl, document)) == python_docx_rows(table)


# --- numbering counters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, fmt, expected",
    [
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (10**15, "lowerLetter", "1000000000000000"),
        (10**15, "lowerRoman", "1000000000000000"),
        (0, "lowerRoman", "0"),
        (-3, "upperLetter", "-3"),
    ],
)
def test_counters_outside_words_range_are_written_in_decimal(number: int, fmt: str, expected: str) -> None:
    assert reader.format_counter(number, fmt) == expected
