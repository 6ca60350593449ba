"""Print a :class:`Layout` as a PDF with reportlab platypus, recording the page of every clause.

Page numbers come from the layout engine itself: every paragraph and table is a tracked flowable
that, when reportlab draws it (or any piece of it after a page split), records the page number of
the canvas for each clause it belongs to. A clause's ``page_start``/``page_end`` are the first and
last pages on which any of its text (its own or a sub-clause's) was drawn.
"""

from __future__ import annotations

import io
from collections import defaultdict

from reportlab import rl_config

rl_config.invariant = 1  # no timestamps, fixed document ID: the same input gives the same bytes

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import inch  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .layout import Block, Layout  # noqa: E402

_BOLD = {"Times-Roman": "Times-Bold", "Helvetica": "Helvetica-Bold", "Courier": "Courier-Bold"}


class _Tracked:
    """Mixin: record the page each drawn piece lands on, and pass the tracking to split pieces."""

    _track: tuple[str, ...] = ()
    _pages: dict | None = None

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        if self._pages is not None:
            page = canvas.getPageNumber()
            for nid in self._track:
                self._pages[nid].append(page)
        return super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth, availHeight):  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._track = self._track
            part._pages = self._pages
        return parts


class TrackedParagraph(_Tracked, Paragraph):
    pass


class TrackedTable(_Tracked, Table):
    pass


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(block: Block) -> str:
    out = []
    for text, fmt in block.segs:
        piece = _escape(text)
        for tag in fmt:
            piece = f"<{tag}>{piece}</{tag}>"
        out.append(piece)
    return "".join(out)


def _styles(layout: Layout) -> dict[str, ParagraphStyle]:
    c = layout.contract
    size, leading = c.font_size, c.leading
    bold = _BOLD[c.font]
    body = ParagraphStyle(
        "body", fontName=c.font, fontSize=size, leading=leading,
        alignment=TA_JUSTIFY if c.justify else TA_LEFT, spaceAfter=size * 0.55,
    )
    return {
        "body": body,
        "front": ParagraphStyle("front", parent=body),
        "item1": ParagraphStyle("item1", parent=body, leftIndent=0.35 * inch),
        "item2": ParagraphStyle("item2", parent=body, leftIndent=0.7 * inch),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=size + 3.5,
                                leading=size + 6, alignment=TA_CENTER, spaceAfter=4),
        "art_num": ParagraphStyle("art_num", parent=body, fontName=bold, alignment=TA_CENTER,
                                  spaceBefore=size * 0.8, spaceAfter=1),
        "art_head": ParagraphStyle("art_head", parent=body, fontName=bold, alignment=TA_CENTER,
                                   spaceAfter=size * 0.6),
        "h1": ParagraphStyle("h1", parent=body, fontName=bold, alignment=TA_LEFT,
                             spaceBefore=size * 0.8, spaceAfter=size * 0.45),
        "prose_head": ParagraphStyle("prose_head", parent=body, fontName=bold, alignment=TA_LEFT,
                                     spaceBefore=size * 0.5, spaceAfter=size * 0.25),
        "cell": ParagraphStyle("cell", parent=body, alignment=TA_LEFT, spaceAfter=0),
    }


def _footer_text(style: str, page: int, total: int | None) -> str:
    shown_total = str(total) if total else "?"
    return {
        "page_of": f"Page {page} of {shown_total}",
        "dash": f"- {page} -",
        "plain": f"{page}",
        "initials": f"Initials: ______    Page {page}",
        "page": f"Page {page}",
    }[style]


def _flowables(layout: Layout, styles, pages: dict) -> list:
    c = layout.contract
    width = LETTER[0] - 2 * inch
    out: list = []
    for block in layout.blocks:
        if block.kind == "pagebreak":
            out.append(PageBreak())
        elif block.kind == "para":
            flowable = TrackedParagraph(_markup(block), styles[block.style])
            flowable._track, flowable._pages = block.track, pages
            flowable.keepWithNext = block.keep_with_next
            out.append(flowable)
        elif block.kind == "table":
            table = block.table
            indent = 0.35 * inch if block.style == "item1" else 0
            widths = [(width - indent) * f for f in table.col_widths]
            commands = [
                ("FONTNAME", (0, 0), (-1, 0), _BOLD[c.font]),
                ("FONTNAME", (0, 1), (-1, -1), c.font),
                ("FONTSIZE", (0, 0), (-1, -1), c.font_size - 0.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
            if table.ruled:
                commands += [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6"))]
            flowable = TrackedTable([list(r) for r in table.rows], colWidths=widths, repeatRows=1,
                                    hAlign="LEFT", style=TableStyle(commands))
            flowable._track, flowable._pages = block.track, pages
            out.append(flowable)
            out.append(Spacer(1, c.font_size * 0.8))
        elif block.kind == "signatures":
            cols = block.columns
            rows = max(len(col) for col in cols)
            data = [[col[i] if i < len(col) else "" for col in cols] for i in range(rows)]
            data = [[Paragraph(_escape(cell), styles["cell"]) for cell in row] for row in data]
            out.append(Spacer(1, c.font_size))
            out.append(Table(data, colWidths=[width / len(cols)] * len(cols), hAlign="LEFT",
                             style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])))
    return out


def render(layout: Layout) -> tuple[bytes, dict[str, list[int]]]:
    """The PDF bytes and, for every tracked id, the pages its text was drawn on."""
    c = layout.contract
    total: int | None = None
    for _ in range(2):  # pass 1 counts the pages for "Page N of M"; pass 2 is the real one
        pages: dict[str, list[int]] = defaultdict(list)
        styles = _styles(layout)

        def on_page(canvas, doc, _total=total):
            canvas.saveState()
            w, h = LETTER
            canvas.setFont(c.font, c.font_size - 1.5)
            canvas.drawString(inch, h - 0.6 * inch, c.header)
            if c.header_right:
                canvas.drawRightString(w - inch, h - 0.6 * inch, c.header_right)
            canvas.setLineWidth(0.4)
            canvas.line(inch, h - 0.66 * inch, w - inch, h - 0.66 * inch)
            footer = _footer_text(c.footer, doc.page, _total)
            if c.footer == "initials":
                canvas.drawRightString(w - inch, 0.55 * inch, footer)
            else:
                canvas.drawCentredString(w / 2, 0.55 * inch, footer)
            if c.footer_left:
                canvas.setFont(c.font, c.font_size - 3)
                canvas.drawString(inch, 0.55 * inch, c.footer_left)
            canvas.restoreState()

        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=LETTER, leftMargin=inch, rightMargin=inch, topMargin=0.95 * inch,
            bottomMargin=0.9 * inch, title=c.title[0].title(), author="contract-risk sample generator",
            subject="Synthetic physician employment agreement (test fixture)", creator="contract-risk",
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        doc.build(_flowables(layout, styles, pages))
        total = doc.page
    return buffer.getvalue(), {k: sorted(v) for k, v in pages.items()}
