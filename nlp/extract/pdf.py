"""PDF text with page numbers: pypdfium2 gives the character stream, pdfplumber reads ruled tables.

Measured on this machine (see benchmarks/): pypdfium2's text extraction is 20-90x faster than
pdfplumber's ``extract_text`` on the same pages, so every page's text and line geometry come from
pdfium (the text of a page plus the boxes of each line's first and last character, nearly free).
pdfplumber runs only on pages whose drawing holds enough ruled line segments to form a table, and
only to find the table cells; the cells replace the lines inside the table's box, one row per line
with cells joined by " | ", so a compensation tier table stays readable.

PDFium is not thread-safe: every call into it goes through ``_PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from nlp.errors import CorruptFile, EncryptedPdf, NoTextLayer, TooManyPages, TruncatedFile
from nlp.extract.layout import Line, PageLines
from nlp.extract.pdf_streams import check_inflated_size

# pdfminer (under pdfplumber) logs content-stream tokens, i.e. the contract's words, at DEBUG: hold it at WARNING
# so a service run with debug logging still keeps contract text out of its log.
logging.getLogger("pdfminer").setLevel(logging.WARNING)

logger = logging.getLogger(__name__)

_PDFIUM_LOCK = threading.RLock()

#: A page needs this many vertical and horizontal rules (or boxes) before pdfplumber looks for a table.
MIN_VERTICAL_RULES = 2
MIN_HORIZONTAL_RULES = 2
MIN_BOXES = 4
#: A page drawing more paths than this is a diagram or map, not a contract table: pdfminer would spend
#: seconds on it (measured: 4 s per page on a CUAD exhibit of site plans), so its text stays pdfium's.
MAX_PATHS_FOR_TABLE = 300
#: At most this many pages, and this much time, per document go to pdfplumber; the rest keep pdfium's
#: text order. pdfminer's cost per page is not predictable from what pdfium shows (measured 3 s on
#: some plain-looking CUAD pages), so the budget is checked before each page.
MAX_TABLE_PAGES = 12
TABLE_TIME_BUDGET_SECONDS = 1.0
#: A rule is at most this thick (points); a box or grid path is at least this big both ways.
RULE_THICKNESS = 3.0
BOX_SIZE = 8.0
#: Fewer non-space characters than this on a page means the page has no usable text layer.
MIN_CHARS_PER_TEXT_PAGE = 20
#: The end-of-file marker must be within this many bytes of the end (PDF 1.7, implementation note 18).
EOF_WINDOW = 1024


@dataclass(frozen=True)
class TableCells:
    """A table found by pdfplumber: its box (pdfium coordinates) and rows of cell texts."""

    left: float
    right: float
    bottom: float
    top: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PdfPages:
    """What the PDF reader hands to layout clean-up."""

    pages: list[PageLines]
    warnings: list[str]
    table_pages: tuple[int, ...]


def has_eof_marker(data: bytes) -> bool:
    """True when ``%%EOF`` is within the last 1024 bytes (ignoring trailing whitespace and NULs)."""
    tail = data.rstrip(b"\x00 \t\r\n\x0c")[-EOF_WINDOW:]
    return b"%%EOF" in tail


def _open(data: bytes) -> pdfium.PdfDocument:
    # A missing end marker means the file was cut short. PDFium can often still open such a file,
    # but the report would silently miss the lost pages (all 510 CUAD PDFs carry the marker).
    if not has_eof_marker(data):
        raise TruncatedFile(
            "This PDF is cut short (its end-of-file marker is missing): download or export it again."
        )
    check_inflated_size(data)  # before PDFium, which would inflate a decompression bomb whole
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdf(
                "This PDF is password-protected. Open it with its password and save an unprotected "
                "copy (or print it to PDF), then try again."
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdf(
                "This PDF uses a security handler that cannot be opened here; save an unprotected copy."
            ) from None
        raise CorruptFile(
            "This PDF is damaged and cannot be read; try re-exporting or re-saving it."
        ) from None


def _page_lines(page: pdfium.PdfPage, number: int) -> tuple[PageLines, int]:
    """Lines of one page with their extents, and the count of non-space characters."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        count = textpage.count_chars()
        charbox = _charbox_reader(textpage)
        lines: list[Line] = []
        position = 0
        aligned = len(text) == count
        for raw in text.split("\r\n"):
            cleaned = _normalise_chars(raw)
            stripped = cleaned.strip()
            if stripped and aligned:
                first = position + (len(cleaned) - len(cleaned.lstrip()))
                last = position + len(cleaned.rstrip()) - 1
                left, bottom_a, _, top_a = charbox(first)
                _, bottom_b, right, top_b = charbox(last)
                lines.append(Line(stripped, left, right, min(bottom_a, bottom_b), max(top_a, top_b)))
            elif stripped:
                # Character indices do not line up with the text (rare): keep text, fake a full-width line.
                lines.append(Line(stripped, 0.0, width, height / 2, height / 2))
            position += len(raw) + 2
        visible = count_visible(text)
    finally:
        textpage.close()
    return PageLines(number, width, height, tuple(lines)), visible


