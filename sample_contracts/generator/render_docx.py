"""Print a :class:`Layout` as a DOCX with python-docx.

Word lays out pages itself, so the DOCX marks its pages explicitly: a paragraph holding a page break
(``WD_BREAK.PAGE``) separates consecutive pages, and the truth counts pages by those breaks (a reader
that treats explicit breaks as page boundaries sees the same pages). Breaks go between blocks once a
page holds about a page of words, never between a caption and the text it introduces.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import defaultdict

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from .layout import Layout

WORDS_PER_PAGE = 430
FIXED_TIME = dt.datetime(2024, 1, 2, 9, 0, 0)


def _add_page_field(paragraph) -> None:
    run = paragraph.add_run()
    for tag, attrs, text in (("w:fldChar", {"w:fldCharType": "begin"}, None),
                             ("w:instrText", {"xml:space": "preserve"}, " PAGE "),
                             ("w:fldChar", {"w:fldCharType": "separate"}, None),
                             ("w:t", {}, "1"),
                             ("w:fldChar", {"w:fldCharType": "end"}, None)):
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        if text:
            element.text = text
        run._r.append(element)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so two runs give identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def render(layout: Layout) -> tuple[bytes, dict[str, list[int]]]:
    c = layout.contract
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    section = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.header.paragraphs[0].text = c.header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _add_page_field(footer)

    props = doc.core_properties
    props.author = "contract-risk sample generator"
    props.last_modified_by = "contract-risk sample generator"
    props.title = c.title[0].title()
    props.subject = "Synthetic physician employment agreement (test fixture)"
    props.created = props.modified = FIXED_TIME
    props.revision = 1

    pages: dict[str, list[int]] = defaultdict(list)
    page, words_on_page = 1, 0
    previous_keeps = False

    def page_break() -> None:
        nonlocal page, words_on_page
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        page += 1
        words_on_page = 0

    for block in layout.blocks:
        if block.kind == "pagebreak":
            page_break()
            previous_keeps = False
            continue
        if block.kind == "para":
            words = len(block.plain.split())
        elif block.kind == "table":
            words = 6 * len(block.table.rows)
        else:
            words = 40
        if words_on_page + words > WORDS_PER_PAGE and words_on_page > 120 and not previous_keeps:
            page_break()
        words_on_page += words
        previous_keeps = block.keep_with_next
        for nid in block.track:
            pages[nid].append(page)

        if block.kind == "para":
            paragraph = doc.add_paragraph()
            fmt = paragraph.paragraph_format
            if block.style in ("title", "art_num", "art_head"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.style in ("body", "item1", "item2", "front"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if block.style == "item1":
                fmt.left_indent = Inches(0.35)
            elif block.style == "item2":
                fmt.left_indent = Inches(0.7)
            if block.style in ("h1", "art_num"):
                fmt.space_before = Pt(10)
            if block.keep_with_next:
                fmt.keep_with_next = True
            for text, style in block.segs:
                run = paragraph.add_run(text)
                run.bold = "b" in style or block.style in ("title", "art_num", "art_head", "h1") or None
                run.italic = "i" in style or None
                run.underline = "u" in style or None
                if block.style == "title":
                    run.font.size = Pt(14)
        elif block.kind == "table":
            rows = block.table.rows
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            if block.table.ruled:
                table.style = doc.styles["Table Grid"]
            else:
                _no_borders(table)
            for r, row in enumerate(rows):
                for col, value in enumerate(row):
                    cell = table.cell(r, col)
                    cell.text = value
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            doc.add_paragraph()
        elif block.kind == "signatures":
            cols = block.columns
            n_rows = max(len(col) for col in cols)
            table = doc.add_table(rows=n_rows, cols=len(cols))
            _no_borders(table)
            for i in range(n_rows):
                for j, col in enumerate(cols):
                    table.cell(i, j).text = col[i] if i < len(col) else ""

    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic_zip(buffer.getvalue()), {k: sorted(v) for k, v in pages.items()}
