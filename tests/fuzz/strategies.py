"""Hypothesis strategies shared by the fuzz tests: mutated real contract files and texts.

The seeds are the project's own files (``sample_contracts/``, ``tests/fixtures/bad_inputs/tiny_text.pdf``),
read once. A mutation is a short list of edits (bit flip, truncation, insertion of noise or of format
tokens, overwrite, deletion, duplication of a span) at drawn positions, so a failing example shrinks to
the one edit that matters.
"""

from __future__ import annotations

import faulthandler
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.conftest import BAD_INPUTS, SAMPLES

#: Every fuzz test runs a fixed, bounded set of cases: the same on every run and machine.
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: A single example that runs longer than this has hung: the process dumps every thread's stack and
#: exits (faulthandler's watchdog thread works even while the main thread is stuck in C code).
HANG_SECONDS = 60

SEED_FILES = {
    "pdf": [
        BAD_INPUTS / "tiny_text.pdf",
        SAMPLES / "psychiatry_fair.pdf",
        SAMPLES / "hospitalist_employed.pdf",
    ],
    "docx": [SAMPLES / "urology_group.docx"],
}

PDF_TOKENS = [
    b"<<",
    b">>",
    b"[",
    b"]",
    b"(",
    b")",
    b" 0 R",
    b"/Length 999999999",
    b"/Filter /FlateDecode",
    b"/Filter [/FlateDecode /FlateDecode]",
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"%%EOF",
    b"xref",
    b"trailer",
    b"startxref\n0\n",
    b"/Type /Pages",
    b"/Count 9999",
    b"/Kids [1 0 R]",
    b"-1",
    b"99999999999",
    b"\x00",
    b"\xff\xfe",
    b"/Encrypt 1 0 R",
    b"BT /F1 1e30 Tf",
    b"1e308",
]
XML_TOKENS = [
    "<w:p>",
    "</w:p>",
    "<w:t>",
    "</w:t>",
    '<w:br w:type="page"/>',
    "<w:lastRenderedPageBreak/>",
    'w:val="x"',
    'w:val="-1"',
    'w:val="99999999999999999999"',
    'w:ilvl="9"',
    '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
    "&amp;",
    "&#0;",
    "&#xD800;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "\x00",
    "\ufeff",
    "é",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tc>",
    "</w:tc>",
    "<w:tr>",
    "</w:tr>",
    'w:type="page"',
    "%1.%2.%3",
    'w:val="upperRoman"',
]


@contextmanager
def hang_watchdog(seconds: float = HANG_SECONDS) -> Iterator[None]:
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@cache
def seed_bytes(kind: str) -> tuple[tuple[str, bytes], ...]:
    return tuple((path.name, path.read_bytes()) for path in SEED_FILES[kind])


@cache
def docx_parts() -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(seed_bytes("docx")[0][1])) as archive:
        return tuple((info.filename, archive.read(info)) for info in archive.infolist())


def docx_with(part: str, old: str, new: str, count: int = 1) -> bytes:
    """The sample DOCX with ``count`` (-1: every) ``old`` of one part replaced by ``new`` (explicit
    fuzz examples)."""
    parts = list(docx_parts())
    for index, (name, data) in enumerate(parts):
        if name == part:
            text = data.decode("utf-8")
            assert old in text, (part, old)
            parts[index] = (name, text.replace(old, new, count).encode("utf-8"))
    return rezip(parts)


def rezip(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes, tokens: list[bytes], max_edits: int = 4) -> bytes:
    """``data`` after 1..max_edits byte-level edits."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_edits))):
        position = draw(st.integers(0, max(len(out) - 1, 0)))
        edit = draw(
            st.sampled_from(["flip", "truncate", "insert", "token", "overwrite", "delete", "duplicate"])
        )
        if edit == "flip" and out:
            out[position] ^= 1 << draw(st.integers(0, 7))
        elif edit == "truncate":
            del out[position:]
        elif edit == "insert":
            out[position:position] = draw(st.binary(min_size=1, max_size=64))
        elif edit == "token":
            out[position:position] = draw(st.sampled_from(tokens))
        elif edit == "overwrite":
            payload = draw(st.binary(min_size=1, max_size=64))
            out[position : position + len(payload)] = payload
        elif edit == "delete":
            del out[position : position + draw(st.integers(1, 512))]
        elif edit == "duplicate":
            length = draw(st.integers(1, 512))
            out[position:position] = out[position : position + length]
    return bytes(out)


@st.composite
def mutated_text(draw: st.DrawFn, text: str, pieces: list[str], max_edits: int = 4) -> str:
    """``text`` after 1..max_edits character-level edits (noise, pieces, deletions, duplications)."""
    out = text
    for _ in range(draw(st.integers(1, max_edits))):
        position = draw(st.integers(0, len(out)))
        edit = draw(st.sampled_from(["insert", "piece", "delete", "duplicate", "truncate", "swapcase"]))
        if edit == "insert":
            out = out[:position] + draw(st.text(min_size=1, max_size=40)) + out[position:]
        elif edit == "piece":
            out = out[:position] + draw(st.sampled_from(pieces)) + out[position:]
        elif edit == "delete":
            out = out[:position] + out[position + draw(st.integers(1, 400)) :]
        elif edit == "duplicate":
            out = out[:position] + out[position : position + draw(st.integers(1, 400))] + out[position:]
        elif edit == "truncate":
            out = out[:position]
        elif edit == "swapcase":
            out = out[:position] + out[position : position + 200].swapcase() + out[position + 200 :]
    return out


@st.composite
def mutated_pdf(draw: st.DrawFn) -> bytes:
    _, data = draw(st.sampled_from(seed_bytes("pdf")))
    return draw(mutated_bytes(data, PDF_TOKENS))


@st.composite
def mutated_docx_zip(draw: st.DrawFn) -> bytes:
    """The sample DOCX with its ZIP bytes edited (mostly: damaged entries and directories)."""
    _, data = draw(st.sampled_from(seed_bytes("docx")))
    return draw(mutated_bytes(data, [b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"\xff\xff\xff\xff"]))


@st.composite
def mutated_docx_xml(draw: st.DrawFn) -> bytes:
    """The sample DOCX re-zipped with one of its XML parts edited: valid ZIP, hostile XML."""
    parts = list(docx_parts())
    xml_parts = [i for i, (name, _) in enumerate(parts) if name.endswith((".xml", ".rels"))]
    weights = [
        i for i in xml_parts if parts[i][0] in ("word/document.xml", "word/numbering.xml", "word/styles.xml")
    ]
    index = draw(st.sampled_from(weights + xml_parts))
    name, data = parts[index]
    text = data.decode("utf-8")
    parts[index] = (name, draw(mutated_text(text, XML_TOKENS)).encode("utf-8", "surrogatepass"))
    return rezip(parts)
