"""Page texts of a generated file, read back the way a later extractor would (for the self-check)."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def docx_pages(data: bytes) -> list[str]:
    """Body text split at explicit page breaks (tables included, cell by cell)."""
    root = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    pages = [[]]

    def walk(element) -> None:
        for child in element:
            if child.tag == W + "t":
                pages[-1].append(child.text or "")
            elif child.tag == W + "tab":
                pages[-1].append("\t")
            elif child.tag == W + "br" and child.get(W + "type") == "page":
                pages.append([])
            elif child.tag in (W + "p", W + "tc"):
                walk(child)
                pages[-1].append("\n")
            else:
                walk(child)

    walk(root.find(W + "body"))
    return ["".join(p) for p in pages]


def normalise(text: str) -> str:
    return " ".join(text.split())