def count_visible(text: str) -> int:
    """How many characters of ``text`` are not whitespace (``not char.isspace()``).

    ``str.split()`` cuts at exactly the characters ``str.isspace()`` accepts (both use CPython's
    ``Py_UNICODE_ISSPACE``), so the pieces hold every other character once; summing their lengths in C
    replaces a Python-level test per character (~5 ms on a 40-page contract).
    """
    return sum(map(len, text.split()))


def _charbox_reader(textpage: pdfium.PdfTextPage) -> Callable[[int], tuple[float, float, float, float]]:
    """``textpage.get_charbox`` (tight box: left, bottom, right, top) as a lean closure.

    The same pdfium call (``FPDFText_GetCharBox``) with the same doubles and the same error; only the
    four ``c_double`` allocations and the method dispatch per call are saved, by reusing one set.
    """
    raw = textpage.raw
    get_charbox = pdfium_c.FPDFText_GetCharBox
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()

    def charbox(index: int) -> tuple[float, float, float, float]:
        if not get_charbox(raw, index, left, right, bottom, top):  # pdfium's order: l, r, b, t
            raise pdfium.PdfiumError("Failed to get charbox.")
        return left.value, bottom.value, right.value, top.value

    return charbox


_CHAR_FIXES = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u00ad": "-",  # soft hyphen printed at a line end
        "\ufffe": "-",  # pdfium's marker for a hyphen it generated at a line break
        "\x02": "-",
        "\x00": "",
    }
)


#: Any character ``_CHAR_FIXES`` changes.
_NEEDS_FIX_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _CHAR_FIXES) + "]")


def _normalise_chars(text: str) -> str:
    """``text.translate(_CHAR_FIXES)``; a line holding none of its characters is returned as it is
    (what ``translate`` would return), since the regex test is ~8x cheaper than ``translate``'s
    per-character dict lookups on non-ASCII text."""
    if _NEEDS_FIX_RE.search(text) is None:
        return text
    return text.translate(_CHAR_FIXES)


def has_ruled_grid(page: pdfium.PdfPage) -> bool:
    """Whether the page draws both vertical and horizontal rules (or several boxes): a table may be here.

    Underlined words and signature lines are horizontal only, so they do not send a page to pdfplumber.
    """
    vertical = horizontal = boxes = paths = 0
    for left, bottom, right, top in path_bounds(page):
        paths += 1
        if paths > MAX_PATHS_FOR_TABLE:
            return False
        width, height = right - left, top - bottom
        if width <= RULE_THICKNESS and height >= BOX_SIZE:
            vertical += 1
        elif height <= RULE_THICKNESS and width >= BOX_SIZE:
            horizontal += 1
        elif width >= BOX_SIZE and height >= BOX_SIZE:
            boxes += 1
    return (vertical >= MIN_VERTICAL_RULES and horizontal >= MIN_HORIZONTAL_RULES) or boxes >= MIN_BOXES


def path_bounds(page: pdfium.PdfPage) -> Iterator[tuple[float, float, float, float]]:
    """Bounds (left, bottom, right, top) of the page's path objects, in drawing order.

    The same objects, order and numbers as ``page.get_objects(filter=[FPDF_PAGEOBJ_PATH], max_depth=2)``
    followed by ``obj.get_bounds()`` on each: the page's own objects, and the objects of each Form
    XObject among them (one level down, not deeper). It calls the same pdfium functions through
    ``pypdfium2.raw`` instead of building a helper object (and a ``get_objects`` generator frame) for
    every text, image and path object of the page: about a quarter of the time on a 40-page contract.
    """
    bounds = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    on_page = (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject)
    in_form = (pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject)
    for obj, kind in _page_objects(page.raw, *on_page, (path, form)):
        if kind == path:
            yield _object_bounds(obj, bounds)
        else:
            for inner, _ in _page_objects(obj, *in_form, (path,)):
                yield _object_bounds(inner, bounds)


def _page_objects(
    parent: Any, count_objects: Callable, get_object: Callable, kinds: tuple[int, ...]
) -> Iterator[tuple[Any, int]]:
    """(raw object, type) of each object of a page or form whose type is one of ``kinds``, in order,
    with ``get_objects``' errors (checked on every object, as it does)."""
    total = count_objects(parent)
    if total < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    get_type, unknown = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_UNKNOWN
    for index in range(total):
        obj = get_object(parent, index)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = get_type(obj)
        if kind == unknown:
            raise pdfium.PdfiumError("Failed to determine pageobject type.")
        if kind in kinds:
            yield obj, kind


def _object_bounds(obj: Any, bounds: tuple[ctypes.c_float, ...]) -> tuple[float, float, float, float]:
    """``PdfObject.get_bounds()``: the same float32 values, read into a reused set of c_floats."""
    left, bottom, right, top = bounds
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value


