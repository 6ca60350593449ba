"""What a file really is, from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import zipfile

from nlp.document import MediaType
from nlp.errors import EmptyFile, UnsupportedFileType
from nlp.extract.text import decode_text

#: Well-known signatures we refuse, with the advice the user needs.
_KNOWN_OTHER = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Word/Office file (.doc)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_SUPPORTED = "Upload the contract as a PDF, a Word .docx file or plain text."


def sniff_media_type(data: bytes) -> MediaType:
    """"pdf", "docx" or "txt" for ``data``; raises EmptyFile or UnsupportedFileType otherwise."""
    if not data:
        raise EmptyFile("The file is empty (0 bytes).")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    for signature, name in _KNOWN_OTHER:
        if data.startswith(signature):
            hint = " Scanned pages need OCR into a searchable PDF first." if "image" in name else ""
            raise UnsupportedFileType(f"This file is {name}, not a contract document.{hint} {_SUPPORTED}")
    if decode_text(data[:65536] if len(data) > 65536 else data) is not None:
        return "txt"
    raise UnsupportedFileType(f"This file is not a PDF, DOCX or text document. {_SUPPORTED}")


def _sniff_zip(data: bytes) -> MediaType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise UnsupportedFileType(
            f"This file is a damaged ZIP archive, not a readable Word document. {_SUPPORTED}"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFileType(f"This file is an Excel workbook, not a contract document. {_SUPPORTED}")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFileType(f"This file is a PowerPoint file, not a contract document. {_SUPPORTED}")
    raise UnsupportedFileType(f"This file is a ZIP archive, not a Word document. {_SUPPORTED}")
