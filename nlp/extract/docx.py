"""DOCX text with page breaks and rendered automatic numbering (python-docx + the raw XML).

Word keeps clause numbers like "7.2" or "(b)" out of the paragraph text when they come from
automatic numbering, so a contract read naively loses its structure. This reader renders the
numbering labels from ``numbering.xml`` (decimal, letters, roman; ``%1.%2`` level texts; restarts)
and puts them in front of the paragraph text.

DOCX has no fixed pages. Pages are counted by Word's last-rendered page breaks when the file has
them (what the author saw), otherwise by explicit page breaks and "page break before" paragraphs.
Running headers and footers live in separate parts and never enter the text.

A DOCX is a ZIP archive, and a few KB of ZIP can inflate to gigabytes. Before python-docx reads
anything, :func:`check_package` bounds the archive: the number of entries, every entry's declared size
and compression ratio (before inflating), then the bytes each entry really inflates to (read in 1 MiB
steps, so a size that lies costs at most one step past the limit), and it refuses the compression
methods Word never writes (bzip2 and LZMA are inflated by Python's zipfile in one unbounded call) and
XML parts that declare a DTD (the "billion laughs" entity expansion; Office Open XML packages never
contain one).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from nlp.errors import CorruptFile, FileTooComplex, TooManyPages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE_BREAK = "\x0c"

#: Bounds on the unpacked DOCX. A 400-page contract's word/document.xml is a few MB; styles and themes
#: are under 1 MB; pictures are stored already compressed.
MAX_ZIP_ENTRIES = 5_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
#: Past 1 MiB, an entry may not inflate more than 100x (Apache POI's ZipSecureFile default): Word's
#: XML parts inflate 5-35x, pictures about 1x.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
_READ_STEP = 1024 * 1024
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_DTD_MARKERS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                     for encoding in ("ascii", "utf-16-le", "utf-16-be"))
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _too_complex(what: str) -> FileTooComplex:
    return FileTooComplex(
        f"This Word file is small on disk but {what} once unpacked, which a real contract never is "
        "(it may be a ZIP bomb). Open it in Word and save it again as .docx or PDF."
    )


def check_package(data: bytes) -> None:
    """Refuse a DOCX whose ZIP would cost too much to unpack, or that declares an XML DTD.

    Raises FileTooComplex (too many entries, or more bytes than the limits, declared or actually
    inflated) or CorruptFile (a compression method Word does not write, a DTD, a damaged entry).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise _too_complex(f"holds {len(entries):,} files")
            declared = 0
            for entry in entries:
                declared += entry.file_size
                if entry.file_size > MAX_PART_BYTES or declared > MAX_PACKAGE_BYTES:
                    raise _too_complex(f"grows to more than {_megabytes(declared)}")
                if _inflates_too_much(entry.file_size, entry.compress_size):
                    ratio = entry.file_size // max(entry.compress_size, 1)
                    raise _too_complex(f"grows {ratio:,} times ({entry.filename})")
            for entry in entries:
                if entry.compress_type not in _WORD_METHODS:
                    raise CorruptFile(
                        "This Word file uses a ZIP compression method Word never writes; open it in Word "
                        "and save it again as .docx or PDF."
                    )
            inflated = 0
            for entry in entries:
                inflated += _inflate_bounded(archive, entry, MAX_PACKAGE_BYTES - inflated)
    except (FileTooComplex, CorruptFile):
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, ValueError, NotImplementedError,
            OSError) as error:
        raise CorruptFile(
            "This Word file is damaged (a part of it does not unpack); open it in Word and save it "
            "again as .docx or PDF."
        ) from error


def _inflate_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> int:
    """Inflate ``entry`` in steps without keeping it: its real size (checked against the limits) and,
    for XML parts, no DTD. zipfile itself stops at the declared size and then checks the CRC-32."""
    limit = min(MAX_PART_BYTES, budget)
    scan = entry.filename.lower().endswith(_XML_SUFFIXES)
    size, carry = 0, b""
    with archive.open(entry) as part:
        while step := part.read(_READ_STEP):
            size += len(step)
            if size > limit:
                raise _too_complex(f"grows past {_megabytes(limit)} ({entry.filename})")
            if _inflates_too_much(size, entry.compress_size):
                raise _too_complex(f"grows more than {MAX_RATIO} times ({entry.filename})")
            if scan:
                window = carry + step
                if any(marker in window for marker in _DTD_MARKERS):
                    raise CorruptFile(
                        f"This Word file declares an XML DTD in {entry.filename}, which Word documents "
                        "never contain (it can make a reader expand entities without end); save it again "
                        "from Word as .docx or PDF."
                    )
                carry = window[-32:]
    return size


def _inflates_too_much(size: int, compressed: int) -> bool:
    return size > RATIO_FLOOR_BYTES and size > MAX_RATIO * compressed


def _megabytes(size: int) -> str:
    return f"{size / 1048576:,.0f} MB"


#: Word numbers lists on levels 0-8 with counters up to 32767. A file's values beyond these are damage
#: or an attack (a start of 10**20 in lowerLetter would be 4 * 10**18 letters; a level 2**31 would be
#: 2**31 replacements): other levels are ignored, and such counters are written in decimal.
MAX_LEVEL = 8
MAX_COUNTER = 32_767


