"""File bytes -> :class:`~nlp.document.Document` (text with pages), for PDF, DOCX and plain text.

    extract_document(source, filename=None, limits=ExtractionLimits()) -> Document

The file type is sniffed from the bytes. Every failure is an ``nlp.errors.InputError`` with a plain
message; nothing else escapes for bad input.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from nlp.document import Document, MediaType, Page
from nlp.errors import FileTooLarge, InputError
from nlp.extract.docx import read_docx
from nlp.extract.layout import clean_pages
from nlp.extract.pdf import read_pdf
from nlp.extract.sniff import sniff_media_type
from nlp.extract.text import read_text

__all__ = ["ExtractionLimits", "extract_document", "sniff_media_type"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractionLimits:
    """Refuse files beyond these sizes (configurable by CLI flags and service settings)."""

    max_bytes: int = 25 * 1024 * 1024
    max_pages: int = 400


def _read_source(source: Path | str | bytes, limits: ExtractionLimits) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise InputError(f"No such file: {path.name}") from None
        if path.is_dir():
            raise InputError(f"{path.name} is a folder, not a file.")
        if size > limits.max_bytes:
            raise FileTooLarge(_too_large(size, limits))
        try:
            data = path.read_bytes()
        except PermissionError:
            raise InputError(f"Permission denied reading {path.name}.") from None
    if len(data) > limits.max_bytes:
        raise FileTooLarge(_too_large(len(data), limits))
    return data


def _too_large(size: int, limits: ExtractionLimits) -> str:
    return (
        f"The file is {size / 1048576:.1f} MB; the limit is {limits.max_bytes / 1048576:.1f} MB. "
        "Compress it or raise the limit."
    )


def join_pages(page_texts: list[str]) -> tuple[str, tuple[Page, ...]]:
    """One text for the document and each page's [start, end) in it.

    Pages are joined by a newline, or by a space when the page break falls inside a sentence
    (the page ends without closing punctuation and the next begins in lower case).
    """
    parts: list[str] = []
    pages: list[Page] = []
    offset = 0
    for number, text in enumerate(page_texts, start=1):
        if parts:
            previous = parts[-1].rstrip()
            continues = bool(previous) and previous[-1] not in ".:;!?)\"”" and text[:1].islower()
            separator = " " if continues else "\n"
            parts.append(separator)
            offset += len(separator)
        pages.append(Page(number, offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    return "".join(parts), tuple(pages)


def extract_document(
    source: Path | str | bytes,
    filename: str | None = None,
    limits: ExtractionLimits | None = None,
) -> Document:
    """Read a contract file (path or bytes) into a Document; raise an InputError when it cannot."""
    limits = limits or ExtractionLimits()
    if filename is None:
        filename = Path(source).name if not isinstance(source, bytes) else "upload"
    data = _read_source(source, limits)
    media_type: MediaType = sniff_media_type(data)
    warnings: list[str] = []
    if media_type == "pdf":
        read = read_pdf(data, limits.max_pages)
        page_texts, removed = clean_pages(read.pages)
        warnings.extend(read.warnings)
        logger.debug("pdf: %d pages, %d running lines removed, tables on %d pages",
                     len(page_texts), removed, len(read.table_pages))
    elif media_type == "docx":
        page_texts, docx_warnings = read_docx(data, limits.max_pages)
        warnings.extend(docx_warnings)
    else:
        page_texts, text_warnings = read_text(data, limits.max_pages)
        warnings.extend(text_warnings)
    text, pages = join_pages(page_texts)
    return Document(
        filename=os.path.basename(filename),
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        byte_size=len(data),
        text=text,
        pages=pages,
        warnings=tuple(warnings),
    )
