"""DOCX text with page breaks and rendered automatic numbering (python-docx + the raw XML).

Word keeps clause numbers like "7.2" or "(b)" out of the paragraph text when they come from
automatic numbering, so a contract read naively loses its structure. This reader renders the
numbering labels from ``numbering.xml`` (decimal, letters, roman; ``%1.%2`` level texts; restarts)
and puts them in front of the paragraph text.

DOCX has no fixed pages. Pages are counted by Word's last-rendered page breaks when the file has
them (what the author saw), otherwise by explicit page breaks and "page break before" paragraphs.
Running headers and footers live in separate parts and never enter the text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from nlp.errors import CorruptFile, TooManyPages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE_BREAK = "\x0c"


def _roman(number: int) -> str:
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word repeats letters after z: a..z, aa..zz, aaa...
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_counter(number: int, fmt: str) -> str:
    """Render one numbering counter in Word's format names."""
    if fmt in ("lowerLetter",):
        return _letters(number)
    if fmt in ("upperLetter",):
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt in ("bullet",):
        return "•"
    if fmt in ("none",):
        return ""
    return str(number)  # decimal and anything exotic


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Numbering definitions of one document and the running counters while reading it."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: object) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, AttributeError, NotImplementedError):
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.findall(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.findall(f"{W}lvl"):
                level = _Level()
                start = lvl.find(f"{W}start")
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                if start is not None:
                    level.start = int(start.get(f"{W}val", "1"))
                if fmt is not None:
                    level.fmt = fmt.get(f"{W}val", "decimal")
                if text is not None:
                    level.text = text.get(f"{W}val", "")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = level
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            levels = {k: _Level(v.start, v.fmt, v.text) for k, v in abstract.get(ref.get(f"{W}val", ""), {}).items()}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl].start = int(start.get(f"{W}val", "1"))
            numbering.levels[num.get(f"{W}numId", "")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and render its label, e.g. "7.2" or "(b)"."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            level = levels.get(k, _Level())
            value = counters.get(k, level.start)
            text = text.replace(f"%{k + 1}", format_counter(value, level.fmt))
        return text.strip()


def _numbering_of(paragraph: object, styles: dict[str, object]) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own properties or, failing that, its style chain."""
    element = paragraph._p  # type: ignore[attr-defined]
    props = element.pPr
    candidates = [props] if props is not None else []
    style_id = props.pStyle.val if props is not None and props.pStyle is not None else None
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            break
        candidates.append(style.element.pPr)  # type: ignore[attr-defined]
        base = style.base_style  # type: ignore[attr-defined]
        style_id = base.style_id if base is not None else None
    for pPr in candidates:
        if pPr is None or pPr.numPr is None:
            continue
        num_id = pPr.numPr.numId
        if num_id is None or num_id.val == 0:
            return None
        ilvl = pPr.numPr.ilvl.val if pPr.numPr.ilvl is not None else 0
        return str(num_id.val), int(ilvl)
    return None


def _runs_text(element: object, rendered_breaks: bool) -> Iterator[str]:
    """Text of a paragraph element in order, with PAGE_BREAK where a page ends."""
    for node in element.iter():  # type: ignore[attr-defined]
        tag = node.tag
        if tag == f"{W}t":
            yield node.text or ""
        elif tag == f"{W}tab":
            yield " "
        elif tag in (f"{W}br", f"{W}cr"):
            if node.get(f"{W}type") == "page":
                if not rendered_breaks:
                    yield PAGE_BREAK
            else:
                yield "\n"
        elif tag == f"{W}lastRenderedPageBreak" and rendered_breaks:
            yield PAGE_BREAK
        elif tag == f"{W}noBreakHyphen":
            yield "-"


def read_docx(data: bytes, max_pages: int) -> tuple[list[str], list[str]]:
    """Page texts (paragraphs joined by newlines) and warnings."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorruptFile(
            "This Word file is damaged or is not a .docx document; open it in Word and save it again "
            "as .docx or PDF."
        ) from error
    except Exception as error:  # lxml and zip errors surface under many names
        raise CorruptFile("This Word file cannot be read; save it again as .docx or PDF.") from error

    body = document.element.body
    rendered_breaks = any(True for _ in body.iter(f"{W}lastRenderedPageBreak"))
    numbering = Numbering.from_document(document)
    styles = {style.style_id: style for style in document.styles if style.type == 1}

    from docx.table import Table
    from docx.text.paragraph import Paragraph

    chunks: list[str] = []
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            paragraph = Paragraph(child, document)
            props = child.pPr
            if (
                not rendered_breaks
                and props is not None
                and props.find(f"{W}pageBreakBefore") is not None
                and props.find(f"{W}pageBreakBefore").get(f"{W}val", "true") not in ("0", "false")
            ):
                chunks.append(PAGE_BREAK)
            text = "".join(_runs_text(child, rendered_breaks))
            numbered = _numbering_of(paragraph, styles)
            label = numbering.label(*numbered) if numbered else ""
            if label and label != "•" and text.strip():
                text = f"{label} {text.lstrip()}"
            chunks.append(text + "\n")
        elif child.tag == f"{W}tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                deduped = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]  # merged cells
                if any(deduped):
                    chunks.append(" | ".join(deduped) + "\n")

    pages = [page.strip("\n") for page in "".join(chunks).split(PAGE_BREAK)]
    while len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    if len(pages) > max_pages:
        raise TooManyPages(f"This document has {len(pages)} pages; the limit is {max_pages}.")
    pages = ["\n".join(line.strip() for line in page.splitlines() if line.strip()) for page in pages]
    warnings = [] if any(pages) else ["The Word document contains no text."]
    return pages, warnings