def _integer(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _start(node: object) -> int:
    """A level's start value; one beyond Word's range is kept, and rendered in decimal."""
    value = _integer(node.get(f"{W}val"), 1)  # type: ignore[attr-defined]
    return value if value is not None else 1


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
    """Render one numbering counter in Word's format names (decimal when out of Word's range)."""
    if not 0 < number <= MAX_COUNTER:
        return str(number)
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
                    level.start = _start(start)
                if fmt is not None:
                    level.fmt = fmt.get(f"{W}val", "decimal")
                if text is not None:
                    level.text = text.get(f"{W}val", "")
                ilvl = _integer(lvl.get(f"{W}ilvl"), 0)
                if ilvl is not None and 0 <= ilvl <= MAX_LEVEL:
                    levels[ilvl] = level
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            defined = abstract.get(ref.get(f"{W}val", ""), {})
            levels = {k: _Level(v.start, v.fmt, v.text) for k, v in defined.items()}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                ilvl = _integer(override.get(f"{W}ilvl"), 0)
                if start is not None and ilvl in levels:
                    levels[ilvl].start = _start(start)
            numbering.levels[num.get(f"{W}numId", "")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and render its label, e.g. "7.2" or "(b)"."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:  # levels holds 0..MAX_LEVEL only
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


#: Word tables have at most 63 columns; a larger w:gridSpan is damage (python-docx would loop over it).
MAX_GRID_SPAN = 63


def _grid_span(tc: object) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")  # type: ignore[attr-defined]
    value = _integer(span.get(f"{W}val"), 1) if span is not None else 1
    return min(max(value or 1, 1), MAX_GRID_SPAN)


def _continues_vertical_merge(tc: object) -> bool:
    merge = tc.find(f"{W}tcPr/{W}vMerge")  # type: ignore[attr-defined]
    return merge is not None and merge.get(f"{W}val", "continue") == "continue"


def table_rows(table: object, parent: object) -> Iterator[list[str]]:
    """Each row's cell texts (whitespace collapsed), one per layout-grid column, as python-docx's
    ``row.cells`` gives them: a cell spanning columns repeats, a vertically merged cell shows the text
    of the cell its span starts in. Read in one pass, row by row: python-docx finds the cell above by
    recursion and an XPath per row (a RecursionError and quadratic time on a long merged column)."""
    from docx.text.paragraph import Paragraph

    above: dict[int, str] = {}  # grid offset -> text of the cell whose vertical span covers it
    for tr in table.iterchildren(f"{W}tr"):  # type: ignore[attr-defined]
        before = tr.find(f"{W}trPr/{W}gridBefore")
        skipped = _integer(before.get(f"{W}val"), 0) if before is not None else 0
        offset = min(max(skipped or 0, 0), MAX_GRID_SPAN)
        cells: list[str] = []
        current: dict[int, str] = {}
        for tc in tr.iterchildren(f"{W}tc"):
            span = _grid_span(tc)
            if _continues_vertical_merge(tc) and offset in above:
                text = above[offset]
            else:
                paragraphs = (Paragraph(p, parent).text for p in tc.iterchildren(f"{W}p"))
                text = " ".join("\n".join(paragraphs).split())
            cells.extend([text] * span)
            current[offset] = text
            offset += span
        above = current
        yield cells


def read_docx(data: bytes, max_pages: int) -> tuple[list[str], list[str]]:
    """Page texts (paragraphs joined by newlines) and warnings."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorruptFile(
            "This Word file is damaged or is not a .docx document; open it in Word and save it again "
            "as .docx or PDF."
        ) from error
    except Exception as error:  # lxml and zip errors surface under many names
        raise CorruptFile("This Word file cannot be read; save it again as .docx or PDF.") from error
    try:
        chunks = _body_chunks(document)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as error:
        # python-docx parses attribute values lazily (an int, an enum): a damaged value surfaces here
        raise CorruptFile(
            "This Word file is damaged (its document part holds values Word never writes); open it in "
            "Word and save it again as .docx or PDF."
        ) from error
    except Exception as error:
        from docx.exceptions import PythonDocxError

        if isinstance(error, PythonDocxError):
            raise CorruptFile("This Word file is damaged; save it again as .docx or PDF.") from error
        raise

    pages = [page.strip("\n") for page in "".join(chunks).split(PAGE_BREAK)]
    while len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    if len(pages) > max_pages:
        raise TooManyPages(f"This document has {len(pages)} pages; the limit is {max_pages}.")
    pages = ["\n".join(line.strip() for line in page.splitlines() if line.strip()) for page in pages]
    warnings = [] if any(pages) else ["The Word document contains no text."]
    return pages, warnings


def _paragraph_styles(document: object) -> dict[str, object]:
    """Paragraph styles by id; a style whose type Word does not know is skipped, as Word skips it."""
    from docx.styles.style import StyleFactory

    styles = {}
    for element in document.styles.element.style_lst:  # type: ignore[attr-defined]
        try:
            style = StyleFactory(element)
            paragraph_style = style.type == 1  # WD_STYLE_TYPE.PARAGRAPH
        except ValueError:
            continue
        if paragraph_style:
            styles[style.style_id] = style
    return styles


def _body_chunks(document: object) -> list[str]:
    """The body's paragraphs (with numbering labels) and table rows, PAGE_BREAK where a page ends."""
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    rendered_breaks = any(True for _ in body.iter(f"{W}lastRenderedPageBreak"))
    numbering = Numbering.from_document(document)
    styles = _paragraph_styles(document)

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
            for cells in table_rows(child, document):
                deduped = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]  # merged cells
                if any(deduped):
                    chunks.append(" | ".join(deduped) + "\n")
    return chunks
