"""nlp.extract.pdf_streams: a PDF whose text streams would unpack past the limit is refused before PDFium reads it."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest

from nlp.errors import FileTooComplex
from nlp.extract import pdf_streams
from nlp.extract.pdf_streams import (
    check_inflated_size,
    decoded_filters,
    inflated_size,
    size_bound,
    stream_dictionary,
    text_streams,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_contracts"


def _stream(payload: bytes, dictionary: bytes) -> bytes:
    return b"4 0 obj\n" + dictionary + b"\nstream\n" + payload + b"\nendstream\nendobj\n"


@pytest.mark.parametrize(("data", "expected"), [
    (b"1 0 obj << /Length 5 >>", b"<< /Length 5 >>"),
    (b"x << /Filter /FlateDecode /DecodeParms << /Predictor 12 >> /Length 9 >>",
     b"<< /Filter /FlateDecode /DecodeParms << /Predictor 12 >> /Length 9 >>"),
    (b"<< /A << /B << /C 1 >> >> >>", b"<< /A << /B << /C 1 >> >> >>"),
    (b"/Length 5 >>", None),  # its start is not there
])
def test_the_dictionary_before_a_stream(data, expected):
    assert stream_dictionary(data, len(data)) == expected


@pytest.mark.parametrize(("dictionary", "chain"), [
    (b"<< /Length 3 >>", ()),
    (b"<< /Filter /FlateDecode >>", ("flate",)),
    (b"<< /Filter /Fl >>", ("flate",)),
    (b"<< /Filter [/FlateDecode /FlateDecode] >>", ("flate", "flate")),
    (b"<< /Filter [ /ASCII85Decode /FlateDecode ] /Length 2632 >>", ("ascii85", "flate")),  # ReportLab's
    (b"<< /Filter [/AHx /Fl] >>", ("hex", "flate")),
    (b"<< /Filter /ASCII85Decode >>", ()),  # no Flate: nothing can grow
    (b"<< /Filter [/LZWDecode /FlateDecode] >>", ()),  # starts with a filter not decoded here
    (b"<< /Filter [/FlateDecode /DCTDecode] >>", ("flate",)),
    (b"<< /Filter/FlateDecode/Length 12 >>", ("flate",)),
])
def test_the_filters_decoded_before_counting(dictionary, chain):
    assert decoded_filters(dictionary) == chain


FLATE_1000 = zlib.compress(b"a" * 1000)


@pytest.mark.parametrize(("raw", "chain", "budget", "expected"), [
    (FLATE_1000, ("flate",), 10_000, 1000),
    (FLATE_1000, ("flate",), 999, 1000),  # past the budget: budget + 1
    (zlib.compress(FLATE_1000), ("flate", "flate"), 10_000, len(FLATE_1000) + 1000),  # every round counts
    (FLATE_1000[:-4], ("flate",), 10_000, 1000),  # no checksum: what came out counts, as PDFium uses it
    (FLATE_1000 + b"trailing bytes", ("flate",), 10_000, 1000),
    (b"not zlib at all", ("flate",), 10_000, 0),
    (base64.a85encode(FLATE_1000) + b"~>", ("ascii85", "flate"), 10_000, len(FLATE_1000) + 1000),
    (FLATE_1000.hex().encode() + b">", ("hex", "flate"), 10_000, len(FLATE_1000) + 1000),
    (b"4142434>", ("hex",), 10_000, 4),  # an odd last digit: "AB", "C", "@"
])
def test_inflated_size_is_bounded(raw, chain, budget, expected):
    assert inflated_size(raw, chain, budget) == expected


def test_a_stream_past_the_limit_is_refused_and_images_are_not_counted():
    text = _stream(zlib.compress(b"BT (x) Tj ET " * 100_000), b"<< /Length 1 /Filter /FlateDecode >>")
    image = _stream(zlib.compress(b"\x00" * 5_000_000), b"<< /Type /XObject /Subtype /Image /Filter /FlateDecode >>")
    assert check_inflated_size(image, limit=1_000_000) == 0
    assert check_inflated_size(text, limit=2_000_000) == 1_300_000
    with pytest.raises(FileTooComplex) as refused:
        check_inflated_size(text + image, limit=1_000_000)
    assert refused.value.code == "file_too_complex"


def test_the_decompression_bomb_fixture_is_refused():
    from tests.fixtures.make_bad_inputs import decompression_bomb_pdf

    with pytest.raises(FileTooComplex):
        check_inflated_size(decompression_bomb_pdf())


def _exact_size(data: bytes) -> int:
    return sum(inflated_size(data[start:end], chain, 1 << 40) for start, end, chain in text_streams(data))


@pytest.mark.parametrize(("raw_length", "chain", "bound"), [
    (100, ("flate",), 100 * 1032 + 1024),
    (100, ("ascii85", "flate"), 100 + 100 * 1032 + 1024),
    (100, ("flate", "flate"), (100 * 1032 + 1024) + (100 * 1032 + 1024) * 1032 + 1024),
])
def test_the_worst_case_of_a_stream(raw_length, chain, bound):
    assert size_bound(raw_length, chain) == bound
    assert size_bound(len(zlib.compress(b"\0" * 10_000_000, 9)), ("flate",)) >= 10_000_000  # zlib's best ratio


def test_small_streams_are_counted_by_their_worst_case_and_never_undercounted():
    page = zlib.compress(b"BT (a line of a contract) Tj ET\n" * 50)
    small = b"".join(_stream(page, b"<< /Filter /FlateDecode >>") for _ in range(20))
    bound = size_bound(len(page) + 1, ("flate",))  # a stream runs up to "endstream", its end of line included
    assert check_inflated_size(small, limit=100 * bound) == 20 * bound  # worst cases fit in half: none decoded
    assert check_inflated_size(small, limit=20 * bound) == 10 * bound + 10 * len(zlib.decompress(page))
    assert check_inflated_size(small, limit=3 * bound) >= _exact_size(small)
    bomb = _stream(zlib.compress(zlib.compress(b" " * 50_000_000, 9), 9), b"<< /Filter [/FlateDecode /FlateDecode] >>")
    with pytest.raises(FileTooComplex):
        check_inflated_size(small + bomb, limit=40_000_000)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_the_sample_contracts_are_far_below_the_limit(path):
    data = path.read_bytes()
    assert 0 < _exact_size(data) < pdf_streams.MAX_INFLATED_BYTES // 100
    assert check_inflated_size(data) >= _exact_size(data)
