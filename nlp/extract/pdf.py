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

import io
import logging
import threading
import time
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from nlp.errors import CorruptFile, EncryptedPdf, NoTextLayer, TooManyPages, TruncatedFile
from nlp.extract.layout import Line, PageLines

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
        lines: list[Line] = []
        position = 0
        aligned = len(text) == count
        for raw in text.split("\r\n"):
            cleaned = _normalise_chars(raw)
            stripped = cleaned.strip()
            if stripped and aligned:
                first = position + (len(cleaned) - len(cleaned.lstrip()))
                last = position + len(cleaned.rstrip()) - 1
                left, bottom_a, _, top_a = textpage.get_charbox(first)
                _, bottom_b, right, top_b = textpage.get_charbox(last)
                lines.append(Line(stripped, left, right, min(bottom_a, bottom_b), max(top_a, top_b)))
            elif stripped:
                # Character indices do not line up with the text (rare): keep text, fake a full-width line.
                lines.append(Line(stripped, 0.0, width, height / 2, height / 2))
            position += len(raw) + 2
        visible = sum(1 for char in text if not char.isspace())
    finally:
        textpage.close()
    return PageLines(number, width, height, tuple(lines)), visible


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


def _normalise_chars(text: str) -> str:
    return text.translate(_CHAR_FIXES)


def has_ruled_grid(page: pdfium.PdfPage) -> bool:
    """Whether the page draws both vertical and horizontal rules (or several boxes): a table may be here.

    Underlined words and signature lines are horizontal only, so they do not send a page to pdfplumber.
    """
    vertical = horizontal = boxes = paths = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        paths += 1
        if paths > MAX_PATHS_FOR_TABLE:
            return False
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if width <= RULE_THICKNESS and height >= BOX_SIZE:
            vertical += 1
        elif height <= RULE_THICKNESS and width >= BOX_SIZE:
            horizontal += 1
        elif width >= BOX_SIZE and height >= BOX_SIZE:
            boxes += 1
    return (vertical >= MIN_VERTICAL_RULES and horizontal >= MIN_HORIZONTAL_RULES) or boxes >= MIN_BOXES


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
                page = document[index]
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