def read_pdf(data: bytes, max_pages: int) -> PdfPages:
    """Positioned lines of every page; raises the input errors of ``nlp.errors``."""
    with _PDFIUM_LOCK:
        document = _open(data)
        try:
            page_count = len(document)
            if page_count == 0:
                raise CorruptFile("This PDF has no pages.")
            if page_count > max_pages:
                raise TooManyPages(
                    f"This PDF has {page_count} pages; the limit is {max_pages}. "
                    "Split it or raise the page limit."
                )
            pages: list[PageLines] = []
            empty_pages: list[int] = []
            table_candidates: list[int] = []
            for index in range(page_count):
                try:
                    page = document[index]
                except pdfium.PdfiumError:  # counted in the page tree but not loadable: the tree is damaged
                    raise CorruptFile(
                        f"Page {index + 1} of {page_count} of this PDF is damaged and cannot be read. "
                        "Download or export the PDF again."
                    ) from None
                try:
                    lines, visible = _page_lines(page, index + 1)
                    if visible < MIN_CHARS_PER_TEXT_PAGE:
                        empty_pages.append(index + 1)
                    if has_ruled_grid(page):
                        table_candidates.append(index + 1)
                finally:
                    page.close()
                pages.append(lines)
        finally:
            document.close()

    warnings: list[str] = []
    if len(empty_pages) == page_count:
        raise NoTextLayer(
            "This PDF has no text layer (it looks like a scan or photo). Run OCR on it first "
            "(for example with ocrmypdf), or upload the original document."
        )
    if empty_pages:
        warnings.append(
            f"{len(empty_pages)} of {page_count} pages have no text layer (scanned?) and were not "
            f"analysed: pages {_page_list(empty_pages)}."
        )

    table_pages: list[int] = []
    if len(table_candidates) > MAX_TABLE_PAGES:
        warnings.append(
            f"Ruled tables on {len(table_candidates) - MAX_TABLE_PAGES} pages were read as plain text "
            f"(pages {_page_list(table_candidates[MAX_TABLE_PAGES:])})."
        )
        table_candidates = table_candidates[:MAX_TABLE_PAGES]
    if table_candidates:
        tables = _find_tables(data, table_candidates)
        for number, found in tables.items():
            if found:
                pages[number - 1] = _replace_table_lines(pages[number - 1], found)
                table_pages.append(number)
        skipped = [n for n in table_candidates if n not in tables]
        if skipped:
            warnings.append(
                f"Ruled tables on {len(skipped)} pages were read as plain text to keep the analysis fast "
                f"(pages {_page_list(skipped)})."
            )
    return PdfPages(pages, warnings, tuple(table_pages))


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:12])
    return shown + (", ..." if len(numbers) > 12 else "")


def _find_tables(data: bytes, page_numbers: list[int]) -> dict[int, list[TableCells]]:
    """Ruled tables on the given pages, found by pdfplumber (pdfminer), in pdfium coordinates."""
    import pdfplumber  # imported here: only pages with ruled graphics pay for it

    found: dict[int, list[TableCells]] = {}
    started = time.perf_counter()
    try:
        with pdfplumber.open(io.BytesIO(data), pages=page_numbers) as pdf:
            for page in pdf.pages:
                if time.perf_counter() - started > TABLE_TIME_BUDGET_SECONDS:
                    break
                tables: list[TableCells] = []
                for table in page.find_tables():
                    rows = tuple(
                        tuple(" ".join((cell or "").split()) for cell in row) for row in table.extract()
                    )
                    rows = tuple(row for row in rows if any(row))
                    if len(rows) < 2 or max(len(row) for row in rows) < 2:
                        continue
                    x0, top, x1, bottom = table.bbox
                    tables.append(
                        TableCells(x0, x1, page.height - bottom, page.height - top, rows)
                    )
                found[page.page_number] = tables
    except Exception as error:  # pdfminer can fail on pages pdfium reads; tables are a bonus
        logger.warning("table detection failed: %s", type(error).__name__)
    return found


def _replace_table_lines(page: PageLines, tables: list[TableCells]) -> PageLines:
    """Swap the lines inside each table's box for one line per table row ("a | b | c")."""
    lines: list[Line] = []
    placed: set[int] = set()
    for line in page.lines:
        middle = (line.top + line.bottom) / 2
        centre = (line.left + line.right) / 2
        hit = next(
            (
                i
                for i, t in enumerate(tables)
                if t.bottom - 1 <= middle <= t.top + 1 and t.left - 1 <= centre <= t.right + 1
            ),
            None,
        )
        if hit is None:
            lines.append(line)
            continue
        if hit in placed:
            continue
        placed.add(hit)
        table = tables[hit]
        step = (table.top - table.bottom) / max(len(table.rows), 1)
        for row_index, row in enumerate(table.rows):
            top = table.top - row_index * step
            text = " | ".join(cell for cell in row)
            lines.append(Line(text, table.left, table.left, top - step, top))
    return PageLines(page.number, page.width, page.height, tuple(lines))
