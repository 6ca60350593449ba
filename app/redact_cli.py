"""Write a redacted copy of a contract: ``<stem>.redacted.txt`` and ``<stem>.redacted.pdf``.

    redact_file(path, out_dir) -> (txt_path, pdf_path)

The contract is extracted (``nlp.extract.extract_document``), redacted (``nlp.redact.redact_document``),
and both files are written from the redacted text only. The PDF is typeset fresh with reportlab (one
paragraph per line of text, pages split where the text flows, a small "Redacted by contract-risk"
header on every page), so removed text is really gone, not hidden under a box. Bad input raises the
``nlp.errors.InputError`` of the extractor unchanged. The original file name appears in neither file.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from nlp.extract import extract_document
from nlp.redact import redact_document

__all__ = ["HEADER", "redact_file", "render_redacted_pdf"]

HEADER = "Redacted by contract-risk"

_BODY = ParagraphStyle("redacted-body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
_HEADER_FONT = ("Helvetica-Oblique", 8)


def redact_file(path: Path, out_dir: Path) -> tuple[Path, Path]:
    """Extract, redact and write ``<stem>.redacted.txt`` and ``<stem>.redacted.pdf`` into ``out_dir``.

    ``out_dir`` is created when missing. Raises ``nlp.errors.InputError`` for a file that cannot be read.
    """
    path = Path(path)
    document = extract_document(path)
    redacted = redact_document(document).text
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    txt_path = out_dir / f"{path.stem}.redacted.txt"
    pdf_path = out_dir / f"{path.stem}.redacted.pdf"
    txt_path.write_text(redacted, encoding="utf-8")
    pdf_path.write_bytes(render_redacted_pdf(redacted))
    return txt_path, pdf_path


def render_redacted_pdf(text: str) -> bytes:
    """A plain, readable PDF of ``text``: one paragraph per line, header on every page."""
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title="Redacted contract",
        author="contract-risk",
        leftMargin=0.9 * inch,
        rightMargin=0.9 * inch,
        topMargin=0.9 * inch,
        bottomMargin=0.8 * inch,
        invariant=True,
    )
    template.build(_story(text), onFirstPage=_draw_header, onLaterPages=_draw_header)
    return buffer.getvalue()


def _story(text: str) -> list[Flowable]:
    """One paragraph per non-empty line; a blank line becomes a small space."""
    story: list[Flowable] = []
    for line in text.split("\n"):
        if line.strip():
            story.append(Paragraph(escape(line.strip(), quote=False), _BODY))
        else:
            story.append(Spacer(1, 6))
    return story or [Spacer(1, 6)]


def _draw_header(canvas: Canvas, template: SimpleDocTemplate) -> None:
    """The small header and the page number."""
    canvas.saveState()
    canvas.setFont(*_HEADER_FONT)
    width, height = template.pagesize
    canvas.drawString(template.leftMargin, height - 0.55 * inch, HEADER)
    canvas.drawRightString(width - template.rightMargin, 0.5 * inch, f"Page {canvas.getPageNumber()}")
    canvas.restoreState()
