"""Refuse a PDF whose compressed streams would unpack to more than a contract ever holds, before PDFium reads it.

PDFium inflates a page's content streams whole. A few kilobytes of FlateDecode (applied twice, say) can hold a
gigabyte of spaces, and under the service's address-space cap PDFium then aborts the worker process instead of
failing. This module reads the file's stream dictionaries as bytes, decodes every FlateDecode stream that text
extraction would read (not images: PDFium decodes those only to render), through the ASCII85 or hex filters
that may come before the Flate ones, with an output bound, and raises
FileTooComplex when the total passes MAX_INFLATED_BYTES. A stream it cannot parse or inflate is left to PDFium,
which reports a damaged file its own way; encrypted streams do not inflate and are left alone the same way.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Iterator

from nlp.errors import FileTooComplex

#: Most bytes the text-bearing streams of one PDF may unpack to. The largest total among the 510 CUAD PDFs, the
#: sample contracts and the two public physician agreements is far below it (benchmarks/pdf_streams.py).
MAX_INFLATED_BYTES = 256 * 1024 * 1024
#: Deflate's largest expansion (a 258-byte match in two bits), and room for a stream's last block.
MAX_FLATE_RATIO = 1032
FLATE_SLACK = 1024
#: Compressed bytes fed to the inflater at a time, and most bytes asked back from it in one call.
INPUT_CHUNK = 1 << 16
OUTPUT_CHUNK = 1 << 22
#: How far before the ``stream`` keyword a stream's dictionary may start.
MAX_DICTIONARY_BYTES = 4096

_STREAM_START_RE = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_FILTER_RE = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME_RE = re.compile(rb"/([A-Za-z0-9]+)")
#: Filter names (with their abbreviations) this module decodes.
_DECODERS = {b"FlateDecode": "flate", b"Fl": "flate", b"ASCII85Decode": "ascii85", b"A85": "ascii85",
             b"ASCIIHexDecode": "hex", b"AHx": "hex"}
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image\b")
#: A direct ``/Length n`` (not an indirect ``/Length n 0 R``).
_LENGTH_RE = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)(?![0-9])")


def stream_dictionary(data: bytes, end: int) -> bytes | None:
    """The ``<< ... >>`` dictionary that ends at ``end`` (just after its ``>>``), nested ones included."""
    low = max(0, end - MAX_DICTIONARY_BYTES)
    depth, cursor = 1, end - 2
    while True:
        opening = data.rfind(b"<<", low, cursor)
        closing = data.rfind(b">>", low, cursor)
        if opening < 0:
            return None
        if closing > opening:
            depth, cursor = depth + 1, closing
        else:
            depth, cursor = depth - 1, opening
            if depth == 0:
                return data[opening:end]


def decoded_filters(dictionary: bytes) -> tuple[str, ...]:
    """The stream's filters this module decodes, from the start of its chain up to the first it does not
    (LZW, run-length and image codecs are left to PDFium); () when the chain holds no FlateDecode there."""
    found = _FILTER_RE.search(dictionary)
    if found is None:
        return ()
    chain = []
    for name in _NAME_RE.findall(found.group(1)):
        decoder = _DECODERS.get(name)
        if decoder is None:
            break
        chain.append(decoder)
    return tuple(chain) if "flate" in chain else ()


def inflate(data: bytes, limit: int, keep: bool = True) -> tuple[bytes, int]:
    """Inflate ``data``, stopping once more than ``limit`` bytes came out; returns the bytes (``b""`` unless
    ``keep``) and their count. Output is asked for OUTPUT_CHUNK bytes at a time, so a bomb never takes more memory
    than ``limit`` (kept) or one chunk (not kept). Like PDFium, it keeps what came out before a damaged part."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size, offset, pending = 0, 0, b""
    while size <= limit and not inflater.eof:
        if not pending and offset < len(data):
            pending, offset = data[offset:offset + INPUT_CHUNK], offset + INPUT_CHUNK
        try:
            piece = inflater.decompress(pending, min(limit - size + 1, OUTPUT_CHUNK))
        except zlib.error:
            break
        if not piece and not inflater.unconsumed_tail and offset >= len(data):
            break  # all input read and nothing more comes out
        pending = inflater.unconsumed_tail
        size += len(piece)
        if keep:
            parts.append(piece)
    return b"".join(parts), size


