"""Plain-text contracts: decode safely, split pages at form feeds."""

from __future__ import annotations

import codecs

from nlp.errors import UnsupportedFileType

#: Share of characters that may be control characters before a "text" file is called binary.
MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes) -> str | None:
    """The text of ``data`` when it is text (UTF-8/UTF-16 with BOM, UTF-8, or Windows-1252), else None."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        if b"\x00" in data:
            return None
        candidates = [("utf-8", data), ("cp1252", data)]
    for encoding, raw in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\x0c")
        if text and controls / len(text) <= MAX_CONTROL_SHARE:
            return text
    return None


def read_text(data: bytes, max_pages: int) -> tuple[list[str], list[str]]:
    """Page texts (form feeds separate pages) and warnings."""
    text = decode_text(data)
    if text is None:
        raise UnsupportedFileType("This file is not readable text (it looks binary).")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\x0c")
    if len(pages) > max_pages:
        from nlp.errors import TooManyPages

        raise TooManyPages(f"This text has {len(pages)} pages (form feeds); the limit is {max_pages}.")
    pages = ["\n".join(line.rstrip() for line in page.strip("\n").splitlines()) for page in pages]
    warnings = [] if any(p.strip() for p in pages) else ["The text file is blank."]
    return pages, warnings