def decode(data: bytes, decoder: str) -> bytes:
    """One non-expanding text filter: ASCII85 (5 characters to at most 4 bytes) or hex (2 to 1)."""
    if decoder == "ascii85":
        return base64.a85decode(data.strip().removeprefix(b"<~").removesuffix(b"~>"), ignorechars=b" \t\n\r\x0c\x00")
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))  # an odd last digit is followed by 0


def inflated_size(raw: bytes, chain: tuple[str, ...], budget: int) -> int:
    """Bytes that decoding ``raw`` through ``chain`` produces, counting every round, or ``budget + 1`` as soon as
    they pass ``budget``. A text filter that cannot decode ends the chain there (PDFium would fail too)."""
    total = 0
    data = raw
    for step, decoder in enumerate(chain):
        if decoder == "flate":
            data, size = inflate(data, budget - total, keep=step < len(chain) - 1)  # the last round is only counted
        else:
            try:
                data = decode(data, decoder)
            except ValueError:
                return total
            size = len(data)
        total += size
        if total > budget:
            return budget + 1
    return total


def size_bound(raw_length: int, chain: tuple[str, ...]) -> int:
    """The most bytes ``raw_length`` bytes can give through ``chain``, every round counted (Deflate expands at
    most MAX_FLATE_RATIO times; the text filters never grow)."""
    size, total = raw_length, 0
    for decoder in chain:
        size = size * MAX_FLATE_RATIO + FLATE_SLACK if decoder == "flate" else size
        total += size
    return total


def text_streams(data: bytes) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, filters to decode) of every stream with FlateDecode in its chain that is not an image.

    A stream ends where its direct ``/Length`` says when ``endstream`` follows there, as a PDF reader finds it;
    otherwise at the next ``endstream``. Never past the next stream's header: streams do not nest, so the bytes
    decoded add up to at most the file's size however many headers it holds."""
    headers = list(_STREAM_START_RE.finditer(data))
    next_end = -1
    for number, header in enumerate(headers):
        dictionary = stream_dictionary(data, header.start() + 2)
        if dictionary is None or _IMAGE_RE.search(dictionary):
            continue
        chain = decoded_filters(dictionary)
        if not chain:
            continue
        start = header.end()
        limit = headers[number + 1].start() if number + 1 < len(headers) else len(data)
        declared = _LENGTH_RE.search(dictionary)
        end = start + int(declared.group(1)) if declared else -1
        if not (start <= end <= limit and data[end:end + 32].lstrip().startswith(b"endstream")):
            if next_end < start:
                next_end = data.find(b"endstream", start)
            end = min(next_end, limit) if next_end >= 0 else limit
        yield start, end, chain


def check_inflated_size(data: bytes, limit: int = MAX_INFLATED_BYTES) -> int:
    """Raise FileTooComplex when the PDF's text-bearing Flate streams can unpack to more than ``limit`` bytes;
    otherwise return an upper bound of what they unpack to.

    Decoding costs time (about a tenth of PDFium's own text extraction on a 40-page contract), so the streams
    whose worst case is smallest are not decoded at all while their worst cases add up to at most half the
    limit; the others are decoded with an output bound and count what they really give."""
    streams = list(text_streams(data))
    bounds = [size_bound(end - start, chain) for start, end, chain in streams]
    total, skipped = 0, set()
    for index in sorted(range(len(streams)), key=bounds.__getitem__):
        if total + bounds[index] > limit // 2:
            break
        total += bounds[index]
        skipped.add(index)
    for index, (start, end, chain) in enumerate(streams):
        if index in skipped:
            continue
        total += inflated_size(data[start:end], chain, limit - total)
        if total > limit:
            raise FileTooComplex(
                "This PDF is small on disk but unpacks to more than "
                f"{limit // (1024 * 1024)} MB of page content, which a real contract never does (it may be a "
                "decompression bomb). Print it to a new PDF or export it again, then try again."
            )
    return total
